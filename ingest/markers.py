"""One stripped line read as a heading or list marker: Phần/Chương/Mục/Điều, Roman and Arabic numbers, letters,
bullets, the first line of a signature block, an appendix heading. Context-free: ingest.structure picks among
the readings."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ground.vi import fold

BULLET_MARKERS = frozenset("-–—+•●▪◦*·")

_BULLET_KIND = {"-": "dash", "–": "dash", "—": "dash", "+": "plus", "*": "star"}
# Vietnamese lists use a b c d đ e g h i k …; the Latin letters are kept so "e) f)" still counts.
_ALPHABET = "abcdđefghijklmnopqrstuvwxyz"
_ORDINALS = {"nhat": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8,
             "chin": 9, "muoi": 10}

_DIVISION = re.compile(
    r"(?P<kw>[Pp]hần|PHẦN|[Cc]hương|CHƯƠNG|[Mm]ục|MỤC|[Đđ]iều|ĐIỀU)\s+"
    r"(?P<num>(?:[Tt]hứ|THỨ)\s+[^\W\d_]+|[IVXLC]+|\d{1,3})(?![^\W_])(?P<tail>.*)"
)
_ROMAN = re.compile(r"(?P<num>[IVX]+)(?![^\W_])(?P<tail>.*)")
_UPPER = re.compile(r"(?P<num>[A-ZĐ])(?P<tail>[.)].*)")
_NUMBER = re.compile(r"(?P<num>\d{1,2}(?:\.\d{1,2})*)(?P<delim>[.)])?(?=\s|[^\W\d_])(?P<tail>.*)")
_LETTER = re.compile(r"(?P<num>[a-zđ])(?P<delim>[).])(?=\s|[^\W\d_])(?P<tail>.*)")
_LROMAN = re.compile(r"(?P<num>[ivx]+)(?P<delim>[).])(?=\s)(?P<tail>.*)")
_DELIM = re.compile(r"\s*([.):\-–—])\s*")
# an item named by its kind and number on a line of its own ("Nhiệm vụ 3. Tổ chức …", "GIẢI PHÁP 2. …"), as ministries
# number their tasks; a sentence naming one ("Nhiệm vụ 3 được giao …") has no dot after the number
_NAMED = re.compile(r"(?P<kw>(?:[Nn]hiệm vụ|NHIỆM VỤ|[Gg]iải pháp|GIẢI PHÁP|[Hh]oạt động|HOẠT ĐỘNG|[Mm]ục tiêu|MỤC TIÊU))\s+"
                    r"(?P<num>\d{1,2})\.\s+(?P<tail>[A-ZĐÀ-Ỹ\"“(].*)")
_SIGNATURE_TITLE = re.compile(
    r"(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|THỨ TRƯỞNG|TRƯỞNG BAN|CHÁNH VĂN PHÒNG)"
)


@dataclass(frozen=True)
class Marker:
    """One reading of a line as a marker."""

    kind: str  # "phan", "roman", "num2", "letter", "dash" …
    value: int  # ordinal within its kind, for sequence checks (0 when meaningless)
    marker: str  # as written: "II.", "Điều 3.", "-"
    rest: str  # the text after the marker on the same line
    delim: str  # ".", ")", "-", ":" or "" (dotless "II MỤC TIÊU")




def is_caps(text: str) -> bool:
    """All-caps heading text ("MỤC TIÊU"); needs two letters so "I" or "A" alone do not count."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def roman_value(token: str) -> int | None:
    """I..XXXIX only: larger numerals do not occur as headings and L/C/D/M are letters in lists."""
    values = {"I": 1, "V": 5, "X": 10}
    if not token or any(c not in values for c in token.upper()):
        return None
    token = token.upper()
    total = 0
    for i, c in enumerate(token):
        v = values[c]
        total += -v if i + 1 < len(token) and values[token[i + 1]] > v else v
    return total if 0 < total < 40 and _to_roman(total) == token else None


def _to_roman(value: int) -> str:
    out = ""
    for v, s in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= v:
            out, value = out + s, value - v
    return out


def _split_delim(tail: str) -> tuple[str, str, str] | None:
    """(delimiter, rest, marker suffix as written) or None when the tail has no delimiter."""
    match = _DELIM.match(tail)
    if not match:
        return None
    return match.group(1), tail[match.end():].strip(), tail[: match.end()].rstrip()


def _division(line: str) -> Marker | None:
    m = _DIVISION.fullmatch(line)
    if not m:
        return None
    tail, kw = m.group("tail"), m.group("kw")
    num = " ".join(m.group("num").split())
    kind = {"p": "phan", "c": "chuong", "m": "muc", "đ": "dieu"}[kw[0].lower()]
    split = _split_delim(tail)
    if split and split[0] != ")":
        delim, rest, suffix = split
    elif not tail.strip():
        delim, rest, suffix = "", "", ""
    elif kind != "dieu" and tail[:1].isspace() and is_caps(tail):  # "CHƯƠNG I QUY ĐỊNH CHUNG"
        delim, rest, suffix = "", tail.strip(), ""
    else:  # "Điều 5 Quyết định này …" is a sentence, not a heading
        return None
    words = num.split()
    value = (_ORDINALS.get(fold(words[-1]), 0) if len(words) > 1
             else int(num) if num.isdigit() else roman_value(num) or 0)
    return Marker(kind, value, f"{kw} {num}{suffix}", rest, delim)


def _roman(line: str) -> Marker | None:
    m = _ROMAN.fullmatch(line)
    value = roman_value(m.group("num")) if m else None
    if not m or value is None:
        return None
    tail = m.group("tail")
    split = _split_delim(tail)
    if split:
        delim, rest, suffix = split
        after = tail.lstrip()[1:2]
        if delim == "." and after and not after.isspace() and not is_caps(rest):
            return None  # "V.I. Lênin", "I.1 …"
    elif tail[:1].isspace() and is_caps(tail):  # "II MỤC TIÊU": dot missing, all-caps heading
        delim, rest, suffix = "", tail.strip(), ""
    else:
        return None
    return Marker("roman", value, m.group("num") + suffix, rest, delim)


def _upper(line: str) -> Marker | None:
    m = _UPPER.fullmatch(line)
    if not m:
        return None
    tail = m.group("tail")
    if len(tail) > 1 and not tail[1].isspace() and not is_caps(tail[1:]):
        return None  # "A.B. …", "C.Mác"
    return Marker("upper", _ALPHABET.index(m.group("num").lower()) + 1, m.group("num") + tail[0],
                   tail[1:].strip(), tail[0])


def _number(line: str) -> Marker | None:
    m = _NUMBER.fullmatch(line)
    if not m:
        return None
    parts, delim, tail = m.group("num").split("."), m.group("delim") or "", m.group("tail")
    if int(parts[0]) == 0:
        return None
    if len(parts) == 1 and not delim:
        return None  # "10 năm …"
    if not delim and not (tail[:1].isspace() and tail.strip()[:1].isupper()):
        return None  # "2.5 triệu lượt khách …"
    kind = "num_paren" if delim == ")" and len(parts) == 1 else f"num{len(parts)}"
    return Marker(kind, int(parts[-1]), m.group("num") + delim, tail.strip(), delim)


def _letter(line: str) -> Marker | None:
    m = _LETTER.fullmatch(line)
    if not m:
        return None
    if m.group("delim") == "." and not m.group("tail")[:1].isspace():
        return None
    return Marker("letter", _ALPHABET.index(m.group("num")) + 1, m.group("num") + m.group("delim"),
                   m.group("tail").strip(), m.group("delim"))


def _lroman(line: str) -> Marker | None:
    m = _LROMAN.fullmatch(line)
    value = roman_value(m.group("num")) if m else None
    if m is None or value is None:
        return None
    return Marker("lroman", value, m.group("num") + m.group("delim"), m.group("tail").strip(), m.group("delim"))


def _named(line: str) -> Marker | None:
    m = _NAMED.fullmatch(line)
    if not m:
        return None
    return Marker("named", int(m.group("num")), f"{m.group('kw')} {m.group('num')}.", m.group("tail").strip(), ".")


def _bullet(line: str) -> Marker | None:
    char, rest = line[:1], line[1:]
    if char not in BULLET_MARKERS or not any(c.isalnum() for c in rest) or rest[:1] == char:
        return None  # "-------" under the emblem, "***"
    first = rest[:1]
    if char in "-–—+" and not (first.isspace() or first.isalpha() or first in "\"“'("):
        return None  # "+84 233 …", "-5%"
    if char == "*" and not first.isspace():
        return None
    return Marker(_BULLET_KIND.get(char, "dot"), 0, char, rest.strip(), "")


def candidates(line: str) -> list[Marker]:
    """Every reading of a stripped line as a marker, before sequence context picks one."""
    found = [_division(line), _roman(line), _upper(line), _number(line), _letter(line), _lroman(line),
             _named(line), _bullet(line)]
    return [m for m in found if m is not None]


def looks_headed(line: str) -> bool:
    """Context-free: the stripped line starts with a heading or numbered/lettered list marker."""
    return any(m.kind not in ("dash", "plus", "star", "dot") for m in candidates(line))


def is_signature_line(line: str) -> bool:
    """First line of the signature block: "Nơi nhận:", "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"."""
    if re.match(r"(?:Nơi nhận|NƠI NHẬN)\s*:?", line):
        return True
    signer = re.match(r"(?:KT|TM|TL|TUQ)\s*\.\s*(.+)", line)
    if signer:
        return is_caps(signer.group(1))
    return _SIGNATURE_TITLE.fullmatch(line.strip()) is not None


# "PHỤ LỤC", "PHỤ LỤC II: DANH MỤC NHIỆM VỤ", "Phụ lục 1. Danh mục …": an appendix, a top-level part of its own
APPENDIX = re.compile(r"^(?:PHỤ LỤC|Phụ lục)(?P<num>\s+(?:số\s+)?(?:[IVX]+|\d{1,2})[a-z]?)?(?:\s*[:.\-–]\s*|\s+|$)"
                      r"(?P<rest>.*)$")
_APPENDIX_WORDS = 16


def appendix_heading(line: str) -> bool:
    """A line that opens an appendix: capitals, or "Phụ lục" with a number or a colon and a short title."""
    m = APPENDIX.match(line)
    if not m:
        return False
    rest = m.group("rest").strip()
    if line.startswith("PHỤ LỤC"):
        return not rest or is_caps(rest) or (len(rest.split()) <= _APPENDIX_WORDS and not rest.endswith("."))
    named = bool(m.group("num")) or ":" in line[:len(line) - len(rest)]
    return named and len(rest.split()) <= _APPENDIX_WORDS and not rest.endswith(".")
