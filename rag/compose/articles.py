"""Which article (or section) of a named text rules on a thing ("NQ 228 điều nào quy định chế độ hội nghị quốc tế?"):
the heading whose title holds most of the question's own words, quoted as the text writes it."""
from __future__ import annotations

import re

from ground.display import shorten
from rag.compose.citations import Point, number_points, plan_label
from rag.find.plans import PlanIndex
from rag.models import Answer
from rag.understand.question import Question, without_question_words
from rag.understand.terms import coverage_of, query_terms, unit_terms

ARTICLE_ASKED = re.compile(r"\b(?:dieu|khoan|muc|chuong|phan) (?:nao|may|so may)\b")
# an article's or a section's heading on its own line (a table of contents' item too: "- Điều 4. Chế độ …")
_HEADING = re.compile(r"^[ \t]*(?:[-•][ \t]+)?((?:Điều|Chương|Mục|Phần)[ \t]+(?:\d+|[IVXLC]+)[ \t]*[.:][ \t]*\S[^\n]{2,160})$",
                      re.MULTILINE)
# words that name the text or the heading asked, not what the article rules on
_NAMING = frozenset("dieu khoan muc chuong phan quy dinh nghi quyet ke hoach thong tu cong van chi thi nq qd kh cua o tai"
                    .split())
ARTICLE_MATCH = 0.5  # share of the question's own words an article's title must hold to be the one asked


_ARTICLE_NAMED = re.compile(r"\bdieu (\d{1,3})\b(?! (?:nao|may))")  # (parts and sections are navigated to)
ARTICLE_CHARS = 320  # of an article named by its number: its heading and what it opens with


def article_answer(q: Question, plan_ids: list[str], index: PlanIndex) -> Answer | None:
    """The heading of the named text that rules on what the question names, or the article it names by its number
    ("điều 2 nói về cái gì?"); None when no title holds enough of it, or no heading has that number."""
    named = _ARTICLE_NAMED.search(q.pq.folded)
    if named and not ARTICLE_ASKED.search(q.pq.folded):
        return _numbered_article(q, "Điều", named.group(1), plan_ids, index)
    if not ARTICLE_ASKED.search(q.pq.folded):
        return None
    own = [t for t in query_terms(without_question_words(q.pq.content or q.text))
           if not any(c.isdigit() for c in t) and not set(t.split()) <= _NAMING]
    if not own:
        return None
    covered = coverage_of(own, index.idf)
    asked = {w for t in own for w in t.split()}
    best: tuple[tuple[float, int], Point | None] = ((0.0, 0), None)
    for plan_id in plan_ids:
        for chunk in index.chunks(plan_id):
            for m in _HEADING.finditer(chunk.text):
                terms = unit_terms(m.group(1))
                # (of two titles holding as much, the one saying less besides: "Chi tiếp khách trong nước" before
                # "Chế độ tiếp khách nước ngoài … chi phí trong nước")
                rank = (covered(terms), -len({w for t in terms for w in t.split()} - asked))
                if rank > best[0]:
                    best = (rank, Point(m.group(1).strip(), chunk, m.group(1), rank[0]))
    (score, _), point = best
    if point is None or score < ARTICLE_MATCH:
        return None
    numbered = number_points([point], index.plan)
    held = index.plan(point.chunk.plan_id)
    return Answer(q.text, True, f"Theo {plan_label(held.meta if held else None)}:\n- {numbered.lines[0]}",
                  numbered.citations, kind="general", points=numbered.said)


def _numbered_article(q: Question, kind: str, number: str, plan_ids: list[str], index: PlanIndex) -> Answer | None:
    """"Điều 2 nói về cái gì?": the article's heading, in the text (not a table of contents' line), and its opening."""
    heading = re.compile(rf"^[ \t]*(?P<toc>[-•][ \t]+)?{kind}[ \t]+{number}[ \t]*[.:][^\n]*$", re.MULTILINE)
    found = [(m, chunk) for plan_id in plan_ids for chunk in index.chunks(plan_id) for m in heading.finditer(chunk.text)]
    # the article in the text, with what it opens with; else a table of contents' line naming it (a page cut before it)
    m, chunk = next(((m, c) for m, c in found if not m.group("toc")), None) or next(iter(found), (None, None))
    if m is None or chunk is None:
        return None
    said = " ".join(chunk.text[m.start():m.start() + ARTICLE_CHARS].split()) if not m.group("toc") else \
        m.group(0).strip(" -•\t")
    numbered = number_points([Point(shorten(said, ARTICLE_CHARS), chunk, said, 1.0)], index.plan)
    held = index.plan(chunk.plan_id)
    return Answer(q.text, True, f"Theo {plan_label(held.meta if held else None)}:\n- {numbered.lines[0]}",
                  numbered.citations, kind="general", points=numbered.said)
