"""The line naming a place of the administrative kind a question asks ("xã nào", "huyện nào"): "… đóng tại xã Cát Hanh"
goes before lines that only name the province the question already says."""
from __future__ import annotations

import re

from ground import vi
from rag.find.sentences import Candidate

# ("ở xã nào", "thuộc huyện nào"; folded)
_UNIT_ASKED = re.compile(r"(?<!\bdia )\b(xa|huyen|phuong|thon|ban|lang|quan|thi xa|thi tran|tinh|thanh pho) nao\b")  # ("địa phương nào": any)
_UNIT_WORDS = {"xa": "xã", "huyen": "huyện", "phuong": "phường", "thon": "thôn", "ban": "bản", "lang": "làng",
               "quan": "quận", "thi xa": "thị xã", "thi tran": "thị trấn", "tinh": "tỉnh", "thanh pho": "thành phố"}
UNIT_CANDIDATES = 8  # lines the one naming such a place is looked for among
UNIT_SHARE = 0.5  # how close to the best it must score


def unit_named_first(ranked: list[Candidate], folded_question: str) -> list[Candidate]:
    asked = _UNIT_ASKED.search(folded_question)
    if not ranked or asked is None:
        return ranked
    named = re.compile(rf"(?<!\w){_UNIT_WORDS[asked.group(1)]}\s+[{vi.UPPER}]")
    if named.search(ranked[0].body):
        return ranked
    line = next((c for c in ranked[1:UNIT_CANDIDATES] if named.search(c.body) and c.score >= UNIT_SHARE * ranked[0].score),
                None)
    return ranked if line is None else [line] + [c for c in ranked if c is not line]
