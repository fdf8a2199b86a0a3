"""A programme's table by the hour ("Thời gian | Nội dung | Địa điểm | Phụ trách") rewritten as one line per row,
its day heading before each ("Ngày 18/3/2026 (Thứ Tư), 10h00 - 11h30: Thăm Trường THCS …; địa điểm: …; phụ trách:
…"), so that a row says which day and hour it is of, whatever chunk it lands in."""
from __future__ import annotations

import re

from ground import vi
from ingest.year_tables import cells

_TIME_HEADER = re.compile(r"^(?:thoi gian|gio|thoi diem|khung gio)$")
_WHAT_HEADER = re.compile(r"^(?:noi dung|hoat dong|chuong trinh|noi dung (?:cong viec|hoat dong))$")
_HOUR = re.compile(r"^\s*(?:\d{1,2}\s*(?:h|giờ|g|:)\s*\d{0,2}|Sáng|Chiều|Tối|Trưa)", re.IGNORECASE)
# "Ngày 18/3/2026 (Thứ Tư)", "NGÀY THỨ HAI (17/3)", "Sáng ngày 17/3": the day a programme's table is of
_DAY = re.compile(r"^\s*(?:[-*•]\s*)?(?:(?:Sáng|Chiều|Tối)\s+)?(?:Ngày|NGÀY)\s+(?:\d{1,2}[/.-]\d{1,2}|thứ|THỨ)[^|\n]{0,40}$")
DAY_REACH = 3  # lines above a table where its day heading may stand
MIN_ROWS = 2


def _is_header(row: list[str]) -> bool:
    folded = [vi.collapse(c) for c in row]
    return bool(folded) and bool(_TIME_HEADER.match(folded[0])) and any(_WHAT_HEADER.match(c) for c in folded[1:])


def schedule_tables(text: str) -> str:
    """`text` with each programme table's rows written as lines of their day; other text as it is."""
    if "|" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        header = cells(lines[i]) if "|" in lines[i] else []
        if not _is_header(header):
            out.append(lines[i])
            i += 1
            continue
        j = i + 1
        rows: list[list[str]] = []
        while j < len(lines) and "|" in lines[j]:
            row = cells(lines[j])
            if all(re.fullmatch(r":?-{2,}:?|", c) for c in row):  # "|---|---|" under the header
                j += 1
                continue
            if len(row) != len(header) or not _HOUR.match(row[0]):
                break
            rows.append(row)
            j += 1
        if len(rows) < MIN_ROWS:
            out.append(lines[i])
            i += 1
            continue
        day = next((ln.strip(" -*•") for ln in reversed(out[-DAY_REACH:]) if _DAY.match(ln)), "")
        keys = [h[:1].lower() + h[1:] for h in header]
        for row in rows:
            what = "; ".join(f"{keys[k]}: {c}" for k, c in enumerate(row) if k > 0 and c and not _WHAT_HEADER.match(
                vi.collapse(header[k])))
            content = next((c for k, c in enumerate(row) if k > 0 and _WHAT_HEADER.match(vi.collapse(header[k]))), "")
            when = f"{day}, {row[0]}" if day else row[0]
            out.append(f"{when}: {content}" + (f"; {what}." if what else "."))
        i = j
    return "\n".join(out)
