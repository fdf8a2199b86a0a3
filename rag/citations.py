"""Numbered citations: one per quoted chunk, numbered from 1 in the order the answer shows them."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ngvh.display import shorten

from .models import Citation
from .ports import StoredPlan

QUOTE_CHARS = 240
_MARK = re.compile(r"\[(\d+)\]")


@dataclass
class Point:
    """One line of an answer and the chunk it comes from."""

    text: str
    chunk: object  # StoredChunk
    quote: str  # the plan's words behind the point
    score: float


def plan_label(meta) -> str:
    """'Kế hoạch 726/KH-UBND của UBND tỉnh Cao Bằng' or, without a number, the title."""
    if meta is None:
        return "văn bản"
    kind = meta.doc_type or "Văn bản"
    if meta.number:
        owner = f" của {meta.issuer}" if meta.issuer else ""
        return f"{kind} {meta.number}{owner}"
    if meta.source_kind == "news":
        return f"bài viết “{shorten(meta.title, 90)}”"
    return shorten(meta.title, 120)


def number_points(points: list[Point], plan_of: Callable[[str], StoredPlan | None]) -> tuple[list[str], list[Citation]]:
    """Give each distinct chunk a number in order of first appearance; returns marked lines."""
    numbers: dict[str, int] = {}
    citations: list[Citation] = []
    lines: list[str] = []
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
    return lines, citations


def check_citations(answer: str, citations: list[Citation]) -> bool:
    """Every [n] exists in the list, every citation is used, numbers run 1..N in first-use order."""
    used = [int(m) for m in _MARK.findall(answer)]
    first_use = list(dict.fromkeys(used))
    return first_use == [c.n for c in citations] == list(range(1, len(citations) + 1))
