"""Task records: who leads, who supports, by when, with what product or funding, read from a plan's lines.

Two layouts carry whole task records:
(a) task-table rows, as ingest/tables.py writes them into the text: "Nhiệm vụ 14: <task>; chủ trì: <agency>;
    phối hợp: <agencies>; thời gian: <deadline>; kết quả: <product>." under an optional group heading
    ("II. QUẢNG BÁ HÌNH ẢNH");
(b) activity lists: an item ("3. Chuỗi hoạt động kỷ niệm …") followed by labelled lines ("- Thời gian: tháng
    5/2024.", "- Cơ quan chủ trì: Sở Ngoại vụ.", "- Cơ quan phối hợp: …", "- Kinh phí: 120 triệu đồng.").
Each record gives one Assignment per agency and role, all sharing the task's span, number and fields; the
lines a record used are returned so the sentence readers of ingest/assignments.py do not read them again.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ground import vi
from ground.agencies import AgencyMention
from ground.agency_lists import cell_agencies
from ground.plans import DO, LEAD, SUPPORT, Assignment, Role, Section
from ingest.deadlines import parse_deadline
from ingest.duty_text import LEADING_MARKER, duty_lines, make_assignment
from ingest.structure import path_at
from ingest.table_columns import ROW_LABEL, column_role

_ROW = re.compile(rf"^{ROW_LABEL}(?:\s+(\d{{1,3}}))?\s*:\s*(.+)$")
_FIELD_SPLIT = re.compile(r";\s+(?=[a-zà-ỹđ][^;:]{0,40}:\s)")
_LABELLED = re.compile(r"^(?:[-–+•*]\s*)?([^\W\d_][^:;]{1,40}?)\s*:\s*(.+?)\s*[.;]?$")
_GROUP = re.compile(r"^([IVX]{1,5}|[A-Z])\.\s+(\S.*)$")
_ROLES: dict[str, Role] = {"lead": LEAD, "agency": DO, "support": SUPPORT}
_OTHER_LABEL_WORDS = 3  # "Địa điểm", "Nội dung thực hiện": a field's label, not a sentence with a colon
# "Hoạt động 7. Tập huấn …", "Nhiệm vụ 3: …": an item named by its kind and number
_NAMED_ITEM = re.compile(r"(?:Hoạt động|Nhiệm vụ|Sự kiện|Chương trình|Nội dung)\s+(\d{1,3})\s*[.:)]\s*")
_TASK_LOOKBACK = 3  # lines above a block of labelled lines in which its item heading is looked for


@dataclass
class TaskRecord:
    task: str
    start: int  # span of the task text in the plan text
    end: int
    agencies: dict[str, str] = field(default_factory=dict)  # role ("lead", "support", "agency") → cell as written
    deadline: str | None = None
    product: str | None = None
    funding: str | None = None
    number: str | None = None
    group: str | None = None
    origin: str = "table"
    lines: list[tuple[int, int]] = field(default_factory=list)  # the lines the record was read from


def _kind_of_other(label: str) -> str | None:
    folded = vi.collapse(label)
    if re.search(r"kinh phi|nguon", folded):
        return "funding"
    if re.search(r"san pham|ket qua|du kien", folded):
        return "product"
    return None


def _apply(record: TaskRecord, label: str, value: str) -> bool:
    """Put one labelled field into a record; False when the label is not a task field."""
    role = column_role(label)
    value = value.strip(" .;")
    if not value:
        return False
    if role in _ROLES:
        record.agencies.setdefault(role, value)
    elif role == "deadline":
        record.deadline = record.deadline or value
    elif role == "other" and _kind_of_other(label):
        setattr(record, _kind_of_other(label) or "product", value)
    else:
        return False
    return True


def _row_records(text: str) -> list[TaskRecord]:
    out: list[TaskRecord] = []
    group: str | None = None
    for a, b in duty_lines(text, 0, len(text)):
        line = text[a:b]
        if _GROUP.match(line) and text.startswith(ROW_LABEL, b + 1):
            group = line  # "II. QUẢNG BÁ HÌNH ẢNH" right above rows: the group they belong to
            continue
        row = _ROW.match(line)
        if not row:
            group = None
            continue
        body_start = a + row.start(2)
        parts = _FIELD_SPLIT.split(row.group(2))
        task = parts[0].strip(" .;")
        record = TaskRecord(task, body_start, body_start + len(task), number=row.group(1), group=group,
                            lines=[(a, b)])
        for part in parts[1:]:
            label, _, value = part.partition(":")
            _apply(record, label, value)
        if record.agencies:
            out.append(record)
    return out


def _activity_records(text: str, taken: set[int]) -> list[TaskRecord]:
    lines = [(a, b) for a, b in duty_lines(text, 0, len(text)) if a not in taken]
    out: list[TaskRecord] = []
    i = 0
    while i < len(lines):
        block: list[tuple[int, int, str, str]] = []
        j = i
        while j < len(lines):
            m = _LABELLED.match(text[lines[j][0]:lines[j][1]])
            role = column_role(m.group(1)) if m else None
            # a label no column names ("Địa điểm:", "Nội dung:") stays inside the block that holds the others
            if not m or role in ("task", "number") or (role is None and len(m.group(1).split()) > _OTHER_LABEL_WORDS):
                break
            block.append((*lines[j], m.group(1), m.group(2)))
            j += 1
        if not block or not any(column_role(lbl) in _ROLES for *_, lbl, _ in block):
            i = max(j, i + 1)
            continue
        heading = next((lines[k] for k in range(i - 1, max(-1, i - 1 - _TASK_LOOKBACK), -1)
                        if not _LABELLED.match(text[lines[k][0]:lines[k][1]])), None)
        if heading is None or text[heading[0]:heading[1]].isupper():
            i = j
            continue
        marker = _NAMED_ITEM.match(text, heading[0], heading[1]) or LEADING_MARKER.match(text[heading[0]:heading[1]])
        ts = heading[0] + (marker.end() - (heading[0] if marker.re is _NAMED_ITEM else 0) if marker else 0)
        task = text[ts:heading[1]].rstrip(" .:;")
        number = (marker.group(1) if marker.re is _NAMED_ITEM else marker.group().strip(" .)")) if marker else None
        record = TaskRecord(task, ts, ts + len(task), origin="activity",
                            number=number if number and number[:1].isdigit() else None)
        for a, b, label, value in block:
            if _apply(record, label, value):
                record.lines.append((a, b))
        out.append(record)
        i = j
    return out


def task_records(text: str) -> list[TaskRecord]:
    """Every whole task record of a plan: table rows, then activity lists, in text order."""
    rows = _row_records(text)
    taken = {a for r in rows for a, _ in r.lines}
    records = rows + _activity_records(text, taken)
    return sorted(records, key=lambda r: r.start)


def _agency_mentions(cell: str) -> list[AgencyMention]:
    return cell_agencies(cell)


def record_assignments(text: str, root: Section) -> tuple[list[Assignment], set[int]]:
    """(assignments of every task record, the starts of the lines the records were read from)."""
    out: list[Assignment] = []
    used: set[int] = set()
    for record in task_records(text):
        used |= {a for a, _ in record.lines}
        deadline = parse_deadline(record.deadline) if record.deadline else None
        section = path_at(root, record.start)
        for key in ("lead", "agency", "support"):
            for mention in _agency_mentions(record.agencies.get(key, "")):
                item = make_assignment(mention, _ROLES[key], text, record.start, record.end, root, record.start,
                                       deadline)
                item.section = section
                item.product, item.funding = record.product, record.funding
                item.task_no, item.group, item.origin = record.number, record.group, record.origin
                out.append(item)
    return out, used
