"""An agency's dated tasks as an iCalendar feed (RFC 5545, built with the `icalendar` library).

One all-day VEVENT per dated task: DTSTART its due date (the first one of a recurring deadline, with
RRULE FREQ=YEARLY or MONTHLY, bounded by its period when the plan gives one), SUMMARY the task, DESCRIPTION
the plan, the section and the link to /plans/{id}. UIDs come from the task key (plan, agency, role and
wording), so a calendar that subscribed keeps the same events after a re-ingest or a reindex. DTSTAMP is
the plan's ingest time: the same store gives the same bytes.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlencode

from icalendar import Calendar, Event

from bot.reminders.due import DueTask
from bot.reminders.messages import plan_link, where
from ground.agencies import find_agencies
from ground.places import find_provinces

PRODID = "-//ngvh//Nhac han nhiem vu//VI"
SUMMARY_CHARS = 250
UID_DOMAIN = "ngvh"
CALENDAR_PATH = "/calendar.ics"
_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)  # DTSTAMP when a row carries no ingest time


def calendar_for(rows: Iterable[dict], agency: str, province: str | None = None, base_url: str | None = None) -> bytes:
    """The feed's bytes: one VEVENT per dated task of the rows (already filtered to the agency)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"Nhiệm vụ – {where(agency, province)}")
    cal.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    seen: set[str] = set()
    for task in sorted((DueTask.from_row(r) for r in rows), key=lambda t: (t.due or date.max, t.plan_id, t.key)):
        if not task.dated or task.due is None or task.key in seen:
            continue
        seen.add(task.key)
        cal.add_component(_event(task, base_url))
    return cal.to_ical()


def _event(task: DueTask, base_url: str | None) -> Event:
    assert task.due is not None
    event = Event()
    event.add("uid", f"{task.key}@{UID_DOMAIN}")
    event.add("dtstamp", (task.ingested_at.replace(tzinfo=UTC) if task.ingested_at else _EPOCH))
    event.add("dtstart", task.due)  # a date: an all-day event
    event.add("dtend", task.due + timedelta(days=1))
    summary = " ".join(task.task.split())
    event.add("summary", summary if len(summary) <= SUMMARY_CHARS else summary[:SUMMARY_CHARS - 1].rsplit(" ", 1)[0] + "…")
    if task.repeats:
        rule: dict = {"freq": task.repeats.upper()}
        if task.until:
            rule["until"] = task.until
        event.add("rrule", rule)
    event.add("description", _description(task, base_url))
    if base_url:
        event.add("url", plan_link(base_url, task.plan_id))
    event.add("categories", [task.agency])
    event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
    return event


def _description(task: DueTask, base_url: str | None) -> str:
    lines = [task.plan_name() + (f" ({task.province})" if task.province else "")]
    if task.plan_title and task.plan:
        lines.append(task.plan_title)
    if task.section:
        lines.append(f"Mục: {task.section}")
    lines.append(f"Cơ quan: {task.agency} ({task.role})")
    if task.deadline_text:
        lines.append(f"Thời hạn: {task.deadline_text}")
    lines.append(plan_link(base_url, task.plan_id))
    return "\n".join(lines)


def feed_path(agency: str, province: str | None = None) -> str:
    query = {"agency": agency, **({"province": province} if province else {})}
    return f"{CALENDAR_PATH}?{urlencode(query)}"


def calendar_links(question: str, agencies: Iterable[str]) -> list[dict]:
    """Under a tasks answer: one "📅 Thêm vào lịch" link per agency it is about (with the question's province)."""
    provinces = find_provinces(question)
    province = provinces[0] if len(provinces) == 1 else None
    return [{"agency": a, "province": province, "href": feed_path(a, province)} for a in dict.fromkeys(agencies)]


def with_calendar(answer: dict, kind: str) -> dict:
    """A tasks answer (the `ngvh ask --json` object) gains "calendar": the feeds of the agencies it is about."""
    if kind != "tasks" or not answer.get("found"):
        return answer
    question = answer.get("understood") or answer.get("question") or ""
    agencies = [m.canonical for m in find_agencies(question) if m.known]
    return {**answer, "calendar": calendar_links(question, agencies)} if agencies else answer
