"""The question log: every question and answer with its channel, a salted user hash, citations, latency and feedback.

SQLAlchemy Core over SQLite under NGVH_DATA_DIR by default, PostgreSQL with NGVH_DATABASE_URL. The raw
user id is never stored: only HMAC-SHA256(salt, channel:user), the salt being a setting or a random
value generated once and kept under NGVH_DATA_DIR/state. Rows older than the retention are purged
(`ngvh purge`), and a citizen's own rows are deleted on request (/xoa). Calls are blocking: async
callers run them in a thread. The same database holds the subscriptions to agencies' deadlines
(bot.reminders.store): those keep the chat id reminders go to, until /huytheodoi or /xoa.
"""
from __future__ import annotations

import csv
import hashlib
import hmac
import io
import os
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    event,
    func,
    select,
    update,
)
from sqlalchemy.engine import Engine

from bot.reminders.store import SubscriptionStore, forget_subscriber
from ground import vi

FEEDBACK = ("up", "down")
QUESTION_CHARS = 4000  # what is kept of a question (the channels refuse longer ones anyway)
CONNECT_TIMEOUT_SECONDS = 3  # PostgreSQL: giving up on a connection attempt
STATEMENT_TIMEOUT_MS = 5000  # PostgreSQL: a statement running longer is cancelled by the server
POOL_WAIT_SECONDS = 3  # waiting for a pooled connection while the others hang on a frozen server

metadata = MetaData()
questions = Table(
    "ngvh_questions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime, nullable=False, index=True),  # UTC
    Column("channel", String(32), nullable=False),
    Column("user_hash", String(64), nullable=False, index=True),
    Column("conversation", String(64)),  # hashed like the user
    Column("question", Text, nullable=False),
    Column("question_key", String(500), nullable=False, index=True),  # folded, for grouping
    Column("understood", Text),
    Column("found", Boolean, nullable=False),
    Column("mode", String(16)),
    Column("kind", String(32)),
    Column("citations", JSON),  # [{"n", "plan_id", "plan", "section", "chunk_id", "version"}]
    Column("latency_ms", Integer),
    Column("feedback", String(8)),  # up | down | NULL
    Column("feedback_at", DateTime),
)


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def load_salt(configured: str | None, state_dir: Path) -> str:
    """The configured salt, else the one kept in state_dir/user_salt (created once, readable by us only)."""
    if configured:
        return configured
    path = Path(state_dir) / "user_salt"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    salt = secrets.token_hex(32)
    try:  # O_EXCL: two processes starting together keep the same salt
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as fh:
        fh.write(salt)
    return salt


@dataclass
class Entry:
    """One answered question, as a channel hands it to the log."""

    channel: str
    user_id: str
    question: str
    found: bool
    understood: str | None = None
    conversation: str | None = None
    mode: str | None = None
    kind: str | None = None
    citations: list[dict] = field(default_factory=list)
    latency_ms: int | None = None


def citation_refs(citations: Iterable, locate=None) -> list[dict]:
    """What the log keeps of an answer's citations; `locate(citation) -> chunk id` adds the chunk and version."""
    out = []
    for c in citations:
        ref = {"n": c.n, "plan_id": c.plan_id, "plan": c.plan, "section": c.section}
        chunk = locate(c) if locate else None
        if chunk:
            ref["chunk_id"] = chunk
            ref["version"] = chunk.split(":")[1] if chunk.count(":") >= 2 else None
        out.append(ref)
    return out


class QuestionLog:
    def __init__(self, url: str, salt: str, retention_days: int = 180, engine: Engine | None = None,
                 connect: bool = True):
        """connect=False: no database call until the first one that needs it (bot.sidelog opens the log
        while the database may be down; the rows are still hashed with this salt)."""
        self.url = url
        self.retention_days = retention_days
        self._salt = salt.encode()
        self.engine = engine or _engine(url)
        if connect:
            metadata.create_all(self.engine)
        # reminders live beside the questions
        self.subscriptions = SubscriptionStore(self.engine, self.user_hash, create=connect)

    def create_tables(self) -> None:
        metadata.create_all(self.engine)
        self.subscriptions.create_tables()

    @classmethod
    def from_settings(cls, settings, connect: bool = True) -> QuestionLog:
        salt = load_salt(settings.user_hash_salt, settings.state_path)
        return cls(settings.database, salt, settings.question_retention_days, connect=connect)

    def close(self) -> None:
        self.engine.dispose()

    # -- writing -------------------------------------------------------------------------------
    def user_hash(self, channel: str, user_id: str) -> str:
        return hmac.new(self._salt, f"{channel}:{user_id}".encode(), hashlib.sha256).hexdigest()

    def record(self, entry: Entry, at: datetime | None = None) -> int:
        return self.insert(self.row(entry, at))

    def row(self, entry: Entry, at: datetime | None = None) -> dict:
        """The row kept for an entry (the user already hashed): what bot.sidelog spools while the database is away."""
        question = (entry.question or "")[:QUESTION_CHARS]
        return {
            "at": at or utcnow(),
            "channel": entry.channel[:32],
            "user_hash": self.user_hash(entry.channel, entry.user_id),
            "conversation": self.user_hash(entry.channel, "c:" + entry.conversation) if entry.conversation else None,
            "question": question,
            "question_key": question_key(question),
            "understood": (entry.understood or None) and entry.understood[:QUESTION_CHARS],
            "found": bool(entry.found),
            "mode": entry.mode,
            "kind": entry.kind,
            "citations": entry.citations or [],
            "latency_ms": entry.latency_ms,
        }

    def insert(self, row: dict) -> int:
        with self.engine.begin() as conn:
            key = conn.execute(questions.insert().values(**row)).inserted_primary_key
        if key is None:  # SQLAlchemy's type allows it; an INSERT of one row into a table with an id always has one
            raise RuntimeError("the question log returned no id for an inserted row")
        return int(key[0])

    def set_feedback(self, question_id: int, value: str, channel: str | None = None, user_id: str | None = None) -> bool:
        """Thumbs up/down on a logged answer; with channel and user, only their own answer."""
        if value not in FEEDBACK:
            raise ValueError(f"feedback must be one of {FEEDBACK}")
        query = update(questions).where(questions.c.id == question_id)
        if channel is not None and user_id is not None:
            query = query.where(questions.c.user_hash == self.user_hash(channel, user_id))
        with self.engine.begin() as conn:
            return conn.execute(query.values(feedback=value, feedback_at=utcnow())).rowcount > 0

    def forget_user(self, channel: str, user_id: str) -> int:
        """Delete everything a user asked on a channel (/xoa), and the subscriptions they made; returns how many
        questions went."""
        user_hash = self.user_hash(channel, user_id)
        with self.engine.begin() as conn:
            result = conn.execute(delete(questions).where(questions.c.user_hash == user_hash))
            forget_subscriber(conn, channel, user_hash)
            return result.rowcount

    def purge(self, days: int | None = None, now: datetime | None = None) -> int:
        """Delete rows older than the retention (or `days`); returns how many went."""
        keep = self.retention_days if days is None else days
        cutoff = (now or utcnow()) - timedelta(days=keep)
        with self.engine.begin() as conn:
            return conn.execute(delete(questions).where(questions.c.at < cutoff)).rowcount

    # -- reading -------------------------------------------------------------------------------
    def get(self, question_id: int) -> dict | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(questions).where(questions.c.id == question_id)).mappings().first()
            return dict(row) if row else None

    def count(self, channel: str | None = None, user_id: str | None = None) -> int:
        query = select(func.count()).select_from(questions)
        if channel is not None and user_id is not None:
            query = query.where(questions.c.user_hash == self.user_hash(channel, user_id))
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def per_day(self, days: int = 30, now: datetime | None = None) -> list[dict]:
        """[{day: 'YYYY-MM-DD', answered, refused}] for the last `days` days, oldest first, gaps as zeros."""
        now = now or utcnow()
        start = (now - timedelta(days=days - 1)).replace(hour=0, minute=0, second=0, microsecond=0)
        counts: dict[str, list[int]] = {(start + timedelta(days=i)).date().isoformat(): [0, 0] for i in range(days)}
        with self.engine.connect() as conn:
            for at, found in conn.execute(select(questions.c.at, questions.c.found).where(questions.c.at >= start)):
                day = counts.get(at.date().isoformat())
                if day is not None:
                    day[0 if found else 1] += 1
        return [{"day": d, "answered": a, "refused": r} for d, (a, r) in counts.items()]

    def top_questions(self, limit: int = 20, found: bool | None = None) -> list[dict]:
        """The most asked questions (grouped without case or diacritics): [{question, count, found}]."""
        query = (select(func.min(questions.c.question), func.count(), func.max(questions.c.found.cast(Integer)))
                 .group_by(questions.c.question_key).order_by(func.count().desc(), func.min(questions.c.question))
                 .limit(limit))
        if found is not None:
            query = query.where(questions.c.found == found)
        with self.engine.connect() as conn:
            return [{"question": q, "count": int(n), "found": bool(f)} for q, n, f in conn.execute(query)]

    def refused(self, limit: int = 500) -> list[dict]:
        query = (select(questions.c.id, questions.c.at, questions.c.question, questions.c.understood)
                 .where(questions.c.found.is_(False)).order_by(questions.c.at.desc()).limit(limit))
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def thumbs_down(self, limit: int = 50) -> list[dict]:
        query = (select(questions.c.id, questions.c.at, questions.c.channel, questions.c.question,
                        questions.c.understood, questions.c.citations)
                 .where(questions.c.feedback == "down").order_by(questions.c.at.desc()).limit(limit))
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def rows(self, limit: int = 10_000, since: datetime | None = None) -> list[dict]:
        query = select(questions.c.at, questions.c.channel, questions.c.question, questions.c.found,
                       questions.c.feedback).order_by(questions.c.at.desc()).limit(limit)
        if since is not None:
            query = query.where(questions.c.at >= since)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def csv(self, limit: int = 10_000) -> str:
        """time, channel, question, found, feedback (up / down / empty), newest first."""
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["time", "channel", "question", "found", "feedback"])
        for row in self.rows(limit):
            question = row["question"]
            if question[:1] in ("=", "+", "-", "@"):  # a spreadsheet would run it as a formula
                question = "'" + question
            writer.writerow([row["at"].isoformat(timespec="seconds") + "Z", row["channel"], question,
                             "true" if row["found"] else "false", row["feedback"] or ""])
        return out.getvalue()


def question_key(question: str) -> str:
    return vi.collapse(question)[:500]


def _engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[1] if "///" in url else ""
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _wal(dbapi_conn, _record):  # readers never wait for the writer
            dbapi_conn.execute("PRAGMA journal_mode=WAL")
            dbapi_conn.execute("PRAGMA busy_timeout=30000")

        return engine
    # a database down or frozen costs a bounded wait: connecting, waiting for a pooled connection, a statement
    timeouts = {"connect_timeout": CONNECT_TIMEOUT_SECONDS, "options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS}"}
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5, pool_timeout=POOL_WAIT_SECONDS,
                         connect_args=timeouts if url.startswith("postgresql") else {})
