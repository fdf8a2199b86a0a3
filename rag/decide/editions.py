"""Which edition of a recurring event a question asks and a text tells of: "lần thứ 3", "lần thứ V", "lần thứ năm",
"lần đầu" are read as one number, so that an answer about another edition is told apart."""
from __future__ import annotations

import re

# "lần thứ 3", "lần thứ V", "lần thứ năm", "lần đầu (tiên)": an edition
NTH = re.compile(r"\blan (?:thu )?(\d{1,2}|[ivx]{1,5})\b|\blan (?:thu (nhat|hai|ba|tu|nam|sau|bay|tam|chin|muoi)|(dau))\b")
_ORDINAL_WORDS = {"dau": 1, "nhat": 1, "hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10}
_ROMAN = {"i": 1, "v": 5, "x": 10}


def edition_terms(folded_question: str) -> set[str] | None:
    """The terms (bigrams) a text naming the edition the question asks holds, any of them ("lan dau", "thu nhat",
    "lan 1"); None when no edition is asked."""
    nth = NTH.search(folded_question)
    if nth is None:
        return None
    value = ordinal_value(nth.group(1) or nth.group(2) or nth.group(3))
    words = {str(value)} | {w for w, v in _ORDINAL_WORDS.items() if v == value} | {
        r for r in ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x") if ordinal_value(r) == value}
    return {f"{head} {w}" for head in ("lan", "thu") for w in words}


def ordinal_value(word: str) -> int:
    """'5', 'v', 'nam' → 5: an edition however it is written."""
    if word.isdigit():
        return int(word)
    if word in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[word]
    values = [_ROMAN[c] for c in word]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


# the same, as a text with tone marks writes it: folded, "Thái Lan). II. KẾT QUẢ" would read as "lần II"
_NTH_WRITTEN = re.compile(r"\blần (?:thứ )?(\d{1,2}|[ivx]{1,5})\b"
                          r"|\blần (?:thứ (nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)|(đầu))\b")


def said_editions(text: str, folded: str) -> set[int]:
    """The editions a text tells of, read with its tone marks when it has them (`folded`: vi.collapse(text))."""
    from ground import vi

    if vi.has_diacritics(text):
        written = " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())
        return {ordinal_value(vi.fold(next(g for g in m.groups() if g))) for m in _NTH_WRITTEN.finditer(written)}
    return {ordinal_value(m.group(1) or m.group(2) or m.group(3)) for m in NTH.finditer(folded)}

