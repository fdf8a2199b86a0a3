"""Whether the lines shown name the person who holds the office a question asks about ("Bí thư Tỉnh ủy X là ai?",
"Đại sứ … nào dự …?"): a title alone, or a name beside another office, names no one."""
from __future__ import annotations

import re
from collections.abc import Collection

from ground import vi
from ground.syllables import is_syllable
from rag.find.search import Hit
from rag.understand import entities
from rag.understand.entities import NAMED_PLACES, SURNAMES
from rag.understand.question import OFFICES, Question

# three capitalised syllables or more: a person's full name ("Lương Tam Quang") the role-led tagger may miss
FULL_NAME = re.compile(rf"\b[{vi.UPPER}][{vi.LOWER}]+(?:\s+[{vi.UPPER}][{vi.LOWER}]+){{2,3}}\b")
_NAME2 = rf"[{vi.UPPER}][{vi.LOWER}]+(?:\s+[{vi.UPPER}][{vi.LOWER}]+)+"
_SIGNED_BY = re.compile(rf"\b(?:do|bởi)\s+{_NAME2}\s+ký\b|Người ký:\s*{_NAME2}")  # "… do Lê Diễn ký.": a signer's name


def names_person(text: str) -> bool:
    """A person's name stands in the text: three or four capitalised words, or a shorter name the tagger finds
    beside an office ("Chủ tịch Lê Diễn", "Phó Chủ tịch UBND tỉnh Đào Mỹ")."""
    return bool(FULL_NAME.search(text) or _SIGNED_BY.search(text)) or any(
        e.kind == "person" and len(e.text.split()) >= 2 and all(w[:1].isupper() for w in e.text.split())
        and e.text.split()[0] not in _OFFICE_HEADS for e in entities.tag(text))


# words an office opens with, never a name ("Tổng Lãnh sự" read short as "Tổng Lãnh")
_OFFICE_HEADS = frozenset("Tổng Phó Chủ Giám Trưởng Đại Lãnh Bộ Thứ Chánh Tỉnh Thủ Bí Hiệu Viện Cục Vụ Ủy Tham Bí".split())


# offices a question asks the holder of, folded; "phó" asked or not is part of the office
_OFFICES = OFFICES
# …asked for its holder: "<office> … là ai / nào / tên gì", "ai là / làm <office>" — not "ai dự … với các Đại sứ"
_OFFICE_ASKED = re.compile(rf"\bai (?:la|lam|dang la|giu chuc|(?:duoc|dc) (?:bau|bo nhiem|cu)(?: lam)?) (pho )?({_OFFICES})\b"
                           rf"|\b(pho )?({_OFFICES})\b(?! (?:nhung|cac) (?:nuoc|quoc gia) nao)(?:(?: [a-z0-9]+){{0,10}} nao"
                           r"|(?: [a-z0-9]+){0,16} ten (?:la )?gi|(?: [a-z0-9]+){0,24} la ai)\b")  # (the page it is in may be told: "… được trích lời trong bài về …")
# how a text says who holds it, beside the office's own name: "Đoàn … do ông X dẫn đầu"
_SAID_AS = {"truong doan": r"truong doan|dan dau"}
_ROW_KEY = re.compile(rf"[ \t]*(?:[-•+*][ \t]*)?(?:Ông|Bà|Đồng chí|đ/c)[ \t]+((?:[{vi.UPPER}][{vi.LOWER}]*[ \t]*){{2,5}}):")
CLAUSE_REACH = 200  # characters of the office's own clause read for its holder's name
NAME_REACH = 80  # characters between an office and its holder's name ("Bí thư Tỉnh ủy tỉnh X, đồng chí Nguyễn Văn A")
_NAME = re.compile(rf"\b[{vi.UPPER}][{vi.LOWER}]+(?:[ \-][{vi.UPPER}][{vi.LOWER}]+){{1,5}}\b")
# capitalised words that open a body's or a document's name, not a person's
_NOT_NAME = set("sở ban bộ ủy uỷ ubnd cục vụ phòng đài báo tỉnh thành chính thường đảng nhà liên học viện trường đoàn "
                "quốc kế chiến hội trung công nghị quyết thông văn chương đề lễ ngày tuần huyện xã phường thị đặc "
                "khu việt cộng nhân".split())  # as written: "Lê", "Vũ", "Trương" are surnames


# how a person is announced before the name: "ông X", "ngài Chhun Sokha", "đồng chí …"
_HONORIFIC = re.compile(r"(?:ông|bà|ngài|đồng chí)\s*$", re.IGNORECASE)


PLACE_WORDS = 2  # syllables of a province's name run on before its holder's
_PLACE_BEFORE = re.compile(r"\b(?:tỉnh|thành phố|huyện|xã|phường|quận|thị xã|thị trấn|TP\.?)\s*$", re.IGNORECASE)


def _person_like(words: list[str], before: str) -> bool:
    """A capitalised run names a person, not a place or a body ("Vân Trạch", "Công Thương"): it opens with a
    Vietnamese surname, follows an honorific, or holds a word no Vietnamese syllable spells ("Chhun Sokha")."""
    if vi.fold(" ".join(words)).lower().endswith(tuple(NAMED_PLACES)):
        return False  # "tượng đài Chủ tịch Hồ Chí Minh", "thành phố Hồ Chí Minh"
    run = " ".join(words)
    if any(e.text == run for e in entities.foreign_places(run)):
        return False  # "Hội … Việt Nam – New Zealand": a country, no one
    if _PLACE_BEFORE.search(before):  # "… tỉnh Thạch Lãng": a place of its kind, unless a name follows it
        words = words[PLACE_WORDS:]  # ("Chủ tịch HĐND tỉnh Lai Châu Giàng Páo Mỷ")
        if len(words) < 2:
            return False
        before = ""
    if words[0] in ("Ông", "Bà", "Ngài") and len(words) >= 3:
        return True  # "Ông Khúc Minh Triết, Chủ tịch UBND tỉnh - Trưởng ban"
    # (a surname anywhere but last: a name run on after a place, "Việt - Lào Đinh Quang Hưng")
    return (any(w in SURNAMES for w in words[:-1]) or bool(_HONORIFIC.search(before.rstrip(" ,:-–")))
            or any(not is_syllable(w) for w in words))


def office_asked(question_folded: str) -> tuple[bool, str] | None:
    """The office whose holder a person question asks about (deputy or not, the office folded), or None."""
    # (an office, not the mission named after it: "Bình Định tiếp Tổng Lãnh sự quán …, chủ tịch UBND … là ai?")
    found = [m for pos in [0] + [o.start() for o in re.finditer(rf"\b(?:pho )?(?:{_OFFICES})\b", question_folded)]
             if (m := _OFFICE_ASKED.search(question_folded, pos))
             and not question_folded.startswith(" quan", m.end(2) if m.group(2) else m.end(4))]
    m = min(found, key=lambda f: f.start(), default=None)
    if not m:
        return None
    return (bool(m.group(1)), m.group(2)) if m.group(2) else (bool(m.group(3)), m.group(4))


# the first word of the body an office belongs to ("Chủ tịch Hội …", "Bí thư Tỉnh ủy …", "Giám đốc Sở …")
_BODY_WORDS = set("hoi lien so bo tinh uy ubnd ban cuc vu truong vien dai trung tam thanh huyen xa phuong doan cong hop benh ngan quy"
                  .split())  # ("Giám đốc Hợp tác xã …", "… Bệnh viện …", "… Ngân hàng …", "… Quỹ …" head other bodies)


_TAKES_OFFICE = re.compile(r"\b(?:giu chuc|lam|bau|la|nhan chuc|dam nhiem)\s*$")


def body_after(folded: str, title: str) -> str | None:
    """The body an office is of, its kind and up to two words of its name ("so tai chinh"), folded."""
    m = re.search(rf"\b{title}\b (\w+)((?: [a-z]+){{0,2}})", folded)
    return f"{m.group(1)}{m.group(2)}" if m and m.group(1) in _BODY_WORDS else None


def _other_body(asked: str, said: str) -> bool:
    """"Giám đốc Sở Tài chính" asked, "Giám đốc Sở Ngoại vụ" said: another body's head. Bodies of one kind differ by
    the words of their names, unless one is shortened ("Sở VHTTDL": its letters are no word to compare)."""
    a, b = asked.split(), said.split()
    if a[0] != b[0]:
        return True
    if len(a) < 2 or len(b) < 2 or a[0] not in _NAMED_BODIES:
        return False
    if not re.search(r"[aeiouy]", a[1]) or not re.search(r"[aeiouy]", b[1]):
        return False  # an acronym
    return a[1] != b[1]


# bodies of one kind a province has several of, told apart by their names
_NAMED_BODIES = frozenset("so bo cuc vu ban vien".split())


# a body the question opens with ("Hội hữu nghị … bầu ai làm Chủ tịch?"): the office asked is that body's
_SUBJECT_BODIES = frozenset("hoi lien ban so cuc vien truong doan".split())


def _subject_body(question: str) -> str | None:
    words = vi.collapse(question).split()
    if words[:2] and " ".join(words[:2]) in _EVENTS_NAMED_HOI:
        return None  # "Hội nghị … có Bộ trưởng nào dự?": an event, no "Hội" whose office is asked
    return words[0] if words and words[0] in _SUBJECT_BODIES else None


_EVENTS_NAMED_HOI = frozenset({"hoi nghi", "hoi thao", "hoi cho", "hoi dam", "hoi thi", "hoi dien", "hoi ngo", "hoi hop"})


def holder_named(office: tuple[bool, str], shown: str, question: str, issuers: Collection[str] | None = None) -> bool:
    """Some occurrence of the office in the lines has a person's name within reach: not a name the question
    itself gives (its province, its body), not a body's name. `issuers`: the bodies the lines' texts are issued by,
    whose head a signature's bare title ("GIÁM ĐỐC / Thân Văn Lộc") names; of another body asked it names no one."""
    deputy, title = office
    folded = vi.fold_same_length(shown).lower()
    asked = set(vi.collapse(question).split())
    body = body_after(vi.collapse(question), title) or _subject_body(question)
    abroad = {e.name for e in entities.foreign_places(question)}  # the country whose delegation, body or office is asked
    for m in re.finditer(rf"\b(?:{_SAID_AS.get(title, title)})\b", folded):
        if (folded[max(0, m.start() - 4):m.start()] == "pho ") != deputy or folded.endswith("tro ly ", 0, m.start()):
            continue  # "Phó Chủ tịch" is another office than "Chủ tịch"; "Trợ lý Bộ trưởng" holds none
        if re.search(r"\b(?:kt|tm|tl|tuq|q)\.?\s*$", folded[max(0, m.start() - 6):m.start()]):
            continue  # "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC …": signed on the head's behalf, by someone else
        if folded.startswith(" quan", m.end()):
            continue  # "Tổng lãnh sự quán", "Đại sứ quán": the mission, not its head
        said = body_after(folded[m.start():m.end() + 20], title)
        if body and said and _other_body(body, said):
            continue  # "Chủ tịch Liên hiệp …" holds another body's chair than "Chủ tịch Hội hữu nghị …" asked
        if body and not said and issuers is not None and shown[m.start():m.end()].isupper() \
                and not any(body in vi.collapse(i) for i in issuers):
            continue  # a signature's "GIÁM ĐỐC" heads the issuing Sở Ngoại vụ, not the Sở Tài chính asked
        # …or further on in the same clause, after a run of the holder's other titles ("Phó Thủ tướng Chính phủ, Ủy
        # viên Ban Chấp hành Trung ương Đảng, Chủ tịch Ủy ban … Nguyễn Thiện Nhân;")
        clause = re.search(r"[;.\n]", folded[m.end():m.end() + CLAUSE_REACH])
        # (…or before it, ahead of the holder's other titles: "bà Lê Thị Vệ, Ủy viên Ủy ban Trung ương MTTQ Việt Nam, Ủy
        # viên Ban Thường vụ Tỉnh ủy, Chủ tịch Ủy ban MTTQ …")
        reach = max(NAME_REACH, m.start() - _titles_from(shown, m.start()) + NAME_REACH // 2)
        window = shown[max(0, m.start() - reach):m.end() + max(NAME_REACH, clause.start() if clause else CLAUSE_REACH)]
        office_at = m.start() - max(0, m.start() - reach)  # where the office stands in the window
        if _TAKES_OFFICE.search(folded[max(0, m.start() - 20):m.start()]):
            # "Bà X, Ủy viên …, Chủ nhiệm …, được bầu giữ chức Chủ tịch Hội": the sentence's subject holds it
            start = max(folded.rfind(c, 0, m.start()) for c in ".;!?\n") + 1
            window = shown[start:m.end()]
            office_at = len(window)
        elsewhere = {e.name for e in entities.foreign_places(window)}
        if abroad and elsewhere and not abroad & elsewhere:
            continue  # "Đoàn tỉnh Xaignabouli (Lào) …, do ông X làm Trưởng đoàn" heads another country's delegation
        # a row keyed by its holder, the office a field of it: "Ông Hồ Văn A: chức vụ: …; chức danh: Trưởng ban."
        line_start = shown.rfind("\n", 0, m.start()) + 1
        key = _ROW_KEY.match(shown, line_start)
        if key and key.end() <= m.start() and not re.search(r"\.\s", shown[key.end():m.start()]) \
                and _person_like(vi.normalize(key.group(1)).split(), ""):
            return True
        for run in _NAME.finditer(window):
            if run.end() <= office_at and re.search(r"[\n;]|\.(?=\s)", window[run.end():office_at]):
                continue  # a name of the line or sentence before ("• Ông Somsak Phanit, Chủ tịch Hội …" / "Giám đốc …")
            words = vi.normalize(run.group(0)).split()
            while words and (words[0].lower() in _NOT_NAME or words[:2] == ["Việt", "Nam"]):
                words = words[2:] if words[:2] == ["Việt", "Nam"] else words[1:]  # "… Việt Nam Vũ Xuân Hồng"
            if len(words) >= 2 and not all(w in asked for w in vi.collapse(" ".join(words)).split()) \
                    and _person_like(words, window[:run.start()]):
                return True
    return False


_TITLE_RUN = re.compile(r"(?:,\s*(?:Ủy viên|Uỷ viên|Phó|Bí thư|Chủ tịch|Trưởng|Giám đốc|Đại biểu|Tổng)\b[^,;.\n]{0,70})+,\s*$")


def _titles_from(shown: str, at: int) -> int:
    """Where a run of titles before the office at `at` begins (a holder's other titles, each after a comma), else `at`."""
    run = _TITLE_RUN.search(shown, max(0, at - CLAUSE_REACH), at)
    return run.start() if run else at


def names_office_holder(q: Question, hits: list[Hit]) -> bool:
    """"Tỉnh trưởng tỉnh Kép tên là gì?": a top passage names every place the question names and, beside the office
    asked, a person holding it; a news page says who holds an office in its own words, whatever else it tells."""
    office = office_asked(q.pq.folded) if q.answer_type == "person" else None
    named = {vi.collapse(e.text) for e in entities.places(q.text) if e.text[:1].isupper()}
    if not office or not named:
        return False  # "Chủ tịch là ai?" of no place: any page with a chairman's name would do, so none grounds
    return any(all(n in vi.collapse(h.chunk.text) for n in named) and holder_named(office, h.chunk.text, q.text)
               for h in hits[:3])


# "ai được cử làm Đại diện biên giới đoạn 6?" of "… cử Phó Chỉ huy trưởng … tỉnh Cao Bằng làm Đại diện biên giới đoạn 6":
# a text appointing by office names the office and its body, no one by name
_APPOINTED_AS = re.compile(r"\bai (?:duoc |da duoc )?(?:cu|bo nhiem|phan cong) (?:lam|giu) (.+?)(?: tren| cua| tai| o|\?|$)")


def appointed_by_office(folded: str, shown: str, tags: set[str]) -> bool:
    """The question asks who was appointed to an office, and the lines name the office holder by office and body."""
    asked = _APPOINTED_AS.search(folded)
    return asked is not None and "agency" in tags and f"lam {asked.group(1).strip()}" in vi.collapse(shown)
