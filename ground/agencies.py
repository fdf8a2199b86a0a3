"""Agency names in plans: a table of provincial and ministerial bodies, their aliases, and a finder.

Plans name the same body in many ways ("Sở Văn hóa, Thể thao và Du lịch", "Sở VHTTDL", "Sở VH-TT&DL").
Matching is done on folded text (no case, no diacritics) with loose separators, so one alias covers
its punctuation variants. Names outside the table are kept verbatim and flagged unknown, never dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ground import vi
from ground.acronyms import acronym_of, typed_acronyms
from ground.places import PROVINCES


@dataclass(frozen=True)
class AgencyName:
    canonical: str  # table name, or the cleaned raw name when unknown
    raw: str
    known: bool


@dataclass(frozen=True)
class AgencyMention:
    canonical: str
    raw: str  # the plan's own words
    start: int  # offsets in the searched text
    end: int
    known: bool = True


# Ministries and provincial departments share most subject names: (subject, abbreviations).
_SUBJECTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Văn hóa, Thể thao và Du lịch", ("VHTTDL", "VH-TT&DL", "VHTT&DL", "VH, TT và DL", "Văn hóa, TT và DL")),
    ("Văn hóa và Thể thao", ("VH&TT",)),
    ("Du lịch", ()),
    ("Thông tin và Truyền thông", ("TTTT", "TT&TT", "TT và TT", "TTvTT")),
    ("Kế hoạch và Đầu tư", ("KHĐT", "KH&ĐT", "KH và ĐT")),
    ("Tài chính", ()),
    ("Nội vụ", ()),
    ("Giáo dục và Đào tạo", ("GDĐT", "GD&ĐT", "GD và ĐT")),
    ("Công Thương", ()),
    ("Tư pháp", ()),
    ("Khoa học và Công nghệ", ("KHCN", "KH&CN", "KH và CN")),
    ("Nông nghiệp và Phát triển nông thôn", ("NNPTNT", "NN&PTNT", "Nông nghiệp và PTNT", "NN và PTNT")),
    ("Nông nghiệp và Môi trường", ("NN&MT", "NNMT")),
    ("Lao động - Thương binh và Xã hội", ("LĐTBXH", "LĐ-TB&XH", "LĐTB&XH", "Lao động, Thương binh và Xã hội")),
    ("Y tế", ()),
    ("Tài nguyên và Môi trường", ("TNMT", "TN&MT", "TN và MT")),
    ("Xây dựng", ()),
    ("Giao thông vận tải", ("GTVT",)),
    ("Dân tộc và Tôn giáo", ()),
)

_SUBJECTS_WITHOUT_MINISTRY = {"Du lịch", "Văn hóa và Thể thao"}  # no such ministry

# canonical → aliases. An alias is literal text (matched folded, with loose separators) or "re:" + a
# pattern over folded text. Canonical names are aliases of themselves.
_TABLE: dict[str, list[str]] = {
    "Sở Ngoại vụ": ["SNgV", "Sở NgV", "Sở NGV"],
    "Bộ Ngoại giao": ["BNG"],
    "Bộ Quốc phòng": [],
    "Bộ Công an": [],
    "Ủy ban Dân tộc": [],
    "Ban Dân tộc": ["Ban Dân tộc tỉnh", "Ban Dân tộc thành phố"],
    "Ủy ban Nhà nước về người Việt Nam ở nước ngoài": [],
    "Liên hiệp các tổ chức hữu nghị Việt Nam": ["Liên hiệp các tổ chức hữu nghị Việt Nam", "VUFO"],
    "Liên hiệp các tổ chức hữu nghị tỉnh": [
        "Liên hiệp các tổ chức hữu nghị", "Liên hiệp các tổ chức hữu nghị thành phố", "Liên hiệp các TCHN tỉnh",
        "Liên hiệp các TCHN",
    ],
    "Thông tấn xã Việt Nam": [],
    "Đài Truyền hình Việt Nam": [],
    "Đài Tiếng nói Việt Nam": [],
    "Công an tỉnh": ["Công an thành phố"],
    "Bộ Chỉ huy Quân sự tỉnh": ["Bộ Chỉ huy Quân sự thành phố", "Bộ CHQS tỉnh", "Bộ CHQS thành phố", "Bộ CHQS"],
    "Bộ đội Biên phòng tỉnh": [
        "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng thành phố", "BĐBP tỉnh",
        "Bộ Chỉ huy BĐBP tỉnh", "Bộ đội Biên phòng thành phố",
    ],
    "Văn phòng UBND tỉnh": ["Văn phòng UBND thành phố", "VP UBND tỉnh"],
    "Văn phòng Tỉnh ủy": ["Văn phòng Thành ủy"],
    "Ban Tuyên giáo Tỉnh ủy": ["Ban Tuyên giáo Thành ủy", "Ban Tuyên giáo và Dân vận Tỉnh ủy"],
    "Ban Đối ngoại Tỉnh ủy": ["Ban Đối ngoại Thành ủy"],
    "Ban Quản lý Khu kinh tế tỉnh": ["Ban Quản lý các Khu kinh tế tỉnh", "Ban Quản lý Khu kinh tế"],
    "Đài Phát thanh và Truyền hình tỉnh": [
        "Đài Phát thanh và Truyền hình thành phố", "Đài PT-TH tỉnh", "Đài PTTH tỉnh", "Đài PT&TH tỉnh",
        "re:dai (?:phat thanh[\\s,\\-–&]*(?:va\\s+)?truyen hinh|pt[\\s\\-&]*th) (?:{provinces})",
    ],
    "Báo tỉnh": ["re:bao (?:{provinces})(?! [a-z]*[0-9])"],
    "Báo và Phát thanh, Truyền hình tỉnh": [],
    "UBND tỉnh": ["Ủy ban nhân dân tỉnh", "UBND thành phố", "Ủy ban nhân dân thành phố"],
    "Chủ tịch UBND tỉnh": ["Chủ tịch UBND thành phố"],
    # District level: "UBND các huyện, thị xã, thành phố", "UBND cấp huyện", "UBND các quận, huyện".
    "UBND cấp huyện": [
        "re:(?:ubnd|uy ban nhan dan) (?:cap huyen|(?:cac )?(?:huyen|quan|thi xa)"
        "(?:(?:\\s*[,;\\-–]\\s*|\\s+va\\s+)(?:cac )?(?:huyen|quan|thi xa|thanh pho))*)",
    ],
    "UBND cấp xã": [
        "re:(?:ubnd|uy ban nhan dan) (?:cap xa|(?:cac )?(?:xa|phuong|thi tran)"
        "(?:(?:\\s*[,;\\-–]\\s*|\\s+va\\s+)(?:cac )?(?:xa|phuong|thi tran|dac khu))*)",
    ],
    "Ủy ban MTTQ Việt Nam tỉnh": [
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh", "Ủy ban MTTQ tỉnh",
        "UBMTTQ Việt Nam tỉnh", "UBMTTQ tỉnh", "Ủy ban MTTQ Việt Nam thành phố", "Ủy ban MTTQ",
        "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố", "Ủy ban Mặt trận Tổ quốc Việt Nam",
    ],
    "Tỉnh đoàn": ["Thành đoàn", "Tỉnh Đoàn", "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh", "Đoàn TNCS Hồ Chí Minh tỉnh"],
    "Hội Liên hiệp Phụ nữ tỉnh": ["Hội Liên hiệp Phụ nữ", "Hội LHPN tỉnh", "Hội LHPN", "Hội Phụ nữ tỉnh"],
    "Liên đoàn Lao động tỉnh": ["Liên đoàn Lao động thành phố", "Liên đoàn Lao động"],
    "Hội Nông dân tỉnh": ["Hội Nông dân"],
    "Hội Cựu chiến binh tỉnh": ["Hội Cựu chiến binh"],
    "Liên hiệp các Hội Văn học nghệ thuật tỉnh": [
        "Hội Văn học nghệ thuật tỉnh", "Liên hiệp các Hội VHNT tỉnh", "Hội VHNT tỉnh", "Liên hiệp các Hội Văn học nghệ thuật",
    ],
    "Cục Thuế tỉnh": [],
    "Cục Hải quan tỉnh": [],
    "Cục Thống kê tỉnh": [],
    "Ngân hàng Nhà nước chi nhánh tỉnh": [],
    "Các sở, ban, ngành": [
        "re:cac so(?:\\s*[,;\\-–]\\s*(?:ban|nganh|doan the|co quan|dia phuong|don vi|hoi))+(?: (?:tinh|thanh pho|lien quan|khac))?",
        "re:cac so,? nganh(?: (?:tinh|thanh pho|lien quan|khac))?",
        "re:cac co quan(?: chuyen mon)? thuoc (?:ubnd|uy ban nhan dan) (?:tinh|thanh pho)",
    ],
    "Các cơ quan, đơn vị liên quan": [
        "re:cac (?:co quan|don vi|dia phuong|to chuc)(?:(?:\\s*[,;]\\s*|\\s+va\\s+)(?:co quan|don vi|dia phuong|to chuc))*"
        " (?:co )?lien quan",
    ],
    "Các tổ chức chính trị - xã hội": ["re:cac (?:to chuc|doan the) chinh tri\\s*[\\-–]?\\s*xa hoi(?: tinh)?"],
}

for _subject, _abbrs in _SUBJECTS:
    _dept = f"Sở {_subject}"
    _TABLE.setdefault(_dept, [])
    _TABLE[_dept] += [f"Sở {a}" for a in _abbrs] + [f"S{a}" for a in _abbrs if len(a) >= 4 and a.isalpha()]
    if _subject not in _SUBJECTS_WITHOUT_MINISTRY:
        _TABLE.setdefault(f"Bộ {_subject}", [])
        _TABLE[f"Bộ {_subject}"] += [f"Bộ {a}" for a in _abbrs]
_TABLE["Sở Văn hóa, Thể thao và Du lịch"] += ["Sở VHTT và DL", "Sở VHTT-DL"]

# Words that begin the name of a body; with a capitalised next word they mark an agency not in the table.
HEADS = (
    "Sở", "Bộ", "Ban", "Cục", "Chi cục", "Tổng cục", "Vụ", "Viện", "Trung tâm", "Hội", "Hiệp hội", "Liên hiệp",
    "Liên đoàn", "Liên minh", "Ủy ban", "UBND", "Văn phòng", "Trường", "Học viện", "Bảo tàng", "Nhà hát",
    "Thư viện", "Đoàn", "Đài", "Báo", "Tạp chí", "Công ty", "Tổng công ty", "Ngân hàng", "Quỹ", "Câu lạc bộ",
    "Công an", "Bộ Chỉ huy", "Bộ đội", "Hội đồng", "Đại học", "Phòng",  # "Phòng Văn hóa và Thông tin huyện"
    "Đảng đoàn", "Ban cán sự đảng", "Đảng ủy",  # a Party programme's bodies: "Đảng đoàn Hội đồng nhân dân tỉnh"
)
_SEP = r"(?:[\s,\-–&/.]|\bva\b)*"
_PLACE_WORD = re.compile(r" (?:tỉnh|thành phố|huyện|thị xã|quận|đặc khu|xã|phường|thị trấn)(?!\w)")
_PLACED_HEADS = frozenset({"Công an", "Bộ Chỉ huy", "Văn phòng", "Ủy ban", "Đoàn", "Hội đồng"})  # "Công an xã X"


def _alias_pattern(alias: str) -> str:
    if alias.startswith("re:"):
        return alias[3:].replace("{provinces}", _province_alternation())
    words = vi.folded_syllables(alias.replace("&", " "))
    expanded = []
    for word in words:
        if word == "ubnd":  # the abbreviation and the full form are interchangeable
            expanded.append(r"(?:ubnd|uy\s+ban\s+nhan\s+dan)")
        elif word == "va":
            continue  # "và" is one of the loose separators
        else:
            expanded.append(re.escape(word))
    return _SEP.join(expanded)


@lru_cache(maxsize=1)
def _province_names() -> frozenset[str]:
    """Folded province names and their spelled-out aliases ("Báo Huế", "Đài PT-TH Bà Rịa - Vũng Tàu")."""
    names = set()
    for province in PROVINCES:
        for name in (province.name, *province.aliases):
            if any(c.islower() for c in name):  # skip bare abbreviations such as "HCM", "BRVT"
                names.add(vi.collapse(name))
    return frozenset(names)


@lru_cache(maxsize=1)
def _province_alternation() -> str:
    names = sorted(_province_names(), key=len, reverse=True)
    return "|".join(_SEP.join(re.escape(w) for w in n.split()) for n in names)


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern]]:
    out = []
    for canonical, aliases in _TABLE.items():
        for alias in [canonical, *aliases]:
            body = _alias_pattern(alias)
            out.append((canonical, re.compile(rf"(?<![a-z0-9])(?:{body})(?![a-z0-9])")))
    return out


# Aliases that fold to ordinary words ("tỉnh đoàn kết", "báo cáo") count only when written capitalised.
_NEEDS_CAPITAL = {"Tỉnh đoàn", "Báo tỉnh", "Hội Nông dân tỉnh", "Hội Cựu chiến binh tỉnh"}


def _typed_bare(text: str, folded: str, end: int) -> bool:
    """A question typed without diacritics names "tinh doan bao son" in lower case; "tinh doan ket" is no agency."""
    return not vi.has_diacritics(text) and not re.match(r"\s+ket\b", folded[end:end + 5].lower())


def known_mentions(text: str) -> list[AgencyMention]:
    folded = vi.fold_same_length(text)
    candidates: list[tuple[int, int, str]] = []
    for canonical, pattern in _patterns():
        for m in pattern.finditer(folded):
            if canonical in _NEEDS_CAPITAL and not text[m.start()].isupper() and not _typed_bare(text, folded, m.end()):
                continue
            candidates.append((m.start(), m.end(), canonical))
    # Longest match wins; overlapping shorter matches are dropped.
    mentions: list[AgencyMention] = []
    for start, end, canonical in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[0])):
        if any(start < m.end and m.start < end for m in mentions):
            continue
        end = _extend_place(text, end)
        mentions.append(AgencyMention(canonical, text[start:end].strip(), start, end, True))
    return sorted(mentions, key=lambda m: m.start)


def _extend_place(text: str, end: int) -> int:
    """Swallow a trailing place name: "Sở Ngoại vụ tỉnh Cao Bằng" is still Sở Ngoại vụ."""
    place_word = "" if re.search(r"(?:tỉnh|thành phố)$", text[:end]) else r"\s+(?:tinh|thanh pho)"
    folded = vi.fold_same_length(text[end:end + 60])
    m = _place_pattern(place_word).match(folded)
    if m and text[end + m.start("name")].isupper():
        return end + m.end()
    return end


@lru_cache(maxsize=2)
def _place_pattern(place_word: str) -> re.Pattern:
    return re.compile(rf"{place_word}\s+(?P<name>{_province_alternation()})(?![a-z0-9])")


_WORD = re.compile(r"[^\W_]+(?:[.\-&][^\W_]+)*", re.UNICODE)


def _is_capital(word: str) -> bool:
    return word[:1].isupper()


# Lower-case words that never finish a name's word: they start the predicate ("Sở X chủ trì").
_PREDICATE_STARTS = {"và", "chủ", "phối", "thực", "tham", "có", "là", "được", "căn", "tổ", "xây", "hoàn", "triển",
                     "hướng", "nghiên", "vận", "đẩy", "tăng", "hỗ", "bố", "theo", "đôn", "kiểm", "quảng", "giới",
                     "duy", "phản", "tiếp", "đề", "nâng", "tổng", "biên", "lồng", "chỉ", "cung", "trực",
                     "giao", "yêu", "gửi", "ký", "phê", "đã", "sẽ", "đang", "vừa", "cũng", "đều", "vẫn",
                     "mới"}  # "Ủy ban … giao Cục X chủ trì"; "Bộ X đã …"
# …and typed plainly: "ban kt-ns ha dien la bao nhieu" (a body's own lower-case syllables are rarely these)
_PREDICATE_STARTS |= {"la", "duoc", "co", "da", "se", "dang", "phai"}
# …and an office after the body, typed either way: "Trường Đại học Ô Lâm trưởng đoàn là ai"
_PREDICATE_STARTS |= {"trưởng", "truong"}
# a lower-case syllable that is part of a name although it can start a predicate: "Học viện Ngoại giao"
_NAME_SYLLABLES = frozenset({("ngoại", "giao"), ("quảng", "bá"), ("biên", "giới")})


# Two lower-case syllables that stay inside a name after a capitalised one ("Vườn quốc gia", "Vụ Hợp tác quốc tế").
_COMPOUNDS = frozenset({("quốc", "gia"), ("quốc", "tế"), ("nhân", "dân"), ("văn", "hóa"), ("du", "lịch"),
                        ("truyền", "thống"), ("dân", "tộc"), ("dân", "gian"), ("hữu", "nghị")})  # "Nhà hát Nghệ thuật truyền thống X"


def _unknown_at(text: str, start: int, stop: int) -> int | None:
    """End of an agency-like name beginning at `start` with a head word, or None.

    Vietnamese body names capitalise the first syllable of each word ("Trung tâm Xúc tiến Đầu tư,
    Thương mại và Du lịch tỉnh"): we take capitalised words, each with at most one lower-case syllable
    after it, joined by spaces, ",", "-", "&" or "và", then an optional place word and place name.
    """
    if (head := next((h for h in sorted(HEADS, key=len, reverse=True) if text.startswith(h, start)), None)) is None:
        return None
    pos = start + len(head)
    words = [(m.start() + pos, m.end() + pos, m.group()) for m in _WORD.finditer(text[pos:stop])]
    if words and head in _PLACED_HEADS and _PLACE_WORD.match(text[pos:stop]):
        words = []  # "Công an đặc khu Hòn Sương", "Phòng … xã": the body named by its place alone
    elif not words or text[pos:words[0][0]] != " " or not _is_capital(words[0][2]):
        return None
    end, i = pos, 0
    while i < len(words):
        ws, we, word = words[i]
        gap = text[end:ws]
        if word == "và" and gap == " " and i + 1 < len(words) and _is_capital(words[i + 1][2]):
            end, i = we, i + 1  # "… Thương mại và Du lịch"
            continue
        if not _is_capital(word) or not re.fullmatch(r" |\s*[,\-–&]\s*", gap):
            break
        end, i = we, i + 1
        # (an acronym is a word whole: "Ban KT-NS là …" ends there)
        if i < len(words) and text[end:words[i][0]] == " " and not _is_capital(words[i][2]) and not (
                len(word) > 1 and word.isupper()) and (
                words[i][2] not in _PREDICATE_STARTS or (words[i - 1][2].lower(), words[i][2]) in _NAME_SYLLABLES):
            end, i = words[i][1], i + 1  # "Xúc tiến", "Du lịch"
            if i < len(words) and text[end:words[i][0]] == " " and (words[i - 1][2], words[i][2]) in _COMPOUNDS:
                end, i = words[i][1], i + 1  # "Vườn quốc gia"
            elif i + 1 < len(words) and text[end:words[i][0]] == " " == text[words[i][1]:words[i + 1][0]] \
                    and (words[i][2], words[i + 1][2]) in _COMPOUNDS:
                end, i = words[i + 1][1], i + 2  # "Hợp tác quốc tế", "Giao lưu văn hóa"
    place = _PLACE_WORD.match(text[end:stop])
    if place:
        end += place.end()
        words = [(m.start() + end, m.end() + end, m.group()) for m in _WORD.finditer(text[end:stop])]
        i = 0
        for ws, we, word in words[i:i + 3]:  # "… tỉnh Quảng Nam"
            if not _is_capital(word) or not re.fullmatch(r" |\s*[\-–]\s*", text[end:ws]):
                break
            end = we
    return end if end > pos else None


def _word_starts(text: str) -> list[int]:
    return [m.start() for m in _WORD.finditer(text)]


def find_agencies(text: str) -> list[AgencyMention]:
    """Agencies named in `text`, in order: table names (canonical) and agency-like names (verbatim)."""
    return list(_find_agencies(text))


@lru_cache(maxsize=4096)  # extraction asks about the same line several times
def _find_agencies(text: str) -> tuple[AgencyMention, ...]:
    known = known_mentions(text)
    mentions = list(known)
    bounds = sorted((m.start, m.end) for m in known)
    covered_until = 0
    for start in _word_starts(text):
        if start < covered_until or any(s <= start < e for s, e in bounds):
            continue
        if start > 0 and (text[start - 1].isalnum()):
            continue
        stop = min([s for s, _ in bounds if s > start], default=len(text))
        end = _unknown_at(text, start, stop)
        if end is None:
            continue
        raw = text[start:end].rstrip(" ,-–&")
        mentions.append(AgencyMention(raw, raw, start, start + len(raw), False))
        covered_until = start + len(raw)
    taken = [(m.start, m.end) for m in mentions]
    for name, start, end in typed_acronyms(text):
        if not any(s < end and start < e for s, e in taken):
            mentions.append(AgencyMention(name, text[start:end], start, end, False))
    return tuple(sorted(mentions, key=lambda m: m.start))


_CLEAN_EDGES = re.compile(r"^[\s\-–+•*:;,.]+|[\s:;,.]+$")


def clean_name(name: str) -> str:
    return re.sub(r"\s+", " ", _CLEAN_EDGES.sub("", vi.normalize(name)))


def normalize_agency(name: str) -> AgencyName:
    """Canonical table name when the whole of `name` is one known agency; else the name verbatim."""
    raw = name
    cleaned = clean_name(name)
    mentions = known_mentions(cleaned)
    if len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end >= len(cleaned.rstrip()):
        return AgencyName(mentions[0].canonical, raw, True)
    return AgencyName(cleaned, raw, False)


# agency names repeat across plans and questions: folding each once keeps a duties question over
# thousands of plans' assignments from spending its time in unicodedata
# a body's name shortened inside another's ("Đảng đoàn HĐND tỉnh" is "Đảng đoàn Hội đồng nhân dân tỉnh")
_SHORT_FORMS = {"hdnd": "hoi dong nhan dan", "ubnd": "uy ban nhan dan", "ubmttq": "uy ban mat tran to quoc",
                "mttq": "mat tran to quoc"}
_SHORT_FORM = re.compile(r"\b(" + "|".join(_SHORT_FORMS) + r")\b")


@lru_cache(maxsize=1 << 14)
def _folded_name(name: str) -> str:
    return _SHORT_FORM.sub(lambda m: _SHORT_FORMS[m.group(1)], vi.collapse(name))


def agency_matches(wanted: str, agency: str) -> bool:
    w, a = _folded_name(wanted), _folded_name(agency)
    return w == a or (len(w) > 6 and (w in a or a in w)) or acronym_of(w, a) or acronym_of(a, w)
