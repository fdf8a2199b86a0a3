"""Coordination's seam: the Protocol its stores (memory, SQLite, Redis) implement.

State shared by everything that answers: dedupe keys, per-user rate, per-chat pacing, small JSON values.
In SQLite by default (the serving process and its workers on one machine); with NGVH_REDIS_URL the same
operations are atomic Redis calls, so several replicas and worker machines pace each chat together.
The memory store serves a single process (unit tests). bot.stores picks one from Settings.
"""
from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from typing import Any, Protocol


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

    def lock(self, name: str, timeout: float = 30.0) -> AbstractAsyncContextManager[None]:
        """An async context manager holding name against every other user of the store: waits at most timeout
        seconds for it (TimeoutError), and a shared store lets a holder keep it that long at most (one that died
        blocks nobody longer)."""

    async def ping(self) -> bool: ...

    async def close(self) -> None: ...
