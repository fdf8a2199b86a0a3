"""Which stored plans an answer is drawn from: the named ones (narrowed by a year or issuer the question gives,
one per place when it names several, those that hold the asked facts first), else the best hit's plan when
the passages ground an answer."""
from __future__ import annotations

from collections.abc import Callable

from rag.decide.editions import edition_terms, other_edition
from rag.find.plans import PlanIndex, place_of
from rag.find.scope import Scope
from rag.find.search import Hit
from rag.understand.names import number_matches
from rag.understand.question import Question
from rag.understand.terms import coverage, query_terms, unit_terms

MAX_TARGETS = 3
NEAR_HITS = 5  # the hits whose plans an unnamed question may be about


def boosted(scope: Scope) -> list[str]:
    """The named plans, narrowed to those a year or issuer in the question favours most."""
    targets = scope.plan_ids or []
    if len(targets) > 1 and scope.boost:
        top = max(scope.boost.get(t, 0.0) for t in targets)
        targets = [t for t in targets if scope.boost.get(t, 0.0) == top]
    return targets


def choose_targets(q: Question, scope: Scope, hits: list[Hit], index: PlanIndex,
                   answerable: Callable[[], bool]) -> list[str] | None:
    # a year or issuer in the question picks among the named plans, however many the place has
    if scope.plan_ids is not None and len(boosted(scope)) <= MAX_TARGETS:
        targets = boosted(scope)
        # a plan titled for another edition of the event asked ("Liên hoan … lần thứ IV" for "lần thứ VI") is none of it
        if any(_titled_other_edition(q, t, index) for t in targets):
            targets = [t for t in scope.plan_ids if not _titled_other_edition(q, t, index)][:MAX_TARGETS] or targets
        if len(targets) > 1:  # the plans that hold the asked facts first, then retrieval order
            order = {h.chunk.plan_id: i for i, h in reversed(list(enumerate(hits)))}
            terms = query_terms(q.pq.content or q.text)
            # then the plans whose text holds what the question says (a festival only the resolution names is
            # no fact of the week abroad's decision, whatever the decision's title shares with the question)
            holding = _holding_words(terms, targets, index)
            # then the plan whose title says what the question says ("kế hoạch ngoại giao văn hóa" of a place
            # that also has a theatre plan), then retrieval order
            # (the text holding what the question says goes before one that only has a field of the kind asked: the
            # date of "họp báo về hội nghị … vào ngày nào" is the press conference's, not the province's decision's)
            ranked = sorted(targets, key=lambda t: (-_of_asked_kind(q, t, index), -(t in holding), -_holds(q, t, index),
                                                    -_title_match(terms, t, index), order.get(t, 99)))
            # "kế hoạch của Huế và Cao Bằng …": one plan for each place the question names; "QĐ 2771 và CV 809 lần lượt
            # ban hành năm nào?": each document it names by its number
            return _one_per_name(q, ranked, index) or _one_per_number(q, ranked, index) or ranked[:1]
        return targets
    if answerable():
        # the best hit's plan, unless another of the first hits' plans holds clearly more of what is asked
        near = list(dict.fromkeys(h.chunk.plan_id for h in hits[:NEAR_HITS]))
        edition = edition_terms(q.pq.folded)  # "… lần đầu tổ chức năm nào": a text telling of that edition
        if edition:
            near = [t for t in near if not edition.isdisjoint(index.terms.get(t, set()))] or near
        holding = _holding_words(query_terms(q.pq.content or q.text), near, index)
        return [next(t for t in near if t in holding)]
    return None


def _one_per_number(q: Question, ranked: list[str], index: PlanIndex) -> list[str]:
    """The plans each named by another of the numbers the question gives, when it gives two or more; else none."""
    numbers = q.pq.numbers + q.pq.bare_numbers
    named = [t for t in ranked if (plan := index.plan(t)) and any(
        number_matches(n, own) for n in numbers for own in plan.meta.known_numbers())]
    return named[:MAX_TARGETS] if len(numbers) >= 2 and len(named) >= 2 else []


def _titled_other_edition(q: Question, plan_id: str, index: PlanIndex) -> bool:
    plan = index.plan(plan_id)
    return plan is not None and other_edition(q.pq.folded, plan.meta.title) is not None


TEXT_MARGIN = 0.1  # plans whose text covers the question's words within this of the best one's hold them alike


def _holding_words(terms: list[str], targets: list[str], index: PlanIndex) -> set[str]:
    """The plans whose whole text covers the question's words (idf-weighted) about as well as the best one's."""
    covered = {t: coverage(terms, index.terms.get(t, set()), index.idf) for t in targets}
    best = max(covered.values(), default=0.0)
    return {t for t, c in covered.items() if c >= best - TEXT_MARGIN}


def _one_per_name(q: Question, ranked: list[str], index: PlanIndex) -> list[str] | None:
    """The best plan of each province the question names, when it names several (else None)."""
    places = q.pq.provinces
    if len(places) < 2:
        return None
    found = [next((t for t in ranked if place_of(index.held(t).meta) == place), None) for place in places]
    chosen = list(dict.fromkeys(t for t in found if t))
    return chosen if len(chosen) >= 2 else None


def _of_asked_kind(q: Question, plan_id: str, index: PlanIndex) -> int:
    """1 when the plan is of the kind of document the question asks for ("bằng quyết định nào")."""
    plan = index.plan(plan_id)
    kinds = {p.asked_kind for p in q.parts if p.asked_kind}
    return int(bool(plan and plan.meta.doc_type in kinds))


def _title_match(terms: list[str], plan_id: str, index: PlanIndex) -> float:
    plan = index.plan(plan_id)
    return coverage(terms, unit_terms(plan.meta.title or ""), index.idf) if plan else 0.0


def _holds(q: Question, plan_id: str, index: PlanIndex) -> int:
    meta = index.held(plan_id).meta
    have = {"date": meta.date, "signer": meta.signer, "number": meta.number, "implements": meta.implements,
            "horizon": meta.horizon, "issuer": meta.issuer, "field": meta.field, "doc_type": meta.doc_type}
    return sum(1 for p in q.parts if have.get(p.intent))
