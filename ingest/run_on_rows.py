"""A table row that only carries on one cell of the row above: its number cell empty, one cell filled, that cell
going on from the cell above ("| 11 | …: tỉnh Chungcheongbuk (Hàn Quốc); tỉnh Champasak (Lào); | … |" then
"|   | thành phố Chartres (Pháp) – đối tác mới | | | |"). Joined to it, the row reads whole."""
from __future__ import annotations

import re

_OPEN_END = re.compile(r"[;,:–-]\s*$")  # a cell left open by its list or its clause


def _cells(line: str) -> list[str] | None:
    stripped = line.strip()
    if not (stripped.startswith("|") and stripped.endswith("|")) or stripped.count("|") < 3:
        return None
    return [c.strip() for c in stripped[1:-1].split("|")]


def run_on_rows(text: str) -> str:
    if "|" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    above: list[str] | None = None
    for line in lines:
        row = _cells(line)
        if row is not None and above is not None and len(row) == len(above) and not row[0] and above[0]:
            filled = [i for i, c in enumerate(row) if c]
            if len(filled) == 1 and filled[0] > 0 and above[filled[0]]:
                i = filled[0]
                said = row[i]
                if not said.isupper() and (said[:1].islower() or _OPEN_END.search(above[i])):  # (a band is a heading)
                    above[i] = f"{above[i]} {said}"
                    out[-1] = "| " + " | ".join(above) + " |"
                    continue
        above = row
        out.append(line)
    return "\n".join(out)
