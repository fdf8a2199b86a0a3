"""Fixtures for the webhook service: fake platform APIs, settings, and the app served on a free port."""
from __future__ import annotations

import asyncio
import os
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest
import uvicorn

from bot.options import BotOptions
from ground.config import Settings
from tests.bot.fakes import FakeCore, FakeTelegram, FakeZaloBot, FakeZaloOA

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"

TG_TOKEN = "123456789:AAH-fake-telegram-token-for-tests-only"
TG_SECRET = "tg_Wq7fLk2Rz9Xc4Vb8Nm3Pq"
ZB_TOKEN = "987654321:zalo-bot-fake-token-for-tests-only-xyz"
ZB_SECRET = "zb_Hs6Jd1Kf5Lg9Qw2Er7Ty"
OA_APP_ID = "3608465249409039670"
OA_SECRET_KEY = "oa-Mz4Nx8Bc2Vq6Lp0Rt5Ys"
OA_APP_SECRET = "oa-app-secret-for-tests-0123"
ADMIN_TOKEN = "adm-Gh3Jk7Lm1Np5Qr9St2Uv"
ADMIN_ID = 4242


def fast_options(**overrides) -> BotOptions:
    """Real behaviour with short waits: tests stay fast and still exercise retries and pacing."""
    values = dict(
        jobs_per_worker=4,
        backoff_base=0.02,
        backoff_max=0.1,
        send_timeout=2.0,  # short, yet far above a loopback call on a busy machine
        pacing_scale=0.0,
        shutdown_grace=3.0,
        warm_up=False,
        daily_reminders=False,  # the tests of reminders run their passes with a frozen day
    )
    values.update(overrides)
    return BotOptions(**values)


def make_settings(data_dir: Path, **overrides) -> Settings:
    values = dict(data_dir=data_dir, rate_per_minute=20)
    values.update(overrides)
    return Settings(_env_file=None, **values)  # never read a developer's .env


def telegram_channel(fake: FakeTelegram) -> dict:
    """Settings for Telegram against a fake Bot API, with a valid webhook secret."""
    return dict(telegram_token=TG_TOKEN, telegram_secret=TG_SECRET, telegram_api_base=fake.url)


def zalo_bot_channel(fake: FakeZaloBot) -> dict:
    return dict(zalo_bot_token=ZB_TOKEN, zalo_bot_secret=ZB_SECRET, zalo_bot_api_base=fake.url)


def zalo_oa_channel(fake: FakeZaloOA) -> dict:
    return dict(
        zalo_oa_app_id=OA_APP_ID,
        zalo_oa_secret_key=OA_SECRET_KEY,
        zalo_oa_app_secret=OA_APP_SECRET,
        zalo_oa_access_token="AT-initial",
        zalo_oa_refresh_token="RT-initial",
        zalo_oa_api_base=fake.url,
        zalo_oa_oauth_base=fake.url,
    )


@pytest.fixture
def fake_telegram():
    server = FakeTelegram(TG_TOKEN)
    yield server
    server.close()


@pytest.fixture
def fake_zalo_bot():
    server = FakeZaloBot(ZB_TOKEN)
    yield server
    server.close()


@pytest.fixture
def fake_zalo_oa():
    server = FakeZaloOA(OA_APP_ID, OA_APP_SECRET, "AT-initial", "RT-initial")
    yield server
    server.close()


@pytest.fixture
def core() -> FakeCore:
    return FakeCore()


@pytest.fixture
def all_channels(data_dir, fake_telegram, fake_zalo_bot, fake_zalo_oa) -> Settings:
    return make_settings(
        data_dir,
        **telegram_channel(fake_telegram),
        **zalo_bot_channel(fake_zalo_bot),
        **zalo_oa_channel(fake_zalo_oa),
        admin_token=ADMIN_TOKEN,
        admin_ids=[ADMIN_ID],
    )


def free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))  # the OS picks a free port
    return sock


@asynccontextmanager
async def serving(app, startup_timeout: float = 15.0) -> AsyncIterator[str]:
    """Serve app with uvicorn on a free loopback port in this event loop; yields the base URL."""
    sock = free_socket()
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on", access_log=False))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    deadline = asyncio.get_running_loop().time() + startup_timeout
    while not server.started:
        if task.done():
            sock.close()
            raise AssertionError(f"server did not start: {task.exception()!r}")
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"server did not start within {startup_timeout}s")
        await asyncio.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await asyncio.wait_for(task, 20)
        sock.close()


@asynccontextmanager
async def running(settings: Settings, services, options: BotOptions | None = None, polling: bool = False):
    """(base URL, httpx client, service) for an app on a free port, answered by an in-process worker."""
    from bot.app import create_app
    from bot.service import Service

    app = create_app(Service(settings, services, options=options or fast_options(), polling=polling))
    async with serving(app) as url:
        async with httpx.AsyncClient(base_url=url, timeout=10) as client:
            yield url, client, app.state.service


async def wait_idle(service, timeout: float = 10.0) -> None:
    """Wait until every stored job has been handled (intake empty, the worker holds nothing)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not await service.idle():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"workers still busy after {timeout}s (queue {await service.intake.depth()})")
        await asyncio.sleep(0.02)


@pytest.fixture(scope="session")
def redis_server():
    """A throwaway redis-server (Debian's package) on a free loopback port, no persistence."""
    import subprocess
    import time

    from tests.conftest import require_system

    binary = require_system("redis-server", "redis-server")
    sock = free_socket()
    port = sock.getsockname()[1]
    sock.close()  # redis binds it itself; the window for a clash is tiny and loopback-only
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    import redis

    client = redis.Redis(host="127.0.0.1", port=port)
    deadline = time.monotonic() + 10
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise AssertionError(f"redis-server did not start: {proc.stderr.read().decode()[-500:]}") from None
            time.sleep(0.05)
    client.close()
    yield f"redis://127.0.0.1:{port}/0"
    proc.terminate()
    proc.wait(10)


@pytest.fixture
def redis_url(redis_server):
    import redis

    client = redis.Redis.from_url(redis_server)
    client.flushall()  # each test starts empty
    client.close()
    return redis_server


def wait_until_healthy(proc, seconds: float) -> str:
    """Base URL of a `python -m tests.bot.serve_fake` process once it printed LISTENING and /healthz answers."""
    import time

    import httpx

    line = proc.stdout.readline()
    if not line.startswith("LISTENING"):
        proc.kill()
        raise AssertionError(f"service did not start: {line!r}")
    url = f"http://127.0.0.1:{line.split()[1]}"
    deadline = time.monotonic() + seconds
    while True:
        try:
            if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                return url
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            raise AssertionError("service exited" if proc.poll() is not None else f"service not healthy in {seconds:.0f} s")
        time.sleep(0.1)


def service_env(data_dir, fake_telegram, **extra: str) -> dict:
    """Environment of a `python -m tests.bot.serve_fake` process: no NGVH_* of ours, Telegram on the fake."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NGVH_")}
    env.update(
        NGVH_DATA_DIR=str(data_dir),
        NGVH_TELEGRAM_TOKEN=TG_TOKEN,
        NGVH_TELEGRAM_SECRET=TG_SECRET,
        NGVH_TELEGRAM_API_BASE=fake_telegram.url,
        NGVH_RATE_PER_MINUTE="1000",
        PYTHONPATH=str(ROOT),
        **extra,
    )
    return env
