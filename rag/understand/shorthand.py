"""Chat shorthand in questions ("kh 726 ai ky", "hp co ... k", "sở nv") written out before analysis.

People type questions the way they chat: "kh" for kế hoạch, "k"/"ko" for không, "hp" for Hải Phòng. Left
as they are, these tokens are rare syllables the plans never use: they weigh heavily against the evidence
that a question is answerable and match nothing in retrieval. Only whole tokens are replaced, never a
piece of a document number ("726/KH-UBND", "404/BNG-NGVH-UNESCO"), and a question typed without
diacritics gets the unaccented form so that it is still read as typed without diacritics.
"""
from __future__ import annotations

import re

from ground import vi
from ground.agencies import find_agencies

# folded token (or token pair) → written-out form; most specific first
_SHORTHAND: list[tuple[str, str]] = [
    ("sở nv", "Sở Ngoại vụ"),
    ("sở vhttdl", "Sở Văn hóa, Thể thao và Du lịch"),
    ("sở vh", "Sở Văn hóa"),
    ("sở gd", "Sở Giáo dục và Đào tạo"),
    ("sở gdđt", "Sở Giáo dục và Đào tạo"),
    ("sở gd&đt", "Sở Giáo dục và Đào tạo"),
    ("bộ gdđt", "Bộ Giáo dục và Đào tạo"),
    ("bộ gd", "Bộ Giáo dục và Đào tạo"),
    ("bộ vhttdl", "Bộ Văn hóa, Thể thao và Du lịch"),
    ("gdđt", "Giáo dục và Đào tạo"),
    ("tlsq", "Tổng Lãnh sự quán"),
    ("đsq", "Đại sứ quán"),
    ("nxb", "Nhà xuất bản"),
    ("ngvh", "ngoại giao văn hóa"),
    ("vhdn", "văn hóa đối ngoại"),
    ("lhcthn", "Liên hiệp các tổ chức hữu nghị"),
    ("lhhn", "Liên hiệp các tổ chức hữu nghị"),
    ("vufo", "Liên hiệp các tổ chức hữu nghị Việt Nam"),
    ("ttdn", "thông tin đối ngoại"),
    ("dnnd", "đối ngoại nhân dân"),
    ("nvnonn", "người Việt Nam ở nước ngoài"),  # the field's own abbreviations in plans' titles and tables
    ("nvnơnn", "người Việt Nam ở nước ngoài"),
    ("hnqt", "hội nhập quốc tế"),
    ("tcpcpnn", "tổ chức phi chính phủ nước ngoài"),
    ("pcpnn", "phi chính phủ nước ngoài"),
    ("pcp", "phi chính phủ"),
    ("bcđ", "Ban Chỉ đạo"),
    ("bcd", "Ban Chỉ đạo"),
    ("kcn", "khu công nghiệp"),  # the zones investors are received in
    ("kkt", "khu kinh tế"),
    ("ccn", "cụm công nghiệp"),
    ("xk", "xuất khẩu"),
    ("nk", "nhập khẩu"),
    ("xnk", "xuất nhập khẩu"),
    ("cqđd", "cơ quan đại diện"),
    ("cqdd", "cơ quan đại diện"),
    ("xhh", "xã hội hóa"),
    ("sngv", "Sở Ngoại vụ"),
    ("sct", "Sở Công Thương"),  # a department by its initials, as officials write them ("GĐ SCT", "SKHĐT")
    ("skhđt", "Sở Kế hoạch và Đầu tư"),
    ("stttt", "Sở Thông tin và Truyền thông"),
    ("bqp", "Bộ Quốc phòng"),
    ("bca", "Bộ Công an"),
    ("ubnv", "Ủy ban Nhà nước về người Việt Nam ở nước ngoài"),  # the press's name for it ("60 năm UBNV")
    ("bvhttdl", "Bộ Văn hóa, Thể thao và Du lịch"),
    ("hlhpn", "Hội Liên hiệp Phụ nữ"),  # mass organisations by their initials
    ("lhpn", "Liên hiệp Phụ nữ"),
    ("ubmttq", "Ủy ban Mặt trận Tổ quốc"),
    ("mttq", "Mặt trận Tổ quốc"),
    ("lhs", "lưu học sinh"),  # the people a chat counts: "bao nhiêu gv", "mấy sv"
    ("gv", "giáo viên"),
    ("hs", "học sinh"),
    ("sv", "sinh viên"),
    ("cb", "cán bộ"),
    ("lđ", "lao động"),
    ("cbcc", "cán bộ, công chức"),
    ("svhttdl", "Sở Văn hóa, Thể thao và Du lịch"),
    ("kh", "kế hoạch"),
    ("khhd", "kế hoạch hành động"),
    ("qđ", "quyết định"),
    ("qd", "quyết định"),
    ("cv", "công văn"),
    ("bng", "Bộ Ngoại giao"),
    ("ubtư", "Ủy ban Trung ương"),
    ("ubtu", "Ủy ban Trung ương"),
    ("ubtw", "Ủy ban Trung ương"),
    ("bchtw", "Ban Chấp hành Trung ương"),
    ("bch", "Ban Chấp hành"),
    ("pct", "Phó Chủ tịch"),
    ("twđ", "Trung ương Đoàn"),
    ("twd", "Trung ương Đoàn"),
    ("vn", "Việt Nam"),
    ("ttg", "Thủ tướng"),
    ("hp", "Hải Phòng"),
    ("tth", "Thừa Thiên Huế"),
    ("hn", "Hà Nội"),
    ("k", "không"),
    ("ko", "không"),
    ("kg", "không"),
    ("khg", "không"),
    ("hok", "không"),
    ("dc", "được"),
    ("đc", "được"),
    ("j", "gì"),
    ("bn", "bao nhiêu"),
    ("bnhieu", "bao nhiêu"),
    ("ntn", "như thế nào"),
    ("vs", "với"),
    ("ng", "người"),
    ("nv", "nhiệm vụ"),
    # (texts write "hộp thư", "thư điện tử" as often as "Email:": the question keeps its word and gains theirs)
    ("email", "thư điện tử (email)"),
    ("e-mail", "thư điện tử (email)"),
]
# forms read only as written, with their "đ": typed plainly, "gd" is as often "giáo dục" ("sở gd")
_MARKED_ONLY: list[tuple[str, str]] = [("pgđ", "Phó Giám đốc"), ("gđ", "Giám đốc")]
SHORT_FORMS = frozenset(vi.fold(short) for short, _ in _SHORTHAND)  # the forms read here, before any store's glossary
# a token: letters only, not glued to a document number's slash or hyphen, nor to a dot ("TP.HCM")
_EDGE_BEFORE = r"(?<![\w/\-.])"
_EDGE_AFTER = r"(?![\w/\-]|\.\w)"


_WEIGHED = r"(?<!\d)(?<!\d )(?<!bao nhieu )(?<!bao nhiêu )(?<!may )(?<!mấy )(?<!moi )(?<!mỗi )(?<!/)"


def _compile() -> list[tuple[re.Pattern, str, str]]:
    out = []
    for short, full in _SHORTHAND:
        forms = "|".join(r"\s+".join(re.escape(w) for w in form.split())
                         # (typed with "đ" too: "TTĐN", "ĐNND" are "ttdn", "dnnd")
                         for form in dict.fromkeys((short, vi.fold(short), vi.fold(short).replace("d", "đ"),
                                                    vi.fold(short).replace("d", "đ", 1))))
        # ("bao nhiêu kg", "500 kg", "mỗi kg": kilograms, no "không")
        weighed = _WEIGHED if short == "kg" else ""
        pattern = re.compile(f"{_EDGE_BEFORE}{weighed}(?:{forms}){_EDGE_AFTER}", re.IGNORECASE)
        out.append((pattern, full, vi.fold(full) if full.islower() else _fold_keep_case(full)))
    for short, full in _MARKED_ONLY:
        out.append((re.compile(f"{_EDGE_BEFORE}{re.escape(short)}{_EDGE_AFTER}", re.IGNORECASE), full, _fold_keep_case(full)))
    return out


def _fold_keep_case(text: str) -> str:
    return "".join(vi.fold(c) if c.islower() else vi.fold(c.lower()).upper() for c in text)


_PATTERNS = _compile()


# "VH&TT", "TN&MT", "GD&ĐT", "NN&PTNT": an acronym written with ampersands is the acronym ("VHTT", "TNMT"), which
# bodies are matched by
_AMPERSAND_ACRONYM = re.compile(r"(?<![\w&])([^\W\d_]{1,4})&([^\W\d_]{1,5})(?:&([^\W\d_]{1,5}))?(?![\w&])")


# a document's kind in the initials its number carries, typed before the number ("TB 463", "bc 231", "HD 09"): only
# there, where "tb", "bc", "ct" can be nothing else
_KIND_INITIALS = {"tb": "thông báo", "bc": "báo cáo", "hd": "hướng dẫn", "nq": "nghị quyết", "ct": "chỉ thị",
                  "tt": "thông tư", "nd": "nghị định", "ctr": "chương trình", "ttr": "tờ trình", "qc": "quy chế"}
_KIND_BEFORE_NUMBER = re.compile(rf"{_EDGE_BEFORE}(tb|bc|h[dđ]|nq|ct|tt|n[dđ]|ctr|ttr|qc)(?:\s+(?:s[oố]))?(?=\s+\d)",
                                 re.IGNORECASE)


def expand(question: str) -> str:
    """The question with its chat shorthand written out (accented or not, as the question is typed)."""
    accented = vi.has_diacritics(question)
    out = _AMPERSAND_ACRONYM.sub(lambda m: "".join(g for g in m.groups() if g), question)
    out = _KIND_BEFORE_NUMBER.sub(lambda m: (lambda k: k if accented else vi.fold(k))(
        _KIND_INITIALS[vi.fold(m.group(1)).lower()]), out)
    for pattern, full, plain in _PATTERNS:
        out = pattern.sub(full if accented else plain, out)
    return _UNIVERSITY.sub("đại học" if accented else "dai hoc", out)


# "ĐH Nguyệt Hồ", "dh quoc gia": a university; "ĐH Đảng bộ", "đh đoàn" is a congress and stays as typed
_UNIVERSITY = re.compile(rf"{_EDGE_BEFORE}(?:đh|dh){_EDGE_AFTER}(?!\s+(?:đảng|dang|đoàn|doan|hội|hoi|đại biểu|dai bieu)\b)",
                         re.IGNORECASE)


def spelled_agencies(text: str) -> str:
    """The question with each body it names in shorthand said as the texts name it ("Bộ NN&MT" → "Bộ Nông nghiệp
    và Môi trường"): its words are then the texts' words."""
    for m in reversed(find_agencies(text)):
        text = text[:m.start] + m.canonical + text[m.end:]
    return text
