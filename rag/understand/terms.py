"""Split a chunk into quotable units (bullets, sentences, clause windows) and score them against a query."""
from __future__ import annotations

import math
import re
from collections.abc import Callable

from ground import vi
from vectorstore.sentences import Unit, split_units  # noqa: F401 — one splitter for ingest and answers

MAX_POINT_CHARS = 300  # one point of an answer; longer sentences are cut to their best clauses
ENUMERATION_STRETCH = 1.3
VALUE_STRETCH = 1.4  # a run ending on the question's words may take the next clause up to this share over the limit
SHORT_LEAD_CHARS = 60
_BULLET = re.compile(r"^\s*(?:(?:[-–—+•*●]|[a-zđ]\)|\d+(?:\.\d+)*[.)])\s+|\d{1,2}[-–]\s*(?=[A-ZĐÀ-Ỹ]))")
_CLAUSE_END = re.compile(r"(?<=[;,:])\s+")

# Question words and function syllables that say nothing about the content. Matched on the accented
# syllable; for questions typed without diacritics only the folded forms that are not also common
# content syllables (đầu tư → "dau tu", từ → "tu") are dropped.
STOPWORDS = frozenset(
    """à ạ ai bao bây bởi các cách cái chỉ cho chứ có còn của đã đang đâu đây để đều đó được gì gồm
    hãy hay hoặc hỏi khi không là làm lên mà mấy mình một muốn nào này nếu nhé như những nơi ở ơi
    ra rằng rồi sao sẽ tại thế thì thuộc trên trong tôi và vào vậy về vì với xin biết bạn theo nêu
    cần tới hãy""".split()
)
# Folded, these are mostly content syllables in the plans: "hoi" is hội (hội nghị, lễ hội, xã hội) far more
# than hỏi, "dang" is đảng/dạng, "noi" nội/nổi/nói, "thi" thị, "vi" vị, "chu" chủ, "day" đẩy, "biet" biệt.
_AMBIGUOUS_FOLDED = frozenset("dau tu de co con ban ma cai chi bao the ra tai tren khi lam nao "
                              "hoi dang noi thi vi chu day biet boi can minh se".split())
FOLDED_STOPWORDS = frozenset(vi.fold(w) for w in STOPWORDS) - _AMBIGUOUS_FOLDED | {"gi", "nao"}


def strip_marker(text: str) -> str:
    return _BULLET.sub("", text, count=1).strip()


# the bodies every text names both ways ("UBND tỉnh", "Ủy ban nhân dân tỉnh"): a question and a text are read with
# the words written out, so that either form matches the other
ABBREVIATED = {"ubnd": ("uy", "ban", "nhan", "dan"), "hdnd": ("hoi", "dong", "nhan", "dan"),
               "mttq": ("mat", "tran", "to", "quoc"),
               "vufo": ("lien", "hiep", "cac", "to", "chuc", "huu", "nghi", "viet", "nam")}


def _written_out(syllables: list[str], folded: list[str] | None = None) -> list[str]:
    folded = folded if folded is not None else [vi.fold(s) for s in syllables]
    if ABBREVIATED.keys().isdisjoint(folded):
        return syllables
    return [w for s, f in zip(syllables, folded, strict=True) for w in ABBREVIATED.get(f, (s,))]


def query_terms(question: str) -> list[str]:
    """Folded content syllables and adjacent bigrams of a question (bigrams carry word meaning)."""
    accented = vi.has_diacritics(question)
    syl = _written_out(vi.syllables(question))
    stop = [(s in STOPWORDS) if accented else (vi.fold(s) in FOLDED_STOPWORDS) for s in syl]
    folded = [vi.fold(s) for s in syl]
    for i in range(1, len(folded)):  # "đoàn ra", "đoàn vào": the delegations out and in, no function words
        stop[i] = stop[i] and not (folded[i] in ("ra", "vao") and folded[i - 1] == "doan")
    keep = [f for f, is_stop in zip(folded, stop, strict=False) if not is_stop and (not f.isdigit() or len(f) == 4)]
    bigrams = [
        f"{folded[i]} {folded[i + 1]}" for i in range(len(folded) - 1) if not (stop[i] or stop[i + 1])
    ]
    return keep + bigrams


_ABBREVIATION_HINT = re.compile(r"ubnd|h[đd]nd|mttq|vufo", re.IGNORECASE)  # most texts hold none: no pass over them


def unit_terms(text: str) -> set[str]:
    syl = vi.folded_syllables(text)
    if _ABBREVIATION_HINT.search(text):
        syl = _written_out(syl, syl)
    return set(syl) | {f"{a} {b}" for a, b in zip(syl, syl[1:], strict=False)}


def coverage(terms: list[str], text_terms: set[str], idf: Callable[[str], float]) -> float:
    """Share of the question's (idf-weighted) terms that the text contains, 0..1."""
    total = sum(idf(t) for t in terms)
    if total <= 0:
        return 0.0
    return sum(idf(t) for t in terms if t in text_terms) / total


def coverage_of(terms: list[str], idf: Callable[[str], float]) -> Callable[[set[str]], float]:
    """coverage(terms, ·, idf) for many texts (every task or cited document of the store): the terms' weights
    are read once, then summed as coverage sums them, in the same order, so the scores are the same."""
    weights = [(t, idf(t)) for t in terms]
    total = sum(w for _, w in weights)
    if total <= 0:
        return lambda _text_terms: 0.0
    return lambda text_terms: sum(w for t, w in weights if t in text_terms) / total


_SEGMENT_END = re.compile(r"(?<=;)\s+")


def best_window(sentence: str, terms: list[str], idf: Callable[[str], float], limit: int = MAX_POINT_CHARS) -> str:
    """The part of a long sentence that answers, within `limit` characters.

    Semicolon-separated items are kept whole where possible (an enumeration reads best item by
    item); inside one over-long item the run of comma clauses covering most terms is taken.
    """
    segments = [c.strip() for c in _SEGMENT_END.split(sentence) if c.strip()]
    if len(segments) >= 3:  # an enumeration: its items are the answer, allow a longer point
        limit = int(limit * ENUMERATION_STRETCH)
    if len(sentence) <= limit:
        return sentence
    lo, hi = _best_run(segments, terms, idf, limit)
    if hi - lo == 1 and len(segments[lo]) > limit:
        inner = _window(segments[lo], terms, idf, limit, _CLAUSE_END)
        return ("…" if lo > 0 and not inner.startswith("…") else "") + inner + (
            "…" if hi < len(segments) and not inner.endswith("…") else "")
    window = " ".join(segments[lo:hi])
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(segments) or not window.endswith((".", "!", "?", "…")) else ""
    return prefix + window.rstrip(" ;,:") + suffix


def _best_run(parts: list[str], terms, idf, limit: int, stretch: bool = False) -> tuple[int, int]:
    """Shortest run of parts reaching the best coverage, then filled forward up to `limit`:
    the answer usually follows the words the question repeats ("… qua hình ảnh của ai?")."""
    best: tuple[float, int, int, int] = (-1.0, 0, 0, 1)
    for lo in range(len(parts)):
        length = 0
        for hi in range(lo + 1, len(parts) + 1):
            length += len(parts[hi - 1]) + 1
            if length > limit and hi > lo + 1:
                break
            score = coverage(terms, unit_terms(" ".join(parts[lo:hi])), idf)
            if score > best[0] + 1e-9 or (abs(score - best[0]) <= 1e-9 and length < best[1]):
                best = (score, length, lo, hi)
    _, length, lo, hi = best
    # A short lead-in ("Ngày 30/11/2021, …", "Theo đó, …") often carries the answer itself.
    lead = sum(len(p) + 1 for p in parts[:lo])
    if 0 < lead <= SHORT_LEAD_CHARS:
        lo, length = 0, length + lead
    while hi < len(parts) and length + len(parts[hi]) + 1 <= limit:
        length += len(parts[hi]) + 1
        hi += 1
    # the run ends on the question's own words and the clause after them does not fit: that clause is where the
    # value asked usually stands ("… với chủ đề xuyên suốt" / "“Nguồn cội, Sức sống …”"), so the run takes it too
    # (within a stretched limit: the words before them often hold the rest of the answer)
    if (stretch and hi < len(parts) and length + len(parts[hi]) + 1 <= limit * VALUE_STRETCH
            and coverage(terms, unit_terms(parts[hi - 1]), idf) > 0):
        hi += 1
    return lo, hi


def _window(text: str, terms, idf, limit: int, splitter: re.Pattern) -> str:
    clauses = [c.strip() for c in splitter.split(text) if c.strip()]
    lo, hi = _best_run(clauses, terms, idf, limit, stretch=True)
    window = " ".join(clauses[lo:hi])
    room = int(limit * VALUE_STRETCH) if hi - lo > 1 else limit  # a run taking the clause after it may stretch
    if len(window) > room:  # one clause alone is too long: cut at a word boundary
        window = window[:room].rsplit(" ", 1)[0]
        hi = len(clauses) + 1
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(clauses) or not window.endswith((".", "!", "?", "…")) else ""
    return prefix + window.rstrip(" ;,:") + suffix


def make_idf(doc_freq: Callable[[str], int], n_docs: int) -> Callable[[str], float]:
    """BM25-style idf from a document-frequency lookup; unknown terms count as rare."""

    def idf(term: str) -> float:
        df = doc_freq(term)
        if df == 0 and " " in term:  # a syllable pair the plans never use is not a word of theirs
            return 0.0
        return math.log(1 + (n_docs - df + 0.5) / (df + 0.5))

    return idf
