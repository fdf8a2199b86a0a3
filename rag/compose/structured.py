"""The structured answers: duties of an agency, the catalog, comparisons of plans and a plan's overview,
each a list of cited lines grouped by plan."""
from __future__ import annotations

import re

from ground import vi
from ground.agencies import agency_matches
from rag.compose import catalog, cited, numbered, records, replies
from rag.compose import duties as tasks
from rag.compose.amenders import amender_answer
from rag.compose.citations import Numbered, Point, number_points, plan_label
from rag.compose.duties import assignments_of
from rag.compose.facts import fact_point
from rag.compose.passages import choose_points
from rag.compose.targets import MAX_TARGETS
from rag.find.plans import PlanIndex, place_of
from rag.find.scope import Scope
from rag.find.search import Search
from rag.models import Answer
from rag.understand import entities
from rag.understand.names import number_matches
from rag.understand.ordinals import quarter
from rag.understand.question import Question


def grouped(groups: list[tuple[str, list[Point]]], plan_of) -> tuple[str, Numbered]:
    numbered = number_points([p for _, g in groups for p in g], plan_of)
    lines = numbered.lines
    out, i = [], 0
    for lead, group in groups:
        out.append(lead)
        out += [f"- {lines[i + j]}" for j in range(len(group))]
        i += len(group)
    return "\n".join(out), numbered


def tasks_answer(q: Question, plans: list, index: PlanIndex) -> Answer | None:
    pq = q.pq
    by = max(pq.years) if pq.years else None
    agencies = tasks.asked_agencies(pq.agencies, plans, pq.text)
    roles = tasks.asked_roles(pq.folded)
    read = lambda plan: index.derived("assignments", plan, tasks.assignments_of)  # parsed once per plan record
    rows = [r for agency in agencies for r in tasks.select_tasks(plans, agency, by, roles=roles, read=read)]
    appendix = _APPENDIX.search(pq.folded)
    if appendix:  # "… trong Phụ lục I": the rows of that table, when it holds any
        name = re.compile(r"^phu luc" + (rf" {appendix.group(1)}\b" if appendix.group(1) else r"\b"))
        rows = [r for r in rows if name.match(vi.collapse(r.assignment.section or ""))] or rows
    if not rows:
        return None
    groups, left_out = tasks.task_points(rows, index.chunk_at)
    body, numbered = grouped(groups, index.plan)
    due = sum(1 for r in rows if r.status == "due")
    recurring = sum(1 for r in rows if r.status == "recurring")
    # the name as the plan writes it when the rows are one agency's ("Vụ HTQT" typed, "Vụ Hợp tác quốc tế" written)
    written = {r.assignment.agency_raw or r.assignment.agency for r in rows}
    who = written.pop() if len(written) == 1 and len(agencies) == 1 else ", ".join(agencies)
    head = f"{who}: {len(rows)} nhiệm vụ{_task_numbers(rows)}"
    if by:
        counts = [f"{due} có hạn đến {by}" if due else "", f"{recurring} thường xuyên/định kỳ" if recurring else ""]
        said = ", ".join(c for c in counts if c)
        head += f" đến năm {by}" + (f" ({said})" if said else "")
    tail = f"\n(còn {left_out} nhiệm vụ khác: xem lệnh ngvh tasks)" if left_out else ""
    return Answer(pq.text, True, f"{head}:\n{body}{tail}", numbered.citations, kind="tasks", points=numbered.said)


_APPENDIX = re.compile(r"\bphu luc(?: so)?(?: ([ivx]+|\d+)\b)?")


def _task_numbers(rows: list) -> str:
    """" (số 1, 2, 10 và 12 tại Phụ lục I)": the numbers a plan's table gives the tasks, when all rows have one."""
    numbers = list(dict.fromkeys(r.assignment.task_no for r in rows))
    if not numbers or not all(numbers) or len({r.plan.id for r in rows}) > 1:
        return ""
    where = next((s for s in (r.assignment.section or "" for r in rows) if s.upper().startswith("PHỤ LỤC")), "")
    at = f" tại {where.split(':')[0].strip().title().replace('Phụ Lục', 'Phụ lục')}" if where else ""
    said = ", ".join(numbers[:-1]) + f" và {numbers[-1]}" if len(numbers) > 1 else numbers[0]
    return f" (số {said}{at})"


# "những nhiệm vụ nào …", "hoạt động gì …", "việc nào": the tasks themselves are asked
_TASKS_ASKED = re.compile(r"\b(?:nhiem vu|hoat dong|cong viec|viec|su kien) (?:[a-z]+ ){0,3}(?:nao|gi)\b"
                          r"|\b(?:nhung|cac) (?:nhiem vu|hoat dong|cong viec)\b")
_HORIZON = re.compile(r"\b(?:den|toi|tam nhin(?: den)?) nam (\d{4})\b")


def _asked_years(q: Question) -> list[int]:
    """The years a task is asked to fall in ("trong năm 2024"), not a horizon ("đến năm 2025")."""
    horizon = {int(y) for y in _HORIZON.findall(q.pq.folded)}
    return [y for y in q.pq.years if y not in horizon]


_ASKED_MONTH = re.compile(r"\bthang (\d{1,2})(?: |/)(?:nam )?\d{4}\b")
_PLURAL = re.compile(r"\b(?:nhung|cac)\b")
_ASKED_DAY = re.compile(r"\b\d{1,2}[/-]\d{1,2}(?:[/-]\d{4})?\b")
MIN_LISTED = 2


def tasks_in_year_answer(q: Question, plans: list, index: PlanIndex) -> Answer | None:
    """The tasks of the named plans to be done in the asked year, one line each with who leads and when."""
    years = _asked_years(q)
    rows: list[tasks.TaskRow] = []
    seen: set[tuple[str, int]] = set()
    for plan in plans:
        for item in tasks.assignments_of(plan):
            if not any(tasks.in_year(item, y) for y in years) or (plan.id, item.start) in seen:
                continue
            if item.role == "phối hợp" and any(r.plan.id == plan.id and r.assignment.start == item.start for r in rows):
                continue
            seen.add((plan.id, item.start))
            rows.append(tasks.TaskRow(plan, item, None))
    asked_quarter = quarter(q.pq.folded)
    if asked_quarter:  # "quý I/2028": only the tasks of that quarter, by their date, deadline or the heading above them
        said = re.compile(rf"\b{asked_quarter}\b")
        first = 3 * ("i", "ii", "iii", "iv").index(asked_quarter.split()[1]) + 1
        rows = [r for r in rows if said.search(vi.collapse(f"{r.assignment.deadline or ''} {r.assignment.section or ''}"))
                or r.assignment.due and first <= int(r.assignment.due[5:7]) < first + 3]
    month = _ASKED_MONTH.search(q.pq.folded)
    if month:  # "tháng 10/2028": only the tasks of that month
        said = re.compile(rf"\bthang 0?{month.group(1)}\b|\b0?{month.group(1)}/\d{{4}}\b")
        rows = [r for r in rows if said.search(vi.collapse(f"{r.assignment.task} {r.assignment.deadline or ''}"))]
    if not rows or len(rows) < MIN_LISTED and _PLURAL.search(q.pq.folded):
        return None  # "những sự kiện nào năm 2028?": one task of the year is no list of them; the passages may have it
    groups, left_out = tasks.task_points(rows, index.chunk_at, owner_first=False)
    body, numbered = grouped(groups, index.plan)
    head = f"{len(rows)} nhiệm vụ thực hiện trong năm {', '.join(map(str, years))}"
    tail = f"\n(còn {left_out} nhiệm vụ khác)" if left_out else ""
    return Answer(q.text, True, f"{head}:\n{body}{tail}", numbered.citations, kind="tasks", points=numbered.said)


def dated_duties(q: Question) -> bool:
    """"Ban X được giao việc gì, hạn hoàn thành khi nào?": duties asked with their deadlines."""
    return q.answer_type in ("date", "period") and asks_duties(q)


# a later part asking only the deadline of the duties asked before it ("…, thời hạn khi nào?")
_DEADLINE_PART = re.compile(r"(?:thoi han|han|han chot|han hoan thanh|thoi gian(?: hoan thanh| thuc hien)?)(?: la)?"
                            r" (?:khi nao|bao gio|ngay nao|luc nao|nam nao)")


def asks_duties(q: Question) -> bool:
    """"Sở X phải làm gì?", "những nhiệm vụ nào Sở X chủ trì": the duties of an agency, listed from the records
    (…with their deadlines: "Ban X được giao nhiệm vụ gì, thời hạn khi nào?")."""
    parts, kind = len(q.parts), q.answer_type
    if parts == 2 and _DEADLINE_PART.fullmatch(vi.collapse(q.parts[1].text).strip(" ?")):
        parts, kind = 1, q.parts[1].answer_type
    return tasks.route(q.pq, kind, parts) == "tasks"


def names_agency(answer: Answer, agencies: list[str], index: PlanIndex | None = None) -> bool:
    """The answer's lines or the sections they are cited from name one of the agencies whose duties are asked (not
    the body whose plan it is: "Ban Kiểm tra của Hội X" asks the Ban's): a passage given for a duties question must
    be about that agency, not a sentence that only shares the question's words."""
    if answer.citations and all(re.match(r"(?:Nơi nhận|Kính gửi)\b", c.section or "") for c in answer.citations):
        return False  # a body among those a text is sent to is given no duty by it
    if index is not None:
        agencies = tasks.asked_agencies(agencies, [p for p in (index.plan(c.plan_id) for c in answer.citations) if p])
    said = vi.collapse(" ".join([answer.answer] + [c.section or "" for c in answer.citations]))
    if not any(vi.collapse(a) in said for a in agencies):
        return False
    if index is None:
        return True
    # a plan whose duties are read as records gives the agency none when no record names it: a sentence that lists it
    # among the member bodies ("… Hội Hữu nghị Việt Nam - Campuchia tỉnh, …") is no duty of it
    cited = [p for p in (index.plan(c.plan_id) for c in answer.citations) if p and p.assignments]
    # the plan's own issuer ("Thanh tra Bộ …" of the Bộ's own plan) is read through its units, not its records
    if any(p.meta.issuer and agency_matches(a, p.meta.issuer) for p in cited for a in agencies):
        return True
    return not cited or any(agency_matches(a, r.agency) or vi.collapse(a) in vi.collapse(r.agency_raw or "")
                            for p in cited for r in assignments_of(p) for a in agencies)


def no_duties(q: Question, index: PlanIndex) -> Answer:
    """A refusal that says what the store holds about the agency: no duties, and which plans name it."""
    agencies = tasks.asked_agencies(q.pq.agencies, list(index.plans.values()), q.pq.text)
    naming = []
    for plan in index.plans.values():
        text_terms = index.chunks(plan.id)
        if any(vi.collapse(a) in vi.collapse(c.text) for a in agencies for c in text_terms):
            naming.append(plan_label(plan.meta))
    who = ", ".join(agencies)
    by = f" đến năm {max(q.pq.years)}" if q.pq.years else ""
    text = f"Không kế hoạch nào trong kho giao nhiệm vụ{by} cho {who}."
    if naming:
        text += f" {who} được nhắc tới trong: {'; '.join(naming[:5])}."
    text += f"\nCác văn bản đang có: {replies.holdings(list(index.plans.values()))}."
    return Answer(q.text, False, text, kind="refusal")


_STATUS_FIELD = re.compile(r"Tình trạng(?: hiệu lực)?\s*:\s*((?:Còn|Hết|Chưa có|Không còn|Đã hết)[^:\n]{0,25}?)"
                           r"(?=\s*(?:Lĩnh vực|Ngày|Số|Người|Loại|\n|$))", re.IGNORECASE)


def standing_answer(q: Question, plan_ids: list[str], index: PlanIndex) -> Answer | None:
    """Whether a plan is still the one in force, from the relations the catalog holds between entries."""
    points = []
    for plan_id in plan_ids:
        plan = index.plan(plan_id)
        chunks = index.chunks(plan_id) if plan else []
        if plan is None or not chunks:
            continue
        label = plan_label(plan.meta)
        newer = plan.links.replaced_by
        older = list(plan.links.replaces)
        if q.standing == "amended_by":
            amending = list(plan.links.amended_by)
            if not amending:
                continue  # no stored text says it was amended: nothing to cite
            text = f"{label} được sửa đổi, bổ sung bởi {', '.join(cited.described(n, index) for n in amending)}."
            where = next((c for n in amending if (c := cited.citing_chunk(n, plan_id, index)) is not None), chunks[0])
            points.append(Point(text, where, where.text, 1.0))
            continue
        if q.standing == "replaces":
            text = (f"{label} thay thế {', '.join(cited.described(o, index) for o in older)}." if older
                    else f"{label} không ghi văn bản nào mà nó thay thế.")
            at = next((i for i, p in enumerate(q.parts) if "thay the" in vi.collapse(p.text)), 0)
            if any(p.answer_type == "date" for p in q.parts[:at]):
                # "… có hiệu lực từ ngày nào và thay thế văn bản nào?": its own date, which the citing article states
                citing = [(m, c) for m in plan.meta.mentions if m.get("sentence") and m.get("number") in older
                          and (c := index.chunk_at(plan_id, int(m.get("start") or 0))) is not None]
                points += [Point(m["sentence"].strip(), c, m["sentence"], 1.0) for m, c in citing[:1]]
            elif len(q.parts) > 1:  # "… thay thế quyết định nào, ban hành ngày nào?": what the citing line says of it
                points += [p for p in (cited.mentioned_fact(o, "date", index) for o in older) if p is not None]
        elif newer:
            text = f"{label} đã được thay thế bởi {newer}."
            evidence = _replacing_passage(newer, plan.meta.known_numbers(), index)
            if evidence is not None:  # cite the document that says so, not the replaced one
                points.append(Point(text[:-1] + " (văn bản này cũng có trong kho).", evidence, evidence.text, 1.0))
                continue
            if len(q.parts) > 1:  # "… thay thế bởi quyết định nào, áp dụng từ ngày nào?": the line saying so, whole
                said = next((m for m in plan.meta.mentions if m.get("sentence") and number_matches(newer, m.get("number"))), None)
                chunk = index.chunk_at(plan_id, int(said.get("start") or 0)) if said else None
                if said and chunk is not None:
                    points.append(Point(said["sentence"].strip(), chunk, said["sentence"], 1.0))
                    continue
        elif field := next(((c, m) for c in chunks if (m := _STATUS_FIELD.search(c.text))), None):
            # a law library's page says it: "Tình trạng hiệu lực: Còn Hiệu lực"
            chunk, m = field
            text = f"{label}: trang văn bản ghi tình trạng hiệu lực «{m.group(1).strip()}»; trong kho không có văn bản nào thay thế nó."
            points.append(Point(text, chunk, m.group(0), 1.0))
            continue
        else:
            text = (f"Trong kho không có văn bản nào thay thế {label}; văn bản không ghi thời điểm hết hiệu lực"
                    + (f" (thực hiện đến năm {plan.meta.horizon[-1]})." if plan.meta.horizon else "."))
        # the line saying what it replaces is cited, not the header
        where = next((c for o in older if (c := cited.citing_chunk(o, plan_id, index)) is not None), None) \
            if q.standing == "replaces" else None
        points.append(Point(text, where or chunks[0], (where or chunks[0]).text, 1.0))
    if not points:
        if q.standing == "amended_by":
            return Answer(q.text, False, replies.not_stated("văn bản sửa đổi, bổ sung văn bản được hỏi"), kind="refusal")
        return None
    if q.standing == "replaces" and all(p.text.endswith("không ghi văn bản nào mà nó thay thế.") for p in points):
        # "… thay thế quyết định nào?" of a text naming none: that it names none is said, and nothing is cited
        return Answer(q.text, False, " ".join(p.text for p in points), kind="refusal")
    if q.answer_type == "date" and not any(e.kind == "date" for p in points for e in entities.tag(p.text)):
        # "… hết hiệu lực ngày nào?": no stored text dates it, so there is nothing to cite
        return Answer(q.text, False, " ".join(p.text for p in points), kind="refusal")
    numbered = number_points(points, index.plan)
    return Answer(q.text, True, "\n".join(numbered.lines), numbered.citations, kind="standing", points=numbered.said)


def _replacing_passage(newer: str, old_numbers: list[str], index: PlanIndex):
    """The passage of the stored document numbered `newer` that names the document it replaces, or None."""
    for plan in index.plans.values():
        if not any(number_matches(newer, n) for n in plan.meta.known_numbers()):
            continue
        chunks = index.chunks(plan.id)
        naming = [c for c in chunks if any(number_matches(old, e.text) for e in entities.documents(c.text)
                                           for old in old_numbers)]
        return (naming or chunks)[0] if naming or chunks else None
    return None


def catalog_answer(q: Question, index: PlanIndex) -> Answer | None:
    if q.catalog is None:
        return None
    found = catalog.catalog_lines(q.catalog, index, q.pq.folded)
    if not found:
        return None
    lead, points = found
    numbered = number_points(points, index.plan)
    return Answer(q.text, True, lead + "\n" + "\n".join(f"- {line}" for line in numbered.lines), numbered.citations,
                  kind="catalog", points=numbered.said)


def compare_answer(q: Question, index: PlanIndex, search) -> Answer | None:
    """`search(text, plan_ids)` gives the hits of one plan group (the province's plans)."""
    groups: list[tuple[str, list[Point]]] = []
    for province in q.pq.provinces:
        ids = [p.id for p in index.plans.values() if place_of(p.meta) == province]
        if not ids:
            continue
        hits = search(q.pq.content or q.text, ids)
        # "mỗi tỉnh đón bao nhiêu khách?": each place's value of the asked kind; "khác nhau thế nào?": its content
        kind = q.answer_type if q.answer_type in ("number", "date", "period", "agency", "person", "place") else "content"
        points = choose_points(q, hits, index, answer_type=kind)[:2]
        if points:
            groups.append((f"Theo {plan_label(index.held(points[0].chunk.plan_id).meta)}:", points))
    if len(groups) < 2:
        return None
    body, numbered = grouped(groups, index.plan)
    return Answer(q.text, True, body, numbered.citations, kind="compare", points=numbered.said)


def overview_answer(q: Question, plan_ids: list[str], index: PlanIndex) -> Answer | None:
    groups: list[tuple[str, list[Point]]] = []
    for plan_id in plan_ids:
        plan = index.plan(plan_id)
        if not plan:
            continue
        label = plan_label(plan.meta)
        chunks = index.chunks(plan_id)
        points = []
        for intent in ("date", "horizon", "implements", "signer"):
            point = fact_point(intent, plan, chunks)
            if point:  # the lead names the plan once; each point keeps its own fact
                rest = point.text.removeprefix(label).strip()
                point.text = rest[:1].upper() + rest[1:]
                points.append(point)
        if points:
            title = plan.meta.title
            lead = title if plan.meta.number and plan.meta.number in title else f"{label}: {title}"
            groups.append((lead + ":", points))
    if not groups:
        return None
    body, numbered = grouped(groups, index.plan)
    return Answer(q.text, True, body, numbered.citations, kind="overview", points=numbered.said)


_IMPLEMENTING = re.compile(r"\b(?:can cu|thuc hien|trien khai|cu the hoa)\b")


def _own_number_asked(q: Question, scope: Scope, index: PlanIndex) -> bool:
    """The one document the question names by its own number is what it asks about, not the plans implementing it."""
    held = index.plan(scope.plan_ids[0]) if scope.plan_ids and len(scope.plan_ids) == 1 else None
    return bool(held and q.pq.numbers and not _IMPLEMENTING.search(q.pq.folded)
                and any(number_matches(n, own) for n in q.pq.numbers for own in held.meta.known_numbers()))


def routed_answer(q: Question, scope: Scope, index: PlanIndex, search: Search) -> Answer | None:
    """An answer from the records rather than passages: a cited document's facts, a plan's standing, the
    catalog, an agency's duties, a comparison of places; None when the question is for the passages."""
    answer = (amender_answer(q, index) or cited.cited_answer(q, scope, index) or numbered.numbered_answer(q, scope, index)
              or records.record_answer(q, scope, index))
    if answer:
        return answer
    # (…and with its date asked beside it: "QĐ 1527 thay thế quyết định nào, ban hành ngày nào?")
    dated = len(q.parts) == 2 and q.parts[1].answer_type == "date" and "thay the" in vi.collapse(q.parts[0].text)
    if q.standing and scope.plan_ids is not None and len(scope.plan_ids) <= MAX_TARGETS and (len(q.parts) == 1 or dated):
        answer = standing_answer(q, scope.plan_ids, index)
        if answer:
            return answer
    # a catalog question may name a document its plans implement ("… triển khai Quyết định 2013 sớm nhất"):
    # that stored document is a filter, not the one plan asked about
    # (…unless it is that document's own number, asked of it: "KH 582/KH-UBND là kế hoạch gì, của tỉnh nào?")
    if q.catalog is not None and (scope.plan_ids is None or len(scope.plan_ids) > 1 or q.catalog.implements) \
            and not _own_number_asked(q, scope, index):
        answer = catalog_answer(q, index)
        if answer:
            return answer
    # "… sự kiện nào ở Hàn Quốc năm 2028?": a country asked narrows past what a year's task list says
    # …and a day asked ("ngày 15/9/2027 … có những hoạt động gì") is that day's programme, not the year's tasks
    if scope.plan_ids and _TASKS_ASKED.search(q.pq.folded) and not q.pq.agencies and _asked_years(q) \
            and not entities.foreign_places(q.text) and not _ASKED_DAY.search(q.text):
        answer = tasks_in_year_answer(q, [index.plans[i] for i in scope.plan_ids if i in index.plans], index)
        if answer:
            return answer
    if asks_duties(q):
        ids = scope.plan_ids if scope.plan_ids is not None else list(index.plans)
        # no duties recorded: the passages may still answer; a refusal then says what is held
        answer = tasks_answer(q, [index.plans[i] for i in ids if i in index.plans], index)
        # ("… phải làm gì, trình trước ngày nào?" of a body no record names: a line may still say it and its date)
        return None if answer is not None and not answer.found and dated_duties(q) else answer
    if q.compare:
        return compare_answer(q, index, search)
    return None
