"""Does a text belong here: an administrative document, or a page about foreign affairs, and on which topics.

ngvh answers over the documents of the foreign-affairs family: cultural diplomacy (ngoại giao văn hóa,
văn hóa đối ngoại), foreign information (thông tin đối ngoại), people-to-people diplomacy (đối ngoại
nhân dân, liên hiệp các tổ chức hữu nghị), international integration (hội nhập quốc tế) and the news
about them. Ingest refuses only what is plainly outside it (a text with neither administrative wording
nor any foreign-affairs word); a text with little of either is taken with a warning, because what can be
answered is decided by what the stored texts hold, not by a list of words.
"""
from __future__ import annotations

import re
from functools import cache
from typing import Literal

from ground import vi
from ground.foreign_places import FOREIGN_PLACES
from ground.syllables import is_syllable

# Words any plan, directive or article about one uses (accent-folded).
ADMIN_VOCABULARY = (
    "ke hoach", "chien luoc", "quyet dinh", "cong van", "chi thi", "chuong trinh", "trien khai",
    "nhiem vu", "uy ban nhan dan", "ubnd", "ban hanh", "thuc hien", "nghi quyet", "so ngoai vu",
)
# Words of foreign affairs (accent-folded).
FAMILY_VOCABULARY = (
    "doi ngoai", "ngoai giao", "huu nghi", "hoi nhap", "quoc te", "nuoc ngoai", "dai su", "lanh su",
    "kieu bao", "unesco", "ngoai vu", "hop tac", "giao luu", "ket nghia", "dai bieu", "foreign affairs",
    # an event of cultural diplomacy abroad ("Tuần Văn hóa Việt Nam tại …", "hai nước", "nước bạn")
    "tuan van hoa", "ngay van hoa", "hai nuoc", "nuoc ban",
    # aid and investment from abroad, which a province's foreign-affairs office courts ("vận động viện trợ phi chính phủ
    # nước ngoài", "dự án ODA", "nhà tài trợ")
    "vien tro", "phi chinh phu", " oda ", "nha tai tro", "xuc tien dau tu",
)
ADMIN_ENOUGH = 3  # administrative words that make a text certainly one of ours
FAMILY_ENOUGH = 3

# The family's topics as titles and leads name them: folded cue → the topic's name.
TOPICS: tuple[tuple[str, str], ...] = (
    ("ngoai giao van hoa", "ngoại giao văn hóa"),
    ("van hoa doi ngoai", "văn hóa đối ngoại"),
    ("thong tin doi ngoai", "thông tin đối ngoại"),
    ("doi ngoai nhan dan", "đối ngoại nhân dân"),
    ("to chuc huu nghi", "đối ngoại nhân dân"),
    ("hoi nhap quoc te", "hội nhập quốc tế"),
    ("ngoai giao kinh te", "ngoại giao kinh tế"),
    ("cong tac doi ngoai", "công tác đối ngoại"),
    ("hoat dong doi ngoai", "công tác đối ngoại"),
)
GENERAL_TOPIC = "công tác đối ngoại"
TOPIC_LEAD_CHARS = 1500  # topics are read from the title and the opening, not from every passing mention

Belonging = Literal["yes", "unsure", "no"]


def _hits(folded: str, words: tuple[str, ...]) -> int:
    return sum(1 for term in words if term in folded)


@cache
def _countries() -> re.Pattern[str]:
    """Foreign countries as written with their capitals and tone marks (folded, "Lào" would be "lao động")."""
    names = sorted({vi.normalize(n) for name, aliases in FOREIGN_PLACES.items() for n in (name, *aliases)}, key=len,
                   reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")


def belonging(text: str) -> Belonging:
    """'yes' for an administrative document or a foreign-affairs page, 'no' for a text with no word of
    either, 'unsure' in between (taken, with a warning for the administrator)."""
    folded = vi.collapse(text)
    admin, family = _hits(folded, ADMIN_VOCABULARY), _hits(folded, FAMILY_VOCABULARY)
    # a foreign country named ("Trung tâm Văn hóa Việt Nam tại Pháp", "trao đổi văn hóa Việt – Pháp") is a page about
    # relations abroad, whatever words it uses for them
    family += 1 if _countries().search(text) else 0
    if admin >= ADMIN_ENOUGH or family >= FAMILY_ENOUGH or (admin and family):
        return "yes"
    return "unsure" if admin or family or _foreign_names(text) >= FOREIGN_NAMES_UNSURE else "no"


# a page with none of those words may still be about foreigners here, named in their own letters ("Nhân viên MAG rà
# phá bom mìn …", "đoàn làm phim Kong"): words no Vietnamese syllable spells, capitalised, units aside
_CAPITALISED = re.compile(r"(?<![\w.])[A-Z][A-Za-z]+\b")
_UNITS = frozenset({"km", "kg", "ha", "cm", "mm", "kw", "mw", "gb", "mb", "tv", "pc", "am", "pm", "ok"})
FOREIGN_NAMES_UNSURE = 2  # times such a name is written: once may be a typo or a unit


def _foreign_names(text: str) -> int:
    return sum(1 for m in _CAPITALISED.finditer(text) if m.group().lower() not in _UNITS and not is_syllable(m.group()))


def topics(title: str, text: str) -> list[str]:
    """The family topics the title and the text's opening name, first named first."""
    folded = vi.collapse(f"{title}\n{text[:TOPIC_LEAD_CHARS]}")
    found = sorted((folded.find(cue), name) for cue, name in TOPICS if cue in folded)
    names = list(dict.fromkeys(name for _, name in found))
    specific = [n for n in names if n != GENERAL_TOPIC]
    return specific or names  # "công tác đối ngoại" only when no narrower topic is named
