"""Plan metadata from cleaned text: number, type, issuer, province, dates, signer, title, horizon, relations.

Numbers (numbers.py), dates (dates.py), signers (signers.py), titles (titles.py), a decision's carried plan
(decisions.py) and relations to other documents (relations.py) have modules of their own; this one
chooses the document's own number, type and issuer and puts everything together.

The text is either the document itself (emblem header, "Số: …", sections, signature) or a news
article about it. Each field has its own small extractor; each prefers the most explicit evidence
(a "Số hiệu" line over the emblem, the emblem over a sentence of the article) and falls back step by
step. A news article's fields describe the plan it reports on, not the national documents it cites:
those go to `implements`.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from ground import vi
from ground.numbers import DocNumber, canonical_number, find_numbers
from ground.places import canonical_province, find_provinces, iter_mentions, province_kind
from ground.plans import PlanMeta, SourceKind
from ingest.dates import PLACE_DATE, issue_date, labelled, published_date, sentence_around
from ingest.decisions import carried_plan_start
from ingest.relations import extract_relations
from ingest.signers import document_signer
from ingest.titles import (
    _DOC_TYPE_WORD,
    DOC_TYPES,
    TYPE_CODES,
    carried_plan_title,
    header_title,
    headline,
    mentioned_title,
    upper_title,
)

# --- document numbers (ground/numbers.py holds the one spelling rule) -------------------------------

_ISSUER_CODES = {"BNG": "Bộ Ngoại giao", "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch",
                 "TTg": "Thủ tướng Chính phủ", "CP": "Chính phủ"}
normalize_number = canonical_number


def implemented_documents(text: str) -> list[str]:
    """National documents the text cites (Quyết định 2013/QĐ-TTg, Chỉ thị 25/CT-TTg, …), first seen first."""
    return list(dict.fromkeys(n.number for n in find_numbers(text) if n.national))


_OWN_NUMBER_LINE = re.compile(r"(?:^|\n|\|)\s*Số(?:\s+hiệu|\s*:)\s*(?=\d)")
_POSITIVE_CUES = ("ban hành", "vừa có", "đã có", "có", "ký", "đính kèm", "phê duyệt")
_NEGATIVE_CUES = ("thực hiện", "căn cứ", "theo", "trên cơ sở")


def _cue_score(text: str, start: int) -> int:
    """+2 when the nearest cue before the number says it is issued here, -3 when it is being applied."""
    before = text[max(0, start - 60):start].lower()
    best, score = -1, 0
    for cues, value in ((_POSITIVE_CUES, 2), (_NEGATIVE_CUES, -3)):
        for cue in cues:
            for m in re.finditer(r"\b" + cue + r"\b", before):
                if m.start() > best:
                    best, score = m.start(), value
    return score


def document_number(text: str, title: str | None = None) -> DocNumber | None:
    """This document's own number ("Số: …", "Số hiệu …"), else the plan a news article is about."""
    numbers = find_numbers(text)
    for n in numbers:
        if _OWN_NUMBER_LINE.search(text[max(0, n.start - 12):n.start + 1]):
            return n
    # a number the text applies somewhere ("Căn cứ Kế hoạch số 164-KH/TU …") is not its own
    applied = {n.number for n in numbers if _cue_score(text, n.start) < 0}
    candidates = [n for n in numbers if not n.national and n.number not in applied]
    if not candidates:
        return None
    title_numbers = {n.number for n in find_numbers(title or "")}
    scored = [(_cue_score(text, n.start) + (3 if n.number in title_numbers else 0), -n.start, n) for n in candidates]
    score, _, best = max(scored)
    return best if score >= 0 else None


def document_type(text: str, number: DocNumber | None, title: str | None) -> str | None:
    declared = labelled(text, "Loại văn bản")
    if declared:
        return _known_type(declared) or declared
    if number:
        before = text[max(0, number.start - 40):number.start]
        words = list(_DOC_TYPE_WORD.finditer(before))
        if words and re.fullmatch(r"\s*(?:hành động\s+)?(?:số\s*)?", before[words[-1].end():], re.IGNORECASE):
            return _known_type(words[-1].group())
        code = number.codes[0]
        if code in TYPE_CODES:
            return TYPE_CODES[code]
        return "Công văn"  # "404/BNG-NGVH": a number without a type code is an official letter
    if title:
        match = _DOC_TYPE_WORD.search(title)
        if match:
            return _known_type(match.group())
    announced = re.search(r"\bban hành\s+" + _DOC_TYPE_WORD.pattern, text[:1500], re.IGNORECASE)
    return _known_type(announced.group(1)) if announced else None  # "UBND tỉnh vừa ban hành kế hoạch …"


def _known_type(word: str) -> str | None:
    folded = vi.fold(word.strip())
    return next((t for t in DOC_TYPES if vi.fold(t) == folded), None)


def plan_field(text: str) -> str | None:
    return labelled(text, "Lĩnh vực")


# --- issuer and province --------------------------------------------------------------------------

_MINISTRIES = ("Ngoại giao", "Văn hóa, Thể thao và Du lịch", "Thông tin và Truyền thông", "Giáo dục và Đào tạo",
               "Công Thương", "Kế hoạch và Đầu tư", "Tài chính", "Nội vụ", "Quốc phòng", "Công an", "Tư pháp",
               "Khoa học và Công nghệ", "Lao động - Thương binh và Xã hội", "Nông nghiệp và Phát triển nông thôn",
               "Nông nghiệp và Môi trường", "Tài nguyên và Môi trường", "Xây dựng", "Giao thông vận tải", "Y tế",
               "Dân tộc và Tôn giáo")
_MINISTRY = re.compile(r"\bBộ\s+(" + "|".join(re.escape(m) for m in _MINISTRIES) + r")\b", re.IGNORECASE)
_PEOPLES_COMMITTEE = re.compile(
    r"\b(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|ỦY BAN NHÂN DÂN)\s+(tỉnh|thành phố|TP\.?|TỈNH|THÀNH PHỐ)"
    r"((?:[\s-]+[A-ZĐÀ-Ỹ][\wÀ-ỹđĐ]*){0,4})")
# "ỦY BAN NHÂN DÂN / TỈNH CAO BẰNG", or "UBND TỈNH QUẢNG TRỊ / SỞ NGOẠI VỤ" for a department's document
# also inside a header table flattened with "|": "ỦY BAN NHÂN DÂN | CỘNG HÒA … |" / "TỈNH GIA LAI | Độc lập … |"
_CELL_END = r"[ \t]*(?:\|[^\n]*)?$"
_EMBLEM_COMMITTEE = re.compile(
    r"^\s*(?:(?:ỦY|UỶ) BAN NHÂN DÂN|UBND)(?:[ \t]*\|[^\n]*)?\s*\n*\s*(TỈNH|THÀNH PHỐ)\s+([^\n|]+?)" + _CELL_END
    + r"(?:\n\s*(SỞ\s+[^\n|]+?)" + _CELL_END + ")?",
    re.MULTILINE)
# what sits next to a document's own emblem; a committee named elsewhere at the top is the portal's banner
_EMBLEM_NEIGHBOURS = re.compile(r"CỘNG H[OÒ]A XÃ HỘI|Độc lập\s*[-–]\s*Tự do|(?:^|\n|\|)\s*Số\s*:")


def _department_name(upper: str) -> str:
    """'SỞ NGOẠI VỤ' → 'Sở Ngoại vụ': the first word of the proper name keeps its capital."""
    words = upper.lower().split()
    return " ".join(w.capitalize() if i < 2 else w for i, w in enumerate(words))


def _committee(kind: str, place: str | None) -> str:
    kind = "thành phố" if vi.fold(kind).startswith(("thanh pho", "tp")) else "tỉnh"
    return f"UBND {kind} {place}" if place else f"UBND {kind}"


def _issuer_in(fragment: str) -> str | None:
    """The last issuing body named in a fragment (the one nearest a number that follows it)."""
    found: list[tuple[int, str]] = []
    for m in _MINISTRY.finditer(fragment):
        name = next(x for x in _MINISTRIES if vi.fold(x) == vi.fold(m.group(1)))
        found.append((m.start(), f"Bộ {name}"))
    for m in _PEOPLES_COMMITTEE.finditer(fragment):
        place = _leading_province(m.group(2))
        if place is None and m.group(2).strip() and vi.fold(m.group(1)).startswith(("thanh pho", "tp")):
            continue  # "UBND thành phố Đông Hà": a city inside a province, not a provincial committee
        found.append((m.start(), _committee(m.group(1), place)))
    return max(found)[1] if found else None


def _leading_province(words: str) -> str | None:
    mentions = list(iter_mentions(words.strip()))
    return mentions[0].province if mentions and mentions[0].start == 0 else None


def _emblem_issuer(text: str) -> str | None:
    """The committee (or its department) in the document's own emblem header."""
    for emblem in _EMBLEM_COMMITTEE.finditer(text):
        around = text[max(0, emblem.start() - 200):emblem.end() + 300]
        if not _EMBLEM_NEIGHBOURS.search(around):
            continue  # a portal's banner, not an emblem
        kind, place, department = emblem.groups()
        province = canonical_province(place)
        if department:
            return f"{_department_name(department)} {kind.lower()} {province or place.title()}"
        if province is None and place.strip():
            continue  # "THÀNH PHỐ ĐÔNG HÀ": a city inside a province, not the provincial committee
        return _committee(kind, province)
    return None


def document_issuer(text: str, number: DocNumber | None, kind: str = "full_text") -> str | None:
    declared = labelled(text, "Cơ quan ban hành")
    if declared:
        place = canonical_province(declared)
        return _committee(province_kind(place) or "tỉnh", place) if place else (_issuer_in(declared) or declared)
    emblem = _emblem_issuer(text)
    if emblem and kind == "full_text":
        return emblem
    if number:
        left, sentence = sentence_around(text, number.start)
        named = _issuer_in(text[left:number.start])
        if named:
            return named
        for code in number.codes[1:] + number.codes[:1]:
            if code in _ISSUER_CODES:
                return _ISSUER_CODES[code]
            if code == "UBND":
                return emblem or "UBND"
    return emblem or _issuer_in(text[:2000])


def dominant_province(text: str) -> str | None:
    counts = Counter(m.province for m in iter_mentions(text))
    if not counts:
        return None
    top = max(counts.values())
    return next(p for p in counts if counts[p] == top)  # Counter keeps first-seen order on ties


def complete_issuer(issuer: str | None, text: str) -> tuple[str | None, str | None]:
    """(issuer, province): a committee named without its place ("UBND thành phố") gets the text's province."""
    if issuer and (issuer.startswith("Bộ ") or issuer in _ISSUER_CODES.values()):
        return issuer, None  # a ministry or the Government: not a provincial plan
    named = find_provinces(issuer) if issuer else []
    if named:
        return issuer, named[0]
    place = dominant_province(text)
    if issuer and place and re.fullmatch(r"UBND(?: tỉnh| thành phố)?", issuer):
        kind = issuer.split(" ", 1)[1] if " " in issuer else province_kind(place) or "tỉnh"
        issuer = _committee(kind, place)
    return issuer, place


# --- signer, title, horizon, kind -----------------------------------------------------------------

_HORIZON = (
    re.compile(r"(?:đến|tới)\s+năm\s+(\d{4})", re.IGNORECASE),
    re.compile(r"tầm nhìn\s+(?:đến\s+|tới\s+)?(?:năm\s+)?(\d{4})", re.IGNORECASE),
    re.compile(r"(?:giai đoạn|năm)\s+\d{4}\s*[-–]\s*(\d{4})", re.IGNORECASE),
)


def horizon_years(text: str) -> list[int]:
    years = {int(m.group(1)) for pattern in _HORIZON for m in pattern.finditer(text)}
    return sorted(y for y in years if 1990 <= y <= 2100)


def plan_horizon(title: str, text: str, issued: str | None) -> list[int]:
    """Target years from the title, else from the first paragraph that states some."""
    years = horizon_years(title)
    if not years:
        for paragraph in text.split("\n"):
            years = horizon_years(paragraph)
            if years:
                break
    floor = int(issued[:4]) if issued else 0
    return [y for y in years if y >= floor]


def source_kind(text: str) -> SourceKind:
    """'full_text' when the text has the shape of the document itself, else 'news'."""
    signs = [
        bool(re.search(r"CỘNG H[OÒ]A XÃ HỘI CHỦ NGHĨA|Độc lập\s*[-–]\s*Tự do", text)),
        bool(re.search(r"(?:^|\n|\|)\s*Số\s*:\s*\d", text)),
        bool(PLACE_DATE.search(text)),
        len(re.findall(r"(?m)^\s*[IVXLC]+\.\s+\S", text)) >= 2,
        bool(re.search(r"(?m)^\s*(?:Nơi nhận|(?:TM|KT)\.\s|(?:PHÓ )?CHỦ TỊCH$)", text)),
    ]
    return "full_text" if sum(signs) >= 2 else "news"


# --- everything -----------------------------------------------------------------------------------

def _carried_plan(text: str, number: DocNumber | None) -> tuple[str | None, list[str], str | None]:
    """(title, own numbers, signer) of the plan a decision issues, when the text carries one."""
    split = carried_plan_start(text)
    if split is None:
        return None, [], None
    part = text[split:]
    own = [n.number for n in find_numbers(part[:600])
           if _OWN_NUMBER_LINE.search(part[max(0, n.start - 12):n.start + 1])]
    others = [n for n in own if not number or n != number.number][:1]
    title = upper_title(part)
    return title, others, document_signer(text[:split])


def extract_metadata(text: str, source: str) -> PlanMeta:
    text = vi.normalize(text)
    heading = headline(text)
    number = document_number(text, heading)
    kind = source_kind(text)
    upper = upper_title(text)
    title = heading or upper
    if not title and kind == "full_text":
        title = header_title(text, document_type(text, number, None))
    title = title or mentioned_title(text, number)
    doc_type = document_type(text, number, title)
    carried_title, other_numbers, decision_signer = _carried_plan(text, number)
    if doc_type == "Quyết định":  # a decision that issues a plan is catalogued under the plan's title
        title = carried_title or carried_plan_title(upper or "") or carried_plan_title(title or "") or title
    if not title:
        title = f"{doc_type or 'Văn bản'} {number.number}" if number else Path(source).stem
    published = published_date(text)
    issued = issue_date(text, number, published)
    issuer, province = complete_issuer(document_issuer(text, number, kind), text)
    own_numbers = [n for n in (number.number if number else None, *other_numbers) if n]
    return PlanMeta(
        title=title,
        number=number.number if number else None,
        doc_type=doc_type,
        issuer=issuer,
        province=province,
        date=issued,
        signer=decision_signer or document_signer(text),
        horizon=plan_horizon(title, text, issued),
        implements=[n for n in implemented_documents(text) if not number or n != number.number],
        source_kind=kind,
        field=plan_field(text),
        published=published,
        number_as_written=number.raw if number and number.raw and number.raw != number.number else None,
        other_numbers=other_numbers,
        relations=[r.to_dict() for r in extract_relations(text, own_numbers)],
    )
