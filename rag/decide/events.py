"""Events a question names ("lễ hội đua thuyền", "Những ngày Văn hóa Việt Nam tại Philippines") and whether the
lines that would answer it speak of that event, not of another one near the question's other words."""
from __future__ import annotations

import re

from ground import vi
from ground.foreign_places import FOREIGN_PLACES
from rag.decide.alike import with_alike
from rag.understand.entities import foreign_places

_HOME = "viet nam"

# the kinds of event a plan schedules; the words after one name which event it is ("lễ hội đua thuyền")
_EVENT = re.compile(r"\b(le hoi|lien hoan|hoi thao|hoi cho|trien lam|tuan le|cuoc thi|hoi thi|dien dan|festival|dai hoi|hoi nghi|ngay hoi"
                    r"|gap mat|hoi ngo|giai thuong)"  # (an award has its editions too: "Giải thưởng … lần thứ XI")
                    r"((?: [a-z]+){1,6})")
# a word that ends the event's name: a question word, a preposition, a verb of the clause around it
_EDITION = re.compile(r"[ivxl]+|\d+|mot|hai|ba|bon|tu|nam|sau|bay|tam|chin|muoi|nhat")
_NAME_ENDS = set("roi het mat ton chi may nao gi o tai vao nam do cua duoc la co khong dien to khi bao the luc va nhu thi se da ngay thang "
                 "trong voi cho ra nhung cac tu den moi hang dip giao ai nhan thuoc tham gia chu tri phoi hop "
                 "can phai gom keo de nham lam sao nhu bang ke nay ay kia ma mang dem lay theo dat chiem dung "
                 "kem mo bat".split())  # ("tuần lễ này": the one asked of)
# words any event of the genre may carry: they do not tell one event from another
_EVENT_GENERIC = set("quoc te van hoa viet lan thu thuong nien cap tinh huyen toan khu vuc lon chung nhan dan "
                     "du lich hoa ve".split())


_CLOSING_PARTICLE = re.compile(r"\s+(?:chua|khong|ko|vay|nhi|nhe|nha|a|ha)\s*$")


def event_named(question: str) -> tuple[str, list[str]] | None:
    """The event a question names, as the question typed it, and the words that tell it from other events
    ("đua thuyền" of "lễ hội đua thuyền"); None when it names none, or only by words every event carries."""
    # a clause at a time: "bao nhiêu cuộc triển lãm, kể tên vài cuộc" names no "triển lãm kể tên"
    # (a yes/no particle closing it names nothing: "… hội nghị hội thảo quốc tế chưa?")
    clauses = [_CLOSING_PARTICLE.sub("", vi.collapse(c)) for c in re.split(r"[,;:.?!()\n]", question)]
    for m in (m for clause in clauses for m in _EVENT.finditer(clause)):
        name: list[str] = []
        for word in m.group(2).split():
            if word in _NAME_ENDS:
                break
            name.append(word)
        # an edition's number is said many ways ("Đại hội II", "lần thứ hai"); a two-letter word is shorthand ("kl")
        telling = [w for w in name if w not in _EVENT_GENERIC and len(w) > 2 and not _EDITION.fullmatch(w)]
        if telling:
            return f"{m.group(1)} {' '.join(name)}", telling
    return None


def unsaid_event(question: str, texts: str) -> str | None:
    """An event the question names ("… tổ chức lễ hội đua thuyền") whose telling words the lines never say: they
    speak of other events, and no line answers for this one. Said in words, as the question typed it."""
    named = event_named(question)
    if named is None:
        return unsaid_stage(question, texts)
    words = set(with_alike(vi.folded_syllables(texts)))  # ("hội nghị kiều bào": "… Người Việt Nam ở nước ngoài")
    words |= {w.rstrip("0123456789") for w in words}  # ("Hội nghị ISV20": "… (ISV20)")
    if all(w in words for w in named[1]):
        return None
    return as_typed(question, named[0])


# an event's stage and the one a text may tell instead: the opening is not the closing
_STAGES = {"be mac": "khai mac", "khai mac": "be mac", "khanh thanh": "khoi cong", "khoi cong": "khanh thanh"}


def unsaid_stage(question: str, texts: str) -> str | None:
    """A stage of an event asked ("bế mạc ở tỉnh nào?") that the lines never tell while they tell its other stage
    ("lễ khai mạc … tại Hà Giang"): the closing is nowhere said. Said in words, as the question typed it."""
    asked, said = vi.collapse(question), f" {vi.collapse(texts)} "
    for stage, other in _STAGES.items():
        if re.search(rf"\b{stage}\b", asked) and f" {stage} " not in said and f" {other} " in said \
                and not re.search(rf"\b{other}\b", asked):
            return as_typed(question, stage)
    return None


def as_typed(question: str, folded: str) -> str:
    """Folded words of the question as the question typed them ("cửa khẩu quốc tế"), for the reply."""
    m = re.search(r"\W+".join(map(re.escape, folded.split())), vi.fold_same_length(question).lower())
    return question[m.start():m.end()] if m else folded


def reversed_event(question: str, texts: str) -> str | None:
    """An event asked one way round ("Những ngày Văn hóa Việt Nam tại Philippines") that the texts only hold the
    other way round ("Những ngày Văn hóa Philippines tại Việt Nam"): another event, said in words."""
    asked, said = vi.collapse(question), f" {vi.collapse(texts)} "
    for place in foreign_places(question):
        aliases = {vi.collapse(a) for a in (place.name, *FOREIGN_PLACES.get(place.name, ()))}
        abroad = any(re.search(rf"\b{_HOME} tai {re.escape(a)}\b", asked) for a in aliases)
        inbound = any(re.search(rf"\b{re.escape(a)} tai {_HOME}\b", asked) for a in aliases)
        said_abroad = any(f" {_HOME} tai {a} " in said for a in aliases)
        said_inbound = any(f" {a} tai {_HOME} " in said for a in aliases)
        if abroad and said_inbound and not said_abroad:
            return f"sự kiện của Việt Nam tại {place.name}"
        if inbound and said_abroad and not said_inbound:
            return f"sự kiện của {place.name} tại Việt Nam"
    return None


# a relation or body that begins ("kết nghĩa", "thành lập"), asked when: the line giving a date must say it began then
_BEGINS = re.compile(r"\b(ket nghia|thanh lap|thiet lap quan he|ky ket|ra doi)\b")
_SAID_AS = {"ket nghia": ("ket nghia",), "thanh lap": ("thanh lap", "ra doi", "thanh lap"), "ra doi": ("ra doi", "thanh lap"),
            "thiet lap quan he": ("thiet lap", "quan he"), "ky ket": ("ky",)}
_WHEN = re.compile(r"\b(?:tu nam nao|nam nao|tu khi nao|khi nao|tu bao gio|bao gio|ngay nao|thoi gian nao)\b")


def unsaid_beginning(question: str, shown: str) -> str | None:
    """"Thái Bình kết nghĩa với tỉnh X từ năm nào?" shown lines that never say "kết nghĩa" (a battle of 1972 on the
    page of a visit): the date they give is of something else. Said in words, as the question typed it."""
    folded = vi.collapse(question)
    begins = _BEGINS.search(folded)
    said = vi.collapse(shown)
    if not begins or not _WHEN.search(folded) or any(re.search(rf"\b{w}\b", said) for w in _SAID_AS[begins.group(1)]):
        return None
    return f"thời điểm {as_typed(question, begins.group(1))}"


# acts whose day a question asks ("khánh thành vào năm nào", "bàn giao ngày nào", "ra rạp khi nào"), folded
_ACTS = re.compile(r"\b(khanh thanh|khoi cong|ban giao|ra rap|cong chieu|mo lai|ra mat|thanh lap|hoan thanh|phat song"
                   r"|xuat ban|di vao hoat dong)\b")  # (not "nộp hồ sơ": a deadline is said many ways)


def unsaid_act(question: str, answer_type: str, shown: str) -> str | None:
    """A day asked of an act ("… được khánh thành vào năm nào?") that no line shown tells: their dates are of other
    things ("lễ tưởng niệm … sáng 14.2"). Said in words, as the question typed it."""
    if answer_type not in ("date", "period"):
        return None
    act = _ACTS.search(vi.collapse(question))
    if act is None or re.search(rf"\b{act.group(1)}\b", vi.collapse(shown)):
        return None
    return f"thời gian {as_typed(question, act.group(1))}"
