"""A line shown for one part of a question that also answers a later part ("Xuân quê hương 2026 có chủ đề gì và diễn
ra ngày nào?": the sentence naming the theme goes on "… vào ngày 8/2/2026"): shown whole, once, for both; and a duty
line said with the agency of its heading."""
from __future__ import annotations

import re

from ground import vi
from rag.compose.citations import Point
from rag.understand import entities
from rag.understand.question import Part, without_question_words

# the kinds of value a part asks, and the tags a line holding one carries
# (a place or a person in the line may be the subject's own, "Festival Biển Ngọc Viên": only a time is surely the value)
_VALUE_TAGS = {"date": {"date"}, "period": {"period", "date"}}
OWN_SYLLABLES = 2  # "diễn ra ngày nào": a part this short names nothing of its own, only the value it asks
WHOLE_LINE_CHARS = 440  # a line answering two parts is shown whole up to this


def answered_before(part: Part, points: list[Point]) -> Point | None:
    """The point shown for an earlier part whose whole line holds the value this part asks, when this part names
    nothing of its own; its text is then the whole line (cut lines hide the later value)."""
    tags = _VALUE_TAGS.get(part.answer_type)
    if not tags or part.intent != "general" or not points:
        return None
    if len(vi.folded_syllables(without_question_words(part.text))) > OWN_SYLLABLES:
        return None
    holder = next((p for p in points if tags & {e.kind for e in entities.tag(p.quote)}), None)
    if holder is None or len(holder.quote) > WHOLE_LINE_CHARS:
        return None
    holder.text = holder.quote
    return holder


def merged(point: Point, points: list[Point]) -> bool:
    """A later part's line already shown for an earlier part: shown once, whole when the two show different windows
    of it ("… vào ngày 21/10…" / "…, Phó Chủ tịch … Nguyễn Thành Sinh nhấn mạnh …"); True when nothing is to be added."""
    if any(p.text == point.text for p in points):
        return True
    # (only windows of the line: a fact said in words, "… được ban hành ngày 12/02/2027", is a point of its own)
    same = next((p for p in points if p.quote == point.quote and _window(p) and _window(point)), None)
    if same is None or len(same.quote) > WHOLE_LINE_CHARS:
        return False
    same.text = same.quote
    return True


def _window(point: Point) -> bool:
    """The point shows a piece of its line as the line writes it."""
    piece = point.text.strip(" …").split("…")[0].strip()
    return bool(piece) and piece[:40] in point.quote

SHOWN_SHARE = 0.6  # of a line's syllables a point must say for that line to count as shown


def lines_shown(points: list[Point]) -> frozenset[str]:
    """The lines the points quote on screen; not those a fact only comes from ("Kế hoạch 91-KH/TU được ban hành ngày
    18/7/2022." does not show its line's "… thực hiện Chỉ thị số 12-CT/TW …")."""
    out = set()
    for p in points:
        said = set(vi.folded_syllables(p.text))
        line = vi.folded_syllables(p.quote)
        if line and sum(1 for s in line if s in said) >= SHOWN_SHARE * len(line):
            out.add(p.quote)
    return frozenset(out)


# a duty sentence has no subject of its own: it opens with what the heading's agency must do
_DUTY_VERB = re.compile(r"(?:Chủ trì|Phối hợp|Tham mưu|Thực hiện|Xây dựng|Tổ chức|Hướng dẫn|Theo dõi|Đôn đốc|Triển khai|"
                        r"Bố trí|Bảo đảm|Đảm bảo|Nghiên cứu|Đề xuất|Tuyên truyền|Quảng bá|Biên soạn|Phát hành|Cung cấp|"
                        r"Hỗ trợ|Tăng cường|Đẩy mạnh|Rà soát|Lồng ghép|Kết nối|Vận động|Định kỳ|Hằng năm|Hàng năm)\b")


def with_owner(shown: str, chunk, answer_type: str) -> str:
    """A duty sentence under an agency's heading ("3. Liên hiệp các tổ chức hữu nghị tỉnh: - Chủ trì tổ chức …")
    answers "ai / cơ quan nào" with that heading: the owner is said before the sentence."""
    if answer_type not in ("agency", "person") or not _DUTY_VERB.match(shown):
        return shown  # a sentence with its own subject says who
    heading = (chunk.section or "").split("›")[-1]
    owners = [e.text for e in entities.agencies(heading)]
    return f"{owners[0]}: {shown}" if owners else shown
