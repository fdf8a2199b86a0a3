"""The mention index: every document a text cites, with what the text says of it and the sentence that says it.

"Thực hiện Chỉ thị số 25/CT-TTg ngày 10/9/2021 của Thủ tướng Chính phủ về việc đẩy mạnh triển khai Chiến
lược văn hóa đối ngoại …" → {kind: "Chỉ thị", number: "25/CT-TTg", date: "2021-09-10", issuer: "Thủ tướng
Chính phủ", subject: "đẩy mạnh triển khai Chiến lược văn hóa đối ngoại …", relation: "implements", sentence}.
"Phó Thủ tướng … Phạm Bình Minh đã ký ban hành Quyết định số 2013/QĐ-TTg" gives the signer. A field the
text does not give stays None: answering must never fill it with the citing document's own field.

Documents with a number are cited by it; laws and other named documents without one ("Luật Tổ chức chính
quyền địa phương ngày 19 tháng 6 năm 2015") are cited by their name when a date follows. One entry per
document: its occurrences are merged (first value of each field), the sentence kept is the one that says
the most. Relations (relations.py), the catalog and `ngvh plans --json` read this same index.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from ground import vi
from ground.numbers import DocNumber, canonical_number, find_numbers
from ingest.about import issuer_in
from ingest.bodies import MINISTRIES
from ingest.dates import iso_date, opening_date, opens_issuing_clause
from ingest.pointers import DOC_TYPE as _TYPE
from ingest.pointers import pointed_to
from ingest.schema_lists import listed_at
from ingest.signers import person_before
from ingest.titles import TYPE_CODES

SENTENCE_CHARS = 400  # the citing sentence kept with a mention, cut around the document's name
SUBJECT_CHARS = 220
_KINDS = ("Kế hoạch", "Quyết định", "Chỉ thị", "Công văn", "Nghị quyết", "Nghị định", "Thông tư", "Kết luận",
          "Chương trình", "Đề án", "Tờ trình", "Thông báo", "Hướng dẫn", "Báo cáo", "Luật", "Bộ luật",
          "Pháp lệnh", "Hiến pháp", "Thông tri", "Quy định", "Chiến lược", "văn bản")
_KIND = r"(?:" + "|".join(_KINDS) + r")"
_KIND_BEFORE = re.compile(rf"({_KIND})(?:\s+(?:hành động|liên tịch|liên ngành))?\s*(?:số\s*)?$", re.IGNORECASE)
# Issuers a number's own code names outright.
_CODE_ISSUERS = {"TTg": "Thủ tướng Chính phủ", "CP": "Chính phủ", "QH": "Quốc hội",
                 "UBTVQH": "Ủy ban Thường vụ Quốc hội", "BNG": "Bộ Ngoại giao",
                 "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch", "BTTTT": "Bộ Thông tin và Truyền thông",
                 "BTGTW": "Ban Tuyên giáo Trung ương", "BĐNTW": "Ban Đối ngoại Trung ương",
                 "BTCTW": "Ban Tổ chức Trung ương", "BDVTW": "Ban Dân vận Trung ương", "VPCP": "Văn phòng Chính phủ"}

# --- relations: what a cue word before a number says the text does with it ----------------------------
# the words between a cue and the number it applies to: "thay thế Kế hoạch số ", "thực hiện Quyết định "
_TO_NUMBER = rf"(?:\s+(?:cho\s+|các\s+)?{_TYPE})?(?:\s+(?:hành động|liên tịch|liên ngành))?\s*(?:số\s*)?$"
CUES: list[tuple[str, re.Pattern]] = [
    ("replaced_by", re.compile(r"(?:được|bị|đã được)\s+thay\s+thế\s+(?:bởi|bằng)" + _TO_NUMBER, re.IGNORECASE)),
    ("replaces", re.compile(r"(?<!được )(?<!bị )\b(?:thay\s+thế|bãi\s+bỏ)" + _TO_NUMBER, re.IGNORECASE)),
    ("amends", re.compile(r"\bsửa\s+đổi(?:,?\s+bổ\s+sung)?(?:\s+(?:một\s+số\s+(?:điều|nội\s+dung)|nội\s+dung))?"
                          r"(?:\s+(?:của|tại))?" + _TO_NUMBER, re.IGNORECASE)),
    ("continues", re.compile(r"\btiếp\s+tục\s+(?:triển\s+khai|thực\s+hiện)(?:\s+có\s+hiệu\s+quả)?" + _TO_NUMBER,
                             re.IGNORECASE)),
    ("implements", re.compile(r"\b(?:thực\s+hiện|triển\s+khai|căn\s+cứ|theo)" + _TO_NUMBER, re.IGNORECASE)),
]
# "Thực hiện Quyết định số 2013/QĐ-TTg … phê duyệt …; Công văn số 404/… và Kết luận số …": a cue carries over to
# the next document of its clause, joined by "và", a comma or a semicolon, unless the text issues something between
_JOINED = re.compile(rf"^[^.\n]{{0,320}}?(?:,|;|\svà)\s*{_TYPE}\s*(?:hành động\s*)?(?:số\s*)?$", re.IGNORECASE)
# a document said to lapse when this one takes effect is one this replaces
_ENDS_WITH_THIS = re.compile(r"[^.\n]{0,120}?\bhết\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+(?:kể\s+)?từ\s+ngày\s+\w+(?:\s+\w+)?\s+này"
                             r"\s+có\s+hiệu\s+lực", re.IGNORECASE)
_ISSUING = re.compile(r"\b(?:ban hành|vừa có|đã có|đã ký|xét đề nghị|theo đề nghị)\b", re.IGNORECASE)


def relation_before(text: str, number: DocNumber, previous: DocNumber | None, previous_kind: str | None) -> str | None:
    """The relation the words before a number state, or carry over from the previous number of the clause."""
    before = text[max(0, number.start - 90):number.start]
    for kind, pattern in CUES:
        if pattern.search(before):
            return kind
    if previous is not None and previous_kind:
        gap = text[previous.end:number.start]
        if _JOINED.match(gap) and not _ISSUING.search(gap):
            return previous_kind
    return None


def number_relations(text: str, numbers: list[DocNumber], own: set[str]) -> list[str | None]:
    """The relation of each number (None: cited without one); national documents a text cites are implemented."""
    out: list[str | None] = []
    previous: DocNumber | None = None
    previous_kind: str | None = None
    for number in numbers:
        if number.number in own:
            out.append(None)
            previous, previous_kind = number, None
            continue
        listed = listed_at(text, number.start)  # a law library's list says it outright ("Văn bản sửa đổi, bổ sung:")
        kind = listed.relation if listed is not None else relation_before(text, number, previous, previous_kind)
        kind = "replaces" if _ENDS_WITH_THIS.match(text, number.end) else kind  # ("… hết hiệu lực kể từ ngày … này có hiệu lực")
        if kind is None and number.national and listed is None:
            kind = "implements"
        out.append(kind)
        previous, previous_kind = number, kind
    return out


def cited_numbers(text: str) -> set[str]:
    """Numbers the text applies, carries on, replaces or was asked for by (a Tờ trình): never its own."""
    numbers = find_numbers(text)
    cited = {n.number for n, kind in zip(numbers, number_relations(text, numbers, set()), strict=True) if kind}
    cited |= {n.number for n in numbers if pointed_to(text, n.start)}
    return cited


# --- what a text says of a cited document ---------------------------------------------------------------
@dataclass
class Mention:
    number: str | None  # canonical: "25/CT-TTg"; None for a document cited by name
    kind: str | None  # "Chỉ thị", "Quyết định", "Luật" …
    title: str | None  # a document cited by name: "Luật Tổ chức chính quyền địa phương"
    date: str | None  # ISO issue date when the text gives it
    year: int | None  # its year (from the date, the number "12/2021/NĐ-CP", or "năm 2020" after it)
    issuer: str | None  # "Thủ tướng Chính phủ", "Ban Thường vụ Tỉnh ủy", "Bộ Ngoại giao"
    signer: str | None  # "Phạm Bình Minh" when the text says who signed it
    subject: str | None  # "đẩy mạnh triển khai Chiến lược văn hóa đối ngoại của Việt Nam"
    relation: str | None  # implements, replaces, amends, continues, replaced_by; None: only cited
    sentence: str  # the citing sentence
    start: int  # offsets of the number (or name) in the plan text
    end: int
    section: str | None = None  # section path of the citing sentence, filled by the pipeline
    count: int = 1  # times the text cites it

    def to_dict(self) -> dict:
        return asdict(self)

    def known_fields(self) -> int:
        return sum(1 for v in (self.kind, self.date, self.issuer, self.signer, self.subject) if v)


ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December")
_DATE_AFTER = re.compile(
    r"\s*,?\s*\(?\s*(?:ban hành\s+)?(?:ngày\s+(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?![\d/.-]\d)"
    r"|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))|năm\s+(\d{4})"
    r"|dated\s+(" + "|".join(ENGLISH_MONTHS) + r")\s+(\d{1,2}),?\s+(\d{4}))", re.IGNORECASE)
_CAP = f"[{vi.UPPER}]"
# lower-case words that belong inside an issuing body's name after a lower-case one ("Ủy ban nhân dân tỉnh"):
# (previous word, word); a place word ("tỉnh", "thành phố") may follow any word of the name
_NAME_PAIRS = frozenset({("ban", "nhân"), ("nhân", "dân"), ("thành", "phố"), ("thị", "xã"), ("ban", "chấp"),
                         ("chấp", "hành"), ("ban", "thường"), ("thường", "vụ"), ("thường", "trực")})
_PLACE_WORDS = frozenset({"tỉnh", "thành", "quận", "huyện", "thị", "và"})
# words that end a name: the verbs and prepositions that follow an issuer ("… Thành ủy Hà Nội về …")
_NAME_STOP = frozenset({"về", "phê", "hướng", "tại", "trong", "đến", "năm", "ngày", "đã", "vừa", "có", "tăng", "đẩy",
                        "triển", "thực", "quy", "sửa", "tiếp", "nhằm", "theo", "gửi", "kèm", "của", "do", "được",
                        "là", "để", "với", "cho", "trên", "từ", "ký", "số", "giao", "việc", "lần", "khóa", "nhiệm"})
_BY = re.compile(r"\s*,?\s*(?:của|do)\s+")
_SUBJECT_LEAD = re.compile(r"\s*,?\s*(?:(về việc|về|V/v|v/v)\s+|(?=(?:phê duyệt|ban hành|hướng dẫn|quy định|sửa đổi|"
                           r"triển khai|thực hiện|tăng cường|đẩy mạnh|tiếp tục)\b))", re.IGNORECASE)
# where a subject ends: a clause or sentence end, a comma before a capital (the issuing body of the host text),
# the next document of a list, "nhằm …", "do <cơ quan> ban hành"
_SUBJECT_END = re.compile(rf"[;\n(]|\s+(?:với mục tiêu|nhằm|để)\s|\.(?:\s|$)|,\s*(?=ngày\b|{_CAP})"
                          rf"|\s+(?:và|,)\s+(?=(?i:{_KIND})\s+(?:số\s*)?\d)|\s+\((?:sau đây|gọi tắt)|\s+do\s+\S+")


def _issuer_after(text: str, pos: int) -> tuple[str | None, int]:
    """'của Thủ tướng Chính phủ về …' at `pos` → ('Thủ tướng Chính phủ', end)."""
    by = _BY.match(text, pos)
    if not by:
        return None, pos
    start = by.end()
    ministry = re.match(r"Bộ\s+(" + "|".join(re.escape(m) for m in MINISTRIES) + r")\b", text[start:start + 80])
    if ministry:
        return " ".join(ministry.group().split()), start + ministry.end()
    words = list(re.finditer(r"[^\W\d_]+|\S", text[start:start + 100]))
    taken: list[re.Match] = []
    for w in words:
        token = w.group()
        gap = text[start + (taken[-1].end() if taken else 0):start + w.start()]
        if "\n" in gap or (taken and gap.strip()):
            break
        if token[:1].isupper():  # "Thủ", "Chính", "UBND", "Tỉnh"
            taken.append(w)
        elif taken and token.islower() and token not in _NAME_STOP and (
                taken[-1].group()[:1].isupper() or token in _PLACE_WORDS
                or (taken[-1].group().lower(), token) in _NAME_PAIRS):
            taken.append(w)
        else:
            break
    while taken and taken[-1].group() in ("và", "thành", "thị", "ban", "chấp", "thường"):
        taken.pop()
    if not taken or not taken[0].group()[:1].isupper():
        return None, pos
    end = start + taken[-1].end()
    name = " ".join(text[start:end].split())
    if name.isupper():  # a title in capitals: no case to keep
        return None, pos
    return name, end


def _subject_after(text: str, pos: int) -> str | None:
    lead = _SUBJECT_LEAD.match(text, pos)
    if not lead:
        return None
    start = lead.end()
    window = text[start:start + SUBJECT_CHARS + 80]
    stop = _SUBJECT_END.search(window, 3)
    subject = window[:stop.start()] if stop else window
    subject = " ".join(subject.split()).strip(" ,;:")
    if len(subject) > SUBJECT_CHARS:
        subject = subject[:SUBJECT_CHARS].rsplit(" ", 1)[0] + "…"
    return subject if len(subject.split()) >= 2 else None


def citing_sentence(text: str, start: int, end: int, limit: int = SENTENCE_CHARS) -> str:
    """The sentence around a cited document (within its line), cut to limit characters around the name."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left = max([line_start] + [line_start + m.end() for m in re.finditer(r"[.;]\s", text[line_start:start])])
    stop = re.search(r"[.;](?:\s|$)", text[end:line_end])
    right = end + stop.start() + 1 if stop else line_end
    sentence = " ".join(text[left:right].split())
    if len(sentence) <= limit:
        return sentence
    offset = max(0, min(start - left - limit // 3, len(sentence) - limit))
    return ("…" if offset else "") + sentence[offset:offset + limit].strip() + "…"


def _kind_of(text: str, number: DocNumber) -> tuple[str | None, int]:
    """(kind, where the kind word starts) from the words before the number, else from its type code."""
    before = text[max(0, number.start - 40):number.start]
    m = _KIND_BEFORE.search(before)
    if m:
        word = m.group(1)
        kind = next((k for k in _KINDS if vi.fold(k) == vi.fold(word)), word)
        return ("Văn bản" if kind == "văn bản" else kind), number.start - len(before) + m.start()
    return TYPE_CODES.get(number.codes[0]), number.start


def _signer_near(text: str, kind_start: int, number: DocNumber, clause_end: int) -> str | None:
    """'<chức vụ> <Họ tên> (đã|vừa) ký (ban hành) <văn bản>' before, or '… do <chức vụ> <Họ tên> ký' after."""
    before = text[max(0, kind_start - 160):kind_start]
    signed = re.search(r"\s+(?:đã\s+|vừa\s+)?ký(?:\s+ban\s+hành)?\s*$", before)
    if signed:
        return person_before(before[:signed.start()])
    after = re.search(r"\bdo\s+([^.;\n]{3,80}?)\s+ký\b|\((?:người\s+)?ký\s*:\s*([^()\n]{3,80})\)", text[number.end:clause_end])
    return person_before(after.group(1) or after.group(2)) if after else None  # "(ký: Phó Chủ tịch Trịnh Văn Hậu)"


def cited_with(text: str, number: str, field: str) -> str | None:
    """What a text says beside a document it cites by `number`, its own too: its "signer" ("Kế hoạch số 76/KH-UBND …
    (ký: …)") or its "issuer" ("(Ban hành kèm theo Quyết định số 183-QĐ/TU … của Ban Thường vụ Tỉnh ủy)")."""
    return next((value for n in find_numbers(text) if n.number == number
                 and (value := getattr(_mention_at(text, n, None), field))), None)


_PARTY_ORGAN_BEFORE = re.compile(r"\b(Bộ Chính trị|Ban Bí thư|Ban Chấp hành Trung ương(?: Đảng)?)\s*(?:\([^()]{1,30}\)\s*)?"
                                 r"(?:đã\s+|vừa\s+)?(?:ban hành|ra|có)\s*$")


def _mention_at(text: str, number: DocNumber, relation: str | None) -> Mention:
    kind, kind_start = _kind_of(text, number)
    pos = number.end
    date, year = None, None
    dated = _DATE_AFTER.match(text, pos)
    if dated and opens_issuing_clause(text, pos, dated.end() - len(dated.group(0).lstrip(" ,")), dated.end()):
        dated = None  # "…, ngày 06-8-2012, Thủ tướng Chính phủ ban hành Chỉ thị …": the next document's date
    if dated:
        g = dated.groups()
        if g[0]:
            date = iso_date(g[0], g[1], g[2])
        elif g[3]:
            date = iso_date(g[3], g[4], g[5])
        elif g[7]:  # the English pages: "dated June 15, 2023"
            date = iso_date(g[8], ENGLISH_MONTHS.index(g[7].capitalize()) + 1, g[9])
        year = int(date[:4]) if date else int(g[6]) if g[6] else None
        pos = dated.end()
    if date is None and re.search(r"(?:\b(?:ban hành|ký|đã có|đã ra)|,\s*(?:tại|theo|bằng))\s*$", text[max(0, kind_start - 20):kind_start]):
        # "Ngày 30/11/2021, Phó Thủ tướng … đã ký ban hành Quyết định số …": the date opening the sentence
        # …or leading straight to the document: "Ngày 3-12-2008, tại Thông báo số 204-TB/TW, Ban Bí thư … quyết định",
        # "ngày 15/5/2029 Sở Ngoại vụ đã có Công văn số 512/SNgV-VP …"
        left = max(text.rfind("\n", 0, kind_start) + 1,
                   max((m.end() for m in re.finditer(r"[.;]\s", text[max(0, kind_start - 300):kind_start])),
                       default=0) + max(0, kind_start - 300))
        date = opening_date(text, left, kind_start, None)
        year = int(date[:4]) if date else year
    if year is None:
        in_number = re.search(r"/((?:19|20)\d\d)/", number.number)
        year = int(in_number.group(1)) if in_number else None
    issuer, pos = _issuer_after(text, pos)
    if issuer is None:
        before = text[max(0, kind_start - 120):kind_start]
        verb = re.search(r"\s+(?:đã\s+|vừa\s+)?(?:ban hành|có|ký)\s*$", before)
        named = issuer_in(before[:verb.start()]) if verb else None
        issuer = named if named and verb and before[:verb.start()].rstrip().endswith(named.split()[-1]) else None
        party = _PARTY_ORGAN_BEFORE.search(before)  # "Sau khi Bộ Chính trị (Khóa X) ban hành Nghị quyết 36-NQ/TW"
        issuer = issuer or (party.group(1) if party else None)
    subject = _subject_after(text, pos)
    clause = re.search(r"[.;\n]", text[number.end:number.end + 400])
    clause_end = number.end + (clause.start() if clause else 400)
    clause_start = max(text.rfind(c, 0, number.start) for c in ".;\n") + 1
    if issuer is None and not find_numbers(text[clause_start:number.start]):
        # "Kết luận 76-KL/TW năm 2020 về … do Ban Chấp hành Trung ương ban hành": the clause's first document
        by = re.search(r"\s(?=do\s+\S[^.;\n]{0,80}?\s+ban hành\b)", text[pos:clause_end])
        issuer = _issuer_after(text, pos + by.start())[0] if by else None
    if issuer is None:
        issuer = next((_CODE_ISSUERS[c] for c in number.codes[1:] + number.codes[:1] if c in _CODE_ISSUERS), None)
    signer = _signer_near(text, kind_start, number, clause_end)
    listed = listed_at(text, number.start)
    if listed is not None:  # "- Chương trình 19-CTr/TU … - Ban hành: 15/03/2026 - Người ký: Đinh Công Lực"
        date, signer = date or listed.date, signer or listed.signer
        year = int(date[:4]) if date else year
    return Mention(number.number, kind, None, date, year, issuer, signer, subject, relation,
                   citing_sentence(text, number.start, number.end), number.start, number.end)


# "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015": a law cited by its name and date (other
# documents are cited by number; a name followed by a date is too often the date of something else)
_NAMED = re.compile(
    rf"\b(Luật|Bộ luật|Pháp lệnh|Hiến pháp)\s+((?:{_CAP}|sửa đổi)[^\n;:()]{{3,120}}?)"
    r"\s+ngày\s+(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))")


# "Chiến lược ngoại giao văn hóa đến năm 2030 được Thủ tướng Chính phủ ban hành ngày 30/11/2021": a document named
# by its title whose own issuing clause dates it (the passive verb says whose date it is)
_ISSUED_KINDS = r"Chiến lược|Đề án|Chương trình|Kế hoạch|Nghị quyết|Chỉ thị|Quyết định"
_NAMED_ISSUED = re.compile(
    rf"({_ISSUED_KINDS})\s+(?!này\b|đó\b|trên\b|nói trên\b)((?:(?!{_ISSUED_KINDS})[^\n;:()]){{3,120}}?)"
    r"\s+(?:đã\s+)?(?:được|do)\s+(Thủ tướng Chính phủ|Chính phủ|Ban Bí thư|Bộ Chính trị|Quốc hội|Bộ\s+[^\n.;]{2,60}?)?"
    r"\s*(?:ký\s+)?(?:ban hành|phê duyệt)\s+(?:vào\s+)?ngày\s+"
    r"(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))")
_ISSUED_KIND_AT = re.compile(rf"\b(?:{_ISSUED_KINDS})\b")


def _issued_mentions(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    matches = (_NAMED_ISSUED.match(text, at.start()) for at in _ISSUED_KIND_AT.finditer(text))
    out = []
    for m in matches:
        titled = _titled(m, taken, 3) if m else None  # groups: kind, title, issuer, then the date's
        if titled and m:
            title, date = titled
            out.append(Mention(None, m.group(1), title, date, int(date[:4]), m.group(3), None, None, None,
                               citing_sentence(text, m.start(), m.end()), m.start(), m.start() + len(title)))
    return out


def _named_mentions(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    out = []
    for m in _NAMED.finditer(text):
        titled = _titled(m, taken, 2)  # groups: kind, title, then the date's
        if titled:
            title, date = titled
            issuer, pos = _issuer_after(text, m.end())
            out.append(Mention(None, m.group(1), title, date, int(date[:4]), issuer, None, _subject_after(text, pos),
                               None, citing_sentence(text, m.start(), m.end()), m.start(), m.start() + len(title)))
    return out


def _titled(m: re.Match, taken: list[tuple[int, int]], date_at: int) -> tuple[str, str] | None:
    """(title, ISO date) of a document cited by its name, or None: it overlaps a numbered citation, its name
    holds a number, its date is none, or the "name" runs too long to be one."""
    if any(a <= m.start() < b or m.start() <= a < m.end() for a, b in taken) or find_numbers(m.group(2)):
        return None
    g = m.groups()[date_at:]
    date = iso_date(g[0], g[1], g[2]) if g[0] else iso_date(g[3], g[4], g[5])
    if date is None or len(m.group(2).split()) > NAMED_TITLE_WORDS:
        return None
    return f"{m.group(1)} {' '.join(m.group(2).split())}", date


NAMED_TITLE_WORDS = 16


def _merge(found: list[Mention]) -> list[Mention]:
    """One entry per document, in order of first citation; fields from the first occurrence that gives them."""
    by_key: dict[str, list[Mention]] = {}
    for m in found:
        key = m.number or vi.collapse(m.title or "")
        by_key.setdefault(key, []).append(m)
    merged = []
    for group in by_key.values():
        best = max(group, key=lambda x: (x.known_fields(), -x.start))
        out = Mention(**{**best.to_dict(), "count": len(group)})
        for name in ("kind", "title", "date", "year", "issuer", "signer", "subject", "relation"):
            if getattr(out, name) is None:
                setattr(out, name, next((getattr(x, name) for x in group if getattr(x, name) is not None), None))
        merged.append(out)
    return sorted(merged, key=lambda x: min(m.start for m in by_key[x.number or vi.collapse(x.title or "")]))


def cited_occurrences(text: str, own_numbers: list[str] | tuple[str, ...] = ()) -> list[Mention]:
    """Every citation of a numbered document, one per occurrence, in text order (own numbers excluded)."""
    own = {canonical_number(n) for n in own_numbers}
    numbers = find_numbers(text)
    relations = number_relations(text, numbers, own)
    return [_mention_at(text, n, kind) for n, kind in zip(numbers, relations, strict=True) if n.number not in own]


def extract_mentions(text: str, own_numbers: list[str] | tuple[str, ...] = ()) -> list[Mention]:
    """Every document `text` cites (its own numbers excluded), merged per document, in order of first citation."""
    return index_mentions(text, cited_occurrences(text, own_numbers))


def index_mentions(text: str, occurrences: list[Mention]) -> list[Mention]:
    """The index from the numbered citations already found, with the documents cited by name added."""
    taken = [(m.start, m.end) for m in occurrences]
    found = occurrences + _named_mentions(text, taken) + _issued_mentions(text, taken)
    return _merge(found)
