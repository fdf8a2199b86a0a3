"""Links between catalog entries, computed when the catalog is read from each entry's stored forward relations
(what its text says it implements, replaces, amends, continues) and numbers."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ground.numbers import canonical_number
from ground.plans import PlanMeta

RELATION_KINDS = ("implements", "replaces", "replaced_by", "amends", "amended_by", "continues")


@dataclass
class Links:
    """An entry's relations to others, forward (what its text states) and reverse (what others state)."""

    implements: list[str] = field(default_factory=list)  # numbers
    replaces: list[str] = field(default_factory=list)  # numbers
    replaced_by: str | None = None  # number (or id) of the entry that replaces this one
    amends: list[str] = field(default_factory=list)
    amended_by: list[str] = field(default_factory=list)
    continues: list[str] = field(default_factory=list)
    continued_by: list[str] = field(default_factory=list)
    implemented_by: list[str] = field(default_factory=list)  # ids of entries in the store
    reports_on: str | None = None  # id of the full text this news article is about
    reported_by: list[str] = field(default_factory=list)  # ids of news articles about this entry
    linked: dict[str, list[str]] = field(default_factory=dict)  # kind → ids of related entries in the store


def _add(values: list[str], value: str) -> None:
    if value not in values:
        values.append(value)


def link_entries(metas: Mapping[str, PlanMeta]) -> dict[str, Links]:
    """plan id → Links, from every entry's stored forward relations (PlanMeta.relations) and numbers."""
    by_number: dict[str, list[str]] = {}
    for plan_id, meta in metas.items():
        for known in meta.known_numbers():
            by_number.setdefault(canonical_number(known, typed=True).lower(), []).append(plan_id)

    def entries(number: str, besides: str) -> list[str]:
        return [i for i in by_number.get(canonical_number(number, typed=True).lower(), []) if i != besides]

    links = {plan_id: Links() for plan_id in metas}
    for plan_id, meta in metas.items():
        own = links[plan_id]
        name = meta.number or plan_id
        for relation in meta.relations:
            kind, number = relation.get("kind"), relation.get("number")
            if kind not in RELATION_KINDS or not number:
                continue
            targets = entries(number, plan_id)
            if kind == "replaced_by":
                own.replaced_by = own.replaced_by or number
                for t in targets:
                    _add(links[t].replaces, name)
                continue
            if kind == "amended_by":  # a law library's page lists the decisions amending its document
                _add(own.amended_by, number)
                for t in targets:
                    _add(links[t].amends, name)
                continue
            _add(getattr(own, kind), number)
            for t in targets:
                _add(own.linked.setdefault(kind, []), t)
                other = links[t]
                if kind == "replaces":
                    if other.replaced_by is None or metas[plan_id].source_kind == "full_text":
                        other.replaced_by = name
                elif kind == "amends":
                    _add(other.amended_by, name)
                elif kind == "continues":
                    _add(other.continued_by, name)
                elif kind == "implements":
                    _add(other.implemented_by, plan_id)
        if meta.source_kind == "news" and meta.number:
            full = [t for t in entries(meta.number, plan_id) if metas[t].source_kind == "full_text"
                    and (not meta.province or not metas[t].province or metas[t].province == meta.province)]
            if full:
                own.reports_on = full[0]
                _add(links[full[0]].reported_by, plan_id)
    return links
