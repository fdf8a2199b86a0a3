"""A plan listing its tasks one per line with the unit and the time after dashes ("7. Tổ chức Hội nghị gặp mặt … –
Phòng HTQT – tháng 5/2027"), rewritten as the task table it is, so that each line is read as a task record: what, who
leads it, by when."""
from __future__ import annotations

import re

# "7. <task> – <unit> – <time>": the last two dashes set apart with spaces (a name inside the task may hold one)
_DASHED = re.compile(r"^[ \t]*(\d{1,2})[.)][ \t]+(.+?)[ \t]+[–—-][ \t]+([^–—]{2,80}?)[ \t]+[–—-][ \t]+([^–—]{2,60}?)[ \t]*\.?[ \t]*$")
# the unit leading it: a department, an office, a centre … of the body whose plan it is
_UNIT = re.compile(r"^(?:Phòng|Văn phòng|Trung tâm|Ban|Sở|Cục|Vụ|Thanh tra|Tổ|Đội|Bộ phận|Chi cục|Trường|Viện|Các phòng)\b")
_GROUP = re.compile(r"^[ \t]*([A-ZĐ]|[IVX]{1,4})\.[ \t]+(\S.*)$")  # "B. Hợp tác quốc tế, ngoại giao kinh tế"
MIN_LINES = 3  # lines so written in a row before they are read as a table
MAX_UNIT_WORDS = 10
MAX_TIME_WORDS = 15
MAX_GROUP_WORDS = 12


def _row(line: str) -> tuple[str, str, str, str] | None:
    m = _DASHED.match(line)
    if not m:
        return None
    number, task, unit, time = (g.strip() for g in m.groups())
    if not _UNIT.match(unit) or len(unit.split()) > MAX_UNIT_WORDS or len(time.split()) > MAX_TIME_WORDS:
        return None
    return number, task, unit, time


def _group(line: str) -> tuple[str, str] | None:
    m = _GROUP.match(line)
    return (m.group(1), m.group(2).strip()) if m and len(m.group(2).split()) <= MAX_GROUP_WORDS else None


def dashed_tasks(text: str) -> str:
    """`text` with every run of dashed task lines (and the group headings among them) rewritten as a pipe table;
    other text as it was."""
    if " – " not in text and " - " not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        rows: list[str] = []
        tasks = 0
        j = i
        while j < len(lines):
            if (row := _row(lines[j])) is not None:
                rows.append("| {} | {} | {} | {} |".format(*row))
                tasks += 1
            elif (group := _group(lines[j])) is not None and j + 1 < len(lines) and _row(lines[j + 1]) is not None:
                rows.append(f"| {group[0]} | {group[1]} | | |")  # "B. Hợp tác quốc tế": a group row over its tasks
            elif not (lines[j].strip() and rows):
                if lines[j].strip():
                    break
            else:
                break
            j += 1
        if tasks >= MIN_LINES:
            out += ["| STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Thời gian hoàn thành |", "|---|---|---|---|"] + rows
            out.append("")
            i = j
        else:
            out.append(lines[i])
            i += 1
    return "\n".join(out)
