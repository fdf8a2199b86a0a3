"""What answering knows about the stored plans, refreshed when the active versions change: the plan
records, term document frequencies (idf), and the document numbers each plan's text mentions.
Chunk texts are not kept: they are read through the store view when a plan's passages are needed."""
from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from ground import vi
from ground.places import iter_mentions, without_non_places
from rag.find.accents import Accents
from rag.find.glossary import defined_terms
from rag.ports import StoredChunk, StoredPlan, StoreView
from rag.understand import entities
from rag.understand.cited_numbers import cited_bare_numbers
from rag.understand.terms import make_idf, unit_terms

T = TypeVar("T")
S = TypeVar("S")
# "năm 2024", "in 2024" (an English page), or an event named with its year at the title's end ("Trại hè Việt Nam 2019")
# "Kế hoạch … năm 2027", "Plan … in 2027"; "… Chiến lược … đến năm 2030" is the strategy's horizon, not the plan's year
_TITLE_YEAR = re.compile(r"(?<!đến )(?<!tới )(?<!Đến )\b(?:năm|in) (\d{4})\b|(?<![-–/\d]\s)(?<![-–/\d])\b((?:19|20)\d\d)\W*$", re.IGNORECASE)


@dataclass(frozen=True)
class PlanFacts:
    """What scoping asks of every stored plan for every question, worked out once per catalog version:
    folding and parsing them per question cost most of an answer on a store of thousands of plans."""
    years: frozenset[int]  # its date, page date, horizon, a year its title names
    issue_years: frozenset[int]  # the same without the horizon: when it was issued or what year it is for
    plan_years: frozenset[int]  # what "kế hoạch năm X" means: the year its title is for, else its years
    unplaced: bool  # a provincial page that never names its province ("UBND tỉnh" alone)
    issuer_folded: str  # its issuer, folded and collapsed ("" when none)
    place: str | None  # the province or city it is about: its own field, else read from its issuer


_TITLE_SPAN = re.compile(r"\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b")


def _span_years(title: str | None) -> set[int]:
    m = _TITLE_SPAN.search(title or "")
    first, last = (int(m.group(1)), int(m.group(2))) if m else (0, -1)
    return set(range(first, last + 1)) if 0 <= last - first <= 10 else set()


def plan_facts(meta) -> PlanFacts:
    titled = {int(y or end) for y, end in _TITLE_YEAR.findall(meta.title or "")}
    issued = {int(d[:4]) for d in (meta.date, meta.published) if d} | titled
    if not issued and isinstance(year := meta.about.get("year"), int):
        issued = {year}  # a page saved with its month only ("date 2025-05") is of that year
    issuer = vi.collapse(meta.issuer or "")
    return PlanFacts(
        years=frozenset(issued | set(meta.horizon)),
        issue_years=frozenset(issued),
        # a decision of 22/12/2026 issuing "Kế hoạch … năm 2027" is the plan for 2027, not for 2026
        # …and a programme for "giai đoạn 2026 - 2030" is the plan of each of those years
        plan_years=frozenset(titled) if titled else frozenset(issued | set(meta.horizon) | _span_years(meta.title)),
        # a ministry is not unplaced: only a provincial issuer with no province named
        unplaced=not meta.province and issuer in ("", "ubnd tinh", "uy ban nhan dan tinh", "ubnd thanh pho"),
        issuer_folded=issuer,
        place=place_of(meta),
    )


# "UBND tỉnh Lam Giang", "Tỉnh Lam Giang", "Ủy ban nhân dân thành phố Tân Cảng": the place an issuer names
_ISSUER_PLACE = re.compile(r"^(?:(?:uy ban nhan dan|ubnd|hdnd|tinh uy|thanh uy)\s+)?(?:tinh|thanh pho|tp\.?)\s+(.+)$")


_LOCAL_ISSUER = re.compile(r"^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:thành phố|huyện|thị xã|quận|xã|phường|thị trấn|"
                           r"đặc khu)\s+(\S.*)$", re.IGNORECASE)


def place_of(meta) -> str | None:
    """The province or city a stored document is about: its province field (the gazetteer's canonical name, or a
    name read from its header that the gazetteer does not know), else the place its issuer names."""
    if meta.province:
        return meta.province
    issuer = vi.normalize_spaces(meta.issuer or "")
    m = _ISSUER_PLACE.match(vi.collapse(issuer))
    if not m:
        return None
    words = issuer.split()
    name = " ".join(words[len(words) - len(m.group(1).split()):])
    return name if len(name.split()) >= 2 else None



def naming_words(plan_meta) -> set[str]:
    if plan_meta is None:
        return set()
    return set(vi.folded_syllables(f"{plan_meta.title} {plan_meta.issuer or ''} {plan_meta.province or ''}"))


# a district, town or ward written with its kind ("huyện Dầu Tiếng", "thị xã Sa Pa"): its first two syllables
LOCAL_PLACE = re.compile(r"(?<![a-z0-9])(?:huyen|thi xa|quan|phuong|thi tran|thanh pho|dac khu|(?<!thi )xa(?! hoi))"
                         r" ([a-z]+ [a-z]+)")


class PlanIndex:
    def __init__(self, store: StoreView):
        self.store = store
        self._lock = threading.Lock()
        self._key: tuple | None = None
        self.plans: dict[str, StoredPlan] = {}
        self.df: Counter = Counter()
        self.idf = make_idf(lambda _term: 0, 1)
        self.mentions: dict[str, set[str]] = {}  # plan id → canonical document numbers its text names
        self.facts: dict[str, PlanFacts] = {}
        self.naming: frozenset[str] = frozenset()  # syllables that only name some stored plan (title, place)
        self.places: dict[str, str] = {}  # folded name → the place as stored, for every place a plan is about
        self.named_places: dict[str, set[str]] = {}  # plan id → provinces its text names (the gazetteer's)
        self.local_places: dict[str, set[str]] = {}  # plan id → districts, towns, wards its text names ("dau tieng")
        self.terms: dict[str, set[str]] = {}  # plan id → every term its text holds (which plan a question is about)
        self.accents = Accents({}, {})  # the texts' spellings, to put tone marks back on a question typed without
        self.glossary: dict[str, str] = {}  # short forms the texts define ("Biểu trưng (logo)") → their words
        # values worked out from one plan record (derived) or from the whole catalog (per_version): each is
        # kept with the record (or plans dict) it was made from, so a newer catalog version makes it again
        self._derived: dict[tuple[str, str], tuple[StoredPlan, Any]] = {}
        self._versioned: dict[str, tuple[dict[str, StoredPlan], Any]] = {}
        self._chunks: dict[str, list[StoredChunk]] = {}

    def refresh(self) -> None:
        key = tuple(sorted(self.store.active_versions().items()))
        if key == self._key:
            return
        with self._lock:
            if key == self._key:
                return
            plans = {p.id: p for p in self.store.list_plans()}
            df: Counter = Counter()
            mentions: dict[str, set[str]] = {}
            n = 0
            named_places: dict[str, set[str]] = {}
            local_places: dict[str, set[str]] = {}
            terms: dict[str, set[str]] = {}
            texts: list[str] = []
            by_plan: dict[str, list[StoredChunk]] = {}
            for chunk in self.store.iter_chunks():
                texts.append(chunk.text)
                by_plan.setdefault(chunk.plan_id, []).append(chunk)
                chunk_terms = unit_terms(chunk.text)
                df.update(chunk_terms)
                terms.setdefault(chunk.plan_id, set()).update(chunk_terms)
                mentions.setdefault(chunk.plan_id, set()).update(e.text for e in entities.documents(chunk.text))
                mentions[chunk.plan_id].update(cited_bare_numbers(chunk.text))
                named_places.setdefault(chunk.plan_id, set()).update(m.province for m in iter_mentions(chunk.text))
                local_places.setdefault(chunk.plan_id, set()).update(
                    m.group(1) for m in LOCAL_PLACE.finditer(vi.collapse(chunk.text)))
                n += 1
            facts = {pid: plan_facts(p.meta) for pid, p in plans.items()}
            naming = frozenset().union(*(naming_words(p.meta) for p in plans.values()))
            places = {vi.collapse(f.place): f.place for f in facts.values() if f.place}
            # a city, district or commune that issues a plan is a place the store knows ("UBND thành phố Phù Vân")
            for p in plans.values():
                local = _LOCAL_ISSUER.match(p.meta.issuer or "")
                if local and vi.collapse(local.group(1)) not in places:
                    places[vi.collapse(local.group(1))] = local.group(1)
            self.plans, self.df, self.mentions, self.facts, self.naming = plans, df, mentions, facts, naming
            self.places, self.named_places, self.local_places = places, named_places, local_places
            self.terms = terms
            # every plan's chunks in order, read once per catalog version: answering reads a cited text's passages
            # many times a question (its lead, the line a record points at, an edition or year it writes)
            self._chunks = {pid: sorted(chunks, key=lambda c: c.start) for pid, chunks in by_plan.items()}
            self.accents = Accents.from_texts(texts)
            self.glossary = defined_terms(texts)
            self.idf = make_idf(lambda t: df.get(t, 0), max(n, 1))
            self._derived, self._versioned = {}, {}
            self._key = key

    def plan(self, plan_id: str) -> StoredPlan | None:
        return self.plans.get(plan_id)

    def derived(self, name: str, plan: StoredPlan, make: Callable[[StoredPlan], T]) -> T:
        """make(plan), worked out once per plan record rather than per question (its task records parsed,
        its titles and mentions folded into terms): `make` must be a pure function of the record."""
        return _kept(self._derived, (name, plan.id), plan, make)

    def per_version(self, name: str, make: Callable[[dict[str, StoredPlan]], T]) -> T:
        """make(plans) over the current plans, worked out once per catalog version: a pure function of them."""
        return _kept(self._versioned, name, self.plans, make)

    def held(self, plan_id: str) -> StoredPlan:
        """A plan the index itself named (a hit's, a scope's): always there for this catalog version."""
        return self.plans[plan_id]

    def places_in(self, folded: str) -> list[str]:
        """The stored places a (folded) question names, with or without diacritics, in the order it names them:
        the store's own vocabulary, so a place the gazetteer does not know is still recognised."""
        folded = without_non_places(folded)  # ("châu Á - Thái Bình Dương" names no Thái Bình)
        found = [(m.start(), place) for name, place in self.places.items()
                 for m in re.finditer(rf"(?<![a-z0-9]){re.escape(name)}(?![a-z0-9])", folded)]
        return list(dict.fromkeys(place for _, place in sorted(found)))

    def chunks(self, plan_id: str) -> list[StoredChunk]:
        """The plan's chunks in order (as the store held them at the last refresh; read from it before any)."""
        if self._key is None:
            return list(self.store.iter_chunks(plan_id))
        return list(self._chunks.get(plan_id, ()))

    def told(self, plan_id: str) -> str:
        """A plan's title and whole text: what it tells of (which editions of an event, which years)."""
        plan = self.plans.get(plan_id)
        return "\n".join([plan.meta.title if plan else ""] + [c.text for c in self.chunks(plan_id)])

    def chunk_at(self, plan_id: str, offset: int) -> StoredChunk | None:
        chunks = self.chunks(plan_id)
        before = [c for c in chunks if c.start <= offset]
        return max(before, key=lambda c: c.start) if before else (chunks[0] if chunks else None)



def _kept(cache: dict, key, source: S, make: Callable[[S], T]) -> T:
    """make(source), kept under `key` for as long as `source` is the very object it was made from."""
    held = cache.get(key)
    if held is not None and held[0] is source:
        return held[1]
    value = make(source)
    cache[key] = (source, value)
    return value
