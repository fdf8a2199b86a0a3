"""Chaos: 500 acknowledged Telegram updates, the whole service (serve + its worker processes) killed with
SIGKILL while answers are in flight, restarted: every update answered within 2 minutes, none more than twice.

Old code: acknowledged updates waited in an in-memory queue, so the kill lost every one not yet answered.
"""
from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from contextlib import contextmanager

import httpx
import pytest

from tests.bot.conftest import ROOT, TG_SECRET, service_env, wait_until_healthy
from tests.bot.faults import answers
from tests.bot.test_telegram import HEADER, tg_update

pytestmark = pytest.mark.slow

UPDATES = 500
CHATS = 100
RECOVERY_SECONDS = 120.0


@contextmanager
def service(env: dict):
    """`python -m tests.bot.serve_fake` with worker processes, in its own process group."""
    os.makedirs(env["NGVH_DATA_DIR"], exist_ok=True)
    log = open(os.path.join(env["NGVH_DATA_DIR"], "service.log"), "ab")
    proc = subprocess.Popen([sys.executable, "-m", "tests.bot.serve_fake"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=log, text=True, start_new_session=True)
    try:
        yield proc, wait_until_healthy(proc, 30)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(10)
        log.close()


def kill_group(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGKILL)  # serve, its workers, everything they had in hand
    proc.wait(10)


async def _post_all(url: str) -> list[int]:
    limit = asyncio.Semaphore(20)
    async with httpx.AsyncClient(base_url=url, timeout=20) as client:
        async def post(i: int) -> int:
            async with limit:
                update = tg_update(1000 + i, f"câu {i} hỏi gì?", chat_id=90_000 + i % CHATS)
                return (await client.post("/webhook/telegram", json=update, headers={HEADER: TG_SECRET})).status_code

        return await asyncio.gather(*[post(i) for i in range(UPDATES)])


@pytest.fixture(params=["embedded", "redis"])
def chaos_env(request, fake_telegram, data_dir):
    env = service_env(
        data_dir, fake_telegram,
        NGVH_TEST_WORKERS="2",
        NGVH_TEST_CORE_DELAY="0.03",
        NGVH_TEST_LEASE="6",  # Redis: entries of the killed workers are claimed after 6 s idle
    )
    if request.param == "redis":
        env["NGVH_REDIS_URL"] = request.getfixturevalue("redis_url")
    return env


def test_sigkill_while_answering_loses_nothing(chaos_env, fake_telegram):
    with service(chaos_env) as (proc, url):
        statuses = asyncio.run(_post_all(url))
        assert statuses == [200] * UPDATES, Counter(statuses)
        deadline = time.monotonic() + 60
        while len(answers(fake_telegram)) < UPDATES // 10:  # answers are in flight
            assert time.monotonic() < deadline, "no answers before the kill"
            time.sleep(0.02)
        kill_group(proc)
    before_restart = len(answers(fake_telegram))
    assert before_restart < UPDATES, "everything was answered before the kill: the test proves nothing"
    restarted_at = time.monotonic()
    with service(chaos_env):
        while len(answers(fake_telegram)) < UPDATES:
            assert time.monotonic() - restarted_at < RECOVERY_SECONDS, (
                f"{UPDATES - len(answers(fake_telegram))} updates never answered after the restart: {_diagnose(chaos_env, fake_telegram)}")
            time.sleep(0.1)
        time.sleep(1.0)  # a late double answer would show up here
    counts = answers(fake_telegram)
    assert set(counts) == set(range(UPDATES))
    assert max(counts.values()) <= 2, [i for i, n in counts.items() if n > 2]


def _diagnose(env: dict, fake) -> str:
    missing = sorted(set(range(UPDATES)) - set(answers(fake)))
    log = open(os.path.join(env["NGVH_DATA_DIR"], "service.log"), errors="replace").read()
    print("SERVICE LOG", "\n".join(line for line in log.splitlines() if "rror" in line or "fail" in line)[-5000:])
    if "NGVH_REDIS_URL" not in env:
        return f"missing {missing}"
    import redis

    r = redis.Redis.from_url(env["NGVH_REDIS_URL"], decode_responses=True)
    chats = {90_000 + i % CHATS for i in missing}
    keys = {c: (r.get(f"ngvh:seq:telegram:{c}"), r.get(f"ngvh:done:telegram:{c}")) for c in chats}
    return f"missing {missing}; seq/done {keys}; xlen {r.xlen('ngvh:q')}; pending {r.xpending('ngvh:q', 'workers')}; entries {r.xrange('ngvh:q', count=5)}"
