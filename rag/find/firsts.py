"""Which near candidate goes before the best-scored one: the field line stating the asked kind of value ("2. Địa
điểm: Hà Nội") when the best line states none, or the line counting the asked thing ("117 hội viên")."""
from __future__ import annotations

import re

from ground import vi
from rag.find.sentences import ANSWERING_KINDS, COUNTED, SPELLED, Candidate, field_kind

FIELD_CANDIDATES = 12  # how far down a field line of the asked kind is looked for
_FIELD_ASKED = {"place": ("place",), "date": ("date",), "period": ("date",), "agency": ("agency",)}


def field_line(ranked: list[Candidate], kind: str) -> Candidate | None:
    """The field line of the asked kind ("2. Địa điểm: Hà Nội", "- Thời gian: tháng 9/2026") of the best
    sentence's text, among the first candidates: where a plan states its event's place, time or lead."""
    if kind not in _FIELD_ASKED or not ranked:
        return None
    fields = [c for c in ranked if c.chunk.plan_id == ranked[0].chunk.plan_id and field_kind(c.body) in _FIELD_ASKED[kind]]
    # the best line's own record ("Trưng bày …" / "- Thời gian: …" / "- Địa điểm: …" in one chunk); else one such field
    # in the text: its event's; several elsewhere are the fields of several tasks, which the words must choose between
    own = [c for c in fields if c.chunk.id == ranked[0].chunk.id and c.unit.start > ranked[0].unit.start]
    if own:
        return own[0]
    return fields[0] if len(fields) == 1 and fields[0] in ranked[1:FIELD_CANDIDATES] else None


def states_new(cand: Candidate, question: str, kind: str) -> bool:
    """The candidate states a value of the asked kind that the question does not already say (a day for a date:
    "Lễ hội … lần thứ IV, năm 2027" names the year of the event, not when in it)."""
    asked = vi.fold(question)
    return any(e.kind in ANSWERING_KINDS.get(kind, ()) and vi.fold(e.text) not in asked for e in cand.answer_spans)


COUNTED_SHARE = 0.75  # how close to the best a line counting the asked thing must score to go before it


def counted_first(ranked: list[Candidate], question: str) -> list[Candidate]:
    """"bao nhiêu hội viên": a near line of the same text that counts that thing ("117 hội viên") goes before a
    best line whose numbers count something else ("thành lập năm 1999. Trong 20 năm qua …")."""
    m = COUNTED.search(vi.collapse(question))
    if not m or not ranked:
        return ranked
    nouns = [f"{m.group(1)} {m.group(2)}", m.group(1)] if m.group(2) else [m.group(1)]
    for noun in nouns:
        pattern = re.compile(rf"(?:(?<![\d.,])\d[\d.,]*|\b{SPELLED})\s+{re.escape(noun)}\b")
        counting = [c for c in ranked[:FIELD_CANDIDATES] if pattern.search(vi.fold_same_length(c.body).lower())]
        if not counting:
            continue
        if ranked[0] in counting:
            return ranked
        near = next((c for c in counting if c.chunk.plan_id == ranked[0].chunk.plan_id
                     and c.score >= COUNTED_SHARE * ranked[0].score), None)
        return ranked if near is None else [near] + [c for c in ranked if c is not near]
    return ranked


def field_first(ranked: list[Candidate], kind: str, question: str) -> list[Candidate]:
    """When the best words name the event but not where, when or who (beyond what the question says), the
    text's field line of that kind goes first."""
    field = field_line(ranked, kind)
    if field is None or states_new(ranked[0], question, kind):
        return ranked
    return [field] + [c for c in ranked if c is not field]
