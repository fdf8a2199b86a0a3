"""The days a text tells of: a programme whose days are headings ("Ngày 13/7/2027 (thứ Ba)" over "- 08h00: Lễ khai
mạc …") answers the day a question names with the items under its heading; "Sáng nay, …" is the page's own day."""
from __future__ import annotations

import re

from ground.display import display_date
from rag.compose.citations import Point
from rag.find.plans import PlanIndex

_DAY = re.compile(r"\b(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*((?:19|20)\d\d))?\b")
# ("Thứ Ba, ngày 23/10/2029": its weekday first)
_HEADING = re.compile(r"^\s*(?:[-•*]\s*)?(?:(?:[Tt]hứ|THỨ)\s+\w+\s*,?\s*|(?:[Cc]hủ\s+nhật|CHỦ\s+NHẬT)\s*,?\s*)?"
                      r"(?:Ngày|ngày|NGÀY)\s+(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*((?:19|20)\d\d))?\b[^\n]{0,40}$")
_ITEM = re.compile(r"^\s*(?:[-–+•*]|\d{1,2}\s*h|\d{1,2}:\d\d|Sáng|Chiều|Tối|Trưa)")
HEADING_CHARS = 60  # a day's heading is short; a long line opening with a date is a sentence
DAY_ITEMS = 8


def day_items(question: str, plan_id: str, index: PlanIndex) -> list[Point]:
    """The items under the heading of the one day the question names, in the plan the best line is from; [] when
    the question names no single day or the plan has no heading for it."""
    asked = {(int(d), int(m)) for d, m, _ in _DAY.findall(question) if 1 <= int(m) <= 12}
    if len(asked) != 1:
        return []
    for chunk in index.chunks(plan_id):
        lines = chunk.text.split("\n")
        for i, line in enumerate(lines):
            head = _HEADING.match(line)
            if not head or len(line) > HEADING_CHARS or (int(head.group(1)), int(head.group(2))) not in asked:
                continue
            items = []
            for item in lines[i + 1:]:
                if not item.strip() or _HEADING.match(item) or not _ITEM.match(item):
                    break
                items.append(Point(item.strip(" -–+•*"), chunk, item.strip(), 1.0))
            if items:
                items[0].text = f"{line.strip()}: {items[0].text}"  # the day said once, before its first item
                return items[:DAY_ITEMS]
    # …or the one line a day's programme is written on: "Ngày thứ tư (Thứ Tư, 15/9/2027): 09h00 …; 14h00 …"
    for chunk in index.chunks(plan_id):
        for line in chunk.text.split("\n"):
            label = _DAY_LINE.match(line)
            if label and {(int(d), int(m)) for d, m, _ in _DAY.findall(label.group(1))} == asked:
                return [Point(line.strip(" -–+•*"), chunk, line.strip(), 1.0)]
    return []


# a day's label, then its programme after a colon: "Ngày thứ tư (Thứ Tư, 15/9/2027): …", "Ngày 15/9 (Thứ Tư): …"
_DAY_LINE = re.compile(r"^\s*(?:[-•*]\s*)?((?:Ngày|NGÀY)\b[^:\n]{1,45}):\s*\S")


# a day told from the day the page was written: "Sáng nay, Hội … tổ chức Đại hội"
_TODAY = re.compile(r"\b(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Hh]ôm|[Tt]rưa) nay\b")


def dated_today(line: str, published: str | None) -> str:
    """"Sáng nay, …" asked "ngày nào": the page's own date says which day "nay" is."""
    shown = display_date(published) if published else None
    return f"{line} (bài đăng ngày {shown})" if shown and _TODAY.search(line) else line
