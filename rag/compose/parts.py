"""Answers one part of a question at a time: a fact of the plan itself, a fact of a document the previous
part named ("quyết định đó do ai ký?"), or the best sentence of the retrieved passages for the part's
answer type. Each part gives one cited Point."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ground import vi
from ground.display import shorten
from ground.numbers import DOC_KINDS, kind_of_number
from rag.compose import replies
from rag.compose.beside import TOLD_KINDS, beside, ordinal_line, states_value
from rag.compose.citations import Point, number_points, plan_label
from rag.compose.cited import carried_out, mentioned_fact, other_kind_asked
from rag.compose.display import display
from rag.compose.facts import RESIDUAL_SYLLABLES, about_the_plan
from rag.compose.plan_facts import PartResult, dates_of_other_kind, fact_for, same_kind
from rag.compose.records import annexed, count_point, counts_parts, parts_count_point
from rag.compose.roles import body_rows, role_rows
from rag.compose.sections import following_items
from rag.compose.shared_lines import answered_before, lines_shown, merged, with_owner
from rag.compose.targets import choose_targets
from rag.decide.counts import ASKS_HOW_LONG, counted_in, figure_of
from rag.decide.editions import NTH, names_edition, of_other_edition
from rag.decide.grounds import Grounds
from rag.decide.kinds import MISSING, states_kind
from rag.find import firsts, sentences
from rag.find.plans import PlanIndex
from rag.find.scope import Scope
from rag.find.search import Hit, Search
from rag.models import Answer
from rag.understand import entities
from rag.understand.names import number_matches, parse_query
from rag.understand.question import Part, Question, document_fact, without_question_words
from rag.understand.terms import coverage, query_terms, unit_terms

# the facts a later part may ask of the document the part before it named ("…, ban hành ngày nào?"); a period
# ("…, cho giai đoạn nào?") stays the named plan's
_DOCUMENT_FACTS = frozenset({"date", "signer", "issuer", "number"})
ANNOUNCED_ITEMS, ANNOUNCED_CHARS, ALL_ANNOUNCED = 4, 360, 40  # items an announcing line brings, its length, items read
_FACT_NAMES = {"date": "ngày ban hành", "signer": "người ký", "issuer": "cơ quan ban hành", "number": "số hiệu"}
_OWN_FACTS = frozenset({"date", "signer", "issuer"})  # a document named by its number: its number asks another's
# a later part's own words are all it says ("…, hạn chót là khi nào?"): one word beyond the plan's is a topic
LATER_PART_RESIDUAL = 1
_POSTING_WORDS = ("dang", "dang tai", "cap nhat", "dua tin", "bai viet")  # "đăng ngày nào": the page's date


# a near line stating the value the best one lacks ("Ngày 8/9, sự kiện … đã diễn ra"): how near, how good
PART_STATING_REACH, PART_STATING_SHARE = 3, 0.6


def sentence_for(part: Part, subject: str, hits: list, index: PlanIndex, must: str | None = None,
                 section_words=(), dense_of=None, shown_before: frozenset[str] = frozenset(),
                 stating: bool = False, whole: str = "", edition_of: str = "", context: str = "") -> PartResult:
    """The best sentence of the retrieved passages for this part (`must`: a document number it must name). A
    sentence another part already shows is passed over: each part of a question adds what it asks. `stating`: only
    a best sentence that states a value of the kind the part asks (a date, a number, a person …) will do; `whole`: the
    question the part is of, which names the kind of document a date is asked of. `context`: the subject with the parts
    before this one, whose best line wins when it holds the asked kind and as many of the part's own words ("… bao
    nhiêu lượt và đơn vị nào chủ trì?": the lead of the task the first part names, not of another)."""
    question = f"{subject} {part.text}".strip()
    ranked = _ranked(part, question, hits, index, must, section_words, dense_of, edition_of or whole or question)
    if context:
        own = next((c for c in ranked if c.body not in shown_before), None)
        around = _ranked(part, f"{context} {part.text}", hits, index, must, section_words, dense_of,
                         edition_of or whole or question)
        near = next((c for c in around if c.body not in shown_before), None)
        if near is not None and near.answer_spans and (own is None or near.body != own.body and _covers(
                part.text, near.body, index) >= _covers(part.text, own.body, index)):
            ranked = around
    if not ranked:
        return PartResult(None, [])
    if ranked[0].body in shown_before and ranked[0].answer_spans and _covers(part.text, ranked[0].body, index) >= OWN_WORDS_SHOWN:
        # the line another part shows answers this part too: shown once, whole (its window there may hide this value),
        # when it holds a value the question does not name ("Festival Biển Ngọc Viên" names the place it asks)
        unnamed = [e for e in ranked[0].answer_spans if vi.collapse(e.text) not in vi.collapse(whole or question)]
        return PartResult(Point(display(ranked[0], _own_words(part, question), index.idf), ranked[0].chunk, ranked[0].body, 1.0)
                          if unnamed else None, [])
    fresh = [c for c in ranked if c.body not in shown_before]
    if not fresh:
        return PartResult(None, [])
    best = fresh[0]
    if stating and part.answer_type in ("date", "time", "period", "number", "place") and not best.answer_spans:
        best = next((c for c in fresh[1:PART_STATING_REACH] if c.answer_spans and c.score >= PART_STATING_SHARE * best.score), best)
    if stating and part.answer_type in sentences.ANSWERING_KINDS and (
            not best.answer_spans or part.intent == "date" and whole and dates_of_other_kind(whole, best.body, best.answer_spans)):
        return PartResult(None, [])
    shown = with_owner(display(best, question, index.idf), best.chunk, part.answer_type)
    if best.body.rstrip().endswith(":"):  # "Tổng kinh phí dự kiến: 1.840 triệu đồng, gồm:": the items it announces
        items = following_items(best, index, ALL_ANNOUNCED)
        # "… có nội dung về sách ảnh không": of the items announced, those holding the words the line does not
        own = [t for t in query_terms(without_question_words(index.accents.restore(part.text)))
               if " " in t and t not in unit_terms(best.body)]
        named = [p for p in items if own and any(t in unit_terms(p.quote) for t in own)]
        items = (named if named and len(named) < len(items) else items)[:ANNOUNCED_ITEMS]
        if items:
            shown = shorten(f"{shown} {'; '.join(p.text.rstrip(' ;.') for p in items)}.", ANNOUNCED_CHARS)
    return PartResult(Point(shown, best.chunk, best.body, best.score), [d.text for d in entities.documents(shown)])



def _ranked(part: Part, question: str, hits: list, index: PlanIndex, must: str | None, section_words, dense_of,
            asked_edition: str) -> list:
    """The candidate lines for a part, best first: those naming `must`, of the edition asked, a field line, a count or
    sum of the thing asked first."""
    ranked = sentences.rank(question, part.answer_type, hits, index.idf, index.plan, section_words, dense_of=dense_of)
    if must:
        key = vi.fold(must).replace(" ", "")
        ranked = [c for c in ranked if key in vi.fold(c.body).replace(" ", "")]
    # "Hội nghị … lần thứ XXIII … ở đâu": a line telling of another edition ("… lần thứ XXII được tổ chức tại Hà Tĩnh")
    # answers another question, however many words it shares (the edition is named once, for every part)
    asked_edition = vi.collapse(asked_edition)
    if NTH.search(asked_edition):
        told = {pid: index.told(pid) for pid in {c.chunk.plan_id for c in ranked}}
        kept = [c for c in ranked if not of_other_edition(asked_edition, c.body, told[c.chunk.plan_id])]
        # (the store tells of other editions: a text telling of none is of another event, "Hội nghị … lần thứ XXIV")
        ranked = kept if len(kept) == len(ranked) else [c for c in kept if names_edition(asked_edition, told[c.chunk.plan_id])]
    # (…and of the item asked by its number, named once for every part: "lớp … số 3 học ngày nào, cho bao nhiêu người")
    ranked = firsts.numbered_first(firsts.field_first(ranked, part.answer_type, question), asked_edition)
    if part.answer_type == "time":  # "khai mạc lúc mấy giờ": a line giving an hour, before the lead naming the event
        ranked = [c for c in ranked if c.answer_spans] + [c for c in ranked if not c.answer_spans]
    if part.answer_type == "number":
        ranked = firsts.total_first(firsts.sum_first(firsts.counted_first(ranked, part.text), part.text),
                                    vi.collapse(part.text))
    return ranked


def _own_words(part: Part, question: str) -> str:
    """What sets the window of a long line a part shows: the part's own words ("…, tỉnh hỗ trợ bao nhiêu?"), not those it
    shares with the parts before it, whose window of the same line is shown already; the whole question when it has none."""
    return part.text if query_terms(without_question_words(part.text)) else question


OWN_WORDS_SHOWN = 0.5  # share of a part's own words a line already shown must hold to answer it too


def _covers(part_text: str, body: str, index: PlanIndex) -> float:
    own = query_terms(without_question_words(part_text))
    return coverage(own, unit_terms(body), index.idf) if own else 1.0  # "…, ở đâu?" has no words of its own


def _shared(subject: str, q: Question, i: int, keep_before: bool = False) -> str:
    """The words a part shares with the whole question: the question without the other parts' own words
    (part 2's words would pull part 1 to part 2's sentence); a later part without words of its own ("…, ở
    đâu?") asks about what the part before it names."""
    if i > 0 and not query_terms(without_question_words(q.parts[i].text)):
        return without_question_words(q.parts[i - 1].text)
    if any(other.text not in subject for other in q.parts) and all(other.text in q.text for other in q.parts):
        subject = q.text  # (the content read without its place, "… Sở Ngoại vụ dự bế mạc": the parts as typed come out)
    # (`keep_before`: a later part keeps the ones before it, "bồi dưỡng … bao nhiêu lượt và đơn vị nào chủ trì?" asks
    # that task's lead, but not their year or place when it names its own: "năm 2025 …, năm 2026 thực hiện bao nhiêu?")
    for j, other in enumerate(q.parts):
        if j > i or j < i and not keep_before:
            subject = subject.replace(other.text, " ")
        elif j < i:
            subject = subject.replace(other.text, _without_own_kinds(other.text, q.parts[i].text))
    # "… sang Hàn Quốc, trường đối tác nào?", "năm 2025 được giao bao nhiêu, thực hiện bao nhiêu?": a later part naming
    # no place nor year of its own asks of the foreign place and the year the part before it names (its row)
    if i > 0 and not entities.foreign_places(q.parts[i].text) and not re.search(r"\b(?:19|20)\d\d\b", q.parts[i].text):
        before = q.parts[i - 1].text
        subject += " " + " ".join(dict.fromkeys([e.text for e in entities.foreign_places(before)]
                                                + [f"năm {y}" for y in re.findall(r"\b(?:19|20)\d\d\b", before)]))
    return " ".join(subject.split())


def _without_own_kinds(before: str, part: str) -> str:
    """An earlier part's words without the years and foreign places of the kinds the later part names its own of."""
    if _YEAR.search(part):
        before = re.sub(r"(?i:\bnăm\s+|\bnam\s+)?" + _YEAR.pattern, " ", before)
    for place in entities.foreign_places(before) if entities.foreign_places(part) else ():
        before = before.replace(place.text, " ")
    return before


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
def resolve_document(number: str, index: PlanIndex):
    """The stored plan a document number names, if any."""
    return next((p for p in index.plans.values() if number_matches(number, p.meta.number)), None)


def _cited_part(part, scope: Scope, index: PlanIndex, asked: Sequence[str] = ()) -> PartResult | None:
    """"Quyết định 173/QĐ-TTg được ký ngày nào, …": a part naming a document the store only cites (or a later part
    naming none, of a question that names only such a document: `asked`) is answered from what the citing
    sentence states of it."""
    own = parse_query(part.text).numbers
    cited_only = [n for n in own if n in scope.other_documents] if own else list(asked)
    if own and carried_out(part.text):
        return None  # "…, ngày nào để thực hiện Quyết định 259/QĐ-TTg?": the text carrying it out is dated, not it
    if not cited_only or part.intent not in _DOCUMENT_FACTS or part.refers_back \
            or other_kind_asked(vi.fold(part.text), cited_only):  # "… Kế hoạch 96 là báo cáo số mấy"
        return None
    cited = mentioned_fact(cited_only[0], part.intent, index)
    return PartResult(cited, [cited_only[0]]) if cited is not None else None


def _asked_documents(part, result: PartResult, index: PlanIndex) -> list[str]:
    """The documents a part's answer gives, for the next part's fact: "kế hoạch nào … theo Chỉ thị 25" is answered by a
    line of the plan that carries the Chỉ thị out, and the Chỉ thị the part itself names is no answer to it."""
    pq = parse_query(part.text)
    named = pq.numbers + pq.bare_numbers
    if part.answer_type != "document" or any(resolve_document(n, index) is not None for n in named):
        # (a stored document the part names is its subject: "Quyết định 1642 sửa đổi kế hoạch nào và ban hành ngày
        # nào?" dates the decision)
        return result.documents
    given = [d for d in result.documents if not any(number_matches(n, d) for n in named)]
    kind = _ASKED_KIND.search(pq.folded)  # "kế hoạch nào": a Công văn the line also cites is none
    if kind:
        given = [d for d in given if kind_of_number(d) == DOC_KINDS[kind.group(1)]]
    plan = index.plan(result.point.chunk.plan_id) if result.point is not None else None
    own = plan.meta.number if plan is not None else None
    return given or ([own] if own and result.documents else result.documents)


# a kind asked its number after the number named ("QĐ 2771 … kèm quyết định số mấy"), not the named one's ("… 1609 … số mấy")
_KIND_ASKED_AFTER = re.compile(r"\d.*\b(?:quyet dinh|cong van|ke hoach|nghi quyet|chi thi|thong tu|nghi dinh|bao cao|to trinh|van ban)(?: [a-z]+){0,2} so may\b")
_ASKED_KIND = re.compile(r"\b(" + "|".join(DOC_KINDS) + r") (?:nao|gi|so may)\b")


def _named_part(part, index: PlanIndex) -> PartResult | None:
    """"…, và Báo cáo 27/BC-UBND do ai ký?": a later part naming a stored document by number asks its fact."""
    if part.intent not in _DOCUMENT_FACTS or part.refers_back:
        return None
    plan = next((p for n in parse_query(part.text).numbers if (p := resolve_document(n, index)) is not None), None)
    return fact_for(part, plan, index) if plan is not None else None


def parts_answer(q: Question, scope: Scope, hits: list[Hit], index: PlanIndex, search: Search, grounds: Grounds,
                 dense_of=None) -> Answer | None:
    """One cited line per part of the question: a fact of the plan itself, a fact of the document the previous
    part named, or the best sentence for the part; None when a passage answer fits better."""
    targets = choose_targets(q, scope, hits, index, lambda: grounds.confident(q.pq, hits))
    single = len(q.parts) == 1
    if single and scope.names_other_documents and scope.plan_ids is None:
        return None  # "Quyết định 2013/QĐ-TTg ký ngày nào?" asks about a cited document, not a plan
    # "Bộ trưởng nào đã ký Quyết định 83/2008/QĐ-BVHTTDL ban hành Quy chế …?": a stored document named by its number
    # is what a fact of a document is asked of, whatever words describe it
    by_number = bool(q.pq.numbers) and scope.plan_ids is not None and not scope.other_documents \
        and "hieu luc" not in q.pq.folded
    # "QĐ 2771 … thay cho quy chế kèm quyết định số mấy, ngày nào?": a text named by its number is asked another's
    named_again = bool(q.pq.numbers or q.pq.bare_numbers) and scope.plan_ids is not None and not scope.other_documents \
        and any(p.intent == "number" for p in q.parts) and _KIND_ASKED_AFTER.search(q.pq.folded) is not None
    if single and targets and not about_the_plan(q.pq, [index.plan(t) for t in targets]) \
            and not (by_number and q.parts[0].intent in _OWN_FACTS):
        return None
    points: list[Point] = []
    notes: list[str] = []  # facts asked that the plan does not state
    previous: list[str] = []
    others: list[Point] = []  # the asked fact of the other plans the question names
    missing = 0  # parts no line states, even around the lines shown
    unanswered: list[tuple[Part, str, Point | None]] = []  # parts no line chosen states: (part, note, the line chosen)
    subject = q.pq.content or q.text
    # a later part with no subject of its own asks about the first part's: the plan only if that one did
    # …or named the plan by its number ("Quyết định 618/QĐ-UBND … thành lập ban gì và do ai ký?")
    # (…or named a stored text by its number at all: "QĐ 1468 có hiệu lực từ khi nào, ai ký?" asks the decision's signer)
    named_stored = bool(q.pq.numbers or q.pq.bare_numbers) and scope.plan_ids is not None and not scope.other_documents
    first_asks_plan = by_number or named_stored or q.parts[0].answer_type == "document" or (q.parts[0].intent != "general" and about_the_plan(
        parse_query(q.parts[0].text), [index.plan(t) for t in targets or []]))  # "kế hoạch nào …, cho giai đoạn nào?"
    # a question naming only documents the store cites asks every part of them
    cited_asked = [n for n in q.pq.numbers if n in scope.other_documents] \
        if q.pq.numbers and all(n in scope.other_documents for n in q.pq.numbers) else []
    if other_kind_asked(q.pq.folded, cited_asked):
        cited_asked = []  # "… thực hiện Kế hoạch 96 là báo cáo số mấy, ban hành ngày nào?": the report's date
    # "… do ai ký, ban hành ngày nào?" (a date alone may be an event's: "ngày nào, và cao điểm từ khi nào")
    facts_only = all(p.intent in _DOCUMENT_FACTS for p in q.parts) and any(p.intent != "date" for p in q.parts) \
        and not named_again
    for i, part in enumerate(q.parts):
        if scope.plan_ids is not None:
            part = document_fact(part)
        result = None
        # "… căn cứ kế hoạch nào, ban hành ngày nào?": a fact asked right after a document was asked is that
        # document's, when the later part names nothing else
        # (…not when the question names a stored text by number: "Báo cáo 27 trả lời công văn nào, ai ký?" asks its signer)
        implicit = (i > 0 and q.parts[i - 1].answer_type == "document" and part.intent in _DOCUMENT_FACTS
                    and about_the_plan(parse_query(part.text), [], residual=0) and (not by_number or named_again))
        result = _cited_part(part, scope, index, cited_asked if i > 0 else []) or (
            _named_part(part, index) if i > 0 else None)
        if result is None and (part.refers_back or implicit) and previous:
            doc = previous[0]
            plan = resolve_document(doc, index)
            if plan is not None and part.intent != "general":
                result = fact_for(part, plan, index)
            elif plan is None and (cited := mentioned_fact(doc, part.intent, index)) is not None:
                result = PartResult(cited, [doc])  # only cited: what the citing sentence states
            if result is None or result.point is None:
                doc_hits = search(f"{doc} {part.text}", None)
                result = sentence_for(part, "", doc_hits, index, must=doc,
                                      shown_before=lines_shown(points))
        elif result is None and part.intent != "general" and targets and not named_again and (about_the_plan(  # not "hội nghị … ngày nào"
                parse_query(part.text), [index.plan(t) for t in targets],
                residual=RESIDUAL_SYLLABLES if i == 0 else LATER_PART_RESIDUAL)
                or by_number and i == 0 and part.intent in _OWN_FACTS or (by_number or i > 0) and part.intent == "horizon") \
                and same_kind(q.text, index.held(targets[0])) and (i == 0 or first_asks_plan):
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
        if (result is None or result.point is None) and targets:  # "… gồm bao nhiêu hoạt động?", "… mấy chương?"
            held = [index.held(t) for t in targets]
            counted = parts_count_point(vi.fold(part.text), held, index, annex=annexed(q.pq.folded)) or (
                count_point(vi.fold(part.text), held, index) if not single else None)
            result = PartResult(counted, []) if counted is not None else result
            if counted is None and (heads := counts_parts(vi.fold(part.text))):
                # "… gồm mấy chương?": a line saying so ("Quy định này gồm 3 Chương, 13 Điều"), else none counts them
                said = sentence_for(part, _shared(subject, q, i), [h for h in hits if not targets or h.chunk.plan_id
                                                                   in targets] or hits, index, stating=True)
                if said.point is None or not figure_of(vi.fold(heads), said.point.quote):
                    notes.append(f"văn bản không nêu số {heads}")
                    continue
                result = said
        if (result is None or result.point is None) and i > 0 and answered_before(part, points):
            continue  # the line shown for an earlier part states this part's value too: shown whole, once
        part_folded = vi.collapse(part.text)  # "…, ai làm Chủ tịch Hội đồng?": the member list's row of that role, or body
        if (result is None or result.point is None) and not single and part.answer_type == "person" and len(
                holders := role_rows(part_folded, hits, index) or body_rows(part_folded, q.pq.agencies, hits, index) or []) == 1:
            result = PartResult(holders[0], [])
        if result is None or result.point is None:
            if single:
                return None
            shared = _shared(subject, q, i)
            asked_so_far = " ".join(p.text for p in q.parts[:i + 1])  # an edition named in a later part is not this one's
            shown = lines_shown(points)
            in_targets = [h for h in hits if not targets or h.chunk.plan_id in targets] or hits
            result = sentence_for(part, shared, in_targets, index, section_words=q.section_words,
                                  dense_of=dense_of, shown_before=shown, stating=len(q.parts) > 1,
                                  whole=q.text if facts_only else "", edition_of=asked_so_far,
                                  context=_shared(subject, q, i, keep_before=True) if i > 0 else "")
            if result.point is None and len(q.parts) > 1:
                # the whole question's passages state no value this part asks: its own words find the one that does
                own = search(f"{shared} {part.text}", targets or None)
                result = sentence_for(part, shared, own, index, section_words=q.section_words, shown_before=shown,
                                      stating=True, whole=q.text if facts_only else "", edition_of=asked_so_far)
            # (a document's signer or date no line states is missing, not any line of the words: document facts alone pass
            # no last gate, nor does a signer or date asked beside another part; a count's line is read below by what it
            # counts, a person or place below by its kind's names; "trong bao lâu" is "03 ngày")
            typed = len(q.parts) > 1 and (part.intent in ("signer", "issuer") or part.intent == "general"
                                          and part.answer_type == "date" and not ASKS_HOW_LONG.search(vi.collapse(part.text)))
            if result.point is None and not (facts_only and len(q.parts) > 1) and not typed:
                result = sentence_for(part, shared, in_targets, index, section_words=q.section_words,
                                      dense_of=dense_of, shown_before=shown, edition_of=asked_so_far)
            if result.point is None and typed:
                unanswered.append((part, f"văn bản không nêu {_FACT_NAMES.get(part.intent, 'thời gian được hỏi')}", None))
                continue
        if result.point is not None and part.answer_type == "number" and len(q.parts) > 1 and part.intent == "general" \
                and not counted_in(part.text, result.point.quote):
            unanswered.append((part, "văn bản không nêu " + ("số tiền (kinh phí) được hỏi" if firsts.MONEY_ASKED.search(
                vi.collapse(part.text)) else "con số được hỏi"), result.point))
            continue  # "bao nhiêu dự án FDI": a line of its words counting something else ("lần thứ XIII")
        if result.point is not None and len(q.parts) > 1 and part.intent == "general" \
                and not states_kind(part, result.point.quote, q.text):
            unanswered.append((part, f"văn bản không nêu {MISSING[part.answer_type]}", result.point))  # "… ở tỉnh nào?": a line naming no place
            continue
        if result.point is not None and not merged(result.point, points):  # one line says both: shown once, whole
            points.append(result.point)
            previous = _asked_documents(part, result, index) or previous
    for part, note, chosen in unanswered:  # the lines around those shown may state it: a text tells one thing together
        if part.answer_type in TOLD_KINDS and any(states_value(part, p.quote, q.text) for p in points):
            continue  # "trong 97 hộ của bản, đã có 24 hộ làm homestay": the line shown for another part states it too
        near = (beside(part, points + ([chosen] if chosen else []), q.text, index.idf) if points or chosen else None) \
            or (ordinal_line(part, index.chunks(targets[0]), index.idf) if targets else None)
        if near is not None and not merged(near, points):
            points.append(near)
        elif near is None:
            notes.append(note)
            missing += 1
    points += others
    # half the parts or more stated nowhere: what is left is a by-line of the thing asked, not its answer ("… bao nhiêu học
    # giả nước ngoài, đến từ những nước nào?" shown when the conference took place)
    if missing and missing * 2 >= len(q.parts):
        return Answer(q.text, False, replies.not_stated(", ".join(dict.fromkeys(n.removeprefix("văn bản không nêu ")
                                                                             for n in notes))), kind="refusal")
    if not points and notes:  # asked only for facts the plan does not state: a refusal that says so
        return Answer(q.text, False, f"{'; '.join(notes)}. Các văn bản đang có: "
                      f"{replies.holdings(list(index.plans.values()))}.", kind="refusal")
    if not points and not single and facts_only:
        # "… do ai ký, ban hành ngày nào?" of a text whose lines state neither: said missing, not any line of its words
        what = ", ".join(dict.fromkeys(_FACT_NAMES[p.intent] for p in q.parts))
        return Answer(q.text, False, replies.not_stated(what), kind="refusal")
    if not points:
        return None
    numbered = number_points(points, index.plan)
    lines = numbered.lines + [f"({note}.)" for note in notes]
    kind = "metadata" if all(p.intent != "general" for p in q.parts) else "parts"
    plans = list(dict.fromkeys(p.chunk.plan_id for p in points))
    label = plan_label(index.held(plans[0]).meta) if len(plans) == 1 else ""
    if kind == "parts" and label and not any(label in line for line in lines):
        lines = [f"Theo {label}:"] + [f"- {line}" for line in lines]  # which text the sentences are from
    return Answer(q.text, True, "\n".join(lines), numbered.citations, kind=kind, points=numbered.said)
