"""Numbered citations: one per quoted chunk, numbered from 1 in the order the answer shows them."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from ground.display import shorten
from rag.models import Answer, AnswerPoint, Citation
from rag.ports import StoredChunk, StoredPlan

QUOTE_CHARS = 240
_MARK = re.compile(r"\[(\d+)\]")


@dataclass
class Point:
    """One line of an answer and the chunk it comes from."""

    text: str
    chunk: StoredChunk
    quote: str  # the plan's words behind the point
    score: float


NEWS_TITLE_CHARS = 64  # a page's headline in an answer's label: enough to tell the page, short enough to read on a phone


def plan_label(meta) -> str:
    """'Kế hoạch 726/KH-UBND của UBND tỉnh Cao Bằng' or, without a number, the title."""
    if meta is None:
        return "văn bản"
    kind = meta.doc_type or "Văn bản"
    if meta.number:
        owner = f" của {meta.issuer}" if meta.issuer else ""
        return f"{kind} {meta.number}{owner}"
    if meta.source_kind == "news":
        return f"bài viết “{shorten_title(meta.title, NEWS_TITLE_CHARS)}”"
    return shorten_title(meta.title, 120)


_TITLE_TAIL = re.compile(r"\s(?:đến năm|tới năm|giai đoạn|năm|tầm nhìn)\s[\d\s\-–,]*\d{4}\S*$", re.IGNORECASE)


def shorten_title(title: str, limit: int) -> str:
    """A title within `limit` characters that keeps its closing period ("… đến năm 2020"): the years tell two
    plans of one place apart, so the cut is made before them."""
    tail = _TITLE_TAIL.search(title)
    if len(title) <= limit or not tail or len(tail.group(0)) > limit // 2:
        return shorten(title, limit)
    return shorten(title[:tail.start()], limit - len(tail.group(0)) - 1) + tail.group(0)


@dataclass
class Numbered:
    """Points given their citation numbers: the marked lines, the citations, and the points as said."""

    lines: list[str]
    citations: list[Citation]
    said: list[AnswerPoint]


def number_points(points: list[Point], plan_of: Callable[[str], StoredPlan | None]) -> Numbered:
    """Give each distinct chunk a number in order of first appearance; returns marked lines."""
    numbers: dict[str, int] = {}
    citations: list[Citation] = []
    lines: list[str] = []
    said: list[AnswerPoint] = []
    for point in points:
        chunk = point.chunk
        if chunk.id not in numbers:
            numbers[chunk.id] = len(numbers) + 1
            plan = plan_of(chunk.plan_id)
            meta = plan.meta if plan else None
            links = plan.links if plan else None  # computed when the catalog is read
            citations.append(
                Citation(
                    n=numbers[chunk.id],
                    plan=meta.number if meta else None,
                    title=meta.title if meta else chunk.source,
                    issuer=meta.issuer if meta else None,
                    date=meta.date if meta else None,
                    section=chunk.section,
                    source=chunk.source,
                    quote=shorten(" ".join(point.quote.split()), QUOTE_CHARS),
                    score=point.score,
                    plan_id=chunk.plan_id,
                    doc_type=meta.doc_type if meta else None,
                    full_quote=chunk.text,
                    replaced_by=links.replaced_by if links else None,
                )
            )
        lines.append(f"{point.text} [{numbers[chunk.id]}]")
        said.append(AnswerPoint(point.text, numbers[chunk.id]))
    return Numbered(lines, citations, said)


def check_citations(answer: str, citations: list[Citation]) -> bool:
    """Every [n] exists in the list, every citation is used, numbers run 1..N in first-use order."""
    used = [int(m) for m in _MARK.findall(answer)]
    first_use = list(dict.fromkeys(used))
    return first_use == [c.n for c in citations] == list(range(1, len(citations) + 1))


def joined(question: str, answers: list[Answer]) -> Answer:
    """Answers to one question asked of several places, one after another, their citations numbered on."""
    lines: list[str] = []
    citations: list[Citation] = []
    points: list[AnswerPoint] = []
    for answer in answers:
        offset = len(citations)
        lines.append(re.sub(r"\[(\d+)\]", _shifted(offset), answer.answer))
        citations += [replace(c, n=c.n + offset) for c in answer.citations]
        points += [AnswerPoint(p.text, p.n + offset) for p in answer.points]
    return Answer(question, True, "\n".join(lines), citations, kind="general", points=points)


def _shifted(offset: int) -> Callable[[re.Match[str]], str]:
    return lambda m: f"[{int(m.group(1)) + offset}]"
