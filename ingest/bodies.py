"""How an issuing body and its place are written: the About record, committee and ministry names as the
text spells them, the place after "tỉnh" / "thành phố", the evidence line."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field

from ground import vi
from ground.places import canonical_province, iter_mentions
from ingest.dates import sentence_around

ISSUER_CODES = {"BNG": "Bộ Ngoại giao", "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch",
                "TTg": "Thủ tướng Chính phủ", "CP": "Chính phủ"}
NATIONAL_ISSUERS = frozenset({"Thủ tướng Chính phủ", "Chính phủ"})
EVIDENCE_CHARS = 240
HEADER_CHARS = 3000  # an emblem sits in the first lines; a repeated one (a decision's carried plan) says the same
NEWS_LEAD_CHARS = 2000

MINISTRIES = ("Ngoại giao", "Văn hóa, Thể thao và Du lịch", "Thông tin và Truyền thông", "Giáo dục và Đào tạo",
              "Công Thương", "Kế hoạch và Đầu tư", "Tài chính", "Nội vụ", "Quốc phòng", "Công an", "Tư pháp",
              "Khoa học và Công nghệ", "Lao động - Thương binh và Xã hội", "Nông nghiệp và Phát triển nông thôn",
              "Nông nghiệp và Môi trường", "Tài nguyên và Môi trường", "Xây dựng", "Giao thông vận tải", "Y tế",
              "Dân tộc và Tôn giáo")
MINISTRY = re.compile(r"\bBộ\s+(" + "|".join(re.escape(m) for m in MINISTRIES) + r")\b", re.IGNORECASE)
_CAP = f"[{vi.UPPER}][{vi.LOWER}]*"
_LOW = f"[{vi.LOWER}]+"
# "Bộ Hợp tác Văn hóa ban hành …": a ministry the list does not know, named by capitalised words (each may
# carry one lower-case syllable: "Ngoại giao", "Văn hóa, Thể thao và Du lịch")
ANY_MINISTRY = re.compile(rf"\bBộ\s+((?:{_CAP})(?:\s{_LOW})?(?:(?:\s*,\s*|\s+và\s+|\s+-\s+|\s+)(?:{_CAP})(?:\s{_LOW})?)*)"
                           r"(?=\s+(?:vừa|đã|có|ban hành|phê duyệt|hướng dẫn)\b)")
NOT_A_MINISTRY = re.compile(r"^(?:Chỉ huy|Tư lệnh|Chính trị|Đội|Công an tỉnh)", re.IGNORECASE)
UNIT_KIND = r"(?:tỉnh|thành phố|TP\.?|TỈNH|THÀNH PHỐ|Tỉnh|Thành phố)"
COMMITTEE = r"(?:Ủy ban nhân dân|Uỷ ban nhân dân|Ủy ban Nhân dân|UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)"
LOCAL_COMMITTEE = re.compile(
    rf"\b{COMMITTEE}[ \t]+(huyện|thị xã|quận|phường|thị trấn|HUYỆN|THỊ XÃ|QUẬN|PHƯỜNG)((?:[ \t]+[{vi.UPPER}]\w*){{1,3}})")
# a name joined by a hyphen goes on with two capitalised words or more ("Bà Rịa - Vũng Tàu"); one alone starts
# what follows the name ("UBND tỉnh Thạch Uyên - Đề án …", a running page header), and so does a body of its own
# ("UBND TỈNH SA ĐIỀN - SỞ NGOẠI VỤ": the department under the committee)
_BODY_HEAD = r"(?:SỞ|Sở|BAN|Ban|PHÒNG|Phòng|TRUNG TÂM|Trung tâm|BỘ|Bộ|CỤC|Cục|VĂN PHÒNG|Văn phòng|HỘI|Hội)\b"
PEOPLES_COMMITTEE = re.compile(
    rf"\b{COMMITTEE}[ \t]+({UNIT_KIND})((?:[ \t]+[{vi.UPPER}]\w*){{0,4}}"
    rf"(?:[ \t]*-[ \t]*(?!{_BODY_HEAD})[{vi.UPPER}]\w*(?:[ \t]+[{vi.UPPER}]\w*){{1,3}}(?!\w))?)")
# "ỦY BAN NHÂN DÂN / TỈNH CAO BẰNG", or "UBND TỈNH QUẢNG TRỊ / SỞ NGOẠI VỤ" for a department's document,
# also inside a header table flattened with "|" and with a damaged first line ("ỦY BAN NN DÂNTỈNH NGHỆ AN")
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

def department_name(upper: str) -> str:
    """'SỞ NGOẠI VỤ' → 'Sở Ngoại vụ': the first word of the proper name keeps its capital."""
    words = upper.lower().split()
    if words[:2] in (["thanh", "tra"], ["văn", "phòng"]):  # a kind of body in two words: "Thanh tra tỉnh"
        return " ".join([words[0].capitalize(), *words[1:]])
    return " ".join(w.capitalize() if i < 2 else w for i, w in enumerate(words))


def committee(kind: str, place: str | None) -> str:
    kind = "thành phố" if vi.fold(kind).startswith(("thanh pho", "tp")) else "tỉnh"
    return f"UBND {kind} {place}" if place else f"UBND {kind}"


def as_written(text: str, upper: str, fallback: str) -> str:
    """The mixed-case spelling the text uses for an upper-case name ('HỢP TÁC VĂN HÓA' → 'Hợp tác Văn hóa')."""
    words = upper.split()
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)", re.IGNORECASE)
    for m in pattern.finditer(text):
        if not m.group().isupper():
            return " ".join(m.group().split())
    return fallback


def place_name(text: str, written: str) -> tuple[str | None, bool]:
    """(province, known) for a place as written after 'tỉnh'/'thành phố': canonical when known, else the
    name in the text's own spelling ('NAM HẢI SƠN' → 'Nam Hải Sơn')."""
    written = " ".join(written.strip(" .,;:-").split())
    if not written:
        return None, False
    known = canonical_province(written)
    if known:
        return known, True
    if written.isupper():
        written = as_written(text, written, written.title())
    return written, False


def city_inside_province(text: str, city: str) -> str | None:
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


def leading_place(words: str, kind: str, text: str) -> tuple[str | None, bool]:
    """The place right after 'tỉnh'/'thành phố' in a committee phrase, and whether the gazetteer knows it.

    An unknown name is taken only as long as the text names it again (capitalised words after a place name
    may begin the next sentence), and an unknown city inside a province is no provincial committee."""
    mentions = list(iter_mentions(words.strip()))
    if mentions and mentions[0].start == 0:
        return mentions[0].province, True
    names = words.split()
    while names:
        name, _ = place_name(text, " ".join(names))
        if name and len(re.findall(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text, re.IGNORECASE)) >= 2:
            break
        names.pop()
    if not names or name is None:
        return None, False
    if vi.fold(kind).startswith(("thanh pho", "tp")) and city_inside_province(text, name):
        return None, False
    return name, False


# --- evidence -----------------------------------------------------------------------------------------

def line_of(text: str, start: int, end: int) -> str:
    """The evidence: the lines of a header span joined with ' / ', or the sentence around a phrase."""
    lines = [ln.strip(" |") for ln in text[start:end].split("\n") if ln.strip(" |")]
    return " / ".join(lines)[:EVIDENCE_CHARS]


def sentence_of(text: str, start: int) -> str:
    left, sentence = sentence_around(text, start)
    return " ".join(sentence.split())[:EVIDENCE_CHARS]


def ministry_name(text: str, upper: str) -> str:
    if upper in ("THỦ TƯỚNG CHÍNH PHỦ", "CHÍNH PHỦ"):
        return upper.capitalize().replace("chính phủ", "Chính phủ")
    known = MINISTRY.fullmatch(upper)
    if known:
        return "Bộ " + next(m for m in MINISTRIES if vi.fold(m) == vi.fold(known.group(1)))
    return "Bộ " + as_written(text, upper[3:], department_name(upper)[3:])

