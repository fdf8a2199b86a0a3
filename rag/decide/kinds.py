"""Whether a line carries a value of the kind a part of a question asks: a place for "ở tỉnh nào", a person for "ai".
A line that only echoes the question's words ("Đại sứ … phát biểu bế mạc Hội nghị" for "tổ chức ở tỉnh nào?") states
none, and the part is said to be missing rather than answered with it."""
from __future__ import annotations

import re

from ground import vi
from ground.places import iter_mentions
from rag.understand import entities
from rag.understand.question import Part

# what the part asks, said in the note when no line states it
MISSING = {"place": "địa điểm được hỏi", "person": "người được hỏi", "date": "thời gian được hỏi", "time": "giờ được hỏi"}


_SAID_WHEN = re.compile(r"(?i)\bthời gian(?: thực hiện| tổ chức)?\s*:|\b(?:vào )?dịp\s+\w")
# a place said by its label or after "tại"/"ở", whatever its name ("Địa điểm: Hội trường UBND tỉnh")
_SAID_WHERE = re.compile(r"(?i)\b(?:địa điểm|địa chỉ|nơi tổ chức|nơi ở|nơi làm việc)\s*:|\b(?:tại|ở)\s+\w")


_ASKS_DEADLINE = re.compile(r"\b(?:han chot|thoi han|han cuoi|han(?! quoc| che| muc| ngach))(?: [a-z]+){0,4} (?:luc nao|khi nao"
                            r"|ngay nao|bao gio)\b")  # ("Hàn Quốc … vào ngày nào", "hạn chế": no deadline)
_SAYS_DEADLINE = re.compile(r"(?i)\b(?:trước|chậm nhất|hạn|hết ngày|đến hết|đến ngày|kết thúc|không quá)\b")


def states_kind(part: Part, line: str, question: str = "") -> bool:
    """The line names a value of the kind the part asks (places, people, and a date beyond a year the question itself
    names: "cuộc thi … năm 2023 … hạn nộp bài lúc nào?" is not answered by the title "… năm 2023"); other kinds have
    checks of their own, or are said in too many ways to tell."""
    if part.answer_type == "date":
        if _ASKS_DEADLINE.search(vi.collapse(part.text)) and not _SAYS_DEADLINE.search(line):
            return False  # "hạn nộp bài lúc nào?": the day a contest was launched is no deadline
        if _SAID_WHEN.search(line):
            return True  # "vào dịp Tết Nguyên đán", "Thời gian: cả năm"
        return any(e.kind in ("date", "period") and not ((year := _bare_year(e.text)) and year in question)
                   for e in entities.tag(line))
    if part.answer_type == "place":
        if _SAID_WHERE.search(line):
            return True  # "Địa điểm: Nhà văn hóa xã", "… diễn ra ở hội trường lớn của Sở"
        tagged = entities.tag(line)
        people = [(e.start, e.end) for e in tagged if e.kind == "person"]  # ("Nguyễn Phương Nga" names no Nga)
        return bool(entities.foreign_places(line) or list(iter_mentions(line)) or entities.venues(line) or any(
            e.kind == "place" and not any(a <= e.start < b for a, b in people) for e in tagged))
    if part.answer_type == "person":  # ("ai chủ trì?" is answered by a body too: "Sở Ngoại vụ chủ trì")
        return any(e.kind in ("person", "agency") for e in entities.tag(line))
    return True


def _bare_year(text: str) -> str | None:
    m = re.fullmatch(r"(?:(?i:năm|nam)\s+)?((?:19|20)\d\d)", text.strip())
    return m.group(1) if m else None


# "ngày mấy âm lịch", "theo lịch âm": a day of the lunar calendar, which a solar date does not give ("du lịch, ẩm thực"
# folds to "lich am" too: read with its tone marks when it has them)
_LUNAR_ASKED = re.compile(r"âm lịch|lịch âm", re.IGNORECASE)


def lunar_unsaid(question: str, shown: str) -> str | None:
    """A lunar day asked of lines giving none ("tháng 3/2029" is a solar month)."""
    asked = _LUNAR_ASKED.search(vi.normalize(question)) if vi.has_diacritics(question) \
        else re.search(r"\bam lich\b", vi.collapse(question))
    if not asked:
        return None
    return None if re.search(r"\b(?:am lich|thang gieng|thang chap|ram thang|mung \d|mong \d)\b", vi.collapse(shown)) \
        else "ngày âm lịch được hỏi"
