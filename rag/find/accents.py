"""Tone marks put back on a question typed without them, as the stored plans write its words.

Citizens type "tong kinh phi kh 45 so ngoai vu": the lexical list folds both sides and finds the words, but the
embedder reads "tong kinh phi" as other words than "tổng kinh phí", and the dense list drifts. Each pair of
neighbouring syllables is given the spelling the stored texts use most for it ("kinh phi" → "kinh phí"), a syllable
with no known neighbour its most used spelling alone; a syllable the texts never write is left as typed. The model is
counted from the texts once per store generation and is small: one spelling per folded pair.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ground import vi

_WORD = re.compile(r"\w+")
_NAME_PAIR = re.compile(rf"(?=\b([{vi.UPPER}]\w*)\s+([{vi.UPPER}]\w*))")  # overlapping: "Bích Lạc Hội" gives two
MIN_PAIR = 2  # a pair seen once may be a name or a typo: it spells nothing
# the words a question asks with, which plans rarely write: spelled as asked, before any pair of the texts
ASKING = {"co": "có", "bao": "bao", "nhieu": "nhiêu", "nao": "nào", "gi": "gì", "la": "là", "dau": "đâu", "may": "mấy",
          "ai": "ai", "sao": "sao", "the": "thế", "khong": "không", "chua": "chưa", "duoc": "được", "thi": "thì",
          "con": "còn", "vay": "vậy", "nhu": "như", "ra": "ra", "ve": "về", "cua": "của", "o": "ở"}


class Accents:
    """The most used spelling of each folded syllable and of each folded pair of neighbouring syllables."""

    def __init__(self, pairs: dict[str, str], words: dict[str, str], names: frozenset[str] = frozenset()):
        self.pairs = pairs
        self.words = words
        self.names = names  # every pair of capitalised syllables the texts write, lower-cased ("đông nhạn")

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Accents:
        pair_counts: Counter[str] = Counter()
        word_counts: Counter[str] = Counter()
        names: set[str] = set()
        for text in texts:
            syllables = _WORD.findall(text.lower())
            word_counts.update(s for s in syllables if not s.isdigit())
            pair_counts.update(f"{a} {b}" for a, b in zip(syllables, syllables[1:], strict=False)
                               if not a.isdigit() and not b.isdigit())
            names.update(f"{a} {b}".lower() for a, b in _NAME_PAIR.findall(text))
        return cls(_most_used(pair_counts, MIN_PAIR), _most_used(word_counts, 1), frozenset(names))

    def writes_name(self, pair: str) -> bool:
        """The texts write these two syllables as (part of) a name, spelled so ("Đông Nhạn", not "đồng nhân")."""
        return vi.normalize(pair).lower() in self.names

    def restore(self, question: str) -> str:
        """`question` with its unmarked syllables spelled as the texts spell them; a question typed with tone marks
        is returned as it is."""
        if vi.has_diacritics(question):
            return question
        tokens = _WORD.findall(question.lower())
        chosen: list[str | None] = [ASKING.get(t) for t in tokens]
        for i in range(len(tokens) - 1):  # a pair fixes both its syllables, the first pair found first
            spelled = self.pairs.get(f"{tokens[i]} {tokens[i + 1]}")
            if spelled:
                first, second = spelled.split(" ")
                chosen[i] = chosen[i] or first
                chosen[i + 1] = chosen[i + 1] or second
        return " ".join(c or self.words.get(t, t) for c, t in zip(chosen, tokens, strict=True))


def _most_used(counts: Counter[str], least: int) -> dict[str, str]:
    best: dict[str, tuple[int, str]] = {}
    for spelled, n in counts.items():
        if n < least:
            continue
        folded = vi.fold(spelled)
        if folded not in best or n > best[folded][0]:
            best[folded] = (n, spelled)
    return {folded: spelled for folded, (_, spelled) in best.items()}
