"""Which lines and pages are of the country a question asks about: a page titled for another country, a line
naming only others, a line placing a foreign name in its country."""
from __future__ import annotations

import re
from collections import Counter

from ground.foreign_places import COUNTRIES, FOREIGN_PLACES
from ground.syllables import is_syllable
from rag.compose.citations import Point
from rag.decide.places import names_foreign_places, row_of_place
from rag.find.plans import PlanIndex
from rag.find.search import Hit
from rag.models import Citation
from rag.understand.entities import foreign_places
from rag.understand.terms import coverage, query_terms, unit_terms

KEYED_ROW_CANDIDATES = 12  # how far down a table's row of the country asked may rank (its words are the caption's)
PLACE_SHARE = 0.6  # how close to the best a line naming the country asked must score, where the best names only others

_FOREIGN_WORD = re.compile(r"\b[A-Z][a-z]{4,}\b")  # "Mahasarakham": a name no Vietnamese syllable spells


def placing_lines(point: Point, index: PlanIndex) -> list[str]:
    """Lines of the point's text that name a foreign name the point names ("… với Trường Đại học Mahasarakham" and
    "Trường Đại học Mahasarakham (Thái Lan)"): where the text says which country that name is in."""
    names = {w for w in _FOREIGN_WORD.findall(point.quote) if not is_syllable(w)}
    if not names:
        return []
    return [line for chunk in index.chunks(point.chunk.plan_id) for line in chunk.text.split("\n")
            if line != point.quote and any(re.search(rf"\b{n}\b", line) for n in names)]


_ITEM_LINE = re.compile(r"\s*(?:\d{1,2}[.)]|[a-zđ][.)]|[-+•])\s")  # "3. Không báo cáo …", "a) …", "- …"
LEAD_REACH = 12  # lines a numbered item may stand below the lead it hangs from


def lead_lines(plan_id: str, quote: str, index: PlanIndex) -> list[str]:
    """The line a listed item hangs from ("Ông …, Trưởng đoàn … đi Cộng hòa Estonia …, đã có các vi phạm sau:" over
    "3. Không báo cáo kết quả chuyến công tác …"): the item's words are said of what the lead names."""
    quote = quote.strip(" …")[:LEAD_QUOTE]
    lines = [line for chunk in index.chunks(plan_id) for line in chunk.text.split("\n")]
    at = next((i for i, line in enumerate(lines) if quote and quote in line), None)
    if at is None or not _ITEM_LINE.match(lines[at]):
        return []
    for line in reversed(lines[max(0, at - LEAD_REACH):at]):
        if line.rstrip().endswith(":"):
            return [line]
        if not _ITEM_LINE.match(line):
            return []  # (a paragraph between: the item hangs from no lead)
    return []


LEAD_QUOTE = 60  # characters of a quote that find its line (a quote shown may be cut)


def leads_of(citations: list[Citation], index: PlanIndex) -> list[str]:
    """The lines the cited items hang from, once each."""
    return list(dict.fromkeys(line for c in citations for line in lead_lines(c.plan_id, c.quote, index)))


def sole_country_lines(point: Point, index: PlanIndex) -> list[str]:
    """The lines of the point's text naming a country, when every country it names is one and the same (an embassy's
    notice naming "Western Australia" once, far from the line that answers): the text is about that country."""
    lines = [line for chunk in index.chunks(point.chunk.plan_id) for line in chunk.text.split("\n")
             if any(e.name in COUNTRIES for e in foreign_places(line))]
    named = {e.name for line in lines for e in foreign_places(line) if e.name in COUNTRIES}
    return lines if len(named) == 1 else []


DOMINANT_MENTIONS = 3  # lines naming the country a text is about, at least, and twice those naming any other


def dominant_country(plan_id: str, index: PlanIndex, asked: str) -> str | None:
    """The country a text is about, when the question (`asked`) names it: the one its lines name most, at least twice as
    often as any other (a list of Lao students names "Ngôn ngữ Trung Quốc" as a subject, "Vụ Đông Nam Á" as an
    addressee)."""
    named = [(line, {e.name for e in foreign_places(line) if e.name in COUNTRIES})
             for chunk in index.chunks(plan_id) for line in chunk.text.split("\n")]
    counts = Counter(c for _, names in named for c in names).most_common(2)
    if not counts or counts[0][1] < DOMINANT_MENTIONS or len(counts) > 1 and counts[0][1] < 2 * counts[1][1] \
            or counts[0][0] not in {e.name for e in foreign_places(asked)}:
        return None
    return counts[0][0]



def of_the_place_asked(question: str, points: list[Point]) -> list[Point]:
    """"… ở Nga?": beside a line naming Nga, a line of another section naming another place (Yokohama, Nhật Bản) is of
    that place, and goes; lines of the same section, or naming no foreign place, go on about the one asked."""
    placed = next((p for p in points if names_foreign_places(question, [p.quote])), None) \
        if len(points) > 1 and foreign_places(question) else None
    if placed is None:
        return points
    # (of one list, "Năm 2027: … tại Busan (Hàn Quốc)" beside "Năm 2028: … tại Perth (Ô-xtrây-li-a)": the item of another
    # country is about that one)
    return [p for p in points if names_foreign_places(question, [p.quote]) or not foreign_places(p.quote)
            or p.chunk.section == placed.chunk.section and not other_country(question, p.quote)]


def asks_a_country(question: str) -> bool:
    """The question names a country (a city asked, "ở Phnom Penh", is in a country a line may name instead)."""
    return any(e.name in FOREIGN_PLACES for e in foreign_places(question))


def counts_another_place(question: str, quote: str, title: str) -> bool:
    """The line names foreign places and none the question does: it counts another's ("… tại tỉnh Koh Kong" for "từ
    tỉnh Kampot"), unless the question asks of the city its document is titled for and the line names only the country
    ("doanh nghiệp Đức" in the plan of "Ngày … tại Berlin", asked "ở Berlin")."""
    asked, named = foreign_places(question), foreign_places(quote)
    if not asked or not named or names_foreign_places(question, [quote]):
        return False
    return asks_a_country(question) or not all(e.name in COUNTRIES for e in named) \
        or not names_foreign_places(question, [title])


def other_country(question: str, quote: str) -> bool:
    """The line names a country and none of those the question does (a question naming a city only, "ở Washington",
    asks of a place in some country a line may name instead: "Đại sứ quán … tại Mỹ")."""
    asked = {e.name for e in foreign_places(question)}
    named = {e.name for e in foreign_places(quote) if e.name in FOREIGN_PLACES}
    return bool(named) and bool(asked & FOREIGN_PLACES.keys()) and not named & asked


def country_first(question: str, ranked: list, candidates: int) -> list:
    """"… tiếng Nhật … bao nhiêu một trang?": beside "180.000 đồng/trang … tiếng Anh, tiếng Pháp", the near line of
    the country asked ("220.000 đồng/trang đối với tiếng Nhật") goes first."""
    if not ranked or not asks_a_country(question) or names_foreign_places(question, [ranked[0].body]):
        return ranked
    if not other_country(question, ranked[0].body):  # a top line of no country: a near row keyed by the one asked
        return _keyed_row_first(question, ranked)  # ("Lào: số người (ước tính): 1.020 người") answers for it
    top = ranked[0].chunk
    placed = next((c for c in ranked[1:candidates] if names_foreign_places(question, [c.body])
                   and (c.chunk.plan_id, c.chunk.section) == (top.plan_id, top.section)  # the same list, not another event
                   and (c.answer_spans or not ranked[0].answer_spans) and c.score >= PLACE_SHARE * ranked[0].score), None)
    return ranked if placed is None else [placed] + [c for c in ranked if c is not placed]


def _keyed_row_first(question: str, ranked: list) -> list:
    keyed = next((c for c in ranked[1:KEYED_ROW_CANDIDATES] if c.answer_spans and c.score >= PLACE_SHARE * ranked[0].score
                  and row_of_place(question, c.body)), None)
    return ranked if keyed is None else [keyed] + [c for c in ranked if c is not keyed]


def titled_for_the_country(question: str, hits: list[Hit], index: PlanIndex) -> list[Hit]:
    """"Hội hữu nghị VN-Lào … đại hội ngày nào?": a page whose title names another country (the Hội … Campuchia's
    congress) is about that one, whatever it says of Lào in passing, when another page's title names the one asked."""
    if not asks_a_country(question):
        return hits
    titled = {pid: other_country(question, plan.meta.title) and not names_foreign_places(question, [plan.meta.title])
              if (plan := index.plan(pid)) else False for pid in {h.chunk.plan_id for h in hits}}
    # …unless its title says more of what is asked than the other page's ("Hội nghị cấp cao lần thứ XXIII … tại tỉnh
    # Sakon Nakhon, Vương quốc Thái Lan" for "những tỉnh nào của Lào dự Hội nghị cấp cao lần thứ XXIII")
    terms = query_terms(question)
    said = {pid: coverage(terms, unit_terms(p.meta.title), index.idf) if (p := index.plan(pid)) else 0.0 for pid in titled}
    best_named = max((said[pid] for pid in titled if not titled[pid]), default=0.0)
    titled = {pid: other and said[pid] <= best_named for pid, other in titled.items()}
    kept = [h for h in hits if not titled[h.chunk.plan_id]]
    named = any(names_foreign_places(question, [p.meta.title]) for pid in titled if (p := index.plan(pid)))
    return kept if named and kept else hits

