"""A table of figures copied one cell per line whose rows are keyed by a year or a label rather than numbered ("Năm" /
"Ngân sách tỉnh" / … / "Tổng cộng" then "2026" / "10.800" / … / "14.300"), written as pipe rows so that the readers of
figure tables by year say each figure with its year and column. Pure text in, text out."""
from __future__ import annotations

import re

from ingest.plain_tables import MAX_STACK_COLUMNS, MIN_STACK_COLUMNS, TOTAL_CELL

_FIGURE = re.compile(r"^[+\-–]?\s*\d[\d.,]*\s*%?$|^[-–]$")
_YEAR = re.compile(r"^(?:Năm\s+)?(?:19|20)\d\d$", re.IGNORECASE)
LABEL_WORDS = 12  # a header or a row's key, not a sentence
MIN_ROWS = 2


def _label(line: str) -> bool:
    body = line.strip()
    return bool(body) and "|" not in body and not _FIGURE.match(body) and len(body.split()) <= LABEL_WORDS \
        and not body.endswith((".", ";", ":"))


def _key(line: str) -> bool:
    body = line.strip()
    return bool(_YEAR.match(body)) or _label(body)


def _rows(lines: list[str], start: int, width: int) -> list[list[str]]:
    rows: list[list[str]] = []
    j = start
    while j + width <= len(lines):
        row = [line.strip() for line in lines[j:j + width]]
        if not _key(row[0]) or not all(_FIGURE.match(cell) for cell in row[1:]):
            break
        rows.append(row)
        j += width
        if TOTAL_CELL.match(row[0]):
            break  # the closing total
    return rows


def keyed_stacks(text: str) -> str:
    """Each run of header labels followed by at least two rows of a key and figures, as pipe rows; the rest as it is.
    The width is the one whose rows parse: the header's labels are as many as a row's cells."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        opens = (i == 0 or not lines[i - 1].strip()) and _label(lines[i])
        found = None
        for width in range(MIN_STACK_COLUMNS, MAX_STACK_COLUMNS + 1) if opens else ():
            header = lines[i:i + width]
            if len(header) < width or not all(_label(line) for line in header):
                break
            rows = _rows(lines, i + width, width)
            after = i + width * (len(rows) + 1)
            # (a figure right after the rows read: the width is wrong, the table goes on)
            if len(rows) >= MIN_ROWS and not (after < len(lines) and _FIGURE.match(lines[after].strip())):
                found = (width, [line.strip() for line in header], rows)
                break
        if found is None:
            out.append(lines[i])
            i += 1
            continue
        width, header, rows = found
        out += [f"| {' | '.join(cells)} |" for cells in [header, *rows]]
        i += width * (len(rows) + 1)
    return "\n".join(out)
