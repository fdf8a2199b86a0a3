"""Lines that answer of another one of the kind the question names: another country ("… tại Lebanon" answered by
Bangladesh's figure), another commune or ward, another term ("nhiệm kỳ 2021-2025" by the 2015-2019 vote). The question's own is nowhere in the lines, and one of its kind is: the lines are about that
one. A name the cited document itself carries (its title, its issuer) needs no repeating in its lines."""
from __future__ import annotations

import re

from ground import vi
from ground.foreign_places import COUNTRIES, FOREIGN_PLACES
from rag.decide.places import names_foreign_places
from rag.understand.entities import foreign_places
from rag.understand.question import Question
from rag.understand.terms import FOLDED_STOPWORDS

# a commune, ward or district named by its kind, with diacritics ("xã Mường Khoa", "phường Bích Khê")
_LOCAL = re.compile(rf"(?<!\w)(xã|phường|thị trấn|huyện|quận|thị xã)\s+([{vi.UPPER}][\w]*(?:\s+[{vi.UPPER}][\w]*){{0,3}})")
_LOCAL_TYPED = re.compile(r"(?<![a-z0-9])(xa|phuong|thi tran|huyen|quan|thi xa) ([a-z]+ [a-z]+)\b")
# a term, a period or a school year, named by its kind with its years ("nhiệm kỳ 2021-2025", "khóa 2019 - 2024")
# (not a period, "giai đoạn 2022-2026", whose years a line may give one by one: the years' own gates read those)
_NO_NAME = FOLDED_STOPWORDS | frozenset("bao nhieu dau phuong xa huyen nay do ay khac".split())
_TERM = re.compile(r"\b(nhiem ky|khoa|nien khoa)\s+((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b")
_TERM_KIND = {"nhiem ky": "nhiệm kỳ", "khoa": "khóa", "nien khoa": "niên khóa"}


def rival_named(q: Question, lines: str, own: str) -> str | None:
    """What the question names that the lines answer of another of its kind, in words; None when they do not."""
    return _rival_country(q, lines, own) or _rival_local(q, lines, own) or _rival_term(q, lines, own) \
        or _rival_grade(q, lines) or _rival_measure(q, lines)


# a length naming an item ("nội dung 200 m", "cự ly 500 m", "tuyến 12 km"): the item of another length is another one
_MEASURE = re.compile(r"(?<![\d.,])(\d{1,5})\s?(m|km|mét)\b", re.IGNORECASE)


def _rival_measure(q: Question, lines: str) -> str | None:
    asked = {(int(n), u.lower().replace("mét", "m")) for n, u in _MEASURE.findall(q.text)}
    shown = {(int(n), u.lower().replace("mét", "m")) for n, u in _MEASURE.findall(lines)}
    unsaid = [f"{n} {u}" for n, u in sorted(asked - shown) if any(su == u for _, su in shown)]
    return f"thông tin về {', '.join(unsaid)}" if unsaid else None


def _countries(text: str) -> set[str]:
    """The countries a text names, not a language ("tiếng Nhật" names no Nhật Bản)."""
    return {e.name for e in foreign_places(text) if e.name in COUNTRIES
            and not re.search(r"(?i:tiếng|tieng)\s+$", text[max(0, e.start - 7):e.start])}


def _rival_country(q: Question, lines: str, own: str = "") -> str | None:
    asked = _countries(q.text)
    shown = _countries(lines)
    # (one of them said is enough: "đoàn đi Lào, Thái Lan từ ngày nào" is answered by the trip's line naming Lào; so is
    # one the document's own title names: "… ngoại giao ẩm thực ở Séc")
    # (a title naming other countries too, "… tại Ba Lan, Mexico và Nam Phi", says nothing of which the line is about)
    own = own if _countries(own) <= asked else ""
    if not asked or asked & shown or any(names_foreign_places(name, [lines, own]) for name in asked):
        return None
    # (a country the question writes in a way the reader did not take, "đi Lào Thái Lan", is no rival either)
    folded = f" {vi.collapse(q.text)} "
    others = {c for c in shown - asked if not any(f" {vi.collapse(a)} " in folded for a in (c, *FOREIGN_PLACES.get(c, ())))}
    return f"thông tin về {', '.join(sorted(asked))}" if others else None


def _locals(text: str) -> list[tuple[str, str, str]]:
    """(kind, name) folded, and the words as written, of every commune, ward or district the text names by its kind."""
    if vi.has_diacritics(text):
        return [(vi.fold(m.group(1)), vi.collapse(m.group(2)), m.group(0)) for m in _LOCAL.finditer(text)]
    return [(m.group(1), m.group(2), m.group(0)) for m in _LOCAL_TYPED.finditer(vi.collapse(text))
            if not set(m.group(2).split()) & _NO_NAME]  # "xa nao cua …", "xa phuong nao": no name


def _rival_local(q: Question, lines: str, own: str) -> str | None:
    asked = _locals(q.text)
    if not asked:
        return None
    said = f" {vi.collapse(lines)} {vi.collapse(own)} "
    unsaid = [(k, n, typed) for k, n, typed in asked if f" {n} " not in said]
    rivals = [n for k, n, _ in _locals(lines) if any(k == ak and not n.startswith(an) and not an.startswith(n)
                                                      for ak, an, _ in unsaid)]
    return f"thông tin về {', '.join(typed for _, _, typed in unsaid)}" if unsaid and rivals else None


def _rival_term(q: Question, lines: str, own: str) -> str | None:
    terms = _TERM.findall(vi.fold(q.text).lower())
    asked = [(int(a), int(b)) for _, a, b in terms]
    if not asked:
        return None
    shown = [(int(a), int(b)) for _, a, b in _TERM.findall(vi.fold(lines).lower())]
    titled = [(int(a), int(b)) for _, a, b in _TERM.findall(vi.fold(own).lower())]
    # a term inside one the lines or the document name ("2027-2028" of "giai đoạn 2026 - 2030") is of it
    unsaid = [t for t in asked if not any(s[0] <= t[0] and t[1] <= s[1] for s in shown + titled)]
    if unsaid and shown:
        kind = _TERM_KIND[terms[0][0]]
        return f"thông tin của {kind} {', '.join(f'{a}-{b}' for a, b in unsaid)}"
    return None


# a grade or class of a kind ("đoàn khách hạng đặc biệt", "hạng A", "loại 1"): lines giving another grade's figure
_GRADE = re.compile(r"\b(hang|loai)\s+(dac biet|[a-d]|\d{1,2}|i{1,3}|iv)\b")


def _rival_grade(q: Question, lines: str) -> str | None:
    asked = {m.groups() for m in _GRADE.finditer(q.pq.folded)}
    said = {m.groups() for m in _GRADE.finditer(vi.collapse(lines))}
    unsaid = [a for a in asked if a not in said and any(kind == a[0] for kind, _ in said)]
    return f"thông tin về {' '.join(unsaid[0])}".replace("hang", "hạng").replace("dac biet", "đặc biệt") if unsaid else None
