"""The embedded intake: one SQLite database in WAL mode, shared by `ngvh serve` and its worker processes.

Writes go through bot.sqlite_thread (one connection thread, group commit). Durability matches Redis with
`appendfsync everysec`: a committed job is in the write-ahead log before the webhook is acknowledged, so it
survives any crash of the process (kill -9 included); the log is fsynced at most a second later, so a
power cut loses at most that last second. (`synchronous=FULL`, an fsync per commit, costs 10-20 ms on
this kind of disk, more than the whole acknowledgement budget.)
"""
from __future__ import annotations

import asyncio
import json
import os
import socket
import sqlite3
import threading
import time
from collections.abc import AsyncIterator
from functools import partial
from pathlib import Path

from bot.intake.base import DEDUPE_TTL_SECONDS, EVENTS_TTL_SECONDS, LEASE_SECONDS, Intake, Job, JobKind
from bot.sqlite_thread import SqliteThread, connect

POLL_SECONDS = 0.02  # how often a waiting web request looks for its answer again
TAKE_POLL_SECONDS = 0.05  # how often an idle worker looks for work again
PURGE_EVERY_SECONDS = 60.0
CANDIDATES = 64  # heads of order keys looked at per take

_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    order_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    deadline REAL,
    priority INTEGER NOT NULL DEFAULT 0,
    owner TEXT,
    lease_until REAL,
    attempts INTEGER NOT NULL DEFAULT 0,
    created REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS jobs_order ON jobs(order_key, id);
CREATE TABLE IF NOT EXISTS seen (key TEXT PRIMARY KEY, expires REAL NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY AUTOINCREMENT, job_id TEXT NOT NULL, body TEXT NOT NULL, created REAL NOT NULL);
CREATE INDEX IF NOT EXISTS events_job ON events(job_id, seq);
CREATE TABLE IF NOT EXISTS status (job_id TEXT PRIMARY KEY, body TEXT NOT NULL, updated REAL NOT NULL) WITHOUT ROWID;
"""

HOST = socket.gethostname()


def owner_id(consumer: str) -> str:
    return f"{HOST}|{os.getpid()}|{consumer}"


def _owner_alive(owner: str) -> bool:
    """False only when the owner is a process on this host that no longer exists (killed worker)."""
    host, _, rest = owner.partition("|")
    pid = rest.partition("|")[0]
    if host != HOST or not pid.isdigit():
        return True  # another machine: its lease has to run out
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _events_after(conn: sqlite3.Connection, job_id: str, seq: int) -> list[tuple[int, str]]:
    return conn.execute("SELECT seq, body FROM events WHERE job_id = ? AND seq > ? ORDER BY seq", (job_id, seq)).fetchall()


class SqliteIntake(Intake):
    def __init__(self, path: Path, lease: float = LEASE_SECONDS):
        self.path = Path(path)
        self.lease = lease
        self._db = SqliteThread(self.path, _SCHEMA)
        self._local = threading.local()  # read connections, one per thread of asyncio's default executor
        self._last_purge = 0.0

    # -- storing ------------------------------------------------------------------------------------
    async def put(
        self,
        kind: JobKind,
        order_key: str,
        body: dict,
        *,
        dedupe_key: str | None = None,
        dedupe_ttl: float = DEDUPE_TTL_SECONDS,
        deadline: float | None = None,
        urgent: bool = False,
    ) -> str | None:
        text = json.dumps(body, ensure_ascii=False)

        def write(conn: sqlite3.Connection) -> str | None:
            now = time.time()
            if dedupe_key is not None:
                row = conn.execute("SELECT expires FROM seen WHERE key = ?", (dedupe_key,)).fetchone()
                if row is not None and row[0] > now:
                    return None
                conn.execute("INSERT OR REPLACE INTO seen (key, expires) VALUES (?, ?)", (dedupe_key, now + dedupe_ttl))
            cursor = conn.execute(
                "INSERT INTO jobs (order_key, kind, body, deadline, priority, created) VALUES (?, ?, ?, ?, ?, ?)",
                (order_key, kind, text, deadline, 1 if urgent else 0, now),
            )
            return str(cursor.lastrowid)

        job_id = await self._db.call(write)
        await self._maybe_purge()
        return job_id

    async def _maybe_purge(self) -> None:
        now = time.time()
        if now - self._last_purge < PURGE_EVERY_SECONDS:
            return
        self._last_purge = now

        def purge(conn: sqlite3.Connection) -> None:
            conn.execute("DELETE FROM seen WHERE expires < ?", (now,))
            conn.execute("DELETE FROM events WHERE created < ?", (now - EVENTS_TTL_SECONDS,))
            conn.execute("DELETE FROM status WHERE updated < ?", (now - 7 * 24 * 3600,))

        await self._db.call(purge)

    # -- taking -------------------------------------------------------------------------------------
    async def take(self, consumer: str, wait: float = 1.0) -> Job | None:
        owner = owner_id(consumer)
        deadline = time.monotonic() + wait
        while True:
            # candidates are read without the write lock (WAL readers never block the acknowledging
            # writer); only the claim of one of them takes it, for one indexed UPDATE
            for candidate in await asyncio.to_thread(self._candidates):
                job = await self._db.call(partial(self._claim, candidate=candidate, owner=owner, lease=self.lease))
                if job is not None:
                    return job
            if time.monotonic() >= deadline:
                return None
            await asyncio.sleep(TAKE_POLL_SECONDS)

    def _candidates(self) -> list[tuple]:
        """The oldest unfinished job of every order key whose lease is free, expired or held by a dead process."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = connect(self.path)
        now = time.time()
        rows = conn.execute(
            "SELECT id, order_key, owner, lease_until FROM jobs "
            "WHERE id IN (SELECT MIN(id) FROM jobs GROUP BY order_key) ORDER BY priority DESC, id LIMIT ?",
            (CANDIDATES,),
        ).fetchall()
        return [(job_id, order_key, held_by) for job_id, order_key, held_by, lease_until in rows
                if held_by is None or (lease_until or 0) <= now or not _owner_alive(held_by)]

    @staticmethod
    def _claim(conn: sqlite3.Connection, candidate: tuple, owner: str, lease: float) -> Job | None:
        job_id, order_key, seen_owner = candidate
        now = time.time()
        claimed = conn.execute(
            "UPDATE jobs SET owner = ?, lease_until = ?, attempts = attempts + 1 WHERE id = ? "
            "AND id = (SELECT MIN(id) FROM jobs WHERE order_key = ?) "  # still the head of its chat
            "AND (owner IS NULL OR lease_until <= ? OR owner IS ?)",  # nobody took it since it was read
            (owner, now + lease, job_id, order_key, now, seen_owner),
        ).rowcount
        if not claimed:
            return None
        kind, body, job_deadline, attempts = conn.execute(
            "SELECT kind, body, deadline, attempts FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return Job(str(job_id), kind, order_key, json.loads(body), job_deadline, attempts)

    async def done(self, job: Job) -> None:
        await self._db.call(lambda conn: conn.execute("DELETE FROM jobs WHERE id = ?", (int(job.id),)))

    async def retry_later(self, job: Job, delay: float) -> None:
        until = time.time() + delay
        # owner "retry": renew() of the worker that gave it back no longer extends it
        await self._db.call(lambda conn: conn.execute("UPDATE jobs SET owner = 'retry', lease_until = ? WHERE id = ?", (until, int(job.id))))

    async def renew(self, consumer: str) -> None:
        owner = owner_id(consumer)
        await self._db.call(
            lambda conn: conn.execute("UPDATE jobs SET lease_until = ? WHERE owner = ?", (time.time() + self.lease, owner))
        )

    # -- results ------------------------------------------------------------------------------------
    async def publish(self, job_id: str, event: dict) -> None:
        text = json.dumps(event, ensure_ascii=False)
        await self._db.call(
            lambda conn: conn.execute("INSERT INTO events (job_id, body, created) VALUES (?, ?, ?)", (job_id, text, time.time()))
        )

    async def events(self, job_id: str, timeout: float) -> AsyncIterator[dict]:
        deadline = time.monotonic() + timeout
        last = 0
        try:
            while time.monotonic() < deadline:
                rows = await self._db.call(partial(_events_after, job_id=job_id, seq=last))
                for seq, body in rows:
                    last = seq
                    yield json.loads(body)
                if not rows:
                    await asyncio.sleep(POLL_SECONDS)
        finally:
            await self._db.call(lambda conn: conn.execute("DELETE FROM events WHERE job_id = ?", (job_id,)))

    async def set_status(self, job_id: str, status: dict) -> None:
        text = json.dumps(status, ensure_ascii=False)
        await self._db.call(
            lambda conn: conn.execute("INSERT OR REPLACE INTO status (job_id, body, updated) VALUES (?, ?, ?)", (job_id, text, time.time()))
        )

    async def get_status(self, job_id: str) -> dict | None:
        row = await self._db.call(lambda conn: conn.execute("SELECT body FROM status WHERE job_id = ?", (job_id,)).fetchone())
        return None if row is None else json.loads(row[0])

    async def depth(self) -> int:
        return int((await self._db.call(lambda conn: conn.execute("SELECT COUNT(*) FROM jobs").fetchone()))[0])

    async def ping(self) -> bool:
        return (await self._db.call(lambda conn: conn.execute("SELECT 1").fetchone())) == (1,)

    async def close(self) -> None:
        await asyncio.to_thread(self._db.close)
