"""How documents relate: what a text says about other documents, and the links between catalog entries.

At ingest each text yields forward relations with the line that states them: it implements a document
("Thực hiện Quyết định số 2013/QĐ-TTg …"), replaces one ("… thay thế Kế hoạch số 141/KH-UBND"), amends
one ("sửa đổi, bổ sung Kế hoạch số …"), continues one ("tiếp tục thực hiện Kế hoạch số …") or says it is
replaced ("được thay thế bởi …"). Only forward relations are stored, in each entry's own metadata; the
reverse links (replaced by, implemented by, reported by) are computed when the catalog is read, from
the entries present at that moment. So a link appears whichever document is ingested first, survives
re-ingesting either, and disappears with the entry that states it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ground.numbers import DocNumber, canonical_number, find_numbers

EVIDENCE_CHARS = 240
_TYPE = r"(?:Kế hoạch|Quyết định|Chương trình|Chỉ thị|Công văn|Nghị quyết|Đề án|Thông báo|Hướng dẫn|văn bản)"
# the words between a cue and the number it applies to: "thay thế Kế hoạch số ", "thực hiện Quyết định "
_TO_NUMBER = rf"(?:\s+(?:cho\s+|các\s+)?{_TYPE})?(?:\s+(?:hành động|liên tịch))?\s*(?:số\s*)?$"
_CUES: list[tuple[str, re.Pattern]] = [
    ("replaced_by", re.compile(r"(?:được|bị|đã được)\s+thay\s+thế\s+(?:bởi|bằng)" + _TO_NUMBER, re.IGNORECASE)),
    ("replaces", re.compile(r"(?<!được )(?<!bị )\b(?:thay\s+thế|bãi\s+bỏ)" + _TO_NUMBER, re.IGNORECASE)),
    ("amends", re.compile(r"\bsửa\s+đổi(?:,?\s+bổ\s+sung)?(?:\s+(?:một\s+số\s+(?:điều|nội\s+dung)|nội\s+dung))?"
                          r"(?:\s+(?:của|tại))?" + _TO_NUMBER, re.IGNORECASE)),
    ("continues", re.compile(r"\btiếp\s+tục\s+(?:triển\s+khai|thực\s+hiện)(?:\s+có\s+hiệu\s+quả)?" + _TO_NUMBER,
                             re.IGNORECASE)),
    ("implements", re.compile(r"\b(?:thực\s+hiện|triển\s+khai|căn\s+cứ|theo)" + _TO_NUMBER, re.IGNORECASE)),
]
# "Thực hiện Quyết định số 2013/QĐ-TTg ngày … của Thủ tướng Chính phủ phê duyệt … và Công văn số 404/…": a cue
# carries over to the next document of the same clause, joined by "và" or a comma
_JOINED = re.compile(rf"^[^.;\n]{{0,240}}?(?:,|\svà)\s*{_TYPE}\s*(?:số\s*)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Relation:
    kind: str  # one of ground.links.RELATION_KINDS
    number: str  # the other document, canonical
    evidence: str  # the text's own words that state it

    def to_dict(self) -> dict:
        return {"kind": self.kind, "number": self.number, "evidence": self.evidence}


def _evidence(text: str, start: int, end: int) -> str:
    """The sentence around a number (within its line), cut to EVIDENCE_CHARS around it."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left = max([line_start] + [line_start + m.end() for m in re.finditer(r"[.;]\s", text[line_start:start])])
    stop = re.search(r"[.;](?:\s|$)", text[end:line_end])
    right = end + stop.start() + 1 if stop else line_end
    line = " ".join(text[left:right].split())
    if len(line) <= EVIDENCE_CHARS:
        return line
    offset = max(0, min(start - left - EVIDENCE_CHARS // 3, len(line) - EVIDENCE_CHARS))
    return ("…" if offset else "") + line[offset:offset + EVIDENCE_CHARS].strip() + "…"


def _kind_before(text: str, number: DocNumber, previous: DocNumber | None, previous_kind: str | None) -> str | None:
    before = text[max(0, number.start - 90):number.start]
    for kind, pattern in _CUES:
        if pattern.search(before):
            return kind
    if previous is not None and previous_kind and _JOINED.match(text[previous.end:number.start]):
        return previous_kind
    return None


def extract_relations(text: str, own_numbers: list[str] | tuple[str, ...] = ()) -> list[Relation]:
    """Forward relations stated in `text`, one per (kind, number), first statement kept as evidence.

    National documents the text cites (ingest.metadata.implemented_documents) are implemented even without a
    cue word: a plan cites the Prime Minister's decisions to carry them out."""
    own = {canonical_number(n) for n in own_numbers}
    found: dict[tuple[str, str], Relation] = {}
    previous: DocNumber | None = None
    previous_kind: str | None = None
    for number in find_numbers(text):
        if number.number in own:
            previous, previous_kind = number, None
            continue
        kind = _kind_before(text, number, previous, previous_kind)
        if kind is None and number.national:
            kind = "implements"
        if kind is not None:
            found.setdefault((kind, number.number), Relation(kind, number.number, _evidence(text, number.start, number.end)))
        previous, previous_kind = number, kind
    relations = list(found.values())
    # a number replaced here is not also "implemented" by the same text
    replaced = {r.number for r in relations if r.kind in ("replaces", "amends")}
    return [r for r in relations if not (r.kind in ("implements", "continues") and r.number in replaced)]
