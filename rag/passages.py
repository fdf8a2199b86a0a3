"""Split a chunk into quotable units (bullets, sentences, clause windows) and score them against a query."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Callable

from ngvh import vi

MAX_POINT_CHARS = 300  # one point of an answer; longer sentences are cut to their best clauses
_BULLET = re.compile(r"^\s*(?:[-–—+•*●]|[a-zđ]\)|\d+(?:\.\d+)*[.)])\s+")
# Sentence ends: . ! ? … followed by space and an upper-case letter, a quote or a bullet.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]?\s+(?=[\"“‘(]?[A-ZĐÀ-Ỹ0-9-])")
_CLAUSE_END = re.compile(r"(?<=[;,:])\s+")

# Question words and function syllables that say nothing about the content (folded).
STOPWORDS = frozenset(
    """a ai bao bay boi cac cach cai chi cho chu co con cua da dang day de den deu di do doi duoc
    gi gom hay hoac khi khong la lam len loai ma may minh mot muon nao nay neu ngay nhieu nhu nhung
    noi o ra rang roi sao se so ta tai the thi theo thuoc tren trong tu va vao ve vi voi xin
    hay hoi biet cho toi ban vay nhe a oi dau""".split()
)


@dataclass
class Unit:
    start: int  # offsets inside the chunk text
    end: int
    text: str


def split_units(text: str) -> list[Unit]:
    """Lines (bullets, paragraphs) split further into sentences; offsets point into `text`."""
    units: list[Unit] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        cursor = line_start
        for piece in _SENTENCE_END.split(line):
            idx = text.find(piece, cursor)
            if idx < 0 or not piece.strip():
                continue
            cursor = idx + len(piece)
            stripped = piece.strip()
            lead = piece.index(stripped[0])
            units.append(Unit(idx + lead, idx + lead + len(stripped), stripped))
    return units


def strip_marker(text: str) -> str:
    return _BULLET.sub("", text, count=1).strip()


def query_terms(question: str) -> list[str]:
    """Folded content syllables and adjacent bigrams of a question (bigrams carry word meaning)."""
    syl = [s for s in vi.folded_syllables(question)]
    keep = [s for s in syl if s not in STOPWORDS and not s.isdigit() or (s.isdigit() and len(s) == 4)]
    bigrams = [f"{a} {b}" for a, b in zip(syl, syl[1:]) if not (a in STOPWORDS and b in STOPWORDS)]
    return keep + bigrams


def unit_terms(text: str) -> set[str]:
    syl = vi.folded_syllables(text)
    return set(syl) | {f"{a} {b}" for a, b in zip(syl, syl[1:])}


def coverage(terms: list[str], text_terms: set[str], idf: Callable[[str], float]) -> float:
    """Share of the question's (idf-weighted) terms that the text contains, 0..1."""
    total = sum(idf(t) for t in terms)
    if total <= 0:
        return 0.0
    return sum(idf(t) for t in terms if t in text_terms) / total


def best_window(sentence: str, terms: list[str], idf: Callable[[str], float], limit: int = MAX_POINT_CHARS) -> str:
    """The part of a long sentence that answers: best clause, extended forward (then back) to `limit`."""
    if len(sentence) <= limit:
        return sentence
    clauses = [c for c in _CLAUSE_END.split(sentence) if c.strip()]
    scores = [coverage(terms, unit_terms(c), idf) for c in clauses]
    best = max(range(len(clauses)), key=lambda i: (scores[i], -i))
    lo, hi = best, best + 1
    length = len(clauses[best])
    while True:
        grew = False
        if hi < len(clauses) and length + len(clauses[hi]) + 1 <= limit:
            length += len(clauses[hi]) + 1
            hi += 1
            grew = True
        elif lo > 0 and length + len(clauses[lo - 1]) + 1 <= limit and scores[lo - 1] > 0:
            lo -= 1
            length += len(clauses[lo]) + 1
            grew = True
        if not grew:
            break
    window = " ".join(c.strip() for c in clauses[lo:hi])
    if len(window) > limit:  # one clause alone is too long: cut at a word boundary
        window = window[:limit].rsplit(" ", 1)[0]
        hi = len(clauses) + 1
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(clauses) or not window.endswith((".", "!", "?", "…")) else ""
    return prefix + window.rstrip(" ;,:") + suffix


def shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ;,:")
    return cut + "…"


def make_idf(doc_freq: Callable[[str], int], n_docs: int) -> Callable[[str], float]:
    """BM25-style idf from a document-frequency lookup; unknown terms count as rare."""

    def idf(term: str) -> float:
        if term in STOPWORDS:
            return 0.0
        df = doc_freq(term)
        return math.log(1 + (n_docs - df + 0.5) / (df + 0.5))

    return idf
