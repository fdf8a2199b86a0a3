"""Coordination shared by `ngvh serve` and its worker processes on one machine, in SQLite (WAL).

Same operations as the memory and Redis stores: rate windows, pacing slots, the last
answer of a chat (/nguon), the Zalo OA refresh lock. One database beside the intake's, so a chat's
pacing and /nguon hold whichever worker process answers it.
"""
from __future__ import annotations

import asyncio
import json
import sqlite3
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from bot.coordination.base import Coordination
from bot.polled_lock import polled_lock
from bot.sqlite_thread import SqliteThread

PURGE_EVERY_SECONDS = 60.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS seen (key TEXT PRIMARY KEY, expires REAL NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS hits (key TEXT NOT NULL, at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS hits_key ON hits(key, at);
CREATE TABLE IF NOT EXISTS slots (key TEXT PRIMARY KEY, next REAL NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires REAL NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS locks (name TEXT PRIMARY KEY, token TEXT NOT NULL, expires REAL NOT NULL) WITHOUT ROWID;
"""


class SqliteCoordination(Coordination):
    """Every method is one transaction; time is the wall clock (processes on one machine share it)."""

    def __init__(self, path: Path, clock=time.time):
        self._db = SqliteThread(Path(path), _SCHEMA)
        self._clock = clock
        self._last_purge = 0.0

    async def first_time(self, key: str, ttl: float) -> bool:
        def run(conn: sqlite3.Connection) -> bool:
            now = self._clock()
            row = conn.execute("SELECT expires FROM seen WHERE key = ?", (key,)).fetchone()
            if row is not None and row[0] > now:
                return False
            conn.execute("INSERT OR REPLACE INTO seen VALUES (?, ?)", (key, now + ttl))
            return True

        return await self._call(run)

    async def forget(self, key: str) -> None:
        await self._call(lambda conn: conn.execute("DELETE FROM seen WHERE key = ?", (key,)))

    async def hit(self, key: str, limit: int, window: float) -> bool:
        def run(conn: sqlite3.Connection) -> bool:
            now = self._clock()
            conn.execute("DELETE FROM hits WHERE key = ? AND at <= ?", (key, now - window))
            if conn.execute("SELECT COUNT(*) FROM hits WHERE key = ?", (key,)).fetchone()[0] >= limit:
                return False
            conn.execute("INSERT INTO hits VALUES (?, ?)", (key, now))
            return True

        return await self._call(run)

    async def reserve(self, key: str, interval: float) -> float:
        def run(conn: sqlite3.Connection) -> float:
            now = self._clock()
            row = conn.execute("SELECT next FROM slots WHERE key = ?", (key,)).fetchone()
            start = max(now, row[0] if row else 0.0)
            conn.execute("INSERT OR REPLACE INTO slots VALUES (?, ?)", (key, start + interval))
            return start - now

        return await self._call(run)

    async def put_json(self, key: str, value: Any, ttl: float) -> None:
        text = json.dumps(value, ensure_ascii=False)
        await self._call(lambda conn: conn.execute("INSERT OR REPLACE INTO kv VALUES (?, ?, ?)", (key, text, self._clock() + ttl)))

    async def get_json(self, key: str) -> Any:
        row = await self._call(lambda conn: conn.execute("SELECT value, expires FROM kv WHERE key = ?", (key,)).fetchone())
        if row is None or row[1] <= self._clock():
            return None
        return json.loads(row[0])

    @asynccontextmanager
    async def lock(self, name: str, timeout: float = 30.0) -> AsyncIterator[None]:
        token = uuid.uuid4().hex

        def acquire(conn: sqlite3.Connection) -> bool:
            now = self._clock()
            row = conn.execute("SELECT expires FROM locks WHERE name = ?", (name,)).fetchone()
            if row is not None and row[0] > now:
                return False
            conn.execute("INSERT OR REPLACE INTO locks VALUES (?, ?, ?)", (name, token, now + timeout))
            return True

        async with polled_lock(name, timeout, lambda: self._call(acquire), lambda: self._call(
                lambda conn: conn.execute("DELETE FROM locks WHERE name = ? AND token = ?", (name, token)))):
            yield

    async def ping(self) -> bool:
        return (await self._call(lambda conn: conn.execute("SELECT 1").fetchone())) == (1,)

    async def close(self) -> None:
        await asyncio.to_thread(self._db.close)

    async def _call(self, fn):
        result = await self._db.call(fn)
        now = self._clock()
        if now - self._last_purge > PURGE_EVERY_SECONDS:
            self._last_purge = now
            await self._db.call(self._purge)
        return result

    def _purge(self, conn: sqlite3.Connection) -> None:
        now = self._clock()
        conn.execute("DELETE FROM seen WHERE expires < ?", (now,))
        conn.execute("DELETE FROM kv WHERE expires < ?", (now,))
        conn.execute("DELETE FROM slots WHERE next < ?", (now - 60,))
        conn.execute("DELETE FROM hits WHERE at < ?", (now - 3600,))
