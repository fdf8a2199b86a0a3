"""Answers from a plan's task records (ingest's assignments: task, lead and partners, deadline, funding,
product, read from duty sections, Phụ lục tables and activity lists): "ai chủ trì X, thời gian nào, kinh
phí bao nhiêu?" about one task, answered field by field and cited to the task's passage; "Phụ lục có bao
nhiêu nhiệm vụ?" counted from the records. Whole plans keep these facts in rows and labelled lines that no
single sentence holds."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ground import vi
from ground.agencies import find_agencies
from ground.display import shorten
from ground.plans import Assignment
from rag.compose.citations import Point, number_points, plan_label
from rag.compose.duties import assignments_of
from rag.compose.facts import about_the_plan
from rag.decide.counts import ASKS_HOW_LONG, DURATION
from rag.decide.holders import office_asked
from rag.decide.places import names_foreign_places
from rag.find.firsts import MONEY_FIGURE
from rag.find.plans import PlanIndex, place_of
from rag.find.scope import Scope
from rag.models import Answer
from rag.ports import StoredPlan
from rag.understand import entities
from rag.understand.names import parse_query
from rag.understand.question import Part, Question, without_question_words
from rag.understand.terms import coverage, coverage_of, query_terms, split_units, unit_terms

TASK_MATCH = 0.6  # share of the question's own words a task's text must hold to be the task asked about
TASK_MARGIN = 0.1  # …and by how much more than the next task, so that two alike tasks are not confused
# the fields a part of a question asks of a task, by its words (folded) or its answer type
_LEAD = re.compile(r"\b(?:chu tri|ai (?:to chuc|thuc hien|phu trach)|co quan nao|don vi nao|so nao|ai)\b")
_PARTNERS = re.compile(r"\bphoi hop\b")
_FUNDING = re.compile(r"\b(?:kinh phi|bao nhieu tien|ngan sach|(?:ty|trieu) dong)\b")
_PRODUCT = re.compile(r"\b(?:san pham|dau ra|ket qua (?:la gi|gi|nao|du kien|can dat))\b")
_WHEN = re.compile(r"\b(?:bao lau|may lan|dinh ky|thoi gian|thoi han|khi nao|thang may|quy may|(?<!viet )(?<!quang )(?<!ha )(?<!mien )nam nao|han)\b")
# the words that ask for a field, not words of the task
_FIELD_WORDS = re.compile(r"\b(?:chu tri|phoi hop|kinh phi|bao nhieu|ket qua|san pham|thoi gian|thoi han|bao lau"
                          r"|mot lan|to chuc|thuc hien|nhiem vu|hoat dong|co quan|don vi|ai|do|va|la)\b")
_FIELDS = (("partners", _PARTNERS), ("funding", _FUNDING), ("product", _PRODUCT), ("lead", _LEAD), ("deadline", _WHEN))
_LEAD_WORDS = re.compile(r"\bchu tri\b")
_WHICH = re.compile(r"\b(?:nao|gi)\b")
# "Phụ lục … có bao nhiêu nhiệm vụ?", "chương trình gồm mấy nhiệm vụ": the records are counted
_COUNT = re.compile(r"\b(?:bao nhieu|may) (?:nhiem vu|hoat dong)\b")
_COUNTS = re.compile(r"\b(?:bao nhieu|may) [a-z]")


@dataclass(frozen=True)
class Task:
    """One task of a plan with every agency its records name: the lead first, then the partners."""

    plan: StoredPlan
    rows: tuple[Assignment, ...]

    @property
    def text(self) -> str:
        return self.rows[0].task

    def agencies(self, roles: tuple[str, ...]) -> list[str]:
        return list(dict.fromkeys(r.agency_raw or r.agency for r in self.rows if r.role in roles))

    def first(self, field: str) -> str | None:
        """The first record's value of `field` (deadline, funding or product) that the text gives."""
        values = {"deadline": lambda r: r.deadline, "funding": lambda r: r.funding, "product": lambda r: r.product}
        return next((v for v in map(values[field], self.rows) if v), None)


def tasks_of(plan: StoredPlan) -> list[Task]:
    """The plan's tasks, its records grouped by where the task stands in the text."""
    groups: dict[tuple[int, str], list[Assignment]] = {}
    for row in assignments_of(plan):
        groups.setdefault((row.start, row.task), []).append(row)
    return [Task(plan, tuple(sorted(rows, key=lambda r: r.role != "chủ trì"))) for rows in groups.values()]


def _holds_venues(question: str, task: str) -> bool:
    """Every place the question names after "tại"/"ở" ("Tuần văn hóa … tại Langkawi") is in the task's text, even
    one no gazetteer knows: the week held at Ishigaki is another task."""
    folded = vi.collapse(task)
    return all(vi.collapse(v.text) in folded for v in entities.venues(question))


def fields_of(part: Part) -> list[str]:
    """The fields of a task record a part of a question asks for, in the order it asks them; [] when it asks
    something else ("ai chủ trì và bao lâu tổ chức một lần?" asks two)."""
    folded = vi.collapse(part.text)
    found = [(m.start(), field) for field, pattern in _FIELDS for m in pattern.finditer(folded)]
    # (not "ai làm tổ trưởng Tổ thư ký": the holder of an office is a person, no task's lead body)
    if part.answer_type == "agency" or part.answer_type == "person" and not office_asked(folded):
        found.append((len(folded), "lead"))
    if part.answer_type in ("date", "period"):
        found.append((len(folded), "deadline"))
    fields = list(dict.fromkeys(f for _, f in sorted(found)))
    if "partners" in fields and "lead" in fields and not _LEAD_WORDS.search(folded):
        fields.remove("lead")  # "cơ quan nào phối hợp": the partners are asked, not the lead
    if not fields and part.answer_type in ("content", "list", "place") and _WHICH.search(folded):
        fields = ["task"]  # "tham gia hội chợ nào ở TP HCM, vào tháng mấy?": the task itself names it
    return fields


def record_answer(q: Question, scope: Scope, index: PlanIndex) -> Answer | None:
    """The asked fields of the one task the question describes, or the number of a plan's tasks; None when
    the question is about no one task of the records (the passages answer it)."""
    plans = [p for p in (index.plan(i) for i in (scope.plan_ids or list(index.plans))) if p]
    # (a count among other parts is that part's answer: parts.py; counts alone, "mấy chỉ tiêu và bao nhiêu hoạt
    # động", are the records' and the plan's own counting lines)
    counts_only = all(p.answer_type == "number" and _COUNTS.search(vi.collapse(p.text)) for p in q.parts)
    if _COUNT.search(q.pq.folded) and scope.plan_ids and (len(q.parts) == 1 or counts_only):
        return _count_answer(q, _titled_most(q, plans, index), index)
    first = q.parts[0]
    if q.catalog is not None or _NOT_ONE_TASK.search(q.pq.folded) or (
            first.intent != "general" and about_the_plan(parse_query(first.text), plans, index=index)):
        return None  # a list of tasks, a total, or a fact of the plan itself ("ai ký …, ngày nào")
    fields = [fields_of(p) for p in q.parts]
    if not all(fields) or all(f == ["task"] for f in fields):
        return None
    flat = [f for part in fields for f in part if f != "task"]
    if len(flat) != len(set(flat)):
        return None  # "các sở báo cáo trước ngày nào, Sở Ngoại vụ báo cáo trước ngày nào": two tasks, not one
    task = _described(q, plans, index)
    if task is None:
        return None
    chunk = index.chunk_at(task.plan.id, task.rows[0].start)
    if chunk is None or not names_foreign_places(q.text, [task.text]) or not _names_places(q, task) \
            or not _holds_venues(q.text, task.text):
        return None  # "Ngày Văn hóa … tại Pháp" is not the task held for Korea
    asked = [f for f in dict.fromkeys(f for part in fields for f in part) if f != "task"]
    if "deadline" in asked and ASKS_HOW_LONG.search(q.pq.folded) and DURATION.search(task.text):
        return None  # "… trong bao lâu?": the task's own words say how long ("trong vòng 72 giờ"), the passages show them
    said = [said_field(task, f) for f in asked]
    extra: list[Point] = []
    for i, field in enumerate(asked):  # a field the record lacks may stand in the plan's text ("Kinh phí" part)
        if said[i].startswith("văn bản không ghi"):
            found = _in_text(task, field, index)
            if found is not None:
                point, value = found
                said[i] = f"{_FIELD_NAMES[field]}: {value}"
                extra.append(point)
    # "kinh phí đối ngoại năm 2023?": a sum found elsewhere in the text for the task, in lines writing no year asked
    # that is not the plan's own, is of another year ("1,5 tỷ đồng/năm trong giai đoạn 2025 - 2030")
    written = {int(y) for t in [task.text, *(p.text for p in extra)] for y in re.findall(r"\b(?:19|20)\d\d\b", t)}
    own = index.facts[task.plan.id].years if task.plan.id in index.facts else frozenset()
    if extra and set(q.pq.years) - written - own:
        return None
    if all(s.startswith("văn bản không ghi") for s in said):  # nothing asked is in the records: say so
        if set(q.pq.years) - set(map(int, re.findall(r"\b(?:19|20)\d\d\b", task.text))):
            return None  # "… bố trí năm 2029 bao nhiêu?": a year the task does not name is the plan's, not the task's
        if "deadline" in asked and (any(e.kind == "date" for e in entities.tag(task.text)) or ASKS_HOW_LONG.search(q.pq.folded)):
            return None  # "… vận hành phiên bản tiếng Hàn từ ngày 01 tháng 7 năm 2026": the task's own words date it
            # (…and "thời hạn thi hành kỷ luật bao lâu": a length the record lacks, which a line may state)
        return Answer(q.text, False, f"{_capital(task.text.rstrip('.;'))}: {'; '.join(said)}.", kind="refusal")
    line = f"{_capital(task.text.rstrip('.;'))}: {'; '.join(said)}."
    extra += amendments(task, index)  # "Điều chỉnh: Nhiệm vụ 21 … gia hạn đến ngày 31/12/2027" overrides the record
    numbered = number_points([Point(line, chunk, task.text, 1.0), *extra], index.plan)
    return Answer(q.text, True, "\n".join(numbered.lines), numbered.citations, kind="records", points=numbered.said)


# "những hoạt động nào do X chủ trì" lists tasks; "tổng kinh phí" is the plan's, not a task's
# …"Ban X được giao việc gì, hạn khi nào" asks the body's duties, each with its deadline
_NOT_ONE_TASK = re.compile(r"\b(?:nhung|cac) (?:nhiem vu|hoat dong|viec)\b|\b(?:nhiem vu|hoat dong) nao\b|\btong\b"
                          r"|\b(?:viec|nhiem vu|lam) gi\b")


# "… trong Kế hoạch 55/KH-UBND của Tân Cảng" (a follow-up's rewrite) names the plan, not the task
_PLAN_NAMING = re.compile(r"\b(?:trong |theo |cua )?(?:ke hoach|chuong trinh|quyet dinh|van ban)(?: so)?(?: \d+ [a-z]+(?: [a-z]+)?)?\b")


def _names_places(q: Question, task: Task) -> bool:
    """Every place the question names besides the plan's own is in the task ("hội chợ … ở TP HCM")."""
    own = place_of(task.plan.meta)
    text = vi.collapse(task.text)
    issuer = vi.collapse(task.plan.meta.issuer or "")  # "UBND thành phố Phù Vân": the city is the plan's own too
    return all(vi.collapse(p) in text for p in q.pq.provinces if p != own and vi.collapse(p) not in issuer)


def _task_terms(plan: StoredPlan) -> list[tuple[Task, set[str]]]:
    """The plan's tasks with the terms of their texts: the same for every question, kept per plan record."""
    return [(t, unit_terms(t.text)) for t in tasks_of(plan)]


def _owner_words(plan: StoredPlan) -> str:
    """The plan's place and issuer, folded: whose plan a place in a question says (kept per plan record)."""
    return vi.collapse(f"{place_of(plan.meta) or ''} {plan.meta.issuer or ''}")


def _described(q: Question, plans: list[StoredPlan], index: PlanIndex) -> Task | None:
    text = without_question_words(q.pq.content or q.text)
    for m in reversed(find_agencies(text)):  # "Bộ VHTTDL" as the task writes it: "Bộ Văn hóa, Thể thao và Du lịch"
        text = text[:m.start] + m.canonical + text[m.end:]
    words = _FIELD_WORDS.sub(" ", vi.collapse(text))
    owners = [index.derived("owner_words", p, _owner_words) for p in plans] if q.pq.provinces else []
    for place in q.pq.provinces:  # the places say whose plan, not which task ("nghề gốm Khê Lò" of a province's plan)
        if any(vi.collapse(place) in owner for owner in owners):
            words = re.sub(rf"\b{re.escape(vi.collapse(place))}\b", " ", words)
    words = _PLAN_NAMING.sub(" ", words)
    words = re.sub(r"\b(?:nam|giai doan|tu|den) \d{4}(?: ?- ?\d{4})?\b", " ", words)  # a year says when, not which task
    terms = [t for t in query_terms(words) if not any(ch.isdigit() for ch in t)]
    if len(terms) < 2:
        return None
    tasks = (task for p in plans for task in index.derived("task_terms", p, _task_terms))
    covered = coverage_of(terms, index.idf)
    scored = sorted(((covered(task_terms), i, t) for i, (t, task_terms) in enumerate(tasks)),
                    key=lambda s: (-s[0], s[1]))
    if not scored or scored[0][0] < TASK_MATCH:
        return None
    if len(scored) > 1 and scored[1][0] > scored[0][0] - TASK_MARGIN and scored[1][2].text != scored[0][2].text:
        return None  # two tasks fit as well: the passages decide
    return scored[0][2]


_FIELD_NAMES = {"lead": "chủ trì", "partners": "phối hợp", "deadline": "thời gian", "funding": "kinh phí",
                "product": "kết quả"}
_MONEY = re.compile(MONEY_FIGURE)
NAMED_IN_TEXT = 0.5  # share of the task's own words a sentence elsewhere must hold to speak of that task


def _in_text(task: Task, field: str, index: PlanIndex) -> tuple[Point, str] | None:
    """A sentence of the plan outside the task's record that names the task and states the field (the budget
    section: "… tại Kampong Cham" dự kiến 1.400 triệu đồng")."""
    # the task's own words: not its role verb nor its deadline ("Chủ trì tổ chức X trong quý III/2025" → X)
    own = task.text.replace(task.first("deadline") or "\0", " ")
    own = re.sub(r"^\s*(?:Chủ trì|Phối hợp|Thực hiện)(?:,?\s+phối hợp)?\s+(?:tổ chức\s+|xây dựng\s+)?", "", own)
    own = re.sub(r"\([^)]{1,40}\)", " ", own)  # "(Lào)": the page writes the place once, the budget line not
    terms = [t for t in query_terms(own) if " " in t]
    if not terms:
        return None
    for chunk in index.chunks(task.plan.id):
        for unit in split_units(chunk.text):
            text = " ".join(unit.text.split())
            if coverage(terms, unit_terms(text), index.idf) < NAMED_IN_TEXT or task.text in text:
                continue
            money = _MONEY.search(text)
            tags = entities.tag(text)
            when = [e.text for e in tags if e.kind in ("date", "period")]
            who = [e.text for e in tags if e.kind == "agency"]
            value = (money.group(0) if field == "funding" and money else when[0] if field == "deadline" and when
                     else ", ".join(who) if field in ("lead", "partners") and who else None)
            if value:
                return Point(text, chunk, text, 1.0), value
    return None


# a later note changing a task: "Điều chỉnh: Nhiệm vụ 10 … – lùi thời gian sang tháng 11/2027", "… – HỦY BỎ"
_AMENDS = re.compile(r"\b(?:dieu chinh|huy bo|lui thoi gian|gia han|thay doi|chuyen sang|khong to chuc|bai bo)\b")
AMENDMENT_CHARS = 300


def amendments(task: Task, index: PlanIndex) -> list[Point]:
    """The lines of the task's plan that change the task by its number after it was set (an update note)."""
    no = (task.rows[0].task_no or "").strip(" .")
    if not no.isdigit():
        return []
    names = re.compile(rf"\bnhiem vu (?:so )?0?{no}\b")
    found = []
    own = vi.collapse(task.text)[:40]
    for chunk in index.chunks(task.plan.id):
        for line in chunk.text.split("\n"):
            folded = vi.collapse(line)
            if names.search(folded[:80]) and _AMENDS.search(folded) and own not in folded:  # (not the record's own)
                found.append(Point(shorten(" ".join(line.split()), AMENDMENT_CHARS), chunk, line, 1.0))
    return found[:2]


def said_field(task: Task, field: str) -> str:
    if field == "lead":
        lead = task.agencies(("chủ trì", "thực hiện"))
        given = task.agencies(("phối hợp",))  # ("4. Sở GD&ĐT" / "Phối hợp với Trường … tổ chức kỳ thi": the body it is given to)
        return f"chủ trì: {', '.join(lead)}" if lead else (
            f"văn bản giao {', '.join(given)} phối hợp thực hiện, không ghi cơ quan chủ trì" if given
            else "văn bản không ghi cơ quan chủ trì")
    if field == "partners":
        partners = task.agencies(("phối hợp",))
        return f"phối hợp: {', '.join(partners)}" if partners else "văn bản không ghi cơ quan phối hợp"
    if field == "deadline":
        when = task.first("deadline")
        return f"thời gian: {when}" if when else "văn bản không ghi thời gian thực hiện"
    if field == "funding":
        money = task.first("funding")
        return f"kinh phí: {money}" if money else "văn bản không ghi kinh phí"
    product = task.first("product")
    return f"kết quả: {product}" if product else "văn bản không ghi kết quả"


def _titled_most(q: Question, plans: list[StoredPlan], index: PlanIndex) -> list[StoredPlan]:
    """Of several texts in scope, those whose titles hold most of the question's words ("bao nhiêu hoạt động giao lưu
    văn hóa với các địa phương kết nghĩa" is the five-year report's, not the conference rule's Phụ lục)."""
    if len(plans) < 2:
        return plans
    terms = [t for t in query_terms(without_question_words(q.pq.content or q.text)) if " " not in t]
    held = coverage_of(terms, index.idf)
    scored = [(held(unit_terms(p.meta.title or "")), p) for p in plans]
    best = max(score for score, _ in scored)
    return [p for score, p in scored if score >= best] if best > 0 else plans


def _count_answer(q: Question, plans: list[StoredPlan], index: PlanIndex) -> Answer | None:
    """"Phụ lục có bao nhiêu nhiệm vụ?": the numbered tasks of a plan's table or activity list."""
    point = count_point(q.pq.folded, plans, index)
    if point is None:
        return None
    # "… đặt mấy chỉ tiêu và gồm bao nhiêu hoạt động?": the other things counted, as the plan's own lines count them
    others = [m.group(1) for m in _OTHER_COUNT.finditer(q.pq.folded) if m.group(1) not in ("nhiem vu", "hoat dong")]
    points = [point] + [p for noun in others if (p := _counted_line(noun, point.chunk.plan_id, index)) is not None]
    if re.search(r"\b(?:may|bao nhieu) nhom\b", q.pq.folded):  # "… chia thành mấy nhóm": the table's group rows
        plan = index.held(point.chunk.plan_id)
        groups = list(dict.fromkeys(r.group for r in assignments_of(plan) if r.task_no and r.group))
        if groups:
            points.append(Point(f"Các nhiệm vụ chia thành {len(groups)} nhóm: {'; '.join(groups)}.", point.chunk,
                                point.chunk.text, 1.0))
    numbered = number_points(points, index.plan)
    return Answer(q.text, True, "\n".join(numbered.lines), numbered.citations, kind="records", points=numbered.said)


_OTHER_COUNT = re.compile(r"\b(?:may|bao nhieu) ([a-z]+ [a-z]+)\b")


def _counted_line(noun: str, plan_id: str, index: PlanIndex) -> Point | None:
    """The plan's first line that counts `noun` ("Phấn đấu đạt 05 chỉ tiêu sau:" for "chi tieu")."""
    pattern = re.compile(rf"\b\d{{1,3}} {re.escape(noun)}\b")
    for chunk in index.chunks(plan_id):
        for line in chunk.text.split("\n"):
            if pattern.search(vi.collapse(line)):
                return Point(line.strip(), chunk, line.strip(), 1.0)
    return None


def count_point(folded: str, plans: list[StoredPlan], index: PlanIndex) -> Point | None:
    """The number of the first plan's numbered tasks, said with the noun asked ("bao nhiêu hoạt động": "7 hoạt
    động"); None when the question counts no tasks or no plan numbers its tasks."""
    asked = _COUNT.search(folded)
    if asked is None:
        return None
    noun = "hoạt động" if asked.group(0).endswith("hoat dong") else "nhiệm vụ"
    for plan in plans:
        rows = [r for r in assignments_of(plan) if r.task_no and r.origin in ("table", "activity")]
        numbers = list(dict.fromkeys(r.task_no for r in rows))
        if not numbers:
            continue
        chunk = index.chunk_at(plan.id, rows[0].start)
        if chunk is None:
            continue
        where = "Phụ lục" if rows[0].origin == "table" else "danh mục hoạt động"
        return Point(f"{where} của {plan_label(plan.meta)} có {len(numbers)} {noun}.", chunk, chunk.text, 1.0)
    return None


_PARTS_ASKED = re.compile(r"\b(?:bao nhieu|may) (chuong|dieu|phan)\b(?! (?:trinh|kien|chinh|phoi|hanh|tra|dong|tram|bo|cong"
                          r"|loai|hoi|tich|thuong|lam|duong|tri|khien|le|khoan))")  # ("bao nhiêu điều dưỡng": nurses)  # ("năm thứ mấy chương trình", "mấy điều kiện", "mấy phần trăm")
_PART_HEADING = {"chuong": re.compile(r"^\s*Chương\s+([IVXLC]+|\d+)\b", re.MULTILINE),
                 "dieu": re.compile(r"^\s*Điều\s+(\d+)\s*[.:]", re.MULTILINE),
                 "phan": re.compile(r"^\s*Phần\s+(?:thứ\s+)?([IVXLC]+|\d+|[A-Za-zÀ-ỹ]+)\b", re.MULTILINE)}
_PART_NOUN = {"chuong": "chương", "dieu": "điều", "phan": "phần"}
_ANNEX_ASKED = re.compile(r"\b(?:quy che|quy dinh|dieu le)\b|\bhuong dan\b.*\bkem\b")
_ANNEX_HEAD = re.compile(r"^\s*(?:QUY CHẾ|QUY ĐỊNH|ĐIỀU LỆ|HƯỚNG DẪN)\s*$|\(\s*Ban hành kèm theo", re.MULTILINE)


def counts_parts(folded: str) -> str | None:
    """The heads a question counts ("… mấy chương, bao nhiêu điều?" → "chương"), or None."""
    asked = _PARTS_ASKED.search(folded)
    return _PART_NOUN[asked.group(1)] if asked else None


def annexed(folded: str) -> bool:
    """"Quy chế … (ban hành) kèm theo QĐ 01/2014": the question is about the annex a decision issues."""
    return _ANNEX_ASKED.search(folded) is not None


def parts_count_point(folded: str, plans: list[StoredPlan], index: PlanIndex, annex: bool = False) -> Point | None:
    """"Quy chế có mấy chương, bao nhiêu điều?": the chapters, articles or parts the first plan's text heads, counted,
    the last one named ("4 chương (đến Chương IV)"); None when the question counts none or the text heads none."""
    asked = _PARTS_ASKED.search(folded)
    if asked is None:
        return None
    kind = asked.group(1)
    annex = annex or annexed(folded)  # "Quy chế … kèm theo QĐ 01/2014 có mấy chương": the annex's own, not the decision's
    for plan in plans:
        chunks = index.chunks(plan.id)
        if annex and plan.meta.doc_type == "Quyết định":
            at = next((i for i, c in enumerate(chunks) if _ANNEX_HEAD.search(c.text)), None)
            chunks = chunks[at:] if at is not None else []  # (a text cut before its annex counts none of them)
        found = [(c, m.group(1)) for c in chunks for m in _PART_HEADING[kind].finditer(c.text)]
        labels = list(dict.fromkeys(label for _, label in found))
        if len(labels) < 2:
            continue
        last = found[-1][0]
        heading = "Chương" if kind == "chuong" else "Điều" if kind == "dieu" else "Phần"
        return Point(f"{_capital(plan_label(plan.meta))} có {len(labels)} {_PART_NOUN[kind]} (từ {heading} {labels[0]} "
                     f"đến {heading} {labels[-1]}).", last, last.text, 1.0)
    return None


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
