"""The store's own glossary: the short forms its texts define in brackets ("Biểu trưng (logo)", "tổ chức phi chính phủ
nước ngoài (PCPNN)", "Khẩu hiệu (slogan)"), so that a question typed with the short form is read with the texts' words
("logo tỉnh gồm hình gì?" finds "Biểu trưng … gồm ba đỉnh núi …")."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from ground import vi
from ground.syllables import is_syllable
from rag.understand.shorthand import SHORT_FORMS

# "<words> (sau đây gọi tắt là PCPNN)", "<words> (logo)", "<words> (“MOU”)"
_DEFINED = re.compile(r"([^\W\d_][\w\-]*(?:[ \t]+[^\W\d_][\w\-]*){0,9})[ \t]*\((?:sau đây (?:gọi|viết) tắt là|viết tắt là"
                      r"|gọi tắt là|tiếng Anh là)?[ \t]*[\"“]?([A-Za-zĐ][A-Za-z0-9Đđ&\-]{1,14})[\"”]?\)")
_SMALL_WORDS = frozenset("và của các về cho với tại ở trong những".split())
MAX_LONG_WORDS = 3  # words a lower-case short form ("logo") may stand for, back to the phrase's capital


def _initials(words: list[str]) -> str:
    return "".join(vi.fold(w)[0].upper() for w in words if w.lower() not in _SMALL_WORDS)


def _long_form(words: list[str], short: str) -> str | None:
    """The words before the bracket that the short form stands for: as many as its initials spell, or for a word in
    lower case ("logo"), the phrase back to its capital (at most a few words); None when no reading fits."""
    letters = vi.fold(short).upper().replace("-", "").replace("&", "")
    if sum(c.isupper() for c in short) >= 2:  # an acronym: its letters are the initials of the words before it
        for k in range(len(letters), len(letters) + 4):
            if k <= len(words) and _initials(words[-k:]) == letters:
                return " ".join(words[-k:])
        return None
    if not short.islower() or is_syllable(short):
        return None  # ("(Lào)", "(ha)": a place or a Vietnamese word, no short form)
    tail = words[-MAX_LONG_WORDS:]
    capital = max((i for i, w in enumerate(tail) if w[:1].isupper()), default=None)
    if capital is None:
        return None  # ("thiết bị bay không người lái (flycam)": where the phrase starts is not written)
    phrase = tail[capital:]
    return " ".join(phrase) if vi.has_diacritics(" ".join(phrase)) else None


# the administration's own initials, read by the question's reader wherever they stand ("UBND tỉnh", "TP.")
_ADMINISTRATIVE = frozenset("ubnd hdnd tp tw dn tt".split())


def defined_terms(texts: Iterable[str], known: frozenset[str] = frozenset()) -> dict[str, str]:
    """Folded short form → the long form the texts most often give it (short forms in `known` left to their owner)."""
    known = known | _ADMINISTRATIVE | SHORT_FORMS  # (the chat shorthand's forms are read before any store's)
    seen: dict[str, Counter] = defaultdict(Counter)
    for text in texts:
        for m in _DEFINED.finditer(text):
            short = m.group(2)
            if vi.fold(short).lower() in known:
                continue
            long = _long_form(m.group(1).split(), short)
            # (a phrase, not one word — "Trường (Buddy)", "Đức (DPA)" name something — nor the short form itself again)
            if long and " " in long and vi.fold(short).lower() not in vi.collapse(long).split():
                seen[vi.fold(short).lower()][long] += 1
    return {short: forms.most_common(1)[0][0] for short, forms in seen.items()}


def written_out(question: str, glossary: dict[str, str]) -> str:
    """The question with a short form the texts define written in their words ("logo" → "Biểu trưng": the short form kept
    would weigh for the one line defining it, not the lines telling of it); typed without diacritics, without them."""
    plain = not vi.has_diacritics(question)
    for short, long in glossary.items():
        # (found in the question folded letter for letter: "TTXTĐT" typed with its "Đ")
        m = re.search(rf"(?<![\w/\-.]){re.escape(short)}(?![\w/\-])", vi.fold_same_length(question), re.IGNORECASE)
        if m is None or vi.collapse(long) in vi.collapse(question):
            continue
        said = vi.fold(long) if plain else long
        question = f"{question[:m.start()]}{said}{question[m.end():]}"
    return question
