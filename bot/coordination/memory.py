"""Coordination in one process's memory: a single serving process, and the fake for unit tests."""
from __future__ import annotations

import asyncio
import json
import time
from collections import OrderedDict, deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from bot.constants import DEDUPE_MEMORY_MAX
from bot.coordination.base import Coordination


class MemoryCoordination(Coordination):
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
