"""How clean a document's text is: the share of its words that are Vietnamese syllables or known words.

1.0 means every word is a well-formed syllable (or an abbreviation, a Roman numeral, a foreign
name); characters lost to a font ("qung bá", "YÊU C U"), words glued together ("địnhsố") and
undecoded legacy fonts ("ViÖt Nam") each lower it. Ingest stores the figure on the plan and the
ingest table warns below QUALITY_WARNING.
"""
from __future__ import annotations

import re

from ground.syllables import is_syllable, letter_runs

QUALITY_WARNING = 0.9
# Minority-language and foreign syllables that plan texts write as they are (place names, loanwords).
KNOWN_WORDS = frozenset({
    "đắk", "lắk", "kon", "krông", "jrai", "ê", "đê", "pơ", "ia", "bahnar", "k'ho", "xtiêng",
    "website", "online", "email", "fanpage", "internet", "video", "clip", "logo", "festival", "expo",
    "marketing", "tour", "show", "game", "web", "gov", "vn", "com", "http", "https", "www", "pdf",
    "ttg", "tw", "ctr", "ubmttq",
})
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_ABBREVIATION = re.compile(r"^[A-ZĐ]{2,}[a-z]?$")  # UBND, HĐND, QĐ, TTg
_CAPITALISED_FOREIGN = re.compile(r"^[A-Z][a-z]{2,}$")  # Kitakyushu, Indonesia: names as written


def known_word(word: str) -> bool:
    """A word that is not a Vietnamese syllable but belongs in a plan: abbreviations, numerals, names."""
    if word.lower() in KNOWN_WORDS:
        return True
    if len(word) >= 2 and (_ROMAN.match(word) or _ABBREVIATION.match(word)):
        return True
    return bool(_CAPITALISED_FOREIGN.match(word))


def counted_words(text: str) -> list[str]:
    """The words the figure is taken over: list markers ("a)", "b.") are letters, not words."""
    words = []
    for match in re.finditer(r"[^\W\d_]+", text):
        word = match.group(0)
        if len(word) == 1 and text[match.end():match.end() + 1] in (")", "."):
            continue
        words.append(word)
    return words


def is_good_word(word: str) -> bool:
    return is_syllable(word) or known_word(word)


def text_quality(text: str) -> float:
    """Share of words that are valid syllables or known words, rounded to 3 places; 1.0 for no words."""
    words = counted_words(text)
    if not words:
        return 1.0
    good = sum(1 for w in words if is_good_word(w))
    return round(good / len(words), 3)


def bad_words(text: str, limit: int = 5) -> list[str]:
    """The first few words that lowered the figure, for a warning an administrator can check."""
    seen: list[str] = []
    for word in counted_words(text):
        if not is_good_word(word) and word not in seen:
            seen.append(word)
            if len(seen) >= limit:
                break
    return seen


__all__ = ["QUALITY_WARNING", "bad_words", "counted_words", "is_good_word", "known_word", "letter_runs",
           "text_quality"]
