"""Extractive answers: choose the sentences or bullets that answer, from the top chunks, in plan order."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from ngvh import vi

from .citations import Point
from .passages import best_window, coverage, query_terms, shorten, split_units, strip_marker, unit_terms

TOP_CHUNKS = 5
MAX_POINTS = 3
ANSWER_BUDGET = 520  # characters of points; with the lead line this fits a phone screen
LIST_ITEM_CHARS = 140
# "… gồm những gì", "… là gì", "nội dung …": the question wants the section's items, not one sentence.
_LIST_QUESTION = re.compile(r"\b(gom (nhung )?(gi|nao)|nhung (gi|noi dung|nhiem vu|muc tieu|yeu cau|giai phap)|la gi|noi dung|bao gom|cac (muc tieu|yeu cau|nhiem vu|giai phap))\b")


_MARKER = re.compile(r"^(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)\-]?\s+", re.IGNORECASE)


@dataclass
class Candidate:
    chunk: object
    rank: int
    text: str  # unit text as shown (possibly windowed)
    quote: str
    start: int
    score: float


def quotable(body: str) -> bool:
    """A sentence worth showing: not a heading, a date line or a label ("Loại văn bản Kế hoạch")."""
    return len(body) >= 30 and not body.isupper() and len(body.split()) >= 6


def section_match(terms: list[str], section: str | None, idf: Callable[[str], float]) -> float:
    """How much of the question the deepest heading of a chunk's section path answers (0..1)."""
    if not section:
        return 0.0
    heading = _MARKER.sub("", section.split("›")[-1].strip())
    heading_terms = unit_terms(heading)
    weights = [(t, idf(t)) for t in terms if t in heading_terms]
    mine = sum(w for _, w in weights)
    heading_total = sum(idf(t) for t in set(vi.folded_syllables(heading))) or 1.0
    return min(1.0, mine / heading_total)


def rank_units(question: str, hits: list, idf: Callable[[str], float]) -> list[Candidate]:
    terms = query_terms(question)
    out: list[Candidate] = []
    for rank, hit in enumerate(hits[:TOP_CHUNKS]):
        chunk = hit.chunk
        prior = 0.15 / (1 + rank)  # the fused ranking already weighed the whole chunk
        for unit in split_units(chunk.text):
            body = strip_marker(unit.text)
            if not quotable(body):
                continue
            cov = coverage(terms, unit_terms(body), idf)
            shown = best_window(body, terms, idf)
            out.append(Candidate(chunk, rank, shown, body, unit.start, cov + prior))
    out.sort(key=lambda c: -c.score)
    return out


def list_points(question: str, hits: list, idf, section_chunks=None) -> list[Point] | None:
    """For 'what does section X contain' questions: the first items of the matching section.

    `section_chunks(chunk)` gives every chunk of the same plan section in order: a long section is
    split over several chunks and its list starts in the first one.
    """
    if not _LIST_QUESTION.search(vi.collapse(question)):
        return None
    terms = query_terms(question)
    for hit in hits[:3]:
        if section_match(terms, hit.chunk.section, idf) < 0.5:
            continue
        chunks = section_chunks(hit.chunk) if section_chunks else [hit.chunk]
        items = [
            (chunk, unit)
            for chunk in chunks
            for unit in split_units(chunk.text)
            if len(strip_marker(unit.text)) >= 15
        ]
        bullets = [(c, u) for c, u in items if u.text.lstrip().startswith(("-", "–", "+", "•", "*"))] or items[1:] or items
        points = []
        for chunk, unit in bullets[:4]:
            body = strip_marker(unit.text)
            points.append(Point(shorten(body, LIST_ITEM_CHARS), chunk, body, hit.score))
        if points:
            return points
    return None


def choose_points(question: str, hits: list, idf: Callable[[str], float], section_chunks=None) -> list[Point]:
    listed = list_points(question, hits, idf, section_chunks)
    if listed:
        return listed
    ranked = rank_units(question, hits, idf)
    if not ranked:
        return []
    best = ranked[0]
    chosen = [best]
    used = len(best.text)
    for cand in ranked[1:]:
        if len(chosen) >= MAX_POINTS or cand.score < 0.6 * best.score:
            break
        same_section = cand.chunk.plan_id == best.chunk.plan_id and cand.chunk.section == best.chunk.section
        other_plan = cand.chunk.plan_id != best.chunk.plan_id and cand.score >= 0.85 * best.score
        duplicate = any(vi.collapse(cand.quote) == vi.collapse(c.quote) for c in chosen)
        if (same_section or other_plan) and not duplicate and used + len(cand.text) <= ANSWER_BUDGET:
            chosen.append(cand)
            used += len(cand.text)
    # the best point's plan first, then the plan's own order
    plan_order = list(dict.fromkeys(c.chunk.plan_id for c in chosen))
    chosen.sort(key=lambda c: (plan_order.index(c.chunk.plan_id), c.chunk.seq, c.start))
    return [Point(c.text, c.chunk, c.quote, c.score) for c in chosen]
