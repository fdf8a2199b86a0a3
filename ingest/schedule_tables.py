"""A programme's table by the hour ("Thời gian | Nội dung | Địa điểm | Phụ trách") rewritten as one line per row,
its day heading before each ("Ngày 18/3/2026 (Thứ Tư), 10h00 - 11h30: Thăm Trường THCS …; địa điểm: …; phụ trách:
…"), so that a row says which day and hour it is of, whatever chunk it lands in."""
from __future__ import annotations

import re

from ground import vi
from ingest.stacked_schedules import DAY, HOUR_CELL, TIME_HEADER, WHAT_HEADER
from ingest.year_tables import cells

DAY_REACH = 3  # lines above a table where its day heading may stand
MIN_ROWS = 2


def _is_header(row: list[str]) -> bool:
    folded = [vi.collapse(c) for c in row]
    return bool(folded) and bool(TIME_HEADER.match(folded[0])) and any(WHAT_HEADER.match(c) for c in folded[1:])


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
            if len(row) != len(header) or not HOUR_CELL.match(row[0]):
                break
            rows.append(row)
            j += 1
        # (one row under its day line right above: a day of the programme with one event, "Ngày 16/7 …" / "| 20h00 …")
        if len(rows) < MIN_ROWS and not (rows and i > 0 and DAY.match(lines[i - 1])):
            out.append(lines[i])
            i += 1
            continue
        day = next((ln.strip(" -*•") for ln in reversed(out[-DAY_REACH:]) if DAY.match(ln)), "")
        keys = [h[:1].lower() + h[1:] for h in header]
        for row in rows:
            what = "; ".join(f"{keys[k]}: {c}" for k, c in enumerate(row) if k > 0 and c and not WHAT_HEADER.match(
                vi.collapse(header[k])))
            content = next((c for k, c in enumerate(row) if k > 0 and WHAT_HEADER.match(vi.collapse(header[k]))), "")
            when = f"{day}, {row[0]}" if day else row[0]
            out.append(f"{when}: {content}" + (f"; {what}." if what else "."))
        i = j
    return "\n".join(out)
