"""The document that amends or replaces one the question names, as a stored text's sentence says it ("Nghị quyết số
24/2019/NQ-HĐND …, được sửa đổi, bổ sung bởi Nghị quyết số 07/2023/NQ-HĐND ngày 14 tháng 7 năm 2023"), cited."""
from __future__ import annotations

import re

from ground.numbers import find_numbers
from rag.compose.citations import Point, number_points
from rag.find.plans import PlanIndex
from rag.models import Answer
from rag.understand.names import number_matches
from rag.understand.question import Question

# "… được sửa đổi bởi nghị quyết nào", "bị thay thế bằng văn bản số mấy" (folded)
_ASKS_AMENDER = re.compile(r"\b(?:sua doi|bo sung|thay the|dieu chinh|bai bo)(?:,? bo sung)?(?: mot so dieu)? (?:boi|bang)"
                           r"(?: van ban| nghi quyet| quyet dinh| thong tu| nghi dinh| ke hoach| cong van| chi thi)?"
                           r" (?:nao|so may|so bao nhieu|gi)\b")
_EFFECT = re.compile(r"\b(?:ap dung|hieu luc|thi hanh)\b")
_AMENDED_BY = re.compile(r"(?:được |đã được |bị )?(sửa đổi(?:, bổ sung)?|bổ sung|thay thế|điều chỉnh|bãi bỏ)[^.;\n]{0,40}?"
                         r"\s(?:bởi|bằng)\s+((?:Nghị quyết|Quyết định|Thông tư|Nghị định|Kế hoạch|Công văn|Chỉ thị|Văn bản)"
                         r"\s+(?:số\s+)?\S+(?:\s+ngày\s+\d{1,2}(?:/\d{1,2}/\d{4}| tháng \d{1,2} năm \d{4}))?)")


def amender_answer(q: Question, index: PlanIndex) -> Answer | None:
    """Which document amends the one the question names, and when; None when it asks no amender or no stored text says
    one amends it."""
    if len(q.parts) > 2 or not q.pq.numbers or not _ASKS_AMENDER.search(q.pq.folded):
        return None
    asked = q.pq.numbers[0]
    citing = [pid for pid, numbers in index.mentions.items() if any(number_matches(asked, n) for n in numbers)]
    for plan_id in citing:
        for chunk in index.chunks(plan_id):
            for line in chunk.text.split("\n"):
                m = _AMENDED_BY.search(line)
                named = next((n for n in find_numbers(line[:m.start()]) if number_matches(asked, n.number)), None) if m else None
                if m is None or named is None:
                    continue
                if len(q.parts) > 1 and (_EFFECT.search(q.pq.folded) or " ngày " not in m.group(2)):
                    return None  # "… bị thay thế bởi quyết định nào, áp dụng từ ngày nào?": the parts ask more than it says
                text = f"Văn bản số {named.number} được {m.group(1)} bởi {m.group(2)}."
                numbered = number_points([Point(text, chunk, line.strip(), 1.0)], index.plan)
                return Answer(q.text, True, "\n".join(numbered.lines), numbered.citations, kind="cited",
                              points=numbered.said)
    return None
