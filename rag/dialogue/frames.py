"""The shapes a follow-up's words take against the previous question: words it only repeats, a document it names
itself, a phrase it puts in the place of the previous question's subject."""
from __future__ import annotations

import re
from datetime import date, timedelta

from ground import vi
from ground.numbers import DOC_KINDS
from rag.dialogue.state import Conversation
from rag.understand.entities import Entity
from rag.understand.named import find_entities

# Words a follow-up says around what it changes ("năm 2030 thì bao nhiêu?" repeats "bao nhiêu" of the previous
# question): none of them is a subject of its own.
_FRAME_WORDS = {"thi", "co", "duoc", "la", "con", "the", "vay", "sao"}
MAX_REPEATED = 3  # "năm 2030 thì bao nhiêu": a few repeated question words, not a question of its own


_DOCUMENT_WORD = re.compile(r"\b(?:ke hoach|kh|van ban|quyet dinh|chuong trinh|cong van|chi thi|de an|nghi quyet)\b")


def repeats_previous(text: str, content: list[str], previous: str) -> bool:
    """True when a turn's words besides its entities are a few words of the previous question: "còn năm 2030 thì
    bao nhiêu?" after "… tổng kinh phí bao nhiêu?" asks the same with the new year. A turn naming a document
    ("Kế hoạch của Hải Phòng do ai ký?") is a whole question."""
    if _DOCUMENT_WORD.search(vi.collapse(text)):
        return False
    own = [w for w in content if w not in _FRAME_WORDS]
    return 0 < len(own) <= MAX_REPEATED and set(own) <= set(vi.collapse(previous).split())


# A document kind followed by its own name: "chương trình của Hội Di sản …", "đề án nâng cao hiệu quả …" — the
# turn names a document of its own, so it starts afresh instead of being asked of the conversation's plan.
_KINDS = (r"(?:ke hoach|van ban|cong van|quyet dinh|chuong trinh|de an|chi thi|nghi quyet|chien luoc|bao cao"
          r"|hoi thao|hoi nghi|le hoi|lien hoan|festival|trien lam|hoi cho|dai hoi|tuan le)")  # …or an event of its owner
_REFERENCE = {"nay", "do", "day", "ay", "tren", "kia", "noi", "vua", "neu", "cua", "thi", "sao"}
# named by a title: only the kinds that are no everyday word ("báo cáo kết quả", "chương trình giao lưu" are work)
_TITLED_KINDS = r"(?:de an|chien luoc|chi thi|nghi quyet|quyet dinh|so tay)"  # (not "tài liệu họp …": the meeting's papers)
_OWN_NAME = re.compile(rf"(?<!\w)(?:{_KINDS}(?:\s+\w+){{0,5}}?\s+(?:cua|do)\s+(\w+(?:\s+\w+)+)"
                       rf"|{_TITLED_KINDS}\s+(\w+(?:\s+\w+){{2,}}))")
_GENERIC_OWNER = set("ubnd uy ban nhan dan tinh thanh pho tp so bo nganh hoi dong thi ai ky nao gi".split())
_QUESTION_WORDS = set("co thi la duoc ai nao gi bao khi ngay may ky lam phai".split())
MIN_NAME_WORDS = 3  # "đề án nâng cao hiệu quả": a title; "kế hoạch đó", "văn bản này" are references


def names_own_document(body: str, plan_owner: str | None) -> bool:
    """True when the turn names a document by its issuer ("của Hội …", not the conversation's own owner) or by a
    title of its own, rather than pointing back at the conversation's plan."""
    folded = vi.collapse(body)
    m = _OWN_NAME.search(folded)
    if not m:
        return False
    # "hội nghị đó diễn ra ngày nào?": typed "đó" points back (that meeting); only "do" typed bare may be "by"
    if re.search(r"(?<!\w)(?:đó|Đó|ấy|này)(?!\w)", body) and not re.search(r"(?<!\w)(?:do|Do|của|cua)(?!\w)", body):
        return False
    if m.group(1):  # "của X": a new owner unless it is the conversation's, or a reference ("của tỉnh đó")
        words = m.group(1).split()
        cut = next((i for i, w in enumerate(words) if w in _QUESTION_WORDS), len(words))
        words = words[:cut] or words[:1]  # "của Hội … thì ai ký": the owner ends where the question starts
        if words[-1] in _REFERENCE or any(w in _REFERENCE - {"cua"} for w in words[:3]):
            return False
        if len([w for w in words[:4] if w not in _GENERIC_OWNER]) < 2:
            return False  # "kế hoạch của UBND tỉnh": the plan's own issuer, said generically
        owner = vi.collapse(plan_owner or "")
        return not owner or not (" ".join(words[:len(owner.split())]) in owner or owner in m.group(1))
    words = m.group(2).split()
    title = []
    for w in words:
        if w in {"thi", "co", "la", "duoc", "do", "ai", "nao", "gi", "bao", "khi", "ngay"}:
            break
        title.append(w)
    return len(title) >= MIN_NAME_WORDS and not set(title[:2]) & _REFERENCE


def swapped_subject(phrase: str, previous: str, subject: str | None) -> str | None:
    """The previous question asked of `phrase` instead of its subject: "còn ngày hội giao lưu Việt - Lào thì sao?"
    after "Lễ hội Hoa Sở … kinh phí bao nhiêu?" (the subject the last answer named) asks the festival's budget."""
    if not subject or not phrase.strip():
        return None
    at = previous.lower().find(subject.lower())
    if at < 0:
        return None
    return " ".join((previous[:at] + phrase.strip() + previous[at + len(subject):]).split())


def between(text: str, lead: str, trail: str) -> str:
    """The words of `text` (as typed) between its lead words ("còn") and its trailing ones ("thì sao?")."""
    words = text.strip().rstrip(" ?.!").split()
    words = words[len(lead.split()):]
    tail = trail.split()
    while tail and words and vi.collapse(words[-1]) == tail[-1]:
        words.pop()
        tail.pop()
    return " ".join(words)


MAX_NAME_SYLLABLES = 4
_BODY_HEADS = frozenset("ubnd uy so bo ban cuc vu phong hoi doan".split())
# the items a plan lists, typed plainly: "gói bảo hiểm", "lớp 3", "tập 4", "đợt 2", "nhiệm vụ …", "hợp phần …"
_ITEM_HEADS = frozenset("goi lop tap dot muc nhiem hop chuyen hang giai cuoc".split())


def unknown_name(text: str, content: list[str]) -> Entity | None:
    """The span of the folded `content` words in `text` as a place: capitalised when typed with diacritics."""
    m = re.search(r"\W+".join(map(re.escape, content)), vi.fold_same_length(text).lower())
    if not m:
        return None
    words = text[m.start():m.end()]
    if vi.has_diacritics(text) and not all(w[:1].isupper() for w in words.split()):
        return None  # "còn hoạt động khác thì sao?" names no place
    if content and (content[0] in _BODY_HEADS or content[0] in _ITEM_HEADS):
        return None  # "còn với ubnd các tỉnh thì sao": a body, typed without capitals, is no place; nor "còn gói bảo hiểm"
    return Entity("province", m.start(), m.end(), words, " ".join(w[:1].upper() + w[1:] for w in words.split()))


def year_for_year(text: str, content: list[str], previous: str) -> bool:
    """"năm 2026 đạt bao nhiêu?" after "… đến 2032 đón bao nhiêu khách quốc tế?": a few words and a year, after a
    question about a year, ask the same of the new year (the verb may differ)."""
    own = [w for w in content if w not in _FRAME_WORDS]
    # (…or after a question asking a figure of no year: "còn riêng năm 2028?" after "tổng kinh phí bao nhiêu")
    asked_figure = re.search(r"\b(?:bao nhieu|may)\b", vi.collapse(previous)) and set(content) <= {"rieng"}
    return len(own) <= MAX_REPEATED and bool(re.search(r"\b(?:19|20)\d\d\b", previous) or asked_figure) \
        and not _DOCUMENT_WORD.search(vi.collapse(text))


def other_year(text: str, plan) -> bool:
    """"còn năm 2013 thì …" after a page without a number whose title is of 2023: the page of another year is
    another document ("Ngày Việt Nam ở nước ngoài 2013"), not a question about the one named by its owner."""
    if plan is None or plan.number:
        return False
    asked = set(re.findall(r"\b(?:19|20)\d\d\b", text))
    titled = set(re.findall(r"\b(?:19|20)\d\d\b", plan.title or ""))
    return bool(asked and titled and not asked & titled)


_BELOW_PROVINCE = ("huyện", "xã", "phường", "quận", "thị xã")


def unit_named(said: str, context) -> str | None:
    """"huyện đó" after an answer naming "huyện Sầm Tớ, tỉnh Hủa Phăn": the unit of that kind the last answer names
    and the last question did not (a province cannot be a district: the plan's own place never fills it)."""
    word = next((w for w in _BELOW_PROVINCE if vi.collapse(said).startswith(vi.collapse(w) + " ")), None)
    if word is None:
        return None
    asked = vi.collapse(context.question or "")
    for point in context.points:
        for m in re.finditer(rf"\b{word}\s+((?:[{vi.UPPER}][{vi.LOWER}]*)(?:\s+[{vi.UPPER}][{vi.LOWER}]*){{0,3}})",
                             str(point.get("text") or "")):
            if vi.collapse(m.group(1)) not in asked:
                return m.group(1)
    return None


# "còn với X thì sao?", "còn cho X?": the previous question's partner after the same word, swapped for X
_SWAPPED_PARTNER = re.compile(r"^\s*(?:(?:thế|vậy|the|vay)\s+)?(?:còn|con)\s+(với|voi|cho)\s+(.+?)\s*"
                              r"(?:(?:thì|thi)\s+(?:sao|thế nào|the nao))?\s*\??\s*$", re.IGNORECASE)


def swapped_partner(question: str, previous: str) -> str | None:
    """The previous question asked of another partner: "còn với Bộ Ngoại giao?" after "Sở X đề xuất gì với Bộ Văn
    hóa, Thể thao và Du lịch?" asks "Sở X đề xuất gì với Bộ Ngoại giao?". None when the previous question has no
    partner after that word."""
    m = _SWAPPED_PARTNER.match(question)
    if not m or not previous:
        return None
    word = vi.collapse(m.group(1))
    folded = vi.fold_same_length(previous).lower()
    at = [x for x in re.finditer(rf"\b{word}\s+", folded)]
    if not at:
        return None
    last = at[-1]
    end = len(previous.rstrip(" ?.!"))
    return previous[:last.end()] + m.group(2).strip() + previous[end:]


_SWAPPED_SIDE = re.compile(r"^\s*(?:(?:thế|vậy|the|vay)\s+)?(?:còn|con)\s+(phía|bên|phia|ben)\s+(.+?)\s*"
                           r"(?:(?:thì|thi)\s+(?:sao|thế nào|the nao))?\s*\??\s*$", re.IGNORECASE)
_NAME_RUN = re.compile(rf"(?:[{vi.UPPER}][\w-]*)(?:\s+[{vi.UPPER}(][\w)-]*)*")


def swapped_side(question: str, previous: str) -> str | None:
    """The previous question asked of the other side: "còn phía Trung Quốc?" after "phía Lai Châu ai chủ trì?" asks
    "phía Trung Quốc ai chủ trì?" (only the name after "phía"/"bên" changes, the asking words stay). None when the
    previous question names no side."""
    m = _SWAPPED_SIDE.match(question)
    if not m or not previous or _ANY_QUESTION.search(vi.collapse(m.group(2))):
        return None  # ("còn phía bạn thì ai ký": it asks for itself)
    word = vi.collapse(m.group(1))
    folded = vi.fold_same_length(previous).lower()
    at = list(re.finditer(rf"\b{word}\s+", folded))
    if not at:
        return None
    start = at[-1].end()
    spans = [e for e in find_entities(previous) if e.start == start]
    end = spans[0].end if spans else start + len(name.group(0)) if (name := _NAME_RUN.match(previous, start)) else None
    if end is None:
        return None
    return previous[:start] + m.group(2).strip() + previous[end:]


def numbered(question: str, number: str) -> str:
    """'Quyết định 1486/QĐ-UBND' as the last question named it (its kind before the number), else 'văn bản …'."""
    kind = re.search(rf"\b({'|'.join(DOC_KINDS)})\s+(?:so\s+)?{re.escape(number.split('/')[0])}\b",
                     vi.collapse(question))
    return f"{DOC_KINDS[kind.group(1)] if kind else 'văn bản'} {number}"


# the words that carry a question: what a bare "còn X?" asks again of X
_ASKING = re.compile(r"\b(?:(?:la|do|o|tai|vao|co|duoc|truoc|sau|tu|den) )?(?:ai|nhung ai|o dau|tai dau|khi nao|bao gio|ngay nao|nam nao"
                     r"|bao nhieu|may)\b")  # not a bare "gì/nào": "còn các lễ hội?" after "di sản nào?" lists them
_ANY_QUESTION = re.compile(r"\b(?:gi|nao|ai|bao nhieu|may|dau|khi|sao|the nao|khong|chua)\b")


def asked_again(phrase: str, previous: str) -> str | None:
    """"còn phó trưởng ban thường trực?" after "… trưởng ban là ai?": the previous question's asking words ("là ai")
    said of the new phrase; None when the phrase asks something itself or the previous question asks nothing."""
    if not phrase.strip() or _ANY_QUESTION.search(vi.collapse(phrase)):
        return None
    folded = vi.fold_same_length(previous).lower()
    found = list(_ASKING.finditer(folded))
    if not found:
        return None
    frame = previous[found[-1].start():].strip()
    # (typed without diacritics, the whole question is: "con giai khuyen khich?" → "giai khuyen khich bao nhieu")
    frame = frame if vi.has_diacritics(phrase) else vi.strip_marks(frame)
    return f"{phrase.strip().rstrip(' ?')} {frame}"


_SWAPPED_DAY = re.compile(r"^\s*(?:(?:thế|vậy|the|vay)\s+)?(?:còn|con)\s+(?:(?:sáng|chiều|tối|sang|chieu|toi)\s+)?(?:ngày|ngay)?\s*"
                          r"(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*(\d{4}))?\s*(?:(?:thì|thi)\s+(?:sao|thế nào|the nao)|nữa|nua)?"
                          r"\s*\??\s*$", re.IGNORECASE)
_DAY_IN = re.compile(r"\b(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*(\d{4}))?\b")
# the day after or before the one asked: "hôm sau thì sao?", "còn ngày hôm trước?", "ngày tiếp theo đoàn làm gì?"
_NEXT_DAY = re.compile(r"^\s*(?:(?:thế|vậy|the|vay)\s+)?(?:(?:còn|con)\s+)?(?:(?:ngày|ngay)\s+)?((?:hôm|hom)\s+(?:sau|trước|truoc)"
                       r"|(?:tiếp theo|tiep theo|kế tiếp|ke tiep))\s*(?:(?:thì|thi)\s+(?:sao|thế nào|the nao)|nữa|nua)?\s*\??\s*$",
                       re.IGNORECASE)
_AFTER = ("sau", "tiep theo", "ke tiep")


def _day_moved(previous: str, old: re.Match, days: int) -> str | None:
    """The previous question with its day moved by `days` (the year it gives kept, else none written)."""
    try:
        day = date(int(old.group(3) or 2001), int(old.group(2)), int(old.group(1))) + timedelta(days=days)
    except ValueError:
        return None
    said = f"{day.day}/{day.month}" + (f"/{day.year}" if old.group(3) else "")
    return previous[:old.start()] + said + previous[old.end():]


_SWAPPED_SPAN = re.compile(r"^\s*(?:(?:thế|vậy|the|vay)\s+)?(?:(?:còn|con)\s+)?((?:cả|toàn|ca|toan)\s+(?:giai đoạn|giai doan|kỳ|ky)"
                           r"|(?:giai đoạn|giai doan)\s+\d{4}\s*[-–]\s*\d{4}|(?:giai đoạn|giai doan|đợt|dot)\s+(?:\d|I{1,3}|IV)\b)"
                           r"\s*(?:(?:thì|thi)\s+(?:sao|thế nào|the nao)|nữa|nua)?\s*\??\s*$", re.IGNORECASE)
_PHASE_IN = re.compile(r"\b(?:giai đoạn|giai doan|đợt|dot)\s+(?:\d|I{1,3}|IV)\b(?!\d)", re.IGNORECASE)
_YEAR_IN = re.compile(r"\b(?:(?:năm|nam)\s+)?(?:19|20)\d\d\b(?!\s*[-–/])", re.IGNORECASE)


def swapped_day(question: str, previous: str) -> str | None:
    """The previous question asked of another day or span: "còn ngày 19/3 thì sao?" after "Ngày 18/3/2026 đoàn … đi
    thăm những đâu?" asks "Ngày 19/3/2026 đoàn … đi thăm những đâu?" (the year kept); "còn cả giai đoạn?" after "… chỉ
    tiêu năm 2027 là bao nhiêu?" asks "… chỉ tiêu cả giai đoạn là bao nhiêu?". None when the previous names none."""
    span = _SWAPPED_SPAN.match(question)
    # ("giai đoạn 2 thì sao?" after "… giai đoạn 1 đặt mục tiêu bao nhiêu …": the phase named replaces the phase)
    old_span = (_PHASE_IN.search(previous or "") if _PHASE_IN.match(span.group(1)) else _YEAR_IN.search(previous or "")) \
        if span else None
    if span and old_span:
        return previous[:old_span.start()] + span.group(1) + previous[old_span.end():]
    m = _SWAPPED_DAY.match(question)
    old = _DAY_IN.search(previous or "") if m or _NEXT_DAY.match(question) else None
    if old is not None and (step := _NEXT_DAY.match(question)):  # "hôm sau thì sao?": the day after the one asked
        return _day_moved(previous, old, 1 if vi.fold(step.group(1)).endswith(_AFTER) else -1)
    if m is None or old is None:
        return None
    kept = m.group(3) or old.group(3)
    return previous[:old.start()] + f"{int(m.group(1))}/{int(m.group(2))}" + (f"/{kept}" if kept else "") + previous[old.end():]



# "còn đợt cuối?", "con doan khach hang C thi sao?", "còn lớp số 3?": an item of the previous question asked by another
# place, number or grade (the item's noun, then the new qualifier)
_QUALIFIER = (r"(?:đầu tiên|dau tien|đầu|dau|cuối cùng|cuoi cung|cuối|cuoi|thứ\s+\w+|thu\s+\w+|số\s+\d{1,2}|so\s+\d{1,2}"
              r"|\d{1,2}|[A-Da-d])")
_SWAPPED_ITEM = re.compile(rf"^\s*(?:(?:thế|vậy|the|vay)\s+)?(?:còn|con)\s+(\w+(?:\s+\w+){{0,3}}?)\s+({_QUALIFIER})"
                           r"\s*(?:(?:thì|thi)\s+(?:sao|thế nào|the nao)|nữa|nua)?\s*\??\s*$", re.IGNORECASE)


def swapped_item(question: str, previous: str) -> str | None:
    """The previous question asked of the same item by another qualifier: "còn đợt cuối?" after "Đợt đầu bao nhiêu tiền,
    dự kiến khi nào?" asks "Đợt cuối bao nhiêu tiền, dự kiến khi nào?"; None unless the previous names that item."""
    m = _SWAPPED_ITEM.match(question)
    if m is None or not previous:
        return None
    head = vi.fold(m.group(1).split()[-1]).lower()
    # ("số 3", "thứ ba" may stand after the item's own words: "Lớp bồi dưỡng số 1")
    gap = r"(?:\s+\w+){0,6}?" if vi.fold(m.group(2)).lower().startswith(("so ", "thu ")) else ""
    old = re.search(rf"\b{re.escape(head)}{gap}\s+({vi.fold(_QUALIFIER).lower()})(?!\w)", vi.fold_same_length(previous).lower())
    if old is None or vi.fold(old.group(1)).lower() == vi.fold(m.group(2)).lower():
        return None
    return previous[:old.start(1)] + m.group(2) + previous[old.end(1):]


def swapped_occasion(question: str, previous: str) -> str | None:
    """The previous question asked of another day, span or item ("còn ngày 19/3?", "còn cả giai đoạn?", "còn đợt cuối?")."""
    return swapped_day(question, previous) or swapped_item(question, previous)


# a place reached, not whose document: "ngày nào về tới Hà Nội?", "bay đến Đà Nẵng lúc mấy giờ?"
_REACHED = re.compile(r"\b(?:ve toi|ve den|tro ve|bay ve|bay den|bay toi|den noi|quay ve|ha canh (?:tai|o))\s*$")


def places_reached(text: str, entities: list[Entity]) -> bool:
    """Every province the turn names is where someone goes ("về tới Hà Nội"): the conversation's document goes on."""
    provinces = [e for e in entities if e.kind == "province"]
    return bool(provinces) and all(_REACHED.search(vi.collapse(text[:e.start])) for e in provinces)


# a name transliterated syllable by syllable ("Sạ-vẳn-na-khệt", "Xiêng-khoảng"): a place or person of its own
_TRANSLITERATED = re.compile(r"\b[A-ZĐÀ-Ỹ][a-zà-ỹđ]*(?:-[a-zà-ỹđA-ZĐÀ-Ỹ]+){2,}\b")


def new_name(text: str, context: Conversation) -> bool:
    """The turn names something by a transliterated name the conversation (its last question and passages) never
    said: a subject of its own."""
    said = [context.question] + [str((p.get("citation") or {}).get("full_quote") or p.get("text")) for p in context.points]
    folded = vi.collapse(" ".join(said))
    return any(vi.collapse(m.group(0)) not in folded for m in _TRANSLITERATED.finditer(text))


# "… ở nước nào, bao nhiêu người?": the previous question asked which country; "còn ở Hàn Quốc?" puts one in its place
_COUNTRY_ASKED = re.compile(r"\b(?:(o|tai|voi|cua|sang|den) )?(?:nhung |cac )?(?:nuoc|quoc gia) nao\b")


def country_asked(previous: str, country: str) -> str | None:
    """The previous question with the country named in the place of its "nước nào" ("đông nhất ở nước nào, bao nhiêu
    người?" → "… ở Hàn Quốc, bao nhiêu người?"); None when it asked no country."""
    m = _COUNTRY_ASKED.search(vi.fold_same_length(previous).lower())
    if m is None:
        return None
    said = f"{previous[m.start(1):m.end(1)]} {country}" if m.group(1) else country
    return f"{previous[:m.start()]}{said}{previous[m.end():]}"
