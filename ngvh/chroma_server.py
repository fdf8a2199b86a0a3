"""A Chroma server on loopback for `ngvh serve`: its worker processes and `ngvh ingest` share one store.

Embedded Chroma is not safe across processes: each keeps reading its own cached vector index after
another one writes (chroma-core/chroma #3792, #961). So when NGVH_CHROMA_URL is unset and serve starts
worker processes, it runs the chromadb package's own `chroma run` on the same NGVH_DATA_DIR/chroma folder
and gives its URL to the workers; the URL is also written to NGVH_DATA_DIR/state/chroma.url, where
`ngvh ingest` and the other commands find it while serve runs.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from bot.supervisor import yield_cpu
from ground.config import Settings

URL_FILE = "chroma.url"
START_TIMEOUT_SECONDS = 60.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def chroma_binary() -> str:
    beside = Path(sys.executable).with_name("chroma")  # installed with the chromadb package
    return str(beside) if beside.exists() else (shutil.which("chroma") or "chroma")


def answers(url: str) -> bool:
    try:
        return httpx.get(url + "/api/v2/heartbeat", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


class LocalChroma:
    def __init__(self, settings: Settings):
        self.settings = settings
        self.proc: subprocess.Popen | None = None
        self.url = ""

    def start(self) -> str:
        port = _free_port()
        self.settings.chroma_path.mkdir(parents=True, exist_ok=True)
        log_file = open(self.settings.state_path / "chroma.log", "ab") if self._state() else subprocess.DEVNULL
        self.proc = subprocess.Popen(
            [chroma_binary(), "run", "--path", str(self.settings.chroma_path), "--host", "127.0.0.1", "--port", str(port)],
            stdout=log_file, stderr=subprocess.STDOUT, env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
            # dies with serve (which may end by a re-raised SIGTERM, with no `finally` run); it serves the
            # workers, never the acknowledgement, so it runs behind serve like they do
            preexec_fn=yield_cpu,
        )
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while not answers(self.url):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the local Chroma server did not start (see {self.settings.state_path / 'chroma.log'})")
            time.sleep(0.2)
        (self.settings.state_path / URL_FILE).write_text(self.url, encoding="utf-8")
        return self.url

    def _state(self) -> bool:
        self.settings.state_path.mkdir(parents=True, exist_ok=True)
        return True

    def stop(self) -> None:
        (self.settings.state_path / URL_FILE).unlink(missing_ok=True)
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def running_server_url(settings: Settings) -> str | None:
    """The URL of the Chroma server a running `ngvh serve` started on this data folder, if it answers."""
    path = settings.state_path / URL_FILE
    if settings.chroma_url or not path.exists():
        return None
    url = path.read_text(encoding="utf-8").strip()
    return url if url and answers(url) else None
