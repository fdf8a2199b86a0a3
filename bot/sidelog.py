"""The question log off the answer path: a short budget for each write, and a row the database cannot take now
is spooled on local disk and written once it answers again (counted as dropped when even that fails).

One writer thread per process does every database call, so a frozen server holds that thread, never an
answer: the caller waits WRITE_BUDGET_SECONDS at most, and a breaker (bot.breaker) stops queueing calls
behind a server that keeps failing. The spool is a small SQLite file under NGVH_DATA_DIR/state shared by
the processes of one machine; each flushes its own rows and adopts those of a process gone quiet.
Rows are spooled as the log keeps them (the user already hashed), and /xoa deletes spooled rows too.
"""
from __future__ import annotations

import json
import logging
import os
import queue
import socket
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from bot.breaker import Breaker, DependencyDown
from bot.faults import is_transient
from bot.questionlog import Entry, QuestionLog

log = logging.getLogger("ngvh.bot.sidelog")

WRITE_BUDGET_SECONDS = 1.5  # the longest an answer waits for its log row (then it goes on without an id)
FLUSH_EVERY_SECONDS = 2.0  # how often spooled rows are offered to the database again
FLUSH_BATCH = 200
SPOOL_MAX_ROWS = 200_000  # rows past this are dropped (and counted): the spool must not fill the disk itself
ADOPT_AFTER_SECONDS = 300.0  # spooled rows of a process that has not flushed them for this long are taken over
RECHECK_SECONDS = 60.0  # how often an idle writer looks for rows other processes left behind

_SCHEMA = """
CREATE TABLE IF NOT EXISTS spool (id INTEGER PRIMARY KEY AUTOINCREMENT, owner TEXT NOT NULL, claimed REAL NOT NULL,
                                  user_hash TEXT NOT NULL, row TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS spool_owner ON spool(owner, id);
CREATE INDEX IF NOT EXISTS spool_user ON spool(user_hash);
"""


def _encode(row: dict) -> str:
    return json.dumps({**row, "at": row["at"].isoformat()}, ensure_ascii=False)


def _decode(text: str) -> dict:
    row = json.loads(text)
    row["at"] = datetime.fromisoformat(row["at"])
    return row


class SideLog:
    """What bot.turns.Turns calls as its log: record (never raises, bounded), set_feedback, forget_user
    (DependencyDown while the database is away: the job is tried again later)."""

    def __init__(self, question_log: QuestionLog, spool_path: Path, breaker: Breaker | None = None,
                 on_spooled: Callable[[int], None] | None = None, on_dropped: Callable[[int], None] | None = None,
                 budget: float = WRITE_BUDGET_SECONDS, flush_every: float = FLUSH_EVERY_SECONDS):
        self.log = question_log
        self.spool_path = Path(spool_path)
        self.breaker = breaker or Breaker("question log")
        self.budget, self.flush_every = budget, flush_every
        self._on_spooled, self._on_dropped = on_spooled, on_dropped
        self._owner = f"{socket.gethostname()}|{os.getpid()}|{uuid.uuid4().hex[:8]}"
        self._tables_ready = False
        self._maybe_spooled = True  # rows may wait from an earlier run
        self._last_recheck = time.monotonic()
        self._calls: queue.SimpleQueue = queue.SimpleQueue()
        try:
            self.spool_path.parent.mkdir(parents=True, exist_ok=True)
            with self._spool() as conn:
                conn.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:  # a full disk: rows that cannot be written are dropped, counted
            log.warning("question-log spool unavailable", extra={"error": str(exc)})
        # a daemon thread: one stuck on a frozen database never holds the process's exit
        self._thread = threading.Thread(target=self._run, name="question-log", daemon=True)
        self._thread.start()
        self._submit(lambda: self._db(lambda _log: None))  # the tables, as soon as the database answers

    @classmethod
    def from_settings(cls, settings, metrics=None) -> SideLog:
        spooled = (lambda n: metrics.log_spooled.inc(n)) if metrics is not None else None
        dropped = (lambda n: metrics.log_dropped.inc(n)) if metrics is not None else None
        return cls(QuestionLog.from_settings(settings, connect=False), settings.state_path / "question-spool.sqlite3",
                   on_spooled=spooled, on_dropped=dropped)

    # -- what Turns calls (blocking; Turns runs them on a thread) -----------------------------------
    def record(self, entry: Entry) -> int | None:
        """The row's id, or None when the database cannot take it within the budget (kept for later)."""
        row = self.log.row(entry)
        if not self.breaker.allow():
            self._keep([row])
            return None
        future = self._submit(lambda: self._insert_or_keep(row))
        try:
            return future.result(timeout=self.budget)
        except FutureTimeout:  # the writer holds on: the row is written or kept when the call returns
            self.breaker.failure(f"no answer within {self.budget:.1f} s")
            return None

    def set_feedback(self, question_id: int, value: str, channel: str | None = None, user_id: str | None = None) -> bool:
        return bool(self._call(lambda qlog: qlog.set_feedback(question_id, value, channel, user_id)))

    def forget_user(self, channel: str, user_id: str) -> int:
        """The user's rows in the spool and in the database (DependencyDown while the database is away)."""
        user_hash = self.log.user_hash(channel, user_id)
        spooled = 0
        try:
            with self._spool() as conn:
                spooled = conn.execute("DELETE FROM spool WHERE user_hash = ?", (user_hash,)).rowcount
        except sqlite3.Error:
            pass  # no spool file: nothing kept there
        return spooled + int(self._call(lambda qlog: qlog.forget_user(channel, user_id)))

    def pending(self) -> int:
        """Rows in the spool (every process's), for /readyz and tests."""
        try:
            with self._spool() as conn:
                return int(conn.execute("SELECT COUNT(*) FROM spool").fetchone()[0])
        except sqlite3.Error:
            return 0

    def close(self) -> None:
        self._calls.put(None)
        self._thread.join(2.0)

    # -- the writer thread ------------------------------------------------------------------------
    def _submit(self, fn: Callable[[], Any]) -> Future:
        future: Future = Future()
        self._calls.put((fn, future))
        return future

    def _call(self, fn: Callable[[QuestionLog], Any]) -> Any:
        if not self.breaker.allow():
            raise DependencyDown(f"question log unavailable ({self.breaker.last_error})")
        future = self._submit(lambda: self._db(fn))
        try:
            return future.result(timeout=self.budget * 2)
        except FutureTimeout:
            self.breaker.failure("no answer in time")
            raise DependencyDown("question log did not answer in time") from None

    def _run(self) -> None:
        while True:
            try:
                item = self._calls.get(timeout=self.flush_every)
            except queue.Empty:
                self._flush()
                continue
            if item is None:
                return
            fn, future = item
            try:
                future.set_result(fn())
            except BaseException as exc:
                future.set_exception(exc)

    def _db(self, fn: Callable[[QuestionLog], Any]) -> Any:
        try:
            if not self._tables_ready:
                self.log.create_tables()
                self._tables_ready = True
            result = fn(self.log)
        except Exception as exc:
            if is_transient(exc):
                self.breaker.failure(exc)
            raise
        self.breaker.success()
        return result

    def _insert(self, row: dict) -> int:
        return self._db(lambda qlog: qlog.insert(row))

    def _insert_or_keep(self, row: dict) -> int | None:
        try:
            return self._db(lambda qlog: qlog.insert(row))
        except Exception as exc:
            if not is_transient(exc):
                log.error("question-log row refused", extra={"error": str(exc)[:300]})
                self._count(self._on_dropped, 1)
                return None
            self._keep([row])
            return None

    # -- the spool --------------------------------------------------------------------------------
    @contextmanager
    def _spool(self) -> Iterator[sqlite3.Connection]:
        """A connection to the spool, one transaction, closed after."""
        conn = sqlite3.connect(self.spool_path, timeout=5.0)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            with conn:
                yield conn
        finally:
            conn.close()

    def _keep(self, rows: list[dict]) -> None:
        try:
            with self._spool() as conn:
                if conn.execute("SELECT COUNT(*) FROM spool").fetchone()[0] + len(rows) > SPOOL_MAX_ROWS:
                    raise sqlite3.OperationalError("spool full")
                now = time.time()
                conn.executemany("INSERT INTO spool (owner, claimed, user_hash, row) VALUES (?, ?, ?, ?)",
                                 [(self._owner, now, r["user_hash"], _encode(r)) for r in rows])
            self._maybe_spooled = True
            self._count(self._on_spooled, len(rows))
        except (OSError, sqlite3.Error) as exc:
            log.warning("question-log rows dropped", extra={"rows": len(rows), "error": str(exc)[:200]})
            self._count(self._on_dropped, len(rows))

    def _flush(self) -> None:
        """Offer this process's spooled rows (and those left by a process gone quiet) to the database."""
        if time.monotonic() - self._last_recheck > RECHECK_SECONDS:
            self._last_recheck, self._maybe_spooled = time.monotonic(), True
        if not self._maybe_spooled or not self.breaker.allow():
            return
        try:
            with self._spool() as conn:
                now = time.time()
                conn.execute("UPDATE spool SET owner = ?, claimed = ? WHERE owner = ? OR claimed < ?",
                             (self._owner, now, self._owner, now - ADOPT_AFTER_SECONDS))
                batch = conn.execute("SELECT id, row FROM spool WHERE owner = ? ORDER BY id LIMIT ?",
                                     (self._owner, FLUSH_BATCH)).fetchall()
        except sqlite3.Error:
            self.breaker.success()  # not the database's fault: let the next trial through
            return
        if not batch:
            self._maybe_spooled = False
            self.breaker.success()
            return
        written: list[int] = []
        try:
            for spool_id, text in batch:
                try:
                    self._insert(_decode(text))
                except Exception as exc:
                    if is_transient(exc):
                        raise
                    self._count(self._on_dropped, 1)  # a row the database refuses for good
                written.append(spool_id)
        except Exception:
            pass  # the database went away again: the rest waits for the next flush
        finally:
            if written:
                with self._spool() as conn:
                    conn.executemany("DELETE FROM spool WHERE id = ?", [(i,) for i in written])
                log.info("spooled question-log rows written", extra={"rows": len(written)})

    @staticmethod
    def _count(hook: Callable[[int], None] | None, n: int) -> None:
        if hook is not None:
            hook(n)
