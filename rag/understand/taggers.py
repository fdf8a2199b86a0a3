"""Entity taggers for answer sentences: dates and periods, numbers with units, document numbers, places,
agencies and person names, each as a typed span of the text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ground import vi

# The kinds a question can ask for (rag.understand.question.ANSWER_TYPES) map onto these entity kinds.
KINDS = ("date", "period", "number", "document", "place", "agency", "person")


@dataclass(frozen=True)
class Entity:
    kind: str
    start: int
    end: int
    text: str


_D = r"(?:0?[1-9]|[12]\d|3[01])"
_M = r"(?:0?[1-9]|1[0-2])"
_Y = r"(?:19|20)\d\d"
_DATE = re.compile(
    rf"(?<![\d/])(?:{_D}\s*[/.\-]\s*{_M}\s*[/.\-]\s*{_Y}"  # 30/11/2021, 30-11-2021
    rf"|ngày\s+{_D}\s+tháng\s+{_M}(?:\s+năm\s+{_Y})?"  # ngày 04 tháng 05 năm 2022
    rf"|ngày\s+{_D}\s*/\s*{_M}(?!\s*/?\d)"  # ngày 10/02
    rf"|tháng\s+{_M}\s*(?:/|năm)\s*{_Y})(?![\d/])",  # tháng 3/2022, tháng 3 năm 2022
    re.IGNORECASE,
)
# "đến năm 2030", "giai đoạn 2023 - 2026", "2021-2025", "năm 2022", "trong năm 2019"
_PERIOD = re.compile(
    rf"(?:(?:giai đoạn|thời kỳ|từ năm|từ)\s+)?{_Y}\s*[-–—]\s*{_Y}"
    rf"|(?:đến|tới|trước|sau|từ|trong|đầu|cuối|giữa)?\s*năm\s+{_Y}"
    rf"|tầm nhìn(?: đến)?(?: năm)?\s+{_Y}",
    re.IGNORECASE,
)
_UNITS = (
    "tỷ đồng|triệu đồng|nghìn đồng|đồng|USD|%|phần trăm|năm|tháng|ngày|người|lượt người|lượt|đoàn|"
    "hoạt động|sự kiện|chương trình|lần|địa phương|quốc gia|nước|tỉnh|tác phẩm|di sản|lễ hội|km|ha|học viên|"
    "cuộc|hội nghị|hội thảo|dự án|doanh nghiệp|đối tác|nhiệm vụ|mục tiêu"
)
_NUMBER = re.compile(
    rf"(?<![\w/.,])(\d+(?:[.,]\d+)*)\s*({_UNITS})(?!\w)"
    r"|(?:lần thứ|khóa|khoá|thứ)\s+([IVXLC]+|\d+)\b"
    # a congress or plenum numbered in Roman numerals: "Đại hội Đảng XIII", "Hội nghị Trung ương 4 khóa XII"
    r"|(?:Đại hội|Hội nghị Trung ương)(?:\s+(?:Đảng|đại biểu toàn quốc|đại biểu))?\s+(?-i:[IVXLC]{1,6})(?!\w)"
    r"|\b(một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(trụ cột|nhóm|nhiệm vụ|mục tiêu|giải pháp|quan điểm|nội dung)\b",
    re.IGNORECASE,
)
# Countries and foreign regions a plan names as partners (a gazetteer; provinces come from ground.places).
_FOREIGN = """Trung Quốc|Nhật Bản|Hàn Quốc|Triều Tiên|Lào|Campuchia|Cam-pu-chia|Thái Lan|Indonesia|In-đô-nê-xi-a|
Malaysia|Ma-lai-xi-a|Singapore|Xin-ga-po|Philippines|Phi-líp-pin|Myanmar|Mi-an-ma|Brunei|Đông Timor|Ấn Độ|Nga|
Liên bang Nga|Hoa Kỳ|Mỹ|Canada|Ca-na-đa|Pháp|Đức|Anh|Italia|Ý|Tây Ban Nha|Bồ Đào Nha|Hà Lan|Bỉ|Thụy Sĩ|Thụy Điển|
Na Uy|Phần Lan|Đan Mạch|Ba Lan|Séc|Hungary|Hung-ga-ri|Bun-ga-ri|Bulgaria|Rumani|Ru-ma-ni|Ukraine|U-crai-na|Belarus|
Cuba|Cu-ba|Venezuela|Brazil|Bra-xin|Argentina|Chile|Mexico|Mê-hi-cô|Úc|Australia|Ô-xtrây-li-a|New Zealand|Niu Di-lân|
Israel|Thổ Nhĩ Kỳ|Ai Cập|Nam Phi|Mông Cổ|Đài Loan|Hồng Kông|Ma Cao|Macao|Quảng Tây|Vân Nam|Quảng Đông|Hải Nam|
Quý Châu|Tứ Xuyên|Bắc Kinh|Thượng Hải|Nam Ninh|Côn Minh|Quảng Châu|Bách Sắc|Sùng Tả|Tokyo|Osaka|Kyoto|Seoul|Busan|
Viêng Chăn|Vientiane|Phnôm Pênh|Phnom Penh|Bangkok|Paris|London|Luân Đôn|Berlin|Moskva|Mát-xcơ-va|Washington|
ASEAN|châu Á|châu Âu|châu Phi|châu Mỹ|châu Đại Dương|Đông Nam Á|Đông Bắc Á|Nam Á|Trung Đông|Mỹ Latinh|Bắc Mỹ|
Tây Âu|Đông Âu|Liên minh châu Âu|EU|APEC|UNESCO|Liên hợp quốc""".replace("\n", "")
# A foreign or unknown place named after its kind: "tỉnh Gyeonggi", "thành phố Kitakyushu", "bang Victoria".
_PLACE_KIND = re.compile(
    r"\b(?:tỉnh|thành phố|thủ đô|bang|vùng|khu tự trị|quận|huyện|thị xã|xã|đảo|nước|quốc gia|khu vực)\s+"
    rf"((?:[{vi.UPPER}][\w\-]*)(?:\s+[{vi.UPPER}][\w\-]*){{0,3}})"
)
_GENERIC_PLACES = re.compile(
    r"\b(?:địa phương nước ngoài|các nước|nước ngoài|quốc tế|khu vực|trong nước|ngoài nước|biên giới|"
    r"vùng biên|các địa phương|cửa khẩu)\b",
    re.IGNORECASE,
)
_PERSON_TITLE = (
    r"(?:Phó Thủ tướng(?: Thường trực(?: Chính phủ)?)?|Thủ tướng(?: Chính phủ)?|Chủ tịch(?: nước)?|Phó Chủ tịch|"
    r"Bộ trưởng|Thứ trưởng|Giám đốc|Phó Giám đốc|Bí thư|Phó Bí thư|Tổng Bí thư|Chánh Văn phòng|đồng chí|"
    r"ông|bà|Đại sứ|Tổng Lãnh sự|Ký bởi|Người ký|KT\.? CHỦ TỊCH|CHỦ TỊCH|PHÓ CHỦ TỊCH|TM\.? ỦY BAN NHÂN DÂN)"
)
_NAME = rf"[{vi.UPPER}][{vi.LOWER}]+(?:\s+[{vi.UPPER}][{vi.LOWER}]+){{1,3}}"
_PERSON = re.compile(rf"{_PERSON_TITLE}[\s:,]+(?P<name>{_NAME})(?![{vi.LOWER}])")
_NOT_NAME = {"sở", "ban", "bộ", "ủy", "uỷ", "văn", "hội", "trung", "ubnd", "cục", "vụ", "phòng", "đài", "báo", "tỉnh",
             "thành", "chính", "thường", "đảng", "nhà", "liên", "học", "viện", "trường", "đoàn", "quốc", "kế", "chiến"}
# A role named with its agency answers "ai …?" as well as a name: "Giám đốc Sở Ngoại vụ", "Chánh Văn phòng UBND tỉnh".
_ROLE = re.compile(
    r"\b(?:Chánh Văn phòng|Giám đốc|Phó Giám đốc|Thủ trưởng|Chủ tịch|Phó Chủ tịch|Bộ trưởng|Trưởng ban|Thủ tướng)"
    r"(?:\s+(?:các|Ủy ban nhân dân|UBND))?"
)


@lru_cache(maxsize=1)
def _foreign() -> re.Pattern:
    names = sorted({n.strip() for n in _FOREIGN.split("|") if n.strip()}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


def documents(text: str, typed: bool = False) -> list[Entity]:
    """Document numbers, canonical, read by the rule ingest stores them by (`typed`: a user's question)."""
    from ground.numbers import find_numbers

    return [Entity("document", n.start, n.end, n.number) for n in find_numbers(text, typed=typed)]


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
    found = [e for e in found if e.kind != "number" or not any(d.start <= e.start < d.end for d in dates)]
    found += places(text)
    agency_spans = agencies(text)
    found += agency_spans
    found += persons(text, agency_spans)
    found.sort(key=lambda e: (e.start, -e.end))
    return tuple(found)


def places(text: str) -> list[Entity]:
    from ground.places import iter_mentions

    out = [Entity("place", m.start, m.end, m.text) for m in iter_mentions(text)]
    out += [Entity("place", m.start(), m.end(), m.group(0)) for m in _foreign().finditer(text)]
    out += [Entity("place", m.start(1), m.end(1), m.group(1)) for m in _PLACE_KIND.finditer(text)]
    out += [Entity("place", m.start(), m.end(), m.group(0)) for m in _GENERIC_PLACES.finditer(text)]
    return out


def agencies(text: str) -> list[Entity]:
    from ground.agencies import find_agencies

    return [Entity("agency", m.start, m.end, m.raw) for m in find_agencies(text)]


def persons(text: str, agency_spans: list[Entity] | None = None) -> list[Entity]:
    out = [Entity("person", m.start("name"), m.end("name"), m.group("name")) for m in _PERSON.finditer(text)
           if m.group("name").split()[0].lower() not in _NOT_NAME]
    spans = agencies(text) if agency_spans is None else agency_spans
    for m in _ROLE.finditer(text):
        following = next((a for a in spans if 0 <= a.start - m.end() <= 1), None)
        end = following.end if following else m.end()
        out.append(Entity("person", m.start(), end, text[m.start():end]))
    return out


def kinds_in(text: str) -> set[str]:
    return {e.kind for e in tag(text)}


def folded_kinds(text: str) -> set[str]:
    """Kinds for text typed without diacritics (questions): only the patterns that survive folding."""
    return kinds_in(text) if vi.has_diacritics(text) else {e.kind for e in tag(text) if e.kind != "person"}
