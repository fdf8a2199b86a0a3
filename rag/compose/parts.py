"""Answers one part of a question at a time: a fact of the plan itself, a fact of a document the previous
part named ("quyết định đó do ai ký?"), or the best sentence of the retrieved passages for the part's
answer type. Each part gives one cited Point."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ground import vi
from ground.display import display_date, shorten
from ground.numbers import document_name, kind_of_number
from rag.compose import replies
from rag.compose.citations import Point, number_points, plan_label
from rag.compose.cited import mentioned_fact
from rag.compose.facts import RESIDUAL_SYLLABLES, about_the_plan, fact_point
from rag.compose.targets import choose_targets
from rag.decide.grounds import Grounds
from rag.find import sentences
from rag.find.plans import PlanIndex
from rag.find.scope import Scope
from rag.find.search import Hit, Search
from rag.models import Answer
from rag.ports import StoredChunk, StoredPlan
from rag.understand import entities
from rag.understand.names import number_matches, parse_query
from rag.understand.question import Part, Question, document_fact
from rag.understand.terms import split_units

# the facts a later part may ask of the document the part before it named ("…, ban hành ngày nào?"); a period
# ("…, cho giai đoạn nào?") stays the named plan's
_DOCUMENT_FACTS = frozenset({"date", "signer", "issuer", "number"})
# a later part's own words are all it says ("…, hạn chót là khi nào?"): one word beyond the plan's is a topic
LATER_PART_RESIDUAL = 1
_POSTING_WORDS = ("dang", "dang tai", "cap nhat", "dua tin", "bai viet")  # "đăng ngày nào": the page's date

MAX_PART_CHARS = 260
# Intents answered from the plan's record; an "issued with" question is about the decision that carries it.
_ISSUED_WITH = re.compile(r"\b(kem theo|ban hanh kem)\b")
# A signature: a "Ký bởi:" / "Người ký" label, or the signing title in capitals on its own line (the
# signature block); "Chủ tịch Hồ Chí Minh" inside a sentence is no signature.
_SIGNED_LINE = re.compile(r"(?:Ký bởi|Người ký)[:\s]+|(?:^|\n)(?:\s*(?:KT\.?\s*)?(?:PHÓ )?CHỦ TỊCH[ \t]*\n)+(?:\s*\(?[Đđ]ã ký\)?[ \t]*\n)?\s*")


@dataclass
class PartResult:
    point: Point | None
    documents: list[str]  # document numbers the answer names (what "đó" in the next part refers to)
    missing: str | None = None  # the plan was asked for a fact it does not state


def _line_with(chunks: list[StoredChunk], pattern: re.Pattern) -> tuple[StoredChunk, str] | None:
    for chunk in chunks:
        m = pattern.search(chunk.text)
        if m:
            start = chunk.text.rfind("\n", 0, m.start()) + 1
            end = chunk.text.find("\n", m.end())
            return chunk, chunk.text[start:end if end >= 0 else len(chunk.text)].strip()
    return None


# "… vừa được UBND tỉnh ban hành ngày 21/02/2023", "Tháng 7/2022, UBND Thành phố ban hành Kế hoạch …": the
# sentence of a page that says when the plan it reports was issued
_ISSUED = re.compile(r"\bban hành\b", re.IGNORECASE)
_PLAN_KIND = re.compile(r"\b(?:kế hoạch|chương trình|quyết định|đề án)\b", re.IGNORECASE)
ISSUED_NEAR = 40  # characters between "ban hành" and the date that says when


def _date_from_text(plan, chunks: list[StoredChunk]) -> Point | None:
    """A plan whose record has no date may still state it next to its own number ("4045/KH-UBND ngày 21/5/2019"),
    or, on a page about it, in the sentence that says it was issued."""
    number = plan.meta.number
    if not number:
        return _issued_date(plan, chunks)
    own = re.compile(re.escape(number))
    for chunk in chunks:
        for m in own.finditer(chunk.text):
            start = chunk.text.rfind("\n", 0, m.start()) + 1
            end = chunk.text.find("\n", m.end())
            line = chunk.text[start:end if end >= 0 else len(chunk.text)]
            at = m.start() - start
            dates = [e for e in entities.tag(line) if e.kind == "date" and -100 <= e.start - at <= 60]
            if dates:
                date = min(dates, key=lambda e: abs(e.start - at))
                text = re.sub(r"^ngày\s+", "", date.text, flags=re.IGNORECASE)
                return Point(f"{plan_label(plan.meta)} được ban hành ngày {text}.", chunk, line.strip(), 1.0)
    return None


def _date_from_mentions(plan: StoredPlan, index: PlanIndex) -> Point | None:
    """The plan's date as another stored text that cites it gives it (the mention index), cited to that text."""
    numbers = plan.meta.known_numbers()
    for other in index.plans.values():
        if other.id == plan.id:
            continue
        for m in other.meta.mentions:
            if m.get("date") and m.get("number") and any(number_matches(n, m["number"]) for n in numbers):
                chunk = index.chunk_at(other.id, int(m.get("start") or 0))
                if chunk is not None:
                    text = (f"{plan_label(plan.meta)} được ban hành ngày {display_date(m['date'])} "
                            f"(theo {plan_label(other.meta)}).")
                    return Point(text, chunk, m.get("sentence") or chunk.text, 1.0)
    return None


def _issued_date(plan, chunks: list[StoredChunk]) -> Point | None:
    for chunk in chunks[:2]:  # a page says it in its lead
        for unit in split_units(chunk.text):
            sentence = unit.text
            issued = [m.start() for m in _ISSUED.finditer(sentence)]
            if not issued or not _PLAN_KIND.search(sentence):
                continue
            dates = [e for e in entities.tag(sentence) if e.kind in ("date", "period")
                     and any(abs(e.start - i) <= ISSUED_NEAR or abs(e.end - i) <= ISSUED_NEAR for i in issued)]
            if dates:  # a day beats a year ("… năm 2023 vừa được ban hành ngày 21/02/2023")
                best = min(dates, key=lambda e: (e.kind != "date", min(abs(e.start - i) for i in issued)))
                when = re.sub(r"^(?:ngày|vào)\s+", "", best.text, flags=re.IGNORECASE)
                return Point(f"{plan_label(plan.meta)} được ban hành {_on(when)}.", chunk, sentence.strip(), 1.0)
    return None


def _on(when: str) -> str:
    return when if re.match(r"(?:tháng|năm|quý)\b", when, re.IGNORECASE) else f"ngày {when}"


def _signer_from_text(plan, chunks: list) -> Point | None:
    name = re.compile(rf"[{vi.UPPER}][{vi.LOWER}]+(?: [{vi.UPPER}][{vi.LOWER}]+){{1,3}}")
    for chunk in reversed(chunks):  # the signature block closes the document
        for m in _SIGNED_LINE.finditer(chunk.text):
            found = name.match(chunk.text, m.end())
            if found:
                return Point(f"{plan_label(plan.meta)} do {found.group(0)} ký.", chunk,
                             chunk.text[m.start():found.end()].strip(), 1.0)
    return None


# "… ban hành kế hoạch gì / văn bản gì / chương trình nào": what a decision issues
_ISSUES = re.compile(r"\bban hanh (?:ke hoach|van ban|chuong trinh|de an|quy che)? ?(?:gi|nao)\b")
_ISSUED_HERE = re.compile(r"Ban hành kèm theo Quyết định này\s+(.{10,300}?)(?:[.;]\s|\.$|\n|$)", re.IGNORECASE)


def _issues_point(plan, chunks: list[StoredChunk]) -> Point | None:
    """The document a decision issues, as its first article says ("Điều 1. Ban hành kèm theo Quyết định này …")."""
    found = _line_with(chunks, _ISSUED_HERE)
    if not found:
        return None
    chunk, line = found
    m = _ISSUED_HERE.search(line)
    if m is None:
        return None
    return Point(f"{plan_label(plan.meta)} ban hành {shorten(m.group(1).strip(), MAX_PART_CHARS)}.", chunk, line, 1.0)


def _issued_with(plan, chunks: list) -> Point | None:
    """The decision a plan is issued with: the plan itself when it is that decision, else the one its text names."""
    meta = plan.meta
    if meta.doc_type == "Quyết định" and meta.number:
        return fact_point("number", plan, chunks)
    pattern = re.compile(r"kèm theo\s+Quyết định(?:\s+số)?\s+(\d{1,5}\s*/\s*[\wĐđ\-]+)", re.IGNORECASE)
    found = _line_with(chunks, pattern)
    if not found:  # "Quyết định số 1515/QĐ-UBND ngày … của UBND tỉnh ban hành Kế hoạch …"
        pattern = re.compile(r"Quyết định(?:\s+số)?\s+(\d{1,5}\s*/\s*QĐ-[\wĐđ]+)[^.;\n]{0,80}?ban hành Kế hoạch",
                             re.IGNORECASE)
        found = _line_with(chunks, pattern)
    if not found:
        return None
    chunk, line = found
    m = pattern.search(line)
    if m is None:
        return None
    end = min([i for i in (line.find(";", m.end()), line.find(".", m.end()), len(line)) if i >= 0])
    return Point(f"Theo {plan_label(meta)}: {shorten(line[m.start():end].strip(), MAX_PART_CHARS)}.", chunk, line, 1.0)


# the kind of document a question is about, when it opens with one: "Chiến lược … được ban hành ngày nào?"
_SUBJECT_KIND = re.compile(r"^\W*(chien luoc|chi thi|nghi quyet|nghi dinh|thong tu|luat|ket luan)\b(?! (?:nao|gi|so may))")


def _same_kind(question: str, plan: StoredPlan) -> bool:
    """Whether a question opening with a kind of document ("Chiến lược …", "Chỉ thị …") may be about this plan:
    only when the plan is of that kind; a plan or page that cites the strategy is not the strategy."""
    m = _SUBJECT_KIND.match(vi.collapse(question))
    return m is None or vi.collapse(plan.meta.doc_type or "") == m.group(1)


def fact_for(part: Part, plan, index: PlanIndex) -> PartResult:
    """A part asking for one fact of a stored plan."""
    chunks = index.chunks(plan.id)
    meta = plan.meta
    intent = part.intent
    if _ISSUES.search(vi.collapse(part.text)) and meta.doc_type == "Quyết định":
        point = _issues_point(plan, chunks)  # "Quyết định X ban hành kế hoạch gì?": the document it issues
        if point:
            return PartResult(point, [d.text for d in entities.documents(point.text)])
    if intent == "implements" and _ISSUED_WITH.search(vi.collapse(part.text)):
        point = _issued_with(plan, chunks)
        if point:
            return PartResult(point, [d.text for d in entities.documents(point.text)])
    if intent in ("number", "implements") and part.asked_kind and intent == "number" and meta.doc_type \
            and part.asked_kind != meta.doc_type:
        return PartResult(None, [])  # "tại công văn số mấy" asks about another document than the plan
    if intent == "implements" and part.asked_kind:  # its national grounds, else the documents of that kind it cites
        kinds = [n for n in meta.implements if kind_of_number(n) == part.asked_kind]
        cited = [n for n in index.mentions.get(plan.id, ()) if kind_of_number(n) == part.asked_kind and n != meta.number]
        chosen = kinds or cited
        if chosen:
            pattern = re.compile(re.escape(chosen[0].split("/")[0]) + r"\s*/")
            found = _line_with(chunks, pattern)
            text = f"{plan_label(meta)} căn cứ {'; '.join(document_name(n) for n in chosen)}."
            if found:
                return PartResult(Point(text, found[0], found[1], 1.0), chosen)
        return PartResult(None, [])  # no document of the asked kind among its grounds: the sentences may say
    if intent == "horizon":
        point = _period_point(plan, chunks)
        if point:
            return PartResult(point, [])
    # a page without the plan's own date may still say when it was issued, or another stored text may (the
    # decision that replaced it: "… thay thế Kế hoạch số 141/KH-UBND ngày 4/5/2023"): that, before the page's date
    point = (_date_from_text(plan, chunks) or _date_from_mentions(plan, index)) if intent == "date" and not meta.date \
        else None
    point = point or fact_point(intent, plan, chunks)
    if point is None and intent == "signer":
        point = _signer_from_text(plan, chunks)
    if point is None:
        what = {"signer": "người ký", "date": "ngày ban hành", "number": "số hiệu", "issuer": "cơ quan ban hành",
                "horizon": "thời hạn", "field": "lĩnh vực", "implements": "văn bản được thực hiện"}.get(intent, "thông tin này")
        return PartResult(None, [], f"{plan_label(meta)} không ghi {what}")
    documents = list(meta.implements) if intent == "implements" else [d.text for d in entities.documents(point.text)]
    return PartResult(point, documents)


def _period_point(plan, chunks: list) -> Point | None:
    """"cho giai đoạn nào": a stated range ending at the plan's horizon ("giai đoạn 2023 - 2026") beats the bare year."""
    if not plan.meta.horizon or len(plan.meta.horizon) > 1:
        return None  # "đến năm 2025, tầm nhìn đến năm 2030" says more than any range
    last = plan.meta.horizon[-1]
    # the plan's own period, not any range ending that year ("chiến lược … 10 năm 2021 - 2030")
    pattern = re.compile(rf"(?:giai đoạn|thời kỳ|từ năm|từ)\s+(\d{{4}})\s*[-–]\s*{last}\b", re.IGNORECASE)
    if pattern.search(plan.meta.title or ""):
        pattern = re.compile(rf"\b(\d{{4}})\s*[-–]\s*{last}\b")
    found = _line_with(chunks, pattern)
    if not found:
        return None
    chunk, line = found
    m = pattern.search(line)
    if m is None:
        return None
    first = m.group(1)
    return Point(f"{plan_label(plan.meta)} áp dụng cho giai đoạn {first} - {last}.", chunk, line, 1.0)


def sentence_for(part: Part, subject: str, hits: list, index: PlanIndex, must: str | None = None,
                 section_words=(), dense_of=None, shown_before: frozenset[str] = frozenset()) -> PartResult:
    """The best sentence of the retrieved passages for this part (`must`: a document number it must name). A
    sentence another part already shows is passed over: each part of a question adds what it asks."""
    question = f"{subject} {part.text}".strip()
    ranked = sentences.rank(question, part.answer_type, hits, index.idf, index.plan, section_words,
                            dense_of=dense_of)
    if must:
        key = vi.fold(must).replace(" ", "")
        ranked = [c for c in ranked if key in vi.fold(c.body).replace(" ", "")]
    if not ranked or (ranked[0].body in shown_before and ranked[0].answer_spans
                      and _covers(part.text, ranked[0].body, index) >= OWN_WORDS_SHOWN):
        return PartResult(None, [])  # the line another part shows answers this part too
    fresh = [c for c in ranked if c.body not in shown_before]
    if not fresh:
        return PartResult(None, [])
    best = fresh[0]
    shown = with_owner(display(best, question, index.idf), best.chunk, part.answer_type)
    return PartResult(Point(shown, best.chunk, best.body, best.score), [d.text for d in entities.documents(shown)])


# a duty sentence has no subject of its own: it opens with what the heading's agency must do
_DUTY_VERB = re.compile(r"(?:Chủ trì|Phối hợp|Tham mưu|Thực hiện|Xây dựng|Tổ chức|Hướng dẫn|Theo dõi|Đôn đốc|Triển khai|"
                        r"Bố trí|Bảo đảm|Đảm bảo|Nghiên cứu|Đề xuất|Tuyên truyền|Quảng bá|Biên soạn|Phát hành|Cung cấp|"
                        r"Hỗ trợ|Tăng cường|Đẩy mạnh|Rà soát|Lồng ghép|Kết nối|Vận động|Định kỳ|Hằng năm|Hàng năm)\b")


OWN_WORDS_SHOWN = 0.5  # share of a part's own words a line already shown must hold to answer it too


def _covers(part_text: str, body: str, index: PlanIndex) -> float:
    from rag.understand.question import without_question_words
    from rag.understand.terms import coverage, query_terms, unit_terms

    return coverage(query_terms(without_question_words(part_text)), unit_terms(body), index.idf)


def _shared(subject: str, q: Question, i: int) -> str:
    """The words a part shares with the whole question: the question without the other parts' own words
    (part 2's words would pull part 1 to part 2's sentence)."""
    for j, other in enumerate(q.parts):
        if j != i:
            subject = subject.replace(other.text, " ")
    return " ".join(subject.split())


def with_owner(shown: str, chunk, answer_type: str) -> str:
    """A duty sentence under an agency's heading ("3. Liên hiệp các tổ chức hữu nghị tỉnh: - Chủ trì tổ chức …")
    answers "ai / cơ quan nào" with that heading: the owner is said before the sentence."""
    if answer_type not in ("agency", "person") or not _DUTY_VERB.match(shown):
        return shown  # a sentence with its own subject says who
    heading = (chunk.section or "").split("›")[-1]
    owners = [e.text for e in entities.agencies(heading)]
    return f"{owners[0]}: {shown}" if owners else shown


_PLAN_SELF = {"ke", "hoach"}


def display(cand, question: str, idf, limit: int = MAX_PART_CHARS) -> str:
    """The whole sentence when it fits; else the clauses around the answering entity, never cutting it."""
    from rag.understand.question import without_question_words
    from rag.understand.terms import best_window, query_terms

    body = cand.body
    if len(body) <= limit:
        return body
    # "có nói gì về …" points at no clause, nor does "kế hoạch": the user's name for the plan, while the plan's
    # own "Kế hoạch triển khai …" is its preamble
    terms = [t for t in query_terms(without_question_words(question)) if not set(t.split()) & _PLAN_SELF]
    window = best_window(body, terms, idf, limit)
    spans = cand.answer_spans
    if not spans:
        return window
    folded = vi.collapse(body)
    anchors = [m.start() for t in terms if " " in t for m in re.finditer(re.escape(t), folded)]
    span = min(spans, key=lambda s: min((abs(s.start - a) for a in anchors), default=s.start))
    if span.text in window:
        return window
    return around(body, span, limit)


def around(body: str, span, limit: int) -> str:
    """Whole clauses around one entity of `body`, within `limit` characters (the entity is never cut)."""
    bounds = [0] + [m.end() for m in re.finditer(r"[;,:]\s+", body)] + [len(body)]
    lo = max(b for b in bounds if b <= span.start)
    hi = min(b for b in bounds if b >= span.end)
    while True:
        grown = False
        left = max((b for b in bounds if b < lo), default=None)
        right = min((b for b in bounds if b > hi), default=None)
        if left is not None and hi - left <= limit:
            lo, grown = left, True
        if right is not None and right - lo <= limit:
            hi, grown = right, True
        if not grown:
            break
    text = body[lo:hi].strip().rstrip(",;:")
    if len(text) > limit:  # one clause alone is too long: keep the words around the entity
        start = max(0, span.start - limit // 2)
        text = shorten(body[start:], limit)
        return ("…" if start > 0 else "") + text
    return ("…" if lo > 0 else "") + text + ("…" if hi < len(body) else "")


def resolve_document(number: str, index: PlanIndex):
    """The stored plan a document number names, if any."""
    return next((p for p in index.plans.values() if number_matches(number, p.meta.number)), None)


def parts_answer(q: Question, scope: Scope, hits: list[Hit], index: PlanIndex, search: Search, grounds: Grounds,
                 dense_of=None) -> Answer | None:
    """One cited line per part of the question: a fact of the plan itself, a fact of the document the previous
    part named, or the best sentence for the part; None when a passage answer fits better."""
    targets = choose_targets(q, scope, hits, index, lambda: grounds.answerable(q.pq, hits))
    single = len(q.parts) == 1
    if single and scope.names_other_documents and scope.plan_ids is None:
        return None  # "Quyết định 2013/QĐ-TTg ký ngày nào?" asks about a cited document, not a plan
    if single and targets and not about_the_plan(q.pq, [index.plan(t) for t in targets]):
        return None
    points: list[Point] = []
    notes: list[str] = []  # facts asked that the plan does not state
    previous: list[str] = []
    others: list[Point] = []  # the asked fact of the other plans the question names
    subject = q.pq.content or q.text
    # a later part with no subject of its own asks about the first part's: the plan only if that one did
    first_asks_plan = q.parts[0].answer_type == "document" or (q.parts[0].intent != "general" and about_the_plan(
        parse_query(q.parts[0].text), [index.plan(t) for t in targets or []]))  # "kế hoạch nào …, cho giai đoạn nào?"
    for i, part in enumerate(q.parts):
        if scope.plan_ids is not None:
            part = document_fact(part)
        result = None
        # "… căn cứ kế hoạch nào, ban hành ngày nào?": a fact asked right after a document was asked is that
        # document's, when the later part names nothing else
        implicit = (i > 0 and q.parts[i - 1].answer_type == "document" and part.intent in _DOCUMENT_FACTS
                    and about_the_plan(parse_query(part.text), [], residual=0))
        if (part.refers_back or implicit) and previous:
            doc = previous[0]
            plan = resolve_document(doc, index)
            if plan is not None and part.intent != "general":
                result = fact_for(part, plan, index)
            elif plan is None and (cited := mentioned_fact(doc, part.intent, index)) is not None:
                result = PartResult(cited, [doc])  # only cited: what the citing sentence states
            if result is None or result.point is None:
                doc_hits = search(f"{doc} {part.text}", None)
                result = sentence_for(part, "", doc_hits, index, must=doc,
                                      shown_before=frozenset(p.quote for p in points))
        elif part.intent != "general" and targets and about_the_plan(  # not "hội nghị diễn ra ngày nào"
                parse_query(part.text), [index.plan(t) for t in targets],
                residual=RESIDUAL_SYLLABLES if i == 0 else LATER_PART_RESIDUAL) \
                and _same_kind(q.text, index.held(targets[0])) and (i == 0 or first_asks_plan):
            for other in targets[1:]:  # several named plans: the same fact of each of the others
                extra = fact_for(part, index.held(other), index)
                if extra.point is not None:
                    others.append(extra.point)
                elif extra.missing:
                    notes.append(extra.missing)
            plan = index.held(targets[0])
            asked = part
            if part.intent == "date" and any(w in q.pq.folded for w in _POSTING_WORDS) and plan.meta.published:
                asked = replace(part, intent="published")  # "đăng ngày nào": the page's date, not the plan's
            result = fact_for(asked, plan, index)
            if result.point is None and result.missing and asked.intent in ("signer", "date", "number"):
                notes.append(result.missing)
                continue
        if result is None or result.point is None:
            if single:
                return None
            in_targets = [h for h in hits if not targets or h.chunk.plan_id in targets] or hits
            result = sentence_for(part, _shared(subject, q, i), in_targets, index, section_words=q.section_words,
                                  dense_of=dense_of, shown_before=frozenset(p.quote for p in points))
        if result.point is not None:
            points.append(result.point)
            previous = result.documents or previous
    points += others
    if not points and notes:  # asked only for facts the plan does not state: a refusal that says so
        return Answer(q.text, False, f"{'; '.join(notes)}. Các văn bản đang có: "
                      f"{replies.holdings(list(index.plans.values()))}.", kind="refusal")
    if not points:
        return None
    numbered = number_points(points, index.plan)
    lines = numbered.lines + [f"({note}.)" for note in notes]
    kind = "metadata" if all(p.intent != "general" for p in q.parts) else "parts"
    return Answer(q.text, True, "\n".join(lines), numbered.citations, kind=kind, points=numbered.said)
