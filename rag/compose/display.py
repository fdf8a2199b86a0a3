"""How a chosen sentence is shown: whole when it fits, else the clauses around the value that answers, never cutting
that value (a list asked for from the words that open it, a person's full name before an office, a run of days)."""
from __future__ import annotations

import re

from ground import vi
from ground.display import shorten
from rag.compose.plan_facts import MAX_PART_CHARS
from rag.decide.things import asked_thing
from rag.find import firsts, sentences
from rag.understand import entities
from rag.understand.question import without_question_words
from rag.understand.terms import best_window, query_terms

_PLAN_SELF = {"ke", "hoach"}
_ASKS_SPAN = re.compile(r"\b(?:khoang thoi gian|tu ngay nao|den ngay nao|trong bao lau|keo dai)\b")
_RUN = re.compile(r"\d\s*(?:[-–]|đến)\s*\d")


def display(cand, question: str, idf, limit: int = MAX_PART_CHARS, known: frozenset[str] = frozenset()) -> str:
    """The whole sentence when it fits; else the clauses around the answering entity, never cutting it. `known`: the
    terms its document's title says, which a news page's every line repeats ("Quang Binh Discovery Marathon 2023"):
    the clause the question's other words stand in ("… và gây quỹ học bổng …") is where it answers."""
    body = cand.body
    if len(body) <= limit:
        return body
    # "những bộ nào …?": the list the line labels ("Các bộ: Công an, Tài chính, …") is shown from its label
    listed = firsts.LIST_ASKED.search(vi.collapse(question))
    folded_body = vi.fold_same_length(body).lower()
    label = re.search(rf"\b(?:cac |nhung )?{listed.group(1)}\s*:", folded_body) if listed else None
    if label:
        return shorten(body[label.start():], limit)
    # …and "trong những lĩnh vực nào?" from the words that open the list ("… trong lĩnh vực đối ngoại, văn hóa, …")
    noun = r"\W+".join(listed.group(1).split()) if listed else ""  # ("cửa khẩu phụ, lối mở": its words apart)
    named = re.search(rf"\b{noun}\b(?=[^.;]{{0,80}},)", folded_body) if listed and listed.group(1) != "ai" else None
    if named and named.start() > limit // 3:
        start = max([0] + [m.end() for m in re.finditer(r"[;,:]\s+", body[:named.start()])])
        start = start if named.start() - start <= limit // 3 else named.start()
        return "…" + shorten(body[start:], max(limit, LISTED_CHARS))
    # "tàu cá nào cứu …": the clause where the thing asked stands before its name ("… tàu cá KG-94602-TS là người …")
    thing = asked_thing(question)
    at = next((m for m in re.finditer(rf"\b{'[ ,]+'.join(thing.split())}\s+", folded_body)
               if (first := body[m.end():m.end() + 1]).isupper() or first.isdigit()), None) if thing else None
    if at:  # (the thing with the name after it, which the clauses shown hold whole, unless they lose a value asked)
        end = at.end() + len(body[at.end():].split(" ")[0])
        shown = around(body, entities.Entity("thing", at.start(), end, body[at.start():end]), limit)
        if all(span.text in shown for span in cand.answer_spans or []):
            return shown
    # "kể tên 4 chợ biên giới": the line counting them ("… và 4 chợ gồm chợ xã Thuận An, …") shown from the count
    for m in re.finditer(r"\b(\d{1,2}) ([a-z]+)\b", vi.collapse(question)):
        if (at := re.search(rf"\b0?{m.group(1)} {m.group(2)}\b", folded_body)) and at.start() > limit // 3:
            return "…" + shorten(body[at.start():], max(limit, LISTED_CHARS))
    # "có nói gì về …" points at no clause, nor does "kế hoạch": the user's name for the plan, while the plan's
    # own "Kế hoạch triển khai …" is its preamble
    asked = [t for t in query_terms(without_question_words(question)) if not set(t.split()) & _PLAN_SELF]
    terms = [t for t in asked if t not in known] or asked
    window = best_window(body, terms, idf, limit)
    # "… đoạn 6 …?": an item the question names by its number is where the line answers of it, whatever the clauses
    # before it share with the question ("… các đoạn 1, 2, 3, 4 … và X làm Đại diện biên giới đoạn 6")
    numbered = [m for t in asked if _NUMBERED.fullmatch(t) for m in re.finditer(rf"\b{t}\b", folded_body)]
    if numbered:  # (…and the window holding it is shown, though an office stands earlier in the line)
        if not any(vi.fold_same_length(body[m.start():m.end()]).lower() in vi.fold_same_length(window).lower()
                   for m in numbered):
            at = numbered[0]
            return around(body, entities.Entity("number", at.start(), at.end(), body[at.start():at.end()]), limit)
        return window
    spans = cand.answer_spans
    if not spans:
        return window
    folded = vi.collapse(body)
    anchors = [m.start() for t in terms if " " in t for m in re.finditer(re.escape(t), folded)]
    # a venue after "tại"/"ở" is where a thing took place; the provinces around it only locate the venue
    spans = [s for s in spans if _AT.search(body[:s.start])] or spans
    # a person's full name answers "ai" before an office ("Ông Lê Thành Tạc, …, được bầu tái giữ chức Chủ tịch …"),
    # unless a foreign side is asked ("… ai ký phía Lào?"), whose names no Vietnamese surname opens
    if not any(not _PAIRED_BEFORE.search(vi.fold(question[:e.start]).lower()) for e in entities.foreign_places(question)):
        spans = [s for s in spans if s.kind == "person" and s.text.split()[0] in entities.SURNAMES] or spans
    if _ASKS_SPAN.search(vi.collapse(question)):  # "trong khoảng thời gian nào": a run of days answers
        spans = [s for s in spans if _RUN.search(s.text)] or spans
    if kind := _KIND_NUMBER_ASKED.search(vi.collapse(question)):  # "bằng văn bản số mấy": the one said of that kind,
        spans = [s for s in spans if s.kind == "document"  # not a decree its sentence rests on ("căn cứ Nghị định …")
                 and vi.collapse(body[max(0, s.start - 30):s.start]).endswith((f"{kind.group(1)} so", kind.group(1)))] or spans
    if counted := sentences.COUNTED.search(vi.collapse(question)):  # "bao nhiêu đoàn": the figure counting them
        spans = [s for s in spans if counted.group(1) in vi.collapse(s.text).split()] or spans
    span = min(spans, key=lambda s: min((abs(s.start - a) for a in anchors), default=s.start))
    if span.text in window:
        return window
    return around(body, span, limit)


_AT = re.compile(r"\b(?:tại|ở)\s*$", re.IGNORECASE)
_KIND_NUMBER_ASKED = re.compile(r"\b(van ban|quyet dinh|cong van|ke hoach|thong bao|chi thi|nghi quyet|huong dan) (?:so may"
                                r"|so bao nhieu|so nao|so gi)\b")
# a folded term naming an item by its number ("doan 6", "dot 2"), not a rank, a count or a time ("thu 5", "so 3", "nam 2")
_NUMBERED = re.compile(r"(?!(?:thu|so|lan|nam|ngay|thang|quy|gio|phut|tuan|ky|khoa)\b)[a-z]+ \d{1,3}")
_PAIRED_BEFORE = re.compile(r"viet nam\s*[-–]\s*$")  # "Hội hữu nghị Việt Nam - Campuchia" names no foreign side
LISTED_CHARS = 360  # a list asked for, shown from the words that open it: its items are the answer


def around(body: str, span, limit: int) -> str:
    """Whole clauses around one entity of `body`, within `limit` characters (the entity is never cut)."""
    bounds = [0] + [m.end() for m in re.finditer(r"[;,:]\s+", body)] + [len(body)]
    lo = max(b for b in bounds if b <= span.start)
    hi = min(b for b in bounds if b >= span.end)
    while True:
        grown = False
        left = max((b for b in bounds if b < lo), default=None)
        right = min((b for b in bounds if b > hi), default=None)
        if left is not None and hi - left <= limit:
            lo, grown = left, True
        if right is not None and right - lo <= limit:
            hi, grown = right, True
        if not grown:
            break
    text = body[lo:hi].strip().rstrip(",;:")
    if len(text) > limit:  # one clause alone is too long: keep the words around the entity
        start = max(0, span.start - limit // 2)
        if start > 0 and not body[start - 1].isspace():  # from a word's start: "…Đông Nam Á", never "…ông Nam Á"
            space = body.find(" ", start, span.start)
            start = space + 1 if space >= 0 else start
        text = shorten(body[start:], limit)
        return ("…" if start > 0 else "") + text
    return ("…" if lo > 0 else "") + text + ("…" if hi < len(body) else "")
