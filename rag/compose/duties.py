"""The structured layer: who must do what by when, which plans exist, how plans differ.

Questions are routed here by wording; answers come from the assignments and the catalog, grouped by
plan, each line cited to the chunk that holds it. Anything not recognised goes to the general answer.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ground import vi
from ground.agencies import agency_matches, find_agencies
from ground.display import shorten
from ground.plans import DO, LEAD, SUPPORT, Assignment, due_by
from rag.compose.citations import Point, plan_label
from rag.find.plans import place_of
from rag.ports import StoredPlan

_TASK_WORDS = re.compile(
    r"\b(phai lam gi|lam gi|lam nhung gi|nhiem vu|trach nhiem|duoc giao|giao cho|chu tri|phoi hop|"
    r"phai thuc hien|thuc hien nhung|viec gi|cong viec|phan cong)\b"
)
_HELPS = re.compile(r"\b(?:giup|giup do|ho tro|de nghi|kien nghi)\b")
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
MAX_TASK_LINES = 12  # a plan gives one agency ten or so duties: all of them, not the first few


@dataclass
class TaskRow:
    plan: StoredPlan
    assignment: Assignment
    status: str | None  # "due" | "recurring" | None when no year was asked


# a question asking for one fact of a task ("sở nào chủ trì …", "… báo cáo trước ngày nào") is not asking for a
# list of an agency's duties, though it names an agency and duty words
# "chủ trì những nhiệm vụ số mấy": the tasks are asked, by their numbers
_TASK_NUMBERS = re.compile(r"\bnhiem vu (?:so may|so nao|thu may)\b")
_FACT_TYPES = frozenset({"agency", "date", "period", "number", "person", "place", "document"})
# "Ban X được giao việc gì, hạn hoàn thành khi nào?": the duties asked with their deadlines, which the list gives
DUTIES_ASKED = re.compile(r"\b(?:lam gi|lam nhung gi|(?:cong )?viec gi|nhiem vu gi|nhung (?:nhiem vu|viec) (?:nao|gi))\b")
_DATED = frozenset({"date", "period"})


def route(pq, answer_type: str = "content", parts: int = 1) -> str:
    """'tasks' | 'catalog' | 'compare' | 'general' for a parsed question and what it asks for."""
    folded = pq.folded
    # "VOV sẵn sàng giúp Đài X việc gì": the body named is helped, not given duties
    helped = _HELPS.search(folded) and {m.group(0) for m in _TASK_WORDS.finditer(folded)} <= {"viec gi"}
    # "Đoàn do Chủ tịch UBND tỉnh dẫn đầu đi Hàn Quốc để làm gì?": a purpose asked, not the body's duties
    purpose = re.search(r"\bde lam gi\b", folded) and {m.group(0) for m in _TASK_WORDS.finditer(folded)} <= {"lam gi"}
    if pq.agencies and _TASK_WORDS.search(folded) and parts == 1 and not helped and not purpose and (
            answer_type not in _FACT_TYPES or _TASK_NUMBERS.search(folded)
            or answer_type in _DATED and DUTIES_ASKED.search(folded)):
        return "tasks"
    if len(pq.provinces) >= 2 and _COMPARE_WORDS.search(folded):
        return "compare"
    if _CATALOG_WORDS.search(folded):
        residual = [s for s in vi.folded_syllables(pq.content or pq.text) if s not in _CATALOG_VOCAB and not s.isdigit()]
        if len(residual) <= 2:
            return "catalog"
    return "general"


def asked_agencies(agencies: list[str], plans: list[StoredPlan], text: str = "") -> list[str]:
    """The agencies whose duties are asked: an agency that issued one of the plans only says whose plan it is
    ("Thanh tra Bộ X", "Vụ Y của Bộ X": Bộ X is the owner) when another agency is named beside it; so does the other
    party of a joint plan ("Sở Ngoại vụ có nhiệm vụ gì trong kế hoạch liên tịch với Tỉnh đoàn?")."""
    partners = {m.canonical for m in find_agencies(text)
                if _JOINT_WITH.search(vi.collapse(text[max(0, m.start - 40):m.start]))}
    agencies = [a for a in agencies if a not in partners] or agencies
    own = [a for a in agencies if not any(p.meta.issuer and agency_matches(a, p.meta.issuer) for p in plans)]
    return own or agencies


_JOINT_WITH = re.compile(r"\blien tich (?:voi|giua)\s*$")


def select_tasks(plans: list[StoredPlan], agency: str | None = None, by: int | None = None,
                 province: str | None = None, roles: tuple[str, ...] = (),
                 read: Callable[[StoredPlan], list[Assignment]] | None = None) -> list[TaskRow]:
    """Assignments of the given plans, filtered by agency, year ("đến năm"), province and role ("chủ trì").
    `read`: assignments_of, or one that keeps them per plan record (PlanIndex.derived)."""
    read = read or assignments_of
    rows: list[TaskRow] = []
    for plan in plans:
        if province and place_of(plan.meta) != province:
            continue
        for item in read(plan):
            if agency and not agency_matches(agency, item.agency):
                continue
            if roles and item.role not in roles:
                continue
            status: str | None = due_by(item, by) if by else None
            if by and status is None and _annual(plan) == by and item.due_year is None:
                status = "term"  # an undated task of the plan for that very year ("kế hoạch năm 2024")
            if by and status is None:
                continue
            rows.append(TaskRow(plan, item, status))
    return rows


def assignments_of(plan: StoredPlan) -> list[Assignment]:
    return [a if isinstance(a, Assignment) else Assignment.from_dict(a) for a in plan.assignments]


def _annual(plan: StoredPlan) -> int | None:
    """The year an annual plan is for ("Kế hoạch ngoại giao văn hóa năm 2024", issued that year), else None; a
    horizon the text names ("Chiến lược … đến năm 2030") says nothing of the plan's own year."""
    year = _plan_year(plan)
    if year and re.search(rf"(?<!đến )(?<!tới )năm {year}\b", plan.meta.title or "", re.IGNORECASE):
        return year
    return None


def in_year(item: Assignment, year: int) -> bool:
    """Is the task to be done in that year: due then, running then, or its deadline names the year?"""
    if item.due_year == year:
        return True
    if item.period and item.period[0] <= year <= item.period[1]:
        return True
    return bool(item.deadline) and str(year) in (item.deadline or "")


# "chủ trì những nhiệm vụ nào", "phối hợp những việc gì": the role asked, when one is
_LEAD = re.compile(r"\bchu tri\b")
_PARTNER = re.compile(r"\bphoi hop\b")


def asked_roles(folded: str) -> tuple[str, ...]:
    """The roles whose tasks are asked: leading (its own tasks too), or coordinating; () for all."""
    lead, partner = bool(_LEAD.search(folded)), bool(_PARTNER.search(folded))
    return (LEAD, DO) if lead and not partner else (SUPPORT,) if partner and not lead else ()


def deadline_note(row: TaskRow) -> str:
    a = row.assignment
    if row.status == "recurring":
        return f" (thường xuyên/định kỳ: {a.deadline})" if a.deadline else " (thường xuyên)"
    if row.status == "due":
        return f" (hạn: {a.deadline})" if a.deadline else f" (hạn: {a.due_year})"
    if row.status == "term":
        return f" (trong năm {_plan_year(row.plan)})"
    return f" (thời hạn: {a.deadline})" if a.deadline else ""


def task_points(rows: list[TaskRow], chunk_at, owner_first: bool = True) -> tuple[list[tuple[str, list[Point]]], int]:
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
        if owner_first:
            text = f"{a.agency_raw or a.agency} {a.role}: {shorten(a.task, 180)}{deadline_note(row)}"
        else:  # the task first, then who does it and by when
            when = f"; thời hạn: {a.deadline}" if a.deadline else ""
            text = f"{shorten(a.task, 180)} ({a.role}: {a.agency}{when})"
        lead = f"Theo {plan_label(row.plan.meta)}:"
        groups.setdefault(row.plan.id, (lead, []))[1].append(Point(text, chunk, a.task, 1.0))
        shown += 1
    return list(groups.values()), len(rows) - shown


def _plan_year(plan) -> int | None:
    for value in (plan.meta.date, plan.meta.published):
        if value:
            return int(value[:4])
    return None
