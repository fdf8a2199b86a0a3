"""The 34 province-level units from 1 July 2025 (Nghị quyết 202/2025/QH15) and the provinces merged into each.

Each unit keeps the name of one of the provinces merged into it, except Thừa Thiên Huế, which became the
centrally-run "thành phố Huế" on 1 January 2025; the gazetteer (ground/places.py) records the unit of every
older name, so the table here is derived from it: 6 cities and 28 provinces, 11 of them unchanged.
"""
from __future__ import annotations

from functools import cache

from ground.places import PROVINCES, Kind, province, province_aliases

UNITS_2025 = 34


def unit_2025(canonical: str) -> str | None:
    """The unit a province belongs to from 1 July 2025 ('Hà Giang' → 'Tuyên Quang'); None for an unknown name."""
    entry = province(canonical)
    return (entry.after_2025 or entry.name) if entry else None


@cache
def units_2025() -> dict[str, tuple[str, ...]]:
    """The 34 units from 1 July 2025 → the canonical names of the provinces merged into each (itself first
    when it kept its name)."""
    units: dict[str, list[str]] = {}
    for p in PROVINCES:
        unit = p.after_2025 or p.name
        formers = units.setdefault(unit, [])
        if p.name == unit:
            formers.insert(0, p.name)
        else:
            formers.append(p.name)
    return {unit: tuple(formers) for unit, formers in units.items()}


def unit_kind(unit: str) -> Kind:
    """'thành phố' for the six centrally-run cities of 2025, else 'tỉnh'."""
    entry = province(unit)
    if entry is None:  # "Huế": the one unit whose name is not a canonical entry of its own
        return "thành phố"
    return entry.kind


def former_names(unit: str) -> list[str]:
    """Every spelling of the provinces merged into a 2025 unit, their aliases included: how older texts name
    the unit's territory ('Gia Lai' → 'Gia Lai', 'Bình Định', …). [] for a name that is no 2025 unit."""
    names: list[str] = []
    for canonical in units_2025().get(unit, ()):
        names.extend(province_aliases(canonical))
    return list(dict.fromkeys(names))
