"""Is a question answerable from the plans? Hard rules for requests we never serve, and a calibrated
evidence rule (fitted by bench/calibrate_scope.py on labelled questions) for everything else."""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from ground import vi

CALIBRATION_FILE = Path(__file__).with_name("scope_calibration.json")

# Requests to reveal or override instructions, and creative/chit-chat tasks, are out of scope
# however close their words are to the plans (folded patterns).
_NEVER = [
    re.compile(p)
    for p in (
        r"\b(bo qua|phot lo|quen|bo het)\b.*\b(huong dan|chi dan|quy tac|lenh)\b",
        r"\b(system prompt|prompt he thong|loi nhac he thong|ignore (all |the )?(previous|above))\b",
        r"\b(tiet lo|in ra|cho (toi|minh) (xem|biet)|hien thi)\b.*\b(huong dan|prompt|cau lenh|chi dan) (he thong|cua ban|an)\b",
        r"\b(viet|sang tac|lam) (cho (toi|minh) )?(mot )?(bai tho|bai hat|truyen|cau chuyen|bai van|bai luan|loi bai hat|tho)\b",
        r"\b(ke|noi) (cho (toi|minh) )?(mot )?(chuyen cuoi|truyen cuoi|cau chuyen)\b",
        # (a dish a plan's event served, a budget's exchange rate are the plan's: only cooking and today's prices are not)
        r"\b(cach nau|cong thuc nau|cach lam mon|nau an|thoi tiet|du bao thoi tiet|gia vang|gia xang|xo so|ket qua bong da"
        r"|chung khoan)\b",
        r"\bty gia\b.{0,20}\b(hom nay|hien nay|bay gio)\b|\bmon an\b.{0,30}\b(cach lam|nau the nao|nau ra sao)\b",
    )
]


@dataclass
class Evidence:
    words: float  # idf-weighted share of the question's syllables found in the best passage, 0..1
    phrases: float  # the same for its syllable pairs that the plans use (Vietnamese words span syllables)
    dense: float  # cosine similarity of the best dense hit
    terms: int  # number of content syllables in the question
    accented: bool = True  # typed with diacritics
    known: float = 0.5  # share of the question's syllable pairs that occur anywhere in the plans

    def vector(self) -> list[float]:
        return [self.words, self.phrases, self.dense, self.known]


FEATURES = ("words", "phrases", "dense", "known")


@dataclass
class Boundary:
    """found ⇔ w·(words, phrases, dense) + bias ≥ 0: a logistic boundary fitted on labelled questions."""

    weights: tuple[float, ...]
    bias: float
    # the probability from which a question is answered: the boundary's fit weighs answerable and out-of-scope
    # questions alike, but the gates after it refuse most near misses, so answering costs less than refusing
    threshold: float = 0.5

    def probability(self, ev: Evidence) -> float:
        z = sum(w * x for w, x in zip(self.weights, ev.vector(), strict=False)) + self.bias
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))

    @classmethod
    def from_json(cls, data: dict) -> Boundary:
        return cls(tuple(float(data["weights"].get(f, 0.0)) for f in FEATURES), float(data["bias"]),
                   float(data.get("threshold", 0.5)))


@dataclass
class ScopeRule:
    """Two boundaries: evidence looks different for questions typed with and without diacritics
    (folded syllables collide: "dau" is đầu, đâu, dầu…), so each way of typing has its own fit.
    Dense similarities are on each embedder's own scale: under another embedder than the one the rule
    was fitted with, the lexical-only fit (no dense weight) is used."""

    accented: Boundary = field(default_factory=lambda: Boundary((6.0, 4.0, 10.0, 2.0), -14.0))
    folded: Boundary = field(default_factory=lambda: Boundary((4.0, 6.0, 10.0, 2.0), -14.0))
    measured: str = "defaults before calibration"

    def probability(self, ev: Evidence) -> float:
        return (self.accented if ev.accented else self.folded).probability(ev)

    def confident(self, ev: Evidence) -> bool:
        """The evidence is more likely in scope than not (p ≥ 0.5): enough to read the best hit's text as the one asked
        of, beyond answering at all."""
        return ev.terms > 0 and self.probability(ev) >= 0.5

    def answerable(self, ev: Evidence) -> bool:
        return ev.terms > 0 and self.probability(ev) >= (self.accented if ev.accented else self.folded).threshold


def load_rule(embedder: str | None = None, path: Path = CALIBRATION_FILE) -> ScopeRule:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        fits = data
        if embedder and data.get("embedder") and embedder != data["embedder"]:
            fits = data["lexical_only"]
        return ScopeRule(Boundary.from_json(fits["accented"]), Boundary.from_json(fits["folded"]),
                         data.get("measured", ""))
    except (OSError, ValueError, TypeError, KeyError):
        return ScopeRule()


def never_answer(question: str) -> bool:
    folded = vi.collapse(question)
    return any(p.search(folded) for p in _NEVER)
