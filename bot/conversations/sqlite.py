"""Conversation state in one small SQLite table (WAL) under NGVH_DATA_DIR/state: processes on one machine share it."""
from __future__ import annotations

import asyncio
import json
import sqlite3
import time
from pathlib import Path

from bot.conversations.base import ChatState, ConversationStore


class SqliteConversationStore(ConversationStore):
    """One small table in a SQLite file (WAL): processes on one machine share it."""

    PRUNE_EVERY = 200  # saves between removals of expired and surplus rows

    def __init__(self, path: Path, ttl: float = 1800.0, max_bytes: int = 16_000, max_count: int = 20_000,
                 clock=time.time):
        self.path = Path(path)
        self.ttl, self.max_bytes, self.max_count = ttl, max_bytes, max_count
        self._clock = clock
        self._saves = 0
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            conn.execute("CREATE TABLE IF NOT EXISTS conversations (key TEXT PRIMARY KEY, value TEXT NOT NULL, "
                         "expires REAL NOT NULL, updated REAL NOT NULL) WITHOUT ROWID")
            conn.execute("CREATE INDEX IF NOT EXISTS conversations_updated ON conversations(updated)")

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA busy_timeout=30000")
        return conn

    def _run(self, fn):
        conn = self._connect()
        try:
            return fn(conn)
        finally:
            conn.close()

    async def load(self, key: str) -> ChatState:
        def run(conn):
            return conn.execute("SELECT value FROM conversations WHERE key = ? AND expires > ?",
                                (key, self._clock())).fetchone()

        row = await asyncio.to_thread(self._run, run)
        return ChatState.from_json(json.loads(row[0])) if row else ChatState()

    async def save(self, key: str, state: ChatState) -> None:
        value = state.dump(self.max_bytes)
        self._saves += 1
        prune = (self._saves - 1) % self.PRUNE_EVERY == 0  # the first save prunes too (a restart)

        def run(conn):
            now = self._clock()
            conn.execute("INSERT OR REPLACE INTO conversations VALUES (?, ?, ?, ?)", (key, value, now + self.ttl, now))
            if prune:
                conn.execute("DELETE FROM conversations WHERE expires <= ?", (now,))
                conn.execute("DELETE FROM conversations WHERE key IN (SELECT key FROM conversations "
                             "ORDER BY updated DESC LIMIT -1 OFFSET ?)", (self.max_count,))

        await asyncio.to_thread(self._run, run)

    async def reset(self, key: str) -> None:
        await asyncio.to_thread(self._run, lambda conn: conn.execute("DELETE FROM conversations WHERE key = ?", (key,)))

    async def count(self) -> int:
        return await asyncio.to_thread(self._run, lambda c: c.execute("SELECT count(*) FROM conversations").fetchone()[0])

    async def close(self) -> None:
        return None
