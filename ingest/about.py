"""What a document is about: the province or ministry that issues it (or that a page reports on), its subject
and year, with the line that says so.

Evidence, most explicit first:
- header: the emblem the document is issued under ("ỦY BAN NHÂN DÂN / TỈNH X", "UBND TỈNH X / SỞ Y",
  "BỘ X", "THỦ TƯỚNG CHÍNH PHỦ"), also inside a header table flattened with "|";
- field: a law-library page's "Cơ quan ban hành" / "Nơi ban hành" field;
- text: for news pages, reposts and decisions without an emblem, the committee or ministry that the
  headline or the sentence announcing the document names, else the province the text names most.
The header wins over every place the body names (a Phụ lục row naming a fair in another city does not
make the plan that city's). Provinces the gazetteer does not know (new names, or any other) are still read
from the header or a committee phrase ("UBND tỉnh <Tên>") and kept as written there.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import PurePath

from ground import vi
from ground.agencies import find_agencies
from ground.foreign_places import NEIGHBOUR_PROVINCES
from ground.numbers import DocNumber
from ground.places import canonical_province, find_provinces, iter_mentions, province_kind
from ground.units_2025 import unit_2025
from ingest.bodies import (
    ANY_MINISTRY,
    ISSUER_CODES,
    LOCAL_COMMITTEE,
    MINISTRIES,
    MINISTRY,
    NATIONAL_ISSUERS,
    NEWS_LEAD_CHARS,
    NOT_A_MINISTRY,
    PEOPLES_COMMITTEE,
    UNIT_KIND,
    About,
    committee,
    leading_place,
    place_name,
    sentence_of,
)
from ingest.dates import labelled, recalled, sentence_around
from ingest.emblems import emblem_owner
from ingest.family import topics
from ingest.file_names import file_province


def field_owner(text: str) -> About | None:
    """A law-library page's "Cơ quan ban hành: Tỉnh X" / "Nơi ban hành: Bộ Y" field."""
    for label in ("Cơ quan ban hành", "Nơi ban hành"):
        declared = labelled(text, label)
        if not declared:
            continue
        evidence = f"{label}: {declared}"
        place = re.match(rf"^\s*({UNIT_KIND})\s+(.+)$", declared)
        province, known = place_name(text, place.group(2) if place else "")
        if province is None:
            province = canonical_province(declared)
            known = province is not None
        if province:
            kind = place.group(1) if place else province_kind(province) or "tỉnh"
            return About(committee(kind, province), province, evidence, "field", known)
        issuer = issuer_in(declared, text) or declared
        return About(issuer, None, evidence, "field")
    return None


def issuer_in(fragment: str, text: str = "") -> str | None:
    """The last issuing body named in a fragment (the one nearest a number that follows it)."""
    found = _issuers(fragment, text or fragment)
    return max(found)[1] if found else None


def _issuers(fragment: str, text: str) -> list[tuple[int, str]]:
    """(offset, name) of every ministry or provincial committee a fragment names."""
    found: list[tuple[int, str]] = []
    for m in MINISTRY.finditer(fragment):
        name = next(x for x in MINISTRIES if vi.fold(x) == vi.fold(m.group(1)))
        found.append((m.start(), f"Bộ {name}"))
    for m in ANY_MINISTRY.finditer(fragment):
        if _FOREIGN_BODY.search(m.group(1)):
            continue  # "Bộ Thông tin, Văn hóa và Du lịch Lào …": a foreign ministry issues no Vietnamese text
        if not NOT_A_MINISTRY.match(m.group(1)) and not any(s == m.start() for s, _ in found):
            found.append((m.start(), f"Bộ {m.group(1)}"))
    for a in find_agencies(fragment):  # a ministry by its acronym: "Bộ VHTTDL đã ban hành Kế hoạch …"
        if a.canonical.startswith("Bộ ") and not _FOREIGN_BODY.search(a.canonical) \
                and not any(s <= a.start < s + 40 for s, _ in found):
            found.append((a.start, a.canonical))
    for m in LOCAL_COMMITTEE.finditer(fragment):  # "Ủy ban nhân dân huyện Dầu Tiếng"
        found.append((m.start(), f"UBND {m.group(1).lower()} {_without_person(m.group(2))}"))
    local = {at for at, _ in found}
    for m in PEOPLES_COMMITTEE.finditer(fragment):
        if m.start() in local:
            continue
        place, known = leading_place(m.group(2), m.group(1), text)
        if place and not known and _TITLE_BEFORE.search(fragment[max(0, m.start() - TITLE_REACH):m.start()]):
            place = None  # "Phó Chủ tịch UBND tỉnh Đoàn Văn Khánh": the words after a title's committee are a name
        if place is None and m.group(2).strip() and vi.fold(m.group(1)).startswith(("thanh pho", "tp")):
            continue  # "UBND thành phố Đông Hà": a city inside a province, not a provincial committee
        found.append((m.start(), committee(m.group(1), place)))
    return found


_FOREIGN_BODY = re.compile(r"\b(?:Lào|Campuchia|Trung Quốc|Hàn Quốc|Nhật Bản|Thái Lan|Pháp|Nga|Hoa Kỳ|Mỹ|Đức|Anh|Ấn Độ)\b")
# a surname after a place's first two words starts a person's name ("UBND huyện Hòa Vang Phan Văn Tôn")
_SURNAMES = frozenset("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Ngô Dương Lý Đinh Trịnh Lâm Mai Tạ".split())


def _without_person(name: str) -> str:
    words = name.split()
    cut = next((i for i, w in enumerate(words) if i >= 2 and w in _SURNAMES), len(words))
    return " ".join(words[:cut])


# ("Phó Chủ tịch thường trực UBND tỉnh Mai Hùng Dũng": the standing deputy, his name after the committee)
_TITLE_BEFORE = re.compile(r"\b(?:Chủ tịch|Giám đốc|Bí thư|Chánh Văn phòng|Trưởng ban|Ủy viên|Thành viên)(?:\s+thường trực)?\s*$",
                           re.IGNORECASE)
TITLE_REACH = 32  # characters before a committee where the title of its member stands


_PORTAL = re.compile(r"^[ \t]*(?:CỔNG THÔNG TIN ĐIỆN TỬ|Cổng [Tt]hông tin điện tử|CỔNG TTĐT|Cổng TTĐT)\s+(TỈNH|THÀNH PHỐ|tỉnh|"
                     r"thành phố)\s+([^\n|]{2,40}?)[ \t]*$", re.MULTILINE)
PORTAL_LEAD_CHARS = 600  # the site's banner is at the top of a saved page


def _portal_place(text: str) -> tuple[str | None, bool]:
    """"CỔNG THÔNG TIN ĐIỆN TỬ TỈNH HƯƠNG THẠCH": a provincial portal's page is about its province, when nothing
    closer says whose it is."""
    m = _PORTAL.search(text[:PORTAL_LEAD_CHARS])
    if not m:
        return None, False
    words = " ".join(w[:1] + w[1:].lower() for w in m.group(2).split())
    known = find_provinces(words)
    # the banner is the site's own name: an unknown place in it needs no second mention
    return (known[0], True) if known else (words, False)


def _committee_place(issuer: str | None) -> tuple[str | None, bool]:
    """The province of a committee named as 'UBND tỉnh X' (known or not)."""
    if not issuer:
        return None, False
    named = find_provinces(issuer)
    if named:
        return named[0], True
    m = re.match(r"^(?:UBND|Sở .+?) (?:tỉnh|thành phố) (.+)$", issuer)
    return (m.group(1), False) if m else (None, False)


# "tỉnh Kim Đài": a province by its kind and a name of two or three capitalised syllables, known to no gazetteer
_PROVINCE_NAMED = re.compile(rf"\btỉnh ((?:[{vi.UPPER}][{vi.LOWER}]+)(?: [{vi.UPPER}][{vi.LOWER}]+){{1,2}})\b")
UNKNOWN_MENTIONS = 2  # a name no gazetteer knows must be the text's own, said more than once…
KNOWN_ASIDE = 1  # …where no known province is named more than once in passing


_OF_NEIGHBOUR = re.compile(r"\s*(?:\(|,|-|–|của|thuộc)?\s*(?:nước bạn\s+|nước\s+|CHDCND\s+|Vương quốc\s+)?"
                          r"(?:Lào|Campuchia|Cam-pu-chia|Trung Quốc)\b")


def _abroad(text: str, named: re.Match) -> bool:
    """"tỉnh Xiêng Khoảng", "tỉnh Kep (Vương quốc Campuchia)": a neighbour's province, a partner of the text."""
    return named.group(1) in NEIGHBOUR_PROVINCES or _OF_NEIGHBOUR.match(text, named.end()) is not None


# "Tổng Lãnh sự Úc tại thành phố Hồ Chí Minh thăm … tỉnh Bình Định", "tại Bệnh viện Đa khoa Sài Gòn - Hội An": a place
# that seats a foreign mission or ends a body's own name says where that body is, not what the page is about
_SEAT_BEFORE = re.compile(r"(?:Tổng Lãnh sự(?: quán)?|Lãnh sự quán|Đại sứ quán|Văn phòng đại diện|Thương vụ)"
                          r"(?: [^\s,.;:()]+){1,4} tại (?:thành phố |Thành phố |TP\.? ?)?$")
_NAMED_BODY_BEFORE = re.compile(rf"(?:Bệnh viện|Công ty|Ngân hàng|Khách sạn|Tập đoàn|Học viện)"
                                rf"(?: (?:[{vi.UPPER}][{vi.LOWER}]*|đa khoa|khoa|quốc tế|-|–|&))+ $")
SEAT_CHARS = 80  # how far back a mention's mission or body is looked for


def dominant_province(text: str) -> tuple[str | None, int, bool]:
    """(the province the text names most, offset of its first mention, whether a gazetteer knows it); ties go to the
    first named. A province only the text knows ("tỉnh Kim Đài" throughout, "Hà Nội" once) is its own."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in iter_mentions(text):
        if _SEAT_BEFORE.search(text, max(0, m.start - SEAT_CHARS), m.start) \
                or _NAMED_BODY_BEFORE.search(text, max(0, m.start - SEAT_CHARS), m.start):
            continue
        counts[m.province] += 1
        first.setdefault(m.province, m.start)
    top = max(counts.values(), default=0)
    if top <= KNOWN_ASIDE:
        unknown: Counter[str] = Counter()
        for named in _PROVINCE_NAMED.finditer(text):
            if not find_provinces(named.group(0)) and not _abroad(text, named):
                unknown[named.group(1)] += 1
                first.setdefault(named.group(1), named.start(1))
        name, times = max(unknown.items(), key=lambda kv: kv[1], default=(None, 0))
        if name is not None and times >= UNKNOWN_MENTIONS and times > top:
            return name, first[name], False
    if not counts:
        return None, -1, True
    place = next(p for p in counts if counts[p] == top)  # Counter keeps first-seen order on ties
    return place, first[place], True


def text_owner(text: str, number: DocNumber | None) -> About | None:
    """For a page without a usable header: the body named where the page announces the document."""
    if number:
        left, _ = sentence_around(text, number.start)
        named = issuer_in(text[left:number.start], text)
        if named:
            return About(named, None, sentence_of(text, number.start), "text")
        for code in number.codes[1:] + number.codes[:1]:
            if code in ISSUER_CODES:
                return About(ISSUER_CODES[code], None, sentence_of(text, number.start), "text")
    # a board the lead says issues it ("Ban Chỉ đạo công tác thông tin đối ngoại tỉnh vừa ban hành Kế hoạch …")
    board = _BOARD_ISSUING.search(text[:BOARD_LEAD_CHARS])
    if board:
        return About(" ".join(board.group(1).split()), None, sentence_of(text, board.start()), "text")
    # the lead's committee; a ministry only where it issues something ("Bộ X vừa ban hành …"), since pages
    # about a province often name the ministry whose delegation visited
    found = [(at, name) for at, name in _issuers(text[:NEWS_LEAD_CHARS], text)
             if (not name.startswith("Bộ ") or _ISSUING_AFTER.match(text, at + len(name))) and not recalled(text, at)]
    # "UBND thành phố Hải Lâm ban hành …" over a later bare "báo cáo UBND thành phố": the name says whose
    found = [f for f in found if f[1] not in _BARE_COMMITTEES] or found
    if found:
        at, named = max(found)
        return About(named, None, sentence_of(text, at), "text")
    if number and "UBND" in number.codes:
        return About("UBND", None, sentence_of(text, number.start), "text")
    return None


_BARE_COMMITTEES = frozenset({"UBND", "UBND tỉnh", "UBND thành phố"})
BOARD_LEAD_CHARS = 600  # the page's opening sentences, where it says who issued what it reports
_BOARD_ISSUING = re.compile(r"\b((?:Ban Chỉ đạo|Tiểu ban|Hội đồng|Liên hiệp các tổ chức hữu nghị)"
                            r"(?: [^,.;:()\n]{0,90}?)?)\s+(?:đã\s+|vừa\s+)?ban hành\b")
# (after the body's own shorthand in brackets: "Bộ Văn hóa, Thể thao và Du lịch (VH-TT-DL) vừa ban hành …")
_ISSUING_AFTER = re.compile(r"(?:\s*\([^()\n]{1,20}\))?\s+(?:đã\s+|vừa\s+)?(?:ban hành|có (?:Công văn|văn bản|Kế hoạch|Quyết định)|hướng dẫn|"
                            r"phê duyệt)\b")


# the Government or its head where a page's lead says they issue something ("Thủ tướng Chính phủ vừa ban hành …")
_NATIONAL_ISSUING = re.compile(r"\b(Thủ tướng Chính phủ|Chính phủ)(?=" + _ISSUING_AFTER.pattern + ")")


def _national_lead(text: str) -> About | None:
    """A page that names no province: the ministry its lead names, or the Government that its lead says issues
    something, is what it is about."""
    lead = text[:NEWS_LEAD_CHARS]
    found = [(at, name) for at, name in _issuers(lead, text) if name.startswith("Bộ ")]
    found += [(m.start(), m.group(1)) for m in _NATIONAL_ISSUING.finditer(lead)
              if not lead[max(0, m.start() - 9):m.start()].endswith("Thủ tướng ")]
    if not found:
        return None
    at, named = min(found)
    return About(named, None, sentence_of(text, at), "text")


def _file_owner(source: str) -> About | None:
    """The province a file is named after: only when nothing in its text says whose it is."""
    place = file_province(source) if source else None
    return About(None, place, f"tên tệp: {PurePath(source).name}", "file", True) if place else None


def document_owner(text: str, number: DocNumber | None, kind: str = "full_text", source: str = "") -> About:
    """Issuer and province with their evidence; a full text's header wins over everything its body names."""
    declared, emblem = field_owner(text), emblem_owner(text)
    if kind == "full_text":  # the document itself: its emblem, its page's field, then its wording
        owner = emblem or declared or text_owner(text, number) or About()
    else:  # a page about a document: who the page says issued it, then whatever header it shows
        owner = declared or text_owner(text, number) or emblem or About()
    if owner.national or owner.issuer and (owner.issuer.startswith("Bộ ") or owner.issuer in NATIONAL_ISSUERS):
        return owner  # a ministry or the Government: not a provincial document
    if owner.province is None:
        owner.province, owner.known_province = _committee_place(owner.issuer)
    if owner.province is None:
        owner.province, owner.known_province = _portal_place(text)
        if owner.province:
            _name_bare_committee(owner, owner.province)
    if owner.province is None:
        place, at, known = dominant_province(text)
        if place is None and owner.issuer is None:
            return _national_lead(text) or _file_owner(source) or owner
        if place:
            owner.province, owner.known_province = place, known
            owner.evidence = owner.evidence or sentence_of(text, at)
            owner.source = owner.source or "text"
            _name_bare_committee(owner, place)
        elif owner.issuer and re.fullmatch(r"UBND(?: tỉnh| thành phố)?", owner.issuer):
            named = _file_owner(source)  # "UBND tỉnh vừa ban hành …" of a page never naming its province
            if named and named.province:
                owner.province, owner.known_province = named.province, True
                owner.evidence = f"{owner.evidence}; {named.evidence}" if owner.evidence else named.evidence
                _name_bare_committee(owner, named.province)
    return owner


def _name_bare_committee(owner: About, place: str) -> None:
    """"UBND tỉnh" of a text about Hương Thạch is "UBND tỉnh Hương Thạch"."""
    if owner.issuer is not None and re.fullmatch(r"UBND(?: tỉnh| thành phố)?", owner.issuer):
        bare = owner.issuer.split(" ", 1)[1] if " " in owner.issuer else None
        owner.issuer = committee(bare or province_kind(place) or "tỉnh", place)


def read_about(text: str, number: DocNumber | None, kind: str, title: str, issued: str | None,
               published: str | None, source: str = "") -> About:
    """Everything a document is about: owner, subject, year, topics (`source`: the file's name, the last resort
    for its province)."""
    about = document_owner(text, number, kind, source)
    if about.province:
        about.unit_2025 = unit_2025(about.province) if about.known_province else about.province
    about.subject = subject_of(title)
    about.year = _year(issued, published, title)
    about.topics = topics(title, text)
    return about


_TYPE_LEAD = re.compile(r"^(?:Kế hoạch|Quyết định|Chương trình|Chỉ thị|Công văn|Đề án|Nghị quyết|Thông báo|"
                        r"Hướng dẫn|Báo cáo)(?:\s+hành động)?(?:\s+(?:số\s*)?\S+/\S+)?(?:\s+năm\s+\d{4})?\s+",
                        re.IGNORECASE)


def subject_of(title: str) -> str | None:
    """'Kế hoạch 238/KH-UBND năm 2022 triển khai …' → 'triển khai …'."""
    rest = _TYPE_LEAD.sub("", title or "").strip()
    return rest or None


def _year(issued: str | None, published: str | None, title: str) -> int | None:
    for value in (issued, published):
        if value:
            return int(value[:4])
    years = re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", title or "")
    return int(years[0]) if years else None
