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
from pathlib import Path

from ground import vi
from ground.numbers import DocNumber, canonical_number, find_numbers
from ground.places import iter_mentions
from ground.plans import PlanMeta, SourceKind
from ingest.about import read_about
from ingest.dates import (
    PLACE_DATE,
    announced_kind,
    issue_date,
    labelled,
    published_date,
    published_month,
    recalled,
    sentence_around,
)
from ingest.decisions import carried_plan_start
from ingest.mentions import cited_numbers, cited_occurrences, cited_with, index_mentions, relation_before
from ingest.relations import relations_of
from ingest.signers import document_signer, signer_title
from ingest.titles import (
    _DOC_TYPE_WORD,
    _ISSUED_TYPE_WORD,
    DOC_TYPES,
    SIGNED_TYPES,
    TYPE_CODES,
    article_one_title,
    carried_plan_title,
    header_title,
    headline,
    lead_title,
    mentioned_title,
    subject_title,
    upper_title,
)

# --- document numbers (ground/numbers.py holds the one spelling rule) -------------------------------

normalize_number = canonical_number


def implemented_documents(text: str) -> list[str]:
    """National documents the text cites (Quyết định 2013/QĐ-TTg, Chỉ thị 25/CT-TTg, …), first seen first."""
    return list(dict.fromkeys(n.number for n in find_numbers(text) if n.national))


_OWN_NUMBER_LINE = re.compile(r"(?:(?:^|\n|\|)\s*Số(?:\s+hiệu)?\s*:?|[ \t]Số\s*:)\s*(?=\d)")  # "Số: 12/KH-UBND", "Số hiệu:33/2010/QĐ-TTg", a cell run together "Thủ tướng Chính phủ Số: 2013/QĐ-TTg"
_POSITIVE_CUES = ("ban hành", "vừa có", "đã có", "có", "ký", "đính kèm", "phê duyệt")
_NEGATIVE_CUES = ("thực hiện", "căn cứ", "theo", "trên cơ sở", "nhận được", "tiếp nhận")  # (a document received is another's)


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
            # "Số hiệu:3767/QĐ-BGDĐTNgày đăng …": a field glued to the number (the repair splits it after the N),
            # so the number as the page writes it elsewhere, a letter shorter, is the number
            whole = next((m for m in numbers if n.number.startswith(m.number) and len(n.number) - len(m.number) == 1),
                         None)
            return whole or n
    # a text without a number of its own issued with a decision ("(Ban hành kèm theo Quyết định số 612/QĐ-UBND …)"
    # under its title) is catalogued under that decision, not under a plan its "Căn cứ" cite
    attached = _ATTACHED_TO.search(text[:ATTACHED_HEAD_CHARS])
    carried = carried_plan_start(text) if attached is None else None
    if carried is not None:  # a decision whose number the page lost, and the plan it issues says it
        attached = _ATTACHED_TO.search(text, carried, carried + ATTACHED_HEAD_CHARS)
    if attached:
        issuing = next((n for n in numbers if attached.start() <= n.start < attached.end() + 40), None)
        if issuing is not None:
            # the same number in a page's own label above ("1053/QĐ-BVHTTDL" over "… Quyết định số 1053/QĐ-BVBTTDL"):
            # the label's spelling, which a typo in the clause does not share
            head = issuing.number.split("/")[0]
            return next((n for n in numbers if n.start < attached.start() and n.number.split("/")[0] == head
                         and n.codes[0] == issuing.codes[0]), issuing)
    # a number the text applies somewhere ("Căn cứ Kế hoạch số 164-KH/TU …", "…; Thông tư số … ; xét đề nghị
    # … tại Tờ trình số …") is not its own
    applied = {n.number for n in numbers if _cue_score(text, n.start) < 0 or recalled(text, n.start)
               or _LICENCE.search(text[max(0, n.start - 60):n.start])} | cited_numbers(text)
    # …unless the page's title names it: a page or a slide deck about the plan ("Hội nghị triển khai Kế hoạch số 76/KH-
    # UBND …") lists it among its grounds too
    title_numbers = {n.number for n in find_numbers(title or "")}
    candidates = [n for n in numbers if not n.national and (n.number not in applied or n.number in title_numbers)]
    if not candidates:
        return _announced_national(text, numbers)
    scored = [(_cue_score(text, n.start) + (3 if n.number in title_numbers else 0), -n.start, n) for n in candidates]
    score, _, best = max(scored)
    return best if score >= 0 else None


# a site's press licence in its footer ("Giấy phép hoạt động báo chí số 681/GP-BTTT do Bộ TT-TT cấp …"): no document
_LICENCE = re.compile(r"(?i:giấy phép)[^.\n]{0,40}?(?:số\s*)?:?\s*$")
_NATIONAL_LEAD_CHARS = 600
ATTACHED_HEAD_CHARS = 1200  # the title block of an attached text, before its body
_ATTACHED_TO = re.compile(r"\(\s*(?:Ban hành\s+)?(?:kèm\s+)?theo (?:Quyết định|Nghị quyết)\s+(?:số\s*)?", re.IGNORECASE)


def _announced_national(text: str, numbers: list[DocNumber]) -> DocNumber | None:
    """A page that names no province and whose lead says a national document is issued ("Thủ tướng Chính phủ
    vừa ban hành Chỉ thị số 25/CT-TTg …") is about that document; anywhere else a national number is cited."""
    applied = {n.number for n in numbers if relation_before(text, n, None, None)}
    announced = [n for n in numbers if n.national and n.start < _NATIONAL_LEAD_CHARS and n.number not in applied
                 and _ISSUES_NUMBER.search(text[sentence_around(text, n.start)[0]:n.start])]
    if not announced or next(iter_mentions(text), None) is not None or _NAMED_UNIT.search(text):
        return None
    # a page that recounts what was issued over the years ("Ban Bí thư đã ra Chỉ thị 26 …, Bộ Chính trị ra Kết luận
    # số 16 …, Ban Tuyên giáo đã ban hành Hướng dẫn số 01-HD/BTGTW") announces none of them
    if len(_ISSUING_CLAUSE.findall(text)) >= RECOUNTED_DOCUMENTS:
        return None
    return announced[0]


def _signatories(number: DocNumber | None) -> int:
    """How many bodies issue a text jointly, by its number's codes ("02/QCPH-SNgV-SVHTTDL": two; a Party number's
    "12-KL/TW" and a committee's "58/KH-UBND": one)."""
    if number is None or "/" not in number.number or "-" in number.number.split("/")[0]:
        return 1
    return max(1, len(number.codes) - 1)


RECOUNTED_DOCUMENTS = 3
_ISSUING_CLAUSE = re.compile(r"\b(?:ra|ban hành|ký)\s+" + _DOC_TYPE_WORD.pattern + r"\s+(?:số\s*)?\d", re.IGNORECASE)


# "tỉnh Lam Điền": a province the gazetteer may not know
_NAMED_UNIT = re.compile(rf"\b(?:tỉnh|thành phố|Tỉnh|Thành phố|TỈNH|THÀNH PHỐ)\s+[{vi.UPPER}]")
# "… vừa ban hành Chỉ thị số ": the number that follows is what the sentence issues
_ISSUES_NUMBER = re.compile(r"\b(?:ký\s+)?ban hành\s+" + _DOC_TYPE_WORD.pattern + r"\s+(?:số\s*)?$", re.IGNORECASE)


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
        # "Số: 304-CP" … "QUYẾT ĐỊNH": a number without a type code, its type on a line of its own below it
        line = re.search(r"^[ \t]*(" + "|".join(t.upper() for t in DOC_TYPES) + r")(?:[ \t]+(?:LIÊN TỊCH|LIÊN NGÀNH|HÀNH ĐỘNG))?[ \t]*$",
                         text[number.end:number.end + TYPE_LINE_CHARS], re.MULTILINE)
        return _known_type(line.group(1)) if line else "Công văn"  # "404/BNG-NGVH": an official letter
    match = _ISSUED_TYPE_WORD.search(title or "")
    if match:
        return _known_type(match.group())
    announced = next((m for m in re.finditer(r"\bban hành\s+" + _DOC_TYPE_WORD.pattern, text[:1500], re.IGNORECASE)
                      if not recalled(text, m.start())), None)
    if announced:
        return _known_type(announced.group(1))  # "UBND tỉnh vừa ban hành kế hoạch …"
    # a page headed by what was signed ("Toàn văn Thỏa thuận hợp tác giữa …"), never a decision announced in it
    match = _DOC_TYPE_WORD.search(title or "")
    if match:
        return _known_type(match.group())
    named = _NAMED_BY_ORDINAL.search(text[:1500])  # "… hướng đến trong Kế hoạch số 9082 về …"
    if named and _cue_score(text, named.start()) >= 0:
        return _known_type(named.group(1))
    for verb in re.finditer(r"\bban hành\s+(?:vào\s+)?ngày\b", text[:1500], re.IGNORECASE):
        kind = announced_kind(text, verb.start())  # "kế hoạch … vừa được UBND tỉnh ban hành ngày …"
        if kind:
            return _known_type(kind)
    return None


TYPE_LINE_CHARS = 300  # how far below its number a document's type line may stand


# a document named by a bare ordinal, without the codes of a full number
_NAMED_BY_ORDINAL = re.compile(r"\b(" + "|".join(DOC_TYPES) + r")\s+số\s+\d{1,5}(?![\d/.-]*\w)")


def _known_type(word: str) -> str | None:
    folded = vi.fold(word.strip())
    return next((t for t in DOC_TYPES + SIGNED_TYPES if vi.fold(t) == folded), None)


def plan_field(text: str) -> str | None:
    return labelled(text, "Lĩnh vực")


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


def _with_name(text: str, name: str) -> str:
    """`text` with every spelling of `name` in any case written as `name` ("tỉnh vân sơn" → "tỉnh Vân Sơn")."""
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in name.split()) + r"(?!\w)"
    return re.sub(pattern, name, text, flags=re.IGNORECASE)


def extract_metadata(text: str, source: str) -> PlanMeta:
    text = vi.normalize(text)
    heading = headline(text)
    number = document_number(text, heading)
    kind = source_kind(text)
    upper = upper_title(text)
    title = heading or upper
    if not title and kind == "full_text":
        title = header_title(text, document_type(text, number, None))
    if not title and kind == "full_text":
        title = subject_title(text, document_type(text, number, None))
    title = title or mentioned_title(text, number)
    doc_type = document_type(text, number, title)
    carried_title, other_numbers, decision_signer = _carried_plan(text, number)
    if doc_type == "Quyết định":  # a decision that issues a plan is catalogued under the plan's title
        title = (carried_title or carried_plan_title(upper or "") or carried_plan_title(title or "")
                 or article_one_title(text) or title)
    if not title:
        title = f"{doc_type or 'Văn bản'} {number.number}" if number else lead_title(text) or Path(source).stem
    published = published_date(text)
    issued = issue_date(text, number, published)
    # (a page saved with its month only is of that month's year: "date 2025-05")
    about = read_about(text, number, kind, title, issued, published or published_month(text), source)
    # sentence case lowered a name the gazetteer does not know, or a ministry's ("… của bộ hợp tác văn hóa")
    for name in (about.province if not about.known_province else None,
                 about.issuer if about.issuer and about.issuer.startswith("Bộ ") else None):
        if name:
            title = _with_name(title, name)
            about.subject = _with_name(about.subject, name) if about.subject else None
    signer = decision_signer or document_signer(text, signatories=_signatories(number))
    if signer is None and number is not None and kind != "full_text":
        signer = cited_with(text, number.number, "signer")  # a page about the plan naming who signed it
    own_numbers = [n for n in (number.number if number else None, *other_numbers) if n]
    occurrences = cited_occurrences(text, own_numbers)
    return PlanMeta(
        title=title,
        number=number.number if number else None,
        doc_type=doc_type,
        # (a header naming no body: the body its own annex caption or a page citing it names)
        issuer=about.issuer or (cited_with(text, number.number, "issuer") if number else None),
        province=about.province,
        date=issued,
        signer=signer,
        signer_title=signer_title(text, signer),
        horizon=plan_horizon(title, text, issued),
        implements=[n for n in implemented_documents(text) if not number or n != number.number],
        source_kind=kind,
        field=plan_field(text),
        published=published,
        number_as_written=number.raw if number and number.raw and number.raw != number.number else None,
        other_numbers=other_numbers,
        relations=[r.to_dict() for r in relations_of(text, occurrences)],
        about=about.to_dict(),
        mentions=[m.to_dict() for m in index_mentions(text, occurrences)],
    )
