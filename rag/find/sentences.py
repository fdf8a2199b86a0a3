"""Sentence-level evidence: candidate sentences and bullets of the top chunks, scored by what the question
asks for (answer type ↔ entities), lexical coverage of its content words, section match and position,
with weights fitted by bench/calibrate_sentences.py (rag/find/sentence_weights.json)."""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ground import vi
from rag.find.lines import (
    body_item,
    header_line,
    labelled_values,
    quotable,
)
from rag.find.plans import naming_words
from rag.ports import StoredChunk
from rag.understand import entities
from rag.understand.names import fact_asked
from rag.understand.question import asking_fold, without_question_words
from rag.understand.terms import Unit, coverage, query_terms, split_units, strip_marker, unit_terms

WEIGHTS_FILE = Path(__file__).with_name("sentence_weights.json")
FEATURES = ("content", "all_terms", "entity", "entity_near", "section", "rank", "dense", "novelty", "title_echo",
            "fragment", "first", "favoured", "year", "other_year", "dense_relative")
# Before calibration: what a careful reader weighs (content words first, then the asked kind of fact).
DEFAULT_WEIGHTS = {"content": 3.0, "all_terms": 1.0, "entity": 1.2, "entity_near": 0.8, "section": 0.8,
                   "rank": 0.6, "dense": 0.5, "novelty": 0.4, "title_echo": -1.2, "fragment": -0.8, "first": 0.1,
                   "favoured": 0.8, "year": 0.8, "other_year": -1.0, "dense_relative": 0.5}
TOP_CHUNKS = 5
DENSE_SPREAD = 0.05  # smallest cosine spread treated as a real difference between sentences
NEAR_CHARS = 80  # an entity this close to a matched question word is probably the one asked for

# Which entity kinds answer each answer type (rag.understand.question.ANSWER_TYPES).
ANSWERING_KINDS: dict[str, tuple[str, ...]] = {
    "date": ("date",),
    "time": ("date",),  # (with the hours a line gives, below)
    "period": ("period", "date"),
    "person": ("person",),
    "agency": ("agency", "person"),
    "place": ("place",),
    "number": ("number",),
    "document": ("document",),
}
# Words that name a plan rather than say what it contains: they find the plan, not the sentence.
_PLAN_NAMING = frozenset(
    """ke hoach chien luoc ngoai giao van hoa doi ngoai trien khai thuc hien ban hanh tinh thanh pho ubnd uy ban
    nhan dan nam den giai doan tam nhin quyet dinh chi thi cong van so theo cua ve""".split()
)


DenseOf = Callable[[str, int], float | None]  # (chunk id, sentence start) → cosine with the question


@dataclass
class Candidate:
    chunk: StoredChunk
    rank: int  # of its chunk in the retrieval
    unit: Unit
    body: str  # the sentence without its bullet marker
    features: dict[str, float]
    answer_spans: list[entities.Entity]  # entities of the asked kind inside `body`
    score: float = 0.0


def load_weights(path: Path = WEIGHTS_FILE) -> dict[str, float]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {f: float(data["weights"].get(f, 0.0)) for f in FEATURES} | {"bias": float(data.get("bias", 0.0))}
    except (OSError, ValueError, KeyError, TypeError):
        return dict(DEFAULT_WEIGHTS) | {"bias": 0.0}


def content_terms(question: str, naming: Collection[str]) -> list[str]:
    """The question's terms without the words that only name the plan (its title, place, kind)."""
    terms = query_terms(question)
    out = []
    for t in terms:
        parts = t.split()
        if all(p in naming or p in _PLAN_NAMING or p.isdigit() for p in parts):
            continue
        out.append(t)
    return out


def _heading_match(section: str | None, section_words: Sequence[str], terms: list[str]) -> float:
    if not section:
        return 0.0
    folded = vi.collapse(section)
    if section_words and any(w in folded for w in section_words):
        return 1.0
    last = vi.collapse(section.split("›")[-1])
    heading_terms = set(last.split())
    words = [t for t in terms if " " not in t]
    return sum(1 for t in words if t in heading_terms) / len(words) if words else 0.0


PARAGRAPH_SHARE = 0.8  # a sentence read with the one before it counts for less than one that says it all
TITLE_SHARE = 0.8  # …and one read with the title of the text the question singles out


def _keyed_by_question(body: str, years: list[str], asked: set[str]) -> bool:
    """A list item keyed by what the question names: the year asked ("Năm 2028: …"), or a key before its colon
    made of the question's own words ("Sở Ngoại vụ: 9,6 tỷ đồng")."""
    key = body.split(":", 1)[0] if ":" in body[:KEY_CHARS] else ""
    words = vi.folded_syllables(key)
    return any(y in words for y in years) or bool(words) and all(w in asked for w in words)


KEY_CHARS = 60
_RANGE = re.compile(r"\b(?:19|20)\d\d (?:(?:den|toi) )?(?:nam )?(?:19|20)\d\d\b")
_COMPARED = re.compile(r"\bso voi (?:nam |cung ky nam |cung ky )?((?:19|20)\d\d)\b")


def _compared(text: str) -> set[str]:
    """The years a text names only as the base of a comparison ("tăng 12,5% so với năm 2026")."""
    folded = vi.collapse(text)
    return set(_COMPARED.findall(folded)) - set(re.findall(r"\b((?:19|20)\d\d)\b", _COMPARED.sub(" ", folded)))


def _dating_years(text: str) -> set[str]:
    """The years a text is dated by: those it names, bar the base of a comparison ("so với năm 2025")."""
    folded = _RANGE.sub(" ", vi.collapse(text))  # "giai đoạn 2027 - 2030" spans the years asked, dates none
    return set(re.findall(r"\b((?:19|20)\d\d)\b", folded)) - set(_COMPARED.findall(folded))
def _other_spans(text: str, terms: list[str]) -> set[str]:
    """The bounds of the spans of years a heading names that hold none of the years asked ("VII. PHƯƠNG HƯỚNG GIAI ĐOẠN
    2026–2030" under "cả giai đoạn 2021-2025 đạt bao nhiêu"): a heading of another period dates its lines too."""
    asked = [int(t) for t in terms if t.isdigit() and len(t) == 4]
    out: set[str] = set()
    for m in _SPAN_BOUNDS.finditer(vi.collapse(text)) if asked else ():
        first, last = int(m.group(1)), int(m.group(2))
        if first < last and not any(first <= y <= last for y in asked):
            out |= {m.group(1), m.group(2)}
    return out


def _other_span(text: str, terms: list[str]) -> bool:
    """The sentence names a span of years other than the one asked, and not it ("Năm học 2026 - 2027, …" for
    "năm học 2027-2028"): it tells of another period."""
    asked = [(int(t[:4]), int(t[5:])) for t in terms if re.fullmatch(r"(?:19|20)\d\d (?:19|20)\d\d", t)]
    said = re.sub(r"\bso voi (?:cung ky )?(?:nam hoc |nam |giai doan )?(?:19|20)\d\d (?:19|20)\d\d", " ", vi.collapse(text))
    spans = [(int(m.group(1)), int(m.group(2))) for m in _SPAN_BOUNDS.finditer(said)] if asked else []  # (a base dates none)
    return bool(spans) and not any(s in asked for s in spans) and not any(
        first <= a and b <= last for first, last in spans for a, b in asked)


CLOCK = re.compile(r"(?<![\d/.,])\d{1,2}\s*(?:h|giờ)\s*\d{0,2}(?:\s*(?:[-–]|đến)\s*\d{1,2}\s*(?:h|giờ)\s*\d{0,2})?(?![\w/])",
                   re.IGNORECASE)
_ORDINAL_VALUE = re.compile(r"\b(?:đầu tiên|thứ (?:nhất|nhì|hai|ba|tư|năm|sáu|bảy|tám|chín|mười|\d{1,3}|[IVXL]{1,5}\b))",
                            re.IGNORECASE)
_HOW_LONG = re.compile(r"\b\d+\s*(?:giờ|ngày(?: làm việc)?|tuần|tháng|năm)\b(?!\s*/)(?!\s*(?:19|20)\d\d)", re.IGNORECASE)
_YEAR_TERM = re.compile(r"(?:19|20)\d\d")
_SPAN_BOUNDS = re.compile(r"\b((?:19|20)\d\d) (?:(?:den|toi) )?(?:nam )?((?:19|20)\d\d)\b")
# "mấy mặt", "bao nhiêu học viên": the thing counted, whose "3 mặt" answers a question asking for a number
SPELLED = r"(?:mot|hai|ba|bon|tu|nam|sau|bay|tam|chin|muoi)"  # "chính quyền địa phương hai cấp", folded
_YEAR_SPAN = re.compile(r"\d{4}\s*[-–]\s*\d{2,4}|\b(?:giai đoạn|nhiệm kỳ|từ năm)\b", re.IGNORECASE)
_DAY_ASKED = re.compile(r"\b(?:ngay|hom|bua) (?:nao|may|bao nhieu)\b")  # ("vào hôm nào": a year is no day)
_EVENT_VERBS = re.compile(r"\b(?:được |duoc |sẽ |se )?(?:tổ chức|to chuc|diễn ra|dien ra|khai mạc|khai mac|tiến hành|tien hanh)\b",
                          re.IGNORECASE)
_BLOCS = frozenset({"UNESCO", "ASEAN", "APEC", "EU", "Liên hợp quốc", "Liên minh châu Âu"})
COUNTED = re.compile(r"\b(?:may|bao nhieu)\s+(?!(?:o|tai|la|va|cua|thi|da|se|voi|tu)\b)([a-z]{2,})(?:\s+([a-z]{2,}))?")  # the counted noun, then its second word
# a measure asked by its name, written by its symbol: "độ cao bao nhiêu mét" — "1.904,58 m"
# …and people asked as "người" counted by what they are: "bao nhiêu người" — "21 công dân", "14 thuyền viên"
PEOPLE_NOUNS = ("nguoi", "cong dan", "ngu dan", "thuyen vien", "lao dong", "hoc sinh", "sinh vien", "hoc vien", "dai bieu",
                "thanh vien", "kieu bao", "du khach", "can bo", "nghe si", "nghe nhan", "van dong vien", "chuyen gia",
                "tinh nguyen vien", "tre em", "phong vien", "luu hoc sinh")
_SYMBOLS = {"met": "met|m", "km": "km|ki lo met", "hecta": "hecta|hec ta|ha", "hec": "hec ta|ha", "tan": "tan|t",
            "nguoi": "|".join(PEOPLE_NOUNS)}


def features_of(body: str, terms: list[str], content: list[str], answer_type: str, idf: Callable[[str], float],
                section_score: float, rank: int, dense: float, title_terms: set[str], fragment: bool,
                first: bool, favoured: bool = False, asked_syllables: Sequence[str] = (),
                lead_in: frozenset[str] = frozenset(), counted: str | None = None,
                before: frozenset[str] = frozenset(), section_years: frozenset[str] = frozenset(),
                day_asked: bool = False, titled: frozenset[str] = frozenset()) -> tuple[dict[str, float], list[entities.Entity]]:
    """`lead_in`: the terms of the line a list item hangs from ("Dự toán kinh phí giai đoạn 2026 - 2030:" above
    "- Năm 2028: 3.900 triệu đồng"), which say what an item naming the asked year is about. `titled`: the terms of
    the title of a text the question singles out, which its sentences need not repeat ("Đến nay, Hội có 4 chi hội
    với 113 hội viên" of the page titled for the society asked)."""
    text_terms = unit_terms(body)
    years = [t for t in terms if _YEAR_TERM.fullmatch(t)]  # (a document's bare number, "QĐ 2457", is no year)
    kinds = ANSWERING_KINDS.get(answer_type, ())
    asked = set(asked_syllables) | {t for t in terms if " " not in t}
    # an answer names something the question did not: "các địa phương" does not answer "địa phương nào"
    # a year, a quarter, a month alone ("thành lập năm 1999", "tổng kết vào quý IV/2030") dates a thing as a day does;
    # a span of years ("giai đoạn 2026 - 2030") does not, nor a year when the day is asked ("trước ngày nào")
    # (a body of nations, "UNESCO", "ASEAN", is no place a thing is held at: "lễ … tổ chức ở đâu")
    # (…unless the question asks since when: "hợp tác … từ năm nào" is answered by "từ năm 1996")
    since = {"tu", "nam", "nao"} <= asked and not day_asked
    found = [e for e in entities.tag(body) if (e.kind in kinds or "date" in kinds and e.kind == "period"
                                               and not day_asked and (not _YEAR_SPAN.search(e.text)
                                                                      or since and e.text.lower().startswith("từ năm")))
             and any(s not in asked and s not in ("cac", "nhung") for s in vi.folded_syllables(e.text))
             and not (e.kind == "place" and e.text in _BLOCS and {"dau"} & asked)] if kinds else []
    if "number" in kinds:  # "… 06 tháng đầu năm 2025": a span of time counts nothing the question counts, unless it counts time
        found = [e for e in found if not (e.kind == "number" and (m := _TIME_SPAN.fullmatch(e.text))
                                          and vi.fold(m.group(1)).lower() not in asked)]
    if "date" in kinds:  # "50 năm … (21/9/1973 – 21/9/2023)": two days years apart mark an anniversary, no day of the event
        spans = [m.span() for m in _ANNIVERSARY_SPAN.finditer(body) if m.group(1) != m.group(2)]
        found = [e for e in found if not any(a <= e.start < b for a, b in spans)]
    # a field a line sets out among others ("Nhiệm vụ 1: Ngày Văn hóa … tại Hy Lạp; …; địa điểm: Athens, Thessaloniki;
    # …") gives a value of its kind, whatever the gazetteer knows of the names
    found += [e for e in labelled_values(body) if e.kind in kinds and not any(f.start <= e.start < f.end for f in found)
              and any(s not in asked for s in vi.folded_syllables(e.text))]
    if "period" in kinds and {"bao", "lau"} <= asked:  # "gắn bó bao lâu?": "từ 05 năm trở lên" says how long
        # (…"SN 2000" says since when, and a day, "Sáng 27-12", when: a span or a length of time says how long)
        found = [e for e in found if not re.search(r"\b(?:19|20)\d\d\b", e.text) and e.kind != "date"]
        found += [entities.Entity("period", m.start(), m.end(), m.group(0)) for m in _HOW_LONG.finditer(body)
                  if not any(e.start <= m.start() < e.end for e in found)]
    if answer_type == "time":  # "lúc mấy giờ?": "20h00" says it, and a day beside it only when it does
        hours = [entities.Entity("date", m.start(), m.end(), m.group(0)) for m in CLOCK.finditer(body)]
        found = hours + [e for e in found if not any(h.start <= e.start < h.end for h in hours)] if hours else []
    if "number" in kinds and "thu" in asked and ({"may"} <= asked or {"bao", "nhieu"} <= asked):
        # "… thứ mấy của Việt Nam?": "đầu tiên", "thứ hai" rank a thing as a figure counts it
        found += [entities.Entity("number", m.start(), m.end(), m.group(0)) for m in _ORDINAL_VALUE.finditer(body)
                  if not any(e.start <= m.start() < e.end for e in found)]
    if counted and "number" in kinds:  # "mấy mặt?": "3 mặt" answers, whatever the unit lists know ("1.600 các du học sinh")
        found += [entities.Entity("number", m.start(), m.end(), body[m.start():m.end()])
                  for m in re.finditer(rf"(?:(?<![\d.,])\d[\d.,]*|\b{SPELLED})\s*(?:(?:cac|nhung)\s+)?(?:{_SYMBOLS.get(counted, re.escape(counted))})\b",
                                       vi.fold_same_length(body).lower())
                  if not any(e.start <= m.start() < e.end for e in found)]
    if counted and "number" in kinds and re.search(rf"\bdon vi tinh:? {re.escape(counted)}\b", vi.collapse(body)):
        found += [entities.Entity("number", m.start(), m.end(), m.group(0))  # a row in the unit asked ("… cả năm: 200")
                  for m in re.finditer(r"(?<![\d.,/])\d[\d.,]*(?![\d/])", body)]
    near = 0.0
    # keyed by the one year asked ("giai đoạn 2024-2026" names a span, not a year whose line answers)
    keyed = bool(lead_in) and _keyed_by_question(body, years if len(years) == 1 else [], asked)
    if found and keyed:
        near = 1.0  # "Năm 2028: 3.600.000.000 đồng" under its lead-in: the value stands right by the key asked
    elif found:
        folded = vi.collapse(body)
        hits = [m.start() for t in content if " " not in t for m in re.finditer(rf"\b{re.escape(t)}\b", folded)]
        # offsets of the collapsed text approximate the original's (one space per gap)
        near = 1.0 if any(abs(e.start - h) <= NEAR_CHARS for e in found for h in hits) else 0.0
    syl = vi.folded_syllables(body)
    question_syl = {t for t in terms if " " not in t}
    novelty = sum(1 for s in syl if s not in question_syl) / len(syl) if syl else 0.0
    echo = sum(1 for s in syl if s in title_terms) / len(syl) if syl else 0.0
    return {
        # a breakdown by year ("- Năm 2028: 3.900 triệu đồng") is read under its heading when it names the
        # year asked; other items keep their own words (a task's "- Kinh phí: …" line is not the task)
        "content": (max(coverage(content, text_terms, idf), coverage(content, text_terms | lead_in, idf))
                    if keyed else
                    max(coverage(content, text_terms, idf), PARAGRAPH_SHARE * coverage(content, text_terms | before, idf))
                    if before else coverage(content, text_terms, idf))
        if content else 0.0,
        "all_terms": max(coverage(terms, text_terms, idf), TITLE_SHARE * coverage(terms, text_terms | titled, idf))
        if titled else coverage(terms, text_terms, idf),
        "entity": 1.0 if found else 0.0,
        "entity_near": near,
        "section": section_score,
        "rank": 1.0 / (1 + rank),
        "dense": max(0.0, dense),
        "novelty": novelty,
        "title_echo": echo,
        "fragment": 1.0 if fragment else 0.0,
        "first": 1.0 if first else 0.0,
        "favoured": 1.0 if favoured else 0.0,
        # (a year asked inside another span the line names is not it: "năm học 2026 - 2027" for "2027-2028")
        # (…nor the base of a comparison: "185.000 lượt (tăng 12,5% so với năm 2026)" is no figure of 2026)
        "year": 1.0 if any(y in text_terms and y not in _compared(body) for y in years) and not _other_span(body, terms)
        else 0.0,
        # the question dates what it asks ("đến năm 2030"); a sentence about another year answers something else, and so
        # does one under a heading of another year ("III. PHƯƠNG HƯỚNG NĂM 2027"); the base of a comparison ("tăng
        # 18,3% so với năm 2025") dates nothing
        "other_year": 1.0 if years and not any(y in text_terms and y not in _compared(body) for y in years)
        and bool(_dating_years(body) or not _dating_years(body) and section_years - set(years))
        or _other_span(body, terms) else 0.0,
        "dense_relative": 0.0,  # set once every candidate's cosine is known
    }, found


_TIME_SPAN = re.compile(r"\d+\s+(năm|tháng|ngày|giờ|tuần|quý)", re.IGNORECASE)
_ANNIVERSARY_SPAN = re.compile(r"\(\s*\d{1,2}/\d{1,2}/((?:19|20)\d\d)\s*[-–]\s*\d{1,2}/\d{1,2}/((?:19|20)\d\d)\s*\)")
BY_WHOM = re.compile(r"\bdo ai\b(?! ky)|\bai (?:(?:da|se) )?(?:to chuc|chu tri|phoi hop|thuc hien|dung ra|dang cai|tai tro)\b")


def candidates(question: str, answer_type: str, hits: list, idf: Callable[[str], float], plan_of,
               section_words: Sequence[str] = (), top: int = TOP_CHUNKS,
               favoured: frozenset[str] = frozenset(), dense_of: DenseOf | None = None,
               typed: str = "") -> list[Candidate]:
    """Every quotable sentence or bullet of the top chunks, with its features (unscored).

    `favoured`: plans the question singles out by a year or issuer it names. `dense_of(chunk id, start)`:
    the cosine of the sentence's ingest-time vector with the question's, None when the store has none
    (the chunk's own similarity stands in). `typed`: the question as typed, whose names (the province `question`
    leaves out) are asked, no answer."""
    terms = query_terms(question)
    # (the whole question as typed names what it asks of too: "… Hà Giang … khai mạc ở đâu?" asks no "Hà Giang")
    asked = vi.folded_syllables(f"{question} {typed}")
    counting = COUNTED.search(asking_fold(question))  # ("vé máy bay" counts no "bay")
    day_asked = bool(_DAY_ASKED.search(vi.collapse(question)))
    # "… do ai phối hợp tổ chức?", "ai chủ trì?": a body answers who did it as a person does
    answered_by = "agency" if answer_type == "person" and BY_WHOM.search(vi.collapse(question)) else answer_type
    # an event's day asked ("cuộc họp diễn ra ngày nào"): the header's "Lạc Hải, ngày 08 tháng 3 năm 2027" dates the text
    dated = "event" if answer_type == "date" and fact_asked(vi.collapse(question)) == "general" else answer_type
    out: list[Candidate] = []
    for rank, hit in enumerate(hits[:top]):
        chunk = hit.chunk
        plan = plan_of(chunk.plan_id)
        meta = plan.meta if plan else None
        naming = naming_words(meta)
        content = content_terms(question, naming)
        # ("… tổ chức ở đâu", "… diễn ra khi nào": that the event takes place is what the question asks of it)
        eventful = _EVENT_VERBS.sub(" ", question) if answer_type in ("place", "date", "time") else question
        if meta is not None and meta.source_kind == "news" and not content_terms(without_question_words(eventful), naming):
            # a news title names the event ("Khai mạc Tuần Văn hóa Việt Nam tại Lào"): a question made only of its
            # words asks about that event, whose words are then the content its sentences must state
            content = content_terms(eventful, naming - set(vi.folded_syllables(meta.title)))
        title_terms = set(vi.folded_syllables(meta.title)) if meta else set()
        titled = frozenset(unit_terms(meta.title)) if meta and meta.title else frozenset()
        # a page without a heading is titled by its first sentence, which then echoes no title: it is the lead
        lead = vi.collapse(meta.title.rstrip(" …")) if meta and meta.source_kind == "news" and meta.title else ""
        section_score = _heading_match(chunk.section, section_words, terms)
        # items at the top of a chunk hang from its heading ("2. Dự toán kinh phí giai đoạn 2026 - 2030")
        heading = frozenset(unit_terms((chunk.section or "").split("›")[-1]))
        section_years = frozenset(_dating_years(chunk.section or "") | _other_spans(chunk.section or "", terms))
        lead_in = heading
        # the terms of the heading the sentence stands under, a label ("VI. PHÍ DỰ TUYỂN") rather than a sentence of its
        # own ("Điều 1. Phê duyệt khoản viện trợ … với các nội dung chính sau:" names no one topic of its items)
        above = heading if _label(chunk.section or "") else frozenset()
        previous: tuple[int, frozenset[str]] | None = None  # the end and terms of the sentence before
        for i, unit in enumerate(split_units(chunk.text)):
            same_paragraph = previous is not None and "\n" not in chunk.text[previous[0]:unit.start]
            # a sentence opening a paragraph is read with its heading as one inside it is with the sentence before
            # ("VI. PHÍ DỰ TUYỂN" over "Thực hiện theo Thông tư …: 500.000 đồng/thí sinh/lần")
            # …and an item on a line of its own with the line it hangs from ("Nhiệm vụ 10. Bồi dưỡng …" over "- Đơn vị
            # chủ trì: Học viện …")
            item = body_item(unit.text)
            before = previous[1] if same_paragraph and previous else (lead_in if item else above)
            previous = (unit.end, frozenset(unit_terms(unit.text)))
            body = strip_marker(unit.text)
            if not quotable(body) or header_line(body, dated):
                # a short line introduces the items under it ("Phân theo năm:", "• Ngân sách tỉnh theo năm:")
                if not item or body.rstrip().endswith(":"):
                    lead_in = heading | unit_terms(body)
                    above = frozenset(unit_terms(body)) if not item and _label(body) else above
                continue
            fragment = i == 0 and chunk.seq > 0 and body[:1].islower()
            own = dense_of(chunk.id, unit.start) if dense_of else None
            feats, found = features_of(body, terms, content, answered_by, idf, section_score, rank,
                                       own if own is not None else (hit.dense or 0.0),
                                       set() if lead and vi.collapse(body).startswith(lead) else title_terms,
                                       fragment, i == 0, chunk.plan_id in favoured, asked,
                                       lead_in if item else frozenset(), counting.group(1) if counting else None,
                                       before, section_years, day_asked,
                                       titled if chunk.plan_id in favoured else frozenset())
            out.append(Candidate(chunk, rank, unit, body, feats, found))
            # a line ending in a colon leads the items under it, itself an item or not ("• Ngân sách tỉnh theo năm:"
            # over "+ Năm 2027: 11.800 triệu đồng;")
            if not item or body.rstrip().endswith(":"):
                lead_in = heading | unit_terms(body)
    # cosines of one question's candidates sit close together: what tells them apart is the distance to
    # the best one, on the spread of this question's candidates
    if out:
        best = max(c.features["dense"] for c in out)
        spread = max(best - min(c.features["dense"] for c in out), DENSE_SPREAD)
        for c in out:
            c.features["dense_relative"] = 1.0 - (best - c.features["dense"]) / spread
    return out


LABEL_WORDS = 8  # a heading this short labels the topic of what stands under it


def _label(heading: str) -> bool:
    return len(heading.split("›")[-1].split()) <= LABEL_WORDS


def score(cands: list[Candidate], weights: dict[str, float] | None = None) -> list[Candidate]:
    w = weights or load_weights()
    for c in cands:
        c.score = sum(w.get(f, 0.0) * v for f, v in c.features.items()) + w.get("bias", 0.0)
    return sorted(cands, key=lambda c: -c.score)


def rank(question: str, answer_type: str, hits: list, idf, plan_of, section_words: Sequence[str] = (),
         weights: dict[str, float] | None = None, favoured: frozenset[str] = frozenset(),
         dense_of: DenseOf | None = None, typed: str = "") -> list[Candidate]:
    return score(candidates(question, answer_type, hits, idf, plan_of, section_words, favoured=favoured,
                            dense_of=dense_of, typed=typed), weights)


def dense_lookup(vectors: dict, question_vector) -> DenseOf:
    """dense_of over the sentence vectors of some chunks (store.sentence_vectors) and the question's vector."""
    q = np.asarray(question_vector, dtype=np.float32)
    q = q / (np.linalg.norm(q) or 1.0)
    table: dict[tuple[str, int], float] = {}
    for chunk_id, rows in vectors.items():
        for start, vector in rows:
            table[(chunk_id, start)] = float(vector @ q / (np.linalg.norm(vector) or 1.0))
    return lambda chunk_id, start: table.get((chunk_id, start))
