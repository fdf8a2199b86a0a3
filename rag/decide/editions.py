"""Which occasion a question asks and the lines shown tell of: the edition of a recurring event ("lần thứ 3", "lần thứ
V", "lần thứ năm", "lần đầu" read as one number), the term ("khóa V"), the anniversary ("73 năm"), the half year, the
grade, the office (a deputy is not the head)."""
from __future__ import annotations

import re

from ground import vi
from rag.understand.question import Question

# "lần thứ 3", "lần thứ V", "lần thứ năm", "lần đầu (tiên)": an edition
NTH = re.compile(r"\blan (?:thu )?(\d{1,3}|[ivx]{1,5})\b|\blan (?:thu (nhat|hai|ba|tu|nam|sau|bay|tam|chin|muoi)|(dau))\b")
_ORDINAL_WORDS = {"dau": 1, "nhat": 1, "hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10}
_ROMAN = {"i": 1, "v": 5, "x": 10}


def edition_terms(folded_question: str) -> set[str] | None:
    """The terms (bigrams) a text naming the edition the question asks holds, any of them ("lan dau", "thu nhat",
    "lan 1"); None when no edition is asked."""
    nth = NTH.search(folded_question)
    if nth is None:
        return None
    value = ordinal_value(nth.group(1) or nth.group(2) or nth.group(3))
    words = {str(value)} | {w for w, v in _ORDINAL_WORDS.items() if v == value} | {
        r for r in ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x") if ordinal_value(r) == value}
    return {f"{head} {w}" for head in ("lan", "thu") for w in words}


def ordinal_value(word: str) -> int:
    """'5', 'v', 'nam' → 5: an edition however it is written."""
    if word.isdigit():
        return int(word)
    if word in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[word]
    values = [_ROMAN[c] for c in word]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


# the same, as a text with tone marks writes it: folded, "Thái Lan). II. KẾT QUẢ" would read as "lần II"
_NTH_WRITTEN = re.compile(r"\blần (?:thứ )?(\d{1,3}|[ivx]{1,5})\b"
                          r"|\blần (?:thứ (nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)|(đầu))\b")


# the kind of event an edition is of: "Hội nghị … lần đầu tiên" is no "Đại hội … lần thứ XIII"
_EVENTS = re.compile(r"\b(dai hoi|hoi nghi|hoi thao|dien dan|festival|lien hoan|le hoi|ky hop|phien hop|hoi cho|trien lam|"
                     r"tuan van hoa|cuoc thi|hoi dam|trai he|giai)\b")
EVENT_REACH = 80  # characters before an edition within which its event is named


def _event_before(folded: str, at: int) -> str | None:
    found = list(_EVENTS.finditer(folded[max(0, at - EVENT_REACH):at]))
    return found[-1].group(1) if found else None


def said_editions(text: str, folded: str, event: str | None = None) -> set[int]:
    """The editions a text tells of, read with its tone marks when it has them (`folded`: vi.collapse(text)); with
    `event`, only those of that kind of event or of none named."""
    if vi.has_diacritics(text):
        written = " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())
        found = [(vi.fold(next(g for g in m.groups() if g)), _event_before(vi.fold_same_length(written).lower(), m.start()))
                 for m in _NTH_WRITTEN.finditer(written)]
    else:
        found = [(m.group(1) or m.group(2) or m.group(3), _event_before(folded, m.start())) for m in NTH.finditer(folded)]
    return {ordinal_value(v) for v, of in found if event is None or of is None or of == event}


ROLES = {"chu tich": "Chủ tịch", "giam doc": "Giám đốc", "bo truong": "Bộ trưởng", "thu truong": "Thứ trưởng",
         "dai su": "Đại sứ", "hieu truong": "Hiệu trưởng", "truong phong": "Trưởng phòng", "vu truong": "Vụ trưởng",
         "cuc truong": "Cục trưởng"}
_ROLE = re.compile(rf"\b(pho )?({'|'.join(ROLES)})\b")
_ASKS_NAME = re.compile(r"\b(?:ten (?:la )?gi|ho ten|ten day du)\b")  # "chủ tịch … tên gì": a person asked
_HALF = re.compile(r"\b(?:6|sau) thang (dau|cuoi)\b")


# a grade or group by its letter or number: "khách hạng D", "Nhóm B", "loại 2"
_GRADE = re.compile(r"\b([Hh]ạng|[Hh]ang|[Nn]hóm|[Nn]hom|[Ll]oại|[Ll]oai)\s+([A-D]|\d{1,2})\b(?!\s*/)")


# an anniversary by its years: "kỷ niệm 73 năm", "75 năm Quốc khánh", "70 năm Ngày thành lập"
_ANNIVERSARY = re.compile(r"\b(?:ky niem (\d{1,3}) nam|(\d{1,3}) nam (?:ngay )?(?:quoc khanh|thanh lap|truyen thong|ngay))\b")


# a body's term by its number: "khóa V", "khóa XIV", "khóa 5"
_TERM = re.compile(r"\bkhoa (\d{1,2}|[ivx]{1,5})\b")


def _anniversaries(folded: str) -> set[str]:
    return {m.group(1) or m.group(2) for m in _ANNIVERSARY.finditer(folded)}


def other_edition(asked_folded: str, shown: str, titles: str = "") -> str | None:
    """The edition asked ("lần thứ XXIII"), in words, when the lines name only other editions of its event."""
    nth = NTH.search(asked_folded)
    if not nth:
        return None
    said = said_editions(shown, vi.collapse(shown), _event_before(asked_folded, nth.start()))
    asked = nth.group(1) or nth.group(2) or nth.group(3)
    titled = said_editions(titles, vi.collapse(titles), _event_before(asked_folded, nth.start())) if titles else set()
    # (lines naming no edition are of the one their text is titled for: "Quy mô dự kiến: … 350 khách quốc tế" in the
    # notice for "Festival … lần thứ II", asked of "lần thứ I")
    if (said or titled) and ordinal_value(asked) not in said | titled:
        return "lần đầu" if asked == "dau" else f"lần thứ {asked}"
    return None


def names_edition(asked_folded: str, text: str) -> bool:
    """The text tells of the very edition asked ("lần thứ VI" asked and said)."""
    nth = NTH.search(asked_folded)
    if not nth:
        return False
    asked = nth.group(1) or nth.group(2) or nth.group(3)
    return ordinal_value(asked) in said_editions(text, vi.collapse(text), _event_before(asked_folded, nth.start()))


def of_other_edition(asked_folded: str, line: str, text: str) -> bool:
    """A line telling of another edition than the one asked, or naming none in a text (`text`: its title and lines)
    that tells of other editions only ("Liên hoan … lần thứ IV" when "lần thứ VI" is asked): it answers another
    question, however many words it shares."""
    nth = NTH.search(asked_folded)
    if not nth:
        return False
    if other_edition(asked_folded, line):
        return True
    return not said_editions(line, vi.collapse(line), _event_before(asked_folded, nth.start())) \
        and other_edition(asked_folded, text) is not None


def other_occasion(q: Question, shown: str, titles: str = "") -> str | None:
    """The lines shown are of another edition, half year or grade than the one asked ("lần thứ 3" asked, "lần 2" shown;
    "6 tháng cuối" asked, "6 tháng đầu" shown; "hạng D" asked, "hạng A, hạng B" shown): what is missing, in words.
    `titles`: the titles of the documents the lines are from; a page titled for the edition asked ("Hội nghị … lần thứ
    IX") is of it, whatever other edition its lines name ("… chuẩn bị Đại hội lần thứ VI")."""
    folded = vi.collapse(shown)
    edition = other_edition(q.pq.folded, shown, titles)
    if edition:
        return edition
    asked_term = _TERM.search(q.pq.folded)
    said_terms = {ordinal_value(m.group(1)) for m in _TERM.finditer(folded)} | {
        ordinal_value(m.group(1)) for m in _TERM.finditer(vi.collapse(titles))}
    if asked_term and said_terms and ordinal_value(asked_term.group(1)) not in said_terms:
        return f"khóa {asked_term.group(1).upper()}"  # "khóa VI" asked, "Đoàn Chủ tịch … khóa V" shown
    asked_years = _anniversaries(q.pq.folded)
    said_years = _anniversaries(folded)
    if asked_years and said_years and not asked_years & said_years:  # "75 năm Quốc khánh" asked, "73 năm" shown
        return f"lễ kỷ niệm {min(asked_years, key=int)} năm"
    half = _HALF.search(q.pq.folded)
    if half and not re.search(rf"\b(?:6|sau) thang {half.group(1)}\b", folded) \
            and re.search(r"\b(?:6|sau) thang (?:dau|cuoi)\b", folded):
        return f"số liệu 6 tháng {'đầu' if half.group(1) == 'dau' else 'cuối'} năm"
    grade = _GRADE.search(q.text)
    if grade:  # "khách hạng D" asked where the lines grade their guests A, B, C: no such grade
        noun, mark = vi.fold(grade.group(1)), grade.group(2)
        marks = {m.group(2) for m in _GRADE.finditer(shown) if vi.fold(m.group(1)) == noun}
        if marks and mark not in marks:
            return f"{grade.group(1).lower()} {mark}"
    role = _ROLE.search(q.pq.folded)
    if role and (q.answer_type == "person" or _ASKS_NAME.search(q.pq.folded)) and not role.group(1):
        # "Chủ tịch UBND tỉnh là ai?": a "Phó Chủ tịch" shown is another office
        holder = re.compile(rf"(?<!pho )\b{role.group(2)}\b")
        if re.search(rf"\bpho {role.group(2)}\b", folded) and not holder.search(folded):
            return f"người giữ chức {ROLES[role.group(2)]}"
    return _other_phase(q, folded)


# an event's opening and closing: "bế mạc ngày nào" is not answered by the day it opened
_PHASES = {"be mac": "bế mạc", "ket thuc": "kết thúc", "khai mac": "khai mạc"}
_OPENING, _CLOSING = ("khai mac",), ("be mac", "ket thuc")
_SPAN = re.compile(r"\b\d{1,2}\s*[-–]\s*\d{1,2}\s*/\s*\d{1,2}|\btu (?:ngay )?\d{1,2}\b.{0,40}\bden (?:ngay )?\d{1,2}\b"
                   r"|\bden (?:het )?ngay \d{1,2}\b|\bkeo dai\b|\bdien ra trong\b")


def _other_phase(q: Question, folded: str) -> str | None:
    if q.answer_type not in ("date", "period") and not re.search(r"\b(?:ngay nao|khi nao|bao gio|hom nao)\b", q.pq.folded):
        return None
    asked = next((p for p in _PHASES if re.search(rf"\b{p}\b", q.pq.folded)), None)
    if asked is None or _SPAN.search(folded):
        return None  # (a span of days, "từ 14 đến 16/12", tells both)
    same = _CLOSING if asked in _CLOSING else _OPENING
    other = _OPENING if asked in _CLOSING else _CLOSING
    if not any(re.search(rf"\b{p}\b", folded) for p in same) and any(re.search(rf"\b{p}\b", folded) for p in other):
        return f"ngày {_PHASES[asked]}"
    return None
