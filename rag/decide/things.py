"""The kind of thing a "… nào" question asks for ("cửa khẩu quốc tế nào" → cua khau quoc te), folded, and said back
as the question typed it."""
from __future__ import annotations

import re

from ground import vi
from rag.decide.events import as_typed

# "cửa khẩu quốc tế nào", "trấn nào": the words of a "… nào" phrase name the kind of thing asked; the generic ones
# (an agency, a province, a date, a document) are typed by the answer type instead, and the words before the phrase
# (a verb, a preposition) are no part of it
_WHICH = re.compile(r"((?:\w+ ){1,6})nào(?!\w)")
_BEFORE_THING = set("với của ở tại là có những các và trong trên cho theo đến từ về được bằng bởi do gì ký thuộc nằm "
                    "giữa thì vào qua sang ra lên tới cùng gọi dùng nộp".split())  # ("gọi tổng đài nào": the verb asks)
# ("các đại sứ đó nhiệm kỳ nào": the ambassadors pointed back at are the question's subject; "nhiệm kỳ" is asked)
_POINTING = set("đó này ấy kia".split())
MAX_THING_WORDS = 5  # "hội hữu nghị thành viên"; a longer run before "nào" is a clause, not the name of a kind
GENERIC_THING = set("co quan don vi to chuc tinh thanh pho nuoc quoc gia ngay thang nam van ban ke hoach nhiem vu hoat "
                     "dong noi dung linh vuc bo so nganh dia phuong huyen xa phuong noi dau ai nguoi ben khi luc thoi "
                     "gian giai doan muc tieu chi tieu chuong trinh quyet dinh chi thi cong van nghi quyet de an phan "
                     "muc chuong dieu khoan so hieu loai hinh thuc cach viec cong tac ban nhom the khi luc thu kieu dang gio hom buoi "
                     "dip dot su kien kenh".split())


# things a line names by what they are, never by the word asked: "đối tượng nào", "phương thức nào"
_ANY_NOUN = frozenset({"doi tuong", "phuong thuc", "phuong an", "bien phap", "giai phap", "yeu cau", "dieu kien"})


def asked_thing(question: str) -> str | None:
    """The specific kind of thing a "… nào" question asks for, folded ("cua khau quoc te"), or None. Read on the
    words as typed: folded, "cửa" is "của"."""
    text = " ".join(re.findall(r"\w+", vi.normalize(question).lower()))
    if not vi.has_diacritics(text):
        return None  # typed without diacritics the words collide too often ("cua" is "của" and "cửa")
    for m in _WHICH.finditer(text + " "):
        words = m.group(1).split()
        for i in range(len(words) - 1, -1, -1):
            if words[i] in _BEFORE_THING or words[i] in _POINTING:
                words = words[i + 1:]
                break
        if " ".join(vi.fold(w) for w in words) in _ANY_NOUN:
            continue  # "đối tượng nào": whoever a line names is one ("trẻ khuyết tật, tự kỷ")
        specific = [vi.fold(w) for w in words if vi.fold(w) not in GENERIC_THING]
        if 2 <= len(specific) and len(words) <= MAX_THING_WORDS and vi.fold(words[-1]) not in GENERIC_THING:
            return " ".join(vi.fold(w) for w in words)
    return None


# ("ngoại ngữ nào", "thứ tiếng nào": "tiếng Anh, tiếng Lào" are languages whatever word names the kind)
_LANGUAGE = re.compile(r"\btieng [a-z]")
INSTANCES = {"don vi hanh chinh": re.compile(r"\b(?:xa|phuong|thi tran|thi xa|huyen|quan|tinh) [a-z]"),
             "ngoai ngu": _LANGUAGE, "ngon ngu": _LANGUAGE, "thu tieng": _LANGUAGE}


def thing_named(question: str, thing: str) -> str:
    """The asked thing as the question typed it ("cửa khẩu quốc tế"), for the reply."""
    return as_typed(question, thing)


def spelled_out(acronym: str, words: list[str]) -> bool:
    """"vhttdl" said in full somewhere ("văn hóa, thể thao và du lịch"): a run of syllables whose initials spell it
    ("và" aside). An acronym has no vowel, which every syllable has."""
    if len(acronym) < 2 or re.search(r"[aeiouy]", acronym):
        return False
    for i in range(len(words)):
        initials = ""
        for w in words[i:i + 3 * len(acronym)]:
            if w == "va":
                continue
            initials += w[0]
            if not acronym.startswith(initials):
                break
            if initials == acronym:
                return True
    return False

