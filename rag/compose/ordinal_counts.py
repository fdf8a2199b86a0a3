"""How many things a text numbers by their ordinals ("Hanvit bị phạt vì mấy hành vi?" of "a) Hành vi thứ nhất: …",
"b) Hành vi thứ hai: …", "c) Hành vi thứ ba: …"): counted, the last one's line cited."""
from __future__ import annotations

import re

from ground import vi
from rag.compose.citations import Point, number_points
from rag.find.plans import PlanIndex
from rag.find.search import Hit
from rag.models import Answer
from rag.ports import StoredChunk
from rag.understand.question import Question, asking_fold

_COUNT_ASKED = re.compile(r"\b(?:bao nhieu|may) ([a-z]+ [a-z]+|[a-z]+)\b")
_ORDINALS = {"nhat": 1, "hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10}
# a line opening with the item ("c) Hành vi thứ ba: …", "- Đợt thứ hai: …"), folded (its marker's signs gone: "c hanh vi …")
_ITEM_LINE = r"^(?:[a-zđ] |\d{1,2} )?NOUN thu (ORDINALS)\b"
_MARKER = re.compile(r"^\s*(?:[a-zđ]\)|\d{1,2}[.)]|[-–+•])?\s*")
MIN_ITEMS = 2  # items numbered so that make a count worth saying
SEARCHED_TEXTS = 2  # the top passages' texts whose lines are counted


def ordinal_count_answer(q: Question, hits: list[Hit], index: PlanIndex) -> Answer | None:
    """The count of the items the best text numbers "<noun> thứ nhất, thứ hai, …" for "mấy <noun>"; None when the
    question counts nothing so numbered."""
    asked = _COUNT_ASKED.search(asking_fold(q.pq.text)) if len(q.parts) == 1 and hits else None
    if asked is None:
        return None
    noun = asked.group(1)
    pattern = re.compile(_ITEM_LINE.replace("NOUN", re.escape(noun)).replace("ORDINALS", "|".join(_ORDINALS)))
    for plan_id in list(dict.fromkeys(h.chunk.plan_id for h in hits))[:SEARCHED_TEXTS]:
        found: dict[int, tuple[str, StoredChunk]] = {}
        for chunk in index.chunks(plan_id):
            for line in chunk.text.split("\n"):
                m = pattern.match(vi.collapse(line))
                if m and _ORDINALS[m.group(1)] not in found:
                    found[_ORDINALS[m.group(1)]] = (line.strip(), chunk)
        n = len(found)
        if n >= MIN_ITEMS and sorted(found) == list(range(1, n + 1)):  # "thứ nhất" to "thứ n", none skipped
            line, chunk = found[n]
            typed = _MARKER.sub("", line.split(":")[0])  # "c) Hành vi thứ ba" → "Hành vi thứ ba"
            text = f"{n} {typed.split(' thứ ')[0].lower()} ({typed.split(' thứ ')[0]} thứ nhất đến {typed}): {line}"
            numbered = number_points([Point(text, chunk, line, 1.0)], index.plan)
            return Answer(q.text, True, "\n".join(numbered.lines), numbered.citations, kind="passage",
                          points=numbered.said)
    return None
