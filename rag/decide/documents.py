"""Whether the lines shown speak of the document a question names when the store only cites it ("Kế hoạch 94/KH-UBND
của tỉnh X có tổng kinh phí bao nhiêu?" while only a plan implementing 94 is stored): the host's own lines, or a
date of another event beside the citation, are not that document's."""
from __future__ import annotations

import re
from collections.abc import Collection

from ground import vi
from ground.numbers import find_numbers, kind_of_number
from rag.decide.events import as_typed
from rag.find.scope import Scope
from rag.understand import entities
from rag.understand.cited_numbers import CITED_BARE
from rag.understand.names import number_matches
from rag.understand.question import Question

# a document named as what the asked text implements or follows, not as the text asked about
# …or an event held on the document: "hội nghị quán triệt Kết luận 12 có bao nhiêu điểm cầu" asks of the meeting
_DESCRIBES = re.compile(r"\b(?:thuc hien|trien khai|theo|can cu|cu the hoa|kem theo|phe duyet|quan triet|pho bien"
                        r"|hoc tap|tong ket|so ket|ve)"
                        r"(?: [a-z]+){0,2} (?:quyet dinh|chi thi|ke hoach|nghi quyet|ket luan|cong van|van ban|nghi dinh|thong tu"
                        r"|qd|kh|ct|nq|nd|tt|cv)"  # ("theo NQ 23/2026 …": what the texts quoting it say)
                        r"(?: so)? \d")
DATE_REACH = 40  # characters between a cited document's number and its date, either side
# a figure a line gives once document numbers and dates are taken out ("12 nhiệm vụ", "2.580 triệu đồng")
_FIGURE = re.compile(r"(?<![\w/.-])\d[\d.,]*\s*(?:%|[^\W\d_])")


_DAY = re.compile(r"\d{1,2}\s*(?:/|-|\.|tháng)\s*\d")


def _line_at(text: str, at: int) -> str:
    return text[text.rfind("\n", 0, at) + 1:(text.find("\n", at) + 1 or len(text) + 1) - 1]


def _without_dates(line: str) -> str:
    for e in sorted(entities.documents(line) + [t for t in entities.tag(line) if t.kind == "date"],
                    key=lambda e: -e.start):
        line = line[:e.start] + " " + line[e.end:]
    return line


def cited_document_unsaid(q: Question, scope: Scope, shown: str, unnumbered_leads: str = "",
                          replaced: Collection[str] = ()) -> str | None:
    """The cited document the question asks about, when every document it names by number is one the store only
    cites and the lines do not speak of it (or, asked its date, give none beside it); None otherwise. A page with no
    number of its own whose lead names the document (`unnumbered_leads`) may be that document's full text; a
    document the lines' own texts replace (`replaced`) is never what they say ("theo Nghị quyết 14/2019 …" of the one
    that ended it)."""
    named = q.pq.numbers + q.pq.bare_numbers
    if not named or not scope.other_documents or not all(
            any(number_matches(n, o) for o in scope.other_documents) for n in named):
        return None
    ended = any(number_matches(n, r) for n in named for r in replaced)
    if _DESCRIBES.search(q.pq.folded) and not ended:
        return None  # "Chương trình thực hiện Chỉ thị 25/CT-TTg của tỉnh X": the number says which stored text is asked
    if ended:
        return ", ".join(scope.other_documents)
    if any(number_matches(n, e.text) for n in scope.other_documents for e in entities.documents(unnumbered_leads)) \
            or set(scope.other_documents) & {m.group(1) for m in CITED_BARE.finditer(unnumbered_leads)}:
        return None  # (…by its bare number too: "UBND tỉnh vừa ban hành Quyết định số 3254 về Quy chế …")
    spans = [(e.start, e.end) for e in entities.documents(shown) if any(
        number_matches(n, e.text) for n in scope.other_documents)]
    spans += [(m.start(1), m.end(1)) for m in CITED_BARE.finditer(shown) if m.group(1) in scope.other_documents]
    counted = q.answer_type == "number" or any(p.answer_type == "number" for p in q.parts)  # "… bao nhiêu chỉ tiêu, ai ký?"
    def names_cited(line: str) -> bool:  # by its number, or bare ("mục tiêu KH 20 đến 2026: 800")
        return any(number_matches(n, e.text) for n in scope.other_documents for e in entities.documents(line)) or any(
            m.group(1) in scope.other_documents for m in CITED_BARE.finditer(line))

    if spans and counted and not any(_FIGURE.search(_without_dates(line)) for line in shown.split("\n")
                                     if names_cited(line)):
        # "Kế hoạch … số 32/KH-SNgV có kinh phí bao nhiêu?": a line listing it by number and date gives no figure of it
        return ", ".join(scope.other_documents)
    tagged = [e for e in entities.tag(shown) if e.kind == "date"]
    dates = [e.start for e in tagged]
    days = [e.start for e in tagged if _DAY.search(e.text)]  # (a year alone, "Năm 2023, …", sets no day)
    if spans and q.answer_type == "date" and q.parts[0].intent != "date" and not any(
            all(d not in range(end, end + DATE_REACH) for _start, end in spans) for d in days if names_cited(_line_at(shown, d))):
        # "công văn 2210 yêu cầu nộp báo cáo trước ngày nào?": its lines date only its issue ("Công văn số 2210/UBND-NgV
        # ngày 10 tháng 11 năm 2023 …, có 06 cơ quan gửi báo cáo chậm"), no day it sets
        return ", ".join(scope.other_documents)
    if spans and not (len(q.parts) == 1 and q.parts[0].intent == "date"):
        return None
    if any(0 <= d - end <= DATE_REACH or 0 <= start - d <= DATE_REACH for start, end in spans for d in dates):
        return None  # "Kết luận số 57 ngày 15/6/2023", "Ngày 10/9/2008, Ban Bí thư ra Chỉ thị 26": its own date
    return ", ".join(scope.other_documents)


# "Thông tư hướng dẫn Nghị định 12/2012 … có số hiệu gì": the kind whose own number is asked, read at the start
# (…not "Kế hoạch … ban hành theo quyết định số mấy": the number asked is of the kind named right before it)
_KINDS = r"thong tu|quyet dinh|ke hoach|huong dan|cong van|chuong trinh|nghi dinh|quy che|de an|chi thi|van ban"
_NUMBER_WORD = r"(?:so hieu|so may|so bao nhieu|ky hieu)"
_OWN_KIND_ASKED = re.compile(rf"^(?:[a-z]+ ){{0,3}}?({_KINDS})\b.*\b{_NUMBER_WORD}\b")
# "… tờ trình số mấy", "… văn bản số mấy": the number asked right after a kind of its own, whatever the question opens with
_OTHER_KIND_BEFORE_NUMBER = re.compile(rf"\b(?:to trinh|van ban|bao cao|thong bao|ket luan|nghi quyet|cong van)(?: [a-z]+)? {_NUMBER_WORD}\b")
_KIND_BEFORE_NUMBER = re.compile(rf"\b({_KINDS})(?: (?:nao|nay|do))? {_NUMBER_WORD}\b")
_ANY_KIND = "van ban"  # "văn bản số mấy": a document of whatever kind


def other_kinds_number(q: Question, shown: str) -> str | None:
    """The number of a document of one kind is asked and the lines give only numbers of other kinds (the Nghị định
    a Thông tư carries out is no number of the Thông tư)."""
    asked = _KIND_BEFORE_NUMBER.search(q.pq.folded) or (
        None if _OTHER_KIND_BEFORE_NUMBER.search(q.pq.folded) else _OWN_KIND_ASKED.search(q.pq.folded))
    if not asked or asked.group(1) == _ANY_KIND:
        return None
    # (a number whose code names no kind, "118/SNgV-HTQT", "38/KHLN-…", may be of the kind asked: only known kinds differ)
    numbers = find_numbers(shown)
    if not numbers or any(kind_of_number(n.number) == "Công văn" or (n.codes or [""])[0].upper().startswith(
            _KIND_CODES.get(asked.group(1), "?")) for n in numbers):
        return None
    kinds = {vi.fold(kind_of_number(n.number)).lower() for n in numbers}
    return f"số hiệu của {as_typed(q.text, asked.group(1))} được hỏi" if asked.group(1) not in kinds else None


_KIND_CODES = {"ke hoach": "KH", "quyet dinh": "QĐ", "thong tu": "TT", "nghi dinh": "NĐ", "chuong trinh": "CTR",
               "huong dan": "HD", "chi thi": "CT", "de an": "ĐA", "quy che": "QC", "cong van": ""}

