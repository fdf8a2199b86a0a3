"""Who does what by when: assignments extracted from a plan's text and section tree.

Three sources, as plans are written:
(a) the "Tổ chức thực hiện" section: sub-sections or bullets headed by an agency ("1. Sở Ngoại vụ",
    "- Sở Ngoại vụ: chủ trì …") whose lines are its duties, and sentences led by an agency
    ("Giao Sở Ngoại vụ chủ trì, phối hợp với … tham mưu …");
(b) whole task records (ingest/task_tables.py): task-table rows, which ingest/tables.py writes as sentences
    ("Nhiệm vụ 3: …; chủ trì: …; phối hợp: …; thời gian: …"), wherever they are (usually "Phụ lục"), and
    activity lists with labelled lines ("- Thời gian: …", "- Cơ quan chủ trì: …", "- Kinh phí: …");
(c) tasks under "Nội dung và giải pháp" / "Nhiệm vụ" that name an agency with a role
    ("(Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Ngoại vụ)", "giao Sở … thực hiện").
Agencies are normalised by ground.agencies; unknown names are kept verbatim.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ground import vi
from ground.agencies import AgencyMention, find_agencies
from ground.plans import DO, LEAD, SUPPORT, Assignment, Role, Section, due_by  # noqa: F401 - Assignment, due_by: public here
from ingest.deadlines import find_deadline, parse_deadline  # noqa: F401 - parse_deadline: public here too
from ingest.duty_text import (
    ASSIGN_VERB,
    LEAD_CUE,
    LEADING_MARKER,
    PARTNERS,
    ROLE_AFTER,
    STRONG_ROLE_AFTER,
    SUPPORT_START,
    agency_list,
    clauses,
    duty_lines,
    make_assignment,
    role_of,
    run_at,
)
from ingest.structure import chain_at, is_bullet, is_signature
from ingest.task_tables import column_role, record_assignments  # noqa: F401 - column_role: public here


def _duty(
    subjects: list[AgencyMention], text: str, a: int, b: int, root: Section,
    role: Role | None = None, partners: list[AgencyMention] | None = None,
) -> list[Assignment]:
    """Assignments for one duty clause text[a:b] of `subjects`. A clause that names no role takes
    `role` and `partners` from what introduced it."""
    clause = text[a:b]
    has_role = bool(LEAD_CUE.search(clause) or SUPPORT_START.match(clause.strip()) or PARTNERS.search(clause))
    if has_role or role is None:
        role = role_of(clause)
    found_partners: list[AgencyMention] = []
    if role != SUPPORT:
        m = PARTNERS.search(clause)
        if m:
            found_partners = run_at(find_agencies(clause), clause, m.end())
        elif not has_role:
            found_partners = partners or []
    found = find_deadline(clause)
    deadline = found[0] if found else None
    out = [make_assignment(s, role, text, a, b, root, a, deadline) for s in subjects]
    subject_names = {s.canonical for s in subjects}
    out += [make_assignment(p, SUPPORT, text, a, b, root, a, deadline) for p in found_partners if p.canonical not in subject_names]
    return out


def _own_subjects(subjects: list[AgencyMention], text: str, a: int, b: int) -> list[AgencyMention]:
    """Under a heading naming several agencies, a clause opening with some of them is theirs alone ("Sở X cung cấp
    danh mục …; Công an tỉnh cung cấp tình hình …")."""
    if len(subjects) < 2:
        return subjects
    clause = text[a:b]
    run = run_at(find_agencies(clause), clause, len(clause) - len(clause.lstrip()))
    names = {s.canonical for s in subjects}
    return subjects if not run or any(m.canonical not in names for m in run) else \
        [s for s in subjects if s.canonical in {m.canonical for m in run}]


def _duties(subjects: list[AgencyMention], text: str, a: int, b: int, root: Section,
            role: Role | None = None, partners: list[AgencyMention] | None = None) -> list[Assignment]:
    """One item's duties, split at ";" and sentences. Later clauses keep the role of the first
    ("Chủ trì …; tổng hợp …"); partners carry over only from an intro line ("chủ trì, phối hợp với X
    thực hiện các nhiệm vụ sau:"), since after "; " a new verb usually starts the subject's own task."""
    out: list[Assignment] = []
    last: list[Assignment] = []  # the previous clause's duties, which a partners or a time clause completes
    for ca, cb in clauses(text, a, b):
        if last and (named := _partners_only(text, ca, cb)) is not None:
            # "Chủ trì tổ chức …; phối hợp với Sở X, Sở Y; thời gian: Quý III/2028.": the partners of that task
            lead = last[0]
            have = {x.agency for x in last}
            extra = [make_assignment(m, SUPPORT, text, lead.start, lead.end, root, lead.start, None)
                     for m in named if m.canonical not in have]
            last += extra
            out += extra
            continue
        if last and (when := _time_only(text[ca:cb])) is not None:
            for item in last:  # "…; hoàn thành trước 30/6/2027": that task's deadline, no duty of its own
                if item.deadline is None:
                    item.deadline, item.due_year = when.text, when.due_year
                    item.period, item.recurring = when.period, when.recurring
            continue
        made = _duty(_own_subjects(subjects, text, ca, cb), text, ca, cb, root, role, partners)
        role = made[0].role if made else role
        out += made
        last = list(made)
    return out


TASK_AFTER_PARTNERS = 2  # words after "phối hợp với <bodies>" beyond which the clause is a task of its own
_TIME_LEAD = re.compile(r"^\s*(?:thoi gian(?: thuc hien| hoan thanh)?|thoi han|han|hoan thanh|truoc ngay|truoc|dinh ky"
                        r"|hang nam|hang quy|quy [ivx]+|nam \d{4}|thang \d{1,2})\b")


def _partners_only(text: str, a: int, b: int) -> list[AgencyMention] | None:
    """The bodies of a clause that only names partners ("phối hợp với Sở Văn hóa, Thể thao và Du lịch, Sở Khoa học
    và Công nghệ"), or None when the clause goes on to a task ("phối hợp với Sở Ngoại vụ vận động …")."""
    clause = text[a:b]
    m = PARTNERS.search(clause)
    if not m or clause[:m.start()].strip(" -–+•;,."):
        return None
    named = run_at(find_agencies(clause), clause, m.end())
    if not named:
        return None
    rest = re.sub(r"\b(?:các|cơ quan|đơn vị|liên quan|và|có)\b", " ", clause[named[-1].end:], flags=re.IGNORECASE)
    return named if len(vi.syllables(rest)) <= TASK_AFTER_PARTNERS else None


def _time_only(clause: str):
    """The deadline of a clause that only dates the one before ("thời gian: Quý III/2028", "hoàn thành trước
    31/12/2028"), or None."""
    if not _TIME_LEAD.match(vi.collapse(clause.strip(" -–+•;,."))):
        return None
    found = find_deadline(clause)
    return found[0] if found else None


_ARTICLE = re.compile(r"^\s*Điều\s+\d{1,3}\s*[.:]\s*")  # "Điều 14. Bộ Chỉ huy …": a regulation's article of one body


def _content_start(text: str, a: int, b: int) -> int:
    m = LEADING_MARKER.match(text[a:b]) or _ARTICLE.match(text[a:b])
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
    lead = len(body) - len(ASSIGN_VERB.sub("", body))
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
    verb = ASSIGN_VERB.match(line)
    offset = verb.end() if verb else 0
    mentions = find_agencies(line)
    run = run_at(mentions, line, offset)
    if not run:
        return None
    rest = line[run[-1].end:]
    if not verb and not ROLE_AFTER.match(rest):  # after "Giao …"/"Đề nghị …" any wording is a duty
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
        m = PARTNERS.search(rest)
        if m and role != SUPPORT:
            partners = run_at(find_agencies(rest), rest, m.end())
        return _Context(node.start, led[0], role, tuple(partners))
    return None


# ---------------------------------------------------------------- (a) Tổ chức thực hiện

_ORGANISING = re.compile(r"to chuc thuc hien|trach nhiem thuc hien|phan cong (?:nhiem vu|thuc hien|trach nhiem)|"
                         r"trach nhiem cua cac|giao nhiem vu|nhiem vu cua (?:cac )?(?:co quan|don vi|so|nganh|dia phuong)")
_CONTENT = re.compile(r"noi dung|nhiem vu|giai phap|hoat dong|chuong trinh hanh dong")
_TIME_LINE = re.compile(r"^thoi (?:gian|han)(?: thuc hien| hoan thanh)?\s*:")


def _outermost(root: Section, pattern: re.Pattern, skip: Sequence[Section] = ()) -> list[Section]:
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


def _organising_assignments(text: str, root: Section, section: Section, used: set[int]) -> list[Assignment]:
    out: list[Assignment] = []
    contexts: dict[int, _Context | None] = {}
    for a, b in duty_lines(text, section.body_start, section.end):
        c = _content_start(text, a, b)
        if c >= b or text[a] == "|" or a in used:
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
        else:
            if context:
                out += _duties(context.subjects, text, c, b, root, context.role, list(context.partners))
            # (…and a body the line itself gives a task, under a heading of its own or of a body no list holds:
            # "6. Đảng ủy Ủy ban MTTQ tỉnh / Lãnh đạo … Tỉnh đoàn …; Tỉnh đoàn chủ trì “Trại hè …”")
            own = {m.canonical for m in context.subjects} if context else set()
            # (not a line of labelled roles, "…: cơ quan chủ trì: X; cơ quan phối hợp: Y", a record read whole elsewhere)
            for sa, sb in ([] if _PAREN_LABEL.search(text, c, b) else clauses(text, c, b, on_semicolon=True)):
                out += [x for x in _sentence_assignments(text, root, sa, sb) if x.agency not in own]
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


# ---------------------------------------------------------------- (c) Nội dung và giải pháp

_PAREN_LABEL = re.compile(r"(?:cơ quan|đơn vị)\s+(chủ trì|phối hợp|thực hiện)\s*:\s*", re.IGNORECASE)


def _content_assignments(text: str, root: Section, section: Section, used: set[int]) -> list[Assignment]:
    out: list[Assignment] = []
    for a, b in duty_lines(text, section.body_start, section.end):
        if text[a] == "|" or a in used:
            continue
        c = _content_start(text, a, b)
        for sa, sb in clauses(text, c, b, on_semicolon=False):
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
        run = run_at(mentions[i:], sentence, m.start)
        after = sentence[run[-1].end:]
        role: Role | None = None
        if label and before.rstrip().endswith(":"):
            role = {"chủ trì": LEAD, "phối hợp": SUPPORT, "thực hiện": DO}[label.group(1).lower()]
        elif STRONG_ROLE_AFTER.match(after):  # "Sở X chủ trì, phối hợp với …"
            role = role_of(after)
        elif _ASSIGNED_BEFORE.search(before):  # "giao Sở X số hóa …"
            role = DO
        if role is None:
            continue
        used_until = run[-1].end
        for agency in run:
            if (agency.canonical, role) not in seen:
                seen.add((agency.canonical, role))
                out.append(make_assignment(agency, role, text, task_from, b, root, a, deadline))
        if role == LEAD:
            p = PARTNERS.search(after[:60])
            if p:
                offset = run[-1].end + p.end()
                partners = run_at([x for x in mentions if x.start >= offset], sentence, offset)
                for agency in partners:
                    if (agency.canonical, SUPPORT) not in seen:
                        seen.add((agency.canonical, SUPPORT))
                        out.append(make_assignment(agency, SUPPORT, text, task_from, b, root, a, deadline))
                if partners:
                    used_until = partners[-1].end
    return out


# ---------------------------------------------------------------- entry point


def extract_assignments(text: str, root: Section) -> list[Assignment]:
    """All assignments of a plan, in text order; `root` is parse_sections(text)."""
    organising = _outermost(root, _ORGANISING)
    found, used = record_assignments(text, root)  # task-table rows and activity lists: whole records
    for section in organising:
        found += _organising_assignments(text, root, section, used)
    for section in _outermost(root, _CONTENT, skip=organising):
        found += _content_assignments(text, root, section, used)
    unique: dict[tuple, Assignment] = {}
    for item in sorted(found, key=lambda x: (x.start, x.end)):
        unique.setdefault((item.agency, item.role, item.start, item.end), item)
    return list(unique.values())
