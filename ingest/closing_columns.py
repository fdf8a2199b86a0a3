"""A letter's closing block whose two columns were set side by side with spaces ("Nơi nhận:" on the left, the
signature on the right) written one after the other: the addressees, then the signature."""
from __future__ import annotations

import re

# "Nơi nhận:                     TM. ỦY BAN NHÂN DÂN" / "- Như trên;                  KT. CHỦ TỊCH": the closing block's
# two columns set side by side with spaces, written one after the other (addressees, then the signature)
_SIDE_GAP = re.compile(r"\S( {6,}|\t+)(?=\S)")
_NARROW_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")


def closing_columns(text: str) -> str:
    lines = text.split("\n")
    found = next(((i, opening) for i, line in enumerate(lines)
                  if line.lstrip().startswith("Nơi nhận") and (opening := _SIDE_GAP.search(line))), None)
    if found is None:
        return text
    start, first_gap = found
    # (the right-hand column starts where the first line's does: a long addressee leaves its name a narrower gap,
    # "- Trường Đại học …; Trường Chính trị tỉnh;    Âu Văn Dũng")
    column = first_gap.end()

    def gap_of(line: str) -> tuple[int, int] | None:
        if gap := _SIDE_GAP.search(line):
            return gap.start() + 1, gap.end()
        near = next((m for m in _NARROW_GAP.finditer(line) if abs(m.end() - column) <= 2), None)
        return (near.start(), near.end()) if near else None

    end = start
    while end < len(lines) and (gap_of(lines[end]) or lines[end].startswith((" ", "\t", "-", "+", "•"))
                                and lines[end].strip()
                                or not lines[end].strip() and end + 1 < len(lines) and gap_of(lines[end + 1])):
        end += 1
    left, right = [], []
    for line in lines[start:end]:
        gap = gap_of(line)
        if gap:
            left.append(line[:gap[0]].rstrip())
            right.append(line[gap[1]:].strip())
        elif line.strip():  # a line of the right-hand column alone ("(Đã ký)", the name), indented
            (right if line.startswith((" ", "\t")) else left).append(line.strip())
    return "\n".join(lines[:start] + left + [""] + right + lines[end:])
