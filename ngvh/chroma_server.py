"""A Chroma server on loopback for `ngvh serve`: its worker processes and `ngvh ingest` share one store.

Embedded Chroma is not safe across processes: each keeps reading its own cached vector index after
another one writes (chroma-core/chroma #3792, #961). So when NGVH_CHROMA_URL is unset and serve starts
worker processes, it runs the chromadb package's own `chroma run` on the same NGVH_DATA_DIR/chroma folder
and gives its URL to the workers; the URL is also written to NGVH_DATA_DIR/state/chroma.url, where
`ngvh ingest` and the other commands find it while serve runs. The server is restarted with backoff when it
dies; its output (warnings and errors) goes to state/chroma.log, rotated by size.
"""
from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from logging.handlers import RotatingFileHandler
from pathlib import Path

import httpx

from bot.supervisor import yield_cpu
from ground.config import Settings

log = logging.getLogger("ngvh.chroma")

URL_FILE = "chroma.url"
LOG_FILE = "chroma.log"
LOG_MAX_BYTES = 1_000_000  # chroma.log is rotated at this size
LOG_BACKUPS = 2  # so the server's log takes at most 3 MB
CHROMA_LOG_LEVEL = "warn"
START_TIMEOUT_SECONDS = 60.0
WATCH_EVERY_SECONDS = 0.5
RESTART_BACKOFF_START = 0.5  # first wait before restarting a server that died; doubles while restarts fail
RESTART_BACKOFF_MAX = 30.0


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
    """The server process, watched like the workers: restarted with backoff on the same port when it dies, so
    the workers' NGVH_CHROMA_URL stays right and answers resume without a restart of serve."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.proc: subprocess.Popen | None = None
        self.url = ""
        self.port = 0
        self.restarts = 0
        self._stopping = threading.Event()
        self._watcher: threading.Thread | None = None
        self._log = RotatingFileHandler(settings.state_path / LOG_FILE, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS,
                                        encoding="utf-8", delay=True) if self._state() else None
        if self._log is not None:
            self._log.setFormatter(logging.Formatter("%(message)s"))

    def start(self) -> str:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.settings.chroma_path.mkdir(parents=True, exist_ok=True)
        if not self._spawn_and_wait(START_TIMEOUT_SECONDS):
            self.stop()
            raise RuntimeError(f"the local Chroma server did not start (see {self.settings.state_path / LOG_FILE})")
        (self.settings.state_path / URL_FILE).write_text(self.url, encoding="utf-8")
        self._watcher = threading.Thread(target=self._watch, name="chroma-supervisor", daemon=True)
        self._watcher.start()
        return self.url

    def _spawn_and_wait(self, timeout: float) -> bool:
        self.proc = subprocess.Popen(
            [chroma_binary(), "run", "--path", str(self.settings.chroma_path), "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            # warnings and errors only: at INFO it writes ~24 KB for every question
            env={**os.environ, "ANONYMIZED_TELEMETRY": "False", "RUST_LOG": CHROMA_LOG_LEVEL, "NO_COLOR": "1"},
            # dies with serve (which may end by a re-raised SIGTERM, with no `finally` run); it serves the
            # workers, never the acknowledgement, so it runs behind serve like they do
            preexec_fn=yield_cpu,
        )
        threading.Thread(target=self._copy_output, args=(self.proc,), name="chroma-log", daemon=True).start()
        deadline = time.monotonic() + timeout
        while not answers(self.url):
            if self.proc.poll() is not None or time.monotonic() > deadline or self._stopping.is_set():
                return False
            time.sleep(0.2)
        return True

    def _copy_output(self, proc: subprocess.Popen) -> None:
        """The server's output into chroma.log, rotated by size; read to the end whatever happens, so a full
        pipe never blocks the server."""
        assert proc.stdout is not None
        for raw in proc.stdout:
            if self._log is None:
                continue
            try:
                line = raw.decode("utf-8", "replace").rstrip()
                if line:
                    self._log.emit(logging.makeLogRecord({"msg": line, "levelno": logging.WARNING}))
            except Exception:
                pass  # a full disk: the line is lost, the server goes on

    def _watch(self) -> None:
        delay = RESTART_BACKOFF_START
        while not self._stopping.wait(WATCH_EVERY_SECONDS):
            proc = self.proc
            if proc is None or proc.poll() is None:
                continue
            log.warning("chroma server exited, restarting", extra={"code": proc.returncode, "delay": delay})
            if self._stopping.wait(delay):
                return
            started = time.monotonic()
            if self._spawn_and_wait(START_TIMEOUT_SECONDS):
                self.restarts += 1
                log.warning("chroma server restarted", extra={"url": self.url, "seconds": round(time.monotonic() - started, 1)})
                delay = RESTART_BACKOFF_START
            else:
                if self.proc is not None and self.proc.poll() is None:
                    self.proc.kill()  # started but never answered: kill it, the next round starts another
                delay = min(delay * 2, RESTART_BACKOFF_MAX)

    def _state(self) -> bool:
        self.settings.state_path.mkdir(parents=True, exist_ok=True)
        return True

    def stop(self) -> None:
        self._stopping.set()
        (self.settings.state_path / URL_FILE).unlink(missing_ok=True)
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        if self._log is not None:
            self._log.close()


def running_server_url(settings: Settings) -> str | None:
    """The URL of the Chroma server a running `ngvh serve` started on this data folder, if it answers."""
    path = settings.state_path / URL_FILE
    if settings.chroma_url or not path.exists():
        return None
    url = path.read_text(encoding="utf-8").strip()
    return url if url and answers(url) else None
