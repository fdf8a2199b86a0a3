"""Deadlines as plans write them: "trước 30/6/2025", "năm 2025", "2022-2025", "hằng năm", "Quý IV/2024"."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ground import vi


@dataclass(frozen=True)
class Deadline:
    text: str  # as written: "hằng năm", "trước 31/12/2025", "giai đoạn 2022–2025"
    due_year: int | None  # latest year by which it is due
    period: tuple[int, int] | None  # explicit span of years
    recurring: bool  # hằng năm, thường xuyên, định kỳ, hằng quý …


_YEAR = r"(?:19|20)\d\d"
_RECURRING = re.compile(
    r"\b(?:(?:hang|moi) (?:nam|quy|thang|tuan|ky)|thuong xuyen|dinh ky|lien tuc|cac nam tiep theo|"
    r"nam tiep theo|tro di)\b"
)
_RANGE = re.compile(rf"\b({_YEAR})\s*(?:-|–|—|den(?: het)?(?: nam)?|toi(?: nam)?)\s*({_YEAR})\b")
_ANY_YEAR = re.compile(rf"(?<!\d)({_YEAR})(?!\d)")


def parse_deadline(text: str) -> Deadline:
    """Read a deadline or period as written in a plan (a table cell or a phrase).

    due_year is the latest year named (the end of a period); recurring marks repeated or continuous
    work. Dates and quarters give their year: "trước 31/12/2025" → 2025, "Quý III/2022" → 2022.
    """
    written = " ".join(text.split())
    folded = vi.fold(written)
    recurring = _RECURRING.search(folded) is not None
    period = None
    for m in _RANGE.finditer(folded):
        a, b = int(m.group(1)), int(m.group(2))
        if a <= b:
            period = (a if period is None else min(a, period[0]), b if period is None else max(b, period[1]))
    years = [int(y) for y in _ANY_YEAR.findall(folded)]
    due_year = max(years) if years else None
    if re.search(rf"\btu (?:nam )?{_YEAR}\b", folded) and period is None and len(years) == 1:
        # "từ năm 2023 trở đi": a start, not a due date
        recurring, due_year = True, None
    return Deadline(written, due_year, period, recurring)


# Deadline phrases inside running text. Each needs a cue so that dates of cited documents
# ("Quyết định số 2013/QĐ-TTg ngày 30/11/2021") and titles ("Chiến lược … đến năm 2030") are not read.
_DATE = r"\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*" + _YEAR + r")?"  # "30/6/2027", "30-6-2027", "30.6.2027"
_DATE_WORDS = r"\d{1,2} thang \d{1,2}(?: nam " + _YEAR + r")?"
_QUARTER = r"quy\s+(?:iv|i{1,3}|[1-4])\s*(?:/|nam|-)\s*" + _YEAR
_MONTH = r"thang\s+\d{1,2}\s*(?:/|-|nam)\s*" + _YEAR
_PHRASES = re.compile(
    "|".join(
        [
            # a day, month or quarter that repeats: "trước ngày 20 hằng tháng", "vào tháng 12 hằng năm"
            r"(?:(?:truoc|vao|trong|den|cham nhat)\s+)?(?:ngay\s+\d{1,2}(?:\s*/\s*\d{1,2})?|thang\s+\d{1,2}|"
            r"quy\s+(?:iv|i{1,3}|[1-4]))\s+(?:cua\s+)?(?:hang|moi) (?:nam|thang|quy)",
            rf"(?:truoc|cham nhat|han chot|den het|den|trong)\s+(?:ngay\s+)?(?:{_DATE}|{_DATE_WORDS})",
            rf"(?:trong |vao |truoc |den het |den )?(?:{_QUARTER}|{_MONTH})",
            rf"(?:6|sau) thang (?:dau|cuoi) nam {_YEAR}",
            rf"(?:trong |tu )?(?:giai doan|nam)?\s*{_YEAR}\s*(?:-|–|—|den(?: het)?(?: nam)?)\s*{_YEAR}",
            rf"(?:trong|vao|hoan thanh(?: trong| truoc)?|truoc|den het|den|cuoi|dau|giua|tu)\s+(?:nam\s+)?{_YEAR}"
            r"(?: tro di)?",
            r"(?:dinh ky )?(?:hang|moi) (?:nam|quy|thang|tuan)",
            r"thuong xuyen|dinh ky(?: \d+ thang)?|lien tuc",
        ]
    )
)
_WEAK_YEAR = re.compile(rf"\bnam ({_YEAR})\b")
_LABEL = re.compile(r"thoi (?:gian|han)(?: thuc hien| hoan thanh)?\s*:\s*")
# A year that belongs to a document title or vision: "Chiến lược … đến năm 2030", "tầm nhìn đến năm 2045".
_TITLE_WORD = re.compile(r"Chiến lược|Kế hoạch|Chương trình|Đề án|Quy hoạch|Nghị quyết|Quyết định|Chỉ thị|"
                         r"Kết luận|Luật|chiến lược|tầm nhìn")


# Phrases a title never uses: with these cues a year is always a deadline.
_DEADLINE_CUE = re.compile(r"truoc|vao|trong|tu |den het|hoan thanh|cham nhat|han chot|quy|thang|hang|moi|dinh ky|thuong xuyen|"
                           r"lien tuc|cuoi|dau|giua|6|sau")


def _in_title(text: str, start: int) -> bool:
    if _DEADLINE_CUE.match(vi.fold_same_length(text[start:start + 12])):
        return False
    clause = re.split(r"[;:.()]", text[:start])[-1]  # not at commas: titles contain them
    return _TITLE_WORD.search(clause) is not None


def find_deadline(text: str) -> tuple[Deadline, int, int] | None:
    """The deadline stated in a task sentence, with its span in `text`; None when there is none."""
    folded = vi.fold_same_length(text)
    label = _LABEL.search(folded)
    if label:
        end = label.end() + len(re.split(r"[;.)\n]", text[label.end():])[0])
        cell = text[label.end():end].strip(" ,")
        if cell:
            return parse_deadline(cell), label.end(), label.end() + len(text[label.end():end].rstrip(" ,"))
    spans = [(m.start(), m.end()) for m in _PHRASES.finditer(folded) if not _in_title(text, m.start())]
    if not spans:
        spans = [(m.start(), m.end()) for m in _WEAK_YEAR.finditer(folded) if not _in_title(text, m.start())]
        spans = spans[-1:]
    if not spans:
        return None
    start, end = spans[0][0], spans[-1][1]
    gaps = [text[a[1]:b[0]] for a, b in zip(spans, spans[1:], strict=False)]
    if all(len(g) <= 12 for g in gaps):
        written = text[start:end]
    else:  # far apart: name each
        written = ", ".join(text[a:b] for a, b in spans)
    return parse_deadline(written), start, end
