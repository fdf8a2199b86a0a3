"""A task or a group of tasks a question names by its number in the plan ("nhiệm vụ số 4 kinh phí bao nhiêu",
"nv 10 ai chủ trì", "nhóm II có những nhiệm vụ nào"): read from the numbers and group rows of the plan's task
records, else from the lines that number it ("Nhiệm vụ số 10. …", a table row "10 | …"). A number names one
thing of one plan; the words of the question would pick whichever task shares them."""
from __future__ import annotations

import re

from ground import vi
from ground.display import shorten
from rag.compose.citations import Point, number_points, plan_label
from rag.compose.records import Task, amendments, fields_of, said_field, tasks_of
from rag.decide.editions import ordinal_value
from rag.find.plans import PlanIndex
from rag.find.scope import Scope
from rag.models import Answer
from rag.ports import StoredPlan
from rag.understand.question import Question

# "nhiệm vụ số 4", "nv 10", "NV2", "hoạt động số 3", "nhiệm vụ số 4 và số 7" (not "nhiệm vụ 2025", nor "số 4/KH")
_TASK_REF = re.compile(r"\b(?:nhiem vu|nv|hoat dong)(?: so)? ?(\d{1,3})(?: va (?:so )?(\d{1,3}))?\b(?! ?[/.-]\d)")
# "nhóm II", "nhóm nhiệm vụ thứ hai", "nhóm 3"; a Phụ lục's "mục II" / "phần II"
_GROUP_REF = re.compile(r"\bnhom(?: nhiem vu| hoat dong)?(?: so| thu)? ([ivx]+|\d{1,2}|nhat|hai|ba|tu|bon|nam|sau)\b")
_APPENDIX_PART = re.compile(r"\bphu luc\b.*\b(?:muc|phan) ([ivx]+|\d{1,2})\b|\b(?:muc|phan) ([ivx]+|\d{1,2})\b.*\bphu luc\b")
_GROUP_MARK = re.compile(r"^\s*([IVX]+|\d{1,2}|[A-E])[.)]?\s")
GROUP_LINES = 8  # a group's tasks shown; the rest counted
LINE_CHARS = 300
TEXT_LINES = 3  # lines that number a task outside the records


def _value(token: str) -> int | None:  # "II", "2", "hai" (an edition's number is read the same way)
    try:
        return ordinal_value(token.lower())
    except KeyError:
        return None


def asked_numbers(folded: str) -> list[int]:
    """The task numbers a question names, in its order."""
    return [int(n) for m in _TASK_REF.finditer(folded) for n in m.groups() if n]


def asked_group(folded: str) -> int | None:
    m = _GROUP_REF.search(folded) or _APPENDIX_PART.search(folded)
    if not m:
        return None
    return _value(next(g for g in m.groups() if g))


def numbered_answer(q: Question, scope: Scope, index: PlanIndex) -> Answer | None:
    """The task(s) or the group the question names by number, in the one plan it is about; None when it names
    none, or names no plan, or the plan numbers nothing so."""
    if not scope.plan_ids or len(scope.plan_ids) > 2:
        return None
    plans = [p for p in map(index.plan, scope.plan_ids) if p]
    folded = q.pq.folded
    numbers = asked_numbers(folded)
    group = None if numbers else asked_group(folded)
    if not numbers and group is None:
        return None
    for plan in plans:
        answer = (_tasks_answer(q, plan, numbers, index) if numbers else _group_answer(q, plan, group, index))
        if answer:
            return answer
    return None


def _number(task: Task) -> int | None:
    no = (task.rows[0].task_no or "").strip(" .")
    return int(no) if no.isdigit() else None


def record_line(task: Task) -> str:
    """"Nhiệm vụ 4: <task>; chủ trì: …; phối hợp: …; thời gian: …; kinh phí: …." — what the record gives."""
    said = [said_field(task, f) for f in ("lead", "partners", "deadline", "funding", "product")]
    fields = [s for s in said if not s.startswith("văn bản không ghi")]
    head = f"Nhiệm vụ {_number(task)}: " if _number(task) is not None else ""
    return f"{head}{task.text.rstrip('.;')}" + (f"; {'; '.join(fields)}" if fields else "") + "."


def _tasks_answer(q: Question, plan: StoredPlan, numbers: list[int], index: PlanIndex) -> Answer | None:
    by_number = {n: t for t in tasks_of(plan) if (n := _number(t)) is not None}
    if all(n in by_number for n in numbers):
        asked = [f for part in q.parts for f in fields_of(part) if f != "task"]
        points = []
        for n in numbers:
            task = by_number[n]
            chunk = index.chunk_at(plan.id, task.rows[0].start)
            if chunk is None:
                return None
            if asked:
                line = f"Nhiệm vụ {n} ({task.text.rstrip('.;')}): " + "; ".join(
                    said_field(task, f) for f in dict.fromkeys(asked)) + "."
            else:
                line = record_line(task)
            points.append(Point(shorten(line, LINE_CHARS + 200), chunk, task.text, 1.0))
            points += amendments(task, index)  # "Điều chỉnh: Nhiệm vụ 10 – lùi thời gian sang tháng 11/2027"
        return _answer(q, points, index)
    # no record numbers them: the plan's lines that do ("Nhiệm vụ số 10. …", the table row "10 | …")
    points = []
    for n in numbers:
        own = re.compile(rf"^\s*(?:(?:nhiem vu|nv|hoat dong)(?: so)? ?0?{n}\s*[.:)\-–]|0?{n}\s*\|)")
        # (the whole line: "Nhiệm vụ số 3. … Đơn vị chủ trì: Văn phòng Sở." says its lead in its last sentence)
        found = [Point(shorten(" ".join(line.split()), LINE_CHARS), chunk, line, 1.0)
                 for chunk in index.chunks(plan.id) for line in chunk.text.split("\n") if own.match(vi.fold(line))]
        if not found:
            return None
        points += found[:TEXT_LINES]
    return _answer(q, points, index)


def _answer(q: Question, points: list[Point], index: PlanIndex) -> Answer:
    plan = index.plan(points[0].chunk.plan_id)
    numbered = number_points(points, index.plan)
    lead = f"Theo {plan_label(plan.meta if plan else None)}:"
    body = "\n".join([lead] + [f"- {line}" for line in numbered.lines])
    return Answer(q.text, True, body, numbered.citations, kind="records", points=numbered.said)


def _group_of(task: Task) -> tuple[int, str] | None:
    group = task.rows[0].group or ""
    m = _GROUP_MARK.match(group)
    if not m:
        return None
    token = m.group(1).lower()
    value = "abcde".index(token) + 1 if len(token) == 1 and token in "abcde" else _value(token)  # groups A-E
    return (value, group) if value else None


def _group_answer(q: Question, plan: StoredPlan, group: int | None, index: PlanIndex) -> Answer | None:
    members = [(t, g) for t in tasks_of(plan) if (g := _group_of(t)) and g[0] == group]
    if not members:
        return None
    name = members[0][1][1]
    points = []
    for task, _ in members[:GROUP_LINES]:
        chunk = index.chunk_at(plan.id, task.rows[0].start)
        if chunk is not None:
            points.append(Point(shorten(record_line(task), LINE_CHARS), chunk, task.text, 1.0))
    if not points:
        return None
    numbered = number_points(points, index.plan)
    head = f"Nhóm {name.strip()} ({plan_label(plan.meta)}) có {len(members)} nhiệm vụ:"
    tail = f"\n(còn {len(members) - len(points)} nhiệm vụ khác)" if len(members) > len(points) else ""
    body = "\n".join([head] + [f"- {line}" for line in numbered.lines]) + tail
    return Answer(q.text, True, body, numbered.citations, kind="records", points=numbered.said)
