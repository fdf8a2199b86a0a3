"""Who wrote a page ("Bài tin này do ai viết?"): its byline, a line holding only a writer's name at its foot ("Lương Văn
Huấn", "Bài, ảnh: Trần Minh", "Nguyễn Hà (TTXVN)") or under its title ("Tác giả: …"), cited."""
from __future__ import annotations

import re

from ground.bylines import affiliated_byline, byline
from rag.compose.citations import Point, number_points
from rag.find.plans import PlanIndex
from rag.find.search import Hit
from rag.models import Answer
from rag.understand.question import Question

# ("người viết bài", not "người Việt gốc Lào")
_ASKS_WRITER = re.compile(r"\b(?:ai viet|tac gia|nguoi viet (?:bai|tin)|ai dua tin|phong vien nao viet|but danh)\b")
FOOT_LINES = 6  # lines at a page's end a byline stands among
HEAD_LINES = 6  # …or at its top, labelled ("Tác giả: …"; a bare name there is more likely a heading's run-on)


def _writer_line(lines: list[str], labelled_only: bool) -> tuple[str, str] | None:
    """The first byline among the lines, and the writer's name in it."""
    for line in lines:
        found = byline(line)
        if found is not None and (found[1] or not labelled_only):
            return line.strip(), found[0]
    return None


def byline_answer(q: Question, hits: list[Hit], index: PlanIndex) -> Answer | None:
    """The byline of the page the question asks about (its best passage's); None when it asks no writer or the page
    shows none (the passages then answer, or refuse)."""
    if not _ASKS_WRITER.search(q.pq.folded) or not hits:
        return None
    plan_id = hits[0].chunk.plan_id
    chunks = index.chunks(plan_id)
    lines = [(line, chunk) for chunk in chunks for line in chunk.text.split("\n") if line.strip()]
    foot = _writer_line([line for line, _ in reversed(lines[-FOOT_LINES:])], labelled_only=False)
    head = None if foot else _writer_line([line for line, _ in lines[:HEAD_LINES]], labelled_only=True)
    # (…or a bare name at its head with the body its writer works for under it: "Mỹ Diệu" / "Phòng …, Sở Ngoại vụ …")
    pair = None if foot or head else next((found for (line, _), (under, _) in zip(lines[:HEAD_LINES], lines[1:HEAD_LINES + 1],
                                                                                strict=False)
                                           if (found := affiliated_byline(line, under))), None)
    found = foot or head or ((_head_line(lines, pair[0]), f"{pair[0]} ({pair[1]})") if pair else None)
    if found is None:
        return None
    said, name = found
    chunk = next(c for line, c in lines if line.strip() == said)
    plan = index.plan(plan_id)
    title = f"“{plan.meta.title}”" if plan else "này"
    text = f"Bài viết {title} do {name} viết."
    numbered = number_points([Point(text, chunk, said, 1.0)], index.plan)
    return Answer(q.text, True, "\n".join(numbered.lines), numbered.citations, kind="passage", points=numbered.said)


def _head_line(lines: list, name: str) -> str:
    return next(line.strip() for line, _ in lines if line.strip().startswith(name))
