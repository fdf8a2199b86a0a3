"""A prize or rank the question names ("ai đạt giải Nhì", "huy chương bạc"): the lines shown must name that one, not
another of the same contest ("… giành giải Nhất" answers no question about the second prize)."""
from __future__ import annotations

import re

from ground import vi
from rag.decide.events import as_typed

# (folded; "hạng A/B/C" of a guest class is a rank too)
_RANK = re.compile(r"\b(?:giai|huy chuong|hang|giai thuong) (?:nhat|nhi|ba|tu|khuyen khich|dac biet|vang|bac|dong|a|b|c)\b")


def rank_unsaid(question: str, shown: str) -> str | None:
    """"thông tin về giải Nhì" when the question names that rank and no line shown does; None otherwise."""
    asked = _RANK.search(vi.collapse(question))
    if asked is None or re.search(rf"\b{asked.group(0)}\b", vi.collapse(shown)):
        return None
    return f"thông tin về {as_typed(question, asked.group(0))}"


_PRIZE_ASKED = re.compile(r"\b(?:dat|gianh|doat|nhan|duoc trao)(?: duoc)? giai (?:gi|nao|thuong gi|thuong nao)\b")
_PRIZE_SAID = re.compile(r"(?<!\w)(?:giải|huy chương|bằng khen|cúp)(?!\w)", re.IGNORECASE)


def prize_unsaid(question: str, shown: str) -> str | None:
    """"đạt giải gì" when no line shown names a prize ("… bước tiếp vào vòng 2" names none); None otherwise."""
    if not _PRIZE_ASKED.search(vi.collapse(question)) or _PRIZE_SAID.search(shown):
        return None
    return "giải thưởng được hỏi"


# offices a list of rates or duties is keyed by ("Giám đốc 500.000 đồng; Phó Giám đốc 400.000 đồng; …"), folded
_OFFICES = re.compile(r"\b(?:pho giam doc|giam doc|chanh van phong|pho chanh van phong|truong phong|pho truong phong"
                      r"|ke toan truong|ke toan|van thu|thu quy|chuyen vien|lai xe|bao ve|tap vu|truong doan|thanh vien)\b")
KEYED_OFFICES = 2  # other offices a line must name to be a list keyed by office


def office_key_unsaid(question: str, shown: str) -> str | None:
    """"Kế toán trưởng được khoán bao nhiêu?" of a line keyed by other offices ("Giám đốc 500.000 đồng; Phó Giám đốc
    400.000 đồng; …"): the office asked is no key of it."""
    asked = [m.group(0) for m in _OFFICES.finditer(vi.collapse(question))]
    if not asked:
        return None
    said = {m.group(0) for m in _OFFICES.finditer(vi.collapse(shown))}
    office = max(asked, key=len)
    if office in said or len(said) < KEYED_OFFICES:
        return None
    return f"thông tin về {as_typed(question, office)}"
