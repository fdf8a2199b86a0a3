"""Question → Answer: scope the plans a question names, retrieve, then answer from facts or passages."""
from __future__ import annotations

import re
import threading
from collections import Counter
from dataclasses import dataclass, field

from ngvh import vi
from ngvh.limits import MAX_QUESTION_CHARS

from . import replies, tasks
from .citations import Point, number_points, plan_label
from .compose import choose_points
from .facts import about_the_plan, fact_point
from .models import Answer
from .passages import coverage, make_idf, query_terms, unit_terms
from .query import ParsedQuery, number_matches, parse_query
from .retriever import Hit, HybridSearch
from .scope import Evidence, load_rule, never_answer

YEAR_BOOST = 0.6  # z-score units: a year the question names that is the plan's date or horizon
ISSUER_BOOST = 0.6


@dataclass
class Scope:
    plan_ids: list[str] | None = None  # None: every plan
    missing: str | None = None  # what the question named that the store does not hold
    boost: dict[str, float] = field(default_factory=dict)
    names_other_documents: bool = False  # the question names a document that is not a stored plan


_ASKS_POSTING = re.compile(r"\b(dang|dang tai|cap nhat|dua tin|bai viet|tin)\b")


def _looks_like_year(number: str) -> bool:
    return len(number) == 4 and 1945 <= int(number) <= 2100


class Answerer:
    def __init__(self, store, embeddings, settings=None):
        self.store = store
        self.engine = HybridSearch(store, embeddings)
        self.k = getattr(settings, "top_k", 8)
        self.rule = load_rule(getattr(embeddings, "name", None))
        self._lock = threading.Lock()
        self._key: tuple | None = None
        self._plans: dict = {}
        self._chunks_by_plan: dict[str, list] = {}
        self._idf = None
        self._df: Counter = Counter()

    # -- catalog state, refreshed when the store's active versions change -----------------------
    def _refresh(self) -> None:
        key = tuple(sorted(self.store.active_versions().items()))
        if key == self._key:
            return
        with self._lock:
            if key == self._key:
                return
            plans = {p.id: p for p in self.store.list_plans()}
            by_plan: dict[str, list] = {}
            df: Counter = Counter()
            for chunk in self.store.iter_chunks():
                by_plan.setdefault(chunk.plan_id, []).append(chunk)
                df.update(unit_terms(chunk.text))
            n = sum(len(v) for v in by_plan.values())
            self._plans, self._chunks_by_plan = plans, by_plan
            self._df = df
            self._idf = make_idf(lambda t: df.get(t, 0), max(n, 1))
            self._key = key

    def _section_chunks(self, chunk) -> list:
        same = [c for c in self._chunks_by_plan.get(chunk.plan_id, []) if c.section == chunk.section]
        return sorted(same, key=lambda c: c.seq) or [chunk]

    def plan(self, plan_id: str):
        return self._plans.get(plan_id)

    @property
    def plans(self) -> list:
        self._refresh()
        return list(self._plans.values())

    # -- scope: which plans a question is about -------------------------------------------------
    def scope_for(self, pq: ParsedQuery) -> Scope:
        self._refresh()
        plans = list(self._plans.values())
        scope = Scope()
        # a decision that carries a plan answers to both numbers (PlanMeta.known_numbers)
        named = lambda n, p: any(number_matches(n, own) for own in p.meta.known_numbers())  # noqa: E731
        known = lambda n: any(named(n, p) for p in plans) or any(  # noqa: E731
            number_matches(n, i) for p in plans for i in p.meta.implements
        )
        # "kế hoạch 2014" names a year more often than a document number 2014
        years = [int(n) for n in pq.bare_numbers if _looks_like_year(n) and not known(n)]
        wanted = pq.numbers + [n for n in pq.bare_numbers if int(n) not in years]
        pq.years = sorted(set(pq.years) | set(years))
        if wanted:
            by_number = [p.id for p in plans if any(named(n, p) for n in wanted)]
            implements = [p.id for p in plans if any(number_matches(n, i) for n in wanted for i in p.meta.implements)]
            if by_number:
                scope.plan_ids = by_number
            elif implements:  # a national document the plans implement: keep all, favour those
                scope.boost.update({pid: YEAR_BOOST for pid in implements})
            else:
                scope.missing = f"văn bản số {', '.join(wanted)}"
                return scope
            scope.names_other_documents = not by_number or any(
                not any(named(n, p) for p in plans) for n in wanted
            )
        if pq.provinces and scope.plan_ids is None:
            in_place = [p.id for p in plans if p.meta.province in pq.provinces]
            if not in_place:
                scope.missing = f"kế hoạch nào của {', '.join(pq.provinces)}"
                return scope
            scope.plan_ids = in_place
        for plan in plans:
            meta = plan.meta
            years = set(meta.horizon) | {int(d[:4]) for d in (meta.date, meta.published) if d}
            if years & set(pq.years):
                scope.boost[plan.id] = scope.boost.get(plan.id, 0.0) + YEAR_BOOST
            if meta.issuer and not meta.province and vi.collapse(meta.issuer) in pq.folded:
                scope.boost[plan.id] = scope.boost.get(plan.id, 0.0) + ISSUER_BOOST
        return scope

    def search(self, pq: ParsedQuery, scope: Scope, k: int | None = None) -> list[Hit]:
        return self.engine.search(pq.text, k or self.k, plan_ids=scope.plan_ids, plan_boost=scope.boost)

    # -- answering --------------------------------------------------------------------------------
    def evidence(self, pq: ParsedQuery, hits: list[Hit]) -> Evidence:
        terms = query_terms(pq.content or pq.text)
        words = [t for t in terms if " " not in t]
        phrases = [t for t in terms if " " in t]
        best = (0.0, 0.0)
        for hit in hits[:3]:
            plan = self.plan(hit.chunk.plan_id)
            title = plan.meta.title if plan else ""
            text_terms = unit_terms(f"{title}\n{hit.chunk.section or ''}\n{hit.chunk.text}")
            found = (coverage(words, text_terms, self._idf), coverage(phrases, text_terms, self._idf))
            best = max(best, found, key=sum)
        dense = max((h.dense for h in hits if h.dense is not None), default=0.0)
        worded = [t for t in phrases if not any(c.isdigit() for c in t)]  # "van 404" is no phrase
        known = sum(1 for t in worded if self._df.get(t)) / len(worded) if worded else 0.5
        return Evidence(words=best[0], phrases=best[1], dense=dense, terms=len(words), accented=pq.accented,
                        known=known)

    def ask(self, question: str) -> Answer:
        question = vi.normalize_spaces(question or "").replace("\n", " ").strip()[:MAX_QUESTION_CHARS]
        if not question:
            return Answer(question, False, replies.EMPTY_QUESTION, kind="refusal")
        self._refresh()
        plans = list(self._plans.values())
        if not plans:
            return Answer(question, False, replies.EMPTY_STORE, kind="empty")
        if never_answer(question):
            return Answer(question, False, replies.out_of_scope(plans), kind="refusal")
        pq = parse_query(question)
        scope = self.scope_for(pq)
        if scope.missing:
            return Answer(question, False, replies.unknown_scope(scope.missing, plans), kind="unknown_scope")
        routed = self._structured_answer(pq, scope)
        if routed:
            return routed
        hits = self.search(pq, scope)
        if not hits:
            return Answer(question, False, replies.out_of_scope(plans), kind="refusal")
        named = scope.plan_ids is not None
        if pq.intent == "general" and named and len(scope.plan_ids) <= 2 and about_the_plan(
            pq, [self.plan(t) for t in scope.plan_ids], self._idf, residual=0
        ):
            overview = self._overview_answer(pq, scope.plan_ids)  # "ke hoach cao bang": what is it?
            if overview:
                return overview
        if pq.intent != "general":
            answer = self._fact_answer(pq, scope, hits, named)
            if answer:
                return answer
        if not self.rule.answerable(self.evidence(pq, hits)):
            return Answer(question, False, replies.out_of_scope(plans), kind="refusal")
        return self._passage_answer(pq, hits)

    # -- the structured layer: duties, the catalog, comparisons -----------------------------------
    def _scoped_plans(self, scope: Scope) -> list:
        ids = scope.plan_ids if scope.plan_ids is not None else list(self._plans)
        return [self._plans[i] for i in ids if i in self._plans]

    def _chunk_at(self, plan_id: str, offset: int):
        chunks = self._chunks_by_plan.get(plan_id, [])
        before = [c for c in chunks if c.start <= offset]
        return max(before, key=lambda c: c.start) if before else (chunks[0] if chunks else None)

    def _structured_answer(self, pq: ParsedQuery, scope: Scope) -> Answer | None:
        route = tasks.route(pq)
        if route == "tasks":
            return self._tasks_answer(pq, scope)
        if route == "catalog":
            points = tasks.catalog_points(self._scoped_plans(scope), pq.years, lambda pid: self._chunk_at(pid, 0))
            if not points:
                return None
            lines, citations = number_points(points, self.plan)
            lead = f"Kho có {len(points)} văn bản" + (f" ban hành năm {', '.join(map(str, pq.years))}" if pq.years else "") + ":"
            return Answer(pq.text, True, lead + "\n" + "\n".join(f"- {l}" for l in lines), citations, kind="catalog")
        if route == "compare":
            return self._compare_answer(pq)
        return None

    def _tasks_answer(self, pq: ParsedQuery, scope: Scope) -> Answer | None:
        by = max(pq.years) if pq.years else None
        rows = [r for agency in pq.agencies for r in tasks.select_tasks(self._scoped_plans(scope), agency, by)]
        if not rows:
            return None
        groups, left_out = tasks.task_points(rows, self._chunk_at)
        points = [p for _, group in groups for p in group]
        lines, citations = number_points(points, self.plan)
        due = sum(1 for r in rows if r.status == "due")
        recurring = sum(1 for r in rows if r.status == "recurring")
        head = f"{', '.join(pq.agencies)}: {len(rows)} nhiệm vụ"
        if by:
            head += f" đến năm {by} ({due} có hạn đến {by}, {recurring} thường xuyên/định kỳ trong giai đoạn)"
        out, i = [head + ":"], 0
        for lead, group in groups:
            out.append(lead)
            for _ in group:
                out.append(f"- {lines[i]}")
                i += 1
        if left_out:
            out.append(f"(còn {left_out} nhiệm vụ khác: xem lệnh ngvh tasks)")
        return Answer(pq.text, True, "\n".join(out), citations, kind="tasks")

    def _compare_answer(self, pq: ParsedQuery) -> Answer | None:
        points: list[Point] = []
        for province in pq.provinces:
            ids = [p.id for p in self._plans.values() if p.meta.province == province]
            if not ids:
                continue
            hits = self.engine.search(pq.content or pq.text, self.k, plan_ids=ids)
            points += choose_points(pq.content or pq.text, hits, self._idf, self._section_chunks)[:2]
        if len({p.chunk.plan_id for p in points}) < 2:
            return None
        lines, citations = number_points(points, self.plan)
        out, last = [], None
        for point, line in zip(points, lines):
            if point.chunk.plan_id != last:
                out.append(f"Theo {plan_label(self.plan(point.chunk.plan_id).meta)}:")
                last = point.chunk.plan_id
            out.append(f"- {line}")
        return Answer(pq.text, True, "\n".join(out), citations, kind="compare")

    def _overview_answer(self, pq: ParsedQuery, plan_ids: list[str]) -> Answer | None:
        groups: list[tuple[str, list[Point]]] = []
        for plan_id in plan_ids:
            plan = self.plan(plan_id)
            if not plan:
                continue
            label = plan_label(plan.meta)
            chunks = self._chunks_by_plan.get(plan_id, [])
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
        lines, citations = number_points([p for _, group in groups for p in group], self.plan)
        out, i = [], 0
        for lead, group in groups:
            out.append(lead)
            out += [f"- {lines[i + j]}" for j in range(len(group))]
            i += len(group)
        return Answer(pq.text, True, "\n".join(out), citations, kind="overview")

    def _fact_answer(self, pq: ParsedQuery, scope: Scope, hits: list[Hit], named: bool) -> Answer | None:
        if scope.names_other_documents:
            return None  # "Quyết định 2013/QĐ-TTg ký ngày nào?" asks about a cited document, not a plan
        if named and len(scope.plan_ids) <= 3:
            targets = scope.plan_ids
            if len(targets) > 1 and scope.boost:  # a year or issuer in the question picks among them
                top = max(scope.boost.get(t, 0.0) for t in targets)
                targets = [t for t in targets if scope.boost.get(t, 0.0) == top]
        elif self.rule.answerable(self.evidence(pq, hits)):
            targets = [hits[0].chunk.plan_id]
        else:
            return None
        if not about_the_plan(pq, [self.plan(t) for t in targets], self._idf):
            return None
        intent = "published" if pq.intent == "date" and _ASKS_POSTING.search(pq.folded) else pq.intent
        points = []
        for plan_id in targets:
            plan = self.plan(plan_id)
            point = fact_point(intent, plan, self._chunks_by_plan.get(plan_id, [])) if plan else None
            if point:
                points.append(point)
        if not points:
            return None
        lines, citations = number_points(points, self.plan)
        return Answer(pq.text, True, "\n".join(lines), citations, kind="metadata")

    def _passage_answer(self, pq: ParsedQuery, hits: list[Hit]) -> Answer:
        points: list[Point] = choose_points(pq.content or pq.text, hits, self._idf, self._section_chunks)
        if not points:
            return Answer(pq.text, False, replies.out_of_scope(list(self._plans.values())), kind="refusal")
        plans = list(dict.fromkeys(p.chunk.plan_id for p in points))
        lead = f"Theo {plan_label(self.plan(plans[0]).meta)}:" if len(plans) == 1 else "Theo các văn bản trong kho:"
        lines, citations = number_points(points, self.plan)
        body = "\n".join(f"- {line}" for line in lines)
        return Answer(pq.text, True, f"{lead}\n{body}", citations, kind="general")
