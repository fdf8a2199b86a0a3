"""Question → Answer as a pipeline of stages, each a function of the previous stage's value:
understand (rag/understand: the typed text read once into a Question) → find (rag/find: the plans it names,
then the passages and their sentences) → decide (rag/decide: do they ground an answer?) → compose
(rag/compose: facts, catalog lists, duties, cited sentences). A refusal says what the store holds."""
from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Any

from ground import vi
from rag.compose import passages, replies, structured
from rag.compose.articles import article_answer
from rag.compose.bylines import byline_answer
from rag.compose.citations import joined
from rag.compose.countries import dominant_country, leads_of, titled_for_the_country
from rag.compose.enumerations import enumeration_answer
from rag.compose.facts import about_the_plan
from rag.compose.ordinal_counts import ordinal_count_answer
from rag.compose.parts import parts_answer
from rag.compose.records import counts_parts
from rag.compose.roles import body_member_answer, role_row_answer
from rag.compose.sections import find_section
from rag.compose.superlatives import ranked_inline, ranked_row_answer
from rag.compose.targets import boosted
from rag.decide.answerable import load_rule, never_answer
from rag.decide.bodies import unsaid_body
from rag.decide.contacts import contact_unsaid
from rag.decide.counts import unsaid_qualifier
from rag.decide.documents import cited_document_unsaid
from rag.decide.editions import NTH, names_edition, other_occasion
from rag.decide.events import unsaid_act
from rag.decide.grounds import Grounds, missing_asked
from rag.decide.holders import holder_named, office_asked
from rag.decide.kinds import lunar_unsaid
from rag.decide.money import cost_unsaid, fee_of_unsaid, rate_unsaid, sum_of_another
from rag.decide.places import figure_of_unsaid_province, with_asked_names, with_place_rows
from rag.decide.ranks import office_key_unsaid, prize_unsaid, rank_unsaid
from rag.decide.rivals import rival_named
from rag.decide.things import asked_thing, thing_named
from rag.find import sentences
from rag.find.glossary import written_out
from rag.find.plans import PlanIndex
from rag.find.scope import Scope, scope_for
from rag.find.search import Hit, HybridSearch
from rag.models import Answer
from rag.ports import AnswerSettings, QueryEmbedder, StoredPlan, StoreView
from rag.understand.names import ParsedQuery, of_place, without_chat_subject
from rag.understand.question import Part, Question, analyze, as_typed, stands_alone, without_request_frame

DEFAULT_TOP_K = 8  # ground.config.Settings.top_k, for an answerer built without settings
SUBJECT_PLANS = 2  # texts a follow-up's bracketed subject finds, which what it asks is then looked for in


class Answerer:
    """The extractive answerer (rag.ports.AnswererPort)."""

    def __init__(self, store: StoreView, embeddings: QueryEmbedder, settings: AnswerSettings | None = None):
        self.store = store
        self.engine = HybridSearch(store, embeddings)
        self.k = settings.top_k if settings is not None else DEFAULT_TOP_K
        self.index = PlanIndex(store)
        self.grounds = Grounds(self.index, load_rule(embeddings.name))

    def plan(self, plan_id: str) -> StoredPlan | None:
        return self.index.plan(plan_id)

    def scope_for(self, pq: ParsedQuery) -> Scope:
        self.index.refresh()
        return scope_for(pq, self.index)

    def search(self, text: str, plan_ids: list[str] | None = None) -> list[Hit]:
        """The hybrid search at the answerer's top k (rag.find.search.Search)."""
        return self.engine.search(text, self.k, plan_ids=plan_ids)

    # -- the AnswererPort surface -----------------------------------------------------------------
    def prepare(self, question: str) -> Answer:
        return self.ask(question)

    async def astream_prepared(self, prepared: Answer) -> AsyncIterator[dict[str, Any]]:
        yield {"type": "final", "answer": prepared.to_json()}

    def ask(self, question: str) -> Answer:
        return self.answer(question)[0]

    def answer(self, question: str, whole: bool = True) -> tuple[Answer, list[Hit]]:
        """The answer and the retrieval it was built from (the LLM mode writes from the same hits). `whole`: a
        question as asked, which may be answered part by part when it asks across texts."""
        text = without_request_frame(as_typed(question))
        if not text:
            return Answer(text, False, replies.EMPTY_QUESTION, kind="refusal"), []
        self.index.refresh()
        plans = list(self.index.plans.values())
        if not plans:
            return Answer(text, False, replies.EMPTY_STORE, kind="empty"), []
        text = written_out(text, self.index.glossary)  # "logo" in the texts' words, "Biểu trưng"
        if never_answer(text):
            return self._refuse(text), []
        q = analyze(text)  # understand
        scope = scope_for(q.pq, self.index)  # find: the plans it names
        q = q.read_against(scope.years, scope.provinces)
        if scope.missing:
            return Answer(text, False, replies.unknown_scope(scope.missing, plans), kind="unknown_scope"), []
        if scope.plan_ids is not None and len(q.parts) == 1 and (article := article_answer(q, scope.plan_ids, self.index)):
            return article, []  # "… điều nào quy định chế độ hội nghị quốc tế?", "điều 2 nói về gì": that article
        routed = structured.routed_answer(q, scope, self.index, self.search)  # compose: from the records
        if routed and scope.titled and not any(c.plan_id in scope.titled for c in routed.citations):
            routed = None  # "Tuần Văn hóa X … tổ chức khi nào?": the text titled so, not another's task row naming it
        office = office_asked(q.pq.folded) if routed and routed.found and q.answer_type == "person" else None
        if routed and office and not holder_named(office, _said(routed), q.text):
            routed = None  # "Giám đốc Sở … tên là gì?": a record of the Sở's duties names no one; the passages may
        if routed:
            said = _said(routed)
            other = other_occasion(q, said) if routed.found else None
            other = other or (_year_alone_unsaid(q, "\n".join(p.text for p in routed.points))
                              or rate_unsaid(q.pq.folded, said) or lunar_unsaid(q.text, said)
                              if routed.found else None)  # a task's total is no rate, its month no lunar day
            if other:  # decide: a record of another edition ("lần thứ nhất … 10/2027" for "lần thứ hai năm 2029")
                return Answer(text, False, replies.not_stated(other), kind="refusal"), []
            return routed, []
        hits, vector = self.engine.search_with_vector(q.pq.text, self.k, plan_ids=scope.plan_ids, plan_boost=scope.boost,
                                                      dense_text=self.index.accents.restore(q.pq.text))  # find
        if not hits:
            return self._refuse(text), []
        if (asked := without_chat_subject(q.pq.text)) != q.pq.text:  # a follow-up's subject finds the text; what it
            texts = list(dict.fromkeys(h.chunk.plan_id for h in hits[:SUBJECT_PLANS]))  # asks is looked for in it
            hits, vector = self.engine.search_with_vector(asked, self.k, plan_ids=texts,
                                                          dense_text=self.index.accents.restore(asked))
        hits = with_place_rows(q.text, hits, self.index.chunks)  # (a table's row of the country asked)
        hits = with_asked_names(q.text, hits, self.index.told)  # (…and only the texts writing the foreign name asked)
        if (ranked := ranked_row_answer(q, hits, self.index) or ranked_inline(q, hits, self.index)) is not None:
            return ranked, hits  # "khoản chi nào lớn nhất": the table's row that is, by the measure asked
        if (listed := enumeration_answer(q, hits, self.index) or byline_answer(q, hits, self.index)
                or ordinal_count_answer(q, hits, self.index)) is not None:
            return listed, hits  # "hồ sơ … gồm những giấy tờ gì": the list the text opens for it
        if (holder := role_row_answer(q, hits, self.index) or body_member_answer(q, hits, self.index)) is not None:
            return holder, hits  # "ai làm Chủ tịch Hội đồng", "Sở X cử ai": the member list's row of that role, body
        dense_of = sentences.dense_lookup(
            self.store.sentence_vectors([h.chunk.id for h in hits[:sentences.TOP_CHUNKS]]), vector)
        answer = self._from_hits(q, scope, hits, dense_of) or self._refuse(q.text)
        # "Quý I/2023, … tiếp nhận mấy dự án?" refused on the best text (of 2024): the texts of the year asked, once
        dated = [h for h in hits if q.pq.years and h.chunk.plan_id in self.index.facts
                 and set(q.pq.years) <= self.index.facts[h.chunk.plan_id].years]
        if not answer.found and dated and dated[0] is not hits[0]:
            answer = self._from_hits(q, scope, dated, dense_of) or answer
        # "chuyên gia Ấn Độ khảo sát tháp nào ở Phú Yên?" refused by the texts about the place: the texts telling of it
        if not answer.found and scope.provinces and scope.plan_ids is not None and not scope.titled and not q.pq.numbers:
            answer = self._told_elsewhere(q, scope) or answer
        # (an item asked by its place in a list, "nội dung thứ 3 mà các bộ, UBND tỉnh phải triển khai", is the item)
        if structured.asks_duties(q) and not structured.dated_duties(q) and not (answer.found and (q.ordinal or structured.names_agency(
                answer, q.pq.agencies, self.index))):
            answer = structured.no_duties(q, self.index)  # "Sở X phải làm gì?": say who is named where
        if not answer.found and whole and len(q.parts) > 1 and all(stands_alone(_without_label(p)) for p in q.parts):
            answer = self._part_by_part(q) or answer
        return answer, hits

    def _told_elsewhere(self, q: Question, scope: Scope) -> Answer | None:
        """The question over the other texts whose words name every place it asks of; None when none answers."""
        names = [vi.collapse(p) for p in scope.provinces]
        hits, vector = self.engine.search_with_vector(q.pq.text, self.k, dense_text=self.index.accents.restore(q.pq.text))
        others = [h for h in hits if h.chunk.plan_id not in (scope.plan_ids or [])
                  and all(re.search(rf"\b{n}\b", vi.collapse(self.index.told(h.chunk.plan_id))) for n in names)]
        if not others:
            return None
        dense_of = sentences.dense_lookup(
            self.store.sentence_vectors([h.chunk.id for h in others[:sentences.TOP_CHUNKS]]), vector)
        texts = list(dict.fromkeys(h.chunk.plan_id for h in others))
        return self._from_hits(q, replace(scope, plan_ids=texts), others, dense_of)

    def _part_by_part(self, q: Question) -> Answer | None:
        """"Năm 2009 Bộ … bằng thông tư nào, còn năm 2025 Bộ dẫn nghị định nào?": parts that each name what they ask of,
        refused together because no one text holds both, answered each on its own (a part no text answers said so);
        None unless one part is answered."""
        answers = [self.answer(part.text, whole=False)[0] for part in q.parts]
        # ("Đại sứ … tên gì, có dự lễ … không?": whether someone no text names did something is no answer of its own)
        if not all(a.found for a in answers) and not any(a.found for a, p in zip(answers, q.parts, strict=True)
                                                         if not _YES_NO.search(vi.collapse(p.text))):
            return None
        shown = [a if a.found else replace(a, answer=f"({a.question.rstrip(' ?')}: {replies.NOT_IN_STORE}.)",
                                           citations=[], points=[]) for a in answers]
        return replace(joined(q.text, shown), kind="parts")

    def _refuse(self, question: str) -> Answer:
        return Answer(question, False, replies.out_of_scope(list(self.index.plans.values())), kind="refusal")

    def _from_hits(self, q: Question, scope: Scope, hits: list[Hit], dense_of) -> Answer | None:
        """compose, with decide where a passage answer needs grounds; None means refuse."""
        named = scope.plan_ids is not None
        hits = titled_for_the_country(q.text, hits, self.index)  # "… Campuchia": not the Hội … Lào's page
        # "ke hoach cao bang"? asks for the plan itself; "… gửi Sở trước ngày nào?" asks a date it states
        if (q.pq.intent == "general" and q.answer_type == "content" and len(q.parts) == 1 and named
                and len(scope.plan_ids or []) <= 2
                and about_the_plan(q.pq, [self.plan(t) for t in scope.plan_ids or []], residual=0)):
            overview = structured.overview_answer(q, boosted(scope), self.index)  # "ke hoach cao bang"?
            if overview:
                return overview
        # (…and "… có mấy chương, mấy điều?", which the text's own heads count)
        if len(q.parts) > 1 or any(p.intent != "general" or p.refers_back for p in q.parts) or counts_parts(q.pq.folded):
            answer = parts_answer(q, scope, hits, self.index, self.search, self.grounds, dense_of)
            # (the whole sentence, not its cut display: "…Lạng Sơn, … ký ngày 24/2/2018" is of "Hội nghị lần thứ 9")
            other = other_occasion(q, _said(answer)) if answer and answer.found else None
            if other:  # decide: the lines are of another edition or half year than the one asked
                return Answer(q.text, False, replies.not_stated(other), kind="refusal")
            # (…a document's facts too: "Kế hoạch … năm 2021 số mấy, ban hành ngày nào?" of the store's 2020 plan)
            if answer and answer.found and answer.kind in ("parts", "metadata"):
                return self._last_gate(q, scope, answer, each_part=True)  # …what the whole question names
            if answer:
                return answer
        if len(q.parts) == 1 and len(scope.provinces) >= 2 and (each := self._each_place(q, scope, dense_of)):
            return each  # "Chủ tịch … tỉnh Kiên Giang và tỉnh Phú Yên lần lượt là ai?": each from its own texts
        # (an item of a named text asked by its place, "nhiệm vụ cuối cùng trong Kế hoạch 517", is there when the text has
        # that section: its words are the section's name, not evidence any passage repeats)
        asks_item = scope.plan_ids is not None and bool(q.ordinal or q.part_ref) and bool(find_section(q, hits, self.index))
        if not asks_item and not self.grounds.grounded(q, scope, hits, dense_of):  # decide
            return None
        answer = passages.passage_answer(q, scope, hits, self.index, dense_of)
        if answer is None:
            return None
        gated = self._last_gate(q, scope, answer)
        if gated.found or len(q.parts) > 1 or not _thing_unsaid(q, gated):
            return gated
        # a second reading, once, of a thing counted or named that the lines shown never count or name: the best passages
        # past them ("bao nhiêu văn kiện" read first from a table's row of that date, then from the sentence counting "04
        # văn kiện"; "gọi tổng đài nào" from a line of the Sở's address, then from the one naming the hotline);
        # (not of a sum, a year or a place missing: a near line of those answers a near miss, measured)
        shown = [(c.plan_id, c.quote.strip(" …")[:60]) for c in answer.citations]
        rest = [h for h in hits if not any(pid == h.chunk.plan_id and said in h.chunk.text for pid, said in shown)]
        again = passages.passage_answer(q, scope, rest, self.index, dense_of) if rest else None
        again = self._last_gate(q, scope, again) if again is not None else None
        return again if again is not None and again.found else gated

    def _each_place(self, q: Question, scope: Scope, dense_of) -> Answer | None:
        """The question asked of each province it names, from that province's texts; None unless each answers."""
        answers = []
        for place in scope.provinces:
            own = [pid for pid, f in self.index.facts.items() if f.place == place]
            one = analyze(of_place(q.text, place))  # the clauses about the other places left out
            hits = self.engine.search(one.pq.text, self.k, plan_ids=own) if own else []
            answer = passages.passage_answer(one, replace(scope, plan_ids=own), hits, self.index, dense_of) if hits else None
            answer = self._last_gate(one, replace(scope, plan_ids=own), answer) if answer is not None else None
            if answer is None or not answer.found:
                return None
            answers.append(answer)
        return joined(q.text, answers)

    def _last_gate(self, q: Question, scope: Scope, answer: Answer, each_part: bool = False) -> Answer:
        """decide, last: the lines shown hold what is asked, else say what the documents do not state."""
        plan_years = {y for c in answer.citations for y in self.index.facts[c.plan_id].years
                      if c.plan_id in self.index.facts}
        shown = "\n".join([p.text for p in answer.points] + [c.section or "" for c in answer.citations])
        # the lines' passages and the documents they are from ("… ở Lam Kiều?": the plan of Lam Kiều says so)
        # …and each document's lead, which dates the event a page reports ("Hội nghị … năm 2024" above its details)
        cited_plans = list(dict.fromkeys(c.plan_id for c in answer.citations))
        leads = {pid: chunks[0].text for pid, chunks in zip(cited_plans, map(self.index.chunks, cited_plans), strict=True)
                 if chunks}  # a plan's chunks come in order: its first is its lead
        passages_text = "\n".join([c.full_quote for c in answer.citations] + [
            f"{p.meta.title} | {p.meta.issuer or ''} | {p.meta.province or ''}"  # (a title's last word is no name's first)
            for p in (self.index.plan(c.plan_id) for c in answer.citations) if p] + list(leads.values()))
        # …and the country a text is about, only its name ("danh sách lưu học sinh tỉnh Phông Sả Lỳ, nước … Lào" over the
        # line of its budget: of Lào, whatever else its lines say)
        passages_text += "\n" + " | ".join(c for pid in cited_plans if (c := dominant_country(pid, self.index, q.text)))
        # …and its lines naming the edition asked, which date it ("Liên hoan … lần thứ VI - Bình Định 2016" above the
        # line counting its guests)
        if NTH.search(q.pq.folded):
            passages_text += "\n" + "\n".join(c.text for pid in cited_plans for c in self.index.chunks(pid)
                                                if names_edition(q.pq.folded, c.text))
        # …and the years they write ("… tổng kết công tác năm 2019" further down the page about that conference)
        unsaid = [y for y in q.pq.years if str(y) not in passages_text]
        if unsaid:
            written = {int(y) for pid in cited_plans for c in self.index.chunks(pid)
                       for y in re.findall(r"\bnăm ((?:19|20)\d\d)\b", c.text)}
            passages_text += "\n" + " ".join(f"năm {y}" for y in unsaid if y in written)
        issuers = [p.meta.issuer for p in (self.index.plan(c.plan_id) for c in answer.citations) if p and p.meta.issuer]
        # the years a news page shown is dated by, or the days its passages date, name the event it reports, not a
        # year of its figures ("ngày 14/12/2021, tại thủ đô Seoul, … ký kết Chương trình …")
        unnumbered_ids = {pid for pid in cited_plans if (p := self.index.plan(pid)) and not p.meta.number}
        page_years = {int(d[:4]) for pid in unnumbered_ids for d in (self.index.held(pid).meta.date,
                                                                      self.index.held(pid).meta.published)
                      if d and d[:4].isdigit()}
        page_years |= {int(y) for c in answer.citations if c.plan_id in unnumbered_ids for y in _DAY_YEAR.findall(c.full_quote)}
        # …and the one year its title names ("Trao Giải thưởng … năm 2017", posted in 2018): the event it reports
        page_years |= {int(y) for pid in unnumbered_ids
                       if len(ys := set(_TITLE_YEAR.findall(self.index.held(pid).meta.title or ""))) == 1 for y in ys}
        titles = "\n".join(p.meta.title for p in (self.index.plan(pid) for pid in cited_plans) if p)

        def told() -> list[str]:  # (the documents' whole texts, read only when a gate needs them)
            return [self.index.told(pid) for pid in cited_plans]

        own = {p.meta.province for pid in cited_plans if (p := self.index.plan(pid)) and p.meta.province}
        missing = lunar_unsaid(q.text, shown) or figure_of_unsaid_province(q, f"{shown}\n{titles}", own) \
            or contact_unsaid(q.text, shown) \
            or rival_named(q, "\n".join([shown, *_whole_lines(answer), *leads_of(answer.citations, self.index)]),
                           "\n".join([titles, *issuers])) \
            or unsaid_body(q.text, told, issuers) or unsaid_qualifier(q, shown, told) \
            or sum_of_another(q.text, _whole_lines(answer)) or rank_unsaid(q.text, shown) or prize_unsaid(q.text, shown) \
            or office_key_unsaid(q.text, shown) or fee_of_unsaid(q.text, shown) \
            or unsaid_act(q.text, q.answer_type, shown) or cost_unsaid(q.text, shown) \
            or missing_asked(q, written_out(shown, self.index.glossary), plan_years, passages_text, issuers, each_part, titles,
                             _point_lines(answer, self.index),
                             told, page_years)
        unnumbered = "\n".join(text for pid, text in leads.items() if pid in unnumbered_ids)
        replaced = [r["number"] for pid in cited_plans if (p := self.index.plan(pid)) for r in p.meta.relations
                    if r.get("kind") == "replaces"]
        cited = cited_document_unsaid(q, scope, "\n".join([shown] + [c.full_quote for c in answer.citations]), unnumbered,
                                      replaced)
        if cited and not missing:  # the lines are the citing plan's own, not the cited document's
            missing = f"thông tin này của văn bản {cited} (các văn bản đang có chỉ dẫn chiếu văn bản đó)"
        missing = missing or _year_alone_unsaid(q, shown)
        if missing:
            return Answer(q.text, False, replies.not_stated(missing), kind="refusal")
        return answer


_COUNT_UNSAID = re.compile(r"không nêu số (?!tiền|hiệu|liệu|lượng)\w")  # "… không nêu số văn kiện được hỏi"


def _thing_unsaid(q: Question, refused: Answer) -> bool:
    """The refusal says the lines shown never count or name the thing asked (not a sum, a year or a place)."""
    thing = asked_thing(q.text)
    return bool(_COUNT_UNSAID.search(refused.answer)) or bool(
        thing and refused.answer == replies.not_stated(thing_named(q.text, thing)))
# "… ở đâu trong Công văn 1542/VP-KGVX của Xuân Viễn?": the document a chat is about, named after a part's own words
_LABEL_AFTER = re.compile(r"\s+trong\s+\w+(?:\s+\w+)?\s+\d+[^\s?]*(?:\s+của\s+[^?]+)?\??$")


def _without_label(part: Part) -> Part:
    """The part without the conversation's document named after it: what it asks of its own."""
    return replace(part, text=_LABEL_AFTER.sub("", part.text))


_YES_NO = re.compile(r"^(?:.* )?(?:co|da|duoc)\b.*\bkhong\W*$")  # "… có dự lễ kỷ niệm không?"
_YEAR_ALONE = re.compile(r"\brieng (?:trong )?(?:nam )?((?:19|20)\d\d)\b")


def _year_alone_unsaid(q: Question, shown: str) -> str | None:
    """"riêng năm 2023 …" asks a figure of that year alone, which a line shown must date itself (not its page, nor
    its plan's period: "từ năm 2015 đến nay, … hơn 700 cây" is no figure of 2023)."""
    alone = [y for y in _YEAR_ALONE.findall(q.pq.folded) if not re.search(rf"\b{y}\b", shown)]
    return f"số liệu riêng của năm {alone[0]}" if alone else None
_TITLE_YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d/])")
_DAY_YEAR = re.compile(r"\b\d{1,2}/\d{1,2}/((?:19|20)\d\d)\b")


def _point_lines(answer: Answer, index: PlanIndex) -> list[str]:
    """Each line shown, then (below it) the heading it stands under and its document's title: what the line is of."""
    cited = {c.n: c for c in answer.citations}
    out = []
    for p in answer.points:
        c = cited.get(p.n)
        plan = index.plan(c.plan_id) if c else None
        out.append("\n".join([p.text, (c.section or "") if c else "", plan.meta.title if plan else ""]))
    return out


def _whole_lines(answer: Answer) -> list[str]:
    """The whole line each point is cut from ("…3 tỉnh U Đôm Xay…" of "… với 3 tỉnh U Đôm Xay, … của Lào."), not the
    whole list around it (an item of a list of projects names no other item's place)."""
    quotes = {c.n: c.full_quote for c in answer.citations}
    out = []
    for point in answer.points:
        core = point.text.strip(" …-").split("…")[0][:40]
        out += [line for line in quotes.get(point.n, "").split("\n") if core and core in line]
    return out


def _said(answer: Answer) -> str:
    """The lines an answer shows and the whole sentences they are cut from, which its gates read."""
    return "\n".join([p.text for p in answer.points] + [c.full_quote for c in answer.citations])
