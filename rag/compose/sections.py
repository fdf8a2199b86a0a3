"""A plan's sections and lists read as answer points: the section a question names (ordinals, "phần III",
"mục đích"), its items, the items a line announces ("… như sau:", "4. Cục Nhà giáo …:") and the body under a
heading line ("Điều 2. Đối tượng áp dụng")."""
from __future__ import annotations

import re
from collections.abc import Sequence

from ground import vi
from ground.agencies import find_agencies
from ground.display import shorten
from rag.compose.citations import Point
from rag.decide.places import names_foreign_places
from rag.find import sentences
from rag.find.firsts import SUM
from rag.find.plans import PlanIndex
from rag.find.search import Hit
from rag.ports import StoredChunk
from rag.understand.entities import foreign_places
from rag.understand.question import Question, without_question_words
from rag.understand.terms import best_window, query_terms, split_units, strip_marker

POINT_CHARS = 300
LIST_SENTENCE_CHARS = 440  # one sentence that is itself the list ("gồm: A; B; C") is kept whole up to this
LIST_ITEMS = 4
LIST_ITEM_CHARS = 140
# ("1- Tuyên truyền …": a number and a dash numbers an item too)
BULLET = re.compile(r"^\s*(?:(?:[-–—+•*●]|[a-zđ]\)|\d+(?:\.\d+)*[.)])\s+|\d{1,2}[-–]\s*(?=[A-ZĐÀ-Ỹ]))")
_ROMAN = {1: "i", 2: "ii", 3: "iii", 4: "iv", 5: "v", 6: "vi", 7: "vii", 8: "viii", 9: "ix", 10: "x"}


def _heading_of(section: str | None) -> list[str]:
    return [vi.collapse(s) for s in (section or "").split("›")]


NAMING_WORDS = 4  # syllables before a section word in a heading that still names the section ("II. MỤC TIÊU, …")


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
            shallow = bool(q.ordinal) or bool(counted_items(q))  # its items run through subsections
            # "mục tiêu cụ thể" under a heading "II. MỤC TIÊU": the words asked, else their head ("mục tiêu")
            words = list(dict.fromkeys([w for w in words] + [" ".join(w.split()[:2]) for w in words if len(w.split()) > 2]))
            for word in words:
                # the deepest heading that names the word ("1. Mục đích" before "I. MỤC ĐÍCH, YÊU CẦU"); for
                # an ordinal the shallowest, whose items run through its subsections ("mục tiêu thứ hai")
                # …but a heading joining several things ("II. QUAN ĐIỂM, MỤC TIÊU") counts its parts, not the
                # items of the one asked: its subsection that names the word alone ("2. Mục tiêu đến năm 2025") wins
                best_rank, best = None, None
                for c in chunks:
                    raw = (c.section or "").split("›")
                    for depth, h in enumerate(_heading_of(c.section)):
                        at = re.search(rf"\b{word}\b", h)
                        # (an item read as a heading names a section by its first words, not in passing: "4. Sở
                        # Giáo dục … chủ trì đưa nội dung …" is no section of "nội dung")
                        if not at or len(h[:at.start()].split()) > NAMING_WORDS:
                            continue
                        rank = (bool(_JOINED.search(raw[depth])), depth) if shallow else (False, -depth)
                        if best_rank is None or rank < best_rank:
                            best_rank, best = rank, "›".join((c.section or "").split("›")[: depth + 1])
                if best:
                    # path parts compared stripped: "II. MỤC TIÊU › 1. …" splits into "II. MỤC TIÊU " (with its space)
                    prefix = [p.strip() for p in best.split("›")]
                    chosen = [c for c in chunks
                              if [p.strip() for p in (c.section or "").split("›")][:len(prefix)] == prefix]
                    break
        if chosen:
            return sorted(chosen, key=lambda c: c.seq)
    return None


_JOINED = re.compile(r"\w\s*,\s*\w|\s(?:và|VÀ)\s")  # "QUAN ĐIỂM, MỤC TIÊU", "Mục đích và yêu cầu"
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
    children = numbered_children(chunks)
    if children:  # "II. MỤC TIÊU" whose items "1. …" … "7. …" are each a heading of their own
        return children
    items = [(c, u.text) for c in chunks for u in split_units(c.text)
             if len(strip_marker(u.text)) >= 15 and not _is_heading(u.text, c.section)]
    bullets = [(c, t) for c, t in items if BULLET.match(t)]
    return bullets if len(bullets) >= 2 else items


# "1. …", "2- …", or an item named by its kind ("Nhiệm vụ 3. …", as ministries number their tasks)
_NUMBERED = re.compile(r"^\s*(?:(?:Nhiệm vụ|NHIỆM VỤ|Giải pháp|GIẢI PHÁP|Hoạt động|HOẠT ĐỘNG|Mục tiêu|MỤC TIÊU)\s+(?=\d{1,2}\.))?"
                       r"(\d{1,2})(?:[.)]\s+|[-–]\s*(?=[A-ZĐÀ-Ỹ]))\S")


def numbered_children(chunks: list[StoredChunk], after: tuple[str, int] | None = None) -> list[tuple[StoredChunk, str]]:
    """The items "1. …" … "n. …" of a section, in order, when it numbers them (each may be a heading of its own,
    which the other items' reading leaves out): the run 1, 2, 3 … as the text gives it (`after`: a chunk id and
    offset the run starts after)."""
    run: list[tuple[StoredChunk, str]] = []
    seen: set[str] = set()
    for chunk in sorted(chunks, key=lambda c: c.seq):
        for unit in split_units(chunk.text):
            if after and chunk.id == after[0] and unit.start <= after[1]:
                continue
            m = _NUMBERED.match(unit.text)
            key = " ".join(unit.text.split())
            if not m or key in seen:
                continue
            if int(m.group(1)) == len(run) + 1:
                run.append((chunk, unit.text))
                seen.add(key)
    return run if len(run) >= 2 else []


_LETTERED = re.compile(r"^\s*[a-zđ]\)\s+\S")
GROUP_HEADING_CHARS = 60


def grouped_items(chunks: list[StoredChunk]) -> list[tuple[StoredChunk, str]]:
    """The lettered items "a) …" of a section whose numbered items are only headings of groups ("1. Quý I/2028",
    "2. Quý II/2028"), each with items of its own; [] when the section numbers its items themselves."""
    children = numbered_children(chunks)
    if not children or any(len(text) > GROUP_HEADING_CHARS or text.rstrip().endswith((".", ";")) for _, text in children):
        return []
    leaves = [(c, u.text) for c in chunks for u in split_units(c.text) if _LETTERED.match(u.text)]
    groups = {c.section.split("›")[1].strip() if c.section and "›" in c.section else "" for c, _ in leaves}
    return leaves if len(leaves) > len(children) and len(groups) > 1 else []


# "có mấy mục tiêu cụ thể": the answer is how many items the section lists, then the items
COUNT_ITEMS = re.compile(r"\b(?:may|bao nhieu) (muc tieu(?: cu the| tong quat)?|nhiem vu|giai phap|quan diem|yeu cau"
                          r"|noi dung|nhom|tru cot|dinh huong)\b")

_SHARE_ASKED = re.compile(r"\b(?:bao nhi[eê]u|m[aấ]y)\s*(?:%|ph[aầ]n tr[aă]m)", re.IGNORECASE)


def counted_items(q: Question) -> re.Match | None:
    """What "có mấy / bao nhiêu …" counts among a section's items; none when a share is asked ("đạt bao nhiêu % mục
    tiêu": the folded question has lost its "%", and reads like "bao nhieu muc tieu")."""
    return None if _SHARE_ASKED.search(q.text) else COUNT_ITEMS.search(q.pq.folded)


def list_points(q: Question, chunks: list) -> list[Point]:
    items = section_items(chunks)
    if not items:
        return []
    counted = counted_items(q)
    if counted and not q.ordinal:
        items = grouped_items(chunks) or items  # "1. Quý I/2028" / "a) …": the tasks are counted, not the quarters
        points = list_points_plain(items)
        if points:
            points[0].text = f"Có {len(items)} {accented_noun(counted.group(1), chunks)}: {points[0].text}"
        return points
    if q.ordinal:
        idx = q.ordinal - 1 if q.ordinal > 0 else len(items) - 1
        if 0 <= idx < len(items):
            chunk, text = items[idx]
            body = strip_marker(text)
            return [Point(shorten(body, POINT_CHARS), chunk, body, 1.0)]
        return []
    # "… tổ chức sự kiện ở Pháp không?": of a list by year, the items naming the country asked
    if foreign_places(q.text):
        placed = [(chunk, text) for chunk, text in items if names_foreign_places(q.text, [text]) or not foreign_places(text)]
        if placed and len(placed) < len(items):
            items = placed
    # an item's words the question asks about past its cut ("… gắn kết với … trong những lĩnh vực nào?") are shown
    asked = [t for t in query_terms(without_question_words(q.pq.content or q.text))
             if not set(t.split()) <= set(q.section_words)]
    # "Tổng kinh phí … là 4.850 triệu đồng, gồm:" over its parts: the sum it states leads them
    lead = next(((c, u.text) for c in chunks for u in split_units(c.text) if u.text.rstrip().endswith(":")
                 and SUM.search(u.text) and not BULLET.match(u.text)), None)
    if lead is not None and all(text != lead[1] for _, text in items):
        items = [lead] + items
    return list_points_plain(items, asked=asked)


def list_points_plain(items: list, limit: int = LIST_ITEMS, asked: Sequence[str] = ()) -> list[Point]:
    points = []
    chars = LIST_SENTENCE_CHARS if len(items) == 1 else LIST_ITEM_CHARS
    past = [_asked_past_cut(strip_marker(text), asked, chars) for _, text in items[:limit]]
    widened = max(range(len(past)), key=lambda k: past[k]) if past and max(past) >= ASKED_PAST_CUT else None
    for k, (chunk, text) in enumerate(items[:limit]):
        body = strip_marker(text)
        shown = shorten(body, chars)
        if k == widened:  # the one item that says what is asked past its cut: shown from those words, longer
            shown = best_window(body, list(asked), _even, WIDENED_ITEM_CHARS)
        points.append(Point(shown, chunk, body, 1.0))
    return points


def _even(_term: str) -> float:
    return 1.0


ASKED_PAST_CUT = 2  # the question's words an item says only past its cut: then its cut is moved to them
WIDENED_ITEM_CHARS = 2 * LIST_ITEM_CHARS


def _asked_past_cut(body: str, asked: Sequence[str], chars: int) -> int:
    if len(body) <= chars:
        return 0
    folded = vi.collapse(body)
    head = vi.collapse(body[:chars])
    return sum(1 for t in asked if t in folded and t not in head)


def accented_noun(folded_noun: str, chunks: list) -> str:
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
FOLLOWING_CHUNKS = 2
LEAD_LINE_CHARS = 90  # a line this short without a full stop, over bullets, heads them


# an article's or a numbered section's title line alone ("Điều 2. Đối tượng áp dụng", "3. Kinh phí thực hiện")
# …and a survey's numbered question ("Câu 6. Nêu tối đa 05 hoạt động …"), answered by the "Trả lời:" under it
ARTICLE_HEADING = re.compile(r"^(?:Câu\s+\d+\s*[.:]\s*[^\n]{3,240}$"
                             r"|(?:Điều\s+\d+[a-z]?|Bước\s+\d+|\d+(?:\.\d+)*|[IVXLC]+)\s*[.:)]\s*[^.;:!?\n]{3,80}"
                              r"|(?:[a-zđ]\)\s*|\d+(?:\.\d+)*\.\s*)?Đối với\s+[^.;!?\n]{3,80}?:?)$")
HEADING_BODY_UNITS = 3
_CHECKED = re.compile(r"^\s*(?:\[[xX✓✔]\]|[☒☑✅])")
_UNCHECKED = re.compile(r"^\s*(?:\[\s\]|☐)")
MAX_UNCHECKED = 6  # empty boxes read past, looking for the ticked ones
_LABEL_ONLY = re.compile(r"^\s*[^\W\d]+(?:\s+[^\W\d]+){0,2}\s*:\s*$")


def whole_line(unit: str, text: str) -> bool:
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
            if ARTICLE_HEADING.match(unit.text.strip()) or len(found) >= HEADING_BODY_UNITS + MAX_UNCHECKED:
                break
            if _LABEL_ONLY.match(unit.text):
                continue  # "Trả lời:" says nothing; what follows it does
            found.append((chunk, unit.text))
        else:
            continue
        break
    if any(_CHECKED.match(t) for _, t in found):  # a form's ticked boxes are its answer, the empty ones are not
        found = [(c, t) for c, t in found if not _UNCHECKED.match(t)]
    found = found[:HEADING_BODY_UNITS]
    return [Point(best_window(strip_marker(text), terms, index.idf, POINT_CHARS), chunk, strip_marker(text), 1.0)
            for chunk, text in found]


def following_items(cand, index: PlanIndex, limit: int = LIST_ITEMS) -> list[Point]:
    """The list items that follow an announcing sentence, in its chunk and the next ones of its plan (the first
    `limit` of them)."""
    chunks = sorted(index.chunks(cand.chunk.plan_id), key=lambda c: c.seq)
    after = [c for c in chunks if c.seq > cand.chunk.seq]
    items: list[tuple[object, str]] = []
    read = 0  # passages read past the sentence's own, besides those holding one item each
    for chunk in [cand.chunk, *after]:
        units = split_units(chunk.text)
        # an item read as the heading of a passage of its own ("3. Phân công nhân sự …" on a short news page listing
        # a plan's "08 nội dung sau:") is still an item
        lone = len(units) == 1 and BULLET.match(units[0].text) is not None
        if chunk is not cand.chunk and not lone:
            read += 1
            if read > FOLLOWING_CHUNKS:
                break
        for k, unit in enumerate(units):
            if chunk is cand.chunk and unit.start <= cand.unit.start:
                continue
            # (a line ending in ";" is an item of the list, whatever the passage's label made of it: "a) Phim …;")
            headed = _is_heading(unit.text, chunk.section) and not (k == 0 and chunk is not cand.chunk and items) \
                and not unit.text.rstrip().endswith(";")
            if not BULLET.match(unit.text) or headed and not lone \
                    or items and marker_kind(items[0][1]) == "letter" and marker_kind(unit.text) == "number":
                # the announced list starts right after the sentence ("… như sau: I. MỤC ĐÍCH" is a document's
                # outline, not a list) and ends at the first line that is not one of its items (nor one a level up:
                # "2. Tổ chức sự kiện …" after "a) …; b) …; c) …" is the next heading)
                return list_points_plain(items, limit) if items else []
            items.append((chunk, unit.text))
    return list_points_plain(items, limit) if items else []


def marker_kind(line: str) -> str:
    """How a list item is marked: a letter ("a)"), a number ("2."), or anything else (a dash, a bullet)."""
    head = line.lstrip()
    return "letter" if re.match(r"[a-zđ][.)]\s", head) else "number" if re.match(r"\d+[.)]\s", head) else "other"


_CRUMB_MARKER = re.compile(r"^\s*(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s*")


def under_agency_heading(points: list[Point]) -> list[Point]:
    """A line naming no body, shown for "… là ban nào?", under its section's heading when that heading is a body
    ("4. Ban Tuyên giáo và Dân vận Tỉnh ủy" over "Là cơ quan thường trực, …"): the heading says whose line it is."""
    for p in points:
        crumb = _CRUMB_MARKER.sub("", (p.chunk.section or "").split("›")[-1]).strip(" :")
        named = find_agencies(crumb) if crumb else []
        if named and named[0].start == 0 and named[0].end >= len(crumb) - 1 and not find_agencies(p.quote):
            p.text = f"{crumb}: {p.text}"
    return points


def announcing(item, ranked: list, index: PlanIndex, reach: int):
    """The line of the same passage that announces the list `item` belongs to ("Tổng kinh phí …, gồm:"), or None
    (its items read as far as `reach`)."""
    leads = [c for c in ranked if c.chunk.id == item.chunk.id and c.unit.end <= item.unit.start
             and c.body.rstrip().endswith(":")]
    lead = max(leads, key=lambda c: c.unit.start, default=None)
    if lead is None or not any(p.quote == item.body for p in following_items(lead, index, reach)):
        return None
    return lead
