"""A part of a question no chosen line answers, read from the lines right around the lines already shown: a text tells
one thing's facts together ("Thời gian: 18 - 24/9" then "Địa điểm: Helsinki và Turku"; "… được công nhận từ năm 2010."
then "Trong lộ trình tái thẩm định 4 năm một lần, …"; "Căn cứ Luật …;" then "Xét đề nghị của Bộ trưởng …")."""
from __future__ import annotations

from dataclasses import dataclass

from ground import vi
from rag.compose.citations import Point
from rag.compose.display import display
from rag.decide.counts import ORDINAL_ASKED, counted_in
from rag.decide.holders import holder_named, office_asked
from rag.decide.kinds import states_kind
from rag.find.lines import field_kinds, labelled_values, quotable
from rag.understand import entities
from rag.understand.question import Part, without_question_words
from rag.understand.terms import query_terms, split_units, strip_marker, unit_terms

NEIGHBOURS = (1, -1, 2, -2)  # the units read around a shown line, nearest first, the one after before the one before
# the kinds a line can be seen to state; any other ("nội dung gì", "như thế nào") is said in too many ways to tell
TOLD_KINDS = frozenset({"date", "period", "place", "person", "number"})
_COMPLETED_KINDS = frozenset({"person", "place"})
_VALUE_KINDS = {"date": ("date", "period"), "period": ("period", "date"), "place": ("place", "foreign"),
                "person": ("person", "agency")}  # (a country is a place: "người Kenya" says which nation)


@dataclass
class _Line:
    body: str
    answer_spans: list[entities.Entity]


def beside(part: Part, anchors: list[Point], question: str, idf, strict: bool = False) -> Point | None:
    """The nearest line around an anchor (a line shown, or the one chosen for this part that states nothing of what it
    asks) that states a value of the asked kind and tells of the part's own words or labels the asked kind; None when
    no such line is at hand."""
    if part.answer_type not in TOLD_KINDS:
        return None
    shown = {p.quote for p in anchors}
    own = {t for t in query_terms(without_question_words(part.text)) if len(t) > 2}
    for anchor in anchors:
        # (a page's player controls and share buttons between two sentences are not lines: "0:00 / 0:00", "• Nữ miền Bắc")
        units = [u for u in split_units(anchor.chunk.text) if anchor.quote in u.text or quotable(strip_marker(u.text))]
        at = next((i for i, u in enumerate(units) if anchor.quote and anchor.quote in u.text), None)
        if at is None:
            continue
        for step in NEIGHBOURS:
            if not 0 <= at + step < len(units):
                continue
            body = strip_marker(units[at + step].text)
            if body in shown or not states_value(part, body, question, strict):
                continue
            if not (own & unit_terms(body)) and part.answer_type not in field_kinds(body) | {
                    v.kind for v in labelled_values(body)}:
                continue  # a value of the kind about something else
            spans = [e for e in entities.tag(body) if e.kind in _VALUE_KINDS.get(part.answer_type, ())]
            return Point(display(_Line(body, spans), part.text, idf), anchor.chunk, body, anchor.score)
    return None


def ordinal_line(part: Part, chunks: list, idf) -> Point | None:
    """"… tại kỳ họp thứ mấy?", "HĐND khóa mấy?": the line of the named text that ranks the thing asked, wherever it stands
    (a resolution's closing line: "… Hội đồng nhân dân tỉnh … khóa XVII, Kỳ họp thứ chín thông qua ngày …")."""
    if not ORDINAL_ASKED.search(vi.collapse(part.text)):
        return None
    for chunk in chunks:
        for unit in split_units(chunk.text):
            body = strip_marker(unit.text)
            if counted_in(part.text, body):
                return Point(display(_Line(body, []), part.text, idf), chunk, body, 1.0)
    return None


def completed(part: Part, points: list[Point], question: str, idf) -> list[Point]:
    """The points of a one-part answer, with the line around them that states the asked value when none of them does
    ("Thống đốc tỉnh Shizuoka tên là gì?": the sentence after the one telling of the meeting names him)."""
    # (a name only: a figure or a date beside a line tells of something else as often as not — "hơn 10 hoạt động",
    # "Sáng 20/2 … hội nghị" — while a person or place beside the line telling of a meeting is who or where)
    if not points or part.answer_type not in _COMPLETED_KINDS or any(states_value(part, p.quote, question, strict=True)
                                                                for p in points):
        return points
    near = beside(part, points, question, idf, strict=True)
    return points if near is None else points + [near]


def states_value(part: Part, body: str, question: str, strict: bool = False) -> bool:
    """The line states a value of the asked kind that the question does not itself name (`strict`: a person by name,
    where a part of several may be answered by a body: "ai chủ trì?")."""
    if part.answer_type == "number":
        return counted_in(part.text, body)
    if not states_kind(part, body, question):
        return False
    asked = vi.collapse(question)
    if strict and part.answer_type == "person" and (office := office_asked(vi.collapse(question))):
        return holder_named(office, body, question)  # "Thống đốc tỉnh Shizuoka tên là gì?": the governor's name
    kinds = ("person",) if strict and part.answer_type == "person" else _VALUE_KINDS[part.answer_type]
    values = [e for e in entities.tag(body) + labelled_values(body) + entities.foreign_places(body) if e.kind in kinds]
    return any(vi.collapse(v.text) not in asked for v in values) or part.answer_type in field_kinds(body)
