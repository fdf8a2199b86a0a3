"""Coordination in Redis: atomic calls (Lua scripts on the server's clock) shared by replicas and worker machines."""
from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from bot import redis_client
from bot.coordination.base import Coordination
from bot.polled_lock import polled_lock

# Sliding-window rate: drop old events, refuse when full, else record this one (all in one step).
_HIT_SCRIPT = """
local now = redis.call('TIME')
local t = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', t - window)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], t, ARGV[3])
redis.call('PEXPIRE', KEYS[1], window + 1000)
return 1
"""

# Next send slot for a chat: max(now, previous slot) + interval; the server clock is the only clock,
# so replicas with skewed clocks still agree.
_RESERVE_SCRIPT = """
local now = redis.call('TIME')
local t = tonumber(now[1]) * 1000 + tonumber(now[2]) / 1000
local interval = tonumber(ARGV[1])
local nxt = tonumber(redis.call('GET', KEYS[1]) or '0')
local start = math.max(t, nxt)
redis.call('SET', KEYS[1], tostring(start + interval), 'PX', math.ceil(start + interval - t) + 1000)
return tostring(start - t)
"""

_UNLOCK_SCRIPT = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


class RedisCoordination(Coordination):
    """Redis implementation; keys live under one prefix so a shared Redis can hold other things."""

    def __init__(self, url: str, prefix: str = "ngvh:"):
        self._redis = redis_client.connect(url)
        self._prefix = prefix
        self._hit = self._redis.register_script(_HIT_SCRIPT)
        self._reserve = self._redis.register_script(_RESERVE_SCRIPT)
        self._unlock = self._redis.register_script(_UNLOCK_SCRIPT)

    def _k(self, key: str) -> str:
        return self._prefix + key

    async def first_time(self, key: str, ttl: float) -> bool:
        return bool(await self._redis.set(self._k("seen:" + key), "1", nx=True, px=max(1, int(ttl * 1000))))

    async def forget(self, key: str) -> None:
        await self._redis.delete(self._k("seen:" + key))

    async def hit(self, key: str, limit: int, window: float) -> bool:
        member = uuid.uuid4().hex  # unique, so two events in the same millisecond both count
        result = await self._hit(keys=[self._k("rate:" + key)], args=[limit, int(window * 1000), member])
        return bool(int(result))

    async def reserve(self, key: str, interval: float) -> float:
        wait_ms = await self._reserve(keys=[self._k("slot:" + key)], args=[interval * 1000])
        return max(0.0, float(wait_ms) / 1000)

    async def put_json(self, key: str, value: Any, ttl: float) -> None:
        await self._redis.set(self._k("kv:" + key), json.dumps(value, ensure_ascii=False), px=int(ttl * 1000))

    async def get_json(self, key: str) -> Any:
        raw = await self._redis.get(self._k("kv:" + key))
        return None if raw is None else json.loads(raw)

    @asynccontextmanager
    async def lock(self, name: str, timeout: float = 30.0) -> AsyncIterator[None]:
        key, token = self._k("lock:" + name), uuid.uuid4().hex

        async def acquire() -> bool:
            return bool(await self._redis.set(key, token, nx=True, px=int(timeout * 1000)))

        async with polled_lock(name, timeout, acquire, lambda: self._unlock(keys=[key], args=[token])):
            yield

    async def ping(self) -> bool:
        return bool(await self._redis.ping())

    async def close(self) -> None:
        await self._redis.aclose()
