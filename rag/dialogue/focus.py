"""A follow-up the stored texts did not answer as rewritten, answered from the passages the last answer cited: "ai
dẫn đầu đoàn?" after a passage about a delegation asks about that delegation, which that passage names."""
from __future__ import annotations

import re

from ground import vi
from rag.decide.counts import SAME_THING
from rag.decide.grounds import missing_asked
from rag.dialogue.state import Conversation
from rag.models import Answer, Citation
from rag.understand.entities import tag
from rag.understand.question import analyze, answer_type, split_parts, without_question_words

# The asked type, and the kind of span a sentence must hold to answer it.
_SPAN_OF = {"person": "person", "date": "date", "agency": "agency", "place": "place", "number": "number",
            "period": "period"}
# Words of a follow-up that say nothing of what it is about.
_STOP = set("ai gi nao dau bao nhieu khi may la co duoc cua va voi trong ve cho thi the sao do nay ay "
            "ke hoach van ban bai viet o tai nguoi ngay thang nam lam".split())
MIN_SHARED = 1  # the sentence must share at least one word of the follow-up's own (its subject)
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+")


def focused_answer(question: str, context: Conversation, require_own: bool = True) -> Answer | None:
    """The sentence of the last answer's passages that holds every asked type ("phối hợp với cơ quan nào, hạn khi
    nào?": an agency and a date) and shares the follow-up's own words, cited as the last answer cited it; None
    when no such sentence stands out. `require_own`: False after an answer of one point, which is what the
    follow-up is about even when it repeats none of its words ("kinh phí bao nhiêu?")."""
    kinds = {_SPAN_OF.get(answer_type(vi.collapse(part))) for part in split_parts(question)}
    if None in kinds or not context.points:
        return None
    own = {s for s in vi.folded_syllables(without_question_words(question)) if s not in _STOP}
    own |= {s for word in own for name in SAME_THING.get(word, ()) for s in name.split()}  # "nước": "quốc gia"
    if not own and require_own:
        return None
    # the points as shown first (a passage may open with a page's header), then the rest of their passages
    shown = [(re.sub(r"\s*\[\d+\]", "", str(p.get("text") or "")), p.get("citation") or {}) for p in context.points]
    whole = [(" ".join(str(c.get("full_quote") or c.get("quote") or "").split()), c) for _, c in shown]
    # ("tổ chức ngày nào?": when it is held; a line whose every date is a deadline, "trình … trước ngày 31/3", is not that)
    deadlines = "date" in kinds and not _DEADLINE_ASKED.search(vi.collapse(question))
    best = _best(shown, kinds, own, require_own, deadlines) or _best(whole, kinds, own, require_own, deadlines)
    if best is None:
        return None
    sentence, citation = best
    q = analyze(question)
    if missing_asked(q, sentence, set()) or not _counts_the_noun(q.pq.folded, sentence):
        return None  # the last gate of every answer: "năm nào" needs a year, "mấy nội dung" a count of them
    return Answer(question, True, f"{sentence} [1]", [Citation.from_json(dict(citation, n=1))], kind="passage")


_DEADLINE_ASKED = re.compile(r"\b(?:han|thoi han|han chot|truoc ngay|cham nhat|bao gio phai)\b")
_BEFORE_DEADLINE = re.compile(r"(?:trước|chậm nhất|hạn chót|hạn|thời hạn)\s*(?:là\s*)?(?:ngày\s*)?$", re.IGNORECASE)


def _only_deadlines(sentence: str) -> bool:
    dates = [e for e in tag(sentence) if e.kind == "date"]
    return bool(dates) and all(_BEFORE_DEADLINE.search(sentence[:e.start]) for e in dates)


def _best(passages: list[tuple[str, dict]], kinds: set, own: set[str], require_own: bool,
          no_deadlines: bool = False) -> tuple[str, dict] | None:
    best: tuple[int, str, dict] | None = None
    for passage, citation in passages:
        for sentence in _SENTENCE_END.split(passage):
            if not kinds <= {e.kind for e in tag(sentence)} or no_deadlines and _only_deadlines(sentence):
                continue
            shared = len(own & set(vi.folded_syllables(sentence)))
            if (shared >= MIN_SHARED or not require_own) and (best is None or shared > best[0]):
                best = (shared, sentence.strip(), citation)
    return (best[1], best[2]) if best else None


_COUNTED = re.compile(r"\b(?:may|bao nhieu) ([a-z]+)")


def _counts_the_noun(folded: str, sentence: str) -> bool:
    """"biên bản có mấy nội dung?" is answered by "… 9 nội dung …", not by any number the sentence holds; "bao nhiêu
    nước" by "33 quốc gia" (another name of the thing)."""
    m = _COUNTED.search(folded)
    if not m or m.group(1) in ("nam", "ngay", "thang", "gio"):
        return True
    names = "|".join(map(re.escape, SAME_THING.get(m.group(1), (m.group(1),))))
    return bool(re.search(rf"\b\d[\d.,]* (?:{names})\b", vi.collapse(sentence)))
