"""The body a document's own emblem header names: one-line and multi-line emblems, a department or a city under
its province's line, a national body; a committee named elsewhere at the top is a portal's banner."""
from __future__ import annotations

import re
from collections import Counter

from ground import vi
from ground.places import canonical_province, find_provinces, province_kind
from ingest.bodies import (
    HEADER_CHARS,
    NOT_A_MINISTRY,
    About,
    as_written,
    city_inside_province,
    committee,
    department_name,
    leading_place,
    line_of,
    ministry_name,
    place_name,
)
from ingest.columns import header_cells
from ingest.dates import PLACE_DATE

_CELL_END = r"[ \t]*(?:\|[^\n]*)?$"
_EMBLEM_COMMITTEE = re.compile(
    r"^\s*(?:(?:ỦY|UỶ) BAN\s*N\w*\s*DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND)(?:[ \t]*\|[^\n]*)?\s*\n*\s*(TỈNH|THÀNH PHỐ)[ \t]+"
    r"([^\n|]+?)" + _CELL_END + r"(?:\n\s*((?:SỞ|TRƯỜNG|BỆNH VIỆN|TRUNG TÂM|BẢO TÀNG|THƯ VIỆN|BAN QUẢN LÝ|ĐÀI PHÁT THANH"
    r"|NHÀ HÁT|VIỆN|VĂN PHÒNG|BAN|THANH TRA)[ \t]+[^\n|]+?)" + _CELL_END + r"(?:\n\s*(VÀ\s+[^\n|]+?)" + _CELL_END + ")?)?",
    # the body under its province's committee issues; a name wrapped onto one more line ("SỞ VĂN HÓA, THỂ THAO" / "VÀ DU LỊCH")
    re.MULTILINE)
_WRAPPED_NAME = re.compile(rf"[ \t]*\n[ \t|]*([{vi.UPPER}][{vi.UPPER} ,\-–]{{2,60}}?)[ \t]*(?:\||\n)")
_SUBORDINATE_COMMITTEE = re.compile(
    r"\s*\n\s*(?:ỦY|UỶ) BAN NHÂN DÂN\s+(THÀNH PHỐ|HUYỆN|THỊ XÃ|QUẬN|PHƯỜNG|XÃ|ĐẶC KHU|THỊ TRẤN)\s+([^\n|]+?)" + _CELL_END,
    re.MULTILINE)
_EMBLEM_PARTY = re.compile(r"^\s*(TỈNH|THÀNH)[ \t]+(?:ỦY|UỶ)[ \t]+([^\n|*]+?)" + _CELL_END, re.MULTILINE)
_PARTY_CHAPTER = re.compile(r"^\s*ĐẢNG BỘ[ \t]+(TỈNH|THÀNH PHỐ)[ \t]+([^\n|*]+?)" + _CELL_END
                            + r"\n[ \t|]*((?:BAN THƯỜNG VỤ[ \t]+|BAN CHẤP HÀNH[ \t]+)?(?:TỈNH|THÀNH)[ \t]+(?:ỦY|UỶ))"
                            + _CELL_END, re.MULTILINE)
_BARE_COMMITTEE = re.compile(r"^\s*(?:(?:ỦY|UỶ) BAN NHÂN DÂN|UBND)[ \t]*(?:\|[^\n]*)?$", re.MULTILINE)
_EMBLEM_MINISTRY = re.compile(r"^\s*(BỘ\s+[^\n|a-zđ]{3,60}?|THỦ TƯỚNG CHÍNH PHỦ|CHÍNH PHỦ)" + _CELL_END, re.MULTILINE)
# what sits next to a document's own emblem; a committee named elsewhere at the top is the portal's banner
# what stands by a document's own header: the motto, its number, or for a text issued with a decision (a Đề án, a
# Quy chế) that carries no motto, the "(Ban hành kèm theo Quyết định …)" line under its title
_EMBLEM_NEIGHBOURS = re.compile(r"CỘNG H[OÒ]A XÃ HỘI|Độc lập\s*[-–]\s*Tự do|(?:^|\n|\|)\s*Số\s*:|ĐẢNG CỘNG SẢN VIỆT NAM"
                                r"|\(\s*(?:Ban hành\s+)?kèm theo (?:Quyết định|Nghị quyết)")


def emblem_owner(text: str) -> About | None:
    """The committee, department or ministry in the document's own emblem header (also one whose two columns
    run together on shared lines: the motto ends the province's name)."""
    head = header_cells(text[:HEADER_CHARS])
    for emblem in _EMBLEM_COMMITTEE.finditer(head):
        around = head[max(0, emblem.start() - 200):emblem.end() + 300]
        if not _EMBLEM_NEIGHBOURS.search(around):
            continue  # a portal's banner, not an emblem
        kind, place, department, wrapped = emblem.groups()
        department = f"{department} {wrapped}" if department and wrapped else department
        # "UBND TỈNH SA ĐIỀN - SỞ NGOẠI VỤ": the department written after the province on the same line
        joined = re.match(r"(.+?)\s+-\s+((?:SỞ|BAN|PHÒNG|TRUNG TÂM|VĂN PHÒNG)\s.+)$", place.strip())
        if joined and not department:
            place, department = joined.groups()
        province, known = place_name(text, place)
        if province is None:
            continue
        evidence = line_of(text, emblem.start(), emblem.end())
        below = _SUBORDINATE_COMMITTEE.match(head, emblem.end())
        if below and not department:  # "ỦY BAN NHÂN DÂN TỈNH X / ỦY BAN NHÂN DÂN THÀNH PHỐ Y": Y's own document
            unit, name = below.groups()
            written = as_written(text, name.strip(), name.strip().title())
            return About(f"UBND {unit.lower()} {written}", province, line_of(text, emblem.start(), below.end()),
                         "header", known)
        parent = city_inside_province(text, province) if not known and kind == "THÀNH PHỐ" else None
        if parent:  # "THÀNH PHỐ ĐÔNG HÀ": a city's own committee, inside a province
            return About(f"UBND thành phố {province}", parent, evidence, "header", True)
        if department:  # the department's name as the text writes it ("Sở Văn hóa, Thể thao và Du lịch")
            name = " ".join(department.split())
            issuer = as_written(text, name, department_name(name))
            # a school's name is its own ("Trường Đại học Thương Nguyên"); a department's needs its province
            # ("THANH TRA TỈNH": the body says its kind of place already, "Thanh tra tỉnh Đan Kỳ")
            if vi.collapse(province) not in vi.collapse(name) and not name.startswith("TRƯỜNG"):
                issuer = f"{issuer} {province}" if name.endswith(kind) else f"{issuer} {kind.lower()} {province}"
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
        written = re.sub(r"^Hạnh phúc[\s\-–]*", "", place_date.group(0).strip(" |\n").split(",")[0])
        province = canonical_province(written)
        if province:
            line = line_of(text, place_date.start(), place_date.end())
            return About(committee(province_kind(province) or "tỉnh", province), province, line, "header", True)
    chapter = _PARTY_CHAPTER.search(head)
    if chapter and "ĐẢNG CỘNG SẢN VIỆT NAM" in head[:chapter.end() + 300]:
        # "ĐẢNG BỘ TỈNH TÂY MAI" / "TỈNH ỦY" (or "BAN THƯỜNG VỤ TỈNH ỦY"): the province's Party committee issues
        province, known = place_name(text, chapter.group(2))
        if province:
            organ = {"BAN THƯỜNG VỤ": "Ban Thường vụ", "BAN CHẤP HÀNH": "Ban Chấp hành"}.get(
                " ".join(chapter.group(3).split()[:-2]), "")
            name = f"{'Tỉnh ủy' if chapter.group(1) == 'TỈNH' else 'Thành ủy'} {province}"
            return About(f"{organ} {name}" if organ else name, province,
                         line_of(text, chapter.start(), chapter.end()), "header", known)
    party = _EMBLEM_PARTY.search(head)
    if party and (_EMBLEM_NEIGHBOURS.search(head[party.start():party.end() + 300])
                  or "ĐẢNG CỘNG SẢN VIỆT NAM" in head[party.start():party.end() + 300]):
        # "TỈNH ỦY TRÀ VÂN" beside "ĐẢNG CỘNG SẢN VIỆT NAM": the provincial Party committee's own document
        province, known = place_name(text, party.group(2))
        if province:
            committee_name = f"{'Tỉnh ủy' if party.group(1) == 'TỈNH' else 'Thành ủy'} {province}"
            # "TỈNH ỦY X" / "BAN TUYÊN GIÁO VÀ DÂN VẬN": one of its commissions issues the text
            below = re.match(r"[ \t]*\n[ \t|]*((?:BAN|VĂN PHÒNG|ỦY BAN KIỂM TRA|UỶ BAN KIỂM TRA)\b[^\n|*]{2,60}?)[ \t]*(?:\||\n)",
                             head[party.end():])
            if below:
                organ = " ".join(below.group(1).split())
                # …its name wrapped onto the next upper-case line ("BAN CHỈ ĐẠO CÔNG TÁC" / "THÔNG TIN ĐỐI NGOẠI")
                more = _WRAPPED_NAME.match(head, party.end() + below.end(1))
                if more and not _NOT_EMBLEM.match(more.group(1).strip()):
                    organ = f"{organ} {' '.join(more.group(1).split())}"
                committee_name = f"{as_written(text, organ, organ.capitalize())} {committee_name}"
            return About(committee_name, province, line_of(text, party.start(), party.end()), "header", known)
    for emblem in _EMBLEM_MINISTRY.finditer(head):
        around = head[max(0, emblem.start() - 200):emblem.end() + 300]
        name = " ".join(emblem.group(1).split())
        if not _EMBLEM_NEIGHBOURS.search(around) or NOT_A_MINISTRY.match(name[3:]):
            continue
        return About(ministry_name(text, name), None, line_of(text, emblem.start(), emblem.end()), "header")
    return None


# An emblem written over several lines ("BỘ THÔNG TIN VÀ / TRUYỀN THÔNG", "ỦY BAN NHÂN DÂN / PHƯỜNG VỌNG GIANG",
# "ỦY BAN QUỐC GIA / QUẢNG BÁ VĂN HÓA VIỆT NAM"): the first run of upper-case lines, up to a rule line, the
# national motto or the document's own type line. The Party's motto ("ĐẢNG CỘNG SẢN VIỆT NAM") is no part of it.
_UPPER_LINE = re.compile(rf"^[ \t|]*([{vi.UPPER}][{vi.UPPER}0-9 ,.\-–]{{2,60}}?)[ \t]*(?:\|[^\n]*)?$")
_RULE_LINE = re.compile(r"^[\s|]*[-–—_=*.]{3,}[\s|]*$")
_NOT_EMBLEM = re.compile(r"^(?:CỘNG H[OÒ]A|ĐỘC LẬP|ĐẢNG CỘNG SẢN VIỆT NAM$|CHỦ NGHĨA VIỆT NAM$|KẾ HOẠCH|QUYẾT ĐỊNH|CHỈ THỊ|NGHỊ QUYẾT|"
                         r"CHƯƠNG TRÌNH|THÔNG TƯ|CÔNG VĂN|HƯỚNG DẪN|KẾT LUẬN|ĐỀ ÁN|BÁO CÁO|THÔNG BÁO)")
_EMBLEM_LINES = 4
_MOTTO = re.compile(r"^(?:CỘNG H[OÒ]A XÃ HỘI|CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–]\s*Tự do)")
_ORGAN = re.compile(r"^(?:BAN THƯỜNG VỤ|BAN CHẤP HÀNH|THƯỜNG TRỰC|VĂN PHÒNG|BAN CHỈ ĐẠO)\b")
_LOCAL_UNIT = re.compile(r"^(?:ỦY|UỶ) BAN NHÂN DÂN (PHƯỜNG|XÃ|ĐẶC KHU|THỊ TRẤN|QUẬN|HUYỆN|THỊ XÃ) (.+)$")
# words of a body that answers to no province (a national committee, the Party's central bodies)
_NATIONAL_WORDS = re.compile(r"\b(?:TRUNG ƯƠNG|QUỐC GIA|QUỐC HỘI|CHÍNH PHỦ|VIỆT NAM)\b")


def _emblem_block(head: str) -> tuple[list[str], int, int] | None:
    """(the emblem's upper-case lines, start, end) where a neighbour of an emblem follows them."""
    run: list[str] = []
    start = end = 0
    pos = 0
    lines = head.split("\n")
    for i, line in enumerate(lines):
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
        if run and not line.strip(" |") and _emblem_line_next(lines, i + 1):
            continue  # a page that puts a blank line between the emblem's lines ("ĐOÀN TNCS HỒ CHÍ MINH" / "" / …)
        if len(run) == 1 and _BARE_COMMITTEE.match(run[0]) and _MOTTO.match(line.strip(" |")):
            continue  # two columns interleaved line by line: "ỦY BAN NHÂN DÂN" / "CỘNG HÒA …" / "ĐẶC KHU HÒN SƯƠNG"
        if run and (not line.strip(" |") or _RULE_LINE.match(line) or (m and _NOT_EMBLEM.match(name))):
            break
        if run:  # a mixed-case line ends the run ("Số: 38/CTr-HDSGL")
            break
    if not run or not _EMBLEM_NEIGHBOURS.search(head[start:end + 400]):
        return None
    return run, start, end


_VOWELS = set("AĂÂEÊIOÔƠUƯYÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ")


def _title_case(name: str) -> str:
    """An upper-case name in title case, its acronyms kept ("ĐOÀN TNCS HỒ CHÍ MINH" → "Đoàn TNCS Hồ Chí Minh")."""
    return " ".join(w if not set(w) & _VOWELS else w[:1] + w[1:].lower() for w in name.split())


def _emblem_line_next(lines: list[str], i: int) -> bool:
    """The next line with words is one more line of an emblem."""
    following = next((line for line in lines[i:i + 2] if line.strip(" |")), "")
    m = _UPPER_LINE.match(following)
    return m is not None and not _NOT_EMBLEM.match(" ".join(m.group(1).split()))


def _body_name(text: str, lines: list[str]) -> str:
    """The body an emblem's lines name: lines that continue one name are joined ("BỘ THÔNG TIN VÀ" /
    "TRUYỀN THÔNG"); a line naming an organ under a complete name ("HỘI … VIỆT NAM" / "BAN THƯỜNG VỤ TRUNG
    ƯƠNG HỘI") is left out, unless the text writes the joined name itself."""
    name = lines[0]
    for line in lines[1:]:
        joined = f"{name} {line}"
        if _ORGAN.match(line) and as_written(text, joined, "") == "":
            break
        name = joined
    return name


def _block_owner(text: str, lines: list[str], start: int, end: int) -> About | None:
    """The body a multi-line emblem names, when the one-line readers would cut or misplace it: a ministry
    over two lines, a ward's or commune's committee (its province is the one the text keeps naming), a
    national body (no province, even though it dates its documents "Hà Nội, ngày …")."""
    name = _body_name(text, lines)
    evidence = line_of(text, start, end)
    local = _LOCAL_UNIT.match(name)
    if local:
        unit, place = local.groups()
        written = as_written(text, place, place.title())
        province, known = _named_province(text)
        return About(f"UBND {unit.lower()} {written}", province, evidence, "header", known)
    if len(lines) >= 2 and lines[0].startswith("BỘ ") and _MINISTRY_UNIT.match(lines[1]):
        # "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH" / "CỤC HỢP TÁC QUỐC TẾ": the ministry's department issues the text
        unit = " ".join(lines[1:])
        written = as_written(text, unit, unit.capitalize())
        return About(f"{written[:1].upper()}{written[1:]}, {ministry_name(text, lines[0])}", None, evidence, "header",
                     national=True)
    if name.startswith("BỘ ") and len(name.split()) > 2 and not NOT_A_MINISTRY.match(name[3:]):
        return About(ministry_name(text, name), None, evidence, "header")
    organ = _party_organ(text, lines)
    if organ:
        return About(organ, None, evidence, "header", national=True)
    under = _body_under_parent(text, lines) or _placed_body_under_parent(text, lines) or _own_placed_body(text, lines)
    if under:
        return About(under[0], under[1], evidence, "header", under[2])
    # a national body: its name or the organ under it says so ("ĐOÀN TNCS HỒ CHÍ MINH" / "BAN CHẤP HÀNH TRUNG ƯƠNG")
    if _NATIONAL_WORDS.search(" ".join(lines)) and not find_provinces(" ".join(lines)) \
            and name not in ("THỦ TƯỚNG CHÍNH PHỦ", "CHÍNH PHỦ"):
        return About(as_written(text, name, _title_case(name)), None, evidence, "header", national=True)
    return None


_MINISTRY_UNIT = re.compile(r"^(?:CỤC|TỔNG CỤC|VỤ|VĂN PHÒNG BỘ|THANH TRA BỘ|VIỆN|TRUNG TÂM)\s+\S")
# "ỦY BAN MTTQ VIỆT NAM TỈNH NGỌC VIÊN" / "LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ TỈNH": a parent body of a province over the
# body that issues the document, which is that province's own
_PARENT_OF_PLACE = re.compile(r"^.+?\b(TỈNH|THÀNH PHỐ)\s+(?!ỦY\b|UỶ\b)(\S+(?:\s+\S+){0,3})$")
_OWN_BODY = re.compile(r"^(?:LIÊN HIỆP|LIÊN ĐOÀN|HỘI|BAN|SỞ|TRUNG TÂM|ĐOÀN|VĂN PHÒNG|PHÒNG|BÁO|ĐÀI|BẢO TÀNG|THƯ VIỆN|"
                       r"ĐẢNG (?:ỦY|UỶ|BỘ|ĐOÀN)|CHI BỘ)\b")


# "BAN CHẤP HÀNH TRUNG ƯƠNG" / "BAN TUYÊN GIÁO": a commission of the Central Committee issues the text, under the
# name the text gives it ("Ban Tuyên giáo Trung ương")
_CENTRAL_COMMITTEE = re.compile(r"^BAN CHẤP HÀNH TRUNG ƯƠNG(?: ĐẢNG(?: CỘNG SẢN VIỆT NAM)?)?$")
_COMMISSION = re.compile(r"^(?:BAN|VĂN PHÒNG|ỦY BAN|UỶ BAN)\s+\S")


def _party_organ(text: str, lines: list[str]) -> str | None:
    if len(lines) < 2 or not _CENTRAL_COMMITTEE.match(lines[0]) or not _COMMISSION.match(lines[1]):
        return None
    own = " ".join(lines[1:])
    return as_written(text, f"{own} TRUNG ƯƠNG", f"{own.capitalize()} Trung ương")


def _body_under_parent(text: str, lines: list[str]) -> tuple[str, str, bool] | None:
    """(issuer, province, known) when the emblem's first line is a parent body ending with its province and the
    next lines name the issuing body ("… TỈNH" at its end means that same province)."""
    parent = _PARENT_OF_PLACE.match(lines[0]) if len(lines) >= 2 else None
    if not parent or not _OWN_BODY.match(lines[1]):
        return None
    province, known = place_name(text, parent.group(2))
    if province is None:
        return None
    own = " ".join(lines[1:])
    tail = re.search(r"\s+(TỈNH|THÀNH PHỐ)$", own)
    body = own[:tail.start()] if tail else own
    written = as_written(text, body, body.capitalize())
    return (f"{written} {tail.group(1).lower()} {province}" if tail else written), province, known


_PLACED_BODY = re.compile(r"^(.+?)\s+(TỈNH|THÀNH PHỐ)\s+(?!ỦY\b|UỶ\b)(\S+(?:\s+\S+){0,3})$")


def _placed_body_under_parent(text: str, lines: list[str]) -> tuple[str, str, bool] | None:
    """"SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH" / "BẢO TÀNG TỈNH TƯỜNG VÂN": a unit under its department issues, and its own
    line names its province."""
    if len(lines) < 2 or not _OWN_BODY.match(lines[0]) or not _OWN_BODY.match(lines[1]):
        return None
    return _placed(text, _PLACED_BODY.match(lines[1]))


def _own_placed_body(text: str, lines: list[str]) -> tuple[str, str, bool] | None:
    """"LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ" / "TỈNH SA LĨNH" (or on one line): a province's own body named with its place
    (not a Party chapter, "ĐẢNG BỘ TỈNH X" / "TỈNH ỦY", which the chapter reader names)."""
    name = " ".join(lines) if len(lines) <= 2 else ""
    placed = _PLACED_BODY.match(name) if _OWN_BODY.match(name) and not name.startswith(("ĐẢNG", "CHI BỘ")) else None
    if placed is None or {"ỦY", "UỶ"} & set(placed.group(3).split()):
        return None
    return _placed(text, placed)


def _placed(text: str, placed: re.Match | None) -> tuple[str, str, bool] | None:
    """(issuer, province, known) of a body named with its province ("… TỈNH X"), as the text writes the body."""
    province, known = place_name(text, placed.group(3)) if placed else (None, False)
    if placed is None or province is None:
        return None
    body = as_written(text, placed.group(1), placed.group(1).capitalize())
    return f"{body[:1].upper()}{body[1:]} {placed.group(2).lower()} {province}", province, known


def _named_province(text: str) -> tuple[str | None, bool]:
    """(province, known) the text keeps naming as "tỉnh X" (twice at least)."""
    named = Counter(" ".join(m.group(1).split()) for m in _PROVINCE_PHRASE.finditer(text))
    for written, count in named.most_common(3):
        if count < 2:
            break
        place, known = leading_place(written, "tỉnh", text)
        if place:
            return place, known
    return None, False


_PROVINCE_PHRASE = re.compile(rf"\btỉnh((?:[ \t]+[{vi.UPPER}]\w*){{1,4}})")

