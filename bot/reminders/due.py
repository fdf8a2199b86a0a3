"""What each subscribed chat is owed on a given day, pure: its agencies' tasks falling due within the window,
and the tasks of plans ingested after it subscribed. Rows come from the core's `tasks()` (ngvh.task_rows)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache

from bot.reminders.store import Claim, Subscription
from ground.agencies import agency_matches, normalize_agency
from ingest.deadline_dates import DATED, occurrences

NEW_PLAN = "new"  # the `due` of a new plan's announcement in the sent table: once per (chat, plan, agency)


@dataclass(frozen=True)
class DueTask:
    """One task row as the reminders and the calendar read it."""

    key: str
    plan: str | None  # number, "726/KH-UBND"
    plan_id: str
    plan_title: str
    province: str | None
    agency: str
    role: str
    task: str
    deadline_text: str | None
    due: date | None
    precision: str
    recurs: str | None
    due_start: date | None = None
    section: str | None = None
    ingested_at: datetime | None = None
    until: date | None = None  # the last day a recurring deadline falls due, when a period bounds it

    @classmethod
    def from_row(cls, row: dict) -> DueTask:
        return cls(row["key"], row.get("plan"), row["plan_id"], row.get("plan_title") or "", row.get("province"),
                   row["agency"], row.get("role") or "", row["task"], row.get("deadline_text") or row.get("deadline"),
                   _date(row.get("due")), row.get("precision") or "none", row.get("recurs"), _date(row.get("due_start")),
                   row.get("section"), _datetime(row.get("ingested_at")), _date(row.get("until")))

    @property
    def dated(self) -> bool:
        return self.due is not None and self.precision in DATED

    @property
    def repeats(self) -> str | None:
        """yearly / monthly when the dated deadline repeats (an RRULE), else None."""
        return self.recurs if self.precision == "recurring" and self.recurs in ("yearly", "monthly") else None

    def plan_name(self) -> str:
        return f"Kế hoạch {self.plan}" if self.plan else (self.plan_title or self.plan_id)


@dataclass(frozen=True)
class DueItem:
    task: DueTask
    when: date  # this occurrence's due date

    @property
    def claim(self) -> Claim:
        return (self.task.key, self.when.isoformat())


@dataclass
class NewPlan:
    plan_id: str
    agency: str
    tasks: list[DueTask]

    @property
    def claim(self) -> Claim:
        basis = f"{self.plan_id}|{self.agency}"
        return ("plan-" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:20], NEW_PLAN)


@dataclass
class ChatReminder:
    """One message's worth for one chat: due tasks and new plans, over all its subscriptions."""

    channel: str
    chat_id: str
    is_group: bool
    subscriptions: list[Subscription]
    due: list[DueItem] = field(default_factory=list)
    new_plans: list[NewPlan] = field(default_factory=list)

    @property
    def claims(self) -> list[Claim]:
        return [d.claim for d in self.due] + [p.claim for p in self.new_plans]

    def keep(self, claims: set[Claim]) -> ChatReminder:
        """The same reminder holding only the given claims (those this pass may send)."""
        return ChatReminder(self.channel, self.chat_id, self.is_group, self.subscriptions,
                            [d for d in self.due if d.claim in claims], [p for p in self.new_plans if p.claim in claims])

    def __bool__(self) -> bool:
        return bool(self.due or self.new_plans)


@lru_cache(maxsize=1024)
def _canonical(agency: str) -> str:
    return normalize_agency(agency).canonical


def follows(sub: Subscription, task: DueTask) -> bool:
    """The subscription covers the task: its agency matched as task questions match agencies ("SNgV" is
    Sở Ngoại vụ), its province when it names one."""
    return agency_matches(_canonical(sub.agency), task.agency) and (not sub.province or task.province == sub.province)


def due_within(tasks: list[DueTask], today: date, days: int) -> list[DueItem]:
    """Occurrences in (today, today + days], soonest first."""
    through = today + timedelta(days=days)
    out = [DueItem(t, when) for t in tasks if t.dated and t.due
           for when in occurrences(t.due, t.repeats, t.until, today, through)]
    return sorted(out, key=lambda d: (d.when, d.task.plan_id, d.task.task))


def reminders_for(subs: list[Subscription], tasks: list[DueTask], first_seen: dict[str, datetime],
                  today: date, days: int) -> list[ChatReminder]:
    """Per chat: the tasks its subscriptions follow falling due within `days`, and the plans first seen after
    the subscription was made (with the tasks they give its agency). Each (task, date) once per chat."""
    chats: dict[tuple[str, str], ChatReminder] = {}
    for sub in subs:
        chat = chats.setdefault((sub.channel, sub.chat_id), ChatReminder(sub.channel, sub.chat_id, sub.is_group, []))
        chat.subscriptions.append(sub)
        mine = [t for t in tasks if follows(sub, t)]
        have = {d.claim for d in chat.due}
        chat.due += [d for d in due_within(mine, today, days) if d.claim not in have]
        by_plan: dict[str, list[DueTask]] = {}
        for t in mine:
            seen = first_seen.get(t.plan_id)
            if seen is not None and seen > sub.created_at:
                by_plan.setdefault(t.plan_id, []).append(t)
        chat.new_plans += [NewPlan(pid, sub.agency, ts) for pid, ts in by_plan.items()]
    for chat in chats.values():
        chat.due.sort(key=lambda d: (d.when, d.task.plan_id, d.task.task))
    return [c for c in chats.values() if c]


def _date(value) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _datetime(value) -> datetime | None:
    """ISO time as stored ("2024-01-05T03:04:05+00:00") → naive UTC, as the database keeps times."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        from datetime import UTC

        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed
