"""Duty text: the lines, clauses, roles and agency runs of the sentences that assign work, and the Assignment they make."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ground import vi
from ground.agencies import AgencyMention, find_agencies, normalize_agency
from ground.agency_lists import begins_agency, cell_agencies
from ground.plans import DO, LEAD, SUPPORT, Assignment, Role, Section
from ingest.deadlines import Deadline
from ingest.structure import path_at

CONNECTOR = re.compile(r"(?:\s|[,;&/()\-–]|\bvà\b|\bcùng\b)*")
LEADING_MARKER = re.compile(r"^\s*(?:[-–—+•●▪◦*·]+|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ][.)]|[IVX]+\.)\s*")
ASSIGN_VERB = re.compile(r"^(?:Giao(?: cho)?|Đề nghị|Yêu cầu|Chỉ đạo|Giao nhiệm vụ cho)\s+", re.IGNORECASE)
ROLE_AFTER = re.compile(
    r"^[\s,]*(?:là cơ quan|là đơn vị|có trách nhiệm|chịu trách nhiệm|chủ trì|phối hợp|thực hiện|tham mưu|"
    r"triển khai|tổ chức|xây dựng|hướng dẫn|theo dõi|chỉ đạo|bố trí|căn cứ|chủ động|tiếp tục|nghiên cứu|"
    r"lồng ghép|đẩy mạnh|tăng cường|báo cáo)",
    re.IGNORECASE,
)
STRONG_ROLE_AFTER = re.compile(r"^[\s,]*(?:là cơ quan|là đơn vị|chủ trì|phối hợp|thực hiện|tham mưu)",
                                re.IGNORECASE)
PARTNERS = re.compile(r"phối hợp(?: chặt chẽ)?(?: với| cùng)?\s+", re.IGNORECASE)
LEAD_CUE = re.compile(r"chủ trì|cơ quan thường trực|cơ quan đầu mối|đơn vị đầu mối|làm đầu mối", re.IGNORECASE)
SUPPORT_START = re.compile(r"^(?:chủ động |tích cực |tiếp tục |kịp thời )?phối hợp", re.IGNORECASE)


def duty_lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-empty line of text[start:end], spaces trimmed."""
    pos = start
    for raw in text[start:end].split("\n"):
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        if body:
            yield pos + lead, pos + lead + len(body)
        pos += len(raw) + 1


def clauses(text: str, start: int, end: int, on_semicolon: bool = True) -> list[tuple[int, int]]:
    """Split a duty into sentences (and ";"-separated duties); very short pieces stay with the previous."""
    pattern = r";\s+|\.\s+" if on_semicolon else r"\.\s+"
    pieces, pos = [], start
    for m in re.finditer(pattern, text[start:end]):
        if m.group().startswith(".") and not text[start + m.end():start + m.end() + 1].isupper():
            continue  # a sentence ends only before a capital letter
        if m.group().startswith(".") and vi.abbreviation_before(text, start + m.start()):
            continue  # "TP. Hồ Chí Minh"
        pieces.append((pos, start + m.start()))
        pos = start + m.end()
    pieces.append((pos, end))
    merged: list[tuple[int, int]] = []
    for a, b in pieces:
        if merged and len(vi.syllables(text[a:b])) < 4:
            merged[-1] = (merged[-1][0], b)
        elif text[a:b].strip():
            merged.append((a, b))
    return [trim_span(text, a, b) for a, b in merged]


def trim_span(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \t:,;.-–+•":
        a += 1
    while b > a and text[b - 1] in " \t:,;.":
        b -= 1
    return a, b


def role_of(clause: str) -> Role:
    """The role a duty gives its subject, from its wording."""
    text = clause.strip()
    support = SUPPORT_START.match(text)
    lead = LEAD_CUE.search(text)
    if support and not (lead and lead.start() < support.end()):
        return SUPPORT
    if lead:
        partner = re.search(r"phối hợp", text, re.IGNORECASE)
        if partner is None or lead.start() < partner.start() or text[:partner.start()].strip(" ,") == "":
            return LEAD
    return DO


def run_at(mentions: list[AgencyMention], text: str, pos: int) -> list[AgencyMention]:
    """Agencies listed one after another from `pos` ("Sở A, Sở B và UBND các huyện")."""
    run: list[AgencyMention] = []
    cursor = pos
    for m in mentions:
        if m.start < cursor:
            continue
        gap = text[cursor:m.start]
        if (gap.strip() != "") if not run else (CONNECTOR.fullmatch(gap) is None):
            break
        run.append(m)
        cursor = m.end
    return run


NAME_SYLLABLES = 16  # the longest body's name a list holds ("Ban Quản lý Khu kinh tế cửa khẩu … - Lạng Sơn")


def agency_list(text: str) -> list[AgencyMention] | None:
    """The agencies of a heading or label that names only agencies ("Sở Ngoại vụ", "Công an tỉnh, Bộ
    Chỉ huy Quân sự tỉnh:"); an agency-like name outside the table counts, verbatim. None otherwise."""
    body = text.strip().rstrip(":").strip()
    body = ASSIGN_VERB.sub("", body)
    if not body:
        return None
    mentions = find_agencies(body)
    run = run_at(mentions, body, 0)
    listed = cell_agencies(body)  # "Báo Lam Giang, Đài Phát thanh và Truyền hình tỉnh": names split at their heads
    # (each a name, not a sentence opening with one: "Sở X cung cấp danh mục …; Công an tỉnh cung cấp …")
    if len(listed) > len(run) >= 1 and all((m.known or begins_agency(m.raw)) and len(vi.syllables(m.raw)) <= NAME_SYLLABLES
                                           for m in listed):
        return listed
    # (a note on its part after the name, "Sở X (cơ quan thường trực):", is no words of a duty)
    if run and CONNECTOR.fullmatch(_ROLE_NOTE.sub("", body[run[-1].end:])) is not None:
        return run
    return None


_ROLE_NOTE = re.compile(r"^\s*\((?:cơ quan|đơn vị|là)[^()]{0,40}\)", re.IGNORECASE)


def make_assignment(
    mention: AgencyMention, role: Role, text: str, a: int, b: int, root: Section, offset: int,
    deadline: Deadline | None,
) -> Assignment:
    return Assignment(
        agency=mention.canonical if mention.known else normalize_agency(mention.raw).canonical,
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
