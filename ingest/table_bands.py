"""A task table's band rows: a row set in bold (or capitals) whose agency columns are empty ("| **QUÝ I/2027** | **04 hoạt động**
| | | **443** |") heads the rows below it (a quarter, a phase, with their count and sum), so it is written as a line
announcing them ("QUÝ I/2027 (04 hoạt động; kinh phí (triệu đồng): 443):"), not as a task of its own."""
from __future__ import annotations

import re

BOLD_CELL = _BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_FIGURE = re.compile(r"[\d.,]+")
_NUMBERING = re.compile(r"^\s*(?:S[ốo]\s*)?(?:STT|TT)\b", re.IGNORECASE)  # the header of a column numbering the rows
_AGENCY_ROLES = ("lead", "agency", "support")


def band_line(row: list[str], headers: list[str], roles: list[str | None]) -> str | None:
    """The line a band row is written as; None for any other row."""
    filled = [(k, c.strip()) for k, c in enumerate(row) if c.strip()]
    if len(row) != len(headers) or not filled or any(row[k].strip() for k, r in enumerate(roles) if r in _AGENCY_ROLES):
        return None
    # (set in bold, or in capitals when the copy dropped the bold: "QUÝ I/2027")
    plain = [(k, (b.group(1) or b.group(2)).strip() if (b := _BOLD.fullmatch(cell)) else cell) for k, cell in filled]
    if not all(_BOLD.fullmatch(cell) for _, cell in filled) and not (
            plain[0][1].isupper() and len(plain) < len(headers) - 1):
        return None
    # (in the first column, or the next when the first numbers the rows: "| | **THÁNG 10** | | |")
    if not re.search(r"\d", plain[0][1]) or plain[0][0] > 1 or plain[0][0] == 1 and not _NUMBERING.search(headers[0]):
        return None  # a period heads a band ("QUÝ I/2027", "NĂM 2028"); "II | HỢP TÁC GIÁO DỤC" is a group row
    label, rest = plain[0][1], []
    for k, value in plain[1:]:  # a sum is read under its column's header; words as they are
        rest.append(f"{headers[k][:1].lower()}{headers[k][1:]}: {value}" if _FIGURE.fullmatch(value) else value)
    return f"{label} ({'; '.join(rest)}):" if rest else f"{label}:"
