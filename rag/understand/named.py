"""What a question names that a follow-up's rewrite replaces: provinces, bodies, document numbers, foreign places and
years, each with its canonical name and its span, left to right."""
from __future__ import annotations

import re

from rag.understand.entities import Entity, foreign_places

_NAMED_NUMBER = re.compile(r"\b\d{1,5}\s*/\s*[A-Za-zĐđ&]+(?:(?:-|\s*[-–]\s*(?=[A-ZĐ]{2,}\b))[A-Za-zĐđ&]+)*-?", re.UNICODE)
_NAMED_BARE_NUMBER = re.compile(
    r"\b(?:kế hoạch|công văn|quyết định|chỉ thị|chương trình|văn bản|nghị quyết|ke hoach|cong van|quyet dinh"
    r"|chi thi|chuong trinh|van ban|nghi quyet|KH|CV|QĐ|QD)\s+(?:số\s+|so\s+)?(\d{1,5})\b(?!\s*/)",
    re.IGNORECASE,
)
# "Quyết định 2013", "chỉ thị số 2020": after these kinds (or "số") a year-like number is the document's number;
# "kế hoạch 2014" more often names a plan's year
_NUMBERED_KIND = re.compile(r"(?:công văn|quyết định|chỉ thị|nghị quyết|cong van|quyet dinh|chi thi|nghi quyet"
                            r"|QĐ|QD|CV|số|so)\s+$", re.IGNORECASE)
_NUMBER_AND_YEAR = re.compile(r"\b(?:nghị định|thông tư|quyết định|nghị quyết|luật|nghi dinh|thong tu|quyet dinh|nghi quyet"
                              r"|luat|NĐ|ND|TT|QĐ|QD|NQ)\s+(?:số\s+|so\s+)?(\d{1,4}\s*/\s*(?:19|20)\d\d)\b(?!\s*/)",
                              re.IGNORECASE)
_NAMED_YEAR = re.compile(r"\b(?:năm\s+)?(19[5-9]\d|20\d\d)\b", re.IGNORECASE)


def find_entities(text: str) -> list[Entity]:
    """Every thing a question names (province, foreign place, agency, document number, year), with its canonical
    `name` and its span in `text` (already vi.normalize'd), left to right: what a follow-up rewrite replaces."""
    from ground.agencies import find_agencies
    from ground.places import iter_mentions

    found: list[Entity] = [Entity("province", m.start, m.end, text[m.start:m.end], m.province) for m in iter_mentions(text)]
    for a in find_agencies(text):
        # "còn Ban Quản lý Khu bảo tồn biển thì sao?": the words up to the follow-up's tail are the body's name
        tail = _TO_TAIL.match(text, a.end)
        end = tail.end(1) if tail else a.end
        found.append(Entity("agency", a.start, end, text[a.start:end], text[a.start:end] if tail else a.canonical))
    found += [Entity("number", m.start(), m.end(), m.group(0), _canonical_number(m.group(0))) for m in _NAMED_NUMBER.finditer(text)]
    found += [Entity("number", m.start(1), m.end(1), m.group(1), m.group(1)) for m in _NAMED_BARE_NUMBER.finditer(text)
              if not (1945 <= int(m.group(1)) <= 2100) or _NUMBERED_KIND.search(text[m.start():m.start(1)])]
    # "Nghị định 72/2015", "thông tư 22/2016": a legal text by its number and year (a number, not the year 2015)
    found += [Entity("number", m.start(1), m.end(1), m.group(1), m.group(1)) for m in _NUMBER_AND_YEAR.finditer(text)]
    found += foreign_places(text)
    found += [Entity("year", m.start(), m.end(), m.group(0), m.group(1)) for m in _NAMED_YEAR.finditer(text)]
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


_TO_TAIL = re.compile(r"((?:\s+[a-zà-ỹđ]+){1,4})(?=\s+thì\s+(?:sao|thế nào|ra sao)\b)")


def _canonical_number(raw: str) -> str:
    num, _, suffix = raw.partition("/")
    code = re.sub(r"\s*[-–]\s*", "-", suffix.strip())
    return f"{num.strip()}/{code.upper().replace('QD', 'QĐ').strip('-')}"


def replace_spans(text: str, spans: list[tuple[int, int, str]]) -> str:
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return " ".join(text.split()).replace(" ?", "?").replace(" ,", ",")
