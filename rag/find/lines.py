"""What a line of a text is: a sentence worth quoting or a header line, a field set out on its own line or inside one
("Địa điểm: Hà Nội", "…; thời gian: Tháng 5/2026; …") and the kind of value it gives, an item under a lead-in."""
from __future__ import annotations

import re

from ground import vi
from rag.understand import entities
from rag.understand.terms import strip_marker

_HEADER_LINE = re.compile(rf"^(?:[{vi.UPPER}][^,|\n]{{1,40}},\s*ngày\s+\d{{1,2}}\s+tháng\s+\d{{1,2}}\s+năm\s+\d{{4}}\.?"
                          r"|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc)\s*$")


def header_line(body: str, answer_type: str) -> bool:
    """The header's "Hà Nội, ngày 31 tháng 8 năm 2022" or the motto, quoted for nothing but a date asked."""
    return bool(_HEADER_LINE.match(body)) and (answer_type != "date" or body.startswith("Độc lập"))


def quotable(body: str) -> bool:
    """A sentence worth showing: not a heading, a date line or a label ("Loại văn bản Kế hoạch")."""
    if _PAGE_STAMP.match(body):  # "Cập nhật lúc : Thứ Bảy, 19/07/2008 - 9:44 AM": the page's, never an answer
        return False
    if _NUMBER_CELL.match(body) or _ANNEX_CAPTION.match(body) or _TABLE_CAPTION.match(body):  # "Số 27-CTr/TU | …"
        return False  # (…an annex's caption, "(Kèm theo Kế hoạch số 09-KH/… ngày …)", a table's, "Bảng 1. Kinh phí …")
    if _KEYED_VALUE.match(body) and not _HEADER_FIELD.match(body):  # "Năm 2028: 8,1 tỷ đồng;": a short line with a value
        return True
    if _FIELD_VALUE.match(body):  # "Địa điểm: Hà Nội": an event's or a task's field stated on its own line
        return True
    if _DAY_HEADING.match(body):  # "Ngày 15/9/2027 (Thứ Tư):" over that day's programme
        return True
    if _SHORT_FIGURE_SENTENCE.match(body):  # "Mascha năm nay 20 tuổi.": a short sentence stating a figure
        return True
    return len(body) >= 25 and not body.isupper() and len(body.split()) >= 5


_SHORT_FIGURE_SENTENCE = re.compile(r"^[A-ZĐ\w][^\n:|]*\s\d[\d.,]*\s+\w[^\n:|]*[.!]$")


_TABLE_CAPTION = re.compile(r"^(?:Bảng|BẢNG|Biểu|BIỂU)\s+(?:số\s+)?[\dIVX]+[a-z]?\s*[.:]\s*[^.;:]{3,160}$")
_DAY_HEADING = re.compile(r"^(?:Ngày|NGÀY)\s+(?:\d{1,2}\s*[-–:]\s*)?\d{1,2}/\d{1,2}(?:/\d{4})?\b.{0,30}:\s*$")


_PAGE_STAMP = re.compile(r"^(?:Cập nhật|Ngày cập nhật|Ngày đăng|Đăng ngày|Đăng lúc|Thời gian đăng|Ngày tạo|Lượt xem)\b",
                         re.IGNORECASE)
_NUMBER_CELL = re.compile(r"^Số\s*:?\s*\S+\s*\|")
_ANNEX_CAPTION = re.compile(r"^\(\s*(?:Ban hành )?[Kk]èm theo [^()]{0,200}\)\.?$")
_HEADER_FIELD = re.compile(r"^(?:Số|Ngày|Số hiệu|Ký hiệu|Ngày ban hành|Cập nhật|Ngày đăng)\s*:", re.IGNORECASE)
# The fields a plan sets out for an event or a task, each on a line of its own with its value after a colon.
_FIELD_VALUE = re.compile(
    r"^(?:Thời gian(?: [^\W\d_]+){0,3}|Địa điểm(?: [^\W\d_]+){0,3}|Địa chỉ(?: liên hệ)?|Trụ sở(?: chính)?|(?:Thời hạn|Hạn)(?: hoàn thành| gửi| nộp| chót)?"
    r"|Tiến độ|Chủ trì|"
    r"(?:Cơ quan|Đơn vị) (?:chủ trì|phối hợp|thực hiện|tổ chức)|Phối hợp|Thành phần(?: tham dự)?|Quy mô|Hình thức|"
    r"Chủ đề|Trưởng đoàn|(?:Nguồn )?[Kk]inh phí|Sản phẩm|Đối tượng)\s*:\s*\S.{1,118}$")
# What kind of value each field label gives (rag.understand.question.ANSWER_TYPES).
_FIELD_KINDS = (("place", re.compile(r"^(?:Địa điểm|Địa chỉ|Trụ sở)")), ("date", re.compile(r"^(?:Thời gian|Thời hạn|Hạn |Tiến độ)")),
                ("agency", re.compile(r"^(?:Chủ trì|(?:Cơ quan|Đơn vị) (?:chủ trì|thực hiện|tổ chức)|Trưởng đoàn)")))


def field_kind(body: str) -> str | None:
    """The kind of value a field line gives ("Địa điểm: Hà Nội" → place), None for any other line."""
    if not _FIELD_VALUE.match(body):
        return None
    return next((kind for kind, label in _FIELD_KINDS if label.match(body)), None)


def field_kinds(body: str) -> set[str]:
    """The kinds of value a line of fields gives, one field after another ("Thời gian: ngày 05/12/2027; địa điểm:
    Quảng trường …; quy mô …" → date and place); none unless the line opens with a field."""
    fields = [f.strip() for f in body.split(";")]
    if not fields or not _FIELD_VALUE.match(fields[0] if len(fields) > 1 else body):
        return set()
    kinds = {field_kind(f[:1].upper() + f[1:]) for f in fields if _FIELD_VALUE.match(f[:1].upper() + f[1:])}
    return {k for k in kinds if k}


# a field set out inside a line, after its start or a semicolon ("…; địa điểm: Athens, Thessaloniki; thời gian: …")
_INNER_FIELD = re.compile(r"(?:^|;\s*)(?P<label>(?:địa điểm|địa chỉ|trụ sở|thời gian|thời hạn|(?:đơn vị |cơ quan )?chủ trì)"
                          r"(?: tổ chức| thực hiện)?)\s*:\s*(?P<value>[^;:]{2,120}?)\s*(?=;|$|\.\s*$)", re.IGNORECASE)
_INNER_KINDS = (("place", ("địa",  "trụ")), ("date", ("thời",)), ("agency", ("đơn", "cơ", "chủ")))


def labelled_values(body: str) -> list[entities.Entity]:
    """The values of the fields a line sets out (place, date, agency), each as an entity of its field's kind."""
    out = []
    for m in _INNER_FIELD.finditer(body):
        first = m.group("label").split()[0].lower()
        kind = next(k for k, words in _INNER_KINDS if first in words)
        out.append(entities.Entity(kind, m.start("value"), m.end("value"), m.group("value")))
    # a figure a field states bare, its unit in the field's name ("điểm thẩm định năm 2025: 58,0;")
    out += [entities.Entity("number", m.start(1), m.end(1), m.group(1)) for m in _FIGURE_FIELD.finditer(body)]
    return out


_FIGURE_FIELD = re.compile(r":\s+(\d[\d.,]*)(?=\s*(?:;|\.?\s*$))")  # (a space after the colon: "08:30" is an hour)


_KEYED_VALUE = re.compile(r"^[^:\d]{2,40}?\s?\d{0,4}\s*:\s*[^:]*\d[^:]{0,40}$")


def body_item(text: str) -> bool:
    """An item: a list marker, or a keyed value line under a lead-in ("Sở Ngoại vụ: 3.200.000.000 đồng;")."""
    body = strip_marker(text)
    return body != text.strip() or bool(_KEYED_VALUE.match(body)) and not _HEADER_FIELD.match(body)
