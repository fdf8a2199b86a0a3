"""Assignments from task tables ("| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |")."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ground import vi
from ground.agencies import AgencyMention, find_agencies
from ground.plans import DO, LEAD, SUPPORT, Assignment, Section
from ingest.deadlines import parse_deadline
from ingest.duty_text import duty_lines, make_assignment
from ingest.structure import path_at


def _cells(line: str) -> list[str]:
    inner = line.strip()
    if inner.startswith("|"):
        inner = inner[1:]
    if inner.endswith("|"):
        inner = inner[:-1]
    return [c.strip() for c in inner.split("|")]


def column_role(header: str) -> str | None:
    """What a task-table column holds, from its header cell."""
    h = vi.collapse(header)
    if not h:
        return None
    if re.fullmatch(r"(?:so )?t ?t|stt|so thu tu", h):
        return "number"
    if re.search(r"thoi gian|thoi han|tien do|nam thuc hien|moc thoi gian", h):
        return "deadline"
    if re.search(r"san pham|ket qua|du kien|kinh phi|nguon|ghi chu", h):
        return "other"
    if "phoi hop" in h and "chu tri" not in h:
        return "support"
    if "chu tri" in h:
        return "lead"
    if re.search(r"(?:co quan|don vi|bo phan)(?: thuc hien| phu trach| trien khai)?$|trach nhiem|phan cong|thuc hien$", h):
        return "agency"
    if re.search(r"noi dung|nhiem vu|hoat dong|de an|chuong trinh|ten", h):
        return "task"
    return None


def _is_header(cells: list[str]) -> bool:
    roles = [column_role(c) for c in cells]
    return "task" in roles and any(r in ("lead", "agency", "support") for r in roles)


def _table_blocks(text: str) -> Iterator[list[tuple[int, int]]]:
    """Runs of table-row lines ("| … | … |"), one per table."""
    block: list[tuple[int, int]] = []
    for a, b in duty_lines(text, 0, len(text)):
        if text[a] == "|":
            block.append((a, b))
        elif block:
            yield block
            block = []
    if block:
        yield block


def _agency_cell(cell: str) -> list[AgencyMention]:
    """Agencies of a table cell; words that are not a table name are kept verbatim, never dropped."""
    mentions = find_agencies(cell)
    out, cursor = [], 0
    for m in [*mentions, None]:
        gap_end = m.start if m else len(cell)
        for piece in re.split(r"[;,\n]|\s-\s|\bvà\b", cell[cursor:gap_end]):
            name = piece.strip(" .:-–()+")
            if len(vi.syllables(name)) >= 1 and re.search(r"[^\W\d_]", name) and name.lower() not in ("các", "và"):
                out.append(AgencyMention(name, name, cursor, cursor, False))
        if m:
            out.append(m)
            cursor = m.end
    return out


def table_assignments(text: str, root: Section) -> list[Assignment]:
    out: list[Assignment] = []
    for block in _table_blocks(text):
        section = _table_section(text, root, block[0][0])
        roles: list[str | None] | None = None  # column roles, once a header row is seen
        for a, b in block:
            cells = _cells(text[a:b])
            if _is_header(cells) and not cells[0].isdigit():
                roles = [column_role(c) for c in cells]
            elif roles is not None and _sub_header(cells):
                roles = _merge_header(roles, cells)
            elif roles is not None:
                for item in _row_assignments(text, root, a, b, cells, roles):
                    item.section = section
                    out.append(item)
    return out


def _sub_header(cells: list[str]) -> bool:
    """Second header row under a merged "Cơ quan thực hiện": "| | | Chủ trì | Phối hợp | |"."""
    folded = [vi.collapse(c) for c in cells]
    return any(f in ("chu tri", "phoi hop") for f in folded) and not any(re.fullmatch(r"\d+", f) for f in folded)


def _merge_header(roles: list[str | None], cells: list[str]) -> list[str | None]:
    merged = [column_role(c) for c in cells]
    if len(cells) == len(roles):
        return [m or r for m, r in zip(merged, roles, strict=False)]
    return merged


def _row_assignments(text: str, root: Section, a: int, b: int, cells: list[str], roles: list) -> list[Assignment]:
    if len(cells) != len(roles):
        return []  # a group row ("| I | Công tác tuyên truyền |") or a row we cannot align
    by_role: dict[str, str] = {}
    for cell, role in zip(cells, roles, strict=False):
        if role and cell and role not in by_role:
            by_role[role] = cell
    task = by_role.get("task")
    if not task or vi.collapse(task) == vi.collapse(by_role.get("lead", "")):
        return []
    deadline = parse_deadline(by_role["deadline"]) if by_role.get("deadline") else None
    task_start = text.find(task, a, b)
    ta, tb = (task_start, task_start + len(task)) if task_start >= 0 else (a, b)
    out = []
    for key, role in (("lead", LEAD), ("agency", DO), ("support", SUPPORT)):
        for mention in _agency_cell(by_role.get(key, "")):
            out.append(make_assignment(mention, role, text, ta, tb, root, a, deadline))
    return out


def _table_section(text: str, root: Section, offset: int) -> str | None:
    """The path of a table; a table after the signature block takes its own title ("PHỤ LỤC …")."""
    path = path_at(root, offset)
    if path and not path.endswith("Nơi nhận"):
        return path
    titles: list[str] = []
    for a, b in reversed(list(duty_lines(text, max(0, offset - 600), offset))):
        line = text[a:b]
        if line.startswith("|"):
            continue
        if re.search(r"phu luc|danh muc|bieu|bang", vi.fold(line)):
            titles.insert(0, line)
        elif titles:
            break
    return " › ".join(titles) if titles else path
