"""Extractive passage answers: the sentences or list items that answer, chosen by the sentence scorer or by
navigating to the section the question names (ordinals, "phần III", "mục đích"), in plan order."""
from __future__ import annotations

import re
from collections.abc import Sequence

from ground import vi
from ground.display import shorten
from rag.compose.citations import Point, number_points, plan_label
from rag.compose.parts import display
from rag.decide.grounds import names_foreign_places
from rag.find import sentences
from rag.find.plans import PlanIndex
from rag.find.scope import Scope
from rag.find.search import Hit
from rag.models import Answer
from rag.ports import StoredChunk
from rag.understand.names import number_matches
from rag.understand.question import Question, analyze
from rag.understand.terms import split_units, strip_marker

MAX_POINTS = 3
ANSWER_BUDGET = 450  # characters of points; with the lead line this fits a phone screen
POINT_CHARS = 300
LIST_SENTENCE_CHARS = 440  # one sentence that is itself the list ("gồm: A; B; C") is kept whole up to this
LIST_ITEMS = 4
LIST_ITEM_CHARS = 140
FOLLOWER_SHARE = 0.75  # a second point must score this share of the best one
RIVAL_SHARE = 0.85  # …and this share when it comes from another section
TIE_SHARE = 0.9  # a sentence of the same text this close to the best: the evidence cannot tell them apart
AMOUNT_CANDIDATES = 8
STATING_SHARE = 0.9  # how close to the best a candidate stating the asked value must score to go before it
COUNT_CANDIDATES = 1  # the sentence shown first must state it
# An amount with its unit: only a sentence stating a number of that kind can answer.
_ASKS_AMOUNT = re.compile(r"\b(bao nhieu|may) (ty|trieu|nghin|dong|usd|nguoi|luot|phan tram|%)|\bkinh phi\b.*\bbao nhieu\b")
_ASKS_LEAD = re.compile(r"\b(chu tri|phu trach|dau moi|chiu trach nhiem chinh)\b")
_BULLET = re.compile(r"^\s*(?:[-–—+•*●]|[a-zđ]\)|\d+(?:\.\d+)*[.)])\s+")
_ROMAN = {1: "i", 2: "ii", 3: "iii", 4: "iv", 5: "v", 6: "vi", 7: "vii", 8: "viii", 9: "ix", 10: "x"}


def _heading_of(section: str | None) -> list[str]:
    return [vi.collapse(s) for s in (section or "").split("›")]


def find_section(q: Question, hits: list, index: PlanIndex) -> list | None:
    """The chunks of the section the question names, in the best hit's plan (None when it names none)."""
    if not (q.part_ref or q.section_words or q.ordinal_noun):
        return None
    plan_ids = list(dict.fromkeys(h.chunk.plan_id for h in hits[:3]))
    for plan_id in plan_ids[:2]:
        chunks = index.chunks(plan_id)
        chosen = None
        if q.part_ref:
            noun, n = q.part_ref
            marks = (f"{_ROMAN.get(n, n)} ", f"{n} ") if noun in ("phan", "chuong") else (f"{n} ", f"{_ROMAN.get(n, n)} ")
            chosen = [c for c in chunks if any(h.startswith(marks) for h in _heading_of(c.section)[:1])]
        else:
            words = q.section_words or ([q.ordinal_noun] if q.ordinal_noun else [])
            shallow = bool(q.ordinal) or bool(_COUNT_ITEMS.search(q.pq.folded))  # its items run through subsections
            # "mục tiêu cụ thể" under a heading "II. MỤC TIÊU": the words asked, else their head ("mục tiêu")
            words = list(dict.fromkeys([w for w in words] + [" ".join(w.split()[:2]) for w in words if len(w.split()) > 2]))
            for word in words:
                # the deepest heading that names the word ("1. Mục đích" before "I. MỤC ĐÍCH, YÊU CẦU"); for
                # an ordinal the shallowest, whose items run through its subsections ("mục tiêu thứ hai")
                best_depth, best = None, None
                for c in chunks:
                    for depth, h in enumerate(_heading_of(c.section)):
                        better = best_depth is None or (depth < best_depth if shallow else depth > best_depth)
                        if re.search(rf"\b{word}\b", h) and better:
                            best_depth, best = depth, "›".join((c.section or "").split("›")[: depth + 1])
                if best:
                    # path parts compared stripped: "II. MỤC TIÊU › 1. …" splits into "II. MỤC TIÊU " (with its space)
                    prefix = [p.strip() for p in best.split("›")]
                    chosen = [c for c in chunks
                              if [p.strip() for p in (c.section or "").split("›")][:len(prefix)] == prefix]
                    break
        if chosen:
            return sorted(chosen, key=lambda c: c.seq)
    return None


_QUESTION_WORDS = frozenset("la gi nhung nao gom co cac noi dung ve dat ra neu the nao ra sao bao".split())
MAX_RESIDUAL = 2


_ASKS_WHAT_IT_IS = re.compile(r"\b(la gi|gom (?:nhung )?(?:gi|nao)|nhung gi|bao gom)\b")


def navigates(q: Question, kind: str, index: PlanIndex, hits: Sequence[Hit] = ()) -> bool:
    """The question asks for a section itself ("mục đích là gì", "quan điểm đầu tiên", "phần III"),
    not for something a section holds: little is left once its heading and the plan's names are removed."""
    if q.part_ref or q.ordinal:
        return True
    if not q.section_words or kind not in ("list", "content", "purpose", "manner"):
        return False
    heading = {s for w in q.section_words for s in w.split()}
    naming = index.naming
    left = [s for s in vi.folded_syllables(q.pq.content or q.text)
            if s not in heading and s not in naming and s not in sentences._PLAN_NAMING
            and s not in _QUESTION_WORDS and not s.isdigit()]
    if len(left) <= MAX_RESIDUAL:
        return True
    # "Yêu cầu khi triển khai … là gì?": asks what the section says when a top passage sits under that heading
    return bool(_ASKS_WHAT_IT_IS.search(q.pq.folded)) and any(
        any(w in _heading_of(h.chunk.section)[-1] for w in q.section_words) for h in hits[:3])


def _is_heading(text: str, section: str | None) -> bool:
    body = vi.collapse(strip_marker(text)).strip(" :.")
    return any(body == vi.collapse(strip_marker(h.strip())).strip(" :.") for h in (section or "").split("›")) or (
        len(body) < 25 and not text.rstrip().endswith((".", ";")))


def section_items(chunks: list[StoredChunk]) -> list[tuple[StoredChunk, str]]:
    children = _numbered_children(chunks)
    if children:  # "II. MỤC TIÊU" whose items "1. …" … "7. …" are each a heading of their own
        return children
    items = [(c, u.text) for c in chunks for u in split_units(c.text)
             if len(strip_marker(u.text)) >= 15 and not _is_heading(u.text, c.section)]
    bullets = [(c, t) for c, t in items if _BULLET.match(t)]
    return bullets if len(bullets) >= 2 else items


_NUMBERED = re.compile(r"^\s*(\d{1,2})[.)]\s+\S")


def _numbered_children(chunks: list[StoredChunk]) -> list[tuple[StoredChunk, str]]:
    """The items "1. …" … "n. …" of a section, in order, when it numbers them (each may be a heading of its own,
    which the other items' reading leaves out): the run 1, 2, 3 … as the text gives it."""
    run: list[tuple[StoredChunk, str]] = []
    seen: set[str] = set()
    for chunk in sorted(chunks, key=lambda c: c.seq):
        for unit in split_units(chunk.text):
            m = _NUMBERED.match(unit.text)
            key = " ".join(unit.text.split())
            if not m or key in seen:
                continue
            if int(m.group(1)) == len(run) + 1:
                run.append((chunk, unit.text))
                seen.add(key)
    return run if len(run) >= 2 else []


# "có mấy mục tiêu cụ thể": the answer is how many items the section lists, then the items
_COUNT_ITEMS = re.compile(r"\b(?:may|bao nhieu) (muc tieu(?: cu the| tong quat)?|nhiem vu|giai phap|quan diem|yeu cau"
                          r"|noi dung|nhom|tru cot|dinh huong)\b")


def list_points(q: Question, chunks: list) -> list[Point]:
    items = section_items(chunks)
    if not items:
        return []
    counted = _COUNT_ITEMS.search(q.pq.folded)
    if counted and not q.ordinal:
        points = list_points_plain(items)
        if points:
            points[0].text = f"Có {len(items)} {_accented(counted.group(1), chunks)}: {points[0].text}"
        return points
    if q.ordinal:
        idx = q.ordinal - 1 if q.ordinal > 0 else len(items) - 1
        if 0 <= idx < len(items):
            chunk, text = items[idx]
            body = strip_marker(text)
            return [Point(shorten(body, POINT_CHARS), chunk, body, 1.0)]
        return []
    return list_points_plain(items)


def list_points_plain(items: list) -> list[Point]:
    points = []
    for chunk, text in items[:LIST_ITEMS]:
        body = strip_marker(text)
        limit = LIST_SENTENCE_CHARS if len(items) == 1 else LIST_ITEM_CHARS
        points.append(Point(shorten(body, limit), chunk, body, 1.0))
    return points


def _accented(folded_noun: str, chunks: list) -> str:
    """The section's own spelling of a folded noun ("muc tieu cu the" → "mục tiêu cụ thể")."""
    for chunk in chunks:
        # its headings first, then its text ("… đạt các mục tiêu cụ thể sau:")
        for part in (chunk.section or "").split("›") + chunk.text.split("\n"):
            words = part.split()
            for i in range(len(words)):
                span = " ".join(words[i:i + len(folded_noun.split())])
                if vi.collapse(span) == folded_noun:
                    return span.lower()
    return folded_noun


# A sentence that announces a list ("…, cụ thể như sau:", "gồm các nội dung sau:") says nothing by itself.
_INTRODUCES_LIST = re.compile(r"(?:nhu sau|sau day|cac (?:noi dung|nhiem vu|giai phap|muc tieu) sau)\s*$")
FOLLOWING_CHUNKS = 2


# an article's or a numbered section's title line alone ("Điều 2. Đối tượng áp dụng", "3. Kinh phí thực hiện")
_ARTICLE_HEADING = re.compile(r"^(?:(?:Điều\s+\d+[a-z]?|\d+(?:\.\d+)*|[IVXLC]+)\s*[.:)]\s*[^.;:!?\n]{3,80}"
                              r"|(?:[a-zđ]\)\s*|\d+(?:\.\d+)*\.\s*)?Đối với\s+[^.;!?\n]{3,80}?:?)$")
HEADING_BODY_UNITS = 3


def _whole_line(unit: str, text: str) -> bool:
    """The unit is a line of its own in the chunk (a heading), not a clause of a longer line."""
    return any(strip_marker(line) == strip_marker(unit) for line in text.split("\n"))


def heading_body(cand, index: PlanIndex, question: str) -> list[Point]:
    """The sentences under a heading line, up to the next heading: what a question matching the heading's words asks
    (each cut, when long, to the clauses nearest the question's words)."""
    from rag.understand.question import without_question_words
    from rag.understand.terms import best_window, query_terms

    terms = query_terms(without_question_words(question))
    chunks = sorted(index.chunks(cand.chunk.plan_id), key=lambda c: c.seq)
    after = [c for c in chunks if c.seq > cand.chunk.seq][:1]
    found: list[tuple[StoredChunk, str]] = []
    for chunk in [cand.chunk, *after]:
        for unit in split_units(chunk.text):
            if chunk is cand.chunk and unit.start <= cand.unit.start:
                continue
            if _ARTICLE_HEADING.match(unit.text.strip()) or len(found) >= HEADING_BODY_UNITS:
                break
            found.append((chunk, unit.text))
        else:
            continue
        break
    return [Point(best_window(strip_marker(text), terms, index.idf, POINT_CHARS), chunk, strip_marker(text), 1.0)
            for chunk, text in found]


def following_items(cand, index: PlanIndex) -> list[Point]:
    """The list items that follow an announcing sentence, in its chunk and the next ones of its plan."""
    chunks = sorted(index.chunks(cand.chunk.plan_id), key=lambda c: c.seq)
    after = [c for c in chunks if c.seq > cand.chunk.seq][:FOLLOWING_CHUNKS]
    items: list[tuple[object, str]] = []
    for chunk in [cand.chunk, *after]:
        for unit in split_units(chunk.text):
            if chunk is cand.chunk and unit.start <= cand.unit.start:
                continue
            if not _BULLET.match(unit.text) or _is_heading(unit.text, chunk.section):
                # the announced list starts right after the sentence ("… như sau: I. MỤC ĐÍCH" is a document's
                # outline, not a list) and ends at the first line that is not one of its items
                return list_points_plain(items) if items else []
            items.append((chunk, unit.text))
    return list_points_plain(items) if items else []


def choose_points(q: Question, hits: list, index: PlanIndex, must: list[str] | None = None,
                  text: str | None = None, answer_type: str | None = None,
                  favoured: frozenset[str] = frozenset(), dense_of=None) -> list[Point]:
    """The points of a passage answer for a one-part question (or the one part given as `text`)."""
    question = text or q.pq.content or q.text
    kind = answer_type or q.answer_type
    counting = kind == "number" and _COUNT_ITEMS.search(q.pq.folded)
    section = find_section(q, hits, index) if counting or navigates(q, kind, index, hits) else None
    if section:
        points = list_points(q, section)
        if points:
            return points
    ranked = sentences.rank(question, kind, hits, index.idf, index.plan, q.section_words, favoured=favoured,
                            dense_of=dense_of)
    if must:
        keys = [vi.fold(m).replace(" ", "") for m in must]
        # a sentence naming the document, or one of a text that names it (a page about Chỉ thị 25 names it once)
        named = [c for c in ranked if any(k in vi.fold(c.body).replace(" ", "") for k in keys)
                 or any(number_matches(m, d) for m in must for d in index.mentions.get(c.chunk.plan_id, ()))]
        ranked = named or ranked
    if not ranked:
        return []
    if (_ASKS_AMOUNT.search(q.pq.folded) or kind in ("date", "number")) and not ranked[0].answer_spans:
        # the best words without the asked value: a near one that states it goes first (the sentence after an
        # activity's name that gives its funding)
        stating = next((c for c in ranked[1:AMOUNT_CANDIDATES] if c.answer_spans
                        and c.score >= STATING_SHARE * ranked[0].score), None)
        if stating is not None:
            ranked = [stating] + [c for c in ranked if c is not stating]
    if _ASKS_AMOUNT.search(q.pq.folded) and not any(c.answer_spans for c in ranked[:AMOUNT_CANDIDATES]):
        return []  # "kinh phí … bao nhiêu tỷ đồng?": no passage states an amount, so none answers
    if kind == "number" and not any(c.answer_spans for c in ranked[:COUNT_CANDIDATES]):
        return []  # "bao nhiêu hội thảo mỗi năm?": the best passage states no number, so none answers
    lead = _ASKS_LEAD.search(q.pq.folded)
    if lead and not any(_ASKS_LEAD.search(vi.collapse(c.body)) for c in ranked[:AMOUNT_CANDIDATES]):
        return []  # "sở nào chủ trì?": no passage gives anyone that role, so none says who leads
    years = [y for y in q.pq.years if y not in _horizon_years(q.pq.folded)]  # "Chiến lược … đến năm 2030" is a name
    if kind == "date" and years and not any(_dated_in(c, years, index) for c in ranked[:AMOUNT_CANDIDATES]):
        return []  # "… năm 2024 diễn ra ngày nào?": a date of another year answers another question
    best = ranked[0]
    if _ARTICLE_HEADING.match(best.body.strip()) and _whole_line(best.body, best.chunk.text):
        body = heading_body(best, index, question)  # "Điều 2. Đối tượng áp dụng": what the article says answers
        if body:
            return body
    # "… như sau:", or any line ending in a colon ("4. Cục Nhà giáo …:" over its a), b), c)); folding drops the colon
    if _INTRODUCES_LIST.search(vi.collapse(best.body[-40:])) or best.body.rstrip().endswith(":"):
        items = named_items(following_items(best, index), best.body, years, q.pq.agencies)
        if items and best.answer_spans and (kind in ("number", "date") or _ASKS_AMOUNT.search(q.pq.folded)):
            # "Tổng kinh phí dự kiến: 96,4 tỷ đồng, chia … như sau:": the sentence holds the value asked, then its parts
            return [Point(display(best, question, index.idf, POINT_CHARS), best.chunk, best.body, best.score)] + \
                items[:MAX_POINTS - 1]
        if items:  # "… cụ thể như sau:": the items it announces are the answer
            return items
    limit = LIST_SENTENCE_CHARS if kind == "list" else POINT_CHARS
    chosen = [(best, display(best, question, index.idf, limit))]
    used = len(chosen[0][1])
    for cand in ranked[1:]:
        if len(chosen) >= MAX_POINTS or cand.score < FOLLOWER_SHARE * best.score:
            break
        together = shown_with(best, cand, kind)
        duplicate = any(vi.collapse(cand.body) == vi.collapse(c.body) for c, _ in chosen)
        shown = display(cand, question, index.idf, POINT_CHARS)
        if together and not duplicate and used + len(shown) <= ANSWER_BUDGET:
            chosen.append((cand, shown))
            used += len(shown)
    plan_order = list(dict.fromkeys(c.chunk.plan_id for c, _ in chosen))
    chosen.sort(key=lambda cs: (plan_order.index(cs[0].chunk.plan_id), cs[0].chunk.seq, cs[0].unit.start))
    return [Point(shown, c.chunk, c.body, c.score) for c, shown in chosen]


def named_items(items: list[Point], line: str, years: list[int], agencies: list[str]) -> list[Point]:
    """Of the items a line announces, those naming the year or body the question names and the line does not
    ("năm 2026" asked under "… phân theo năm:"); none when no item does (the list is of something else). Under
    "4. Cục Nhà giáo …:" the items are all the body's asked."""
    said = _YEAR_RANGE.sub(" ", vi.collapse(line))  # "giai đoạn 2024 - 2026 …, phân theo năm:" names no year
    named = [n for n in [str(y) for y in years] + [vi.collapse(a) for a in agencies] if n not in said]
    if not named:
        return items
    return [p for p in items if any(n in vi.collapse(p.quote) for n in named)]


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


def _dated_in(cand, years: list[int], index: PlanIndex) -> bool:
    """A candidate states a date of the year asked: a date written with it, or a day without a year in a sentence
    (or a page) that names the year ("Trại hè Việt Nam 2019 … từ ngày 10-7 đến 25-7")."""
    if any(str(y) in e.text for y in years for e in cand.answer_spans):
        return True
    plan = index.plan(cand.chunk.plan_id)
    named = f"{cand.body} {plan.meta.title if plan else ''}"
    return bool(cand.answer_spans) and any(str(y) in named for y in years) and not any(
        re.search(r"(?:19|20)\d\d", e.text) for e in cand.answer_spans)


_HORIZON_YEAR = re.compile(r"\b(?:den|toi|tam nhin(?: den)?) nam (\d{4})\b")


def _horizon_years(folded: str) -> set[int]:
    """Years that bound a period rather than ask about each year: "đến năm 2030", "2026-2030"."""
    spans = {int(y) for m in _YEAR_RANGE.finditer(folded) for y in m.groups()}
    return {int(y) for y in _HORIZON_YEAR.findall(folded)} | spans


_YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d) ?[-–]? ?((?:19|20)\d\d)\b")  # folded: "2026 2030"


def _one_year(q: Question, year: int, years: list[int]) -> Question:
    """The question asked of one of the years it names, the others taken out of its words."""
    text = q.text
    for other in years:
        if other != year:
            text = re.sub(rf"\s*(?:,|\bvà\b|\bva\b)?\s*(?:năm|nam)\s+{other}\b", "", text, flags=re.IGNORECASE)
    return analyze(text).read_against([year], q.pq.provinces)


def passage_answer(q: Question, scope: Scope, hits: list[Hit], index: PlanIndex, dense_of=None) -> Answer | None:
    """The sentences or list items that answer, cited, under the plan they come from; None when nothing
    shown would name every foreign place the question asks about."""
    favoured = frozenset(pid for pid, boost in scope.boost.items() if boost > 0)
    # "… năm 2025 và năm 2030?" asks each year; "tăng bao nhiêu so với 2025?" asks one, against a base year
    base = {int(y) for y in re.findall(r"\bso voi (?:nam |cung ky nam )?(\d{4})\b", q.pq.folded)}
    years = [y for y in q.pq.years if y not in _horizon_years(q.pq.folded) and y not in base]
    asked = [(_one_year(q, y, years), y) for y in years] if len(years) > 1 else [(q, None)]
    points: list[Point] = []
    for each, year in asked:  # "… năm 2025 và năm 2030?": the sentence of each year, from that year's passages
        of_year = [h for h in hits if year is None or str(year) in f"{h.chunk.section or ''} {h.chunk.text}"]
        found = choose_points(each, of_year or hits, index, must=scope.other_documents or None,
                              favoured=favoured, dense_of=dense_of)
        found = [p for p in found if all(p.quote != o.quote for o in points)]
        if year is not None:
            for p in found:
                p.text = f"Năm {year}: {p.text}"
        points += found
    if points and not names_foreign_places(q.text, [p.chunk.text for p in points]):
        # a point whose passage never names the foreign place asked about answers something else: the others may
        points = [p for p in points if names_foreign_places(q.text, [p.chunk.text])]
        if not points:  # "Tuần văn hóa … tại Lào khai mạc ở đâu?": the passages naming Lào, not a week elsewhere
            # …only when the best passage found is one of them: a place named in passing further down answers nothing
            placed = [h for h in hits if names_foreign_places(q.text, [h.chunk.text])]
            points = choose_points(q, placed, index, must=scope.other_documents or None, favoured=favoured,
                                   dense_of=dense_of) if placed and placed[0] is hits[0] else []
    if not points:
        return None
    plans = list(dict.fromkeys(p.chunk.plan_id for p in points))
    lead = f"Theo {plan_label(index.held(plans[0]).meta)}:" if len(plans) == 1 else "Theo các văn bản trong kho:"
    numbered = number_points(points, index.plan)
    body = "\n".join(f"- {line}" for line in numbered.lines)
    return Answer(q.text, True, f"{lead}\n{body}", numbered.citations, kind="general", points=numbered.said)
