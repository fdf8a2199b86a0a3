"""Which near candidate goes before the best-scored one: the field line stating the asked kind of value ("2. Địa
điểm: Hà Nội") when the best line states none, the line counting the asked thing ("117 hội viên"), or the body's
line in force before an end note telling the old wording."""
from __future__ import annotations

import re

from ground import vi
from ground.agencies import agency_matches, find_agencies
from ground.numbers import find_numbers, same_number
from rag.find.lines import field_kinds
from rag.find.sentences import ANSWERING_KINDS, COUNTED, SPELLED, Candidate
from rag.understand.question import asking_fold

# ("… với 08 nội dung sau:", "gồm 3 nhóm nhiệm vụ sau")
INTRODUCES_LIST = re.compile(r"(?:nhu sau|sau day|(?:cac|nhung|\d{1,2}|[a-z]+) (?:nhom )?(?:noi dung|nhiem vu|giai phap|muc tieu"
                             r"|hoat dong)(?: chinh| trong tam| chu yeu)? sau)\s*$")
_TOTAL = r"^\W*(?:Tổng cộng|Cộng|Tổng số|Tổng)\b"
TOTAL_LINE = re.compile(_TOTAL, re.IGNORECASE)  # "- Cộng năm 2024: …", "Tổng cộng: năm 2026: …"
FIELD_CANDIDATES = 12  # how far down a field line of the asked kind is looked for
_FIELD_ASKED = {"place": ("place",), "date": ("date",), "period": ("date",), "agency": ("agency",)}


def field_line(ranked: list[Candidate], kind: str) -> Candidate | None:
    """The field line of the asked kind ("2. Địa điểm: Hà Nội", "- Thời gian: tháng 9/2026") of the best
    sentence's text, among the first candidates: where a plan states its event's place, time or lead."""
    if kind not in _FIELD_ASKED or not ranked:
        return None
    fields = [c for c in ranked if c.chunk.plan_id == ranked[0].chunk.plan_id and field_kinds(c.body) & set(_FIELD_ASKED[kind])]
    # the best line's own record ("Trưng bày …" / "- Thời gian: …" / "- Địa điểm: …" in one chunk); else one such field
    # in the text: its event's; several elsewhere are the fields of several tasks, which the words must choose between
    own = [c for c in fields if c.chunk.id == ranked[0].chunk.id and c.unit.start > ranked[0].unit.start]
    if own:
        return own[0]
    return fields[0] if len(fields) == 1 and fields[0] in ranked[1:FIELD_CANDIDATES] else None


def states_new(cand: Candidate, question: str, kind: str) -> bool:
    """The candidate states a value of the asked kind that the question does not already say (a day for a date:
    "Lễ hội … lần thứ IV, năm 2027" names the year of the event, not when in it)."""
    asked = vi.fold(question)
    return any(e.kind in ANSWERING_KINDS.get(kind, ()) and vi.fold(e.text) not in asked for e in cand.answer_spans)


COUNTED_SHARE = 0.5  # how close to the best a line counting the asked thing must score to go before one that does not


GLUED_UNITS = frozenset({"kg", "km", "ha", "m", "cm", "mm", "m2", "m3"})  # units written against their figure


def counted_first(ranked: list[Candidate], question: str) -> list[Candidate]:
    """"bao nhiêu hội viên": a near line of the same text that counts that thing ("117 hội viên") goes before a
    best line whose numbers count something else ("thành lập năm 1999. Trong 20 năm qua …")."""
    m = COUNTED.search(asking_fold(question))  # ("vé máy bay" asks no "mấy bay")
    if not m or not ranked:
        return ranked
    nouns = [f"{m.group(1)} {m.group(2)}", m.group(1)] if m.group(2) else [m.group(1)]
    for noun in nouns:
        glued = r"\s*" if noun in GLUED_UNITS else r"\s+"  # "500kg nhãn lồng"
        pattern = re.compile(rf"(?:(?<![\d.,])\d[\d.,]*|\b{SPELLED}){glued}{re.escape(noun)}\b")
        counting = [c for c in ranked[:FIELD_CANDIDATES] if pattern.search(vi.fold_same_length(c.body).lower())]
        if not counting:
            continue
        if ranked[0] in counting:
            return ranked
        # (not a line of another year or period than the question dates: "cả giai đoạn 2021-2025 … bao nhiêu đoàn"
        # is not answered by the next period's target of "12 đoàn")
        near = next((c for c in counting if c.chunk.plan_id == ranked[0].chunk.plan_id
                     and not c.features.get("other_year") and c.score >= COUNTED_SHARE * ranked[0].score), None)
        return ranked if near is None else [near] + [c for c in ranked if c is not near]
    return ranked


# a sum of money asked ("tổng vốn bao nhiêu", "ngân sách phường bao nhiêu") and a line stating one
# ("tiền" folded is also "ưu tiên", "đầu tiên", "xúc tiến", "cải tiến", "thực tiễn", "tiến độ", "tiện ích": not money)
MONEY_ASKED = re.compile(r"\b(?:kinh phi|ngan sach|von|(?<!uu )(?<!dau )(?<!xuc )(?<!cai )(?<!thuc )(?<!tien )"
                         r"tien(?! (?:do|hanh|phong|trien|bo|si|nghi|ich|loi|te)\b)"
                         r"|chi phi|tai tro|xa hoi hoa)\b"
                         r"|\b(?:chi|giai ngan)(?: het| tong cong| duoc)? bao nhieu\b"  # "năm 2023 chi bao nhiêu"
                         r"|\b(?:gia|le phi|phi)(?: [a-z]+){0,2} (?:la )?bao nhieu\b"  # "vé vào cửa giá bao nhiêu", a fee
                         # (…named before what it is of: "phí gia nhập (phí kết nạp) Hội … là bao nhiêu", not "phi chính phủ")
                         r"|\b(?:le phi|hoi phi|hoc phi|phi(?! (?:chinh phu|loi nhuan|vat the|quan su|thuong mai)\b))"
                         r"(?: [^ ?]+){0,16}? (?:la |het |mat )?bao nhieu\b(?! (?:nguoi|lan|ngay|thang|nam)\b)")
# a sum written with its unit ("3.200 triệu đồng", "1,2 tỷ", "15.000 USD"): the one reading of a sum of money
MONEY_FIGURE = (r"\d[\d.,]*\s*(?:tỷ|tỉ|triệu|nghìn|ngàn)?\s*(?:đồng|USD|usd|VNĐ|VND|EUR|yên|đô la|đô-la|đôla|euro|bảng Anh"
                r"|nhân dân tệ|won|bạt|kíp)\b"
                r"|\d[\d.,]*\s*(?:tỷ|tỉ|triệu)\b")
SUM = re.compile(MONEY_FIGURE + r"|\b(?:kinh phí|ngân sách)[^.;\n]{0,40}?\d", re.IGNORECASE)


def sum_first(ranked: list[Candidate], question: str) -> list[Candidate]:
    """"kinh phí … bao nhiêu": a near line of the same text stating a sum ("💰 KINH PHÍ: 860 triệu đồng") goes before
    a best line whose figures count something else ("06 hoạt động, 26 lượt học sinh")."""
    if not ranked or not MONEY_ASKED.search(vi.collapse(question)) or SUM.search(ranked[0].body):
        return ranked
    near = next((c for c in ranked[1:FIELD_CANDIDATES] if SUM.search(c.body) and c.chunk.plan_id == ranked[0].chunk.plan_id
                 and c.score >= COUNTED_SHARE * ranked[0].score), None)
    return ranked if near is None else [near] + [c for c in ranked if c is not near]


HEADED = 0.3  # share of the question's words a field line's heading must hold to say whose field it is
HEADED_MARGIN = 0.15  # …and by how much more than another field line's heading
_HEADING = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4}|[a-zđ])[.)]\s+\S")


def _heading_of(cand: Candidate) -> str:
    """The numbered heading a line stands under in its passage ("1. Báo cáo kết quả thực hiện năm 2026" over "-
    Thời hạn gửi: …"), else the last heading of the passage's path."""
    before = cand.chunk.text[:max(cand.unit.start, 0)].split("\n")
    own = next((line for line in reversed(before[:-1] if before and before[-1].strip() else before)
                if _HEADING.match(line)), None)
    return own or (cand.chunk.section or "").split("›")[-1]


def headed_field(ranked: list[Candidate], kind: str, question: str) -> Candidate | None:
    """Among several field lines of the asked kind ("- Thời hạn gửi: …" under each numbered item), the one whose
    heading says what the question does, clearly more than the others' headings do."""
    if kind not in _FIELD_ASKED:
        return None
    from rag.understand.question import without_question_words
    from rag.understand.terms import query_terms

    asked = {t for t in query_terms(without_question_words(question)) if " " not in t}
    fields = [c for c in ranked[:FIELD_CANDIDATES * 2] if field_kinds(c.body) & set(_FIELD_ASKED[kind])]
    if len(fields) < 2 or not asked:
        return None
    held = sorted(((len(asked & set(vi.folded_syllables(_heading_of(c)))) / len(asked), i, c)
                   for i, c in enumerate(fields)), key=lambda h: (-h[0], h[1]))
    best, runner = held[0][0], max((h[0] for h in held[1:] if h[2].body != held[0][2].body), default=0.0)
    return held[0][2] if best >= HEADED and best - runner >= HEADED_MARGIN else None


def field_first(ranked: list[Candidate], kind: str, question: str) -> list[Candidate]:
    """When the best words name the event but not where, when or who (beyond what the question says), the
    text's field line of that kind goes first; so does the field line whose heading says what is asked."""
    headed = headed_field(ranked, kind, question)
    if headed is not None and headed is not ranked[0]:
        return [headed] + [c for c in ranked if c is not headed]
    field = field_line(ranked, kind)
    if field is None or states_new(ranked[0], question, kind):
        return ranked
    return [field] + [c for c in ranked if c is not field]


# an end note of a consolidated or footnoted text ("[3] Khoản này được sửa đổi …", "Ghi chú (2): …")
_NOTE = re.compile(r"^\s*(?:\[\d{1,2}\]|Ghi chú\s*\(\d{1,2}\)\s*:)")
# …which answers only a question about the old wording or the amendment itself
_ASKS_NOTE = re.compile(r"\b(?:truoc khi|truoc day|muc cu|ban cu|ghi chu|chu thich|duoc sua doi|sua doi (?:the nao|ra sao|gi)"
                        r"|bo sung (?:the nao|gi)|bai bo)\b")
NOTE_SHARE = 0.6  # how close to the best (a note) a line of the body must score to go before it


def body_first(ranked: list[Candidate], question: str) -> list[Candidate]:
    """"Mời cơm khách hạng A bao nhiêu?": the body's line in force ("Khách hạng A: tối đa 2.000.000 đồng") goes before
    the end note telling the amended value ("[3] … Trước khi sửa đổi, … hạng A tối đa 1.600.000 đồng")."""
    if not ranked or not _NOTE.match(ranked[0].body) or _ASKS_NOTE.search(vi.collapse(question)):
        return ranked
    body = next((c for c in ranked[1:FIELD_CANDIDATES] if not _NOTE.match(c.body)
                 and (c.answer_spans or not ranked[0].answer_spans) and c.score >= NOTE_SHARE * ranked[0].score), None)
    return ranked if body is None else [body] + [c for c in ranked if c is not body]


# an item asked by its own number: "lớp bồi dưỡng … số 3", "đợt 2", not a document's ("Tờ trình số 58/TTr-…")
# (its words may run between the noun and "số": "lớp bồi dưỡng … số 3"; a bare number follows the noun: "đợt 2")
_NUMBERED_ITEM = re.compile(r"\b(lop|dot|doan|khoa|chuyen de|tour|goi|tieu ban|hop phan|hang muc|lo)\b(?:((?: \w+){0,6}?) so)?"
                            r" (\d{1,2})\b(?![/.\-]?\d)(?! ?/)")
NUMBERED_SHARE = 0.6  # how close to the best a line naming the item asked by its number must score to go before it
RIVAL_SHARE = 0.3  # …when the best names another item of that kind


# …or by its place among them: "đợt đầu (tiên)", "đợt thứ nhất" is the first, "đợt cuối" the last the lines number
_PLACED_ITEM = re.compile(r"\b(lop|dot|doan|khoa|chuyen de|tour|goi|tieu ban|hop phan|hang muc|lo) (dau|thu nhat|cuoi)\b")


def numbered_first(ranked: list[Candidate], question: str) -> list[Candidate]:
    """"Lớp bồi dưỡng … số 3 học ngày nào?": beside lines of "lớp … số 1" and of the classes' plan, the line naming the
    class by the number asked goes first ("đợt cuối": the one of the highest number the lines give)."""
    folded = vi.collapse(question)
    asked = _NUMBERED_ITEM.search(folded)
    placed = _PLACED_ITEM.search(folded) if asked is None else None
    # ("đoạn 6" as written is a segment by its number; "đoàn 6 người" counts people)
    if not ranked or not (asked or placed) or asked and " so " not in f" {asked.group(0)} " and asked.group(1) not in (
            "dot", "lo", "khoa") and not re.search(r"\bđoạn \d", question.lower()):
        return ranked
    noun = asked.group(1) if asked else placed.group(1) if placed else ""
    # (the lines keyed by such an item, "Đợt 4: …": "mỗi đợt 06 người" counts people, numbers no tranche)
    numbered = [(c, int(m.group(3))) for c in ranked[:FIELD_CANDIDATES]
                if (m := _NUMBERED_ITEM.match(vi.collapse(c.body))) and m.group(1) == noun]
    if asked:
        number = int(asked.group(3))
    elif placed and numbered:
        number = max(n for _, n in numbered) if placed.group(2) == "cuoi" else 1
    else:
        return ranked

    def names(c: Candidate) -> bool:  # (the first item of that kind the line names: "Đợt 2: … kinh phí đợt 1" is of 2)
        first = next((m for m in _NUMBERED_ITEM.finditer(vi.collapse(c.body)) if m.group(1) == noun), None)
        return first is not None and int(first.group(3)) == number
    if names(ranked[0]):
        return ranked
    named = next((c for c in ranked[1:FIELD_CANDIDATES] if names(c) and c.score >= NUMBERED_SHARE * ranked[0].score), None)
    if named is None and asked and not _names_anywhere(ranked[0], noun, number):  # (…or in passing: "… và X làm Đại
        # diện … đoạn 6", the nearer still when the best names another one: "… Đại diện biên giới đoạn 4")
        share = RIVAL_SHARE if any(m.group(1) == noun for m in _NUMBERED_ITEM.finditer(vi.collapse(ranked[0].body))) \
            else NUMBERED_SHARE
        named = next((c for c in ranked[1:FIELD_CANDIDATES] if _names_anywhere(c, noun, number)
                      and c.score >= share * ranked[0].score), None)
    return ranked if named is None else [named] + [c for c in ranked if c is not named]


def _names_anywhere(c: Candidate, noun: str, number: int) -> bool:
    return any(m.group(1) == noun and int(m.group(3)) == number for m in _NUMBERED_ITEM.finditer(vi.collapse(c.body)))


NAMED_SHARE = 0.9  # how close to the best a line naming the body the question names must score to go before it
NAMED_CANDIDATES = 8  # how far down such a line is looked for


def body_named_first(ranked: list[Candidate], agencies: list[str]) -> list[Candidate]:
    """"… kiến nghị Bộ Tài chính hỗ trợ gì?": when the best line names none of the bodies the question names (besides
    the people's committees whose plans they all are), a near one that does, in its words or its heading, goes first."""
    bodies = [a for a in agencies if not vi.fold(a).startswith(("ubnd", "uy ban nhan dan"))]
    if not bodies or len(ranked) < 2:
        return ranked

    def names(c: Candidate) -> bool:
        said = f"{c.chunk.section or ''} {c.body}"
        return any(agency_matches(b, m.canonical) for m in find_agencies(said) for b in bodies)

    written = [vi.collapse(b) for b in bodies]  # a near line is checked by the names as written: find_agencies is slow
    if names(ranked[0]):
        return ranked
    naming = next((c for c in ranked[1:NAMED_CANDIDATES] if c.score >= NAMED_SHARE * ranked[0].score
                   and any(w in vi.collapse(f"{c.chunk.section or ''} {c.body}") for w in written) and names(c)), None)
    return [naming] + [c for c in ranked if c is not naming] if naming is not None else ranked


KEYED_SHARE = 0.6  # how close to the best a line keying the asked year to a sum must score to go before it


def year_keyed_first(ranked: list[Candidate], years: list[str], question: str = "") -> list[Candidate]:
    """"kinh phí năm 2028 của kế hoạch": a near line keying that year to a sum ("Tổng cộng: …; năm 2028: 41.500 triệu
    đồng") goes before a task's line whose time only ends in it ("thời gian: Quý IV/2028; kinh phí: 1.000 triệu")."""
    if len(years) != 1 or not ranked:
        return ranked
    # (not a period ending in it: "giai đoạn 2022 - 2027: 21.460 triệu đồng" is no year's sum)
    keyed = re.compile(rf"(?<![-–]\s)(?<![-–])\b(?:năm\s+)?{years[0]}\s*[:：]\s*\d[\d.,]*\s*(?:tỷ|tỉ|triệu|nghìn|ngàn|đồng|USD)", re.IGNORECASE)
    if keyed.search(ranked[0].body):
        return ranked
    near = next((c for c in ranked[1:FIELD_CANDIDATES] if keyed.search(c.body)
                 and c.score >= KEYED_SHARE * ranked[0].score), None)
    if near is None:
        return ranked
    # (the line of the source the question names, "ngân sách tỉnh năm 2026"; else the total's line when the years'
    # lines are several: "Tổng cộng: …" over each source's)
    keyed_near = [c for c in ranked[1:FIELD_CANDIDATES] if keyed.search(c.body) and c.score >= KEYED_SHARE * ranked[0].score]
    asked = f" {vi.collapse(question)} "
    named = next((c for c in keyed_near if ":" in c.body and len(label := vi.collapse(c.body.split(":", 1)[0])) > 3
                  and f" {label} " in asked), None)
    total = named or next((c for c in keyed_near if TOTAL_LINE.match(c.body)), near)
    return [total] + [c for c in ranked if c is not total]


_DAY = re.compile(r"\b(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}))?\b")
DAY_CANDIDATES = 20  # how far down a line naming the day asked is looked for


def day_first(ranked: list[Candidate], question: str) -> list[Candidate]:
    """"Ngày 15/9/2027 … có những hoạt động gì": the line naming that very day ("Ngày 15/9/2027 (Thứ Tư):" over its
    programme) goes first, though the days around it share more of the question's words."""
    asked = {(int(d), int(m)) for d, m, _ in _DAY.findall(question) if 1 <= int(m) <= 12}
    if len(asked) != 1 or not ranked:
        return ranked

    def names(c: Candidate) -> bool:
        return any((int(d), int(m)) in asked for d, m, _ in _DAY.findall(c.body))

    if names(ranked[0]):
        return ranked
    day = next((c for c in ranked[1:DAY_CANDIDATES] if names(c) and c.chunk.plan_id == ranked[0].chunk.plan_id), None)
    return ranked if day is None else [day] + [c for c in ranked if c is not day]


DAY_ROWS = 8  # rows of one day's programme an answer shows
_DAY_ROW = re.compile(r"^((?:Ngày|NGÀY)\s+\d{1,2}/\d{1,2}(?:/\d{4})?[^,:]{0,20}),\s*\d{1,2}\s*(?:h|giờ|:)")


def day_rows(ranked: list[Candidate], question: str) -> list[Candidate]:
    """"Ngày 18/3/2026 đoàn đi thăm những đâu?": the best line is a row of that day's programme ("Ngày 18/3/2026 (Thứ
    Tư), 10h00 - 11h30: Thăm …"), so the day's rows are the answer, in their order; [] otherwise."""
    asked = {(int(d), int(m)) for d, m, _ in _DAY.findall(question) if 1 <= int(m) <= 12}
    row = _DAY_ROW.match(ranked[0].body) if ranked and len(asked) == 1 else None
    if row is None or not any((int(d), int(m)) in asked for d, m, _ in _DAY.findall(row.group(1))):
        return []
    rows = [c for c in ranked if c.chunk.plan_id == ranked[0].chunk.plan_id and c.body.startswith(row.group(1) + ",")]
    unique = {c.body: c for c in rows}.values()
    return sorted(unique, key=lambda c: (c.chunk.seq, c.unit.start))[:DAY_ROWS]


def announcing_first(ranked: list[Candidate], noun: str) -> list[Candidate]:
    """The near line of the best one's text that announces a list of the noun asked by its place goes first."""
    lead = next((c for c in ranked[:FIELD_CANDIDATES] if c.chunk.plan_id == ranked[0].chunk.plan_id
                 and INTRODUCES_LIST.search(vi.collapse(c.body)) and f" {noun} " in f" {vi.collapse(c.body)} "),
                None) if ranked else None
    return ranked if lead is None or lead is ranked[0] else [lead] + [c for c in ranked if c is not lead]


_SHARE_ASKED = re.compile(r"\b(?:bao nhieu|may) (?:phan tram|%)|\bty le\b.{0,30}\b(?:bao nhieu|the nao|la bao nhieu)\b")
_PERCENT = re.compile(r"\d(?:[.,]\d+)?\s*%")


def share_first(ranked: list[Candidate], question: str) -> list[Candidate]:
    """"… đạt bao nhiêu phần trăm?": when the best line states no share, the next line of its own block stating one
    ("Chỉ tiêu giai đoạn …: đón 1,5 triệu lượt" / "Tỷ lệ: đạt 58,3% chỉ tiêu") goes before it."""
    if not ranked or not _SHARE_ASKED.search(vi.collapse(question)) or _PERCENT.search(ranked[0].body):
        return ranked
    best = ranked[0]
    below = [c for c in ranked[1:FIELD_CANDIDATES] if c.chunk.id == best.chunk.id and c.unit.start > best.unit.start
             and _PERCENT.search(c.body) and "\n\n" not in best.chunk.text[best.unit.end:c.unit.start]]
    near = min(below, key=lambda c: c.unit.start, default=None)
    return ranked if near is None else [near] + [c for c in ranked if c is not near]


# a period asked whole: "cả giai đoạn 2026-2030", "tổng … 2021 - 2025" (its bounds are not two years asked one by one)
WHOLE_SPAN = re.compile(r"\b(?:ca|toan|tong|tong cong|tong so)\b(?: [a-z]+){0,8} (?:giai doan|nhiem ky|thoi ky)? ?(?:19|20)\d\d "
                        r"(?:den |toi )?(?:19|20)\d\d\b")


# a total asked by name: "tổng kinh phí …", "tổng số sinh viên …" (not "tổng kết", "tổng hợp")
TOTAL_ASKED = re.compile(r"\btong (?:kinh phi|so|cong|von|ngan sach|du toan|chi phi|gia tri)\b")
TOTAL_SHARE = 0.8  # how close to the best a total line must score to go before it when a total is asked by name


def total_first(ranked: list[Candidate], folded: str) -> list[Candidate]:
    """"… cả giai đoạn 2026-2030 là bao nhiêu?": the total line of the best line's table ("Cộng giai đoạn: …") goes before
    the rows of the years that bound the period; "tổng kinh phí … bao nhiêu?" before the rows of its items."""
    whole = bool(WHOLE_SPAN.search(folded))
    if not ranked or not (whole or TOTAL_ASKED.search(folded)) or TOTAL_LINE.match(ranked[0].body):
        return ranked
    best = ranked[0].chunk
    total = next((c for c in ranked[1:FIELD_CANDIDATES] if TOTAL_LINE.match(c.body)
                  and (c.chunk.plan_id, c.chunk.section) == (best.plan_id, best.section)
                  and (whole or c.score >= TOTAL_SHARE * ranked[0].score)), None)
    return ranked if total is None else [total] + [c for c in ranked if c is not total]


# a row of a keyed table as written at ingest: "Ảnh báo chí: Giải A: 10.000.000 đồng/giải; Giải B: …"
_KEYED_ROW = re.compile(r"^([^:;]{2,60}?):\s*[^:;]{1,40}:\s")


def other_row(best: Candidate, cand: Candidate, question: str) -> bool:
    """The runner-up is another row of the keyed table whose row the question names ("giải A thể loại ảnh báo chí"
    answers from the "Ảnh báo chí: …" row, not from "Báo in: …" beside it)."""
    asked = vi.collapse(question)
    mine, its = _KEYED_ROW.match(best.body), _KEYED_ROW.match(cand.body)
    return bool(mine and its and vi.collapse(mine.group(1)) in asked and vi.collapse(its.group(1)) not in asked)


LIST_ASKED = re.compile(r"\b(?:nhung|cac) ([a-z]+(?: [a-z]+){0,4}) nao\b")  # (…"cửa khẩu phụ, lối mở nào")  # "những ngoại ngữ nào": the noun listed
ENUMERATED_ITEMS = 3  # the separated values after "… ngoại ngữ:" that make a line the list of them


def enumerates(body: str, noun: str) -> bool:
    """The line sets out the asked noun's list after a colon ("… bằng một trong 08 ngoại ngữ: tiếng Anh, Pháp, Nga, …")."""
    folded = vi.fold_same_length(body).lower()  # (collapsing drops the colon)
    m = re.search(rf"\b{re.escape(noun)}\b(?: [a-z0-9]+){{0,3}}?\s*:\s*(?P<rest>.+)", folded)
    return m is not None and len(re.findall(r"[,;]", m.group("rest"))) >= ENUMERATED_ITEMS - 1


def enumerating_first(ranked: list[Candidate], others: list[Candidate], noun: str) -> list[Candidate]:
    """"… những ngoại ngữ nào?": the line of the best one's text that lists the noun asked goes first, found among
    `others` (every line of that text) when the retrieved passages miss it; the first such line, as the text lists it."""
    if not ranked or enumerates(ranked[0].body, noun):
        return ranked
    lead = next((c for c in ranked[1:FIELD_CANDIDATES] if enumerates(c.body, noun)), None) or next(
        (c for c in others if c.chunk.plan_id == ranked[0].chunk.plan_id and enumerates(c.body, noun)), None)
    return ranked if lead is None else [lead] + [c for c in ranked if c.body != lead.body]


_CITING = re.compile(r"^\s*(?:[-–+•]\s*)?(?:Căn cứ|Thực hiện|Theo)\b", re.IGNORECASE)


def own_before_citing(ranked: list[Candidate], plan_of) -> list[Candidate]:
    """"Buổi làm việc … diễn ra ở đâu": a line of a stored text goes before another text's line citing it ("Căn cứ Biên
    bản số 86/BB-VP ngày 22/10/2024 buổi làm việc …"), which names it in the words asked but tells nothing of it.
    `plan_of`: a plan id's stored plan (its meta.number), or None."""
    if not ranked or not _CITING.match(ranked[0].body):
        return ranked
    cited = [n.number for n in find_numbers(ranked[0].body)]
    own = next((c for c in ranked[1:FIELD_CANDIDATES] if c.chunk.plan_id != ranked[0].chunk.plan_id
                and (plan := plan_of(c.chunk.plan_id)) is not None and any(same_number(n, plan.meta.number) for n in cited)),
               None)
    return [own] + [c for c in ranked if c is not own] if own is not None else ranked
