"""Who holds a role a member list gives ("Ai làm Chủ tịch Hội đồng …?" of a decision's list "Bà Vũ Thị Mai: chức vụ: Phó
Chủ tịch UBND tỉnh; chức danh trong Hội đồng: Chủ tịch Hội đồng."): the member's row whose role is the one asked, cited.
A list read at ingest says each member as "<name>: <column>: <value>; …" or "Ông X, <office> – <role>"; the role is
its last value. The article defining the role ("Chủ tịch Hội đồng: Phó Chủ tịch UBND tỉnh …") names an office, no one."""
from __future__ import annotations

import re

from ground import vi
from rag.compose.citations import Point, number_points
from rag.compose.replies import not_stated
from rag.decide.holders import FULL_NAME, body_after, office_asked
from rag.find.plans import PlanIndex
from rag.find.search import Hit
from rag.models import Answer
from rag.understand.question import Question

ROLE_PLANS = 2  # texts of the top passages whose member lists are read
# a member's row: a person opens it ("Bà …", "Thượng tá …", a full name), then its fields or office and role
_MEMBER = re.compile(rf"^\s*(?:[-•+]\s*|\d{{1,3}}[.)]\s*)?(?:(?:Ông|Bà|Đồng chí|Đ/c|(?:Đại|Thượng|Trung|Thiếu) (?:tá|úy)|TS\.?"
                     rf"|ThS\.?|PGS\.?(?:,? ?TS\.?)?)\s+)?[{vi.UPPER}][{vi.LOWER}]+(?:\s+[{vi.UPPER}][{vi.LOWER}]+){{1,4}}\s*[,:]")
# the role a member's row ends with: its last field's value ("…; chức danh trong Hội đồng: Chủ tịch Hội đồng."), or
# the words after its last dash ("Ông X, Giám đốc Sở Ngoại vụ – Tổ phó thường trực")
_LAST_VALUE = re.compile(r"(?:;\s*[^:;]{2,60}:|\s[–-])\s*([^:;–]{2,60}?)\s*[.;]?\s*$")


def _role_of(line: str) -> str | None:
    m = _LAST_VALUE.search(line)
    return vi.collapse(m.group(1)) if m else None


def _fits(role: str, deputy: bool, title: str, folded: str, own_list: bool = False) -> int:
    """How well a row's role is the one asked: 0 when it is another ("Phó Chủ tịch" for "Chủ tịch", "Ủy viên"), else
    the number of its words, all of which the question says ("Chủ tịch Hội đồng" of "… Chủ tịch Hội đồng tư vấn …"),
    but for a standing deputy's "thường trực", which a question may leave out; an office held with another ("Ủy viên
    kiêm Thư ký") is held all the same."""
    words = role.split()
    if (at := role.rfind(f"kiem {title}")) >= 0 and role.endswith(title):
        words = role[at + len("kiem "):].split()  # "ủy viên kiêm thư ký": the secretary's row
    start = 1 if words[:1] == ["pho"] else 0
    if bool(start) != deputy or " ".join(words[start:start + len(title.split())]) != title:
        return 0
    # (the body asked with the office must be the role's: "Chủ tịch UBND tỉnh" is no member list's bare "Chủ tịch",
    # unless the list is that body's own, in the text titled for it: "Phó Chủ tịch" of the Hội đồng's own list)
    body = body_after(folded, title)
    rest = [w for w in words[start + len(title.split()):] if w not in _STANDING]
    if body is not None and rest[:1] != body.split()[:1] and not (own_list and not rest):
        return 0
    asked = set(folded.split())
    if _STANDING <= asked and not _STANDING <= set(words):
        return 0  # "phó chủ tịch thường trực" asked: not the other deputy
    return len([w for w in words if w not in _STANDING]) if all(w in asked for w in words if w not in _STANDING) else 0


_STANDING = frozenset({"thuong", "truc"})
MAX_HOLDERS = 3  # rows of one role shown together ("Phó Chủ tịch" held by two members)


def role_row_answer(q: Question, hits: list[Hit], index: PlanIndex) -> Answer | None:
    """The members whose rows give the role asked, from the top texts' member lists; None when the question asks no
    holder of an office, or no row (or too many) holds it."""
    points = role_rows(q.pq.folded, hits, index) if len(q.parts) == 1 and q.answer_type == "person" else []
    if not points:
        return None
    numbered = number_points(points, index.plan)
    return Answer(q.text, True, "\n".join(numbered.lines), numbered.citations, kind="passage", points=numbered.said)


def role_rows(folded: str, hits: list[Hit], index: PlanIndex) -> list[Point]:
    """The rows of the members holding the role a (folded) question or part asks the holder of."""
    office = office_asked(folded)
    if office is None or not hits:
        return []
    deputy, title = office
    body = body_after(folded, title)
    for plan_id in list(dict.fromkeys(h.chunk.plan_id for h in hits))[:ROLE_PLANS]:
        plan = index.plan(plan_id)
        own_list = body is not None and plan is not None and body in vi.collapse(plan.meta.title)
        rows = [(fit, line.strip(), chunk) for chunk in index.chunks(plan_id) for line in chunk.text.split("\n")
                if _MEMBER.match(line) and FULL_NAME.search(line) and (role := _role_of(line))
                and (fit := _fits(role, deputy, title, folded, own_list))]
        best = max((fit for fit, _, _ in rows), default=0)
        chosen = [Point(line, chunk, line, 1.0) for fit, line, chunk in rows if fit == best]
        if 0 < len(chosen) <= MAX_HOLDERS:
            return chosen
    return []


# "Công an tỉnh cử ai vào Hội đồng …", "ai là đại diện Sở X trong Ban Chỉ đạo": the member a body sends
_SENT_BY = re.compile(r"\b(?:cu ai|ai (?:la|lam) (?:dai dien|thanh vien)|dai dien(?: cua)? .{3,60}? (?:la ai|ten gi|ten la gi))\b")
MIN_MEMBERS = 3  # rows a text's member list holds before a body missing from it sends no one


def body_member_answer(q: Question, hits: list[Hit], index: PlanIndex) -> Answer | None:
    """The member rows of the body a question says sends someone; a refusal when the top text's member list has no
    row of that body; None when the question asks no such thing or no text in play lists members."""
    sent = body_rows(q.pq.folded, q.pq.agencies, hits, index) if len(q.parts) == 1 else None
    if sent is None:
        return None
    if not sent:
        body = next(a for a in q.pq.agencies if not _COUNCIL.match(vi.collapse(a)))
        return Answer(q.text, False, not_stated(f"thành viên do {body} cử"), kind="refusal")
    numbered = number_points(sent, index.plan)
    return Answer(q.text, True, "\n".join(numbered.lines), numbered.citations, kind="passage", points=numbered.said)


def body_rows(folded: str, agencies: list[str], hits: list[Hit], index: PlanIndex) -> list[Point] | None:
    """The rows of the members a body the (folded) question names sends, from the top texts' member lists: [] when
    the first list found has none of it, None when the question asks no such thing or no list is in play."""
    bodies = [a for a in agencies if not _COUNCIL.match(vi.collapse(a))]
    if not _SENT_BY.search(folded) or not hits or len(bodies) != 1:
        return None
    body = vi.collapse(bodies[0])
    for plan_id in list(dict.fromkeys(h.chunk.plan_id for h in hits))[:ROLE_PLANS]:
        members = [(line.strip(), chunk) for chunk in index.chunks(plan_id) for line in chunk.text.split("\n")
                   if _MEMBER.match(line) and FULL_NAME.search(line)]
        if len(members) < MIN_MEMBERS:
            continue
        sent = [Point(line, chunk, line, 1.0) for line, chunk in members if body in vi.collapse(line)]
        return sent if len(sent) <= MAX_HOLDERS else None
    return None


_COUNCIL = re.compile(r"^(?:hoi dong|ban chi dao|to cong tac|to giup viec|ban to chuc|tieu ban)\b")
