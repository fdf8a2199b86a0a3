"""Entities in text, as typed spans: `tag` finds what answer sentences hold (dates and periods, numbers with
units, document numbers, places, agencies, person names) for the answer-type check; `find_entities` finds
what a question names (province, foreign place, agency, number, year) with its canonical name, for
rewriting follow-ups. Gazetteers are ground's (places, agencies, numbers)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ground import vi
from ground.foreign_places import FOREIGN_CAPITAL_ONLY, FOREIGN_PLACE_NAMES, FOREIGN_PLACES, NEIGHBOUR_PROVINCES
from rag.understand.honours import honoured
from rag.understand.place_lists import listed_places

KINDS = ("date", "period", "number", "document", "place", "agency", "person")  # what question.ANSWER_TYPES map onto


@dataclass(frozen=True)
class Entity:
    kind: str  # tag: date | period | number | document | place | agency | person;
    #            find_entities: province | foreign | agency | number | year
    start: int
    end: int
    text: str  # as written
    name: str = ""  # canonical (find_entities): "Thừa Thiên Huế", "726/KH-UBND"


_D = r"(?:0?[1-9]|[12]\d|3[01])"
_M = r"(?:0?[1-9]|1[0-2])"
_Y = r"(?:19|20)\d\d"
_DATE = re.compile(
    rf"(?<![\d/])(?:{_D}\s*[/.\-]\s*{_M}\s*[/.\-]\s*{_Y}"  # 30/11/2021, 30-11-2021
    rf"|ngày\s+{_D}\s+tháng\s+{_M}(?:\s+năm\s+{_Y})?"  # ngày 04 tháng 05 năm 2022
    rf"|ngày\s+{_D}\s*[/.\-]\s*{_M}(?!\s*[/.\-]?\d)"  # ngày 10/02, ngày 12-12, ngày 21.6
    # a day counted from an event, when a text takes effect: "sau 15 ngày, kể từ ngày đăng Công báo", "kể từ ngày ký"
    r"|sau\s+\d+\s+ngày\s*,?\s*kể từ ngày\s+[^.;,\n\d]{2,40}|kể từ ngày (?:ký|ban hành)"
    # a run of days: "11 - 30/7", "từ ngày 12 đến 16-5"
    rf"|(?:từ\s+(?:ngày\s+)?)?{_D}\s*(?:[-–]|đến(?:\s+ngày)?)\s*{_D}\s*(?:/\s*{_M}(?:\s*/\s*{_Y})?|-{_M}(?:-{_Y})?)(?![\d/])"
    rf"|ngày\s+{_D}\s*(?:và|,)\s*{_D}\s*[/-]\s*{_M}(?:\s*[/-]\s*{_Y})?(?![\d/])"  # two days: "vào ngày 20 và 21-9"
    rf"|(?:sáng|chiều|tối|trưa|đêm)\s+(?:(?:nay|qua)\s+)?(?:ngày\s+)?{_D}\s*[/.\-]\s*{_M}(?!\s*[/.\-]?\d|\s*(?:triệu|tỷ|nghìn|%))"  # "Tối 29.3", "Chiều nay 26.3"
    # two days of their months: "từ 26/6 đến 17/12", "từ ngày 10/6 đến ngày 15/6/2024"
    rf"|từ\s+(?:ngày\s+)?{_D}\s*/\s*{_M}(?:\s*/\s*{_Y})?\s+(?:đến|tới)\s+(?:ngày\s+)?{_D}\s*/\s*{_M}(?:\s*/\s*{_Y})?(?![\d/])"
    # "Chiều nay (28/8)", "Sáng qua (5-9)": a news lead dating "today" in brackets
    rf"|(?:sáng|chiều|tối|trưa|đêm|hôm)\s+(?:nay|qua)\s*\(\s*(?:ngày\s+)?{_D}\s*[/-]\s*{_M}(?:\s*[/-]\s*{_Y})?\s*\)"
    # …or after a comma: "Sáng nay, 27/9, Hội nghị …"
    rf"|(?:sáng|chiều|tối|trưa|đêm|hôm)\s+(?:nay|qua),\s*(?:ngày\s+)?{_D}\s*[/-]\s*{_M}(?:\s*[/-]\s*{_Y})?(?![\d/])"
    rf"|tháng\s+{_M}\s*(?:[/.\-]|năm)\s*{_Y}"  # tháng 3/2022, tháng 12-2009, tháng 9.2022, tháng 3 năm 2022
    rf"|(?:ngày\s+{_D}\s*/\s*{_M}|tháng\s+{_M})\s+(?:hằng|hàng)\s+năm|ngày\s+{_D}\s+(?:hằng|hàng)\s+(?:tháng|quý))(?![\d/])",  # every year, month
    re.IGNORECASE,
)
# "đến năm 2030", "giai đoạn 2023 - 2026", "2021-2025", "năm 2022", "trong năm 2019"
_PERIOD = re.compile(
    rf"(?:(?:giai đoạn|thời kỳ|từ năm|từ)\s+)?{_Y}\s*[-–—]\s*{_Y}"
    rf"|(?:đến|tới|trước|sau|từ|trong|đầu|cuối|giữa)?\s*năm\s+{_Y}"
    rf"|(?-i:SN)\s*{_Y}"  # "Latxaphon Xokamnouay (SN 2000)": a news page's "sinh năm"
    # a lunar year by its name ("Tết Mậu Tuất", "Xuân Giáp Thìn 2024"), capitalised as names are ("quý", "tân" are words)
    r"|(?-i:(?:Giáp|Ất|Bính|Đinh|Mậu|Kỷ|Canh|Tân|Nhâm|Quý)\s+(?:Tý|Sửu|Dần|Mão|Mẹo|Thìn|Tỵ|Tị|Ngọ|Mùi|Thân|Dậu|Tuất|Hợi))\b"
    rf"|tầm nhìn(?: đến)?(?: năm)?\s+{_Y}"
    # a quarter ("quý II/2028", "quý IV năm 2027", "quý 3"), a half year, a month within the plan's year
    rf"|quý\s+(?-i:[IV]{{1,3}})(?:\s*(?:/|năm)\s*{_Y})?(?!\w)|quý\s+[1-4](?:\s*(?:/|năm)\s*{_Y})?(?![\d/])"
    rf"|(?:6|sáu) tháng (?:đầu|cuối) năm|(?:trong|vào) tháng\s+{_M}(?![\d/])",
    re.IGNORECASE,
)
_UNITS = (
    "tỷ đồng|tỉ đồng|triệu đồng|nghìn đồng|đồng|USD|%|phần trăm|đô-la Mỹ|đô la Mỹ|đô-la|đô la|đôla|euro|EUR|yên|"
    "nhân dân tệ|won|bảng Anh|CAD|AUD|năm|tháng|ngày|người|lượt người|lượt|đoàn|"
    "hoạt động|sự kiện|chương trình|lần|địa phương|quốc gia|nước|tỉnh|tác phẩm|di sản|lễ hội|km|ha|học viên|"
    "cuộc|hội nghị|hội thảo|dự án|doanh nghiệp|đối tác|nhiệm vụ|mục tiêu|"
    # things counted in reports of exchanges and events
    "bức tranh|bức ảnh|bức|tác phẩm|hiện vật|bộ phim|phim|tiết mục|gian hàng|suất|học bổng|sinh viên|lưu học sinh|"
    "đại biểu|thành viên|hội viên|cá nhân|chi hội|thỏa thuận|biên bản|nghệ sĩ|nghệ nhân|tình nguyện viên|trang|ấn phẩm|"
    "tin|bài|video|lớp|học viên|giảng viên|chỉ tiêu|"
    # people a plan puts to work ("05 biên, phiên dịch tiếng Nhật", "50 đoàn viên", "20 hộ gia đình")
    "biên, phiên dịch|phiên dịch|biên dịch|cán bộ|học sinh|đoàn viên|hộ gia đình|"
    # ages, craft and goods, people and places counted in news pages ("năm nay 20 tuổi", "58 tàu", "500 kg")
    "tuổi|tàu cá|tàu|chiếc|kg|tấn|lít|ngư dân|lao động|hộ|xã|huyện|thôn|bản|trường|bệnh viện|vận động viên|VĐV"
)
_NUMBER = re.compile(
    # "450.000 lượt", "01 triệu lượt khách", "1,5 tỷ đồng": a magnitude word may stand before the unit
    rf"(?<![\w/.,])(\d+(?:[.,]\d+)*)\s*(?:(?:triệu|nghìn|ngàn|tỷ|tỉ|vạn)\s+)?({_UNITS})(?!\w)"
    r"|(?:lần thứ|khóa|khoá|thứ)\s+([IVXLC]+|\d+)\b"
    r"|\b(?:bậc|hạng)\s+\d{1,2}\b"  # a level asked by "bậc mấy": "Tiếng Anh bậc 5 (C1)"
    # "Đại hội lần thứ nhất", "kỳ thứ hai": an ordinal spelled out answers "lần thứ mấy" (not the weekday "thứ Hai")
    r"|(?:lần|kỳ|khóa|khoá|đợt) thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)\b"
    # a congress or plenum numbered in Roman numerals: "Đại hội Đảng XIII", "Hội nghị Trung ương 4 khóa XII"
    r"|(?:Đại hội|Hội nghị Trung ương)(?:\s+(?:Đảng|đại biểu toàn quốc|đại biểu))?\s+(?-i:[IVXLC]{1,6})(?!\w)"
    r"|\b(một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(trụ cột|nhóm|nhiệm vụ|mục tiêu|giải pháp|quan điểm|nội dung)\b",
    re.IGNORECASE,
)
# A foreign or unknown place named after its kind: "tỉnh Gyeonggi", "thành phố Kitakyushu", "bang Victoria".
_PLACE_KIND = re.compile(
    r"\b(?:(?:tỉnh|thành phố|thủ đô|bang|vùng|khu tự trị|quận|huyện|thị xã|xã|đảo|nước|quốc gia|khu vực|phường|thị trấn"
    r"|đặc khu|thôn|bản|làng|ấp|buôn|khu|trấn"
    # a place of nature or a port named after its kind: "biển Tam Thanh", "cù lao Chàm", "đỉnh Fansipan", "cảng Quy Nhơn"
    r"|bãi biển|biển|cù lao|núi|đỉnh|hồ|sông|vịnh|đèo|thác|hang|động|cảng|sân bay|phố cổ|đầm|vườn quốc gia)\s+"
    # …or its kind shortened, as news pages write it: "TT.Như Quỳnh", "H.Văn Lâm", "TX. Sa Pa" (no space needed)
    r"|(?-i:TT|TX|TP|H)\.\s*)"
    rf"((?:[{vi.UPPER}][\w\-]*)(?:\s+[{vi.UPPER}][\w\-]*){{0,3}}(?:\s+\d{{1,2}}\b)?)"  # "thôn Na Lốc 3"
)
# A venue after "tại": "tại Cụm thông tin cổ động Sa Vĩ", "tại Cung văn hóa Quốc gia Lào" (a document after
# "tại" — "tại Kế hoạch số …", "tại Điều 2" — is none)
_DOCUMENT_AFTER = re.compile(r"(?:Kế hoạch|Quyết định|Công văn|Văn bản|Thông báo|Nghị quyết|Chỉ thị|Thông tư|Nghị định|Điều"
                             r"|Khoản|Mục|Phụ lục|Chương|Phần|Tờ trình|Báo cáo|Đề án|Luật|Hội nghị|Kỳ họp)\b")
_VENUE = re.compile(
    rf"\b(?:tại|ở)\s+(?!{_DOCUMENT_AFTER.pattern})([{vi.UPPER}][^,.;:()\n]{{2,60}}?)"
    r"(?=\s*[,.;:()\n]|\s+(?:với|và|cho|trong|nhằm|đã|diễn ra|để|từ|vào)\b|\s*$)"
)
_GENERIC_PLACES = re.compile(
    r"\b(?:địa phương nước ngoài|các nước|nước ngoài|quốc tế|khu vực|trong nước|ngoài nước|biên giới|"
    r"vùng biên|các địa phương|cửa khẩu)\b",
    re.IGNORECASE,
)
_PERSON_TITLE = (
    r"(?:Phó Thủ tướng(?: Thường trực(?: Chính phủ)?)?|Thủ tướng(?: Chính phủ)?|Chủ tịch(?: nước)?|Phó Chủ tịch|"
    r"Bộ trưởng|Thứ trưởng|Giám đốc|Phó Giám đốc|Bí thư|Phó Bí thư|Tổng Bí thư|Chánh Văn phòng|đồng chí|"
    r"ông|bà|Ông|Bà|Đại sứ|Tổng Lãnh sự|Thống đốc|Thị trưởng|Tỉnh trưởng|Phó Tỉnh trưởng|Ký bởi|Người ký|KT\.? CHỦ TỊCH|CHỦ TỊCH|PHÓ CHỦ TỊCH|TM\.? ỦY BAN NHÂN DÂN|"
    r"(?:Đại|Thượng|Trung|Thiếu) (?:tá|úy|tướng)|Đại tướng)"  # a rank: "Thượng tá Sầm Văn Lực"
)
# (a foreign surname may be written in capitals: "ONO Masuo", "KIM Sung-ho")
_NAME = rf"(?:[{vi.UPPER}][{vi.LOWER}]+|[A-Z]{{2,}})(?:\s+(?:[{vi.UPPER}][{vi.LOWER}]+(?:-[a-z]+)?|[A-Z]{{2,}})){{1,3}}"
_PERSON = re.compile(rf"{_PERSON_TITLE}[\s:,]+(?P<name>{_NAME})(?![{vi.LOWER}])")
_NOT_NAME = {"sở", "ban", "bộ", "ủy", "uỷ", "văn", "hội", "trung", "ubnd", "cục", "vụ", "phòng", "đài", "báo", "tỉnh",
             "thành", "chính", "thường", "đảng", "nhà", "liên", "học", "viện", "trường", "đoàn", "quốc", "kế", "chiến"}
# A role named with its agency answers "ai …?" as well as a name: "Giám đốc Sở Ngoại vụ", "Chánh Văn phòng UBND tỉnh".
_ROLE = re.compile(
    r"\b(?:Chánh Văn phòng|Giám đốc|Phó Giám đốc|Thủ trưởng|Chủ tịch|Phó Chủ tịch|Bộ trưởng|Trưởng ban|Thủ tướng)"
    r"(?:\s+(?:các|Ủy ban nhân dân|UBND))?")


@lru_cache(maxsize=1)
def _foreign() -> re.Pattern:
    names = sorted({n.strip() for n in FOREIGN_PLACE_NAMES.split("|") if n.strip()} | NEIGHBOUR_PROVINCES, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


def documents(text: str, typed: bool = False) -> list[Entity]:
    """Document numbers, canonical, read by the rule ingest stores them by (`typed`: a user's question)."""
    from ground.numbers import find_numbers

    return [Entity("document", n.start, n.end, n.number) for n in find_numbers(text, typed=typed)]


_SCORE = re.compile(r"(?i:tỷ số|tỉ số|thắng|thua|hòa)\s+(\d{1,3}\s*[-–:]\s*\d{1,3})(?![\d/])")


def tag(text: str) -> list[Entity]:
    """Every entity of `text`, left to right; overlapping spans of different kinds are all kept."""
    return list(_tag(text))


@lru_cache(maxsize=8192)  # the same plan sentences come back question after question
def _tag(text: str) -> tuple[Entity, ...]:
    found: list[Entity] = []
    for m in _DATE.finditer(text):
        found.append(Entity("date", m.start(), m.end(), m.group(0)))
    for m in _PERIOD.finditer(text):
        found.append(Entity("period", m.start(), m.end(), m.group(0).strip()))
    found += documents(text)
    for m in _NUMBER.finditer(text):
        found.append(Entity("number", m.start(), m.end(), m.group(0)))
    dates = [e for e in found if e.kind == "date"]
    for m in _SCORE.finditer(text):  # "kết thúc với tỷ số 4-3": a match's score, which no date-run reading takes
        dates = [d for d in dates if not (d.start < m.end(1) and m.start(1) < d.end)]
        found = [e for e in found if not (e.kind == "date" and e.start < m.end(1) and m.start(1) < e.end)]
        found.append(Entity("number", m.start(1), m.end(1), m.group(1)))
    found = [e for e in found if e.kind != "number" or not any(d.start <= e.start < d.end for d in dates)]
    place_spans = places(text)
    found += place_spans
    agency_spans = agencies(text)
    found += agency_spans
    found += persons(text, agency_spans, place_spans)
    found.sort(key=lambda e: (e.start, -e.end))
    return tuple(found)


_VENUE_NAME = re.compile(rf"\b(?:tại|ở)\s+(?:(?:thủ đô|thành phố|tỉnh|bang|huyện|quận|xã|thị trấn|đảo)\s+)?"
                         rf"([{vi.UPPER}][\w\-]*(?:\s+[{vi.UPPER}][\w\-]*)*)")


def venues(text: str) -> list[Entity]:
    """The proper names after "tại"/"ở" ("tại Langkawi vào năm nào" → "Langkawi"): a question's own venue."""
    return [Entity("place", m.start(1), m.end(1), m.group(1)) for m in _VENUE_NAME.finditer(text)
            if not _DOCUMENT_AFTER.match(text, m.start(1))]


def places(text: str) -> list[Entity]:
    from ground.places import iter_mentions

    out = [Entity("place", m.start, m.end, m.text) for m in iter_mentions(text)]
    out += [Entity("place", m.start(), m.end(), m.group(0)) for m in _foreign().finditer(text)]
    out += [Entity("place", m.start(1), m.end(1), m.group(1)) for m in _PLACE_KIND.finditer(text)]
    out += [Entity("place", m.start(), m.end(), m.group(0)) for m in _GENERIC_PLACES.finditer(text)]
    out += [Entity("place", m.start(1), m.end(1), m.group(1)) for m in _VENUE.finditer(text)]
    out += [Entity("place", start, end, name) for start, end, name in listed_places(text)]  # "04 xã: Cửa Khê, Bãi Ngọc"
    return out


def agencies(text: str) -> list[Entity]:
    from ground.agencies import find_agencies

    return [Entity("agency", m.start, m.end, m.raw) for m in find_agencies(text)]


def persons(text: str, agency_spans: list[Entity] | None = None,
            place_spans: list[Entity] | None = None) -> list[Entity]:
    out = [p for m in _PERSON.finditer(text) if m.group("name").split()[0].lower() not in _NOT_NAME
           and (p := _without_country(Entity("person", m.start("name"), m.end("name"), m.group("name")))) is not None]
    spans = agencies(text) if agency_spans is None else agency_spans
    for m in _ROLE.finditer(text):
        following = next((a for a in spans if 0 <= a.start - m.end() <= 1), None)
        end = following.end if following else m.end()
        out.append(Entity("person", m.start(), end, text[m.start():end]))
        # "Phó Chủ tịch UBND tỉnh Hưng Yên Phạm Văn Nghiêm": the name comes after the body the office is of
        body = next((a for a in spans if m.start() <= a.start <= m.end() + 1 and a.end > m.end()), None)
        named = _NAME_AFTER.match(text, body.end) if body else None
        if named and named.group(1).split()[0].lower() not in _NOT_NAME:
            out.append(Entity("person", named.start(1), named.end(1), named.group(1)))
    places_seen = places(text) if place_spans is None else place_spans
    out += [Entity("person", start, end, name) for start, end, name in honoured(text)
            if not any(p.start == start for p in places_seen)]  # "các nghệ nhân Hàn Quốc" are of a country
    # a Vietnamese full name needs no title before it: "Tổng lãnh sự … tại Vladivostok Nguyễn Hoàng Việt"
    taken = [(e.start, e.end) for e in out]
    for m in _SURNAME_LED.finditer(text):
        if any(s <= m.start() < e for s, e in taken) or _PLACE_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue
        if any(p.start == m.start() for p in places_seen) or vi.fold(m.group(0)) in NAMED_PLACES:
            continue
        out.append(Entity("person", m.start(), m.end(), m.group(0)))
    return out


def _without_country(person: Entity) -> Entity | None:
    """"Đại sứ Palestine Saadi Salama": the name after the country the office is of; a country alone names no one."""
    country = next((e for e in foreign_places(person.text) if e.start == 0), None)
    rest = person.text[country.end:].lstrip() if country else person.text
    if not rest or country is None or len(rest.split()) < 2:
        return None if not rest else person
    return Entity("person", person.end - len(rest), person.end, rest)


# the commonest Vietnamese surnames (with the H'Mông "Giàng", "Thào", "Sùng", "Lò"): one opens a full name of three
# syllables or four; two syllables ("Hà Nội", "Lê Lợi") are too often a place or a street to be read as a person
SURNAMES_PATTERN = ("Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đinh|Đoàn|Trương|Lương|Lâm|"
                    "Mai|Trịnh|Đào|Cao|Chu|Tạ|Lại|Triệu|Kiều|Quách|Vương|Tăng|Giàng|Thào|Sùng|Lò|Nông|Lục|Hứa|Khổng|"
                    "Thân|Tôn|Phùng|Hà|Tô|Mạc|Âu|Đàm|Lưu|Từ|Diệp|Doãn|Giáp|Nghiêm|Bế|Khúc|Cù|Lạc|Quản|Lã|Thạch|Tống|"
                    "Vi|Lường|Mã")
SURNAMES = frozenset(SURNAMES_PATTERN.split("|"))
_SURNAME_LED = re.compile(rf"(?<![\w{vi.LOWER}])(?:{SURNAMES_PATTERN})(?:\s+[{vi.UPPER}][{vi.LOWER}]+){{2,3}}(?![\w{vi.LOWER}])")
# a place named by its kind ("thành phố Hồ Chí Minh", "đường Trần Hưng Đạo") or a monument's name is not a person
_PLACE_BEFORE = re.compile(r"(?:tỉnh|thành phố|TP\.?|đường|phố|huyện|quận|xã|phường|thị xã|thị trấn|tư tưởng|lăng|"
                           r"tượng đài|vườn hoa|trường|quảng trường|cầu|bảo tàng)\s+$", re.IGNORECASE)
NAMED_PLACES = frozenset({"ho chi minh"})  # the city far more often than the man in these texts
_NAME_AFTER = re.compile(rf"\s+({_NAME})(?![{vi.LOWER}])")


def kinds_in(text: str) -> set[str]:
    return {e.kind for e in tag(text)}


# -- what a question names, for rewriting follow-ups ----------------------------------------------
# (a dash set apart by spaces is the code's own: "430/QĐ – BNV")
@lru_cache(maxsize=1)
def _foreign_patterns() -> list[tuple[str, str, re.Pattern, bool]]:
    """(name, alias, pattern on the folded text, capital only) for every spelling of every foreign place."""
    out: list[tuple[str, str, re.Pattern, bool]] = []
    known = {vi.fold(a) for name, aliases in FOREIGN_PLACES.items() for a in (name, *aliases)}
    # the cities, regions and bodies abroad a plan may name ("Seoul", "Thượng Hải"): a name of two words or more, or
    # one Latin word of four letters or more, so that an ordinary word ("Anh", "Ý") is never taken for one
    # (…and the provinces of the neighbours a border province's texts name: "Hủa Phăn", "Savannakhet")
    extra = [(n, ()) for n in dict.fromkeys([*FOREIGN_PLACE_NAMES.split("|"), *sorted(NEIGHBOUR_PROVINCES)]) if vi.fold(n) not in known
             and (len(n.split()) > 1 or (not vi.has_diacritics(n) and len(n) >= 4 and n.isalpha()))]
    extra_names = {n for n, _ in extra}
    for name, aliases in [*FOREIGN_PLACES.items(), *extra]:
        for alias in sorted((name, *aliases), key=len, reverse=True):
            # (a name spelled by syllables is written with its hyphens, spaced or joined: "Ô-xtrây-li-a", "Ôxtrâylia")
            body = r"[\s\-]+".join(r"[\s\-]*".join(re.escape(vi.fold(s)) for s in w.split("-")) for w in alias.split())
            body = spelled(alias) or body  # "Peru" spelled by syllables, "Pê-ru" (tones aside)
            # an extra name with diacritics ("Hải Nam") only as written, capitalised: "hai nam" is "hai năm"
            capital_only = alias in FOREIGN_CAPITAL_ONLY or (alias in extra_names and vi.has_diacritics(alias))
            out.append((name, alias, re.compile(rf"(?<![^\W_]){body}(?![^\W_])"), capital_only))
    out.sort(key=lambda item: -len(item[2].pattern))
    return out


SPELLED_NAME = 4  # a Latin name this long is also its spelling by syllables, hyphens and tones aside ("Pê-ru" for "Peru")


def spelled(alias: str) -> str | None:
    """The folded pattern of a one-word Latin name spelled by syllables ("p-?e-?r-?u"); None for other names."""
    if " " in alias or "-" in alias or len(alias) < SPELLED_NAME or vi.has_diacritics(alias):
        return None
    return "-?".join(re.escape(c) for c in vi.fold(alias))


_PAIRED = re.compile(r"(?:\b(viet(?: nam)?)\s*[-–]|\b(?:cua|nuoc|ban|sang|tai|voi|phia))\s*$")  # "việt nam - ", "của"
_AFTER_WORD = frozenset("lao nhat han phap nga duc cuba sec".split())  # …a country typed plainly after the latter,
_WORD_NEXT = re.compile(r" (?:dong|cai|dao|xao|la|dinh|tri|che|muc|chot|luat|ly|nhan|ba)\b")  # not a word ("lao động")
_PLAIN_WORD_BEFORE = re.compile(r"(?<![.:;!?]\s)\b[a-z]+\s+$")  # "con o My": after a plain word, not a sentence's start
_CAPITAL_NEXT = re.compile(rf" [{vi.UPPER}][{vi.LOWER}]")
_CAPS_BEFORE = re.compile(rf"[{vi.UPPER}]{{2,}}\s+$")
_CAPITAL_BEFORE = re.compile(rf"(?<![.:;!?]\s)(?<!^)\b[{vi.UPPER}][{vi.LOWER}]*\s$")  # "Thúy Nga": a name's last word


# the domain's words whose last syllable opens a plainly typed foreign name ("van hoa ky phuong" is no Hoa Kỳ), folded
_WORD_ACROSS = frozenset({"van hoa"})
# a one-syllable country opening a sentence and a common word with the next ("Ý tưởng", "Pháp luật", "Áo dài")
_COMPOUND_NEXT = re.compile(r" (?:tuong|kien|nghia|thuc|chi|luat|ly|che|dai|thuat|pham)\b")
_YEAR_NEXT = re.compile(r"\s+(?:19|20)\d\d\b")


def foreign_places(text: str) -> list[Entity]:
    """The foreign places a text names (a country, a region, a city abroad), in order."""
    return list(_foreign_places(text))


@lru_cache(maxsize=8192)  # every gate reads the question's and the shown lines' places again: a few hundred patterns
def _foreign_places(text: str) -> tuple[Entity, ...]:
    folded = vi.fold_same_length(text).lower()
    accented = vi.has_diacritics(text)
    taken: list[Entity] = []
    for name, alias, pattern, capital_only in _foreign_patterns():
        for m in pattern.finditer(folded):
            raw = text[m.start():m.end()]
            if any(e.start < m.end() and m.start() < e.end for e in taken):
                continue
            # (…or typed plainly with its capital after a plain word, neither a name's part nor a word's: "còn ở Mỹ")
            plain_capital = not accented and raw[:1].isupper() and bool(_PLAIN_WORD_BEFORE.search(text, 0, m.start())) \
                and not _CAPITAL_NEXT.match(text, m.end()) and not _WORD_NEXT.match(folded, m.end())
            if capital_only and not plain_capital and (not accented or not raw[:1].isupper()) and not ((p := _PAIRED.search(folded, max(
                    0, m.start() - 12), m.start())) and (p.group(1) or not accented and raw.lower() in _AFTER_WORD
                                                         and not _WORD_NEXT.match(folded, m.end()))):
                continue  # "lao", "nga" typed plainly are words, unless paired ("hội việt nam - lao", "tỉnh nào của lao")
            if capital_only and raw.isupper() and _CAPS_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue  # a heading in capitals: "LƯU Ý" is no Italy
            if capital_only and " " not in raw and _COMPOUND_NEXT.match(folded, m.end()):
                continue
            latin = len(raw) >= 5 and not vi.has_diacritics(raw)  # "Canada Mélanie Joly": a country, then a name
            if accented and " " not in raw and raw[:1].isupper() and (
                    _CAPITAL_NEXT.match(text, m.end()) and not latin
                    or capital_only and _CAPITAL_BEFORE.search(text, 0, m.start())):
                continue  # one syllable inside a longer proper name: "Lào Cai", "Phạm Đức Toản", "Mai Thị Thúy Nga"
            if accented and vi.has_diacritics(alias) and not vi.has_diacritics(raw) and vi.has_diacritics(
                    text[max(0, m.start() - NEAR_TYPING):m.end() + NEAR_TYPING]):
                continue  # "Lao" in accented text is not "Lào" ("Australia" is "Úc"), unless typed plainly around it too
            if not vi.has_diacritics(raw) and folded[max(0, m.start() - 4):m.start() + 3] in _WORD_ACROSS:
                continue  # "van hoa ky phuong": "văn hóa" then "Kỳ Phương", not "Hoa Kỳ"
            if not accented and raw.lower().endswith("nam") and _YEAR_NEXT.match(folded, m.end()):
                continue  # "lung van nam 2028": "Lũng Vân năm 2028", not "Vân Nam"
            if accented and vi.has_diacritics(raw) and _joined(raw) not in {_joined(a) for a in (name, *FOREIGN_PLACES.get(
                    name, ()))} and not _same_spelling(raw, name) and not ("-" in raw and not vi.has_diacritics(alias)):
                continue  # the same letters with other tones: another word
            if raw.lower() in ("mỹ", "my") and _CONTINENT_BEFORE.search(folded, max(0, m.start() - 6), m.start()):
                continue  # "châu Mỹ", "Nam Mỹ", "Bắc Mỹ": a continent, not the United States
            if _CURRENCY_BEFORE.search(folded, max(0, m.start() - 12), m.start()):
                continue  # "1 triệu đô la Mỹ", "yên Nhật": a currency, not the country
            taken.append(Entity("foreign", m.start(), m.end(), raw, name))
    return tuple(sorted(taken, key=lambda e: e.start))


def _joined(name: str) -> str:
    """A name as spelled, hyphens and spaces between its syllables aside ("Ô-xtrây-li-a" and "Ôxtrâylia" are one)."""
    return re.sub(r"[\s\-]+", "", vi.normalize(name).lower())


NEAR_TYPING = 12  # characters around a name typed its own way ("Doan Thai Lan bao nhieu nguoi (Lễ khai mạc …)")
_CONTINENT_BEFORE = re.compile(r"\b(?:chau|nam|bac|trung)\s+$")
_CURRENCY_BEFORE = re.compile(r"\b(?:do ?-?la|dola|yen|nhan dan te|won|baht|kip|rup)\s+$")  # (not "bảng", "đồng": "cộng đồng Nhật Bản")


def _same_spelling(raw: str, name: str) -> bool:
    return " ".join(re.split(r"[\s\-]+", vi.normalize(raw).lower())) == " ".join(
        re.split(r"[\s\-]+", vi.normalize(name).lower()))
