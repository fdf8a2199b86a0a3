"""Extractive passage answers: the sentences or list items that answer, chosen by the sentence scorer or by
navigating to the section the question names (rag.compose.sections), in plan order."""
from __future__ import annotations

import re

from ground import vi
from ground.agencies import agency_matches
from rag.compose.beside import completed
from rag.compose.citations import Point, number_points, plan_label
from rag.compose.countries import (
    country_first,
    counts_another_place,
    lead_lines,
    of_the_place_asked,
    placing_lines,
    sole_country_lines,
)
from rag.compose.display import display
from rag.compose.programme import dated_today, day_items
from rag.compose.sections import (
    ARTICLE_HEADING,
    LEAD_LINE_CHARS,
    LIST_ITEMS,
    LIST_SENTENCE_CHARS,
    POINT_CHARS,
    accented_noun,
    announcing,
    counted_items,
    find_section,
    following_items,
    heading_body,
    list_points,
    list_points_plain,
    navigates,
    numbered_children,
    under_agency_heading,
    whole_line,
)
from rag.decide.counts import COUNTED_THING, TIME_UNITS, counted_phrase
from rag.decide.editions import NTH, names_edition, of_other_edition
from rag.decide.grounds import ASKS_EFFECT, EFFECT_VALUE
from rag.decide.holders import holder_named, office_asked
from rag.decide.places import asked_venues, keyed_by_place, names_foreign_places, venue_said
from rag.decide.years import YEAR_RANGE, dated_in, horizon_years, names_year, one_year
from rag.find import firsts, sentences
from rag.find.plans import PlanIndex
from rag.find.preamble import beside_own_words, own_words_first
from rag.find.scope import Scope
from rag.find.search import Hit
from rag.find.target_years import target_year_first
from rag.find.units_named import unit_named_first
from rag.models import Answer
from rag.understand.entities import foreign_places
from rag.understand.names import number_matches
from rag.understand.question import Question, asking_fold
from rag.understand.terms import query_terms

MAX_POINTS = 3
ANSWER_BUDGET = 450  # characters of points; with the lead line this fits a phone screen
FOLLOWER_SHARE = 0.75  # a second point must score this share of the best one
RIVAL_SHARE = 0.85  # …and this share when it comes from another section
TIE_SHARE = 0.9  # a sentence of the same text this close to the best: the evidence cannot tell them apart
AMOUNT_CANDIDATES = 8
OFFICE_SHARE = 0.5  # a line naming the asked office's holder beats the best naming someone else (the gate refuses that)
STATING_SHARE = 0.9  # how close to the best a candidate stating the asked value must score to go before it
ALL_ITEMS = 40  # items of an announced list read before narrowing them to the year or body asked
YEAR_SHARE = 0.75  # how close to the best a line of the year asked must score to go before a line of no year
YEAR_SHARE_BESIDE = 0.6  # …in the same passage as the best ("Tổng kinh phí …" over "Phân theo năm: năm 2028: …")
COUNT_CANDIDATES = 1  # the sentence shown first must state it
_ASKS_AMOUNT = re.compile(r"\b(bao nhieu|may) (ty|trieu|nghin|dong|usd|nguoi|luot|phan tram|%)"  # an amount with its unit
                          r"|\b(?:kinh phi|muc chi|chi phi|don gia|muc ho tro)\b.*\bbao nhieu\b"
                          r"|\b(?:chi|giai ngan)(?: het| tong cong| duoc)? bao nhieu\b")
_ASKS_LEAD = re.compile(r"\b(chu tri|phu trach|dau moi|chiu trach nhiem chinh)\b")
def choose_points(q: Question, hits: list, index: PlanIndex, must: list[str] | None = None,
                  text: str | None = None, answer_type: str | None = None,
                  favoured: frozenset[str] = frozenset(), dense_of=None) -> list[Point]:
    """The points of a passage answer for a one-part question (or the one part given as `text`)."""
    question = text or q.pq.content or q.text
    kind = answer_type or q.answer_type
    counting = kind == "number" and counted_items(q)
    section = find_section(q, hits, index) if counting or navigates(q, kind, index, hits) else None
    if section:
        points = list_points(q, section)
        if points:
            return points
    ranked = sentences.rank(question, kind, hits, index.idf, index.plan, q.section_words, favoured=favoured,
                            dense_of=dense_of, typed=q.text if kind == "place" else "")
    if must:
        keys = [vi.fold(m).replace(" ", "") for m in must]
        # a sentence naming the document, or one of a text that names it (a page about Chỉ thị 25 names it once)
        named = [c for c in ranked if any(k in vi.fold(c.body).replace(" ", "") for k in keys)
                 or any(number_matches(m, d) for m in must for d in index.mentions.get(c.chunk.plan_id, ()))]
        ranked = named or ranked
    venues = asked_venues(q) if text is None else []
    if venues:  # "Tổng lãnh sự tại Vancouver là ai?": a document naming the place answers, not another consul's
        said = {pid: vi.collapse(" ".join(c.text for c in index.chunks(pid))) for pid in {c.chunk.plan_id for c in ranked}}
        ranked = [c for c in ranked if all(venue_said(v, said[c.chunk.plan_id]) for v in venues)] or ranked
    if not ranked:
        return []
    # a line telling of another edition than the one asked ("… lần thứ XXII được tổ chức tại Hà Tĩnh") answers another
    if NTH.search(q.pq.folded):
        told = {pid: index.told(pid) for pid in {c.chunk.plan_id for c in ranked}}
        kept = [c for c in ranked if not of_other_edition(q.pq.folded, c.body, told[c.chunk.plan_id])]
        # (the store tells of other editions: a text telling of none is of another event, "Hội nghị … lần thứ XXIV")
        ranked = kept if len(kept) == len(ranked) else [c for c in kept if names_edition(q.pq.folded, told[c.chunk.plan_id])]
    if not ranked:
        return []
    if counting and not q.ordinal:
        announced = _announced_count(ranked, index, counting.group(1))
        if announced:
            return announced
    if (_ASKS_AMOUNT.search(q.pq.folded) or kind in ("date", "time", "number")) and not ranked[0].answer_spans:
        # the best words without the asked value: a near one that states it goes first (the sentence after an
        # activity's name that gives its funding)
        stating = next((c for c in ranked[1:AMOUNT_CANDIDATES] if c.answer_spans
                        and c.score >= STATING_SHARE * ranked[0].score), None)
        if stating is not None:
            ranked = [stating] + [c for c in ranked if c is not stating]
    elif kind in ("person", "place") and not ranked[0].answer_spans and (follower := next((
            c for c in ranked[1:AMOUNT_CANDIDATES] if c.answer_spans and _next_on_line(ranked[0], c)), None)):
        ranked = [follower] + [c for c in ranked if c is not follower]  # "Chuyên đề 6: … . Báo cáo viên: Thượng tá X"
    ranked = country_first(question, ranked, AMOUNT_CANDIDATES)
    ranked = unit_named_first(firsts.body_named_first(ranked, q.pq.agencies), q.pq.folded)  # "xã nào": a line naming one
    ranked = firsts.own_before_citing(firsts.numbered_first(firsts.body_first(firsts.field_first(ranked, kind, question), question), q.text), index.plan)
    ranked = target_year_first(own_words_first(ranked, q.pq.folded, kind), q.pq.folded)  # not "Căn cứ …", nor 2025's goals for 2030's
    office = office_asked(q.pq.folded) if kind == "person" else None
    if office and not holder_named(office, ranked[0].body, q.text):
        # "Tổng lãnh sự … tên gì": a near line naming the office's holder goes before one with the office alone or
        # naming no one ("Căn cứ Quyết định … thanh tra" for "Trưởng đoàn thanh tra là ai"); last, as a field line or a
        # line naming the body asked may hold no holder
        holding = next((c for c in ranked[1:AMOUNT_CANDIDATES] if holder_named(office, c.body, q.text)
                        and c.score >= OFFICE_SHARE * ranked[0].score), None)
        if holding is not None:
            ranked = [holding] + [c for c in ranked if c is not holding]
    if kind == "list" and text is None and (noun := firsts.LIST_ASKED.search(q.pq.folded)):
        # "… được dùng những ngoại ngữ nào?": the line of the text that lists them, though its passage ranked low
        whole = [Hit(c, 0.0) for c in index.chunks(ranked[0].chunk.plan_id)]
        ranked = firsts.enumerating_first(ranked, sentences.candidates(question, kind, whole, index.idf, index.plan,
                                                                       top=len(whole)), noun.group(1))
    if kind == "number":
        ranked = firsts.share_first(firsts.counted_first(ranked, question), q.text)
    # (a year the plan is of, named by its title — "Kế hoạch đoàn ra, đoàn vào năm 2028" — its lines need not repeat)
    own_title = (held.meta.title or "") if (held := index.plan(ranked[0].chunk.plan_id)) else ""
    # …but a year bounding its period ("giai đoạn 2028 - 2030") is one of its years, whose own line answers
    own_title = re.sub(r"\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b", " ", own_title)
    asked_years = [str(y) for y in q.pq.years if y not in horizon_years(q.pq.folded) and str(y) not in own_title]
    # (a figure or a sum asked: a year may name the event itself elsewhere, "Xuân Quê hương 2026 … hạn chót khi nào")
    if asked_years and (kind == "number" or _ASKS_AMOUNT.search(q.pq.folded)) \
            and not any(names_year(ranked[0].body, y) for y in asked_years) \
            and not ranked[0].body.rstrip().endswith(":"):  # "… chi tiết như sau:": its items are narrowed to the year
        # "năm 2023 có bao nhiêu lượt …": the period's total is no answer for one year when a near line gives that
        # year's own figure ("Doanh nghiệp tham gia: năm 2022: 410 lượt; năm 2023: 585 lượt; …")
        # "bao nhiêu cặp cụm dân cư", "bao nhiêu cơ sở lưu trú": a line of the year that counts something else is none
        thing = COUNTED_THING.search(asking_fold(q.pq.text))
        counted = counted_phrase(q) or (thing.group(1) if thing and thing.group(1).split()[0] not in TIME_UNITS
                                        and len(thing.group(1).split()) > 1 else None)
        # (the best line's own passage first: "Phân theo năm: năm 2028: …" under "Tổng kinh phí …")
        near = sorted(ranked[1:AMOUNT_CANDIDATES], key=lambda c: c.chunk.id != ranked[0].chunk.id)
        dated = next((c for c in near if c.chunk.plan_id == ranked[0].chunk.plan_id
                      and (not counted or counted.split()[0] in vi.folded_syllables(c.body))
                      and c.answer_spans and all(names_year(c.body, y) for y in asked_years)
                      and c.score >= (YEAR_SHARE_BESIDE if c.chunk.id == ranked[0].chunk.id else YEAR_SHARE)
                      * ranked[0].score), None)
        if dated is not None:
            ranked = [dated] + [c for c in ranked if c is not dated]
    if _ASKS_AMOUNT.search(q.pq.folded) and not any(c.answer_spans for c in ranked[:AMOUNT_CANDIDATES]):
        return []  # "kinh phí … bao nhiêu tỷ đồng?": no passage states an amount, so none answers
    if kind == "number" and not any(c.answer_spans for c in ranked[:COUNT_CANDIDATES]):
        return []  # "bao nhiêu hội thảo mỗi năm?": the best passage states no number, so none answers
    lead = _ASKS_LEAD.search(q.pq.folded)
    # (…but "ai chủ trì phía tỉnh?" of a meeting a page reports: the official it names as receiving is the host)
    if lead and kind != "person" and not any(_ASKS_LEAD.search(vi.collapse(c.body)) for c in ranked[:AMOUNT_CANDIDATES]):
        return []  # "sở nào chủ trì?": no passage gives anyone that role, so none says who leads
    years = [y for y in q.pq.years if y not in horizon_years(q.pq.folded)]  # "Chiến lược … đến năm 2030" is a name
    if kind == "date" and years and not any(dated_in(c, years, index, q.pq.folded) for c in ranked[:AMOUNT_CANDIDATES]) \
            and not (ASKS_EFFECT.search(q.pq.folded) and EFFECT_VALUE.search(ranked[0].body)):
        return []  # "… năm 2024 diễn ra ngày nào?": another year's date (not "quy chế … 2013 có hiệu lực khi nào")
    ranked = firsts.total_first(firsts.day_first(ranked, q.text), q.pq.folded)
    if firsts.MONEY_ASKED.search(q.pq.folded) and text is None:
        days = set(re.findall(r"\d{1,2}/\d{1,2}/((?:19|20)\d\d)", q.text))  # "đến 30/9/2026": a point in time, no year
        ranked = firsts.year_keyed_first(ranked, [str(y) for y in q.pq.years if y not in horizon_years(q.pq.folded)
                                                  and str(y) not in days], q.text)
    if q.ordinal and q.ordinal_noun and text is None:
        # "Nội dung thứ 3 trong KH 861 là gì?": the line announcing the list of that noun ("… với 08 nội dung sau:")
        # is where the third is counted from, though an item shares more of the question's words
        ranked = firsts.announcing_first(ranked, q.ordinal_noun)
    if rows := firsts.day_rows(ranked, q.text):  # "Ngày 18/3 … đi thăm những đâu": every row of that day's programme
        return [Point(display(c, question, index.idf, POINT_CHARS), c.chunk, c.body, c.score) for c in rows]
    if text is None and (under := day_items(q.text, ranked[0].chunk.plan_id, index)):  # …or the items under its heading
        return under
    best = ranked[0]
    # (its marker read too, "6. Báo và Phát thanh …", when no list follows it: a list's items are read below, narrowed)
    if (ARTICLE_HEADING.match(best.body.strip()) or ARTICLE_HEADING.match(best.unit.text.strip())
            and not following_items(best, index, ALL_ITEMS)) and whole_line(best.body, best.chunk.text):
        body = heading_body(best, index, question)  # "Điều 2. Đối tượng áp dụng": what the article says answers
        if body:
            return body
    # "… từ những nguồn nào?": the best line is one item of a list, whose announcing line brings them all
    listed = bool(_LIST_OF.search(q.pq.folded)) and text is None
    if listed and (lead := announcing(best, ranked, index, ALL_ITEMS)) is not None:
        best = lead
    # "… họp thường kỳ vào tháng nào?": an item of a short list whose items each give a value of the kind asked
    # ("a) phiên họp giữa năm … tháng 7;" / "b) phiên họp cuối năm … tháng 01 năm sau") is one of several answers
    elif text is None and kind in ("date", "place", "number") and (lead := announcing(best, ranked, index, ALL_ITEMS)) is not None \
            and len(siblings := following_items(lead, index, SHORT_LIST + 1)) <= SHORT_LIST \
            and sum(bool(c.answer_spans) for c in ranked if c.chunk.id == best.chunk.id
                    and any(p.quote == c.body for p in siblings)) >= 2:
        best = lead
    # "… như sau:", any line ending in a colon ("4. Cục Nhà giáo …:" over its a), b), c)); folding drops the colon),
    # or a short line of its own with no full stop over bullets ("Ngày thứ ba (thứ Năm, 16/9/2027)" / "- 17h00: …")
    announces = bool(firsts.INTRODUCES_LIST.search(vi.collapse(best.body[-40:]))) or best.body.rstrip().endswith(":")
    heads = not announces and len(best.body) <= LEAD_LINE_CHARS and whole_line(best.body, best.chunk.text) \
        and not best.body.rstrip().endswith((".", ";", "!", "?"))
    if announces and q.ordinal and text is None:  # "nội dung công việc thứ 3 …": that item of the announced list
        every = following_items(best, index, ALL_ITEMS)
        at = q.ordinal - 1 if q.ordinal > 0 else len(every) - 1
        if 0 <= at < len(every):
            return [every[at]]
    if announces or heads:
        # what names the plan itself (its issuer, the one year it is for) narrows none of its lists
        plan = index.plan(best.chunk.plan_id)
        own_years = index.facts[best.chunk.plan_id].plan_years if best.chunk.plan_id in index.facts else frozenset()
        # every item read, then narrowed, then as many as a list shows: the year asked may be the list's last rows
        items = named_items(following_items(best, index, ALL_ITEMS), best.body,
                            [y for y in years if not (len(own_years) == 1 and y in own_years)],
                            [a for a in q.pq.agencies if not (plan and agency_matches(a, plan.meta.issuer or ""))])
        if foreign_places(q.text):  # "… sự kiện ở Pháp không?": of the items by year, those naming the country asked
            # (an item naming no foreign place stays: a list of requirements is no list by country)
            items = [p for p in items if names_foreign_places(q.text, [p.quote]) or not foreign_places(p.quote)] or items
        if re.search(r"\btong\b", q.pq.folded):  # "tổng kinh phí năm 2024": the year's total line goes first
            items = sorted(items, key=lambda p: not firsts.TOTAL_LINE.match(p.quote))
        items = items[:LIST_ITEMS]
        if heads and sum(1 for p in items if _ATTRIBUTE.match(p.quote)) * 2 > len(items):
            items = []  # "- Thời gian: …" / "- Kinh phí: …": a record's fields under its title, which answers as a whole
        # a heading line ("Ngày thứ ba (thứ Năm, 16/9/2027)") names what its bullets are about: it goes first
        # ("kinh phí kh ttdn 2028": a sum named, no question word, the line stating it still leads its parts)
        states_sum = firsts.MONEY_ASKED.search(q.pq.folded) and firsts.SUM.search(best.body)
        if items and not listed and (heads or states_sum or best.answer_spans and (kind in ("number", "date")
                                                                    or _ASKS_AMOUNT.search(q.pq.folded))):
            # "Tổng kinh phí dự kiến: 96,4 tỷ đồng, chia … như sau:": the sentence holds the value asked, then its parts
            # (under a heading line, as many as an answer shows without it)
            return [Point(display(best, question, index.idf, POINT_CHARS), best.chunk, best.body, best.score)] + \
                items[:MAX_POINTS - (0 if heads else 1)]
        if items:  # "… cụ thể như sau:": the items it announces are the answer
            return items
    # (a count asked with its items, "có mấy nhóm nhiệm vụ? kể ra": the sentence naming them is the list)
    limit = LIST_SENTENCE_CHARS if kind == "list" or counting and _ITEMS_ASKED.search(q.pq.folded) else POINT_CHARS
    titled = index.plan(best.chunk.plan_id)  # (a news page's headline words, which its every line repeats)
    headline = (titled.meta.title or "").rstrip(" …") if titled and titled.meta.source_kind == "news" else ""
    # (…a headline of its own: a page titled by its first sentence has no other words for its lines)
    known = frozenset(query_terms(headline)) if headline and vi.collapse(headline)[:60] not in vi.collapse(
        best.body) else frozenset()
    chosen = [(best, display(best, question, index.idf, limit, known))]
    used = len(chosen[0][1])
    for cand in ranked[1:]:
        if len(chosen) >= MAX_POINTS or cand.score < FOLLOWER_SHARE * best.score:
            break
        together = shown_with(best, cand, kind) and not firsts.other_row(best, cand, question) \
            and beside_own_words(best, cand, q.pq.folded)
        duplicate = any(vi.collapse(cand.body) == vi.collapse(c.body) for c, _ in chosen)
        shown = display(cand, question, index.idf, POINT_CHARS, known)
        if together and not duplicate and used + len(shown) <= ANSWER_BUDGET:
            chosen.append((cand, shown))
            used += len(shown)
    field = firsts.field_line(ranked, kind)
    if field is not None and all(c is not field for c, _ in chosen):
        # the best sentence says where or when in passing; the text's own field for it is shown too
        chosen = chosen[:MAX_POINTS - 1] + [(field, display(field, question, index.idf, POINT_CHARS))]
    plan_order = list(dict.fromkeys(c.chunk.plan_id for c, _ in chosen))
    chosen.sort(key=lambda cs: (plan_order.index(cs[0].chunk.plan_id), cs[0].chunk.seq, cs[0].unit.start))
    return [Point(shown, c.chunk, c.body, c.score) for c, shown in chosen]


_ITEMS_ASKED = re.compile(r"\b(?:ke ra|liet ke|ke ten|gom nhung gi|la nhung gi|do la gi|cu the)\b")
_ATTRIBUTE = re.compile(r"^[^:\d]{2,30}:\s")  # "Thời gian: tháng 8/2024.", "Cơ quan chủ trì: Sở …"


def named_items(items: list[Point], line: str, years: list[int], agencies: list[str]) -> list[Point]:
    """Of the items a line announces, those naming the year or body the question names and the line does not
    ("năm 2026" asked under "… phân theo năm:"); none when no item does (the list is of something else). Under
    "4. Cục Nhà giáo …:" the items are all the body's asked."""
    said = YEAR_RANGE.sub(" ", vi.collapse(line))  # "giai đoạn 2024 - 2026 …, phân theo năm:" names no year
    named_years = [str(y) for y in years if str(y) not in said]
    named = [n for n in [vi.collapse(a) for a in agencies] if n not in said]
    if not named and not named_years:
        return items
    # an item of the year names it as its own, not as the end of a period ("Tổng cộng 2025 - 2026")
    return [p for p in items if any(names_year(p.quote, y) for y in named_years)
            or any(n in vi.collapse(p.quote) for n in named)]


def shown_with(best, cand, kind: str) -> bool:
    """A runner-up sentence is shown beside the best one: of the same section; of the same text and, like the
    best, stating the asked kind of value (the agencies' reporting deadline and the Sở's own one: the words alone
    cannot tell which is meant); or of the same text and scored so close that the evidence cannot tell them apart."""
    if cand.chunk.plan_id != best.chunk.plan_id:
        return False
    if cand.chunk.section == best.chunk.section or cand.score >= TIE_SHARE * best.score:
        return True
    return (kind in sentences.ANSWERING_KINDS and bool(cand.answer_spans) and bool(best.answer_spans)
            and cand.score >= RIVAL_SHARE * best.score)


COUNT_ANNOUNCERS = 3  # how far down a line announcing the counted items is looked for


def _announced_count(ranked: list, index: PlanIndex, noun: str) -> list[Point]:
    """"gồm mấy nội dung chính?": a near line announcing them ("… bao gồm những nội dung chính:") is followed by its
    items, which are counted, then shown (the line must name the thing counted)."""
    head = noun.split()[0]
    if any(re.search(rf"\b\d+ {head}\b", vi.collapse(c.body)) for c in ranked[:COUNT_ANNOUNCERS]):
        return []  # "Kế hoạch số 26/KH-UBND có 18 nhiệm vụ": a line says the count itself
    for cand in ranked[:COUNT_ANNOUNCERS]:
        body = vi.collapse(cand.body)
        if head not in body.split() or not (cand.body.rstrip().endswith(":") or firsts.INTRODUCES_LIST.search(body)):
            continue
        items = following_items(cand, index, ALL_ITEMS) or _numbered_after(cand, index)
        if len(items) >= 2:
            items[0].text = f"Có {len(items)} {accented_noun(noun, [cand.chunk])}: {items[0].text}"
            return items[:LIST_ITEMS]
    return []


NUMBERED_AFTER = 12  # chunks after an announcing line read for its numbered items ("1. …" each a heading of its own)


def _numbered_after(cand, index: PlanIndex) -> list[Point]:
    """The items "1. …" … "n. …" right after an announcing line, when each is a heading of its own."""
    chunks = [c for c in sorted(index.chunks(cand.chunk.plan_id), key=lambda c: c.seq) if c.seq >= cand.chunk.seq]
    run = numbered_children(chunks[:NUMBERED_AFTER], after=(cand.chunk.id, cand.unit.start))
    return list_points_plain(run, ALL_ITEMS) if len(run) >= 2 else []


SHORT_LIST = 4  # items of a list shown whole when each gives a value of the kind asked
_LIST_OF = re.compile(r"\b(?:nhung|cac) [a-z]+(?: [a-z]+)? nao\b|\bnhung (?:gi|ai)\b|\bgom nhung\b")


def passage_answer(q: Question, scope: Scope, hits: list[Hit], index: PlanIndex, dense_of=None) -> Answer | None:
    """The sentences or list items that answer, cited, under the plan they come from; None when nothing
    shown would name every foreign place the question asks about."""
    favoured = frozenset(pid for pid, boost in scope.boost.items() if boost > 0)
    # "… năm 2025 và năm 2030?" asks each year; "tăng bao nhiêu so với 2025?" asks one, against a base year
    base = {int(y) for y in re.findall(r"\bso voi (?:nam |cung ky nam )?(\d{4})\b", q.pq.folded)}
    years = [y for y in q.pq.years if y not in horizon_years(q.pq.folded) and y not in base]
    # (the bounds of one period asked whole, "cả giai đoạn 2026-2030", "tổng … 2021-2025", are not two years asked)
    spanned = firsts.WHOLE_SPAN.search(q.pq.folded)
    asked = [(one_year(q, y, years), y) for y in years] if len(years) > 1 and not spanned else [(q, None)]
    points: list[Point] = []
    for each, year in asked:  # "… năm 2025 và năm 2030?": the sentence of each year, from that year's passages
        of_year = [h for h in hits if year is None or str(year) in f"{h.chunk.section or ''} {h.chunk.text}"]
        found = choose_points(each, of_year or hits, index, must=scope.other_documents or None,
                              favoured=favoured, dense_of=dense_of)
        found = [p for p in found if all(p.quote != o.quote for o in points)]
        if year is not None:
            for p in found:  # (a line opening with the year says it: "Năm 2026, tỉnh tổ chức …")
                p.text = p.text if vi.collapse(p.text[:12]).startswith(f"nam {year}") else f"Năm {year}: {p.text}"
        points += found
    # (a text whose title names the place is about it throughout: "Kế hoạch triển khai Bản ghi nhớ … với Quảng Tây")
    if points and not names_foreign_places(q.text, [p.chunk.text for p in points] + placing_lines(points[0], index)
                                           + [index.held(points[0].chunk.plan_id).meta.title]
                                           + sole_country_lines(points[0], index)
                                           + lead_lines(points[0].chunk.plan_id, points[0].quote, index)):
        # a point whose passage never names the foreign place asked about answers something else: the others may
        points = [p for p in points if names_foreign_places(q.text, [p.chunk.text, index.held(p.chunk.plan_id).meta.title]
                                                            + placing_lines(p, index)
                                                            + lead_lines(p.chunk.plan_id, p.quote, index))]
        if not points:  # "Tuần văn hóa … tại Lào khai mạc ở đâu?": the passages naming Lào, not a week elsewhere
            # …only when the best passage found is one of them: a place named in passing further down answers nothing
            placed = [h for h in hits if names_foreign_places(q.text, [h.chunk.text])]
            # (…or a near one with a row of that place: "Nhật Bản: địa phương cử đoàn: Tỉnh Aomori; …")
            placed = placed if placed and placed[0] is hits[0] else keyed_by_place(q.text, hits)
            points = choose_points(q, placed, index, must=scope.other_documents or None, favoured=favoured,
                                   dense_of=dense_of) if placed else []
    points = of_the_place_asked(q.text, points)
    if points and q.answer_type == "number" and counts_another_place(q.text, points[0].quote, index.held(points[0].chunk.plan_id).meta.title) \
            and not any(names_foreign_places(q.text, [p.quote]) for p in points):
        return None  # "bao nhiêu lưu học sinh Nhật Bản?": a line of Lào's counts others (one of Đức's may be Berlin's)
    if not points:
        return None
    points = completed(q.parts[0], points, q.text, index.idf) if len(q.parts) == 1 else points  # (the value said beside)
    if q.answer_type in ("date", "period"):
        for p in points:
            p.text = dated_today(p.text, index.held(p.chunk.plan_id).meta.published)
    points = under_agency_heading(points) if q.answer_type == "agency" else points
    plans = list(dict.fromkeys(p.chunk.plan_id for p in points))
    lead = f"Theo {plan_label(index.held(plans[0]).meta)}:" if len(plans) == 1 else "Theo các văn bản trong kho:"
    numbered = number_points(points, index.plan)
    body = "\n".join(f"- {line}" for line in numbered.lines)
    return Answer(q.text, True, f"{lead}\n{body}", numbered.citations, kind="general", points=numbered.said)


def _next_on_line(best, other) -> bool:
    """`other` is the sentence right after `best` on its line: what the best names, the next one tells of."""
    text = best.chunk.text
    return other.chunk.id == best.chunk.id and 0 <= other.unit.start - best.unit.end <= 2 \
        and "\n" not in text[best.unit.end:other.unit.start]
