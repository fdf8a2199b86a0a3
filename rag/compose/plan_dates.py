"""A plan's date when its own text does not give it: as another stored page about the same document states it (two
news pages on one decision), or as a text citing it gives it (the mention index), cited to that text."""
from __future__ import annotations

from collections.abc import Callable

from ground.display import date_as_written
from rag.compose.citations import Point, plan_label
from rag.find.plans import PlanIndex
from rag.ports import StoredChunk, StoredPlan
from rag.understand.names import number_matches


def date_from_others(plan: StoredPlan, index: PlanIndex,
                     from_text: Callable[[StoredPlan, list[StoredChunk]], Point | None]) -> Point | None:
    """The date another page about the same document states where it names its number, else the one a citing text
    gives."""
    numbers = plan.meta.known_numbers()
    for other in index.plans.values():
        named = [other.meta.number or "", *index.mentions.get(other.id, ())]
        if other.id != plan.id and plan.meta.number and any(number_matches(n, m) for n in numbers for m in named if m):
            point = from_text(plan, index.chunks(other.id))  # (its sentence naming the plan's own number)
            if point is not None:
                return point
    return _date_from_mentions(plan, index)


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
                    text = (f"{plan_label(plan.meta)} được ban hành ngày {date_as_written(m.get('sentence') or '', m['date'])} "
                            f"(theo {plan_label(other.meta)}).")
                    return Point(text, chunk, m.get("sentence") or chunk.text, 1.0)
    return None
