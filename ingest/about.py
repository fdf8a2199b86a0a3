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
from dataclasses import asdict, dataclass, field
from pathlib import PurePath

from ground import vi
from ground.numbers import DocNumber
from ground.places import canonical_province, find_provinces, iter_mentions, province_kind
from ground.units_2025 import unit_2025
from ingest.columns import header_cells
from ingest.dates import PLACE_DATE, labelled, sentence_around
from ingest.family import topics
from ingest.file_names import file_province

ISSUER_CODES = {"BNG": "Bộ Ngoại giao", "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch",
                "TTg": "Thủ tướng Chính phủ", "CP": "Chính phủ"}
NATIONAL_ISSUERS = frozenset({"Thủ tướng Chính phủ", "Chính phủ"})
EVIDENCE_CHARS = 240
HEADER_CHARS = 3000  # an emblem sits in the first lines; a repeated one (a decision's carried plan) says the same
_NEWS_LEAD_CHARS = 2000

MINISTRIES = ("Ngoại giao", "Văn hóa, Thể thao và Du lịch", "Thông tin và Truyền thông", "Giáo dục và Đào tạo",
              "Công Thương", "Kế hoạch và Đầu tư", "Tài chính", "Nội vụ", "Quốc phòng", "Công an", "Tư pháp",
              "Khoa học và Công nghệ", "Lao động - Thương binh và Xã hội", "Nông nghiệp và Phát triển nông thôn",
              "Nông nghiệp và Môi trường", "Tài nguyên và Môi trường", "Xây dựng", "Giao thông vận tải", "Y tế",
              "Dân tộc và Tôn giáo")
_MINISTRY = re.compile(r"\bBộ\s+(" + "|".join(re.escape(m) for m in MINISTRIES) + r")\b", re.IGNORECASE)
_CAP = f"[{vi.UPPER}][{vi.LOWER}]*"
_LOW = f"[{vi.LOWER}]+"
# "Bộ Hợp tác Văn hóa ban hành …": a ministry the list does not know, named by capitalised words (each may
# carry one lower-case syllable: "Ngoại giao", "Văn hóa, Thể thao và Du lịch")
_ANY_MINISTRY = re.compile(rf"\bBộ\s+((?:{_CAP})(?:\s{_LOW})?(?:(?:\s*,\s*|\s+và\s+|\s+-\s+|\s+)(?:{_CAP})(?:\s{_LOW})?)*)"
                           r"(?=\s+(?:vừa|đã|có|ban hành|phê duyệt|hướng dẫn)\b)")
_NOT_A_MINISTRY = re.compile(r"^(?:Chỉ huy|Tư lệnh|Chính trị|Đội|Công an tỉnh)", re.IGNORECASE)
_UNIT_KIND = r"(?:tỉnh|thành phố|TP\.?|TỈNH|THÀNH PHỐ|Tỉnh|Thành phố)"
_COMMITTEE = r"(?:Ủy ban nhân dân|Uỷ ban nhân dân|Ủy ban Nhân dân|UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)"
_LOCAL_COMMITTEE = re.compile(
    rf"\b{_COMMITTEE}[ \t]+(huyện|thị xã|quận|phường|thị trấn|HUYỆN|THỊ XÃ|QUẬN|PHƯỜNG)((?:[ \t]+[{vi.UPPER}]\w*){{1,3}})")
_PEOPLES_COMMITTEE = re.compile(
    rf"\b{_COMMITTEE}[ \t]+({_UNIT_KIND})((?:[ \t-]+[{vi.UPPER}]\w*){{0,4}})")
# "ỦY BAN NHÂN DÂN / TỈNH CAO BẰNG", or "UBND TỈNH QUẢNG TRỊ / SỞ NGOẠI VỤ" for a department's document,
# also inside a header table flattened with "|" and with a damaged first line ("ỦY BAN NN DÂNTỈNH NGHỆ AN")
_CELL_END = r"[ \t]*(?:\|[^\n]*)?$"
_EMBLEM_COMMITTEE = re.compile(
    r"^\s*(?:(?:ỦY|UỶ) BAN\s*N\w*\s*DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND)(?:[ \t]*\|[^\n]*)?\s*\n*\s*(TỈNH|THÀNH PHỐ)\s+"
    r"([^\n|]+?)" + _CELL_END + r"(?:\n\s*(SỞ\s+[^\n|]+?)" + _CELL_END + ")?",
    re.MULTILINE)
_SUBORDINATE_COMMITTEE = re.compile(
    r"\s*\n\s*(?:ỦY|UỶ) BAN NHÂN DÂN\s+(THÀNH PHỐ|HUYỆN|THỊ XÃ|QUẬN|PHƯỜNG|XÃ|ĐẶC KHU|THỊ TRẤN)\s+([^\n|]+?)" + _CELL_END,
    re.MULTILINE)
_BARE_COMMITTEE = re.compile(r"^\s*(?:(?:ỦY|UỶ) BAN NHÂN DÂN|UBND)[ \t]*(?:\|[^\n]*)?$", re.MULTILINE)
_EMBLEM_MINISTRY = re.compile(r"^\s*(BỘ\s+[^\n|a-zđ]{3,60}?|THỦ TƯỚNG CHÍNH PHỦ|CHÍNH PHỦ)" + _CELL_END, re.MULTILINE)
# what sits next to a document's own emblem; a committee named elsewhere at the top is the portal's banner
_EMBLEM_NEIGHBOURS = re.compile(r"CỘNG H[OÒ]A XÃ HỘI|Độc lập\s*[-–]\s*Tự do|(?:^|\n|\|)\s*Số\s*:")
_DISTRICT_WORDS = re.compile(r"\b(?:các )?(?:quận|phường)\b", re.IGNORECASE)


@dataclass
class About:
    """What the document is about, and why we think so."""

    issuer: str | None = None  # "UBND tỉnh Lam Giang", "Bộ Ngoại giao", "Sở Ngoại vụ tỉnh Quảng Trị"
    province: str | None = None  # canonical when the gazetteer knows it, else as the header writes it
    evidence: str | None = None  # the line that says so
    source: str | None = None  # "header", "field", "text", "file" (an administrator's correction: "correction")
    known_province: bool = False  # the gazetteer knows the province
    unit_2025: str | None = None  # the province-level unit it belongs to from 1 July 2025
    subject: str | None = None  # the title without its document type: "triển khai Chiến lược …"
    year: int | None = None  # issue year, else the page's year, else the first year of the title
    topics: list[str] = field(default_factory=list)  # family topics: "ngoại giao văn hóa", "thông tin đối ngoại"
    national: bool = False  # a body above the provinces its header names (no province is looked for)

    def to_dict(self) -> dict:
        return asdict(self)


# --- names --------------------------------------------------------------------------------------------

def _department_name(upper: str) -> str:
    """'SỞ NGOẠI VỤ' → 'Sở Ngoại vụ': the first word of the proper name keeps its capital."""
    words = upper.lower().split()
    return " ".join(w.capitalize() if i < 2 else w for i, w in enumerate(words))


def committee(kind: str, place: str | None) -> str:
    kind = "thành phố" if vi.fold(kind).startswith(("thanh pho", "tp")) else "tỉnh"
    return f"UBND {kind} {place}" if place else f"UBND {kind}"


def _as_written(text: str, upper: str, fallback: str) -> str:
    """The mixed-case spelling the text uses for an upper-case name ('HỢP TÁC VĂN HÓA' → 'Hợp tác Văn hóa')."""
    words = upper.split()
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)", re.IGNORECASE)
    for m in pattern.finditer(text):
        if not m.group().isupper():
            return " ".join(m.group().split())
    return fallback


def _place_name(text: str, written: str) -> tuple[str | None, bool]:
    """(province, known) for a place as written after 'tỉnh'/'thành phố': canonical when known, else the
    name in the text's own spelling ('NAM HẢI SƠN' → 'Nam Hải Sơn')."""
    written = " ".join(written.strip(" .,;:-").split())
    if not written:
        return None, False
    known = canonical_province(written)
    if known:
        return known, True
    if written.isupper():
        written = _as_written(text, written, written.title())
    return written, False


def _city_inside_province(text: str, city: str) -> str | None:
    """A 'thành phố X' the gazetteer does not know is a city inside a province when the text keeps naming
    'tỉnh Y' and never its own districts (quận, phường): then Y is the province."""
    if _DISTRICT_WORDS.search(text):
        return None
    provinces = Counter(m.province for m in iter_mentions(text)
                        if vi.fold(text[max(0, m.start - 6):m.start]).strip().endswith("tinh"))
    if not provinces:
        return None
    place, count = provinces.most_common(1)[0]
    return place if count >= 2 and vi.fold(place) != vi.fold(city) else None


def _leading_place(words: str, kind: str, text: str) -> tuple[str | None, bool]:
    """The place right after 'tỉnh'/'thành phố' in a committee phrase, and whether the gazetteer knows it.

    An unknown name is taken only as long as the text names it again (capitalised words after a place name
    may begin the next sentence), and an unknown city inside a province is no provincial committee."""
    mentions = list(iter_mentions(words.strip()))
    if mentions and mentions[0].start == 0:
        return mentions[0].province, True
    names = words.split()
    while names:
        name, _ = _place_name(text, " ".join(names))
        if name and len(re.findall(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text, re.IGNORECASE)) >= 2:
            break
        names.pop()
    if not names or name is None:
        return None, False
    if vi.fold(kind).startswith(("thanh pho", "tp")) and _city_inside_province(text, name):
        return None, False
    return name, False


# --- evidence -----------------------------------------------------------------------------------------

def _line_of(text: str, start: int, end: int) -> str:
    """The evidence: the lines of a header span joined with ' / ', or the sentence around a phrase."""
    lines = [ln.strip(" |") for ln in text[start:end].split("\n") if ln.strip(" |")]
    return " / ".join(lines)[:EVIDENCE_CHARS]


def _sentence(text: str, start: int) -> str:
    left, sentence = sentence_around(text, start)
    return " ".join(sentence.split())[:EVIDENCE_CHARS]


def emblem_owner(text: str) -> About | None:
    """The committee, department or ministry in the document's own emblem header (also one whose two columns
    run together on shared lines: the motto ends the province's name)."""
    head = header_cells(text[:HEADER_CHARS])
    for emblem in _EMBLEM_COMMITTEE.finditer(head):
        around = head[max(0, emblem.start() - 200):emblem.end() + 300]
        if not _EMBLEM_NEIGHBOURS.search(around):
            continue  # a portal's banner, not an emblem
        kind, place, department = emblem.groups()
        province, known = _place_name(text, place)
        if province is None:
            continue
        evidence = _line_of(text, emblem.start(), emblem.end())
        below = _SUBORDINATE_COMMITTEE.match(head, emblem.end())
        if below and not department:  # "ỦY BAN NHÂN DÂN TỈNH X / ỦY BAN NHÂN DÂN THÀNH PHỐ Y": Y's own document
            unit, name = below.groups()
            written = _as_written(text, name.strip(), name.strip().title())
            return About(f"UBND {unit.lower()} {written}", province, _line_of(text, emblem.start(), below.end()),
                         "header", known)
        parent = _city_inside_province(text, province) if not known and kind == "THÀNH PHỐ" else None
        if parent:  # "THÀNH PHỐ ĐÔNG HÀ": a city's own committee, inside a province
            return About(f"UBND thành phố {province}", parent, evidence, "header", True)
        if department:
            issuer = f"{_department_name(department)} {kind.lower()} {province}"
        else:
            issuer = committee(kind, province)
        return About(issuer, province, evidence, "header", known)
    block = _emblem_block(head)
    if block:
        owner = _block_owner(text, *block)
        if owner:
            return owner
    bare = _BARE_COMMITTEE.search(head)
    place_date = PLACE_DATE.search(head)
    if bare and place_date and _EMBLEM_NEIGHBOURS.search(head[bare.start():bare.end() + 300]):
        # "ỦY BAN NHÂN DÂN | CỘNG HÒA …" / "Số: 859/KH-UBND | Gia Lai, ngày …": the place of the date line
        written = place_date.group(0).strip(" |\n").split(",")[0]
        province = canonical_province(written)
        if province:
            line = _line_of(text, place_date.start(), place_date.end())
            return About(committee(province_kind(province) or "tỉnh", province), province, line, "header", True)
    for emblem in _EMBLEM_MINISTRY.finditer(head):
        around = head[max(0, emblem.start() - 200):emblem.end() + 300]
        name = " ".join(emblem.group(1).split())
        if not _EMBLEM_NEIGHBOURS.search(around) or _NOT_A_MINISTRY.match(name[3:]):
            continue
        return About(_ministry_name(text, name), None, _line_of(text, emblem.start(), emblem.end()), "header")
    return None


# An emblem written over several lines ("BỘ THÔNG TIN VÀ / TRUYỀN THÔNG", "ỦY BAN NHÂN DÂN / PHƯỜNG VỌNG GIANG",
# "ỦY BAN QUỐC GIA / QUẢNG BÁ VĂN HÓA VIỆT NAM"): the first run of upper-case lines, up to a rule line, the
# national motto or the document's own type line. The Party's motto ("ĐẢNG CỘNG SẢN VIỆT NAM") is no part of it.
_UPPER_LINE = re.compile(rf"^[ \t|]*([{vi.UPPER}][{vi.UPPER}0-9 ,.\-–]{{2,60}}?)[ \t]*(?:\|[^\n]*)?$")
_RULE_LINE = re.compile(r"^[\s|]*[-–—_=*.]{3,}[\s|]*$")
_NOT_EMBLEM = re.compile(r"^(?:CỘNG H[OÒ]A|ĐỘC LẬP|ĐẢNG CỘNG SẢN VIỆT NAM$|KẾ HOẠCH|QUYẾT ĐỊNH|CHỈ THỊ|NGHỊ QUYẾT|"
                         r"CHƯƠNG TRÌNH|THÔNG TƯ|CÔNG VĂN|HƯỚNG DẪN|KẾT LUẬN|ĐỀ ÁN|BÁO CÁO|THÔNG BÁO)")
_EMBLEM_LINES = 4
_ORGAN = re.compile(r"^(?:BAN THƯỜNG VỤ|BAN CHẤP HÀNH|THƯỜNG TRỰC|VĂN PHÒNG|BAN CHỈ ĐẠO)\b")
_LOCAL_UNIT = re.compile(r"^(?:ỦY|UỶ) BAN NHÂN DÂN (PHƯỜNG|XÃ|ĐẶC KHU|THỊ TRẤN|QUẬN|HUYỆN|THỊ XÃ) (.+)$")
# words of a body that answers to no province (a national committee, the Party's central bodies)
_NATIONAL_WORDS = re.compile(r"\b(?:TRUNG ƯƠNG|QUỐC GIA|QUỐC HỘI|CHÍNH PHỦ|VIỆT NAM)\b")


def _emblem_block(head: str) -> tuple[list[str], int, int] | None:
    """(the emblem's upper-case lines, start, end) where a neighbour of an emblem follows them."""
    run: list[str] = []
    start = end = 0
    pos = 0
    for line in head.split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        m = _UPPER_LINE.match(line)
        name = " ".join(m.group(1).split()) if m else ""
        if m and not _NOT_EMBLEM.match(name) and len(run) < _EMBLEM_LINES:
            if not run:
                start = line_start
            run.append(name)
            end = line_start + len(line)
            continue
        if not line.strip(" |") and not run:
            continue
        if run and (not line.strip(" |") or _RULE_LINE.match(line) or (m and _NOT_EMBLEM.match(name))):
            break
        if run:  # a mixed-case line ends the run ("Số: 38/CTr-HDSGL")
            break
    if not run or not _EMBLEM_NEIGHBOURS.search(head[start:end + 400]):
        return None
    return run, start, end


def _body_name(text: str, lines: list[str]) -> str:
    """The body an emblem's lines name: lines that continue one name are joined ("BỘ THÔNG TIN VÀ" /
    "TRUYỀN THÔNG"); a line naming an organ under a complete name ("HỘI … VIỆT NAM" / "BAN THƯỜNG VỤ TRUNG
    ƯƠNG HỘI") is left out, unless the text writes the joined name itself."""
    name = lines[0]
    for line in lines[1:]:
        joined = f"{name} {line}"
        if _ORGAN.match(line) and _as_written(text, joined, "") == "":
            break
        name = joined
    return name


def _block_owner(text: str, lines: list[str], start: int, end: int) -> About | None:
    """The body a multi-line emblem names, when the one-line readers would cut or misplace it: a ministry
    over two lines, a ward's or commune's committee (its province is the one the text keeps naming), a
    national body (no province, even though it dates its documents "Hà Nội, ngày …")."""
    name = _body_name(text, lines)
    evidence = _line_of(text, start, end)
    local = _LOCAL_UNIT.match(name)
    if local:
        unit, place = local.groups()
        written = _as_written(text, place, place.title())
        province, known = _named_province(text)
        return About(f"UBND {unit.lower()} {written}", province, evidence, "header", known)
    if name.startswith("BỘ ") and len(name.split()) > 2 and not _NOT_A_MINISTRY.match(name[3:]):
        return About(_ministry_name(text, name), None, evidence, "header")
    if _NATIONAL_WORDS.search(name) and not find_provinces(name) and name not in ("THỦ TƯỚNG CHÍNH PHỦ", "CHÍNH PHỦ"):
        return About(_as_written(text, name, name.title()), None, evidence, "header", national=True)
    return None


def _named_province(text: str) -> tuple[str | None, bool]:
    """(province, known) the text keeps naming as "tỉnh X" (twice at least)."""
    named = Counter(" ".join(m.group(1).split()) for m in _PROVINCE_PHRASE.finditer(text))
    for written, count in named.most_common(3):
        if count < 2:
            break
        place, known = _leading_place(written, "tỉnh", text)
        if place:
            return place, known
    return None, False


_PROVINCE_PHRASE = re.compile(rf"\btỉnh((?:[ \t]+[{vi.UPPER}]\w*){{1,4}})")


def _ministry_name(text: str, upper: str) -> str:
    if upper in ("THỦ TƯỚNG CHÍNH PHỦ", "CHÍNH PHỦ"):
        return upper.capitalize().replace("chính phủ", "Chính phủ")
    known = _MINISTRY.fullmatch(upper)
    if known:
        return "Bộ " + next(m for m in MINISTRIES if vi.fold(m) == vi.fold(known.group(1)))
    return "Bộ " + _as_written(text, upper[3:], _department_name(upper)[3:])


def field_owner(text: str) -> About | None:
    """A law-library page's "Cơ quan ban hành: Tỉnh X" / "Nơi ban hành: Bộ Y" field."""
    for label in ("Cơ quan ban hành", "Nơi ban hành"):
        declared = labelled(text, label)
        if not declared:
            continue
        evidence = f"{label}: {declared}"
        place = re.match(rf"^\s*({_UNIT_KIND})\s+(.+)$", declared)
        province, known = _place_name(text, place.group(2) if place else "")
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
    for m in _MINISTRY.finditer(fragment):
        name = next(x for x in MINISTRIES if vi.fold(x) == vi.fold(m.group(1)))
        found.append((m.start(), f"Bộ {name}"))
    for m in _ANY_MINISTRY.finditer(fragment):
        if not _NOT_A_MINISTRY.match(m.group(1)) and not any(s == m.start() for s, _ in found):
            found.append((m.start(), f"Bộ {m.group(1)}"))
    for m in _LOCAL_COMMITTEE.finditer(fragment):  # "Ủy ban nhân dân huyện Dầu Tiếng"
        found.append((m.start(), f"UBND {m.group(1).lower()} {' '.join(m.group(2).split())}"))
    local = {at for at, _ in found}
    for m in _PEOPLES_COMMITTEE.finditer(fragment):
        if m.start() in local:
            continue
        place, _ = _leading_place(m.group(2), m.group(1), text)
        if place is None and m.group(2).strip() and vi.fold(m.group(1)).startswith(("thanh pho", "tp")):
            continue  # "UBND thành phố Đông Hà": a city inside a province, not a provincial committee
        found.append((m.start(), committee(m.group(1), place)))
    return found


def _committee_place(issuer: str | None) -> tuple[str | None, bool]:
    """The province of a committee named as 'UBND tỉnh X' (known or not)."""
    if not issuer:
        return None, False
    named = find_provinces(issuer)
    if named:
        return named[0], True
    m = re.match(r"^(?:UBND|Sở .+?) (?:tỉnh|thành phố) (.+)$", issuer)
    return (m.group(1), False) if m else (None, False)


def dominant_province(text: str) -> tuple[str | None, int]:
    """(the province the text names most, offset of its first mention); ties go to the first named."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in iter_mentions(text):
        counts[m.province] += 1
        first.setdefault(m.province, m.start)
    if not counts:
        return None, -1
    top = max(counts.values())
    place = next(p for p in counts if counts[p] == top)  # Counter keeps first-seen order on ties
    return place, first[place]


def text_owner(text: str, number: DocNumber | None) -> About | None:
    """For a page without a usable header: the body named where the page announces the document."""
    if number:
        left, _ = sentence_around(text, number.start)
        named = issuer_in(text[left:number.start], text)
        if named:
            return About(named, None, _sentence(text, number.start), "text")
        for code in number.codes[1:] + number.codes[:1]:
            if code in ISSUER_CODES:
                return About(ISSUER_CODES[code], None, _sentence(text, number.start), "text")
    # the lead's committee; a ministry only where it issues something ("Bộ X vừa ban hành …"), since pages
    # about a province often name the ministry whose delegation visited
    found = [(at, name) for at, name in _issuers(text[:_NEWS_LEAD_CHARS], text)
             if not name.startswith("Bộ ") or _ISSUING_AFTER.match(text, at + len(name))]
    # "UBND thành phố Hải Lâm ban hành …" over a later bare "báo cáo UBND thành phố": the name says whose
    found = [f for f in found if f[1] not in _BARE_COMMITTEES] or found
    if found:
        at, named = max(found)
        return About(named, None, _sentence(text, at), "text")
    if number and "UBND" in number.codes:
        return About("UBND", None, _sentence(text, number.start), "text")
    return None


_BARE_COMMITTEES = frozenset({"UBND", "UBND tỉnh", "UBND thành phố"})
_ISSUING_AFTER = re.compile(r"\s+(?:đã\s+|vừa\s+)?(?:ban hành|có (?:Công văn|văn bản|Kế hoạch|Quyết định)|hướng dẫn|"
                            r"phê duyệt)\b")


# the Government or its head where a page's lead says they issue something ("Thủ tướng Chính phủ vừa ban hành …")
_NATIONAL_ISSUING = re.compile(r"\b(Thủ tướng Chính phủ|Chính phủ)(?=" + _ISSUING_AFTER.pattern + ")")


def _national_lead(text: str) -> About | None:
    """A page that names no province: the ministry its lead names, or the Government that its lead says issues
    something, is what it is about."""
    lead = text[:_NEWS_LEAD_CHARS]
    found = [(at, name) for at, name in _issuers(lead, text) if name.startswith("Bộ ")]
    found += [(m.start(), m.group(1)) for m in _NATIONAL_ISSUING.finditer(lead)
              if not lead[max(0, m.start() - 9):m.start()].endswith("Thủ tướng ")]
    if not found:
        return None
    at, named = min(found)
    return About(named, None, _sentence(text, at), "text")


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
        place, at = dominant_province(text)
        if place is None and owner.issuer is None:
            return _national_lead(text) or _file_owner(source) or owner
        if place:
            owner.province, owner.known_province = place, True
            owner.evidence = owner.evidence or _sentence(text, at)
            owner.source = owner.source or "text"
            if owner.issuer is not None and re.fullmatch(r"UBND(?: tỉnh| thành phố)?", owner.issuer):
                bare = owner.issuer.split(" ", 1)[1] if " " in owner.issuer else None
                owner.issuer = committee(bare or province_kind(place) or "tỉnh", place)
    return owner


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
