"""A service process for multi-replica tests: the real app with the fake core, settings from NGVH_*.

Prints `LISTENING <port>` once the socket is bound (the OS picks the port), then serves until SIGTERM.
Run as `python -m tests.bot.serve_fake`.
"""
from __future__ import annotations

import os
import sys

import uvicorn

from bot import create_app
from bot.runtime import BotOptions
from ngvh.config import Settings
from tests.bot.conftest import fast_options, free_socket
from tests.bot.fakes import FakeCore


def main() -> None:
    settings = Settings(_env_file=None)
    if os.environ.get("NGVH_TEST_PROFILE") == "production":  # the load test: real timeouts, pacing, workers
        options = BotOptions(warm_up=False)
    else:
        options = fast_options(pacing_scale=float(os.environ.get("NGVH_TEST_PACING", "0")))
    app = create_app(settings, FakeCore(delay=float(os.environ.get("NGVH_TEST_CORE_DELAY", "0"))), options=options)
    sock = free_socket()
    print(f"LISTENING {sock.getsockname()[1]}", flush=True)
    loop = os.environ.get("NGVH_TEST_LOOP", "auto")  # "asyncio" for debugging slow callbacks
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on", loop=loop))
    server.run(sockets=[sock])


if __name__ == "__main__":
    sys.exit(main())
