"""What a catalog question says the plans it asks about are about, beyond the strategy every plan implements
("kế hoạch công tác thông tin đối ngoại" → thông tin): the words that narrow the list."""
from __future__ import annotations

import re

from ground import vi
from rag.understand.names import ParsedQuery

# what every catalog question says of the plans it asks about: no topic of its own
_CATALOG_WORDS = frozenset(
    """nhung tinh nao thanh pho dia phuong bao nhieu ke hoach van ban danh sach cac co da ban hanh nam trong kho
    thuc hien chien luoc ngoai giao van hoa den tam nhin trien khai cua ve la gi duoc hien dang so quyet dinh ttg
    chinh phu thu tuong chuong trinh cong van chi thi som nhat dau tien moi nhat gan day truoc sau may hoac va voi
    hanh tinh thanh ubnd uy ban nhan dan doi ngoai""".split())  # ("hoạt động" narrows: "động" is no catalog word)


def catalog_topic(pq: ParsedQuery) -> list[str]:
    """The words of a catalog question that say what the plans are about beyond the strategy every plan
    implements ("kế hoạch công tác thông tin đối ngoại" → thông tin), folded."""
    content = pq.content or pq.text
    # "về hợp tác, đối ngoại", "về A hoặc B": alternatives; one that only says what every plan is about
    # ("đối ngoại") leaves the list unnarrowed
    alternatives = re.split(r",|\bhoặc\b|\bhoac\b", content.split(" về ", 1)[1]) if " về " in content else []
    if len(alternatives) > 1 and any(not _topic_words(a) for a in alternatives):
        return []
    words = _topic_words(content)
    return words if len(words) >= 2 else []


def _topic_words(text: str) -> list[str]:
    return [s for s in vi.folded_syllables(text) if s not in _CATALOG_WORDS and not s.isdigit()]


def topic_alternatives(pq: ParsedQuery) -> list[list[str]]:
    """The topics a catalog question names side by side after "về" ("về quản lý hoạt động đối ngoại và hội nghị, hội
    thảo quốc tế"), each as its folded words; [] for one topic."""
    content = pq.content or pq.text
    if " về " not in content:
        return []
    pieces = [_topic_words(a) for a in re.split(r",|\bhoặc\b|\bhoac\b|\bvà\b|\bva\b", content.split(" về ", 1)[1])]
    pieces = [p for p in pieces if p]
    return pieces if len(pieces) > 1 else []
