"""Does a line count what a question counts? The thing a "bao nhiêu / mấy" question counts, and a figure of the lines
that counts it: before it ("12 nhóm nhiệm vụ"), soon after it ("Số lưu học sinh …: năm 2022 có 74 người"), or spelled
out ("ba trụ cột"); not a year, a date, a span of time or a document's number."""
from __future__ import annotations

import re
from collections.abc import Callable, Collection

from ground import vi
from rag.find.firsts import GLUED_UNITS, MONEY_ASKED, SUM
from rag.find.sentences import PEOPLE_NOUNS
from rag.understand import entities
from rag.understand.question import FEW, Question, asking_fold

# the first word after "bao nhiêu / mấy" that is no unit of time or money, no function word: the thing counted
_NOT_COUNTED = frozenset("ngay thang nam gio phut tuan quy lan tien ty trieu dong usd phan tram la duoc co thi nguoi ve "
                         "ai trong dat moi de rieng cho uoc xuong den dien kinh ngan tong nguon muc ky lay con "
                         "km m ha kg tan lit mot bang va hay vi chiec cai "
                         # people called as a chat calls them ("mấy em", "bao nhiêu bạn"): the text says "học sinh"
                         "em chau ban anh chi ong ba".split())  # ("vị", "chiếc": classifiers) units are said as symbols ("265,165 km"), not as words


def counted_phrase(q: Question) -> str | None:
    """What a one-part question counts ("ấn phẩm thông"), folded, its head first; None when it counts people
    ("bao nhiêu người", said many ways), time, money, or asks a number or an ordinal ("số mấy", "thứ mấy")."""
    if len(q.parts) > 1 or re.search(r"\b(?:so|thu) (?:may|bao nhieu)\b", q.pq.folded):
        return None
    if _ASKED_BARE.search(vi.fold(q.pq.text)):
        return None  # "nguồn xã hội hóa bao nhiêu, dùng cho việc gì?": the words after the comma are counted by nothing
    m = COUNTED_THING.search(asking_fold(q.pq.text))  # "Xuân Mây Đảo … bao nhiêu kiều bào": no "mấy đảo"
    if m and m.group(0).startswith("may") and re.search(r"\b(?:nao|ai|gi|dau|khi nao|bao gio)\b", q.pq.folded):
        return None  # typed without tone marks, "vé máy bay … bên nào trả" asks which side, not how many
    if m and m.group(1).startswith("dien vien"):
        return m.group(1)  # "bao nhiêu diễn viên" counts performers ("diện tích", "điện" are not counted)
    if not m:
        return None
    # (the thing as typed: a masked word is counted too, "bao nhiêu kỳ chuyên mục" — "kỳ" is no "ký")
    plain = vi.collapse(q.pq.text)
    thing = plain[m.start(1):m.end(1)] if len(plain) == len(m.string) else m.group(1)
    # ("bao nhiêu viện trợ", "bao nhiêu vốn": a sum, whatever unit it is given in)
    return thing if thing.split()[0] not in _NOT_COUNTED and not thing.startswith(("vien tro", "von ")) else None


# numbers said in words, folded ("ba trụ cột"); not "tư", which folds as "từ" does (find/sentences.SPELLED has it)
_NUMBER_WORDS = "mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi"
_FIGURE = rf"(?:\d[\d.,]*|{_NUMBER_WORDS}|tram|nghin)"
COUNT_GAP = 3  # words between a figure and the thing it counts ("12 nhóm nhiệm vụ", "300.000 lượt khách quốc tế")
VALUE_REACH = 14  # words after the thing named within which its figure is given


# one thing counted under two names: "bao nhiêu nước" is answered by "33 quốc gia và vùng lãnh thổ"
SAME_THING = {"nuoc": ("nuoc", "quoc gia"), "quoc": ("quoc gia", "nuoc"), "tieng": ("tieng", "ngon ngu"),
              "met": ("met", "m"), "km": ("km", "ki lo met"), "hecta": ("hecta", "hec ta", "ha"), "hec": ("hec ta", "ha"),
              "nguoi": PEOPLE_NOUNS}
# a classifier before the thing counted: "mấy thứ tiếng" counts languages, "bao nhiêu loại hình" forms
_CLASSIFIERS = frozenset({"thu", "loai"})  # (not "kieu": "kiều bào" folds to it)
# things whose first syllable names another thing alone: "hội viên" are no "hội", "học sinh" no "học bổng"
_COMPOUND_HEADS = frozenset({"hoi vien", "hoc sinh", "hoc vien", "hoc bong", "doan vien", "thanh vien", "sinh vien",
                             "giai nhat", "giai nhi", "giai ba", "giai dac", "giai khuyen"})  # (a prize by its rank)


def tallied(thing: str, shown: str) -> bool:
    """A figure of the lines counts the thing asked, by its head: both words of a compound ("hội viên"), else the first
    ("bao nhiêu đoàn đăng ký": "gần 100 đoàn võ thuật")."""
    words = thing.split()
    if len(words) > 1 and words[0] in _CLASSIFIERS:
        words = words[1:]
    return figure_of(" ".join(words[:2]) if " ".join(words[:2]) in _COMPOUND_HEADS else words[0], shown)


def figure_of(head: str, shown: str) -> bool:
    """A figure of the lines counts the thing asked (its head word, or another name of it): it stands before it, a few
    words apart, or after it as its value ("Số đoàn: 12", "nhiệm vụ gồm 5"); or the lines list several items for the
    asker to count."""
    said = vi.collapse(shown)
    h = "(?:" + "|".join(map(re.escape, SAME_THING.get(head, (head,)))) + ")"
    if re.search(rf"\b{_FIGURE}(?: [a-z]+){{0,{COUNT_GAP}}} {h}\b", said):
        return True
    if head in GLUED_UNITS and re.search(rf"\d{h}\b", said):  # "500kg nhãn lồng"
        return True
    # "Số lưu học sinh … tăng nhanh: năm 2021 có 38 người", "Chỉ tiêu 6.": a figure soon after it, not a year or date
    # (within its sentence: "… trao giải Nhất cho các cá nhân" / "Ban tổ chức nhận được 970 tác phẩm" counts no prize)
    # (nor a document's: "Kết luận 57-KL/TW", nor a match's score: "… với tỉ số 3-1")
    sentences = re.split(r"\n|(?<=[.!?])\s+", re.sub(r"\d+(?=\s*[-/]\s*[A-ZĐ])|\b\d{1,2}\s*[-–]\s*\d{1,2}\b(?!\s*/)", " ", shown))
    for after in (m for sentence in sentences for m in re.finditer(rf"\b{h}\b((?:\W+\w+){{1,{VALUE_REACH}}})", vi.collapse(sentence))):
        rest = re.sub(r"\b\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\b|\b(?:19|20)\d\d\b", " ", after.group(1))
        # ("Chương III": the last of three; a figure inside a name counts nothing: "Đội All Star U13")
        if re.search(r"(?<![a-z\d])\d", rest) or re.match(r"\W+[ivxl]{1,5}\b", rest):
            return True
    return bool(set(SAME_THING.get(head, (head,))) & set(vi.folded_syllables(shown))) and sum(line.lstrip().startswith(("-", "+", "•"))
                                                      for line in shown.split("\n")) >= 2


def counts(shown: str, thing: str = "") -> bool:
    """Some figure of the lines counts something other than time: a number left once dates, years, periods and
    spans of days, months or years are taken out, or the thing counted spelled out ("chính quyền … hai cấp")."""
    if thing and re.search(rf"\b(?:{_NUMBER_WORDS}) {re.escape(thing)}\b", vi.collapse(shown)):
        return True
    rest = shown
    tagged = entities.tag(shown)
    if any(e.kind == "number" and not e.text[:1].isdigit() and not _TIME_FIGURE.search(vi.collapse(e.text))
           for e in tagged):
        return True  # "ba trụ cột", "lần thứ hai"
    for e in sorted(tagged, key=lambda e: -e.start):
        if e.kind in ("date", "period", "document") or e.kind == "number" and _TIME_FIGURE.search(vi.collapse(e.text)):
            rest = rest[:e.start] + " " + rest[e.end:]
    rest = re.sub(r"\b(?:19|20)\d\d\b|\[\d+\]", " ", rest)
    return re.search(r"\d", rest) is not None


# the rank of a thing asked ("kỳ họp thứ mấy", "HĐND khóa mấy", "lần thứ mấy"), and how a text writes one
ORDINAL_ASKED = re.compile(r"\b(ky hop|khoa|lan|dot|nhiem ky|dai hoi) (?:thu )?may\b")
_ORDINAL_VALUE = r"\d{1,3}|[ivxlc]{1,7}|nhat|hai|ba|tu|nam|sau|bay|tam|chin|muoi(?: [a-z]+)?"
_ASKED_BARE = re.compile(r"\b(?:bao nhieu|may)\s*[,;:?]")
# ("thứ mấy của Việt Nam", "đứng thứ bao nhiêu": a rank asked, counting nothing)
COUNTED_THING = re.compile(rf"(?<!\bthu )\b(?:bao nhieu|{FEW})\s+(?!(?:mot|moi) )([a-z]+(?: [a-z]+)?)")  # ("bao nhiêu một tháng": a rate)
TIME_UNITS = frozenset({"ngay", "thang", "nam", "gio", "phut", "tuan", "quy", "lan"})
ASKS_HOW_LONG = re.compile(r"\b(?:bao lau|may (?:gio|ngay|tuan|thang))\b")
DURATION = re.compile(r"\b\d+\s*(?:giờ|ngày(?: làm việc)?|tuần|tháng|năm)\b(?!\s*/)(?!\s*(?:19|20)\d\d)", re.IGNORECASE)
_TIME_FIGURE = re.compile(r"\b(?:ngay|thang|nam|gio|phut|tuan|quy)\b")


def counted_in(part: str, shown: str) -> bool:
    """A line shown for one part of a question that counts something ("bao nhiêu dự án FDI") states a figure of the
    thing it counts; of a part counting nothing named, any figure other than time."""
    folded = asking_fold(part)
    if ordinal := ORDINAL_ASKED.search(folded):  # "kỳ họp thứ mấy", "khóa mấy": "Kỳ họp thứ chín", "khóa XVII"
        return re.search(rf"\b{ordinal.group(1)} (?:thu )?(?:{_ORDINAL_VALUE})\b", vi.fold_same_length(shown).lower()) is not None
    if MONEY_ASKED.search(folded):  # "tổng vốn bao nhiêu", "ngân sách phường bao nhiêu": a sum of money
        return SUM.search(shown) is not None
    m = COUNTED_THING.search(folded)
    head = m.group(1).split()[0] if m else None
    if head == "gio":  # "lúc mấy giờ": a time of day ("20h00", "8 giờ 30", "14:00")
        return re.search(r"\b\d{1,2}\s*(?:h|giờ|g|:)\s*\d{0,2}\b", shown, re.IGNORECASE) is not None
    if head in TIME_UNITS:  # "kỷ niệm mấy năm kết nghĩa": a span of that unit ("10 năm", "kéo dài ba ngày")
        return re.search(rf"\b(?:\d[\d.,]*|{_NUMBER_WORDS})\s+{head}\b", vi.collapse(shown)) is not None
    return figure_of(head, shown) if head and head not in _NOT_COUNTED else counts(shown)



# a group the question counts within the people or things it names: "bao nhiêu VĐV nước ngoài", "mấy đoàn quốc tế"
_QUALIFIED = re.compile(r"\b(?:bao nhieu|may) ((?:[a-z]+ ){1,3}?)(nuoc ngoai|quoc te|nu|kieu bao|viet kieu|nguoi nuoc ngoai)\b")


def unsaid_qualifier(q: Question, shown: str, documents: Callable[[], Collection[str]]) -> str | None:
    """"Có bao nhiêu VĐV nước ngoài …?" of lines counting every runner ("gần 2.000 VĐV") of a page that counts no such
    group anywhere ("70 VĐV nước ngoài"): the group asked is not what their figures count."""
    m = _QUALIFIED.search(vi.fold_same_length(q.pq.text).lower())  # (its offsets are the typed text's)
    if not m or len(q.parts) > 1 or m.group(2) in vi.collapse(shown):
        return None
    counted = re.compile(rf"\d[\d.,]*(?: [a-z]+){{1,4}} {m.group(2)}\b")
    if any(counted.search(vi.collapse(text)) for text in documents()):
        return None  # (the documents count that group: a line of theirs does)
    return f"số {q.pq.text[m.start(1):m.end(2)]} được hỏi"
