"""A lock held in a shared store (Redis, SQLite) that cannot wake its waiters: polled until free or timed out."""
from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

LOCK_POLL_SECONDS = 0.05  # how often a waiter on a lock held in a shared store asks again


@asynccontextmanager
async def polled_lock(name: str, timeout: float, acquire: Callable[[], Awaitable[bool]],
                      release: Callable[[], Awaitable[object]]) -> AsyncIterator[None]:
    """A lock in a shared store (Redis, SQLite), which cannot wake its waiters: ask `acquire()` again
    until it says yes or timeout passes (TimeoutError), hold, then `release()` even if the body raised."""
    deadline = time.monotonic() + timeout
    while not await acquire():
        if time.monotonic() > deadline:
            raise TimeoutError(f"lock {name} busy for {timeout:.0f}s")
        await asyncio.sleep(LOCK_POLL_SECONDS)
    try:
        yield
    finally:
        await release()
