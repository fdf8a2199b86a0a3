"""Spans of the things a question names (province, foreign place, agency, plan number, year), for rewriting.

rag.understand.mentions.parse_query says *which* provinces, numbers and agencies a question names; a follow-up
rewrite also needs *where*, to put a new entity in the old one's place. Provinces and agencies come
from the ingest gazetteers; foreign places (the partners plans name) from a small table here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ground import vi

# Countries and foreign regions that plans name as partners, with the other spellings people type.
# A name that is also an ordinary word ("anh" = brother, "mỹ" in "mỹ thuật") is only taken in its
# longer, unambiguous form.
FOREIGN_PLACES: dict[str, tuple[str, ...]] = {
    "Trung Quốc": ("Trung Hoa",),
    "Nhật Bản": ("Nhật",),
    "Hàn Quốc": ("Hàn",),
    "Triều Tiên": (),
    "Lào": (),
    "Campuchia": ("Cam-pu-chia", "Căm-pu-chia"),
    "Thái Lan": (),
    "Myanmar": ("Mi-an-ma",),
    "Malaysia": ("Ma-lai-xi-a",),
    "Singapore": ("Xin-ga-po",),
    "Indonesia": ("In-đô-nê-xi-a",),
    "Philippines": ("Phi-líp-pin", "Philippin"),
    "Brunei": (),
    "Đông Timor": ("Timor-Leste",),
    "Ấn Độ": (),
    "Hoa Kỳ": ("Mỹ", "nước Mỹ"),
    "Canada": (),
    "Cuba": (),
    "Nga": ("Liên bang Nga",),
    "Pháp": (),
    "Đức": (),
    "Vương quốc Anh": ("nước Anh", "Anh Quốc"),
    "Italia": ("Ý",),
    "Tây Ban Nha": (),
    "Bồ Đào Nha": (),
    "Hà Lan": (),
    "Bỉ": (),
    "Thụy Điển": (),
    "Thụy Sĩ": (),
    "Na Uy": (),
    "Phần Lan": (),
    "Đan Mạch": (),
    "Ba Lan": (),
    "Séc": ("Cộng hòa Séc",),
    "Hungary": ("Hung-ga-ri",),
    "Úc": ("Australia", "Ô-xtrây-li-a"),
    "New Zealand": ("Niu Di-lân",),
    "Israel": (),
    "Ai Cập": (),
    "Nam Phi": (),
    "Brazil": ("Bra-xin",),
    "Argentina": (),
    "Mông Cổ": (),
    "Đài Loan": (),
    "Quảng Tây": (),
    "Vân Nam": (),
    "Quảng Đông": (),
    "Hồng Kông": ("Hong Kong",),
    "Ma Cao": (),
    "ASEAN": (),
    "châu Âu": ("EU", "Liên minh châu Âu"),
}
# Short forms that are ordinary words too: only with a capital letter when the text has diacritics,
# never in text typed without diacritics.
_CAPITAL_ONLY = {"Nhật", "Hàn", "Mỹ", "Ý", "Úc", "Đức", "Pháp", "Nga", "Bỉ", "Séc", "Lào", "Cuba", "EU"}

_NUMBER = re.compile(r"\b\d{1,5}\s*/\s*(?:[A-Za-zĐđ&]+-?)+[A-Za-zĐđ&]*", re.UNICODE)
_BARE_NUMBER = re.compile(
    r"\b(?:kế hoạch|công văn|quyết định|chỉ thị|chương trình|văn bản|nghị quyết|ke hoach|cong van|quyet dinh"
    r"|chi thi|chuong trinh|van ban|nghi quyet|KH|CV|QĐ|QD)\s+(?:số\s+|so\s+)?(\d{1,5})\b(?!\s*/)",
    re.IGNORECASE,
)
# "Quyết định 2013", "chỉ thị số 2020": after these kinds (or "số") a year-like number is the document's number;
# "kế hoạch 2014" more often names a plan's year
_NUMBERED_KIND = re.compile(r"(?:công văn|quyết định|chỉ thị|nghị quyết|cong van|quyet dinh|chi thi|nghi quyet"
                            r"|QĐ|QD|CV|số|so)\s+$", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:năm\s+)?(19[5-9]\d|20\d\d)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Entity:
    kind: str  # province | foreign | agency | number | year
    name: str  # canonical
    start: int
    end: int


def fold_same_length(text: str) -> str:
    """Fold letter by letter so offsets in the result are offsets in `text` (NFC input)."""
    return "".join((vi.fold(ch) or ch)[:1] for ch in text)


@lru_cache(maxsize=1)
def _foreign_patterns() -> list[tuple[str, re.Pattern, bool]]:
    out: list[tuple[str, re.Pattern, bool]] = []
    for name, aliases in FOREIGN_PLACES.items():
        for alias in sorted((name, *aliases), key=len, reverse=True):
            body = r"[\s\-]+".join(re.escape(vi.fold(w)) for w in re.split(r"[\s\-]+", alias))
            out.append((name, re.compile(rf"(?<![^\W_]){body}(?![^\W_])"), alias in _CAPITAL_ONLY))
    out.sort(key=lambda item: -len(item[1].pattern))
    return out


def foreign_places(text: str) -> list[Entity]:
    folded = fold_same_length(text).lower()
    accented = vi.has_diacritics(text)
    taken: list[Entity] = []
    for name, pattern, capital_only in _foreign_patterns():
        for m in pattern.finditer(folded):
            raw = text[m.start():m.end()]
            if any(e.start < m.end() and m.start() < e.end for e in taken):
                continue
            if capital_only and (not accented or not raw[:1].isupper()):
                continue
            if not capital_only and accented and vi.has_diacritics(name) and not vi.has_diacritics(raw):
                continue  # "Lao" in accented text is not "Lào"
            if accented and vi.has_diacritics(raw) and vi.normalize(raw).lower() not in {
                vi.normalize(a).lower() for a in (name, *FOREIGN_PLACES[name])
            } and not _same_spelling(raw, name):
                continue  # the same letters with other tones: another word
            taken.append(Entity("foreign", name, m.start(), m.end()))
    return sorted(taken, key=lambda e: e.start)


def _same_spelling(raw: str, name: str) -> bool:
    return " ".join(re.split(r"[\s\-]+", vi.normalize(raw).lower())) == " ".join(
        re.split(r"[\s\-]+", vi.normalize(name).lower()))


def find_entities(text: str) -> list[Entity]:
    """Every named entity with its span in `text` (already vi.normalize'd), left to right."""
    from ground.agencies import find_agencies
    from ground.places import iter_mentions

    found: list[Entity] = [Entity("province", m.province, m.start, m.end) for m in iter_mentions(text)]
    found += [Entity("agency", a.canonical, a.start, a.end) for a in find_agencies(text)]
    found += [Entity("number", _canonical_number(m.group(0)), m.start(), m.end()) for m in _NUMBER.finditer(text)]
    found += [Entity("number", m.group(1), m.start(1), m.end(1)) for m in _BARE_NUMBER.finditer(text)
              if not (1945 <= int(m.group(1)) <= 2100) or _NUMBERED_KIND.search(text[m.start():m.start(1)])]
    found += foreign_places(text)
    found += [Entity("year", m.group(1), m.start(), m.end()) for m in _YEAR.finditer(text)]
    # an overlap keeps a province ("UBND tỉnh Cao Bằng": the place is what scopes a plan), else the longer
    found.sort(key=lambda e: (e.kind != "province", e.start, -(e.end - e.start)))
    kept: list[Entity] = []
    for entity in found:
        clash = next((k for k in kept if k.start < entity.end and entity.start < k.end), None)
        if clash is None:
            kept.append(entity)
        elif clash.kind != "province" and entity.end - entity.start > clash.end - clash.start:
            kept[kept.index(clash)] = entity
    return sorted(kept, key=lambda e: e.start)


def _canonical_number(raw: str) -> str:
    num, _, suffix = raw.partition("/")
    return f"{num.strip()}/{suffix.strip().upper().replace('QD', 'QĐ').strip('-')}"


def replace_spans(text: str, spans: list[tuple[int, int, str]]) -> str:
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return " ".join(text.split()).replace(" ?", "?").replace(" ,", ",")
