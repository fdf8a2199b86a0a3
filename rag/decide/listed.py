"""Does a top passage enumerate the thing a question asks to have listed ("Kể tên vài danh lam thắng cảnh của Cao
Bằng …": "… nhiều danh lam thắng cảnh nổi tiếng như thác Bản Giốc, động Ngườm Ngao, …")? Such a line grounds an
answer in its own words, however the rest of the question is phrased."""
from __future__ import annotations

import re

from ground import vi
from rag.find.search import Hit

TOP_PASSAGES = 3
# "kể tên (vài|các|những|một số) X", "liệt kê X", "có những X nào/gì": X of two to four syllables, folded
_ASKS_LIST = re.compile(r"\b(?:ke ten|liet ke|neu ten)(?: (?:vai|cac|nhung|mot so|mot vai))? ((?:\w+ ){1,3}\w+)"
                        r"|\bnhung ((?:\w+ ){1,3}\w+) (?:nao|gi)\b")
# the thing, then (after a few words: "nổi tiếng", "đặc sắc") a list: "như", "gồm", "là" or a colon, then items
_LISTED_AFTER = r"(?: \w+){0,3}(?: nhu| gom| la|:)\s*(?:[^,;.]{2,40},){2}"
_NOT_THING = frozenset("cua duoc khi tai cho voi trong ve va".split())  # where the thing asked ends


def lists_asked_thing(question: str, hits: list[Hit]) -> bool:
    m = _ASKS_LIST.search(vi.collapse(question))
    if not m:
        return False
    words = (m.group(1) or m.group(2)).split()
    cut = next((i for i, w in enumerate(words) if w in _NOT_THING), len(words))
    thing = " ".join(words[:cut])
    if len(thing.split()) < 2:
        return False  # "kể tên các sở": too plain a thing to tell a list of it from any mention
    pattern = re.compile(rf"\b{re.escape(thing)}{_LISTED_AFTER}")
    return any(pattern.search(vi.fold_same_length(h.chunk.text).lower()) for h in hits[:TOP_PASSAGES])
