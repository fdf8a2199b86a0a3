"""Answers about a document the stored texts only cite (Chỉ thị 25/CT-TTg, the strategy a plan implements, a
decision that replaced a plan), from the mention index built at ingest (PlanMeta.mentions): the field a citing
sentence states, cited to that sentence — or "không có trong các văn bản đang có", never the citing plan's
own field."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ground import vi
from ground.display import date_as_written
from ground.numbers import kind_of_number
from rag.compose.citations import Point, number_points
from rag.find.plans import PlanIndex
from rag.find.scope import Scope, question_documents
from rag.models import Answer
from rag.ports import StoredPlan
from rag.understand.names import number_matches
from rag.understand.question import Question, without_question_words
from rag.understand.terms import coverage_of, query_terms, unit_terms

# the facts of a cited document a question may ask, and how an answer names them
FIELDS = {"date": "ngày ban hành", "signer": "người ký", "issuer": "cơ quan ban hành", "number": "số hiệu",
          "subject": "trích yếu"}
SUBJECT_MATCH = 0.6  # share of the question's content words a cited document's subject must hold to be the one asked
TITLE_MARGIN = 0.1  # …and by how much more than the title of any plan the question may be about


@dataclass(frozen=True)
class Cited:
    """One document as one stored plan cites it."""

    plan_id: str
    mention: dict[str, Any]

    @property
    def name(self) -> str:
        m = self.mention
        kind = m.get("kind") or "Văn bản"
        return f"{kind} {m['number']}" if m.get("number") else (m.get("title") or kind)


def by_number(numbers: list[str], index: PlanIndex) -> list[Cited]:
    """Every citation of the documents numbered so, across the stored plans (the richest first)."""
    found = [Cited(pid, m) for pid, plan in index.plans.items() for m in plan.meta.mentions
             if m.get("number") and any(number_matches(n, m["number"]) for n in numbers)]
    return sorted(found, key=lambda c: -_known(c.mention))


_BODY_WORDS = frozenset("uy ban ubnd hdnd so bo cuc vu hoi dong tinh thanh pho nha nuoc trung uong nhan dan".split())


def by_subject(q: Question, plan_ids: list[str] | None, index: PlanIndex) -> list[Cited]:
    """The cited document whose subject the question describes ("Chiến lược văn hóa đối ngoại … phê duyệt ngày
    nào?", "Đề án … được phê duyệt bằng quyết định nào?") — when it describes it better than any plan it may be
    about; every citation of that document."""
    # the years stay: "Chiến lược … đến năm 2030" is not the strategy to 2020
    terms = query_terms(without_question_words(q.pq.content or q.text))
    if not terms:
        return []
    ids = plan_ids if plan_ids is not None else list(index.plans)
    best: tuple[float, Cited | None] = (0.0, None)
    years = {t for t in terms if t.isdigit() and len(t) == 4}
    covered = coverage_of(terms, index.idf)
    # (a body the question names must be the cited document's: "… của Ủy ban Biên giới quốc gia" is no decision on
    # the Ủy ban Nhà nước về người Việt Nam ở nước ngoài)
    kind_asked = _KIND_ASKED.search(q.pq.folded)
    places = {w for p in q.pq.provinces for w in vi.folded_syllables(p)}  # (the place scopes; the body is the rest)
    named = {w for a in q.pq.agencies for w in vi.folded_syllables(a) if w not in _BODY_WORDS and w not in places}
    for pid in ids:
        plan = index.plan(pid)
        for m, said_years, said_terms in index.derived("mention_terms", plan, _mention_terms) if plan else ():
            if years - said_years or not named <= said_terms:
                continue  # "Chiến lược … đến năm 2030" is not the strategy to 2020
            if kind_asked and vi.fold(m.get("kind") or "").lower() != kind_asked.group(1):
                continue  # "… bằng tờ trình số mấy": a Tờ trình, not the decision the same sentence names
            score = covered(said_terms)
            if score > best[0]:
                best = (score, Cited(pid, m))
    score, cited = best
    if cited is None or score < SUBJECT_MATCH:
        return []
    own = max((covered(index.derived("title_terms", p, _title_terms))
               for p in (index.plan(i) for i in ids) if p and not _other_years(years, p.meta.title)), default=0.0)
    if score < own + TITLE_MARGIN:
        return []  # the question describes a stored plan as well: that plan answers
    number = cited.mention.get("number")
    if number and any(number_matches(number, p.meta.number) for p in index.plans.values()):
        return []  # the document described is stored in full: its own record answers, not a citing line
    key = number or cited.mention.get("title")
    same = [c for c in index.per_version("cited_all", _all) if (c.mention.get("number") or c.mention.get("title")) == key]
    # the plans the question is about cite it first: their sentence is the one to show
    return sorted(same, key=lambda c: c.plan_id not in ids) or [cited]


def _other_years(years: set[str], title: str | None) -> bool:
    """A title dated by other years than those asked ("… đến năm 2020" when 2030 is asked) is not described."""
    named = set(re.findall(r"\b(?:19|20)\d\d\b", title or ""))
    return bool(years and named and not years & named)


_KIND_WORD = re.compile(r"\b(ke hoach|quyet dinh|chi thi|nghi quyet|nghi dinh|thong tu|de an|chien luoc|cong van|quy hoach"
                        r"|chuong trinh|luat|ket luan)\b( (?:nao|gi|so may))?")


def _other_kind(q: Question, plan_ids: list[str] | None, index: PlanIndex) -> bool:
    """The question is about a kind of document other than the plans it names: it opens with one ("Đề án …",
    "Chiến lược …") or asks for one ("… bằng công văn nào?") that those plans are not."""
    kinds = {vi.collapse(p.meta.doc_type or "ke hoach") for p in (index.plan(i) for i in plan_ids or []) if p}
    for m in _KIND_WORD.finditer(q.pq.folded):
        if m.group(1) not in kinds:
            return True
    return not kinds


# "kế hoạch nào thực hiện Chỉ thị 12": the document asked is the one carrying out the cited one, not the cited one
# ("… có chương trình hành động số mấy để thực hiện Chỉ thị 12-CT/TW?": the stored one's number)
_IMPLEMENTING = re.compile(r"\b(?:ke hoach|quyet dinh|van ban|chuong trinh|cong van|de an)(?: hanh dong)? (?:nao|gi|so may"
                           r"|so bao nhieu)\b(?: [a-z]+){0,3} "
                           r"(?:thuc hien|trien khai|cu the hoa|quan triet|lay|can cu|dua tren)\b")  # "… lấy QĐ 67 làm căn cứ"


def _implementing(q: Question, scope: Scope, index: PlanIndex) -> Answer | None:
    """The stored documents that carry out the cited one the question names (in the places it names), each cited to
    its line naming it; None when no stored document does (the passages may still say)."""
    ids = scope.plan_ids if scope.plan_ids is not None else list(index.plans)
    points = []
    for pid in ids:
        plan = index.plan(pid)
        if plan is None:
            continue
        for m in plan.meta.mentions:
            if m.get("number") and any(number_matches(n, m["number"]) for n in scope.other_documents) \
                    and any(number_matches(m["number"], n) for n in plan.meta.implements):
                chunk = index.chunk_at(pid, int(m.get("start") or 0))
                if chunk is not None:
                    label = f"{plan.meta.doc_type or 'Văn bản'} {plan.meta.number}" if plan.meta.number else plan.meta.title
                    points.append(Point(f"{label} thực hiện {Cited(pid, m).name}.", chunk, m.get("sentence") or chunk.text, 1.0))
                break
    if not points:
        return None
    numbered = number_points(points, index.plan)
    return Answer(q.text, True, "\n".join(numbered.lines), numbered.citations, kind="cited", points=numbered.said)


def cited_answer(q: Question, scope: Scope, index: PlanIndex) -> Answer | None:
    """The asked facts of the cited document the question is about, or that the texts do not state them; None
    when the question is not about a cited document, or asks what it says (the passages answer that)."""
    if q.catalog is not None:
        return None  # "tỉnh X có những quyết định nào thực hiện Chỉ thị 25": the catalog lists them
    if scope.other_documents and len(q.parts) == 1 and _IMPLEMENTING.search(q.pq.folded):
        return _implementing(q, scope, index)  # "Phú Yên có kế hoạch nào thực hiện Chỉ thị 12-CT/TW?": a stored one
    # "… phê duyệt bằng quyết định nào?" asks the cited document's number
    asked = [p.intent if p.intent in FIELDS else "number" if p.answer_type == "document" else "" for p in q.parts]
    if not all(asked):
        return None
    only_cited = scope.other_documents and (scope.plan_ids is None or len(scope.other_documents) == len(
        question_documents(q.pq)))  # every number asked is only cited, whatever place narrowed the plans
    if only_cited and other_kind_asked(q.pq.folded, scope.other_documents):
        return None  # "Báo cáo sơ kết … Kế hoạch 96 là báo cáo số mấy?": a stored report, not the cited plan
    if only_cited:
        cites = by_number(scope.other_documents, index)
    # (…or of the stored text it names, its grounds listed: "căn cứ những nghị định nào … trong Quyết định 92/QĐ-UBND?")
    elif not scope.other_documents and _GROUND_NAMED.search(q.pq.folded):
        cites = _ground_by_title(q.pq.folded, scope.plan_ids, index)
    elif (not q.pq.numbers and not q.pq.bare_numbers or not scope.other_documents and _GROUNDS_LISTED.search(q.pq.folded)) \
            and _other_kind(q, scope.plan_ids, index):
        cites = by_subject(q, scope.plan_ids, index)
    else:
        return None
    if not cites:
        return None
    if asked == ["number"] and _PLURAL.search(q.pq.folded):
        listed = _same_kind_cited(cites[0], index)  # "căn cứ những công văn nào của Bộ X": every one it cites
        if len(listed) > 1:
            each = [p for p in (_point(c, "number", index) for c in listed) if p is not None]
            numbered = number_points(each, index.plan)
            return Answer(q.text, True, "\n".join(numbered.lines), numbered.citations, kind="cited",
                          points=numbered.said)
    points: list[Point] = []
    missing: list[str] = []
    for field in dict.fromkeys(asked):
        holder = next((c for c in cites if c.mention.get(field)), None)
        if holder is None:
            missing.append(FIELDS[field])
            continue
        chunk = index.chunk_at(holder.plan_id, int(holder.mention.get("start") or 0))
        if chunk is None:
            continue
        points.append(Point(_said(holder, field), chunk, holder.mention.get("sentence") or chunk.text, 1.0))
    name = cites[0].name
    if not points and "trích yếu" in missing:
        return None  # what a cited text is about: the citing passage may say it in words the index did not read
    if not points:
        return Answer(q.text, False, f"Các văn bản đang có chỉ nhắc tới {name}, không nêu {', '.join(missing)} "
                      "của văn bản này: không có trong các văn bản đang có.", kind="refusal")
    numbered = number_points(points, index.plan)
    lines = numbered.lines + [f"(Các văn bản đang có không nêu {what} của {name}.)" for what in missing]
    return Answer(q.text, True, "\n".join(lines), numbered.citations, kind="cited", points=numbered.said)


# "QĐ 2026/QĐ-TTg căn cứ Luật Di sản văn hóa ban hành ngày nào": a ground of the stored text named by its title
_GROUND_NAMED = re.compile(r"\bcan cu ((?:luat|nghi dinh|thong tu|chien luoc|chi thi|nghi quyet|de an)(?! (?:so|nao|gi)\b)"
                           r"(?: [a-z]+)+?)(?= (?:ban hanh|duoc|co|ngay|do|ky|la|nam|so|thi|cua)\b| ?$)")


def _ground_by_title(folded: str, plan_ids: list[str] | None, index: PlanIndex) -> list[Cited]:
    """The documents the stored texts (those asked of, first) cite under the title the question names."""
    m = _GROUND_NAMED.search(folded)
    title = m.group(1) if m else ""
    same = [c for c in index.per_version("cited_all", _all) if vi.collapse(c.mention.get("title") or "") == title]
    return sorted(same, key=lambda c: plan_ids is not None and c.plan_id not in plan_ids)
_GROUNDS_LISTED = re.compile(r"\b(?:can cu|theo|thuc hien|trien khai) (?:nhung|cac) [a-z ]{2,20}? nao\b")
# "… là báo cáo số mấy", "bằng quyết định nào": the kind of document whose number is asked
_KIND_ASKED = re.compile(r"\b(bao cao|quyet dinh|ke hoach|cong van|nghi quyet|chi thi|huong dan|thong bao|de an"
                         r"|chuong trinh|ket luan|to trinh|nghi dinh|thong tu|luat) (?:so may|so bao nhieu|so nao|nao)\b")


# "Thông tư hướng dẫn thi hành Nghị định 12/2012 …": a document of another kind, described by the one it carries out
_DESCRIBED_BY = re.compile(r"^(?:[a-z]+ ){0,3}?(thong tu|quyet dinh|ke hoach|huong dan|cong van|chuong trinh|nghi dinh"
                           r"|quy che|de an)\b(?: [a-z]+){0,3}? (?:huong dan|thi hanh|thuc hien|trien khai|quy dinh chi tiet"
                           r"|sua doi|cu the hoa)\b")


# a document a part names as the one carried out, after the fact it asks: the asked fact is of the text that does so
_CARRIED_OUT = re.compile(r"\b(?:de|nham) (?:thuc hien|trien khai|cu the hoa|thi hanh)\b")


def carried_out(part: str) -> bool:
    """"…, ngày nào để thực hiện Quyết định 259/QĐ-TTg?": the document named is the one carried out, not asked of."""
    return _CARRIED_OUT.search(vi.collapse(part)) is not None


def other_kind_asked(folded: str, cited: Sequence[str]) -> bool:
    """The (folded) question asks the number of a kind of document that none of the cited ones it names is, or
    asks about a document of another kind that carries the cited one out."""
    asked = _KIND_ASKED.search(folded) or _DESCRIBED_BY.search(folded)
    return asked is not None and all(vi.fold(kind_of_number(n)) != asked.group(1) for n in cited)


_PLURAL = re.compile(r"\b(?:nhung|cac) (?:cong van|quyet dinh|chi thi|nghi quyet|van ban|ke hoach|ket luan|thong tu"
                     r"|nghi dinh|de an|chuong trinh)(?: [a-z]+){0,2} nao\b")


def _same_kind_cited(first: Cited, index: PlanIndex) -> list[Cited]:
    """The documents of `first`'s kind and issuer that the same plan cites, in the order it cites them."""
    plan = index.plan(first.plan_id)
    kind, issuer = first.mention.get("kind"), first.mention.get("issuer")
    return [Cited(first.plan_id, m) for m in (plan.meta.mentions if plan else [])
            if m.get("kind") == kind and (not issuer or m.get("issuer") == issuer) and m.get("number")]


def _point(cited: Cited, field: str, index: PlanIndex) -> Point | None:
    chunk = index.chunk_at(cited.plan_id, int(cited.mention.get("start") or 0))
    if chunk is None:
        return None
    return Point(_said(cited, field), chunk, cited.mention.get("sentence") or chunk.text, 1.0)


def mentioned_fact(number: str, intent: str, index: PlanIndex) -> Point | None:
    """The asked fact of a document the stored texts cite by `number` ("… và công văn đó ban hành ngày nào?"),
    cited to the citing sentence; None when no citation states it."""
    if intent not in FIELDS:
        return None
    holder = next((c for c in by_number([number], index) if c.mention.get(intent)), None)
    chunk = index.chunk_at(holder.plan_id, int(holder.mention.get("start") or 0)) if holder else None
    if holder is None or chunk is None:
        return None
    return Point(_said(holder, intent), chunk, holder.mention.get("sentence") or chunk.text, 1.0)


def described(number: str, index: PlanIndex) -> str:
    """A cited document as the citing texts name it, its date beside its number ("Chỉ thị 05/CT-UBND ngày
    12/3/2019"); the bare number when no stored text cites it."""
    holder = next(iter(by_number([number], index)), None)
    if holder is None:
        return number
    date = holder.mention.get("date")
    return f"{holder.name} ngày {date_as_written(holder.mention.get('sentence') or '', date)}" if date else holder.name


def citing_chunk(number: str, plan_id: str, index: PlanIndex):
    """The passage of a plan that cites the document numbered so, or None."""
    holder = next((c for c in by_number([number], index) if c.plan_id == plan_id), None)
    return index.chunk_at(plan_id, int(holder.mention.get("start") or 0)) if holder else None


def _said(cited: Cited, field: str) -> str:
    m = cited.mention
    who = f" của {m['issuer']}" if m.get("issuer") and field != "issuer" else ""
    if field == "date":
        return f"{cited.name}{who} ban hành ngày {date_as_written(m.get('sentence') or '', m['date'])}."
    if field == "signer":
        return f"{cited.name}{who} do {m['signer']} ký."
    if field == "issuer":
        return f"{cited.name} do {m['issuer']} ban hành."
    if field == "subject" and (m.get("subject") or m.get("title")):
        return f"{cited.name}{who} về {m.get('subject') or m.get('title')}."
    subject = f" ({m['subject']})" if m.get("subject") else ""
    return f"Đó là {cited.name}{who}{subject}."


def _known(mention: dict[str, Any]) -> int:
    return sum(1 for k in ("kind", "date", "issuer", "signer", "subject") if mention.get(k))


def _all(plans: dict[str, StoredPlan]) -> list[Cited]:
    return sorted((Cited(pid, m) for pid, plan in plans.items() for m in plan.meta.mentions),
                  key=lambda c: -_known(c.mention))


def _mention_terms(plan: StoredPlan) -> list[tuple[dict[str, Any], set[str], set[str]]]:
    """Each document the plan cites, with the years and the terms of what the plan says of it (kept per plan
    record: the same for every question)."""
    out = []
    for m in plan.meta.mentions:
        said = " ".join(filter(None, (m.get("kind"), m.get("number"), m.get("title"), m.get("subject"),
                                      m.get("issuer"), m.get("date"))))
        out.append((m, set(re.findall(r"\d{4}", said)), unit_terms(said)))
    return out


def _title_terms(plan: StoredPlan) -> set[str]:
    return unit_terms(f"{plan.meta.title} {plan.meta.issuer or ''}")
