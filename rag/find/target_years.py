"""A goal asked for its year ("… đặt mục tiêu gì đến năm 2030?"): the line that sets the goals by that year ("Đến năm
2030, duy trì …") goes before one setting another year's ("mục tiêu cụ thể đến năm 2025 …"), though that one shares
the word "mục tiêu"; "đến năm 2030" names the year asked, not only the period a plan runs to."""
from __future__ import annotations

import re

from ground import vi
from rag.find.sentences import Candidate

_GOAL_ASKED = re.compile(r"\b(?:muc tieu|chi tieu|phan dau|dinh huong|tam nhin|dat duoc)\b")
_BY_YEAR = re.compile(r"\b(?:den|toi) (?:nam )?((?:19|20)\d\d)\b")
TARGET_SHARE = 0.5  # how close to the best a line setting the year asked must score to go before it
TARGET_CANDIDATES = 8  # how far down such a line is looked for


def _first_year(body: str) -> str | None:
    m = _BY_YEAR.search(vi.collapse(body))
    return m.group(1) if m else None


def target_year_first(ranked: list[Candidate], folded_question: str) -> list[Candidate]:
    asked = _BY_YEAR.findall(folded_question)
    if len(asked) != 1 or not _GOAL_ASKED.search(folded_question) or not ranked:
        return ranked
    year = asked[0]
    if _first_year(ranked[0].body) in (year, None):
        return ranked
    setting = next((c for c in ranked[1:TARGET_CANDIDATES] if _first_year(c.body) == year
                    and c.chunk.plan_id == ranked[0].chunk.plan_id and c.score >= TARGET_SHARE * ranked[0].score), None)
    return ranked if setting is None else [setting] + [c for c in ranked if c is not setting]
