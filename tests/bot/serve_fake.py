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
from ground.config import Settings
from tests.bot.conftest import fast_options, free_socket
from tests.bot.fakes import FakeCore


def options() -> BotOptions:
    if os.environ.get("NGVH_TEST_PROFILE") == "production":  # the load test: real timeouts, pacing, workers
        return BotOptions(warm_up=False)
    return fast_options(pacing_scale=float(os.environ.get("NGVH_TEST_PACING", "0")), lease=float(os.environ.get("NGVH_TEST_LEASE", "30")))


def core() -> FakeCore:
    return FakeCore(delay=float(os.environ.get("NGVH_TEST_CORE_DELAY", "0")))


def main() -> None:
    settings = Settings(_env_file=None)
    if sys.argv[1:] == ["--worker"]:
        from bot.worker_process import run_worker

        asyncio.run(run_worker(settings, core(), options()))
        return
    workers = int(os.environ.get("NGVH_TEST_WORKERS", "0"))
    if workers:
        app = create_app(settings, None, options=options(), worker_command=[sys.executable, "-m", "tests.bot.serve_fake", "--worker"],
                         workers=workers)
    else:
        app = create_app(settings, core(), options=options())
    sock = free_socket()
    print(f"LISTENING {sock.getsockname()[1]}", flush=True)
    loop = os.environ.get("NGVH_TEST_LOOP", "auto")  # "asyncio" for debugging slow callbacks
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on", loop=loop))
    server.run(sockets=[sock])


if __name__ == "__main__":
    sys.exit(main())
