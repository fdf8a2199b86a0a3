"""Does a top passage enumerate the thing a question asks to have listed ("Kể tên vài danh lam thắng cảnh của Cao
Bằng …": "… nhiều danh lam thắng cảnh nổi tiếng như thác Bản Giốc, động Ngườm Ngao, …")? Such a line grounds an
answer in its own words, however the rest of the question is phrased."""
from __future__ import annotations

import re
from collections.abc import Callable, Collection

from ground import vi
from rag.decide.events import as_typed
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


# "Gói thầu số 08", "nhiệm vụ 12", "chuyên đề 9": an item of a numbered list, asked by its number
_ITEM = re.compile(r"\b(goi thau|nhiem vu|chuyen de|hop phan|tieu du an|du an|phu luc|bieu mau|lop|dot|cau|muc tieu|giai phap)"
                   r" (?:so )?0*(\d{1,3})\b")


def unlisted_item(question: str, documents: Callable[[], Collection[str]]) -> str | None:
    """An item asked by its number in a list the documents number without it ("Gói thầu số 08" of packages 01 to 07),
    or a thing asked by its name and number of which they tell only another number: no such item, said in words; None
    when they number no such items (a list need not be numbered to be asked of)."""
    return _unnumbered_item(question, documents) or other_numbered(question, documents)


def _unnumbered_item(question: str, documents: Callable[[], Collection[str]]) -> str | None:
    m = _ITEM.search(vi.collapse(question))
    if not m:
        return None
    word, number = m.group(1), int(m.group(2))
    text = vi.collapse("\n".join(documents()))
    numbered = {int(n) for n in re.findall(rf"\b{word} (?:so )?0*(\d{{1,3}})\b", text)}
    if len(numbered) < 2 or number in numbered:
        return None
    return f"{as_typed(question, word)} số {number:02d}"


# "Dự án nước sạch vệ sinh số 1": a thing named by the words before its number (not a document's: "Quyết định số 12")
_NUMBERED_NAME = re.compile(r"\b((?:[a-z]+ ){1,3}[a-z]+) so 0*(\d{1,3})\b(?!\s*/)")
_DOCUMENT_WORDS = frozenset("quyet dinh ke hoach cong van van ban thong bao nghi quyet chi thi bao cao to trinh huong dan "
                            "thong tu nghi dinh ket luan giay phep hop dong ho so ban ghi nho thoa thuan".split())


def other_numbered(question: str, documents: Callable[[], Collection[str]]) -> str | None:
    """A thing asked by its name and number ("Dự án nước sạch vệ sinh số 1") of documents that name only others of that
    name ("… số 2"): that one is not told of; None when they name it, or none of that name."""
    for m in _NUMBERED_NAME.finditer(vi.collapse(question)):
        words = m.group(1).split()
        name = " ".join(words[-2:])  # (the two words nearest the number name it: "… vệ sinh số 1")
        if set(words[-2:]) & _DOCUMENT_WORDS or " ".join(words[-2:]) in _DOCUMENT_WORDS:
            continue
        text = vi.collapse("\n".join(documents()))
        numbers = {int(n) for n in re.findall(rf"\b{name} so 0*(\d{{1,3}})\b(?!\s*/)", text)}
        if numbers and int(m.group(2)) not in numbers:
            return f"{as_typed(question, name)} số {m.group(2)}"
    return None
