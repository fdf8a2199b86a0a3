"""The structured layer: who must do what by when, which plans exist, how plans differ.

Questions are routed here by wording; answers come from the assignments and the catalog, grouped by
plan, each line cited to the chunk that holds it. Anything not recognised goes to the general answer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ground import vi
from ground.agencies import agency_matches
from ground.display import display_date, shorten
from ground.plans import Assignment, due_by
from rag.compose.citations import Point, plan_label
from rag.find.plans import place_of
from rag.ports import StoredPlan

_TASK_WORDS = re.compile(
    r"\b(phai lam gi|lam gi|lam nhung gi|nhiem vu|trach nhiem|duoc giao|giao cho|chu tri|phoi hop|"
    r"phai thuc hien|thuc hien nhung|viec gi|cong viec|phan cong)\b"
)
_CATALOG_WORDS = re.compile(
    r"\b(nhung tinh nao|tinh nao|dia phuong nao|tinh thanh nao|bao nhieu (ke hoach|van ban|tinh)|"
    r"nhung ke hoach nao|ke hoach nao|van ban nao|danh sach|cac ke hoach (nao|trong kho)|co nhung ke hoach)\b"
)
_COMPARE_WORDS = re.compile(r"\b(khac nhau|so sanh|giong nhau|diem chung|khac biet|giong va khac)\b")
# What is left of a catalog question after its own words: if much remains it asks about content.
_CATALOG_VOCAB = set(
    """nhung tinh nao thanh dia phuong bao nhieu ke hoach van ban nao danh sach cac co da ban hanh nam
    trong kho thuc hien chien luoc ngoai giao van hoa den tam nhin trien khai cua ve la gi duoc hien
    dang so quyet dinh ttg chinh phu thu tuong""".split()
)
MAX_TASK_LINES = 8


@dataclass
class TaskRow:
    plan: StoredPlan
    assignment: Assignment
    status: str | None  # "due" | "recurring" | None when no year was asked


# a question asking for one fact of a task ("sở nào chủ trì …", "… báo cáo trước ngày nào") is not asking for a
# list of an agency's duties, though it names an agency and duty words
_FACT_TYPES = frozenset({"agency", "date", "period", "number", "person", "place", "document"})


def route(pq, answer_type: str = "content", parts: int = 1) -> str:
    """'tasks' | 'catalog' | 'compare' | 'general' for a parsed question and what it asks for."""
    folded = pq.folded
    if pq.agencies and _TASK_WORDS.search(folded) and parts == 1 and answer_type not in _FACT_TYPES:
        return "tasks"
    if len(pq.provinces) >= 2 and _COMPARE_WORDS.search(folded):
        return "compare"
    if _CATALOG_WORDS.search(folded):
        residual = [s for s in vi.folded_syllables(pq.content or pq.text) if s not in _CATALOG_VOCAB and not s.isdigit()]
        if len(residual) <= 2:
            return "catalog"
    return "general"


def asked_agencies(agencies: list[str], plans: list[StoredPlan]) -> list[str]:
    """The agencies whose duties are asked: an agency that issued one of the plans only says whose plan it is
    ("Thanh tra Bộ X", "Vụ Y của Bộ X": Bộ X is the owner) when another agency is named beside it."""
    own = [a for a in agencies if not any(p.meta.issuer and agency_matches(a, p.meta.issuer) for p in plans)]
    return own or agencies


def select_tasks(plans: list[StoredPlan], agency: str | None = None, by: int | None = None,
                 province: str | None = None) -> list[TaskRow]:
    """Assignments of the given plans, filtered by agency, year ("đến năm") and province."""
    rows: list[TaskRow] = []
    for plan in plans:
        if province and place_of(plan.meta) != province:
            continue
        for data in plan.assignments:
            item = data if isinstance(data, Assignment) else Assignment.from_dict(data)
            if agency and not agency_matches(agency, item.agency):
                continue
            status = due_by(item, by) if by else None
            if by and status is None:
                continue
            rows.append(TaskRow(plan, item, status))
    return rows


def deadline_note(row: TaskRow) -> str:
    a = row.assignment
    if row.status == "recurring":
        return f" (thường xuyên/định kỳ: {a.deadline})" if a.deadline else " (thường xuyên)"
    if row.status == "due":
        return f" (hạn: {a.deadline})" if a.deadline else f" (hạn: {a.due_year})"
    return f" (thời hạn: {a.deadline})" if a.deadline else ""


def task_points(rows: list[TaskRow], chunk_at) -> tuple[list[tuple[str, list[Point]]], int]:
    """Lines grouped by plan: [(plan lead, points)], and how many rows were left out."""
    groups: dict[str, tuple[str, list[Point]]] = {}
    shown = 0
    for row in rows:
        if shown >= MAX_TASK_LINES:
            break
        chunk = chunk_at(row.plan.id, row.assignment.start)
        if chunk is None:
            continue
        a = row.assignment
        text = f"{a.agency} {a.role}: {shorten(a.task, 180)}{deadline_note(row)}"
        lead = f"Theo {plan_label(row.plan.meta)}:"
        groups.setdefault(row.plan.id, (lead, []))[1].append(Point(text, chunk, a.task, 1.0))
        shown += 1
    return list(groups.values()), len(rows) - shown


def catalog_points(plans: list, years: list[int], first_chunk) -> list[Point]:
    """One line per plan (filtered by issue year when the question names one), oldest first."""
    chosen = [p for p in plans if not years or _plan_year(p) in years]
    chosen.sort(key=lambda p: (p.meta.province or p.meta.issuer or "", p.meta.date or p.meta.published or ""))
    points = []
    for plan in chosen:
        chunk = first_chunk(plan.id)
        if chunk is None:
            continue
        meta = plan.meta
        when = display_date(meta.date) or (f"tin đăng {display_date(meta.published)}" if meta.published else "không rõ ngày")
        where = meta.province or meta.issuer or "—"
        horizon = f", đến năm {meta.horizon[-1]}" if meta.horizon else ""
        points.append(Point(f"{where}: {plan_label(meta)} ({when}{horizon})", chunk, chunk.text, 1.0))
    return points


def _plan_year(plan) -> int | None:
    for value in (plan.meta.date, plan.meta.published):
        if value:
            return int(value[:4])
    return None
