"""Dates of a document: its issue date and the date of the page that carries it.

Evidence, most explicit first: a "Ngày ban hành" line of a law-library page, the "Cao Bằng, ngày … tháng …
năm …" line under the emblem (also inside a header table flattened with "|"), the date written after the
document's number, the date that opens the sentence announcing it. Dates are written "04/05/2022",
"4-8-2022", "4.8.2022" or in words; "ngày 21/5" without a year takes the year of the page's own date.
A portal's date banner or print date ("Chủ nhật, Ngày 27/10/2024") is neither the issue date nor the
page's date.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from ground import vi
from ground.numbers import DocNumber, find_numbers
from ingest.clean import NUMERIC_DATE, is_date_banner, is_dateline

# "ngày 12 tháng 3 năm 2027", also a dateline written "ngày 12-3-2027" or "ngày 12/3/2027"
_WORDED = r"ngày\s+(\d{1,2})\s*(?:\s+tháng\s+|[-/.]\s*)(\d{1,2})\s*(?:\s+năm\s+|[-/.]\s*)(\d{4})"
# "Cao Bằng, ngày …", also after the motto run together on one line ("… Độc lập - Tự do - Hạnh phúc Hà Nội, ngày …")
# (not a sentence that looks back or on, "Trước đó, ngày 14/9/2015, Bộ …", nor a site's clock, "Thứ Sáu, ngày …":
# no place dates the page)
PLACE_DATE = re.compile(r"(?:^|\n|\||Hạnh phúc[ \t\-–]*)\s*(?!Trước đó|Trước đây|Sau đó|Cách đây|Thứ \w+,|Chủ [Nn]hật)[" + vi.UPPER + r"][^\n,|]{1,40},\s*" + _WORDED)
# "Ngày tạo: 11/08/2023 16:35", "Cập nhật : 26/02/2020 10:08:00 SA - Số lượt đọc : 23"
_STAMP = re.compile(
    r"^\s*(?:Ngày tạo|Ngày đăng|Ngày cập nhật|Cập nhật|Đăng ngày|Đăng lúc|Thời gian đăng|Ngày xuất bản|Ngày)"
    r"(?:\s+lúc)?\s*:?\s*(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:SA|CH|AM|PM)?\s*)?"
    r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)", re.IGNORECASE)
# a date then a clock time ending a line, bracketed or not: when the page was posted, never a document's date
DATE_CLOCK = re.compile(r"\(?\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:SA|CH|AM|PM)?\s*\)?\s*$")
# a clock time then a date ending a short line: a byline's posting time
_BYLINE_CLOCK = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*,?\s*(?:ngày\s+)?(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\s*$")
# "T.S 08/01/2024 08:45": the writer's initials before the page's timestamp
_BYLINE_INITIALS = re.compile(r"^(?:[" + vi.UPPER + r"]\.){1,3}[" + vi.UPPER + r"]?\s+(?=\d)")
_PRINT = re.compile(r"\b(?:ngày in|in ngày|bản in|truy cập|ngày xem|print)\b", re.IGNORECASE)
# a date (numeric or worded, the year optional) as one pattern: groups day, month, year
_ANY_DATE = re.compile(
    r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?(?![\d/.-]\d)"
    r"|ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?", re.IGNORECASE)
_AFTER_NUMBER = re.compile(
    r"\s*,?\s*(?:ban hành\s+)?ngày\s+(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?(?![\d/.-]\d)"
    r"|(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?)", re.IGNORECASE)
_LEAD_CHARS = 1200
_LEAD_WORDS = 18  # words between an opening date and the verb it dates ("Ngày …, Phó Thủ tướng … đã ký ban hành")
_ISSUE_VERB = re.compile(r"\bban\s+hành\b", re.IGNORECASE)
# "ngày 17/3/2023 UBND tỉnh X đã " before "ban hành": the issuing body between the date and the verb
_BODY_THEN_VERB = re.compile(r"\s+(?:UBND|Ủy ban|Uỷ ban|Bộ|Sở|Thủ tướng|Chính phủ|HĐND|Hội đồng)\b[^,;.\n]{0,60}?"
                             r"(?:đã|vừa)?(?:\s+(?:có|ra))?\s*$")  # "… Sở Ngoại vụ đã có Công văn số 512 …"


def iso_date(day: int | str, month: int | str, year: int | str) -> str | None:
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except (TypeError, ValueError):
        return None


# Field labels of law-library pages. Several may share one line ("Nơi ban hành: Tỉnh X Người ký: Y"): the
# value of one runs up to the next.
FIELD_LABELS = ("Số hiệu", "Số ký hiệu", "Ký hiệu", "Loại văn bản", "Nơi ban hành", "Cơ quan ban hành", "Người ký",
                "Ngày ban hành", "Ngày có hiệu lực", "Ngày hiệu lực", "Ngày hết hiệu lực", "Ngày công báo",
                "Số công báo", "Tình trạng hiệu lực", "Tình trạng", "Lĩnh vực", "Trích yếu", "Chức danh")
# the next label of a row, after a space or glued to the value ("Loại văn bản:Quyết địnhNgười ký:…")
_NEXT_FIELD = re.compile(r"(?:[ \t]+|(?<=[a-zà-ỹđ]))(?:" + "|".join(FIELD_LABELS) + r")[ \t]*:")
_FIELD_VALUE_WORDS = 10


def labelled(text: str, label: str) -> str | None:
    """The value of a labelled field: "Người ký Trần Văn A", "Số hiệu: 317/KH.UBND | Loại văn bản: …",
    "Người ký: | Nguyễn Văn Hùng |" (the value in the next cell),
    the label alone on its line and the value on the next, or one of several "Label: value" fields on a line."""
    # a table row may put the value in the next cell: "Người ký: | Nguyễn Văn Hùng |"
    # (…or a field of a bulleted list: "- Ngày ban hành: 26/07/2019")
    pattern = (r"(?:^|\||(?<=[a-zà-ỹđ]))[ \t]*(?:[-•*+][ \t]+)?" + label + r"[ \t]*:?[ \t]*(?:\|[ \t]*(?=[^|\s]))?(?:\n[ \t]*(?=\S))?"
               r"([^|\n]{1,80}?)[ \t]*(?=\||$)")
    for match in re.finditer(pattern, text, re.MULTILINE):
        value = match.group(1).strip(" :")
        following = _NEXT_FIELD.search(value)
        if following:  # "Tỉnh X Người ký: Y": the next field starts
            value = value[:following.start()].strip(" :")
        if value and len(value.split()) <= _FIELD_VALUE_WORDS:
            return value
    # "Nơi ban hành: Tỉnh X Người ký: Y" — a field after another on the same line (the colon is required)
    inline = re.compile(r"(?<=\S)[ \t]+" + label + r"[ \t]*:[ \t]*([^|\n]{1,80})", re.MULTILINE)
    for match in inline.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if not _NEXT_FIELD.search(" " + text[line_start:match.start() + 1]):
            continue  # a label word inside a sentence, not a row of fields
        value = match.group(1)
        following = _NEXT_FIELD.search(value)
        value = (value[:following.start()] if following else value).strip(" :")
        if value and len(value.split()) <= _FIELD_VALUE_WORDS:
            return value
    return None


def published_date(text: str) -> str | None:
    """The page's own timestamp ("Ngày cập nhật 29/04/2022", "28-02-2022 09:56", "Ngày tạo: 11/08/2023"): the first,
    or of several the one whose day the story tells again ("Thứ 5, 14/11/2024" the site's clock above the title,
    "Thứ 5, 08/11/2018" under it and "Sáng ngày 8/11, …" in the lead)."""
    stamps = list(dict.fromkeys(_stamps(text)))
    if len(stamps) > 1:
        told = next((iso for iso in stamps if _day_told(text[:LEAD_TELLS_CHARS], iso)), None)
        if told:
            return told
    return stamps[0] if stamps else None


LEAD_TELLS_CHARS = 3000  # how far into a page its story tells the day it is dated by


def _day_told(text: str, iso: str) -> bool:
    day, month = int(iso[8:10]), int(iso[5:7])
    return bool(re.search(rf"(?<![\d/.-])0?{day}[/.-]0?{month}(?![\d/.-]*\d)", text))


def _stamps(text: str) -> Iterator[str]:
    for line in text.split("\n")[:40]:
        line = _BYLINE_INITIALS.sub("", line.strip())
        if not line or _PRINT.search(line) or is_date_banner(line):
            continue
        match = NUMERIC_DATE.search(line)
        stamp = _STAMP.match(line)
        clock = DATE_CLOCK.search(line)  # "Kế hoạch … năm 2014 (28/03/2014 10:50:05 SA)": a portal's title stamp
        byline = _BYLINE_CLOCK.search(line)  # "Lê Phương - 15:10, 27/12/2022": the writer, then when it was posted
        found = (iso_date(match.group(1), match.group(2), match.group(3)) if match and is_dateline(line)
                 else iso_date(*stamp.groups()) if stamp and len(line.split()) <= 16  # (a dateline: a numeric date)
                 else iso_date(*clock.groups()) if clock
                 else iso_date(*byline.groups()) if byline and len(line.split()) <= 8 else None)
        if found:
            yield found


_STAMP_MONTH = re.compile(r"^\s*Ngày đăng\s*:\s*tháng\s+(\d{1,2})\s*/\s*((?:19|20)\d\d)\s*$", re.MULTILINE)


def published_month(text: str) -> str | None:
    """The month a saved page was posted in ("Ngày đăng: tháng 5/2025" → "2025-05") when its day is not known."""
    match = _STAMP_MONTH.search(text[:400])
    return f"{match.group(2)}-{int(match.group(1)):02d}" if match and 1 <= int(match.group(1)) <= 12 else None


def recalled(text: str, start: int) -> bool:
    """The sentence holding `start` looks back ("Trước đó, …"): it tells of an earlier document, not of the page's."""
    return bool(vi.LOOKS_BACK.match(text, sentence_around(text, start)[0]))


def sentence_around(text: str, start: int) -> tuple[int, str]:
    """(offset, text) of the sentence holding `start` (a line break also ends a sentence)."""
    ends = (m.end() for m in re.finditer(r"[.!?]\s", text[:start])
            if not (text[m.start()] == "." and vi.abbreviation_before(text, m.start())))
    left = max(text.rfind("\n", 0, start), max(ends, default=-1))
    left = max(left, 0)
    end = len(text)
    for right in re.finditer(r"[.!?](?:\s|$)|\n", text[start:]):
        if not (right.group(0)[0] == "." and vi.abbreviation_before(text, start + right.start())):
            end = start + right.start()
            break
    return left, text[left:end]


def year_for(month: int, published: str | None) -> int | None:
    """'Ngày 10/02' in an article of 28-02-2022 is 2022; in one of January it would be the year before."""
    if not published:
        return None
    pub = date.fromisoformat(published)
    return pub.year if month <= pub.month else pub.year - 1


def _dated(day: str, month: str, year: str | None, published: str | None) -> str | None:
    year_value = int(year) if year else year_for(int(month), published)
    return iso_date(day, month, year_value) if year_value else None


def _date_of(match: re.Match, published: str | None) -> str | None:
    day, month, year = match.groups()[:3] if match.group(1) else match.groups()[3:]
    return _dated(day, month, year, published)


def _belongs_to_a_number(text: str, start: int, numbers: list[DocNumber], end: int) -> bool:
    """'… Chỉ thị số 25/CT-TTg ngày 10/9/2021': that date is the Chỉ thị's."""
    return any(0 <= start - n.end <= 16 and re.fullmatch(r"[\s,]*(?:ban hành\s+)?(?:ngày\s*)?",
                                                          text[n.end:start], re.IGNORECASE)
               and not opens_issuing_clause(text, n.end, start, end) for n in numbers)


_ISSUING_CLAUSE = re.compile(r"\s*,\s*[^,.;\n]{2,80}?\s(?:đã\s+|vừa\s+)?(?:ký\s+)?ban hành\b")


def opens_issuing_clause(text: str, number_end: int, date_start: int, date_end: int) -> bool:
    """"Kết luận số 16-KL/TW, ngày 06-8-2012, Thủ tướng Chính phủ ban hành Chỉ thị …": a date set off by commas
    and followed by who issued what opens the next clause; it is not the date of the number before it."""
    return "," in text[number_end:date_start] and bool(_ISSUING_CLAUSE.match(text, date_end))


def declared_issue_date(text: str) -> str | None:
    value = labelled(text, "Ngày ban hành")
    match = NUMERIC_DATE.search(value or "")
    return iso_date(*match.groups()) if match else None


def issue_date(text: str, number: DocNumber | None, published: str | None) -> str | None:
    declared = declared_issue_date(text)
    if declared:
        return declared
    place_date = PLACE_DATE.search(text)
    labelled_number = number is not None and re.search(r"\bSố(?: hiệu| ký hiệu)?\s*:?\s*$", text[max(0, number.start - 16):number.start])
    if place_date and (number is None or labelled_number):
        return iso_date(*place_date.groups()[-3:])
    if number is not None:
        # "… Kế hoạch số 173/KH-UBND ngày 28/4/2022": the date right after the number
        m = _AFTER_NUMBER.match(text, number.end)
        # …or after the same number written again further on ("(Ban hành theo Quyết định số 1053/QĐ-BVBTTDL ngày
        # 28 tháng 3 năm 2011 …)" under a page label "1053/QĐ-BVHTTDL"), a letter of its code mistyped or not
        for again in (n for n in find_numbers(text) if n.start > number.start and _spelled_alike(n, number)):
            m = m or _AFTER_NUMBER.match(text, again.end)
        if m:
            return _date_of(m, published)
        if place_date:  # a page about a plan it names without its date: the page's own place and date, as before
            return iso_date(*place_date.groups()[-3:])
        left, _ = sentence_around(text, number.start)
        return opening_date(text, left, number.start, published)
    # no number: "ngày 21 tháng 5 năm 2019, UBND tỉnh … đã ban hành Kế hoạch …"
    for verb in _ISSUE_VERB.finditer(text, 0, _LEAD_CHARS):  # the article's lead announces its subject
        if recalled(text, verb.start()):
            continue  # ("Trước đó, ngày 14/9/2015, Bộ … đã ban hành …": an earlier document's date)
        passive = _AFTER_VERB.match(text, verb.end())
        if passive and announced_kind(text, verb.start()):  # "kế hoạch … do UBND tỉnh ban hành ngày 23/2/2022"
            return _date_of(passive, published)
        # "ban hành Kế hoạch …", or any capitalised document name ("ban hành Kế công tác …" as one page misspells it)
        if not re.match(r"\s+(?:Kế hoạch|Chương trình|Quyết định|Chỉ thị|Đề án|Công văn|[" + vi.UPPER + r"])",
                        text[verb.end():]):
            continue
        left, _ = sentence_around(text, verb.start())
        found = opening_date(text, left, verb.start(), published)
        if found:
            return found
    return None


def _spelled_alike(a: DocNumber, b: DocNumber) -> bool:
    """The same number, its issuer's code perhaps a letter off ("1053/QĐ-BVBTTDL" for "1053/QĐ-BVHTTDL")."""
    if a.number.split("/")[0] != b.number.split("/")[0] or a.codes[0] != b.codes[0]:
        return False
    x, y = a.codes[-1], b.codes[-1]
    return len(x) == len(y) and sum(p != q for p, q in zip(x, y, strict=True)) <= 1


_AFTER_VERB = re.compile(r"\s+(?:vào\s+)?ngày\s+(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?(?![\d/.-]\d)"
                         r"|(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?)", re.IGNORECASE)
_KIND_NAMED = re.compile(r"\b(kế hoạch|chương trình|quyết định|chỉ thị|đề án|nghị quyết)\b", re.IGNORECASE)


def announced_kind(text: str, verb: int) -> str | None:
    """The kind of document a sentence names before its issuing verb when it names no number ("Đó là nội dung
    trong kế hoạch … vừa được UBND tỉnh ban hành ngày …" → 'kế hoạch'): the document an article reports on."""
    left, _ = sentence_around(text, verb)
    before = text[left:verb]
    kinds = list(_KIND_NAMED.finditer(before))
    return kinds[0].group(1) if kinds and not find_numbers(before) else None


def opening_date(text: str, left: int, before: int, published: str | None) -> str | None:
    """The last date of the clause that leads to an issuing verb or number: "Ngày 28/4/2022, UBND tỉnh ban
    hành …", "…; ngày 21/5/2019, UBND tỉnh ban hành …" — unless it is another document's date."""
    numbers = find_numbers(text[left:before])
    dates = [m for m in _ANY_DATE.finditer(text, left, before)]
    if not dates:
        return None
    m = dates[-1]
    between = text[m.end():before]
    stops = [s for s in re.finditer(r"[;.]", between)
             if s.group() == ";" or not vi.abbreviation_before(text, m.end() + s.start())]
    if "\n" in between or stops or len(between.split()) > _LEAD_WORDS:
        return None
    if any(left + n.start >= m.end() for n in numbers):  # another number between: the date is not ours
        return None
    if _belongs_to_a_number(text, m.start(), [DocNumber(n.number, left + n.start, left + n.end) for n in numbers], m.end()):
        return None
    if not _ISSUE_VERB.search(between) and not re.match(r"\s*,", between) and not _BODY_THEN_VERB.match(between):
        return None
    return _date_of(m, published)


# a date typed with a doubled slash ("ngày 18/12//2011"): one date, as every reader of it takes it
_DOUBLED_SLASH = re.compile(r"\b(\d{1,2}/\d{1,2})//((?:19|20)\d\d)\b")
# a day glued to its word by the source site ("tối ngày14/10/2016"): apart, as the site meant it
_GLUED_DAY = re.compile(r"(?i)\b(ngày|tháng|năm)(\d{1,2}/\d{1,2}(?:/(?:19|20)\d\d)?|\d{1,2}/(?:19|20)\d\d|(?:19|20)\d\d)\b")


def mend_dates(text: str) -> str:
    """Dates as the site meant them: a doubled slash once, a day glued to "ngày" apart."""
    return _GLUED_DAY.sub(r"\1 \2", _DOUBLED_SLASH.sub(r"\1/\2", text))
