"""A document a text points to rather than issues: the Tờ trình it was proposed by ("Xét Tờ trình số: 1418/…"), the
letter it was commented in ("… có ý kiến tại Công văn số 1873/…"); never its own number, unless the text sends its
reader to it ("Xem chi tiết tại Thông tư 05/…"). Pure text in, a yes or no out."""
from __future__ import annotations

import re

DOC_TYPE = (r"(?:Kế hoạch|Quyết định|Chương trình|Chỉ thị|Công văn|Nghị quyết|Nghị định|Thông tư|Kết luận|Đề án|"
            r"Thông báo|Hướng dẫn|văn bản|Quy chế(?: phối hợp)?|Quy định|Biên bản(?: ghi nhớ)?|Thỏa thuận(?: hợp tác)?)")

_PROPOSAL = re.compile(r"(?:đề nghị|đề xuất)[^.;\n]{0,120}\btại\s*$|Tờ trình\s*(?:số\s*:?\s*)?$", re.IGNORECASE)
_POINTED_TO = re.compile(rf"\btại\s+(?:các\s+)?{DOC_TYPE}\s*(?:số\s*:?\s*)?$", re.IGNORECASE)
_READER_POINTER = re.compile(r"\b(?:xem|chi tiết|toàn văn|đính kèm|tải về)\b", re.IGNORECASE)
PROPOSAL_REACH, POINTER_REACH = 160, 40  # characters before a number where its cue stands


def pointed_to(text: str, start: int) -> bool:
    """The number at `start` is one the text was proposed by or points the reader to another body's document."""
    if _PROPOSAL.search(text[max(0, start - PROPOSAL_REACH):start]):
        return True
    before = text[max(0, start - POINTER_REACH):start]
    return bool(_POINTED_TO.search(before)) and not _READER_POINTER.search(before)
