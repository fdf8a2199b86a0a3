"""A law library page's lists of related documents (its "Lược đồ" tab: "Văn bản căn cứ:", "Văn bản sửa đổi, bổ sung:",
"Văn bản bị thay thế:" …), each entry read as what the page's document is to it, with the issue date and the signer
the entry gives ("- Chương trình 19-CTr/TU … - Ban hành: 15/03/2026 - Người ký: Đinh Công Lực")."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ground import vi
from ingest.dates import iso_date

# the list's heading, folded → what the page's document is to each document listed under it (None: only related)
_RELATIONS = (
    ("van ban bi sua doi", "amends"),  # it amends them
    ("van ban sua doi", "amended_by"),  # they amend it
    ("van ban bi thay the", "replaces"),
    ("van ban thay the", "replaced_by"),
    ("van ban duoc can cu", "implements"),
    ("van ban can cu", "implements"),
    ("van ban duoc huong dan", "implements"),  # it guides the carrying out of them
    ("van ban huong dan", None),
    ("van ban", None),  # "Văn bản cùng nội dung", "Văn bản được dẫn chiếu", "Văn bản liên quan"
)
_HEADING = re.compile(r"^[ \t]*(Văn bản [^:\n]{2,60}):[ \t]*$", re.MULTILINE)
_ENTRY = re.compile(r"^[ \t]*[-+•*][ \t]+")
_ISSUED = re.compile(r"\bBan hành\s*:\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})", re.IGNORECASE)
_SIGNER = re.compile(rf"\bNgười ký\s*:\s*([{vi.UPPER}][\w]*(?:\s+[{vi.UPPER}][\w]*){{1,4}})")
LIST_LINES = 30  # a heading's entries, wrapped lines included


@dataclass(frozen=True)
class Listed:
    relation: str | None
    date: str | None  # ISO
    signer: str | None


def listed_at(text: str, start: int) -> Listed | None:
    """What the list a number at `start` is an entry of says of it; None when it stands in no such list."""
    line_start = text.rfind("\n", 0, start) + 1
    headings = [m for m in _HEADING.finditer(text, 0, line_start)]
    if not headings:
        return None
    heading = headings[-1]
    entries = _entries(text, heading.end() + 1)
    entry = next((e for at, end, e in entries if at <= start < end), None)
    if entry is None:
        return None  # the number is past the list: the page's own text
    folded = vi.collapse(heading.group(1))
    relation = next(kind for key, kind in _RELATIONS if folded.startswith(key))
    issued = _ISSUED.search(entry)
    signer = _SIGNER.search(entry)
    return Listed(relation, iso_date(*issued.groups()) if issued else None,
                  " ".join(signer.group(1).split()) if signer else None)


def _entries(text: str, at: int) -> list[tuple[int, int, str]]:
    """The list's entries from `at` (its offsets and its words), each with its wrapped lines ("- Chương trình … - Ban
    hành:" / "15/03/2026 - Người ký: …"); the list ends at a blank line or a line of another kind."""
    out: list[tuple[int, int, str]] = []
    for n, line in enumerate(text[at:].split("\n")):
        end = at + len(line)
        if n >= LIST_LINES or not line.strip():
            break
        if _ENTRY.match(line):
            out.append((at, end, line.strip()))
        elif out and (out[-1][2].endswith((":", "-")) or line.startswith((" ", "\t")) or line.strip()[:1].isdigit()):
            first, _, words = out[-1]
            out[-1] = (first, end, f"{words} {line.strip()}")
        else:
            break
        at = end + 1
    return out
