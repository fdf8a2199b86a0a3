"""Text typed in the pre-Unicode Vietnamese fonts, TCVN3 (ABC, ".VnTime") and VNI ("VNI-Times"), → Unicode NFC.

Such text reaches us as Latin-1 look-alikes: "KÕ ho¹ch" (TCVN3) or "Keá hoaïch" (VNI) for "Kế hoạch".
Both converters are table driven and work both ways (the reverse direction exists so that the tables
can be tested by round trip, and so that tests can write legacy files).

Detection is per line and by outcome: a line is converted only when the conversion turns more of its
words into valid Vietnamese syllables than it breaks. Clean Unicode text never gains from a
conversion ("Hà Nội" would become "HỔ Nội"), so it is never touched; a page that mixes Unicode chrome
with a TCVN3 body has only the body converted.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ingest.quality import is_good_word

# --- TCVN3 (TCVN 5712, VN1 / VN3) -------------------------------------------------------------------

# Bytes 0xA1-0xFF of TCVN 5712, one character each (0xB0-0xB4 are bare tone marks, kept as they are).
_TCVN_HIGH = (
    "\u0102\xc2\xca\xd4\u01a0\u01af\u0110\u0103\xe2\xea\xf4\u01a1\u01b0\u0111\u1eb0\u0300\u0309\u0303\u0301"
    "\u0323\xe0\u1ea3\xe3\xe1\u1ea1\u1eb2\u1eb1\u1eb3\u1eb5\u1eaf\u1eb4\u1eae\u1ea6\u1ea8\u1eaa\u1ea4\u1ec0"
    "\u1eb7\u1ea7\u1ea9\u1eab\u1ea5\u1ead\xe8\u1ec2\u1ebb\u1ebd\xe9\u1eb9\u1ec1\u1ec3\u1ec5\u1ebf\u1ec7\xec"
    "\u1ec9\u1ec4\u1ebe\u1ed2\u0129\xed\u1ecb\xf2\u1ed4\u1ecf\xf5\xf3\u1ecd\u1ed3\u1ed5\u1ed7\u1ed1\u1ed9\u1edd"
    "\u1edf\u1ee1\u1edb\u1ee3\xf9\u1ed6\u1ee7\u0169\xfa\u1ee5\u1eeb\u1eed\u1eef\u1ee9\u1ef1\u1ef3\u1ef7\u1ef9"
    "\xfd\u1ef5\u1ed0"
)
assert len(_TCVN_HIGH) == 0xFF - 0xA0
TCVN3_TO_UNICODE: dict[str, str] = {
    chr(0xA1 + i): char for i, char in enumerate(_TCVN_HIGH) if not 0xB0 <= 0xA1 + i <= 0xB4
}
_UNICODE_TO_TCVN3 = {v: k for k, v in TCVN3_TO_UNICODE.items()}


def tcvn3_to_unicode(text: str) -> str:
    """Decode text set in a TCVN3 font. Words typed in capitals (".VnTimeH") come out in capitals."""
    converted = unicodedata.normalize("NFC", "".join(TCVN3_TO_UNICODE.get(c, c) for c in text))
    # .VnTimeH draws the lower-case codes as capitals: "HO¹CH" is "HOẠCH", not "HOạCH".
    line_in_caps = _legacy_words_in_caps(text)
    return re.sub(r"[^\W\d_]+", lambda m: _recase(m.group(0), line_in_caps), converted)


def _legacy_words_in_caps(text: str) -> bool:
    """Are the words that hold legacy codes typed in capitals? ("KÕ HO¹CH" yes; "Sè: 88/KH-UBND" no)"""
    letters = [c for word in re.findall(r"[^\W\d_]+", text) if any(ch in TCVN3_TO_UNICODE for ch in word)
               for c in word if c.isascii()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _recase(word: str, line_in_caps: bool) -> str:
    ascii_letters = [c for c in word if c.isascii()]
    if ascii_letters and all(c.isupper() for c in ascii_letters) and (len(ascii_letters) >= 2 or line_in_caps):
        return word.upper()
    return word


def unicode_to_tcvn3(text: str) -> str:
    """Encode as TCVN3; capitals without a code of their own take the lower-case code, as .VnTimeH does."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        if char in _UNICODE_TO_TCVN3:
            out.append(_UNICODE_TO_TCVN3[char])
        elif char.lower() in _UNICODE_TO_TCVN3 and not char.isascii():
            out.append(_UNICODE_TO_TCVN3[char.lower()])
        else:
            out.append(char)
    return "".join(out)


# --- VNI ------------------------------------------------------------------------------------------

_TONE_NAMES = ("", "sac", "huyen", "hoi", "nga", "nang")
_TONE_MARK = {"": "", "sac": "\u0301", "huyen": "\u0300", "hoi": "\u0309", "nga": "\u0303", "nang": "\u0323"}
_VNI_TONE = {"": "", "sac": "ù", "huyen": "ø", "hoi": "û", "nga": "õ", "nang": "ï"}
_VNI_CIRCUMFLEX = {"": "â", "sac": "á", "huyen": "à", "hoi": "å", "nga": "ã", "nang": "ä"}
_VNI_BREVE = {"": "ê", "sac": "é", "huyen": "è", "hoi": "ú", "nga": "ü", "nang": "ë"}
_VNI_I = {"": "i", "sac": "í", "huyen": "ì", "hoi": "æ", "nga": "ó", "nang": "ò"}


def _vni_pairs() -> dict[str, str]:
    """Unicode lower-case letter → its VNI spelling, for every vowel, diacritic and tone."""
    pairs: dict[str, str] = {"đ": "ñ"}
    for tone in _TONE_NAMES:
        mark = _TONE_MARK[tone]

        def put(unicode_base: str, vni: str, mark: str = mark) -> None:
            pairs[unicodedata.normalize("NFC", unicode_base + mark)] = vni

        for base in "aeou":
            put(base, base + _VNI_TONE[tone])
        for base, composed in (("a", "â"), ("e", "ê"), ("o", "ô")):
            put(composed, base + _VNI_CIRCUMFLEX[tone])
        put("ă", "a" + _VNI_BREVE[tone])
        put("ơ", "ô" + _VNI_TONE[tone])
        put("ư", "ö" + _VNI_TONE[tone])
        put("i", _VNI_I[tone])
        put("y", "î" if tone == "nang" else "y" + _VNI_TONE[tone])
    return {k: v for k, v in pairs.items() if k != v}


_UNICODE_TO_VNI = _vni_pairs()
_UNICODE_TO_VNI.update({k.upper(): v.upper() for k, v in list(_UNICODE_TO_VNI.items())})
# Decoding accepts a modifier of either case after a base of either case ("Uûy" is "Ủy").
VNI_TO_UNICODE: dict[str, str] = {}
for _uni, _vni in _UNICODE_TO_VNI.items():
    VNI_TO_UNICODE[_vni] = _uni
    if len(_vni) == 2:
        VNI_TO_UNICODE[_vni[0] + _vni[1].swapcase()] = _uni
_VNI_PATTERN = re.compile("|".join(re.escape(k) for k in sorted(VNI_TO_UNICODE, key=len, reverse=True)))


def vni_to_unicode(text: str) -> str:
    return unicodedata.normalize("NFC", _VNI_PATTERN.sub(lambda m: VNI_TO_UNICODE[m.group(0)], text))


def unicode_to_vni(text: str) -> str:
    return "".join(_UNICODE_TO_VNI.get(c, c) for c in unicodedata.normalize("NFC", text))


# --- detection ------------------------------------------------------------------------------------

DECODERS = {"tcvn3": tcvn3_to_unicode, "vni": vni_to_unicode}
_WORD = re.compile(r"[^\W\d_]+")
_LATIN1_LETTERS = re.compile(r"[\u00a1-\u00ff]")
# letters only Unicode Vietnamese has (ă đ ĩ ũ ơ ư, the dotted and hooked vowels): a line holding one is Unicode
# already, whatever Latin-1 signs it also holds ("× Đọc bài viết"); a legacy font's bytes never read as these
_UNICODE_VIETNAMESE = re.compile(r"[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0"
                                 r"\u1ea0-\u1ef9]")


def _score(line: str) -> int:
    words = _WORD.findall(line)
    return sum(1 if is_good_word(w) else -1 for w in words)


def decode_line(line: str, encodings: tuple[str, ...] = ("tcvn3", "vni"), ties: bool = False) -> tuple[str, str | None]:
    """(line, None) when it reads best as it is, else (converted line, encoding name).

    With `ties`, a line made only of Latin-1 characters is converted when it reads at least as well
    converted: in a document already shown to be legacy, "Sè: 88" is "Số: 88" although "sè" is a syllable.
    """
    if not _LATIN1_LETTERS.search(line) or _UNICODE_VIETNAMESE.search(line):
        return line, None
    best, best_score, best_name = line, _score(line), None
    latin1_only = all(ord(c) < 0x100 for c in line)
    for name in encodings:
        candidate = DECODERS[name](line)
        if candidate == line:
            continue
        score = _score(candidate)
        if score > best_score or (ties and latin1_only and score == best_score and best_name is None):
            best, best_score, best_name = candidate, score, name
    return best, best_name


@dataclass
class LegacyResult:
    text: str
    encoding: str | None  # "tcvn3", "vni", "tcvn3+vni" or None when nothing was converted
    lines: int = 0  # lines converted


def fix_legacy_text(text: str) -> LegacyResult:
    """Convert the lines of `text` that are TCVN3 or VNI; clean Unicode comes back unchanged.

    First pass: lines that only make sense converted. If there are any, the document's encoding is
    known, and a second pass also converts its ambiguous Latin-1-only lines.
    """
    text = unicodedata.normalize("NFC", text)  # "e" + U+0301 must score as the letter "é"
    lines = text.split("\n")
    decided = [decode_line(line) for line in lines]
    used = [name for _, name in decided if name]
    if not used:
        return LegacyResult(text=text, encoding=None)
    dominant = max(set(used), key=used.count)
    out, names = [], []
    for line, (fixed, name) in zip(lines, decided, strict=False):
        if name is None:
            fixed, name = decode_line(line, (dominant,), ties=True)
        out.append(fixed)
        names.append(name)
    found = sorted({n for n in names if n})
    return LegacyResult(text="\n".join(out), encoding="+".join(found), lines=sum(1 for n in names if n))


def font_encoding(font_name: str | None) -> str | None:
    """Which legacy encoding a font name implies: "tcvn3", "vni" or None."""
    if not font_name:
        return None
    name = font_name.strip().lower()
    if name.startswith(".vn"):  # ".VnTime", ".VnTimeH", ".VnArial"
        return "tcvn3"
    if name.startswith("vni"):  # "VNI-Times", "VNI-Helve"
        return "vni"
    return None


def decode_run(text: str, encoding: str, font_name: str = "") -> str:
    """A Word run set in a legacy font; a ".VnXxxH" font draws every letter as a capital."""
    converted = DECODERS[encoding](text)
    if encoding == "tcvn3" and font_name.rstrip().endswith("H"):
        return converted.upper()
    return converted
