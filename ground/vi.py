"""Vietnamese text primitives shared by every package: NFC, one tone-mark convention, folding, syllables.

All functions are pure and cheap; they are applied to plan text on the way in and to every query.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Combining tone marks (NFD): huyền, sắc, hỏi, ngã, nặng.
_TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323"

# In the open syllables oa / oe / uy the old convention writes the tone on the second vowel (hoà,
# khoẻ, thuỷ) and the convention used by most administrative texts on the first (hòa, khỏe, thủy).
# We keep the latter. With a final consonant (hoàn, khoét, huyện) both conventions agree.
_OPEN_PAIR = re.compile(
    r"(?P<pre>[qQ]?)(?P<first>[oOuU])(?P<second>[àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ])(?![^\W\d_])"
)
_PAIRS = {("o", "a"), ("o", "e"), ("u", "y")}

# Vietnamese letters by case, as bodies of regex character classes ("[" + UPPER + "]"). The code-point
# range À-Ỹ is not "the capitals": it interleaves cases (à, ă, đ, ơ, ạ, ấ… all fall inside it).
_VOWELS = "aăâeêioôơuưy"
LOWER = "a-zđ" + "".join(
    unicodedata.normalize("NFC", vowel + tone)
    for vowel in _VOWELS
    for tone in ("", *_TONE_MARKS)
    if not (vowel + tone).isascii()
)
UPPER = LOWER.upper()  # "A-ZĐÀÁẢ…"

_WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_SYLLABLE = re.compile(r"[^\W_]+", re.UNICODE)


def _move_tone(match: re.Match) -> str:
    pre, first, second = match.group("pre"), match.group("first"), match.group("second")
    decomposed = unicodedata.normalize("NFD", second)
    base, marks = decomposed[0], decomposed[1:]
    if (first.lower(), base.lower()) not in _PAIRS:
        return match.group(0)
    if pre and first.lower() == "u":  # "quý": u belongs to the consonant qu, the mark stays on y
        return match.group(0)
    tone = "".join(m for m in marks if m in _TONE_MARKS)
    rest = "".join(m for m in marks if m not in _TONE_MARKS)
    return pre + unicodedata.normalize("NFC", first + tone) + unicodedata.normalize("NFC", base + rest)


def normalize(text: str) -> str:
    """NFC with one tone-mark convention (hoà → hòa, thuỷ → thủy); other characters untouched."""
    text = unicodedata.normalize("NFC", text)
    return _OPEN_PAIR.sub(_move_tone, text)


def normalize_spaces(text: str) -> str:
    """normalize() plus collapsed horizontal whitespace; line breaks are kept."""
    text = normalize(text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(_WS.sub(" ", line).strip() for line in text.split("\n"))


# letters of other Latin alphabets that carry no combining mark to drop ("Wrocław" is typed "Wroclaw")
_PLAIN_LETTERS = str.maketrans({"ł": "l", "ø": "o", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th"})


def fold(text: str) -> str:
    """Lower-case without diacritics: 'Thừa Thiên Huế' → 'thua thien hue'. Used for matching only."""
    decomposed = unicodedata.normalize("NFD", text.lower().translate(_PLAIN_LETTERS)).replace("đ", "d")
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def fold_same_length(text: str) -> str:
    """fold() one character at a time, whitespace as a space, so offsets in the result are offsets in `text`
    (NFC input): patterns written without diacritics find their spans in the text as typed."""
    return "".join((fold(c) or " ")[0] if c.strip() else " " for c in text)


def strip_marks(text: str) -> str:
    """Without diacritics, case kept ('Thừa Thiên Huế' → 'Thua Thien Hue'): text as typed on a phone."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def has_diacritics(text: str) -> bool:
    return fold(text) != text.lower()


def syllables(text: str) -> list[str]:
    """Lower-case syllables (Vietnamese words are written as space-separated syllables)."""
    return _SYLLABLE.findall(normalize(text).lower())


# fold() of one syllable, remembered: the syllables of the plans and questions are a small vocabulary (a few
# thousand), and folding them one by one was most of the time of an answer that folds catalog texts
_fold_syllable = lru_cache(maxsize=1 << 16)(fold)


def folded_syllables(text: str) -> list[str]:
    return [_fold_syllable(s) for s in syllables(text)]


def collapse(text: str) -> str:
    """Folded text with single spaces, for substring matching of names and phrases."""
    return " ".join(folded_syllables(text))


# a sentence that looks back ("Trước đó, ngày 14/9/2015, Bộ … đã ban hành Quyết định …") tells of an earlier
# document or event, not of what the page reports
LOOKS_BACK = re.compile(r"\s*(?:Trước đó|Trước đây|Cách đây|Trước khi)\b", re.IGNORECASE)


# Words written with a full stop that does not end the sentence: "TP. Hồ Chí Minh", "ThS. Nguyễn Văn A",
# "Plan No. 147/KH-UBND" (the English pages provinces publish)
ABBREVIATIONS = frozenset({
    "TP", "Tp", "tp", "TT", "Tt", "TX", "TW", "ThS", "Ths", "TS", "PGS", "GS", "BS", "NXB", "St", "Mr",
    "Mrs", "Ms", "Dr", "tr", "Tr", "KT", "TM", "TL", "TUQ", "vv", "ĐT", "Sđd", "Nxb", "No", "Nos", "no",
})
_LAST_TOKEN = re.compile(r"(\S+)$")


def abbreviation_before(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` closes an abbreviation rather than a sentence."""
    token = _LAST_TOKEN.search(text, max(0, dot - 12), dot)
    return token is not None and token.group(1).lstrip("(“\"") in ABBREVIATIONS
