"""A follow-up the stored texts did not answer as rewritten, answered from the passages the last answer cited: "ai
dẫn đầu đoàn?" after a passage about a delegation asks about that delegation, which that passage names."""
from __future__ import annotations

import re

from ground import vi
from rag.dialogue.state import Conversation
from rag.models import Answer, Citation
from rag.understand.entities import tag
from rag.understand.question import answer_type, without_question_words

# The asked type, and the kind of span a sentence must hold to answer it.
_SPAN_OF = {"person": "person", "date": "date", "agency": "agency", "place": "place", "number": "number",
            "period": "period"}
# Words of a follow-up that say nothing of what it is about.
_STOP = set("ai gi nao dau bao nhieu khi may la co duoc cua va voi trong ve cho thi the sao do nay ay "
            "ke hoach van ban bai viet o tai nguoi ngay thang nam lam".split())
MIN_SHARED = 1  # the sentence must share at least one word of the follow-up's own (its subject)
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+")


def focused_answer(question: str, context: Conversation) -> Answer | None:
    """The sentence of the last answer's passages that holds the asked type and shares the follow-up's own words,
    cited as the last answer cited it; None when no such sentence stands out."""
    folded = vi.collapse(question)
    kind = _SPAN_OF.get(answer_type(folded))
    if kind is None or not context.points:
        return None
    own = {s for s in vi.folded_syllables(without_question_words(question)) if s not in _STOP}
    if not own:
        return None
    # the points as shown first (a passage may open with a page's header), then the rest of their passages
    shown = [(re.sub(r"\s*\[\d+\]", "", str(p.get("text") or "")), p.get("citation") or {}) for p in context.points]
    whole = [(" ".join(str(c.get("full_quote") or c.get("quote") or "").split()), c) for _, c in shown]
    best = _best(shown, kind, own) or _best(whole, kind, own)
    if best is None:
        return None
    sentence, citation = best
    return Answer(question, True, f"{sentence} [1]", [Citation.from_json(dict(citation, n=1))], kind="passage")


def _best(passages: list[tuple[str, dict]], kind: str, own: set[str]) -> tuple[str, dict] | None:
    best: tuple[int, str, dict] | None = None
    for passage, citation in passages:
        for sentence in _SENTENCE_END.split(passage):
            if not any(e.kind == kind for e in tag(sentence)):
                continue
            shared = len(own & set(vi.folded_syllables(sentence)))
            if shared >= MIN_SHARED and (best is None or shared > best[0]):
                best = (shared, sentence.strip(), citation)
    return (best[1], best[2]) if best else None
