"""Two service processes sharing a real redis-server answer each update exactly once and pace together."""
from __future__ import annotations

import asyncio
import subprocess
import sys
from contextlib import contextmanager

import httpx
import pytest

from tests.bot.conftest import ROOT, TG_SECRET, service_env, wait_until_healthy
from tests.bot.test_telegram import HEADER, tg_update

pytestmark = pytest.mark.slow


@contextmanager
def replica(env: dict):
    """Start `python -m tests.bot.serve_fake`; yield its base URL once /healthz answers."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.bot.serve_fake"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield wait_until_healthy(proc, 20)
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture
def replica_env(redis_url, fake_telegram, data_dir):
    return service_env(data_dir, fake_telegram, NGVH_REDIS_URL=redis_url)


async def _post(client: httpx.AsyncClient, url: str, payload: dict) -> int:
    response = await client.post(url + "/webhook/telegram", json=payload, headers={HEADER: TG_SECRET})
    return response.status_code


async def test_two_replicas_answer_each_update_exactly_once(replica_env, fake_telegram):
    with replica(replica_env) as a, replica(replica_env) as b:
        async with httpx.AsyncClient(timeout=10) as client:
            # every update is delivered to both replicas at the same moment (a re-delivery landing elsewhere)
            updates = [tg_update(1000 + i, f"câu hỏi số {i}", chat_id=50_000 + i) for i in range(40)]
            statuses = await asyncio.gather(*[_post(client, url, u) for u in updates for url in (a, b)])
            assert set(statuses) == {200}
            await fake_telegram.wait_calls("sendMessage", 40, timeout=30)
            await asyncio.sleep(1.0)  # any double answer would arrive in this window
    texts = fake_telegram.sent_texts()
    assert len(texts) == 40, f"{len(texts)} answers for 40 updates"
    assert sorted(texts) == sorted({t for t in texts}), "an update was answered twice"
    for i in range(40):
        assert sum(t.startswith(f"Trả lời cho: câu hỏi số {i} ") for t in texts) == 1


async def test_replicas_share_pacing_rate_and_last_answer(replica_env, fake_telegram):
    env = {**replica_env, "NGVH_TEST_PACING": "1", "NGVH_RATE_PER_MINUTE": "3"}
    with replica(env) as a, replica(env) as b:
        async with httpx.AsyncClient(timeout=10) as client:
            assert await _post(client, a, tg_update(1, "một", chat_id=77)) == 200
            assert await _post(client, b, tg_update(2, "hai", chat_id=77)) == 200
            await fake_telegram.wait_calls("sendMessage", 2, timeout=15)
            # the answer came from A or B; /nguon on the other one still finds it (the limit is 3 a minute)
            assert await _post(client, b, tg_update(3, "/nguon 1", chat_id=77)) == 200
            await fake_telegram.wait_calls("sendMessage", 3, timeout=15)
            assert await _post(client, a, tg_update(4, "bốn", chat_id=77)) == 200
            await fake_telegram.wait_calls("sendMessage", 4, timeout=15)
            await asyncio.sleep(0.5)
    calls = fake_telegram.calls_to("sendMessage")
    assert len(calls) == 4
    gaps = [later.at - earlier.at for earlier, later in zip(calls, calls[1:], strict=False)]
    assert min(gaps) >= 0.9, f"one chat, two replicas, still about a second apart: {gaps}"
    texts = [c.params["text"] for c in calls]
    assert texts[2].startswith("<b>[1] Kế hoạch 726/KH-UBND</b>"), "the last answer is shared through Redis"
    assert "quá nhiều câu hỏi" in texts[3], "the per-user limit is counted across replicas"
