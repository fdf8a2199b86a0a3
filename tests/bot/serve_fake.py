"""A service process for multi-process tests: the real app with the fake core, settings from NGVH_*.

Prints `LISTENING <port>` once the socket is bound (the OS picks the port), then serves until SIGTERM.
Run as `python -m tests.bot.serve_fake`. With NGVH_TEST_WORKERS=N it answers through N worker processes
(`python -m tests.bot.serve_fake --worker`, the fake core in each), as `ngvh serve` does; else in-process.
"""
from __future__ import annotations

import asyncio
import os
import sys

import uvicorn

from bot.app import create_app
from bot.options import BotOptions
from bot.service import Service
from ground.config import Settings
from tests.bot.conftest import fast_options, free_socket
from tests.bot.fakes import FakeCore


def options() -> BotOptions:
    if os.environ.get("NGVH_TEST_PROFILE") == "production":  # the load test: real timeouts, pacing, workers
        return BotOptions(warm_up=False)
    return fast_options(pacing_scale=float(os.environ.get("NGVH_TEST_PACING", "0")), lease=float(os.environ.get("NGVH_TEST_LEASE", "30")))


class ChromaBackedCore(FakeCore):
    """The fake core, except that every answer first reads a collection on the real Chroma server at
    NGVH_CHROMA_URL (as retrieval does): with the server down, answering fails as the real core's would."""

    def __init__(self, url: str, **kwargs):
        super().__init__(**kwargs)
        self.url = url
        self._client = None

    def ask(self, question: str):
        if self._client is None:
            import chromadb
            from chromadb.config import Settings as ChromaSettings

            from vectorstore.chroma import parse_chroma_url

            host, port, _ = parse_chroma_url(self.url)
            self._client = chromadb.HttpClient(host=host, port=port, settings=ChromaSettings(anonymized_telemetry=False))
        self._client.get_or_create_collection("fault-probe").count()
        return super().ask(question)


def core() -> FakeCore:
    delay = float(os.environ.get("NGVH_TEST_CORE_DELAY", "0"))
    if os.environ.get("NGVH_CHROMA_URL"):
        return ChromaBackedCore(os.environ["NGVH_CHROMA_URL"], delay=delay)
    return FakeCore(delay=delay)


def main() -> None:
    settings = Settings(_env_file=None)
    if sys.argv[1:] == ["--worker"]:
        from bot.worker_process import run_worker

        asyncio.run(run_worker(settings, core(), options()))
        return
    workers = int(os.environ.get("NGVH_TEST_WORKERS", "0"))
    chroma = None
    if os.environ.get("NGVH_TEST_CHROMA") == "local":  # as `ngvh serve` does: a supervised local Chroma server
        from ngvh.chroma_server import LocalChroma

        chroma = LocalChroma(settings)
        os.environ["NGVH_CHROMA_URL"] = chroma.start()  # the workers inherit it
        settings = Settings(_env_file=None)
    if workers:
        app = create_app(Service(settings, None, options=options(), workers=workers,
                                 worker_command=[sys.executable, "-m", "tests.bot.serve_fake", "--worker"]))
    else:
        app = create_app(Service(settings, core(), options=options()))
    sock = free_socket()
    print(f"LISTENING {sock.getsockname()[1]}", flush=True)
    loop = os.environ.get("NGVH_TEST_LOOP", "auto")  # "asyncio" for debugging slow callbacks
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on", loop=loop))
    try:
        server.run(sockets=[sock])
    finally:
        if chroma is not None:
            chroma.stop()


if __name__ == "__main__":
    sys.exit(main())
