"""Dedupe, rate, pacing and shared values behave the same in memory and in a real Redis."""
from __future__ import annotations

import asyncio
import time

import pytest

from bot.coordination.memory import MemoryCoordination
from bot.coordination.redis import RedisCoordination


@pytest.fixture(params=["memory", pytest.param("redis", marks=pytest.mark.slow)])  # redis: starts redis-server
async def coord(request):
    if request.param == "memory":
        impl = MemoryCoordination()
    else:
        impl = RedisCoordination(request.getfixturevalue("redis_url"))
    yield impl
    await impl.close()


async def test_first_time_and_forget(coord):
    assert await coord.first_time("tg:1:5", 60)
    assert not await coord.first_time("tg:1:5", 60)
    await coord.forget("tg:1:5")
    assert await coord.first_time("tg:1:5", 60)


async def test_first_time_expires(coord):
    assert await coord.first_time("k", 0.2)
    await asyncio.sleep(0.3)
    assert await coord.first_time("k", 0.2)


async def test_first_time_is_atomic_under_concurrency(coord):
    results = await asyncio.gather(*[coord.first_time("same", 60) for _ in range(50)])
    assert results.count(True) == 1


async def test_hit_is_a_sliding_window(coord):
    assert [await coord.hit("u", 3, 1.0) for _ in range(5)] == [True, True, True, False, False]
    assert await coord.hit("other", 3, 1.0), "users are counted separately"
    await asyncio.sleep(1.1)
    assert await coord.hit("u", 3, 1.0)


async def test_reserve_spaces_sends(coord):
    waits = [await coord.reserve("chat", 0.2) for _ in range(4)]
    assert waits[0] == pytest.approx(0, abs=0.01)
    for i, wait in enumerate(waits[1:], 1):  # time passing between calls can only shorten a wait
        assert 0.2 * i - 0.15 <= wait <= 0.2 * i + 0.01, waits
    assert waits == sorted(waits)
    assert await coord.reserve("another chat", 0.2) == pytest.approx(0, abs=0.01)


async def test_json_values(coord):
    assert await coord.get_json("last:x") is None
    await coord.put_json("last:x", [{"n": 1, "quote": "Ngoại giao văn hóa"}], 60)
    assert await coord.get_json("last:x") == [{"n": 1, "quote": "Ngoại giao văn hóa"}]
    await coord.put_json("short", 1, 0.1)
    await asyncio.sleep(0.2)
    assert await coord.get_json("short") is None


async def test_lock_serialises(coord):
    inside, peak = 0, 0

    async def critical():
        nonlocal inside, peak
        async with coord.lock("refresh", timeout=5):
            inside += 1
            peak = max(peak, inside)
            await asyncio.sleep(0.02)
            inside -= 1

    started = time.monotonic()
    await asyncio.gather(*[critical() for _ in range(5)])
    assert peak == 1 and time.monotonic() - started >= 0.09
    assert await coord.ping()
