"""Task rows: every assignment of the stored plans as one JSON object — `ngvh tasks --json`, the reminders and
the calendar feed all read this shape (the core's `tasks()` hands it to the channels through the intake)."""
from __future__ import annotations

import hashlib

from ground import vi
from ground.agencies import normalize_agency
from ground.plans import Assignment
from ingest.deadline_dates import dated, issue_date
from rag.compose.duties import select_tasks
from vectorstore.records import PlanRecord


def task_key(plan_id: str, agency: str, role: str, task: str) -> str:
    """A task's stable id: the same plan, agency, role and wording give the same key after a re-ingest (a new
    version) or a reindex, so calendar UIDs and the reminders already sent still hold."""
    basis = "|".join((plan_id, vi.collapse(agency), role, vi.collapse(task)))
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:24]


def _with_date(item: Assignment, issued_iso: str | None) -> Assignment:
    """Assignments stored before deadlines were dated are read as dates here (reindex stores them dated)."""
    if item.deadline and item.due is None and item.recurs is None and item.precision == "none":
        return dated(item, issue_date(issued_iso))
    return item


def task_rows(plans: list[PlanRecord], agency: str | None = None, by: int | None = None,
              province: str | None = None) -> list[dict]:
    """The rows, filtered by agency (any spelling: "SNgV", "so ngoai vu"), year ("đến năm") and province.
    One row per (plan, agency, role, task): a task a plan states twice is listed once."""
    wanted = normalize_agency(agency).canonical if agency else None
    records = {p.id: p for p in plans}
    rows, seen = [], set()
    for r in select_tasks(list(plans), wanted, by, province):
        record = records[r.plan.id]
        a = _with_date(r.assignment, r.plan.meta.date)
        key = task_key(r.plan.id, a.agency, a.role, a.task)
        if key in seen:
            continue
        seen.add(key)
        rows.append({
            "key": key, "plan": r.plan.meta.number, "plan_id": r.plan.id, "plan_title": r.plan.meta.title,
            "province": r.plan.meta.province, "ingested_at": record.ingested_at or None,
            "agency": a.agency, "role": a.role, "task": a.task,
            "deadline": a.deadline, "deadline_text": a.deadline, "due": a.due, "due_start": a.due_start,
            "precision": a.precision, "recurs": a.recurs, "due_year": a.due_year, "recurring": a.recurring,
            "until": f"{a.period[1]}-12-31" if a.precision == "recurring" and a.period else None,
            "status": r.status, "section": a.section, "source": record.source,
        })
    return rows

