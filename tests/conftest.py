"""Shared fixtures: every test gets its own NGVH_DATA_DIR, so nothing touches ./data."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def require_system(binary: str, package: str) -> str:
    """Path of a system program a test needs; skip with the Debian package name, fail under CI=true."""
    path = shutil.which(binary)
    if path:
        return path
    message = f"{binary} not found: install the Debian package '{package}' (apt-get install {package})"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    path = tmp_path / "ngvh-data"
    monkeypatch.setenv("NGVH_DATA_DIR", str(path))
    from ground.config import get_settings

    get_settings.cache_clear()
    yield path
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES
