"""A programme's table copied one cell per line ("Thời gian" / "Nội dung" / "Địa điểm" / "Đơn vị chủ trì", then "Ngày
13/7/2028 (thứ Năm)" / "20h00 - 22h00" / "Lễ khai mạc …" / …), written as pipe tables under their day lines, so the
reader of programme tables says each row with its day and hour. Pure text in, text out."""
from __future__ import annotations

import re

from ground import vi

# a programme's columns and rows, read here and by schedule_tables
TIME_HEADER = re.compile(r"^(?:thoi gian|gio|thoi diem|khung gio)$")
WHAT_HEADER = re.compile(r"^(?:noi dung|hoat dong|chuong trinh|noi dung (?:cong viec|hoat dong))$")
HOUR = re.compile(r"^\s*(?:\d{1,2}\s*(?:h|giờ|g|:)\s*\d{0,2}|Sáng|Chiều|Tối|Trưa)", re.IGNORECASE)
# "Ngày 18/3/2026 (Thứ Tư)", "NGÀY THỨ HAI (17/3)", "Sáng ngày 17/3": the day a programme's table is of
DAY = re.compile(r"^\s*(?:[-*•]\s*)?(?:(?:Sáng|Chiều|Tối)\s+)?(?:Ngày|NGÀY)\s+(?:\d{1,2}[/.-]\d{1,2}|thứ|THỨ)[^|\n]{0,40}$")
HOUR_CELL = re.compile(r"^\s*(?:Cả ngày|Buổi (?:sáng|chiều|tối))\b|" + HOUR.pattern, re.IGNORECASE)
LABEL_WORDS = 4  # a column's name: "Đơn vị chủ trì", not a row's content
MIN_COLUMNS, MAX_COLUMNS = 3, 6
MIN_ROWS = 3


def _label(line: str) -> bool:
    body = line.strip()
    return bool(body) and "|" not in body and len(body.split()) <= LABEL_WORDS and not body.endswith((".", ";", ":"))


def _header_width(lines: list[str], i: int) -> int:
    """How many column names open a programme table at line i (0: none)."""
    if not TIME_HEADER.match(vi.collapse(lines[i])):
        return 0
    width = 1
    while i + width < len(lines) and width < MAX_COLUMNS and _label(lines[i + width]) \
            and not DAY.match(lines[i + width]) and not HOUR_CELL.match(lines[i + width]):
        width += 1
    names = [vi.collapse(line) for line in lines[i + 1:i + width]]
    return width if width >= MIN_COLUMNS and any(WHAT_HEADER.match(n) for n in names) else 0


def _rows(lines: list[str], j: int, width: int) -> tuple[list[str | list[str]], int]:
    """The day lines and rows from line j (a row: an hour and the cells after it, at most `width`), and where they end."""
    out: list[str | list[str]] = []
    while j < len(lines):
        line = lines[j].strip()
        if DAY.match(line):
            out.append(line)
            j += 1
            continue
        if not HOUR_CELL.match(line):
            break
        row = [line]
        j += 1
        while j < len(lines) and len(row) < width and lines[j].strip() and not DAY.match(lines[j]) \
                and not HOUR_CELL.match(lines[j]):
            row.append(lines[j].strip())
            j += 1
        out.append(row + [""] * (width - len(row)))
    return out, j


def stacked_schedules(text: str) -> str:
    """Each programme table set out one cell per line, as a header row and pipe rows under each day line."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        width = _header_width(lines, i)
        found, end = _rows(lines, i + width, width) if width else ([], i)
        if sum(isinstance(r, list) for r in found) < MIN_ROWS:
            out.append(lines[i])
            i += 1
            continue
        header = f"| {' | '.join(line.strip() for line in lines[i:i + width])} |"
        opened = False
        for item in found:
            if isinstance(item, str):  # a day: its rows under the header again
                out += [item, header]
                opened = True
                continue
            if not opened:
                out.append(header)
                opened = True
            out.append(f"| {' | '.join(item)} |")
        i = end
    return "\n".join(out)
