"""Gazetteer of Vietnam's provinces and centrally-run cities, and a fast matcher over text.

Plans from 2021–2024 name the 63 units that existed from 2008 to mid-2025; each entry also records
the unit it belongs to after the merger of 1 July 2025 (34 units), whose only new name is "Huế".

Matching works on word tokens. Text with diacritics is matched on its exact (normalised,
case-insensitive) spelling, so "Huệ" never matches "Huế"; diacritic-free tokens ("hue", "thua
thien hue") match leniently, because users type queries that way. Names that are also ordinary
words or people's names ("hòa bình" = peace, "Nguyễn Thái Bình") need capitalisation or a
"tỉnh / thành phố" in front when the text has diacritics.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal, NamedTuple

from ground import vi

Kind = Literal["tỉnh", "thành phố"]


@dataclass(frozen=True)
class Province:
    name: str  # canonical, with diacritics
    kind: Kind
    aliases: tuple[str, ...] = ()  # other spellings and short forms; the name itself is implied
    after_2025: str | None = None  # the unit it belongs to from 1 July 2025, when that differs
    common_phrase: bool = False  # also an ordinary phrase or a person's name: match with care


def _p(name: str, *aliases: str, kind: Kind = "tỉnh", after: str | None = None, common: bool = False) -> Province:
    return Province(name, kind, tuple(aliases), after, common)


PROVINCES: tuple[Province, ...] = (
    # Centrally-run cities
    _p("Hà Nội", "Thủ đô Hà Nội", "HN", kind="thành phố"),
    _p("Hồ Chí Minh", "Thành phố Hồ Chí Minh", "TP Hồ Chí Minh", "TP HCM", "TPHCM", "HCM", "HCMC",
       "Sài Gòn", "Saigon", kind="thành phố"),
    _p("Hải Phòng", "TP Hải Phòng", kind="thành phố"),
    _p("Đà Nẵng", "TP Đà Nẵng", kind="thành phố"),
    _p("Cần Thơ", "TP Cần Thơ", kind="thành phố"),
    # Provinces (Thừa Thiên Huế became the centrally-run "thành phố Huế" on 1 January 2025)
    _p("An Giang"),
    _p("Bà Rịa - Vũng Tàu", "Bà Rịa Vũng Tàu", "BR-VT", "BRVT", "Vũng Tàu", "Bà Rịa", after="Hồ Chí Minh"),
    _p("Bắc Giang", after="Bắc Ninh"),
    _p("Bắc Kạn", "Bắc Cạn", after="Thái Nguyên"),
    _p("Bạc Liêu", after="Cà Mau"),
    _p("Bắc Ninh"),
    _p("Bến Tre", after="Vĩnh Long"),
    _p("Bình Định", after="Gia Lai", common=True),  # "bình định" = to pacify
    _p("Bình Dương", after="Hồ Chí Minh"),
    _p("Bình Phước", after="Đồng Nai"),
    _p("Bình Thuận", after="Lâm Đồng"),
    _p("Cà Mau"),
    _p("Cao Bằng"),
    _p("Đắk Lắk", "Đắc Lắc", "Đăk Lăk", "Đắk Lăk", "Daklak", "Dak Lak"),
    _p("Đắk Nông", "Đắc Nông", "Đăk Nông", "Daknong", "Dak Nong", after="Lâm Đồng"),
    _p("Điện Biên"),
    _p("Đồng Nai"),
    _p("Đồng Tháp"),
    _p("Gia Lai"),
    _p("Hà Giang", after="Tuyên Quang"),
    _p("Hà Nam", after="Ninh Bình"),
    _p("Hà Tĩnh"),
    _p("Hải Dương", after="Hải Phòng", common=True),  # "hải dương" = ocean
    _p("Hậu Giang", after="Cần Thơ"),
    _p("Hòa Bình", after="Phú Thọ", common=True),  # "hòa bình" = peace
    _p("Hưng Yên"),
    _p("Khánh Hòa"),
    _p("Kiên Giang", after="An Giang"),
    _p("Kon Tum", "Kontum", after="Quảng Ngãi"),
    _p("Lai Châu"),
    _p("Lâm Đồng"),
    _p("Lạng Sơn"),
    _p("Lào Cai"),
    _p("Long An", after="Tây Ninh"),
    _p("Nam Định", after="Ninh Bình"),
    _p("Nghệ An"),
    _p("Ninh Bình"),
    _p("Ninh Thuận", after="Khánh Hòa"),
    _p("Phú Thọ", common=True),  # also a given name
    _p("Phú Yên", after="Đắk Lắk"),
    _p("Quảng Bình", after="Quảng Trị"),
    _p("Quảng Nam", after="Đà Nẵng"),
    _p("Quảng Ngãi"),
    _p("Quảng Ninh"),
    _p("Quảng Trị"),
    _p("Sóc Trăng", after="Cần Thơ"),
    _p("Sơn La"),
    _p("Tây Ninh"),
    _p("Thái Bình", after="Hưng Yên", common=True),  # "thái bình" = peaceful; a given name
    _p("Thái Nguyên"),
    _p("Thanh Hóa"),
    _p("Thừa Thiên Huế", "Thừa Thiên - Huế", "TT Huế", "TT-Huế", "Huế", "thành phố Huế", "TP Huế",
       "Cố đô Huế", after="Huế"),
    _p("Tiền Giang", after="Đồng Tháp"),
    _p("Trà Vinh", after="Vĩnh Long"),
    _p("Tuyên Quang"),
    _p("Vĩnh Long"),
    _p("Vĩnh Phúc", after="Phú Thọ", common=True),  # also a given name
    _p("Yên Bái", after="Lào Cai"),
)

# "Hồ Chí Minh" alone is far more often the President ("tư tưởng, đạo đức, phong cách Hồ Chí Minh",
# "Đoàn TNCS Hồ Chí Minh") than the city, so in text with diacritics the city needs TP/thành phố.
_BARE_ONLY_WITHOUT_DIACRITICS = {"ho chi minh"}

# Words that introduce a province: a name right after them is a place whatever its case.
_PLACE_WORDS = {"tinh", "thanh pho", "tp", "dia ban"}
# names that are words too, typed without diacritics: "hòa bình" (peace), "hải dương" (ocean), and what precedes the word
_MOSTLY_WORDS = {"hoa binh", "hai duong"}
_BEFORE_PEACE = {"vung", "gin", "vi", "chuong", "nen", "bao ve", "giu gin", "moi truong", "on dinh", "yeu chuong", "dai",
                 "bien", "binh dien"}
# A capitalised one of these right before a common-phrase name makes it a person's name.
_NAME_WORDS = {
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho",
    "ngo", "duong", "ly", "dinh", "dao", "trinh", "truong", "luong", "mai", "ta", "chu", "van", "thi",
    "duc", "huu", "cong", "quang", "xuan", "ngoc", "minh", "kieu", "quach", "lam", "to", "ha",
}
_TITLE_WORDS = {"ong", "ba", "dong chi"}

_TOKEN = re.compile(r"[^\W_]+")
# What may separate the words of one name: spaces, hyphens, dashes, a dot ("TP.HCM", "TT-Huế").
_JOINER = re.compile(r"[\s\-–—.]*")
_MAX_WORDS = 6


class Mention(NamedTuple):
    province: str  # canonical name
    start: int
    end: int
    text: str  # as written


class _Alias(NamedTuple):
    province: str
    strict: bool  # needs capitalisation or a place word before it, in text with diacritics
    upper_only: bool  # an abbreviation: must be written in capitals when the text has diacritics
    bare_ascii_only: bool


def _words(text: str) -> list[str]:
    return _TOKEN.findall(vi.normalize(text).lower())


def _is_short_abbreviation(alias: str) -> bool:
    # "HN", "HCM": only in capitals inside a text with diacritics (lower case could be anything)
    compact = alias.replace("-", "").replace(" ", "")
    return compact.isupper() and len(compact) <= 3


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[tuple[str, ...], _Alias], dict[tuple[str, ...], _Alias]]:
    """(exact lower-case word tuples → alias, folded word tuples → alias)."""
    exact: dict[tuple[str, ...], _Alias] = {}
    folded: dict[tuple[str, ...], _Alias] = {}
    for p in PROVINCES:
        for alias in (p.name, *p.aliases):
            words = tuple(_words(alias))
            key_folded = tuple(vi.fold(w) for w in words)
            bare = " ".join(key_folded) in _BARE_ONLY_WITHOUT_DIACRITICS
            entry = _Alias(p.name, p.common_phrase and alias == p.name, _is_short_abbreviation(alias), bare)
            if not bare:
                exact.setdefault(words, entry)
            folded.setdefault(key_folded, entry)
    return exact, folded


def _preceding(tokens: list[re.Match], i: int, n: int) -> str:
    return " ".join(vi.fold(t.group()) for t in tokens[max(0, i - n):i])


def _place_word_before(tokens: list[re.Match], i: int) -> bool:
    return _preceding(tokens, i, 1) in _PLACE_WORDS or _preceding(tokens, i, 2) in _PLACE_WORDS


def _person_before(tokens: list[re.Match], i: int) -> bool:
    if i == 0:
        return False
    prev = tokens[i - 1].group()
    if _preceding(tokens, i, 1) in _TITLE_WORDS or _preceding(tokens, i, 2) in _TITLE_WORDS:
        return True
    return prev[:1].isupper() and not prev.isupper() and vi.fold(prev) in _NAME_WORDS


# "ky luat doi voi ong Vuong Duc Son la bao lau": typed plainly, the syllables after "ông" are a person's name (of at most
# four), whatever province their tail spells, until a word no name holds ("ông Tuấn ở Sơn La")
_HONORIFIC_BEFORE = frozenset({"ong", "ba", "dong chi"})
_NO_NAME_WORD = frozenset("o tai tinh cua tu den ve va thanh pho huyen xa di sang voi cho la tp que nha".split())


def _in_plain_name(tokens: list[re.Match], i: int) -> bool:
    for k in range(1, 4):
        if i - k < 0 or vi.fold(tokens[i - k].group()).lower() in _NO_NAME_WORD:
            return False
        if k > 1 and (vi.fold(tokens[i - k].group()).lower() in _HONORIFIC_BEFORE
                      or _preceding(tokens, i - k + 1, 2).lower() in _HONORIFIC_BEFORE):
            return True
    return False


def _capitalised(words: list[str]) -> bool:
    return all(w[:1].isupper() for w in words)


# "tu tuong ho chi minh", "chu tich ho chi minh", "doan tncs ho chi minh": the President, typed without diacritics
_OF_THE_PRESIDENT = frozenset({"tu tuong", "chu tich", "bac", "tncs", "dong chi", "lang", "bao tang", "phong cach",
                               "dao duc", "tam guong", "guong", "di tich", "nha tho", "ngay sinh", "cong san", "thanh nien"})


_NOT_PLACES = (("thai", "binh", "duong"),)  # names that hold a province's name and are none
_NOT_PLACE_SPANS = re.compile(r"(?<![a-z0-9])(?:" + "|".join(" ".join(n) for n in _NOT_PLACES) + r")(?![a-z0-9])")


def without_non_places(folded: str) -> str:
    """A folded text with the names that hold a province's name and are none blanked, offsets kept."""
    return _NOT_PLACE_SPANS.sub(lambda m: " " * len(m.group()), folded)


RUNNING_TEXT_CHARS = 160  # longer than a typed question: a text whose writer capitalises names


def _accept(alias: _Alias, words: list[str], tokens: list[re.Match], i: int, accented_text: bool,
            running: bool = False) -> bool:
    if running and len(words) > 1 and words[0][:1].isupper() and not _capitalised(words):
        return False  # "Việt Nam định cư", "miền Nam định hướng": a name's syllables are all capitalised in a text
    if alias.upper_only and accented_text and not all(w.isupper() for w in words):
        return False
    if alias.bare_ascii_only and not accented_text and i > 0 and (
            vi.fold(_preceding(tokens, i, 1)) in _OF_THE_PRESIDENT or vi.fold(_preceding(tokens, i, 2)) in _OF_THE_PRESIDENT):
        return False
    if not accented_text and alias.strict and " ".join(vi.fold(w) for w in words).lower() in _MOSTLY_WORDS \
            and not any(w[:1].isupper() for w in words):
        # "giữ vững hòa bình", "vì hòa bình" typed plainly: peace, after the words that keep or seek it
        return i == 0 or not (_preceding(tokens, i, 1) in _BEFORE_PEACE or _preceding(tokens, i, 2) in _BEFORE_PEACE)
    if not accented_text and _in_plain_name(tokens, i):
        return False
    if not alias.strict or not accented_text:
        return True
    if _place_word_before(tokens, i):
        return True
    if not _capitalised(words) or _person_before(tokens, i):
        return False
    # A whole line in capitals ("GIỮ VỮNG MÔI TRƯỜNG HÒA BÌNH") says nothing about a place.
    return not all(w.isupper() for w in words)


def iter_mentions(text: str) -> Iterator[Mention]:
    """Every province mention, left to right; the longest alias at a position wins.

    Offsets are in vi.normalize(text), which is the text itself for already-normalised input.
    """
    text = vi.normalize(text)
    tokens = list(_TOKEN.finditer(text))
    lower = [t.group().lower() for t in tokens]
    folded = [vi.fold(w) for w in lower]
    plain = [f == w for f, w in zip(folded, lower, strict=False)]  # written without diacritics
    exact, by_fold = _tables()
    firsts = _first_words()
    accented_text = not all(plain)
    i = 0
    while i < len(tokens):
        found = None
        if (ahead := next((n for n in _NOT_PLACES if tuple(folded[i:i + len(n)]) == n), None)) is not None:
            i += len(ahead)  # "châu Á - Thái Bình Dương" names an ocean, neither Thái Bình nor Bình Dương
            continue
        if lower[i] in firsts or folded[i] in firsts:
            for n in range(min(_MAX_WORDS, len(tokens) - i), 0, -1):
                span = tokens[i:i + n]
                if any(_JOINER.fullmatch(text, a.end(), b.start()) is None for a, b in zip(span, span[1:], strict=False)):
                    continue
                alias = exact.get(tuple(lower[i:i + n]))
                if alias is None and all(plain[i:i + n]):
                    alias = by_fold.get(tuple(folded[i:i + n]))
                    if alias is not None and alias.bare_ascii_only and accented_text:
                        alias = None
                if alias is not None and _accept(alias, [t.group() for t in span], tokens, i, accented_text,
                                                 len(text) > RUNNING_TEXT_CHARS):
                    found = (alias, n)
                    break
        if found:
            alias, n = found
            start, end = tokens[i].start(), tokens[i + n - 1].end()
            yield Mention(alias.province, start, end, text[start:end])
            i += n
        else:
            i += 1


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    exact, by_fold = _tables()
    return frozenset(key[0] for key in (*exact, *by_fold))


def find_provinces(text: str) -> list[str]:
    """Canonical names of the provinces the text names, in order of first appearance."""
    seen: dict[str, None] = {}
    for mention in iter_mentions(text):
        seen.setdefault(mention.province, None)
    return list(seen)


_KIND_PREFIX = re.compile(r"^\s*(?:tỉnh|thành phố|tp\.?)\s+", re.IGNORECASE)


def canonical_province(name: str) -> str | None:
    """'tp. hcm' → 'Hồ Chí Minh', 'thua thien hue' → 'Thừa Thiên Huế'; None when it is no province."""
    name = vi.normalize(name or "").strip()
    exact, folded = _tables()
    for candidate in (name, _KIND_PREFIX.sub("", name)):
        words = tuple(_words(candidate))
        if not words:
            continue
        alias = exact.get(words)
        if alias is None and not vi.has_diacritics(candidate):
            alias = folded.get(tuple(vi.fold(w) for w in words))
        if alias is None:
            alias = exact.get(tuple(_words("thành phố " + candidate)))
        if alias is not None:
            return alias.province
    return None


@cache
def _by_name() -> dict[str, Province]:
    return {p.name: p for p in PROVINCES}


def province(canonical: str) -> Province | None:
    return _by_name().get(canonical)


def province_aliases(canonical: str) -> list[str]:
    """The canonical name first, then the other spellings; [] for an unknown name."""
    entry = province(canonical)
    return [entry.name, *entry.aliases] if entry else []


def province_kind(canonical: str) -> Kind | None:
    entry = province(canonical)
    return entry.kind if entry else None
