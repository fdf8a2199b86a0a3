"""A follow-up the stored texts did not answer as rewritten, answered from the passages the last answer cited: "ai
dẫn đầu đoàn?" after a passage about a delegation asks about that delegation, which that passage names."""
from __future__ import annotations

import re

from ground import vi
from rag.decide.counts import DURATION, SAME_THING
from rag.decide.grounds import missing_asked
from rag.dialogue.state import Conversation
from rag.models import Answer, Citation
from rag.understand.entities import tag
from rag.understand.question import FEW, analyze, answer_type, split_parts, without_question_words

# The asked type, and the kind of span a sentence must hold to answer it.
_SPAN_OF = {"person": "person", "date": "date", "agency": "agency", "place": "place", "number": "number",
            "period": "period"}
# Words of a follow-up that say nothing of what it is about.
_STOP = set("ai gi nao dau bao nhieu khi may la co duoc cua va voi trong ve cho thi the sao do nay ay "
            "ke hoach van ban bai viet o tai nguoi ngay thang nam lam".split())
MIN_SHARED = 1  # the sentence must share at least one word of the follow-up's own (its subject)
SAYS_SHARED = 2  # …two, when the follow-up asks what a line says rather than a kind of value
_SAYS = frozenset({"content", "manner", "purpose", "list"})
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+")


def focused_answer(question: str, context: Conversation, require_own: bool = True) -> Answer | None:
    """The sentence of the last answer's passages that holds every asked type ("phối hợp với cơ quan nào, hạn khi
    nào?": an agency and a date) and shares the follow-up's own words, cited as the last answer cited it; None
    when no such sentence stands out. `require_own`: False after an answer of one point, which is what the
    follow-up is about even when it repeats none of its words ("kinh phí bao nhiêu?")."""
    picked = _picked(question, context, require_own)
    if picked is None:
        return None
    sentence, citation = picked[1], picked[2]
    q = analyze(question)
    if missing_asked(q, sentence, set()) or not _counts_the_noun(q.pq.folded, sentence):
        return None  # the last gate of every answer: "năm nào" needs a year, "mấy nội dung" a count of them
    return Answer(question, True, f"{sentence} [1]", [Citation.from_json(dict(citation, n=1))], kind="passage")


def nearer_answer(question: str, context: Conversation, answer: Answer) -> Answer | None:
    """A follow-up with no subject of its own goes on in the passage just shown ("tỉnh xem xét trong bao lâu?" after
    the paragraph on how a commune asks to receive a delegation): its sentence there wins over another passage's
    answer when it shares more of the follow-up's own words, or as many while holding the asked kind of value the
    other answer lacks. None keeps the answer."""
    near = focused_answer(question, context)
    if near is None:
        return None
    own, kinds = _own(question), _kinds(question) or set()
    shared = _shared_words(own, re.sub(r"\s*\[\d+\]$", "", near.answer))  # (the sentence it chose)
    said = "\n".join(line for line in re.sub(r"\s*\[\d+\]", "", answer.answer).split("\n")
                     if not line.rstrip().endswith(":"))  # ("Theo Công văn … của Tỉnh ủy …:" names the source, says nothing)
    theirs = max((_shared_words(own, line) for line in said.split("\n")), default=0)
    typed = not kinds or any(_holds(kinds, line) for line in said.split("\n"))
    return near if shared > theirs or (shared == theirs and kinds and not typed) else None


def _kinds(question: str) -> set[str] | None:
    """The kinds of span each part asks; an empty set when they ask what a line says (content, manner), None when
    some part asks a kind no span answers."""
    kinds: set[str] = set()
    for part in split_parts(question):
        typed = answer_type(vi.collapse(part))
        if typed in _SAYS:
            continue
        if typed not in _SPAN_OF:
            return None
        kinds.add(_SPAN_OF[typed])
    return kinds


def _own(question: str) -> set[str]:
    own = {s for s in vi.folded_syllables(without_question_words(question)) if s not in _STOP}
    return own | {s for word in own for name in SAME_THING.get(word, ()) for s in name.split()}  # "nước": "quốc gia"


def _shared_words(own: set[str], line: str) -> int:
    return len(own & set(vi.folded_syllables(line)))


def _holds(kinds: set[str], sentence: str) -> bool:
    have = {e.kind for e in tag(sentence)}
    if "period" in kinds and "period" not in have and DURATION.search(sentence):
        have.add("period")  # "trong bao lâu": "trong thời hạn 07 ngày làm việc" is how long
    return kinds <= have


def _picked(question: str, context: Conversation, require_own: bool) -> tuple[int, str, dict] | None:
    kinds = _kinds(question)
    if kinds is None or not context.points:
        return None
    own = _own(question)
    if not own and require_own:
        return None
    # the points as shown first (a passage may open with a page's header), then the rest of their passages
    shown = [(re.sub(r"\s*\[\d+\]", "", str(p.get("text") or "")), p.get("citation") or {}) for p in context.points]
    whole = [(" ".join(str(c.get("full_quote") or c.get("quote") or "").split()), c) for _, c in shown]
    # ("tổ chức ngày nào?": when it is held; a line whose every date is a deadline, "trình … trước ngày 31/3", is not that)
    deadlines = "date" in kinds and not _DEADLINE_ASKED.search(vi.collapse(question))
    # (a line asked for what it says, not a kind of value, must share more than one word: its subject and its act)
    least = MIN_SHARED if kinds else SAYS_SHARED
    first = _best(shown, kinds, own, require_own, deadlines, least)
    rest = _best(whole, kinds, own, require_own, deadlines, least, anchors=[text for text, _ in shown])
    # (the line shown, unless its passage goes on with one sharing more of the follow-up's words — or as many, when what
    # a line says is asked: what was shown is read already)
    return rest if rest and (first is None or rest[0] > first[0] or (not kinds and rest[0] == first[0])) else first


_DEADLINE_ASKED = re.compile(r"\b(?:han|thoi han|han chot|truoc ngay|cham nhat|bao gio phai)\b")
_BEFORE_DEADLINE = re.compile(r"(?:trước|chậm nhất|hạn chót|hạn|thời hạn)\s*(?:là\s*)?(?:ngày\s*)?$", re.IGNORECASE)


def _only_deadlines(sentence: str) -> bool:
    dates = [e for e in tag(sentence) if e.kind == "date"]
    return bool(dates) and all(_BEFORE_DEADLINE.search(sentence[:e.start]) for e in dates)


def _best(passages: list[tuple[str, dict]], kinds: set, own: set[str], require_own: bool,
          no_deadlines: bool = False, least: int = MIN_SHARED, anchors: tuple[str, ...] | list[str] = ()) -> tuple[int, str, dict] | None:
    """The sentence sharing most of the follow-up's own words; of sentences sharing as many, the nearest after the
    line shown last (a follow-up goes on from what it read: "Ban xử lý mấy đơn vị đó ra sao?" after the units named)."""
    best: tuple[int, int, str, dict] | None = None
    for (passage, citation), anchor in zip(passages, [*anchors, *[""] * len(passages)], strict=False):
        head = " ".join(anchor.split())[:60]
        at = passage.find(head) if head else -1
        end = at + len(" ".join(anchor.split())) if at >= 0 else 0
        for sentence in _SENTENCE_END.split(passage):
            if not _holds(kinds, sentence) or no_deadlines and _only_deadlines(sentence):
                continue
            shared = _shared_words(own, sentence)
            start = passage.find(sentence)
            near = 0 if at < 0 else (start - end if start >= end else len(passage) + end - start)
            if (shared >= least or not require_own and kinds) and (best is None or (shared, -near) > (best[0], -best[1])):
                best = (shared, near, sentence.strip(), citation)
    return (best[0], best[2], best[3]) if best else None


_COUNTED = re.compile(rf"\b(?:{FEW}|bao nhieu) ([a-z]+)")


def _counts_the_noun(folded: str, sentence: str) -> bool:
    """"biên bản có mấy nội dung?" is answered by "… 9 nội dung …", not by any number the sentence holds; "bao nhiêu
    nước" by "33 quốc gia" (another name of the thing)."""
    m = _COUNTED.search(folded)
    if not m or m.group(1) in ("nam", "ngay", "thang", "gio"):
        return True
    names = "|".join(map(re.escape, SAME_THING.get(m.group(1), (m.group(1),))))
    return bool(re.search(rf"\b\d[\d.,]* (?:{names})\b", vi.collapse(sentence)))
