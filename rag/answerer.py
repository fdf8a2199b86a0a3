"""Question → Answer: analyse the question, scope the plans it names, retrieve once, then answer each part
from the plan's facts, the catalog, or the best cited sentences; refuse with what the store holds."""
from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Any

from ground import vi
from ground.places import FOREIGN_PLACES
from rag.compose import duties as tasks
from rag.compose import replies, sentences, structured
from rag.compose.citations import Point, number_points, plan_label
from rag.compose.facts import about_the_plan
from rag.compose.parts import fact_for, resolve_document, sentence_for
from rag.compose.passages import choose_points
from rag.decide.answerable import Evidence, load_rule, never_answer
from rag.find.named import Scope, scope_for
from rag.find.plans import PlanIndex
from rag.find.search import Hit, HybridSearch
from rag.models import Answer
from rag.ports import AnswerSettings, QueryEmbedder, StoredPlan, StoreView
from rag.understand.entities import documents, find_entities
from rag.understand.mentions import ParsedQuery, number_matches
from rag.understand.question import Question, analyze, as_typed, without_question_words, without_request_frame
from rag.understand.terms import coverage, query_terms, unit_terms

MAX_TARGETS = 3
DEFAULT_TOP_K = 8  # ground.config.Settings.top_k, for an answerer built without settings
DOCUMENT_CONTENT = 0.5  # share of the question's own content words a passage naming its document must hold
TYPED_CONTENT = 0.5  # share of the question's content words a typed answer's sentence must hold
_POSTING_WORDS = ("dang", "dang tai", "cap nhat", "dua tin", "bai viet")


class Answerer:
    """The extractive answerer (rag.ports.AnswererPort)."""

    def __init__(self, store: StoreView, embeddings: QueryEmbedder, settings: AnswerSettings | None = None):
        self.store = store
        self.engine = HybridSearch(store, embeddings)
        self.k = settings.top_k if settings is not None else DEFAULT_TOP_K
        self.rule = load_rule(embeddings.name)
        self.index = PlanIndex(store)

    # -- the catalog view ------------------------------------------------------------------------
    def plan(self, plan_id: str) -> StoredPlan | None:
        return self.index.plan(plan_id)

    @property
    def plans(self) -> list[StoredPlan]:
        self.index.refresh()
        return list(self.index.plans.values())

    def scope_for(self, pq: ParsedQuery) -> Scope:
        self.index.refresh()
        return scope_for(pq, self.index)

    def search(self, pq: ParsedQuery, scope: Scope, k: int | None = None) -> list[Hit]:
        return self.engine.search(pq.text, k or self.k, plan_ids=scope.plan_ids, plan_boost=scope.boost)

    def evidence(self, pq: ParsedQuery, hits: list[Hit]) -> Evidence:
        idf = self.index.idf
        terms = query_terms(without_question_words(pq.content or pq.text))
        words = [t for t in terms if " " not in t]
        phrases = [t for t in terms if " " in t]
        best = (0.0, 0.0)
        for hit in hits[:3]:
            plan = self.plan(hit.chunk.plan_id)
            title = plan.meta.title if plan else ""
            text_terms = unit_terms(f"{title}\n{hit.chunk.section or ''}\n{hit.chunk.text}")
            found = (coverage(words, text_terms, idf), coverage(phrases, text_terms, idf))
            best = max(best, found, key=sum)
        dense = max((h.dense for h in hits if h.dense is not None), default=0.0)
        worded = [t for t in phrases if not any(c.isdigit() for c in t)]  # "van 404" is no phrase
        known = sum(1 for t in worded if self.index.df.get(t)) / len(worded) if worded else 0.5
        return Evidence(words=best[0], phrases=best[1], dense=dense, terms=len(words), accented=pq.accented,
                        known=known)

    # -- the AnswererPort surface -----------------------------------------------------------------
    def prepare(self, question: str) -> Answer:
        return self.ask(question)

    async def astream_prepared(self, prepared: Answer) -> AsyncIterator[dict[str, Any]]:
        yield {"type": "final", "answer": prepared.to_json()}

    def ask(self, question: str) -> Answer:
        return self.answer(question)[0]

    def answer(self, question: str) -> tuple[Answer, list[Hit]]:
        """The answer and the retrieval it was built from (the LLM mode writes from the same hits)."""
        question = without_request_frame(as_typed(question))
        if not question:
            return Answer(question, False, replies.EMPTY_QUESTION, kind="refusal"), []
        self.index.refresh()
        plans = list(self.index.plans.values())
        if not plans:
            return Answer(question, False, replies.EMPTY_STORE, kind="empty"), []
        if never_answer(question):
            return self._refuse(question), []
        q = analyze(question)
        scope = scope_for(q.pq, self.index)
        q = q.read_against(scope.years)
        pq = q.pq
        if scope.missing:
            return Answer(question, False, replies.unknown_scope(scope.missing, plans), kind="unknown_scope"), []
        routed = self._structured(q, scope)
        if routed:
            return routed, []
        hits, vector = self.engine.search_with_vector(pq.text, self.k, plan_ids=scope.plan_ids,
                                                      plan_boost=scope.boost)
        if not hits:
            return self._refuse(question), []
        dense_of = sentences.dense_lookup(
            self.store.sentence_vectors([h.chunk.id for h in hits[:sentences.TOP_CHUNKS]]), vector)
        answer = self._from_hits(q, scope, hits, dense_of)
        if not answer.found and tasks.route(pq) == "tasks":
            answer = structured.no_duties(q, self.index)  # "Sở X phải làm gì?": say who is named where
        return answer, hits

    def _refuse(self, question: str) -> Answer:
        return Answer(question, False, replies.out_of_scope(list(self.index.plans.values())), kind="refusal")

    def _structured(self, q: Question, scope: Scope) -> Answer | None:
        if q.standing and scope.plan_ids is not None and len(scope.plan_ids) <= MAX_TARGETS:
            answer = structured.standing_answer(q, scope.plan_ids, self.index)
            if answer:
                return answer
        if q.catalog is not None and (scope.plan_ids is None or len(scope.plan_ids) > 1):
            answer = structured.catalog_answer(q, self.index)
            if answer:
                return answer
        route = tasks.route(q.pq)
        if route == "tasks":
            ids = scope.plan_ids if scope.plan_ids is not None else list(self.index.plans)
            # no duties recorded: the passages may still answer; a refusal then says what is held
            return structured.tasks_answer(q, [self.index.plans[i] for i in ids if i in self.index.plans], self.index)
        if q.compare:
            return structured.compare_answer(
                q, self.index, lambda text, ids: self.engine.search(text, self.k, plan_ids=ids))
        return None

    @staticmethod
    def _boosted(scope: Scope) -> list[str]:
        """The named plans, narrowed to those a year or issuer in the question favours most."""
        targets = scope.plan_ids or []
        if len(targets) > 1 and scope.boost:
            top = max(scope.boost.get(t, 0.0) for t in targets)
            targets = [t for t in targets if scope.boost.get(t, 0.0) == top]
        return targets

    def _targets(self, q: Question, scope: Scope, hits: list[Hit]) -> list[str] | None:
        if scope.plan_ids is not None and len(scope.plan_ids) <= MAX_TARGETS:
            targets = self._boosted(scope)  # a year or issuer in the question picks among them
            if len(targets) > 1:  # the plans that hold the asked facts first, then retrieval order
                order = {h.chunk.plan_id: i for i, h in reversed(list(enumerate(hits)))}
                ranked = sorted(targets, key=lambda t: (-self._holds(q, t), order.get(t, 99)))
                # "kế hoạch của Huế và Cao Bằng …": one plan for each place the question names
                return self._one_per_name(q, ranked) or ranked[:1]
            return targets
        if self.rule.answerable(self.evidence(q.pq, hits)):
            return [hits[0].chunk.plan_id]
        return None

    def _one_per_name(self, q: Question, ranked: list[str]) -> list[str] | None:
        """The best plan of each province the question names, when it names several (else None)."""
        places = q.pq.provinces
        if len(places) < 2:
            return None
        chosen = [next((t for t in ranked if self.plan(t).meta.province == place), None) for place in places]
        chosen = list(dict.fromkeys(t for t in chosen if t))
        return chosen if len(chosen) >= 2 else None

    def _holds(self, q: Question, plan_id: str) -> int:
        meta = self.plan(plan_id).meta
        have = {"date": meta.date, "signer": meta.signer, "number": meta.number, "implements": meta.implements,
                "horizon": meta.horizon, "issuer": meta.issuer, "field": meta.field, "doc_type": meta.doc_type}
        return sum(1 for p in q.parts if have.get(p.intent))

    def _from_hits(self, q: Question, scope: Scope, hits: list[Hit], dense_of=None) -> Answer:
        pq = q.pq
        named = scope.plan_ids is not None
        if pq.intent == "general" and len(q.parts) == 1 and named and len(scope.plan_ids) <= 2 and about_the_plan(
            pq, [self.plan(t) for t in scope.plan_ids], residual=0
        ):
            overview = structured.overview_answer(q, self._boosted(scope), self.index)  # "ke hoach cao bang"?
            if overview:
                return overview
        asks_facts = any(p.intent != "general" or p.refers_back for p in q.parts)
        if len(q.parts) > 1 or asks_facts:
            answer = self._parts_answer(q, scope, hits, dense_of)
            if answer:
                return answer
        if not (self.rule.answerable(self.evidence(pq, hits)) or self._names_asked_document(q, scope, hits)
                or self._typed_evidence(q, scope, hits, dense_of)):
            return self._refuse(q.text)
        return self._passage_answer(q, scope, hits, dense_of)

    def _typed_evidence(self, q: Question, scope: Scope, hits: list[Hit], dense_of) -> bool:
        """A question about a named plan asking for a kind of fact ("… tại tỉnh nào?") is answerable when a
        sentence of that plan holds such a fact next to the question's own content words, even if other
        words of the question are paraphrased ("dự định" for "đặt mục tiêu")."""
        if scope.plan_ids is None or q.answer_type not in sentences.ANSWERING_KINDS:
            return False
        ranked = sentences.rank(q.pq.content or q.text, q.answer_type, hits, self.index.idf, self.index.plan,
                                q.section_words, dense_of=dense_of)
        return any(c.features["entity_near"] and c.features["content"] >= TYPED_CONTENT for c in ranked[:3])

    def _names_asked_document(self, q: Question, scope: Scope, hits: list[Hit]) -> bool:
        """A top passage names the very document the question asks about ("Chỉ thị 25-CT/TW … nói gì?") and
        holds what else the question asks (not "cách làm bánh chưng trong Quyết định 2013?")."""
        if not scope.other_documents:
            return False
        terms = sentences.content_terms(without_question_words(q.pq.content or q.text), self.index.naming)
        return any(number_matches(doc, e.text) and (not terms or coverage(terms, unit_terms(h.chunk.text),
                                                                           self.index.idf) >= DOCUMENT_CONTENT)
                   for h in hits[:3] for e in documents(h.chunk.text) for doc in scope.other_documents)

    def _parts_answer(self, q: Question, scope: Scope, hits: list[Hit], dense_of=None) -> Answer | None:
        targets = self._targets(q, scope, hits)
        single = len(q.parts) == 1
        if single and scope.names_other_documents and scope.plan_ids is None:
            return None  # "Quyết định 2013/QĐ-TTg ký ngày nào?" asks about a cited document, not a plan
        if single and targets and not about_the_plan(q.pq, [self.plan(t) for t in targets]):
            return None
        points: list[Point] = []
        notes: list[str] = []  # facts asked that the plan does not state
        previous: list[str] = []
        others: list[Point] = []  # the asked fact of the other plans the question names
        subject = q.pq.content or q.text
        for part in q.parts:
            result = None
            if part.refers_back and previous:
                doc = previous[0]
                plan = resolve_document(doc, self.index)
                if plan is not None and part.intent != "general":
                    result = fact_for(part, plan, self.index)
                if result is None or result.point is None:
                    doc_hits = self.engine.search(f"{doc} {part.text}", self.k)
                    result = sentence_for(part, "", doc_hits, self.index, must=doc)
            elif part.intent != "general" and targets:
                for other in targets[1:]:  # several named plans: the same fact of each of the others
                    extra = fact_for(part, self.plan(other), self.index)
                    if extra.point is not None:
                        others.append(extra.point)
                    elif extra.missing:
                        notes.append(extra.missing)
                plan = self.plan(targets[0])
                asked = part
                if part.intent == "date" and any(w in q.pq.folded for w in _POSTING_WORDS) and plan.meta.published:
                    asked = replace(part, intent="published")  # "đăng ngày nào": the page's date, not the plan's
                result = fact_for(asked, plan, self.index)
                if result.point is None and result.missing and asked.intent in ("signer", "date", "number"):
                    notes.append(result.missing)
                    continue
            if result is None or result.point is None:
                if single:
                    return None
                in_targets = [h for h in hits if not targets or h.chunk.plan_id in targets] or hits
                result = sentence_for(part, subject, in_targets, self.index, section_words=q.section_words,
                                      dense_of=dense_of)
            if result.point is not None:
                points.append(result.point)
                previous = result.documents or previous
        points += others
        if not points and notes:  # asked only for facts the plan does not state: a refusal that says so
            return Answer(q.text, False, f"{'; '.join(notes)}. Các văn bản đang có: "
                          f"{replies.holdings(list(self.index.plans.values()))}.", kind="refusal")
        if not points:
            return None
        lines, citations = number_points(points, self.plan)
        lines += [f"({note}.)" for note in notes]
        kind = "metadata" if all(p.intent != "general" for p in q.parts) else "parts"
        return Answer(q.text, True, "\n".join(lines), citations, kind=kind)

    def _passage_answer(self, q: Question, scope: Scope, hits: list[Hit], dense_of=None) -> Answer:
        favoured = frozenset(pid for pid, boost in scope.boost.items() if boost > 0)
        points = choose_points(q, hits, self.index, must=scope.other_documents or None, favoured=favoured,
                               dense_of=dense_of)
        if not points or not names_foreign_places(q.text, [p.chunk.text for p in points]):
            return self._refuse(q.text)
        plans = list(dict.fromkeys(p.chunk.plan_id for p in points))
        lead = f"Theo {plan_label(self.plan(plans[0]).meta)}:" if len(plans) == 1 else "Theo các văn bản trong kho:"
        lines, citations = number_points(points, self.plan)
        body = "\n".join(f"- {line}" for line in lines)
        return Answer(q.text, True, f"{lead}\n{body}", citations, kind="general")


def names_foreign_places(question: str, texts: list[str]) -> bool:
    """Every country or foreign place the question names is in the passages that answer it: "… tại Pháp
    không?" is not answered by a passage about other foreign localities."""
    places = [e.name for e in find_entities(question) if e.kind == "foreign"]
    folded = vi.collapse(" ".join(texts))
    return all(any(f" {vi.collapse(a)} " in f" {folded} " for a in (name, *FOREIGN_PLACES.get(name, ())))
               for name in places)

