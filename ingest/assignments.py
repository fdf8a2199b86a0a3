"""Who does what by when: assignments extracted from a plan's text and section tree.

Three sources, as plans are written:
(a) the "Tổ chức thực hiện" section: sub-sections or bullets headed by an agency ("1. Sở Ngoại vụ",
    "- Sở Ngoại vụ: chủ trì …") whose lines are its duties, and sentences led by an agency
    ("Giao Sở Ngoại vụ chủ trì, phối hợp với … tham mưu …");
(b) task tables ("| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |"),
    wherever they are (usually "Phụ lục", "Danh mục nhiệm vụ");
(c) tasks under "Nội dung và giải pháp" / "Nhiệm vụ" that name an agency with a role
    ("(Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Ngoại vụ)", "giao Sở … thực hiện").
Agencies are normalised by ingest.agencies; unknown names are kept verbatim.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Iterator, Literal

from ngvh import vi

from .agencies import AgencyMention, fold_same_length, find_agencies, normalize_agency
from .models import Section
from .structure import chain_at, is_bullet, is_signature, path_at

Role = Literal["chủ trì", "phối hợp", "thực hiện"]
LEAD: Role = "chủ trì"
SUPPORT: Role = "phối hợp"
DO: Role = "thực hiện"


# ---------------------------------------------------------------- deadlines


@dataclass(frozen=True)
class Deadline:
    text: str  # as written: "hằng năm", "trước 31/12/2025", "giai đoạn 2022–2025"
    due_year: int | None  # latest year by which it is due
    period: tuple[int, int] | None  # explicit span of years
    recurring: bool  # hằng năm, thường xuyên, định kỳ, hằng quý …


_YEAR = r"(?:19|20)\d\d"
_RECURRING = re.compile(
    r"\b(?:(?:hang|moi) (?:nam|quy|thang|tuan|ky)|thuong xuyen|dinh ky|lien tuc|cac nam tiep theo|"
    r"nam tiep theo|tro di)\b"
)
_RANGE = re.compile(rf"\b({_YEAR})\s*(?:-|–|—|den(?: het)?(?: nam)?|toi(?: nam)?)\s*({_YEAR})\b")
_ANY_YEAR = re.compile(rf"(?<!\d)({_YEAR})(?!\d)")


def parse_deadline(text: str) -> Deadline:
    """Read a deadline or period as written in a plan (a table cell or a phrase).

    due_year is the latest year named (the end of a period); recurring marks repeated or continuous
    work. Dates and quarters give their year: "trước 31/12/2025" → 2025, "Quý III/2022" → 2022.
    """
    written = " ".join(text.split())
    folded = vi.fold(written)
    recurring = _RECURRING.search(folded) is not None
    period = None
    for m in _RANGE.finditer(folded):
        a, b = int(m.group(1)), int(m.group(2))
        if a <= b:
            period = (a if period is None else min(a, period[0]), b if period is None else max(b, period[1]))
    years = [int(y) for y in _ANY_YEAR.findall(folded)]
    due_year = max(years) if years else None
    if re.search(rf"\btu (?:nam )?{_YEAR}\b", folded) and period is None and len(years) == 1:
        # "từ năm 2023 trở đi": a start, not a due date
        recurring, due_year = True, None
    return Deadline(written, due_year, period, recurring)


# Deadline phrases inside running text. Each needs a cue so that dates of cited documents
# ("Quyết định số 2013/QĐ-TTg ngày 30/11/2021") and titles ("Chiến lược … đến năm 2030") are not read.
_DATE = r"\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*" + _YEAR + r")?"
_DATE_WORDS = r"\d{1,2} thang \d{1,2}(?: nam " + _YEAR + r")?"
_QUARTER = r"quy\s+(?:iv|i{1,3}|[1-4])\s*(?:/|nam|-)\s*" + _YEAR
_MONTH = r"thang\s+\d{1,2}\s*(?:/|nam)\s*" + _YEAR
_PHRASES = re.compile(
    "|".join(
        [
            rf"(?:truoc|cham nhat|han chot|den het|den|trong)\s+(?:ngay\s+)?(?:{_DATE}|{_DATE_WORDS})",
            rf"(?:trong |vao |truoc |den het |den )?(?:{_QUARTER}|{_MONTH})",
            rf"(?:6|sau) thang (?:dau|cuoi) nam {_YEAR}",
            rf"(?:trong |tu )?(?:giai doan|nam)?\s*{_YEAR}\s*(?:-|–|—|den(?: het)?(?: nam)?)\s*{_YEAR}",
            rf"(?:trong|vao|hoan thanh(?: trong| truoc)?|truoc|den het|den|cuoi|dau|giua|tu)\s+(?:nam\s+)?{_YEAR}"
            r"(?: tro di)?",
            r"(?:dinh ky )?(?:hang|moi) (?:nam|quy|thang|tuan)",
            r"thuong xuyen|dinh ky(?: \d+ thang)?|lien tuc",
        ]
    )
)
_WEAK_YEAR = re.compile(rf"\bnam ({_YEAR})\b")
_LABEL = re.compile(r"thoi (?:gian|han)(?: thuc hien| hoan thanh)?\s*:\s*")
# A year that belongs to a document title or vision: "Chiến lược … đến năm 2030", "tầm nhìn đến năm 2045".
_TITLE_WORD = re.compile(r"Chiến lược|Kế hoạch|Chương trình|Đề án|Quy hoạch|Nghị quyết|Quyết định|Chỉ thị|"
                         r"Kết luận|Luật|chiến lược|tầm nhìn")


# Phrases a title never uses: with these cues a year is always a deadline.
_DEADLINE_CUE = re.compile(r"truoc|vao|trong|tu |den het|hoan thanh|cham nhat|han chot|quy|thang|hang|moi|dinh ky|thuong xuyen|"
                           r"lien tuc|cuoi|dau|giua|6|sau")


def _in_title(text: str, start: int) -> bool:
    if _DEADLINE_CUE.match(fold_same_length(text[start:start + 12])):
        return False
    clause = re.split(r"[;:.()]", text[:start])[-1]  # not at commas: titles contain them
    return _TITLE_WORD.search(clause) is not None


def find_deadline(text: str) -> tuple[Deadline, int, int] | None:
    """The deadline stated in a task sentence, with its span in `text`; None when there is none."""
    folded = fold_same_length(text)
    label = _LABEL.search(folded)
    if label:
        end = label.end() + len(re.split(r"[;.)\n]", text[label.end():])[0])
        cell = text[label.end():end].strip(" ,")
        if cell:
            return parse_deadline(cell), label.end(), label.end() + len(text[label.end():end].rstrip(" ,"))
    spans = [(m.start(), m.end()) for m in _PHRASES.finditer(folded) if not _in_title(text, m.start())]
    if not spans:
        spans = [(m.start(), m.end()) for m in _WEAK_YEAR.finditer(folded) if not _in_title(text, m.start())]
        spans = spans[-1:]
    if not spans:
        return None
    start, end = spans[0][0], spans[-1][1]
    gaps = [text[a[1]:b[0]] for a, b in zip(spans, spans[1:])]
    if all(len(g) <= 12 for g in gaps):
        written = text[start:end]
    else:  # far apart: name each
        written = ", ".join(text[a:b] for a, b in spans)
    return parse_deadline(written), start, end


# ---------------------------------------------------------------- assignments


@dataclass
class Assignment:
    agency: str  # canonical name, or the name as written when unknown
    agency_raw: str
    known_agency: bool
    role: Role
    task: str
    deadline: str | None = None
    due_year: int | None = None
    period: tuple[int, int] | None = None
    recurring: bool = False
    section: str | None = None  # display path: "IV. TỔ CHỨC THỰC HIỆN › 1. Sở Ngoại vụ"
    start: int = 0  # offsets of the task in the plan text
    end: int = 0

    def to_dict(self) -> dict:
        data = asdict(self)
        data["period"] = list(self.period) if self.period else None
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Assignment":
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        if known.get("period") is not None:
            known["period"] = tuple(known["period"])
        return cls(**known)


def due_by(assignment: Assignment, year: int) -> Literal["due", "recurring"] | None:
    """Does "đến năm <year>" cover this assignment, and how?

    "due": a one-off task due by then (due_year ≤ year). "recurring": repeated or continuous work
    running at some point up to that year (no period, or a period starting by then).
    """
    if assignment.recurring:
        if assignment.period is None or assignment.period[0] <= year:
            return "recurring"
        return None
    if assignment.due_year is not None and assignment.due_year <= year:
        return "due"
    return None


# ---------------------------------------------------------------- text helpers

_CONNECTOR = re.compile(r"(?:\s|[,;&/()\-–]|\bvà\b|\bcùng\b)*")
_LEADING_MARKER = re.compile(r"^\s*(?:[-–—+•●▪◦*·]+|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ][.)]|[IVX]+\.)\s*")
_ASSIGN_VERB = re.compile(r"^(?:Giao(?: cho)?|Đề nghị|Yêu cầu|Chỉ đạo|Giao nhiệm vụ cho)\s+", re.IGNORECASE)
_ROLE_AFTER = re.compile(
    r"^[\s,]*(?:là cơ quan|là đơn vị|có trách nhiệm|chịu trách nhiệm|chủ trì|phối hợp|thực hiện|tham mưu|"
    r"triển khai|tổ chức|xây dựng|hướng dẫn|theo dõi|chỉ đạo|bố trí|căn cứ|chủ động|tiếp tục|nghiên cứu|"
    r"lồng ghép|đẩy mạnh|tăng cường|báo cáo)",
    re.IGNORECASE,
)
_STRONG_ROLE_AFTER = re.compile(r"^[\s,]*(?:là cơ quan|là đơn vị|chủ trì|phối hợp|thực hiện|tham mưu)",
                                re.IGNORECASE)
_PARTNERS = re.compile(r"phối hợp(?: chặt chẽ)?(?: với| cùng)?\s+", re.IGNORECASE)
_LEAD_CUE = re.compile(r"chủ trì|cơ quan thường trực|cơ quan đầu mối|đơn vị đầu mối|làm đầu mối", re.IGNORECASE)
_SUPPORT_START = re.compile(r"^(?:chủ động |tích cực |tiếp tục |kịp thời )?phối hợp", re.IGNORECASE)


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-empty line of text[start:end], spaces trimmed."""
    pos = start
    for raw in text[start:end].split("\n"):
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        if body:
            yield pos + lead, pos + lead + len(body)
        pos += len(raw) + 1


def _clauses(text: str, start: int, end: int, on_semicolon: bool = True) -> list[tuple[int, int]]:
    """Split a duty into sentences (and ";"-separated duties); very short pieces stay with the previous."""
    pattern = r";\s+|\.\s+" if on_semicolon else r"\.\s+"
    pieces, pos = [], start
    for m in re.finditer(pattern, text[start:end]):
        if m.group().startswith(".") and not text[start + m.end():start + m.end() + 1].isupper():
            continue  # a sentence ends only before a capital letter
        pieces.append((pos, start + m.start()))
        pos = start + m.end()
    pieces.append((pos, end))
    merged: list[tuple[int, int]] = []
    for a, b in pieces:
        if merged and len(vi.syllables(text[a:b])) < 4:
            merged[-1] = (merged[-1][0], b)
        elif text[a:b].strip():
            merged.append((a, b))
    return [_trim(text, a, b) for a, b in merged]


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \t:,;.-–+•":
        a += 1
    while b > a and text[b - 1] in " \t:,;.":
        b -= 1
    return a, b


def role_of(clause: str) -> Role:
    """The role a duty gives its subject, from its wording."""
    text = clause.strip()
    support = _SUPPORT_START.match(text)
    lead = _LEAD_CUE.search(text)
    if support and not (lead and lead.start() < support.end()):
        return SUPPORT
    if lead:
        partner = re.search(r"phối hợp", text, re.IGNORECASE)
        if partner is None or lead.start() < partner.start() or text[:partner.start()].strip(" ,") == "":
            return LEAD
    return DO


def _run_at(mentions: list[AgencyMention], text: str, pos: int) -> list[AgencyMention]:
    """Agencies listed one after another from `pos` ("Sở A, Sở B và UBND các huyện")."""
    run: list[AgencyMention] = []
    cursor = pos
    for m in mentions:
        if m.start < cursor:
            continue
        gap = text[cursor:m.start]
        if (gap.strip() != "") if not run else (_CONNECTOR.fullmatch(gap) is None):
            break
        run.append(m)
        cursor = m.end
    return run


def agency_list(text: str) -> list[AgencyMention] | None:
    """The agencies of a heading or label that names only agencies ("Sở Ngoại vụ", "Công an tỉnh, Bộ
    Chỉ huy Quân sự tỉnh:"); an agency-like name outside the table counts, verbatim. None otherwise."""
    body = text.strip().rstrip(":").strip()
    body = _ASSIGN_VERB.sub("", body)
    if not body:
        return None
    mentions = find_agencies(body)
    run = _run_at(mentions, body, 0)
    if run and _CONNECTOR.fullmatch(body[run[-1].end:]) is not None:
        return run
    return None


# ---------------------------------------------------------------- building assignments


def _make(
    mention: AgencyMention, role: Role, text: str, a: int, b: int, root: Section, offset: int,
    deadline: Deadline | None,
) -> Assignment:
    name = normalize_agency(mention.raw) if not mention.known else None
    return Assignment(
        agency=mention.canonical if mention.known else name.canonical,
        agency_raw=mention.raw,
        known_agency=mention.known,
        role=role,
        task=" ".join(text[a:b].split()),
        deadline=deadline.text if deadline else None,
        due_year=deadline.due_year if deadline else None,
        period=deadline.period if deadline else None,
        recurring=deadline.recurring if deadline else False,
        section=path_at(root, offset),
        start=a,
        end=b,
    )


def _duty(
    subjects: list[AgencyMention], text: str, a: int, b: int, root: Section,
    role: Role | None = None, partners: list[AgencyMention] | None = None,
) -> list[Assignment]:
    """Assignments for one duty clause text[a:b] of `subjects`. A clause that names no role takes
    `role` and `partners` from what introduced it."""
    clause = text[a:b]
    has_role = bool(_LEAD_CUE.search(clause) or _SUPPORT_START.match(clause.strip()) or _PARTNERS.search(clause))
    if has_role or role is None:
        role = role_of(clause)
    found_partners: list[AgencyMention] = []
    if role != SUPPORT:
        m = _PARTNERS.search(clause)
        if m:
            found_partners = _run_at(find_agencies(clause), clause, m.end())
        elif not has_role:
            found_partners = partners or []
    found = find_deadline(clause)
    deadline = found[0] if found else None
    out = [_make(s, role, text, a, b, root, a, deadline) for s in subjects]
    subject_names = {s.canonical for s in subjects}
    out += [_make(p, SUPPORT, text, a, b, root, a, deadline) for p in found_partners if p.canonical not in subject_names]
    return out


def _duties(subjects: list[AgencyMention], text: str, a: int, b: int, root: Section,
            role: Role | None = None, partners: list[AgencyMention] | None = None) -> list[Assignment]:
    """One item's duties, split at ";" and sentences. Later clauses keep the role of the first
    ("Chủ trì …; tổng hợp …"); partners carry over only from an intro line ("chủ trì, phối hợp với X
    thực hiện các nhiệm vụ sau:"), since after "; " a new verb usually starts the subject's own task."""
    out: list[Assignment] = []
    for ca, cb in _clauses(text, a, b):
        made = _duty(subjects, text, ca, cb, root, role, partners)
        role = made[0].role if made else role
        out += made
    return out


def _content_start(text: str, a: int, b: int) -> int:
    m = _LEADING_MARKER.match(text[a:b])
    return a + (m.end() if m else 0)


def _labelled(text: str, a: int, b: int) -> tuple[list[AgencyMention], int] | None:
    """"Sở Ngoại vụ: chủ trì …" → (agencies, start of the duty text)."""
    colon = text.find(":", a, b)
    if colon < 0 or colon - a > 200:
        return None
    agencies = agency_list(text[a:colon]) or _unlisted_agency(text, a, colon)
    if not agencies:
        return None
    shift = a + len(text[a:colon]) - len(text[a:colon].lstrip())
    body = text[a:colon].strip()
    lead = len(body) - len(_ASSIGN_VERB.sub("", body))
    moved = [AgencyMention(m.canonical, m.raw, m.start + shift + lead, m.end + shift + lead, m.known) for m in agencies]
    return moved, colon + 1


_ROLE_WORDS = re.compile(r"chủ trì|phối hợp|thực hiện|tham mưu|thời gian|kinh phí", re.IGNORECASE)


def _unlisted_agency(text: str, a: int, b: int) -> list[AgencyMention] | None:
    """A label that starts like an agency but is not one we can parse ("Ban Quản lý Khu kinh tế cửa
    khẩu Đồng Đăng - Lạng Sơn:"): the whole label is the agency, verbatim."""
    label = text[a:b].strip()
    mentions = find_agencies(label)
    if not mentions or mentions[0].start != 0 or len(vi.syllables(label)) > 16 or _ROLE_WORDS.search(label):
        return None
    return [AgencyMention(label, label, 0, len(label), False)]


def _subject_led(text: str, a: int, b: int) -> tuple[list[AgencyMention], int] | None:
    """"Giao Sở Ngoại vụ chủ trì …", "Sở Tài chính tham mưu …" → (agencies, start of the duty)."""
    line = text[a:b]
    verb = _ASSIGN_VERB.match(line)
    offset = verb.end() if verb else 0
    mentions = find_agencies(line)
    run = _run_at(mentions, line, offset)
    if not run:
        return None
    rest = line[run[-1].end:]
    if not verb and not _ROLE_AFTER.match(rest):  # after "Giao …"/"Đề nghị …" any wording is a duty
        return None
    moved = [AgencyMention(m.canonical, m.raw, m.start + a, m.end + a, m.known) for m in run]
    return moved, a + run[-1].end


@dataclass(frozen=True)
class _Context:
    """Who the lines under a sub-section or bullet are about, and the role and partners it sets."""

    start: int  # where the heading line starts
    subjects: list[AgencyMention]
    role: Role | None = None
    partners: tuple[AgencyMention, ...] = ()


def _node_context(text: str, node: Section) -> _Context | None:
    """The context a sub-section or bullet sets, from its first line ("1. Sở Ngoại vụ", "- Sở X:",
    "c) Sở X chủ trì, phối hợp với … thực hiện các nhiệm vụ sau:")."""
    line_end = text.find("\n", node.start)
    line_end = len(text) if line_end < 0 else line_end
    a = _content_start(text, node.start, line_end)
    whole = agency_list(text[a:line_end])
    if whole:
        return _Context(node.start, whole)
    labelled = _labelled(text, a, line_end)
    if labelled:
        return _Context(node.start, labelled[0])
    led = _subject_led(text, a, line_end)
    if led and text[a:line_end].rstrip().endswith(":"):
        rest = text[led[1]:line_end]
        role = role_of(rest)
        partners: list[AgencyMention] = []
        m = _PARTNERS.search(rest)
        if m and role != SUPPORT:
            partners = _run_at(find_agencies(rest), rest, m.end())
        return _Context(node.start, led[0], role, tuple(partners))
    return None


# ---------------------------------------------------------------- (a) Tổ chức thực hiện

_ORGANISING = re.compile(r"to chuc thuc hien|trach nhiem thuc hien|phan cong (?:nhiem vu|thuc hien|trach nhiem)|"
                         r"trach nhiem cua cac|giao nhiem vu")
_CONTENT = re.compile(r"noi dung|nhiem vu|giai phap|hoat dong|chuong trinh hanh dong")
_TIME_LINE = re.compile(r"^thoi (?:gian|han)(?: thuc hien| hoan thanh)?\s*:")


def _outermost(root: Section, pattern: re.Pattern, skip: list[Section] = ()) -> list[Section]:
    found: list[Section] = []

    def visit(node: Section) -> None:
        for child in node.children:
            if is_bullet(child) or is_signature(child) or any(child is s for s in skip):
                continue
            if pattern.search(vi.fold(child.heading)):
                found.append(child)
            else:
                visit(child)

    visit(root)
    return found


def _organising_assignments(text: str, root: Section, section: Section) -> list[Assignment]:
    out: list[Assignment] = []
    contexts: dict[int, _Context | None] = {}
    for a, b in _lines(text, section.body_start, section.end):
        c = _content_start(text, a, b)
        if c >= b or text[a] == "|":
            continue
        context = _context_at(text, root, section, a, contexts)
        line = text[c:b]
        if agency_list(line):
            continue  # a heading naming the agency: its duties follow
        if _TIME_LINE.match(vi.fold(line)):
            _apply_time(out, line, context)
            continue
        if line.rstrip().endswith(":"):
            continue  # "… thực hiện các nhiệm vụ sau:" introduces the items below it
        led = _labelled(text, c, b) or _subject_led(text, c, b)
        if led:
            out += _duties(led[0], text, led[1], b, root)
        elif context:
            out += _duties(context.subjects, text, c, b, root, context.role, list(context.partners))
    return out


def _context_at(text: str, root: Section, section: Section, offset: int,
                cache: dict[int, _Context | None]) -> _Context | None:
    """The innermost enclosing sub-section or bullet (not the line's own) that names agencies."""
    chain = [n for n in chain_at(root, offset) if n.start >= section.body_start]
    for node in reversed(chain):
        if node.start == offset:
            continue
        if id(node) not in cache:
            cache[id(node)] = _node_context(text, node)
        if cache[id(node)]:
            return cache[id(node)]
    return None


def _apply_time(done: list[Assignment], line: str, context: _Context | None) -> None:
    """"Thời gian thực hiện: hằng năm" closing an agency's duties applies to those still without one."""
    if not context:
        return
    deadline = parse_deadline(line.split(":", 1)[1].strip(" ."))
    for item in done:
        if item.start > context.start and item.deadline is None:
            item.deadline, item.due_year = deadline.text, deadline.due_year
            item.period, item.recurring = deadline.period, deadline.recurring


# ---------------------------------------------------------------- (b) task tables


def _cells(line: str) -> list[str]:
    inner = line.strip()
    if inner.startswith("|"):
        inner = inner[1:]
    if inner.endswith("|"):
        inner = inner[:-1]
    return [c.strip() for c in inner.split("|")]


def column_role(header: str) -> str | None:
    """What a task-table column holds, from its header cell."""
    h = vi.collapse(header)
    if not h:
        return None
    if re.fullmatch(r"(?:so )?t ?t|stt|so thu tu", h):
        return "number"
    if re.search(r"thoi gian|thoi han|tien do|nam thuc hien|moc thoi gian", h):
        return "deadline"
    if re.search(r"san pham|ket qua|du kien|kinh phi|nguon|ghi chu", h):
        return "other"
    if "phoi hop" in h and "chu tri" not in h:
        return "support"
    if "chu tri" in h:
        return "lead"
    if re.search(r"(?:co quan|don vi|bo phan)(?: thuc hien| phu trach| trien khai)?$|trach nhiem|phan cong|thuc hien$", h):
        return "agency"
    if re.search(r"noi dung|nhiem vu|hoat dong|de an|chuong trinh|ten", h):
        return "task"
    return None


def _is_header(cells: list[str]) -> bool:
    roles = [column_role(c) for c in cells]
    return "task" in roles and any(r in ("lead", "agency", "support") for r in roles)


def _table_blocks(text: str) -> Iterator[list[tuple[int, int]]]:
    """Runs of table-row lines ("| … | … |"), one per table."""
    block: list[tuple[int, int]] = []
    for a, b in _lines(text, 0, len(text)):
        if text[a] == "|":
            block.append((a, b))
        elif block:
            yield block
            block = []
    if block:
        yield block


def _agency_cell(cell: str) -> list[AgencyMention]:
    """Agencies of a table cell; words that are not a table name are kept verbatim, never dropped."""
    mentions = find_agencies(cell)
    out, cursor = [], 0
    for m in [*mentions, None]:
        gap_end = m.start if m else len(cell)
        for piece in re.split(r"[;,\n]|\s-\s|\bvà\b", cell[cursor:gap_end]):
            name = piece.strip(" .:-–()+")
            if len(vi.syllables(name)) >= 1 and re.search(r"[^\W\d_]", name) and name.lower() not in ("các", "và"):
                out.append(AgencyMention(name, name, cursor, cursor, False))
        if m:
            out.append(m)
            cursor = m.end
    return out


def _table_assignments(text: str, root: Section) -> list[Assignment]:
    out: list[Assignment] = []
    for block in _table_blocks(text):
        section = _table_section(text, root, block[0][0])
        roles: list[str | None] | None = None  # column roles, once a header row is seen
        for a, b in block:
            cells = _cells(text[a:b])
            if _is_header(cells) and not cells[0].isdigit():
                roles = [column_role(c) for c in cells]
            elif roles is not None and _sub_header(cells):
                roles = _merge_header(roles, cells)
            elif roles is not None:
                for item in _row_assignments(text, root, a, b, cells, roles):
                    item.section = section
                    out.append(item)
    return out


def _sub_header(cells: list[str]) -> bool:
    """Second header row under a merged "Cơ quan thực hiện": "| | | Chủ trì | Phối hợp | |"."""
    folded = [vi.collapse(c) for c in cells]
    return any(f in ("chu tri", "phoi hop") for f in folded) and not any(re.fullmatch(r"\d+", f) for f in folded)


def _merge_header(roles: list[str | None], cells: list[str]) -> list[str | None]:
    merged = [column_role(c) for c in cells]
    if len(cells) == len(roles):
        return [m or r for m, r in zip(merged, roles)]
    return merged


def _row_assignments(text: str, root: Section, a: int, b: int, cells: list[str], roles: list) -> list[Assignment]:
    if len(cells) != len(roles):
        return []  # a group row ("| I | Công tác tuyên truyền |") or a row we cannot align
    by_role: dict[str, str] = {}
    for cell, role in zip(cells, roles):
        if role and cell and role not in by_role:
            by_role[role] = cell
    task = by_role.get("task")
    if not task or vi.collapse(task) == vi.collapse(by_role.get("lead", "")):
        return []
    deadline = parse_deadline(by_role["deadline"]) if by_role.get("deadline") else None
    task_start = text.find(task, a, b)
    ta, tb = (task_start, task_start + len(task)) if task_start >= 0 else (a, b)
    out = []
    for key, role in (("lead", LEAD), ("agency", DO), ("support", SUPPORT)):
        for mention in _agency_cell(by_role.get(key, "")):
            out.append(_make(mention, role, text, ta, tb, root, a, deadline))
    return out


def _table_section(text: str, root: Section, offset: int) -> str | None:
    """The path of a table; a table after the signature block takes its own title ("PHỤ LỤC …")."""
    path = path_at(root, offset)
    if path and not path.endswith("Nơi nhận"):
        return path
    titles = []
    for a, b in reversed(list(_lines(text, max(0, offset - 600), offset))):
        line = text[a:b]
        if line.startswith("|"):
            continue
        if re.search(r"phu luc|danh muc|bieu|bang", vi.fold(line)):
            titles.insert(0, line)
        elif titles:
            break
    return " › ".join(titles) if titles else path


# ---------------------------------------------------------------- (c) Nội dung và giải pháp

_PAREN_LABEL = re.compile(r"(?:cơ quan|đơn vị)\s+(chủ trì|phối hợp|thực hiện)\s*:\s*", re.IGNORECASE)


def _content_assignments(text: str, root: Section, section: Section) -> list[Assignment]:
    out: list[Assignment] = []
    for a, b in _lines(text, section.body_start, section.end):
        if text[a] == "|":
            continue
        c = _content_start(text, a, b)
        for sa, sb in _clauses(text, c, b, on_semicolon=False):
            # "… Cơ quan thực hiện: Sở X." names who does the sentences before it
            task_start = c if _LABEL_SENTENCE.match(text[sa:sb]) else sa
            out += _sentence_assignments(text, root, sa, sb, task_start)
    return out


_ASSIGNED_BEFORE = re.compile(r"(?:giao(?: cho)?|đề nghị|yêu cầu)\s*$", re.IGNORECASE)
_LABEL_SENTENCE = re.compile(r"\(?(?:cơ quan|đơn vị)\s+(?:chủ trì|phối hợp|thực hiện)\s*:", re.IGNORECASE)


def _sentence_assignments(text: str, root: Section, a: int, b: int, task_start: int | None = None) -> list[Assignment]:
    """Agencies given a role in a task sentence: "(Sở X chủ trì, phối hợp với Sở Y)", "giao Sở X thực
    hiện", "(Cơ quan chủ trì: Sở X; cơ quan phối hợp: Sở Y)"."""
    sentence = text[a:b]
    task_from = a if task_start is None else task_start
    mentions = find_agencies(sentence)
    found = find_deadline(sentence)
    deadline = found[0] if found else None
    out: list[Assignment] = []
    seen: set[tuple[str, str]] = set()
    used_until = 0
    for i, m in enumerate(mentions):
        if m.start < used_until:
            continue
        before = sentence[:m.start]
        label = _PAREN_LABEL.search(before[-40:]) if before else None
        run = _run_at(mentions[i:], sentence, m.start)
        after = sentence[run[-1].end:]
        role: Role | None = None
        if label and before.rstrip().endswith(":"):
            role = {"chủ trì": LEAD, "phối hợp": SUPPORT, "thực hiện": DO}[label.group(1).lower()]
        elif _STRONG_ROLE_AFTER.match(after):  # "Sở X chủ trì, phối hợp với …"
            role = role_of(after)
        elif _ASSIGNED_BEFORE.search(before):  # "giao Sở X số hóa …"
            role = DO
        if role is None:
            continue
        used_until = run[-1].end
        for agency in run:
            if (agency.canonical, role) not in seen:
                seen.add((agency.canonical, role))
                out.append(_make(agency, role, text, task_from, b, root, a, deadline))
        if role == LEAD:
            p = _PARTNERS.search(after[:60])
            if p:
                offset = run[-1].end + p.end()
                partners = _run_at([x for x in mentions if x.start >= offset], sentence, offset)
                for agency in partners:
                    if (agency.canonical, SUPPORT) not in seen:
                        seen.add((agency.canonical, SUPPORT))
                        out.append(_make(agency, SUPPORT, text, task_from, b, root, a, deadline))
                if partners:
                    used_until = partners[-1].end
    return out


# ---------------------------------------------------------------- entry point


def extract_assignments(text: str, root: Section) -> list[Assignment]:
    """All assignments of a plan, in text order; `root` is parse_sections(text)."""
    organising = _outermost(root, _ORGANISING)
    found: list[Assignment] = []
    for section in organising:
        found += _organising_assignments(text, root, section)
    for section in _outermost(root, _CONTENT, skip=organising):
        found += _content_assignments(text, root, section)
    found += _table_assignments(text, root)
    unique: dict[tuple, Assignment] = {}
    for item in sorted(found, key=lambda x: (x.start, x.end)):
        unique.setdefault((item.agency, item.role, item.start, item.end), item)
    return list(unique.values())
