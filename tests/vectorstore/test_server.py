"""The same store through a real `chroma run` server on 127.0.0.1, and a clear error when none listens."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from ground.config import Settings
from tests.vectorstore.plan_factory import cao_bang, hue
from vectorstore import PlanStore, StoreUnavailable, open_client

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def chroma_command() -> list[str]:
    cli = Path(sys.executable).with_name("chroma")
    if cli.exists():
        return [str(cli)]
    found = shutil.which("chroma")
    return [found] if found else [sys.executable, "-m", "chromadb.cli.cli"]


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    path = tmp_path_factory.mktemp("chroma-server")
    port = free_port()
    log = open(path / "server.log", "wb")
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    server = subprocess.Popen(
        [*chroma_command(), "run", "--path", str(path / "db"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT, env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"chroma server did not start: {(path / 'server.log').read_text(errors='replace')[-2000:]}")
            time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def test_round_trip_through_server(chroma_url, e5, data_dir):
    settings = Settings(chroma_url=chroma_url, data_dir=data_dir)
    client = open_client(settings)
    assert "fastapi" in client.get_settings().chroma_api_impl and not settings.chroma_path.exists()
    store = PlanStore(client, e5, prefix="srv", lexical_dir=settings.lexical_path)

    v1, v2 = cao_bang(1), cao_bang(2)
    assert store.upsert_plan(v1).status == "added"
    assert store.upsert_plan(hue()).status == "added"
    assert store.upsert_plan(cao_bang(1)).embedded == 0
    replaced = store.upsert_plan(v2)
    assert (replaced.status, replaced.embedded, replaced.reused) == ("replaced", 3, 5)
    assert store.count_chunks() == len(v2.chunks) + 3

    other = PlanStore(open_client(settings), e5, prefix="srv")  # a second process would see the same
    assert other.active_versions() == {v2.id: v2.version, "kh-hue-2024": hue().version}
    assert other.get_plan(v2.id).meta == v2.meta
    hits = other.dense_search(e5.embed_query("Festival Huế"), 2)
    assert hits[0][0].plan_id == "kh-hue-2024"
    assert store.lexical_search("festival hue", 1)[0][0].plan_id == "kh-hue-2024"

    assert other.remove_plan("kh-hue-2024") is True
    assert set(store.active_versions()) == {v2.id}
    assert store.count_chunks() == len(v2.chunks)
    assert {c.plan_id for c in store.iter_chunks()} == {v2.id}


def test_server_down_is_store_unavailable(data_dir):
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    with pytest.raises(StoreUnavailable) as err:
        open_client(Settings(chroma_url=url, data_dir=data_dir))
    assert url in str(err.value)
    assert err.value.__cause__ is None and err.value.__suppress_context__  # no chained traceback


def test_malformed_url_is_store_unavailable(data_dir):
    with pytest.raises(StoreUnavailable, match="not an http"):
        open_client(Settings(chroma_url="ftp://example", data_dir=data_dir))
