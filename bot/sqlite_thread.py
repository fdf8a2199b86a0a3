"""One SQLite connection on its own thread per database, with group commit: the stores' shared SQLite helper.

Every call runs on the thread that owns the connection; calls queued while a transaction commits are
written together in the next one. The write-ahead log is fsynced at most FSYNC_EVERY_SECONDS after a
commit (synchronous=NORMAL): a committed write survives any crash of the process, a power cut loses at
most that last second.
"""
from __future__ import annotations

import asyncio
import os
import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BATCH_MAX = 256  # calls written in one transaction at most
FSYNC_EVERY_SECONDS = 1.0  # the write-ahead log reaches the disk at most this long after a commit


def connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=30.0, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")  # in the log at commit; fsynced by SqliteThread once a second
    conn.execute("PRAGMA busy_timeout=30000")
    return conn


class SqliteThread:
    """Runs callables against one connection on one thread, several per transaction."""

    def __init__(self, path: Path, schema: str):
        self.path = path
        self._calls: queue.SimpleQueue = queue.SimpleQueue()
        conn = connect(path)
        conn.executescript(schema)
        conn.close()
        self._thread = threading.Thread(target=self._run, name=f"sqlite-{path.name}", daemon=True)
        self._thread.start()

    async def call(self, fn: Callable[[sqlite3.Connection], Any]) -> Any:
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self._calls.put((fn, future, loop))
        return await future

    def close(self) -> None:
        self._calls.put(None)
        self._thread.join(10)

    def _run(self) -> None:
        conn = connect(self.path)
        wal = Path(str(self.path) + "-wal")
        unsynced = False
        while True:
            try:
                first = self._calls.get(timeout=FSYNC_EVERY_SECONDS if unsynced else None)
            except queue.Empty:
                unsynced = not _fsync(wal)
                continue
            if first is None:
                conn.close()
                return
            batch = [first]
            while len(batch) < BATCH_MAX:
                try:
                    item = self._calls.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    self._calls.put(None)  # stop after this batch
                    break
                batch.append(item)
            outcomes = self._transaction(conn, batch)
            for (_, future, loop), outcome in zip(batch, outcomes, strict=False):
                loop.call_soon_threadsafe(_resolve, future, outcome)
            if not unsynced:
                unsynced, first_unsynced = True, time.monotonic()
            elif time.monotonic() - first_unsynced >= FSYNC_EVERY_SECONDS:  # busy: sync between batches
                unsynced = not _fsync(wal)

    @staticmethod
    def _transaction(conn: sqlite3.Connection, batch: list) -> list[tuple[bool, Any]]:
        outcomes: list[tuple[bool, Any]] = []
        try:
            conn.execute("BEGIN IMMEDIATE")
            for fn, _, _ in batch:
                conn.execute("SAVEPOINT call")  # one failing call must not undo the others
                try:
                    outcomes.append((True, fn(conn)))
                    conn.execute("RELEASE call")
                except Exception as exc:
                    conn.execute("ROLLBACK TO call")
                    conn.execute("RELEASE call")
                    outcomes.append((False, exc))
            conn.execute("COMMIT")
        except Exception as exc:  # the commit itself failed (disk full, locked too long): nothing was stored
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            return [(False, exc)] * len(batch)
        return outcomes


def _fsync(path: Path) -> bool:
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return True  # checkpointed away: its content is in the database file, synced by the checkpoint
    try:
        os.fsync(fd)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def _resolve(future: asyncio.Future, outcome: tuple[bool, Any]) -> None:
    if future.done():
        return
    ok, value = outcome
    if ok:
        future.set_result(value)
    else:
        future.set_exception(value)
