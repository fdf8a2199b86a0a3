"""What a thing is made of, as the text lists it ("Hồ sơ đề nghị … gồm những giấy tờ gì?" of "Điều 5. Hồ sơ đề nghị" /
"1. Hồ sơ gồm:" / "a) Văn bản đề nghị …" / "b) …"): the lead line that opens the list and the items under it, cited.
The lead is chosen by the question's words in it and in the heading it stands under."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ground import vi
from rag.compose.citations import Point, number_points
from rag.compose.sections import marker_kind
from rag.find.plans import PlanIndex
from rag.find.search import Hit
from rag.models import Answer
from rag.ports import StoredChunk
from rag.understand.question import Question, without_question_words
from rag.understand.terms import FOLDED_STOPWORDS

# "… gồm những giấy tờ gì", "bao gồm những gì", "gồm các nội dung nào": the parts of a thing asked
_ASKS_PARTS = re.compile(r"\b(?:bao )?gom(?: co)?(?: nhung| cac)?(?: [a-z]+){0,2} (?:gi|nao|ai)\b")
# a list within a sentence: "Nhóm gồm các ông: Danve …, Pashindla Prashan, Gurram Rao."
_INLINE = re.compile(r"\b(?:bao )?gồm(?: có)?(?: các ông| các bà| các| những)?\s*:\s*([^.;:]+(?:,[^.;:]+){2,})", re.IGNORECASE)
_LEAD = re.compile(r"\b(?:gồm|bao gồm|như sau)\s*:\s*$", re.IGNORECASE)
_ITEM = re.compile(r"^\s*(?:[a-zđ]\)|[a-zđ]\.\s|\d{1,2}[.)]\s|[-+•]\s)")
LEAD_PLANS = 2  # texts of the top passages whose lists are read
MIN_ITEMS = 2  # items a lead must open before it is a list
MAX_ITEMS = 10  # items shown under their lead
LEAD_SHARE = 0.6  # share of the thing's words the lead and its heading must hold


@dataclass(frozen=True)
class _Line:
    text: str
    chunk: StoredChunk


def _lines(plan_id: str, index: PlanIndex) -> list[_Line]:
    return [_Line(line, chunk) for chunk in index.chunks(plan_id) for line in chunk.text.split("\n") if line.strip()]


def _marker(text: str) -> str | None:
    """The kind of an item's marker (sections.marker_kind: a letter, a number, anything else); None for no item."""
    return marker_kind(text) if _ITEM.match(text) else None


def _items(following: list[_Line]) -> list[_Line]:
    """The items under a lead, of the first item's kind of marker, each with the lines it runs on to ("c) Danh sách
    phóng viên, ghi rõ: họ và tên; quốc tịch;" / "ngày sinh; số hộ chiếu; …"); the next heading ends them."""
    items: list[_Line] = []
    kind = _marker(following[0].text) if following else None
    for line in following:
        marker = _marker(line.text)
        if marker == kind and len(items) < MAX_ITEMS:
            items.append(line)
        elif items and (marker is None and line.text.strip()[:1].islower() or kind == "letter" and marker == "other"):
            items[-1] = _Line(f"{items[-1].text.rstrip()} {line.text.strip()}", items[-1].chunk)  # runs on, or a sub-item
        else:
            break
    return items if kind is not None else []


def _inline(thing: set[str], lines: list[_Line], plan, best: tuple[float, list[_Line]] | None
            ) -> tuple[float, list[_Line]] | None:
    """A sentence listing the thing's members inline, the thing named in it, in the line before or the page's title."""
    title = plan.meta.title if plan else ""
    for i, line in enumerate(lines):
        for sentence in re.split(r"(?<=[.!?])\s+", line.text):
            if not _INLINE.search(sentence):
                continue
            before = lines[i - 1].text if i else ""
            said = set(vi.folded_syllables(f"{title} {before} {line.text}"))
            share = len(thing & said) / len(thing)
            if share >= LEAD_SHARE and (best is None or share > best[0]):
                best = (share, [_Line(sentence.strip(), line.chunk)])
    return best


def _thing(q: Question) -> set[str]:
    """The words naming the thing whose parts are asked: the question's words before "gồm", not question words."""
    folded = vi.collapse(without_question_words(q.pq.content or q.text))
    m = re.search(r"\b(?:bao )?gom\b", folded)
    words = (folded[:m.start()] if m else folded).split()
    return {w for w in words if w not in FOLDED_STOPWORDS and not w.isdigit()}


def enumeration_answer(q: Question, hits: list[Hit], index: PlanIndex) -> Answer | None:
    """The list a lead line opens for the thing asked, items and all; None when the question asks no parts of a thing
    or no lead of the top texts names it."""
    if len(q.parts) > 1 or not _ASKS_PARTS.search(q.pq.folded) or not hits:
        return None
    thing = _thing(q)
    if len(thing) < 2:
        return None
    best: tuple[float, list[_Line]] | None = None
    for plan_id in list(dict.fromkeys(h.chunk.plan_id for h in hits))[:LEAD_PLANS]:
        lines = _lines(plan_id, index)
        for i, line in enumerate(lines):
            if not _LEAD.search(line.text):
                continue
            items = _items(lines[i + 1:i + 1 + 3 * MAX_ITEMS])
            if len(items) < MIN_ITEMS:
                continue
            said = set(vi.folded_syllables(f"{line.chunk.section or ''} {line.text}"))
            share = len(thing & said) / len(thing)
            if share >= LEAD_SHARE and (best is None or share > best[0]):
                best = (share, [line, *items])
        best = _inline(thing, lines, index.plan(plan_id), best)
    if best is None:
        return None
    lead, *items = best[1]
    text = "\n".join([lead.text.strip(), *(item.text.strip() for item in items)])
    numbered = number_points([Point(text, lead.chunk, lead.text.strip(), 1.0)], index.plan)
    return Answer(q.text, True, "\n".join(numbered.lines), numbered.citations, kind="passage", points=numbered.said)
