"""A document's preamble lines ("Căn cứ Quyết định số … về việc thành lập Hội đồng kỷ luật;", "Theo đề nghị của Giám đốc
Sở …") say what it rests on: they answer a question about its grounds, not one about what it does ("… kỷ luật ai?")."""
from __future__ import annotations

import re

from rag.find.sentences import Candidate
from rag.understand.entities import SURNAMES

_PREAMBLE = re.compile(r"^\s*(?:[-–+•]\s*)?(?:Căn cứ|Theo đề nghị|Xét đề nghị|Xét Tờ trình|Theo Tờ trình)\b", re.IGNORECASE)
# what a question asks of the grounds: "căn cứ văn bản nào", "theo đề nghị của ai", "dựa trên quyết định nào"
_ASKS_GROUNDS = re.compile(r"\b(?:can cu|de nghi|to trinh|dua (?:tren|vao)|theo (?:van ban|quyet dinh|nghi dinh|thong tu|"
                           r"luat)|van ban nao|quyet dinh nao|nghi dinh nao|thong tu nao|luat nao|so may|so hieu)\b")
OWN_SHARE = 0.4  # how close to the best preamble line a line of the document's own words must score to go before it
OWN_CANDIDATES = 8  # how far down such a line is looked for


def own_words_first(ranked: list[Candidate], folded_question: str, kind: str) -> list[Candidate]:
    """The best line being a preamble line of a question that asks nothing of the grounds: the near line of the
    document's own words holding a value of the asked kind goes first (a person by name, when a person is asked)."""
    if not ranked or not _PREAMBLE.match(ranked[0].body) or _ASKS_GROUNDS.search(folded_question):
        return ranked
    near = [c for c in ranked[1:OWN_CANDIDATES] if not _PREAMBLE.match(c.body) and c.answer_spans
            and c.chunk.plan_id == ranked[0].chunk.plan_id and c.score >= OWN_SHARE * ranked[0].score]
    named = [c for c in near if any(e.kind == "person" and e.text.split()[0] in SURNAMES for e in c.answer_spans)]
    pick = named or ([] if kind == "person" else near)
    return [pick[0]] + [c for c in ranked if c is not pick[0]] if pick else ranked


def beside_own_words(best: Candidate, cand: Candidate, folded_question: str) -> bool:
    """A line may be shown beside the best one: not a preamble line beside the document's own words, unless the
    question asks of the grounds."""
    return not (_PREAMBLE.match(cand.body) and not _PREAMBLE.match(best.body) and not _ASKS_GROUNDS.search(folded_question))
