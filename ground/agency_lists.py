"""The bodies a list names, in a table cell or after a label ("Cơ quan phối hợp: Sở Ngoại vụ; Sở Du lịch, Hiệp hội Du
lịch tỉnh"), each as a mention of its own."""
from __future__ import annotations

import re

from ground.agencies import HEADS, AgencyMention, known_mentions, normalize_agency

# A list of agencies in a table cell or after a label ("Cơ quan phối hợp: Sở Ngoại vụ; Sở Du lịch, Hiệp hội Du
# lịch tỉnh"): names split at ";", and at "," or "và" where the next name begins (a head word or a table name).
_LIST_SPLIT = re.compile(r"\s*;\s*|\s*\n\s*|\s*,\s*|\s+và\s+")
_PARENTHESIS = re.compile(r"\s*\([^)]*\)\s*")


def begins_agency(name: str) -> bool:
    """The name starts with a word that begins a body's name ("Sở", "Ban", "Trung tâm", "Báo" …)."""
    return any(name.startswith(h) and name[len(h):len(h) + 1] in (" ", "") for h in HEADS)


def cell_agencies(cell: str) -> list[AgencyMention]:
    """The agencies a cell lists, each known name canonical and any other kept whole as written ("Vụ Hợp tác
    quốc tế", "Trung tâm Văn hóa Việt Nam ở nước ngoài"); offsets are in `cell`."""
    known = known_mentions(cell)
    inside = [(m.start, m.end) for m in known]
    cuts = [0]
    for m in _LIST_SPLIT.finditer(cell):
        if any(s < m.start() < e for s, e in inside):
            continue  # "Sở Văn hóa, Thể thao và Du lịch", "UBND các huyện, thị xã"
        nxt = cell[m.end():]
        begins_name = bool(re.match("|".join(re.escape(h) + r"\b" for h in HEADS), nxt)) or any(
            s == m.end() for s, _ in inside) or bool(re.match(r"(?:các|Các)\s", nxt))
        if ";" in m.group() or "\n" in m.group() or begins_name:
            cuts += [m.start(), m.end()]
    cuts.append(len(cell))
    out: list[AgencyMention] = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        piece = _PARENTHESIS.sub(" ", cell[a:b]).strip(" .:-–+")
        if not piece or not re.search(r"[^\W\d_]", piece):
            continue
        start = a + cell[a:b].find(piece[:8]) if cell[a:b].find(piece[:8]) >= 0 else a
        name = normalize_agency(piece)
        out.append(AgencyMention(name.canonical, piece, start, start + len(piece), name.known))
    return out
