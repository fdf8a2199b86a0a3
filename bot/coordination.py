"""State shared by everything that answers: dedupe keys, per-user rate, per-chat pacing, small JSON values.

In SQLite by default (bot.coordination_sqlite: the serving process and its workers on one machine).
With NGVH_REDIS_URL the same operations are atomic Redis calls, so several replicas and worker machines
pace each chat together. MemoryCoordination serves a single process (unit tests).
"""
from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections import OrderedDict, deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any, Protocol

from bot.constants import DEDUPE_MEMORY_MAX
from bot.polled_lock import polled_lock

if TYPE_CHECKING:
    from ground.config import Settings


class Coordination(Protocol):
    async def first_time(self, key: str, ttl: float) -> bool:
        """Mark key as seen; True only for the first caller within ttl seconds (atomic)."""

    async def forget(self, key: str) -> None: ...

    async def hit(self, key: str, limit: int, window: float) -> bool:
        """Count one event for key; False when limit events already happened within window seconds."""

    async def reserve(self, key: str, interval: float) -> float:
        """Reserve the next send slot for key, interval seconds after the previous one; returns the wait."""

    async def put_json(self, key: str, value: Any, ttl: float) -> None: ...

    async def get_json(self, key: str) -> Any: ...

    def lock(self, name: str, timeout: float = 30.0): ...  # async context manager

    async def ping(self) -> bool: ...

    async def close(self) -> None: ...


class MemoryCoordination:
    """Single-process implementation; every method is atomic because the event loop is single-threaded."""

    def __init__(self, max_keys: int = DEDUPE_MEMORY_MAX, clock=time.monotonic):
        self._clock = clock
        self._seen: OrderedDict[str, float] = OrderedDict()  # key -> expiry, oldest first
        self._max_keys = max_keys
        self._hits: dict[str, deque[float]] = {}
        self._slots: dict[str, float] = {}
        self._values: dict[str, tuple[float, Any]] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def first_time(self, key: str, ttl: float) -> bool:
        now = self._clock()
        expiry = self._seen.get(key)
        if expiry is not None and expiry > now:
            return False
        self._seen[key] = now + ttl
        self._seen.move_to_end(key)
        while len(self._seen) > self._max_keys:  # bounded memory: drop the oldest keys
            self._seen.popitem(last=False)
        return True

    async def forget(self, key: str) -> None:
        self._seen.pop(key, None)

    async def hit(self, key: str, limit: int, window: float) -> bool:
        now = self._clock()
        events = self._hits.setdefault(key, deque())
        while events and events[0] <= now - window:
            events.popleft()
        if len(events) >= limit:
            return False
        events.append(now)
        if len(self._hits) > self._max_keys:  # forget idle users
            for idle in [k for k, v in self._hits.items() if not v or v[-1] <= now - window]:
                del self._hits[idle]
        return True

    async def reserve(self, key: str, interval: float) -> float:
        now = self._clock()
        start = max(now, self._slots.get(key, 0.0))
        self._slots[key] = start + interval
        if len(self._slots) > self._max_keys:
            for old in [k for k, v in self._slots.items() if v < now]:
                del self._slots[old]
        return start - now

    async def put_json(self, key: str, value: Any, ttl: float) -> None:
        self._values[key] = (self._clock() + ttl, json.loads(json.dumps(value)))
        if len(self._values) > self._max_keys:
            self._values.pop(next(iter(self._values)))

    async def get_json(self, key: str) -> Any:
        item = self._values.get(key)
        if item is None or item[0] <= self._clock():
            return None
        return item[1]

    @asynccontextmanager
    async def lock(self, name: str, timeout: float = 30.0) -> AsyncIterator[None]:  # noqa: ARG002 — one process: no lease to expire
        lock = self._locks.setdefault(name, asyncio.Lock())
        async with lock:
            yield

    async def ping(self) -> bool:
        return True

    async def close(self) -> None:
        return None


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


class RedisCoordination:
    """Redis implementation; keys live under one prefix so a shared Redis can hold other things."""

    def __init__(self, url: str, prefix: str = "ngvh:"):
        import redis.asyncio as aioredis

        self._redis = aioredis.from_url(url, decode_responses=True, socket_timeout=5, socket_connect_timeout=5)
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
        async with polled_lock(name, timeout, lambda: self._redis.set(key, token, nx=True, px=int(timeout * 1000)),
                               lambda: self._unlock(keys=[key], args=[token])):
            yield

    async def ping(self) -> bool:
        return bool(await self._redis.ping())

    async def close(self) -> None:
        await self._redis.aclose()


def make_coordination(settings: Settings) -> Coordination:
    """Redis when NGVH_REDIS_URL is set; else SQLite under NGVH_DATA_DIR/state, shared by the serving
    process and its worker processes (memory would give each process its own pacing and /nguon)."""
    if settings.redis_url:
        return RedisCoordination(settings.redis_url)
    from bot.coordination_sqlite import SqliteCoordination

    return SqliteCoordination(settings.state_path / "coordination.sqlite3")
