"""Subscriptions and the reminders already sent, in the question-log database (SQLAlchemy: SQLite or PostgreSQL).

Three tables beside ngvh_questions, created with them:
- ngvh_subscriptions: a chat follows an agency (optionally in one province). The chat id is kept as the
  platform gives it (it is where reminders go) with the salted hash of the user who subscribed, so /xoa
  removes what that user set up; /huytheodoi removes it too.
- ngvh_reminders_sent: one row per (channel, chat, task key, due date): a claim taken before sending and
  marked sent after. The unique key makes "each reminder once" hold across two `ngvh remind` runs and two
  machines at once: whoever inserts the row sends; a claim left by a crashed run is taken over after
  CLAIM_STALE_SECONDS.
- ngvh_plan_sightings: when each plan was first seen by a reminder pass (its ingest time then), so a
  plan ingested after a subscription is announced once, and a re-ingest or reindex announces nothing.
Calls are blocking: async callers run them in a thread.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    and_,
    delete,
    func,
    select,
    update,
)
from sqlalchemy.engine import Connection, Engine

CLAIM_STALE_SECONDS = 3600.0  # a claim not marked sent within this long is a crashed run's: taken over
AGENCY_CHARS = 200

tables = MetaData()
subscriptions = Table(
    "ngvh_subscriptions",
    tables,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("channel", String(32), nullable=False),
    Column("chat_id", String(64), nullable=False, index=True),
    Column("user_hash", String(64), nullable=False, index=True),  # who subscribed (HMAC, as in the question log)
    Column("agency", String(AGENCY_CHARS), nullable=False),  # canonical name, or the name as typed when unknown
    Column("province", String(64), nullable=False, default=""),  # "" = every province
    Column("is_group", Boolean, nullable=False, default=False),
    Column("created_at", DateTime, nullable=False),  # UTC
    Column("last_contact_at", DateTime),  # the chat's last message (Zalo OA: opens the free reply window)
    Column("last_message_id", String(128)),  # that message's id (Zalo OA: a reminder quotes it to be a reply)
    Column("reminded_at", DateTime),  # last reminder sent to this chat
    UniqueConstraint("channel", "chat_id", "agency", "province", name="ngvh_subscriptions_one"),
)
sent = Table(
    "ngvh_reminders_sent",
    tables,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("channel", String(32), nullable=False),
    Column("chat_id", String(64), nullable=False),
    Column("task_key", String(64), nullable=False),
    Column("due", String(16), nullable=False),  # ISO date of the occurrence; "new" for a new plan's tasks
    Column("state", String(8), nullable=False),  # claimed | sent
    Column("owner", String(32), nullable=False),  # the pass that claimed it
    Column("at", DateTime, nullable=False, index=True),
    UniqueConstraint("channel", "chat_id", "task_key", "due", name="ngvh_reminders_sent_once"),
)
sightings = Table(
    "ngvh_plan_sightings",
    tables,
    Column("plan_id", String(200), primary_key=True),
    Column("first_seen", DateTime, nullable=False),
)

Claim = tuple[str, str]  # (task key, due: ISO date or "new")


@dataclass(frozen=True)
class Subscription:
    id: int
    channel: str
    chat_id: str
    agency: str
    province: str  # "" = every province
    is_group: bool
    created_at: datetime
    last_contact_at: datetime | None = None
    last_message_id: str | None = None
    reminded_at: datetime | None = None


def _insert(engine: Engine) -> Callable[[Table], Any]:
    """The dialect's INSERT, which has ON CONFLICT DO NOTHING (both report rowcount 0 for a conflict)."""
    from sqlalchemy.dialects import postgresql, sqlite

    return postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert


def forget_subscriber(conn: Connection, channel: str, user_hash: str) -> int:
    """/xoa: the user's subscriptions on this channel, and what was sent to chats no longer subscribed."""
    chats = [r[0] for r in conn.execute(select(subscriptions.c.chat_id).where(and_(
        subscriptions.c.channel == channel, subscriptions.c.user_hash == user_hash)))]
    removed = conn.execute(delete(subscriptions).where(and_(
        subscriptions.c.channel == channel, subscriptions.c.user_hash == user_hash))).rowcount
    for chat in set(chats):
        if conn.execute(select(func.count()).select_from(subscriptions).where(and_(
                subscriptions.c.channel == channel, subscriptions.c.chat_id == chat))).scalar_one() == 0:
            conn.execute(delete(sent).where(and_(sent.c.channel == channel, sent.c.chat_id == chat)))
    return removed


class SubscriptionStore:
    """Subscriptions, claims and sightings on the question log's engine; `user_hash(channel, user)` is its hash."""

    def __init__(self, engine: Engine, user_hash: Callable[[str, str], str], clock: Callable[[], datetime] | None = None,
                 create: bool = True):
        """create=False: the tables are made by create_tables() later (the database may be down at start)."""
        self.engine = engine
        self.user_hash = user_hash
        self._clock = clock or _utcnow
        if create:
            self.create_tables()

    def create_tables(self) -> None:
        tables.create_all(self.engine)

    # -- subscriptions ------------------------------------------------------------------------------
    def subscribe(self, channel: str, chat_id: str, user_id: str, agency: str, province: str | None = None,
                  is_group: bool = False, message_id: str | None = None) -> bool:
        """True when new; False when the chat already follows that agency there."""
        now = self._clock()
        row = dict(channel=channel, chat_id=chat_id, user_hash=self.user_hash(channel, user_id),
                   agency=agency[:AGENCY_CHARS], province=province or "", is_group=is_group, created_at=now,
                   last_contact_at=now, last_message_id=message_id)
        insert = _insert(self.engine)
        with self.engine.begin() as conn:
            added = conn.execute(insert(subscriptions).values(**row).on_conflict_do_nothing()).rowcount == 1
            self._touch(conn, channel, chat_id, message_id, now)
            return added

    def unsubscribe(self, channel: str, chat_id: str, agency: str | None = None,
                    province: str | None = None) -> list[Subscription]:
        """Remove the chat's subscriptions to `agency` (in `province`, else in every one), or all of them;
        returns those removed."""
        query = and_(subscriptions.c.channel == channel, subscriptions.c.chat_id == chat_id)
        if agency is not None:
            query = and_(query, subscriptions.c.agency == agency)
        if province is not None:
            query = and_(query, subscriptions.c.province == province)
        with self.engine.begin() as conn:
            gone = [_subscription(r) for r in conn.execute(select(subscriptions).where(query)).mappings()]
            conn.execute(delete(subscriptions).where(query))
            return gone

    def of_chat(self, channel: str, chat_id: str) -> list[Subscription]:
        query = select(subscriptions).where(and_(subscriptions.c.channel == channel, subscriptions.c.chat_id == chat_id))
        with self.engine.connect() as conn:
            return [_subscription(r) for r in conn.execute(query.order_by(subscriptions.c.id)).mappings()]

    def all(self) -> list[Subscription]:
        with self.engine.connect() as conn:
            return [_subscription(r) for r in conn.execute(select(subscriptions).order_by(subscriptions.c.id)).mappings()]

    def seen(self, channel: str, chat_id: str, message_id: str | None) -> None:
        """A message from a subscribed chat: its time and id open Zalo OA's free reply window for a reminder."""
        with self.engine.begin() as conn:
            self._touch(conn, channel, chat_id, message_id, self._clock())

    def _touch(self, conn: Connection, channel: str, chat_id: str, message_id: str | None, now: datetime) -> None:
        conn.execute(update(subscriptions).where(and_(subscriptions.c.channel == channel, subscriptions.c.chat_id == chat_id))
                     .values(last_contact_at=now, last_message_id=message_id))

    def reminded(self, channel: str, chat_id: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(subscriptions).where(and_(subscriptions.c.channel == channel, subscriptions.c.chat_id == chat_id))
                         .values(reminded_at=self._clock()))

    # -- once-only claims ------------------------------------------------------------------------------
    def claim(self, channel: str, chat_id: str, items: Iterable[Claim], owner: str) -> list[Claim]:
        """Take the items not yet sent nor claimed by a live pass; returns those now this pass's to send."""
        now = self._clock()
        stale = now - timedelta(seconds=CLAIM_STALE_SECONDS)
        insert = _insert(self.engine)
        taken: list[Claim] = []
        with self.engine.begin() as conn:
            for key, due in items:
                row = dict(channel=channel, chat_id=chat_id, task_key=key, due=due, state="claimed", owner=owner, at=now)
                if conn.execute(insert(sent).values(**row).on_conflict_do_nothing()).rowcount == 1:
                    taken.append((key, due))
                    continue
                took_over = conn.execute(update(sent).where(and_(
                    sent.c.channel == channel, sent.c.chat_id == chat_id, sent.c.task_key == key, sent.c.due == due,
                    sent.c.state == "claimed", sent.c.at < stale)).values(owner=owner, at=now)).rowcount
                if took_over == 1:
                    taken.append((key, due))
        return taken

    def mark_sent(self, channel: str, chat_id: str, items: Iterable[Claim], owner: str) -> None:
        with self.engine.begin() as conn:
            for key, due in items:
                conn.execute(update(sent).where(and_(
                    sent.c.channel == channel, sent.c.chat_id == chat_id, sent.c.task_key == key, sent.c.due == due,
                    sent.c.owner == owner)).values(state="sent", at=self._clock()))

    def release(self, channel: str, chat_id: str, items: Iterable[Claim], owner: str) -> None:
        """Give back claims whose message did not go: a later pass tries them again."""
        with self.engine.begin() as conn:
            for key, due in items:
                conn.execute(delete(sent).where(and_(
                    sent.c.channel == channel, sent.c.chat_id == chat_id, sent.c.task_key == key, sent.c.due == due,
                    sent.c.owner == owner, sent.c.state == "claimed")))

    def unsent(self, channel: str, chat_id: str, items: Iterable[Claim]) -> list[Claim]:
        """Of `items`, those with no row yet (what a dry run would send); reads only."""
        wanted = list(items)
        if not wanted:
            return []
        keys = {k for k, _ in wanted}
        with self.engine.connect() as conn:
            done = {(r[0], r[1]) for r in conn.execute(select(sent.c.task_key, sent.c.due).where(and_(
                sent.c.channel == channel, sent.c.chat_id == chat_id, sent.c.task_key.in_(keys))))}
        return [item for item in wanted if item not in done]

    # -- plan sightings ----------------------------------------------------------------------------------
    def sightings(self, ingested: dict[str, datetime | None], record: bool = True) -> dict[str, datetime]:
        """plan id → when first seen; unseen plans are recorded now (at their ingest time when known).
        record=False (a dry run) computes the same without writing."""
        now = self._clock()
        with self.engine.connect() as conn:
            known = {r[0]: r[1] for r in conn.execute(select(sightings.c.plan_id, sightings.c.first_seen))}
        fresh = {pid: min(at, now) if at else now for pid, at in ingested.items() if pid not in known}
        if fresh and record:
            insert = _insert(self.engine)
            with self.engine.begin() as conn:
                for plan_id, at in fresh.items():
                    conn.execute(insert(sightings).values(plan_id=plan_id, first_seen=at).on_conflict_do_nothing())
            with self.engine.connect() as conn:
                known = {r[0]: r[1] for r in conn.execute(select(sightings.c.plan_id, sightings.c.first_seen))}
            return known
        return {**known, **fresh}


def _subscription(row) -> Subscription:
    return Subscription(row["id"], row["channel"], row["chat_id"], row["agency"], row["province"], bool(row["is_group"]),
                        row["created_at"], row["last_contact_at"], row["last_message_id"], row["reminded_at"])


def _utcnow() -> datetime:
    from datetime import UTC

    return datetime.now(UTC).replace(tzinfo=None)
