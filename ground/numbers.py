"""Document numbers as written ("317/KH.UBND", "208/QĐ-T Tg", "25-CT/TW") → one canonical form.

State documents are numbered "<n>[/<year>]/<type>-<issuer>" (726/KH-UBND, 2013/QĐ-TTg, 12/2021/NĐ-CP,
404/BNG-NGVH-UNESCO); Party documents "<n>-<type>/<committee>" (25-CT/TW, 164-KH/TU). The two forms never
become each other: "25-CT/TW" (the Party Secretariat) is not "25/CT-TTg" (the Prime Minister).

Real pages spell numbers loosely: a dot for the hyphen ("317/KH.UBND"), a space inside a code ("208/QĐ-T Tg",
"25/CT- TTg"), en dashes, "QD" for "QĐ", a word glued after the code ("208/QĐ-TTgngày"), and people type
them in lower case ("2013/qd-ttg"). `canonical_number` is the one rule; ingest stores its result (and
keeps what was written), and the query parser applies the same rule to what a user types.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ground import vi

# Codes whose canonical spelling mixes cases, keyed by their upper-case form.
_MIXED_CASE = {c.upper(): c for c in ("TTg", "CTr", "TTr", "SNgV", "NgV", "VPCP", "Ttg")}
_MIXED_CASE["TTG"] = "TTg"
_DIACRITIC_CODES = {"QD": "QĐ", "ND": "NĐ", "HDND": "HĐND", "DA": "ĐA", "DU": "ĐU"}
# Codes that are whole on their own: a glued word after one of them is cut off ("TTgngày" → "TTg").
KNOWN_CODES = frozenset({
    "TTg", "CP", "QH", "UBTVQH", "CTN", "UBND", "HĐND", "BNG", "BVHTTDL", "BTTTT", "BGDĐT", "BCT", "BNV",
    "SNgV", "SVHTTDL", "NGVH", "UNESCO", "VX", "KGVX", "KT", "TH", "VP", "VPCP", "NC", "TCD",
    "KH", "QĐ", "CT", "CTr", "NQ", "TB", "HD", "BC", "NĐ", "TT", "CV", "TTr", "ĐA", "KL", "QC", "TTLT", "BB",
})
# Issuers of national documents: the Prime Minister, the Government, the National Assembly, the President,
# the Party's central bodies (the Politburo, the Secretariat, the Central Committee's commissions: Tuyên giáo,
# Đối ngoại, Tổ chức, Dân vận, Kinh tế, Nội chính, and its Office).
NATIONAL_ISSUERS = frozenset({"TTg", "CP", "QH", "UBTVQH", "CTN", "TW", "BCT", "BBT", "BTGTW", "BĐNTW", "BTCTW",
                              "BDVTW", "BKTTW", "BNCTW", "VPTW"})

_LETTER = "A-Za-zĐđÐ"
_CODE = rf"[A-ZĐÐ][{_LETTER}0-9&]{{0,15}}"
_SP = r"[ \t]*"  # spaces inside a number, never a line break
_SEP = rf"{_SP}[-–—]{_SP}|\.(?=[A-ZĐ][A-ZĐ0-9]+(?![^\W\d_]))"  # "KH.UBND", never "UBND.Theo"
# a code after a dash set apart with spaces has a second capital ("KH - UBND", "SNgV"): "KH-UBND - Ban hành: …" on a
# law library's list ends the number before the word
_SPACED_CODE = rf"[A-ZĐÐ](?=[a-zđ]{{0,15}}[A-ZĐÐ0-9&])[{_LETTER}0-9&]{{0,15}}"
_NEXT_CODE = (rf"(?:[-–—]{_CODE}|[ \t]+[-–—][ \t]*{_SPACED_CODE}|[-–—][ \t]+{_SPACED_CODE}"
              rf"|\.(?=[A-ZĐ][A-ZĐ0-9]+(?![^\W\d_])){_CODE})")
_STATE = re.compile(  # ("CMS2013/Images/…": a path's letters run into the figures, no number)
    rf"(?<![\d/{_LETTER}])(\d{{1,5}})(?:{_SP}/{_SP}(\d{{4}}))?{_SP}/{_SP}({_CODE}(?:{_NEXT_CODE})*)")
_STATE_TYPED = re.compile(  # what a user types: any case, "qd" for "QĐ"
    rf"(?<![\d/{_LETTER}])(\d{{1,5}})(?:{_SP}/{_SP}(\d{{4}}))?{_SP}/{_SP}([{_LETTER}][{_LETTER}0-9&]{{0,15}}"
    rf"(?:(?:{_SP}[-–—]{_SP}|\.(?=[{_LETTER}]{{2,}}(?![^\W\d_])))[{_LETTER}][{_LETTER}0-9&]{{0,15}})*)")
# the Party's committees: central (TW, BCT, BBT, BTGTW …), a province's or a district's (TU, HU, ĐU), a bloc's (ĐUK),
# a State body's Party cadres and groups (BCSĐ, ĐĐ)
# …and the committee's own boards, named by their initials: a steering board ("BCĐTTĐN": Ban Chỉ đạo công tác thông
# tin đối ngoại), the propaganda, mass-mobilisation, organisation and inspection boards
_PARTY_ISSUER = (r"(?:TW|TƯ|BCT|BBT|[A-ZĐ]{2,8}TW|[A-ZĐ]{1,7}[UƯ]K?|BCSĐ|ĐĐ"  # "BTGDVTU": Ban Tuyên giáo và Dân vận Tỉnh ủy
                 r"|BC[ĐD][A-ZĐ]{0,10}|BTG[A-ZĐ]{0,8}|BDV[A-ZĐ]{0,8}|BTC[A-ZĐ]{0,6}|UBKT[A-ZĐ]{0,6}"
                 # the mass organisations number the same way: "100-QĐ/LHHN" (Liên hiệp các tổ chức hữu nghị), the Mặt trận
                 r"|LH[A-ZĐ]{1,8}|MTTQ[A-ZĐ]{0,6}|HLHPN[A-ZĐ]{0,4}|HND[A-ZĐ]{0,4}|HCCB[A-ZĐ]{0,4}|ĐTN[A-ZĐ]{0,4})")
_PARTY = re.compile(
    rf"(?<![\d/])(\d{{1,5}}){_SP}[-–—]{_SP}([A-ZĐ][A-Za-zĐ]{{1,3}}){_SP}/{_SP}({_PARTY_ISSUER})(?![{_LETTER}])")
_PARTY_TYPED = re.compile(
    rf"(?<![\d/])(\d{{1,5}}){_SP}[-–—]{_SP}([{_LETTER}]{{2,4}}){_SP}/{_SP}({_PARTY_ISSUER})(?![{_LETTER}])",
    re.IGNORECASE)


# "186-KH-UBND": a slash typed as a dash, before a State committee's code (a Party number reads "-KH/TU")
_STATE_DASHED = re.compile(
    rf"(?<![\d/-])(\d{{1,5}}){_SP}[-–]{_SP}(KH|QĐ|CT|CTr|NQ|TB|HD|BC|CV|KL){_SP}[-–]{_SP}(UBND|HĐND)(?![{_LETTER}/])")

_STATE_DASHED_TYPED = re.compile(_STATE_DASHED.pattern, re.IGNORECASE)

# "304-CP", "150-TTg", "102-SL/L4": the Government's numbers before 2000 ("<n>-<issuer>"), never a Party one
_OLD_STATE = re.compile(rf"(?<![\d/\-{_LETTER}])(\d{{1,4}}){_SP}[-–]{_SP}(CP|TTg|HĐBT|HĐCP|SL|LCT)(?:/(L\d{{1,2}}))?"
                        rf"(?![{_LETTER}\d/-])")
_OLD_STATE_TYPED = re.compile(_OLD_STATE.pattern.replace("(CP|TTg|HĐBT|HĐCP|SL|LCT)", "(CP|TTg|HĐBT|HĐCP|HDBT|HDCP|SL|LCT)"),
                              re.IGNORECASE)


class DocNumber(NamedTuple):
    number: str  # canonical: "317/KH-UBND", "25-CT/TW"
    start: int
    end: int
    raw: str = ""  # as written: "317/KH.UBND"

    @property
    def party(self) -> bool:
        return "/" in self.number and "-" in self.number.split("/")[0]

    @property
    def codes(self) -> list[str]:
        if self.party:
            head, issuer = self.number.split("/", 1)
            return [head.split("-", 1)[1], issuer]
        return self.number.split("/")[-1].split("-")

    @property
    def national(self) -> bool:
        return self.codes[-1] in NATIONAL_ISSUERS or self.codes[0] in NATIONAL_ISSUERS


def _canonical_code(code: str, typed: bool) -> str:
    code = code.replace("Ð", "Đ").replace("đ", "Đ") if code.isupper() or typed else code.replace("Ð", "Đ")
    upper = code.upper()
    if upper in _DIACRITIC_CODES:
        return _DIACRITIC_CODES[upper]
    if upper in _MIXED_CASE:
        return _MIXED_CASE[upper]
    if typed or upper == "TƯ":
        return "TW" if upper == "TƯ" else upper
    return code


def canonical_number(raw: str, typed: bool = False) -> str:
    """'317/KH.UBND' → '317/KH-UBND', '208/QĐ-T Tg' → '208/QĐ-TTg', '2013/qd-ttg' → '2013/QĐ-TTg'.

    A Party number keeps its own form: '25 - CT/TƯ' → '25-CT/TW'. `typed`: the text was typed by a user,
    so its letter case means nothing (codes are upper-cased, known mixed-case codes restored)."""
    text = vi.normalize(raw).strip()
    party = _PARTY_TYPED.fullmatch(text)
    if party:
        n, kind, issuer = party.groups()
        return f"{n}-{_canonical_code(kind, typed)}/{_canonical_code(issuer, True)}"
    parts = [p.strip() for p in re.split(r"\s*/\s*", text)]
    head, tail = parts[0], parts[-1]
    middle = parts[1:-1]  # a year: "12/2021/NĐ-CP"
    codes = [c for c in re.split(r"\s*[-–—.]\s*", tail) if c]
    if len(codes) == 1:  # "112/2014/NĐCP": a kind's code glued to its issuer's, written apart
        codes = _glued_kind(codes[0])
    codes = [_canonical_code(c.replace(" ", ""), typed) for c in codes]
    return "/".join([head, *middle, "-".join(codes)])


_KIND_CODES = ("QĐ", "NĐ", "KH", "CT", "NQ", "TB", "HD", "BC", "TT", "CV", "TTr", "KL", "QC", "BB", "CTr")


def _glued_kind(code: str) -> list[str]:
    """'NĐCP' → ['NĐ', 'CP'], 'QĐTTg' → ['QĐ', 'TTg']: a kind's code before a known issuer's; else the code whole."""
    for kind in sorted(_KIND_CODES, key=len, reverse=True):
        rest = code[len(kind):]
        if code.upper().startswith(kind.upper()) and rest and rest.upper() in {c.upper() for c in KNOWN_CODES} \
                and rest.upper() not in {k.upper() for k in _KIND_CODES}:
            return [code[:len(kind)], rest]
    return [code]


def _cut_glued(code: str) -> str:
    """'TTgngày' → 'TTg', 'UBNDvề' → 'UBND': the longest known code, else the upper-case run."""
    for size in range(len(code), 0, -1):
        if code[:size] in KNOWN_CODES and code[size:].islower():
            return code[:size]
    run = re.match(r"[A-ZĐ0-9&]+", code)
    return run.group() if run and code[run.end():].islower() else code


_LETTERS = re.compile(r"[^\W\d_]*")


def _leading_letters(text: str) -> str:
    """The letters `text` starts with ("" when it starts with anything else)."""
    run = _LETTERS.match(text)
    return run.group() if run else ""


def _state_match(text: str, m: re.Match) -> tuple[int, str] | None:
    """(end, written form) of a state number, with a glued word cut off and a split code joined."""
    end = m.end()
    last = re.split(_SEP, m.group(3))[-1]
    last_start = m.start(3) + m.group(3).rfind(last)
    following = _leading_letters(text[end:])  # letters the pattern could not take
    word = last + following
    if following or (re.search(r"[a-zđ]{3,}$", last) and last not in KNOWN_CODES):
        cut = _cut_glued(word)
        if cut == word and following:
            return None  # letters running on into a word, not a code
        end = last_start + len(cut)
    # "208/QĐ-T Tg": one space inside the issuer code, when the halves join into a known code
    last = text[last_start:end]
    joined = re.match(r" ([A-Z][a-z]?)(?!\w)", text[end:])
    if joined and last not in KNOWN_CODES and (last + joined.group(1)) in KNOWN_CODES:
        end += joined.end()
    # "25/CT- TTg": a separator, a space, then the code
    dangling = re.match(r"\s*[-–]\s+([A-ZĐ][A-Za-zĐđ]{0,15})(?!\w)", text[end:])
    if dangling and dangling.group(1) in KNOWN_CODES:
        end += dangling.end()
    return end, text[m.start():end]


def find_numbers(text: str, typed: bool = False) -> list[DocNumber]:
    """Every document number in `text`, canonical, in order. `typed`: a user's question (any case)."""
    found: list[DocNumber] = []
    party_spans: list[tuple[int, int]] = []
    for m in (_PARTY_TYPED if typed else _PARTY).finditer(text):
        found.append(DocNumber(canonical_number(m.group(0), typed), m.start(), m.end(), m.group(0)))
        party_spans.append((m.start(), m.end()))
    for m in (_STATE_DASHED_TYPED if typed else _STATE_DASHED).finditer(text):
        n, kind, issuer = m.groups()
        found.append(DocNumber(canonical_number(f"{n}/{kind}-{issuer}", typed), m.start(), m.end(), m.group(0)))
        party_spans.append((m.start(), m.end()))
    for m in (_OLD_STATE_TYPED if typed else _OLD_STATE).finditer(text):
        n, issuer, law = m.groups()
        code = {"TTG": "TTg", "HDBT": "HĐBT", "HDCP": "HĐCP"}.get(issuer.upper(), issuer.upper())
        found.append(DocNumber(f"{n}-{code}" + (f"/{law.upper()}" if law else ""), m.start(), m.end(), m.group(0)))
        party_spans.append((m.start(), m.end()))
    for m in (_STATE_TYPED if typed else _STATE).finditer(text):
        if any(s <= m.start() < e for s, e in party_spans):
            continue
        if typed:
            written = m.group(0).rstrip(" -–.")
            found.append(DocNumber(canonical_number(written, True), m.start(), m.start() + len(written), written))
            continue
        got = _state_match(text, m)
        if got is None:
            continue
        end, written = got
        written = written.rstrip(" -–.")
        found.append(DocNumber(canonical_number(written), m.start(), m.start() + len(written), written))
    return sorted(found, key=lambda n: n.start)


@lru_cache(maxsize=1 << 16)
def number_key(number: str) -> str:
    """The comparable form of a number: canonical, folded, no spaces. Cached: answering compares the
    question's numbers with every stored plan's, thousands of times per question on a large store."""
    return vi.fold(number if "/" not in number else canonical_number(number, typed=True)).replace(" ", "")


_NUMBER_YEAR = re.compile(r"\d{1,4}/(?:19|20)\d\d")


def same_number(a: str | None, b: str | None) -> bool:
    """Two numbers name the same document: canonical forms equal, without case or diacritics.

    A bare number ('404') matches any number it starts ('404/BNG-NGVH-UNESCO') but never a Party one."""
    if not a or not b:
        return False
    fa, fb = number_key(a), number_key(b)
    # "72/2015" (a decree or circular named by number and year) is "72/2015/NĐ-CP"
    if _NUMBER_YEAR.fullmatch(fa) or _NUMBER_YEAR.fullmatch(fb):
        return fa == fb or fb.startswith(fa + "/") or fa.startswith(fb + "/")
    if _OLD_KEY.fullmatch(fa) or _OLD_KEY.fullmatch(fb):  # "304" is "304-CP"
        return fa == fb or fa.split("-")[0] == fb or fb.split("-")[0] == fa
    if "/" not in fa:
        return fb.split("/")[0] == fa
    if "/" not in fb:
        return fa.split("/")[0] == fb
    # "Quy chế 05/QCPH" is "05/QCPH-SNgV-CAT-BCHBP": its number with the first of its codes
    return fa == fb or fb.startswith(fa + "-") or fa.startswith(fb + "-")


_OLD_KEY = re.compile(r"\d{1,4}-(?:cp|ttg|hdbt|hdcp|sl|lct)(?:/l\d{1,2})?")


# Kinds of administrative documents, folded → as written: "quyết định đó", "những chỉ thị nào", "Công văn 404".
DOC_KINDS = {"quyet dinh": "Quyết định", "chi thi": "Chỉ thị", "cong van": "Công văn", "nghi quyet": "Nghị quyết",
             "ke hoach": "Kế hoạch", "chuong trinh": "Chương trình", "thong bao": "Thông báo", "de an": "Đề án"}


# the kind of document a number's code says ("2013/QĐ-TTg" a decision, "12-KL/TW" a conclusion)
_CODE_KINDS = {"QĐ": "Quyết định", "QD": "Quyết định", "CT": "Chỉ thị", "NQ": "Nghị quyết", "KH": "Kế hoạch",
               "CTR": "Chương trình", "TB": "Thông báo", "KL": "Kết luận", "TT": "Thông tư", "NĐ": "Nghị định",
               "ĐA": "Đề án", "HD": "Hướng dẫn", "BC": "Báo cáo", "CV": "Công văn", "BB": "Biên bản",
               "TTR": "Tờ trình", "QC": "Quy chế", "QCPH": "Quy chế", "CTRPH": "Chương trình", "CTPH": "Chương trình", "TTLT": "Thông tư liên tịch", "TBKL": "Thông báo"}
# a plan or programme of two bodies ("38/KHLN-SNgV-TĐTN": a Kế hoạch liên ngành of a Sở and the youth union)
JOINT_KINDS = {"KHLN": "Kế hoạch liên ngành", "KHLT": "Kế hoạch liên tịch", "KHPH": "Kế hoạch",
               "CTLT": "Chương trình liên tịch", "NQLT": "Nghị quyết liên tịch"}
_CODE_KINDS.update(JOINT_KINDS)


def kind_of_number(number: str) -> str:
    """'2013/QĐ-TTg' → 'Quyết định', '12-KL/TW' → 'Kết luận'; a number whose code names no kind is a Công văn."""
    head = number.split("/", 1)[0]
    code = head.split("-", 1)[1] if "-" in head else number.split("/")[-1].split("-")[0]  # a Party number: "12-KL/TW"
    return _CODE_KINDS.get(code.upper(), "Công văn")


def document_name(number: str) -> str:
    """'Quyết định số 2013/QĐ-TTg của Thủ tướng Chính phủ', 'Kết luận số 12-KL/TW'."""
    who = " của Thủ tướng Chính phủ" if number.upper().endswith("TTG") else ""
    return f"{kind_of_number(number)} số {number}{who}"
