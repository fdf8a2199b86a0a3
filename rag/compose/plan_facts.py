"""The one fact a part of a question asks of a stored plan (its date, signer, number, the documents it rests on,
its period, the decision it is issued with), read from its record or, where the record lacks it, its text."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ground import vi
from ground.display import shorten
from ground.numbers import find_numbers, kind_of_number
from rag.compose.citations import Point, plan_label
from rag.compose.facts import ALL_GROUNDS, cited_name, fact_point, grounds_point
from rag.compose.plan_dates import date_from_others
from rag.find.plans import PlanIndex
from rag.ports import StoredChunk, StoredPlan
from rag.understand import entities
from rag.understand.names import number_matches
from rag.understand.question import Part
from rag.understand.terms import split_units

MAX_PART_CHARS = 260
# Intents answered from the plan's record; an "issued with" question is about the decision that carries it.
_ISSUED_WITH = re.compile(r"\b(kem theo|ban hanh kem)\b")
# A signature: a "Ký bởi:" / "Người ký" label, or the signing title in capitals on its own line (the
# signature block); "Chủ tịch Hồ Chí Minh" inside a sentence is no signature.
_SIGNED_LINE = re.compile(r"(?:Ký bởi|Người ký)[:\s]+|(?:^|\n)(?:\s*(?:KT\.?\s*)?(?:PHÓ )?CHỦ TỊCH[ \t]*\n)+(?:\s*\(?[Đđ]ã ký\)?[ \t]*\n)?\s*")


@dataclass
class PartResult:
    point: Point | None
    documents: list[str]  # document numbers the answer names (what "đó" in the next part refers to)
    missing: str | None = None  # the plan was asked for a fact it does not state


def _match_in_line(chunks: list[StoredChunk], pattern: re.Pattern) -> tuple[StoredChunk, str, re.Match] | None:
    """The first line a pattern matches within, with the match inside that line."""
    found = _line_with(chunks, pattern)
    m = pattern.search(found[1]) if found else None
    return (found[0], found[1], m) if found and m else None


def _line_with(chunks: list[StoredChunk], pattern: re.Pattern) -> tuple[StoredChunk, str] | None:
    for chunk in chunks:
        m = pattern.search(chunk.text)
        if m:
            start = chunk.text.rfind("\n", 0, m.start()) + 1
            end = chunk.text.find("\n", m.end())
            return chunk, chunk.text[start:end if end >= 0 else len(chunk.text)].strip()
    return None


# "… vừa được UBND tỉnh ban hành ngày 21/02/2023", "Tháng 7/2022, UBND Thành phố ban hành Kế hoạch …": the
# sentence of a page that says when the plan it reports was issued
_ISSUED = re.compile(r"\bban hành\b|\bký(?: kết| lại)?\b(?= (?:Thỏa thuận|Biên bản|Bản ghi nhớ|Quy chế|hợp tác|kết nghĩa))",
                     re.IGNORECASE)
_SIGNED = re.compile(r"\bký(?: kết| lại)?\b", re.IGNORECASE)  # (what is signed needs no document's kind named with it)
_PLAN_KIND = re.compile(r"\b(?:kế hoạch|chương trình|quyết định|đề án|thỏa thuận|biên bản ghi nhớ|bản ghi nhớ|quy chế)\b",
                        re.IGNORECASE)
# the day a page's lead opens with ("Ngày 23/10, trong khuôn khổ …, hai bên đã ký lại Thỏa thuận …"): the day it tells of
_OPENING_DAY = re.compile(r"^\s*(?:(?:Sáng|Chiều|Tối|Trưa)\s+)?(?:ngày\s+)?\d{1,2}\s*[/-]\s*\d{1,2}(?:\s*[/-]\s*\d{4})?\b",
                          re.IGNORECASE)
ISSUED_NEAR = 40  # characters between "ban hành" and the date that says when


def _date_from_text(plan, chunks: list[StoredChunk]) -> Point | None:
    """A plan whose record has no date may still state it next to its own number ("4045/KH-UBND ngày 21/5/2019"),
    or, on a page about it, in the sentence that says it was issued."""
    number = plan.meta.number
    if not number:
        return _issued_date(plan, chunks)
    # the number as pages write it: "1631 /QĐ-BVHTTDL", "1631/QĐ - BVHTTDL"
    own = re.compile(r"\s*[/-]\s*".join(re.escape(p) for p in re.split(r"\s*[/-]\s*", number)))
    for chunk in chunks:
        for m in own.finditer(chunk.text):
            start = chunk.text.rfind("\n", 0, m.start()) + 1
            end = chunk.text.find("\n", m.end())
            line = chunk.text[start:end if end >= 0 else len(chunk.text)]
            at = m.start() - start
            dates = [e for e in entities.tag(line) if e.kind == "date" and -100 <= e.start - at <= 60]
            if dates:
                date = min(dates, key=lambda e: abs(e.start - at))
                text = re.sub(r"^ngày\s+", "", date.text, flags=re.IGNORECASE)
                return Point(f"{plan_label(plan.meta)} được ban hành ngày {text}.", chunk, line.strip(), 1.0)
    # (a page's lead: "Ngày 5-9, UBND tỉnh ban hành Quy định … kèm theo Quyết định số 24/2018/QĐ-UBND thay thế …")
    return _issued_date(plan, chunks, own)


def _issued_date(plan, chunks: list[StoredChunk], own: re.Pattern | None = None) -> Point | None:
    for chunk in chunks[:2]:  # a page says it in its lead (of the plan's own number, when it has one)
        for unit in split_units(chunk.text):
            sentence = unit.text
            issued = [m.start() for m in _ISSUED.finditer(sentence)][:1 if own else None]
            if not issued or not (_PLAN_KIND.search(sentence) or _SIGNED.match(sentence, issued[0])) \
                    or own and not own.search(sentence) \
                    or vi.LOOKS_BACK.match(sentence):  # ("Trước đó, ngày …, Bộ … đã ban hành …": an earlier one)
                continue
            dates = [e for e in entities.tag(sentence) if e.kind in ("date", "period")
                     and (any(abs(e.start - i) <= ISSUED_NEAR or abs(e.end - i) <= ISSUED_NEAR for i in issued)
                          or e.start == 0 and _OPENING_DAY.match(sentence))]
            if dates:  # a day beats a year ("… năm 2023 vừa được ban hành ngày 21/02/2023")
                best = min(dates, key=lambda e: (e.kind != "date", min(abs(e.start - i) for i in issued)))
                when = re.sub(r"^(?:ngày|vào)\s+", "", best.text, flags=re.IGNORECASE)
                verb = "ký" if not re.search(r"(?i)\bban hành\b", sentence) else "ban hành"  # (an agreement is signed)
                return Point(f"{plan_label(plan.meta)} được {verb} {_on(when)}.", chunk, sentence.strip(), 1.0)
    return None


def _on(when: str) -> str:
    return when if re.match(r"(?:tháng|năm|quý)\b", when, re.IGNORECASE) else f"ngày {when}"


def _signer_from_text(plan, chunks: list) -> Point | None:
    name = re.compile(rf"[{vi.UPPER}][{vi.LOWER}]+(?: [{vi.UPPER}][{vi.LOWER}]+){{1,3}}")
    for chunk in reversed(chunks):  # the signature block closes the document
        for m in _SIGNED_LINE.finditer(chunk.text):
            found = name.match(chunk.text, m.end())
            if found:
                return Point(f"{plan_label(plan.meta)} do {found.group(0)} ký.", chunk,
                             chunk.text[m.start():found.end()].strip(), 1.0)
    return None


# "Phó Chủ tịch … Hà Trọng Hải và Chủ tịch … Nikolay Zlatanov Dimitrov ký kết Bản ghi nhớ ngày 27/11/2025"
# …"Kế hoạch do đồng chí Đỗ Thành Long, Chủ tịch UBND phường ký ban hành" (a post about the plan)
# ("… đã cùng ký kết bản kế hoạch phối hợp": the thing signed written in lower case, after "bản")
_SIGNING = re.compile(r"\b(?:đã |cùng |đồng )?ký(?: kết)?\s+(?:(?i:bản)\s+)?(?:Bản ghi nhớ|Biên bản|Thỏa thuận|Thoả thuận|"
                      r"Hiệp định|(?i:kế hoạch|quyết định|chương trình|tuyên bố|hợp đồng|ghi nhớ)|Thư|văn bản)|\bký ban hành\b")


def _signing_sentence(chunks: list) -> Point | None:
    """A page without a signature block that tells who signed ("… Hà Trọng Hải và … ký kết Bản ghi nhớ …"): that
    sentence, people named in it before its signing verb."""
    for chunk in chunks[:SIGNING_CHUNKS]:
        for unit in split_units(chunk.text):
            verb = _SIGNING.search(unit.text)
            if verb and any(e.kind == "person" and e.end <= verb.start() for e in entities.tag(unit.text)):
                return Point(unit.text.strip(), chunk, unit.text.strip(), 1.0)
    return None


SIGNING_CHUNKS = 4  # a page tells who signed in its lead


# "… ban hành kế hoạch gì / văn bản gì / chương trình nào": what a decision issues
_ISSUES = re.compile(r"\b(?:ban hanh|phe duyet) (?:ke hoach|van ban|chuong trinh|de an|quy che|quy dinh|chien luoc|dieu le"
                     r"|quy hoach)? ?(?:gi|nao)\b")
# "Quyết định X sửa đổi kế hoạch nào?": the document an amending decision's first article names
_AMENDS = re.compile(r"\b(?:sua doi|bo sung|dieu chinh)(?:,? bo sung)? (?:ke hoach|van ban|quyet dinh|chuong trinh|de an"
                     r"|quy che|noi dung)? ?(?:gi|nao)\b")
_AMENDED_HERE = re.compile(r"Điều 1\s*[.:]\s*(Sửa đổi(?:, bổ sung)?|Điều chỉnh|Bổ sung)[^.;\n]{0,40}?"
                           r"((?:Kế hoạch|Quyết định|Chương trình|Đề án|Quy chế)\s+số\s+\S+(?:\s+ngày\s+[\d/]{6,10})?)")
_ISSUED_HERE = re.compile(r"(?:Ban hành kèm theo Quyết định này|Điều 1\s*[.:]\s*Phê duyệt)\s+(.{10,300}?)(?:[.;]\s|\.$|\n|$)",
                          re.IGNORECASE)


def _amended_point(plan, chunks: list[StoredChunk]) -> Point | None:
    """The document an amending decision's first article names ("Điều 1. Sửa đổi, bổ sung … Kế hoạch số 18/KH-UBND")."""
    found = _match_in_line(chunks, _AMENDED_HERE)
    if not found:
        return None
    chunk, line, m = found
    return Point(f"{plan_label(plan.meta)} {m.group(1).lower()} {m.group(2)}.", chunk, line, 1.0)


_TITLE_ISSUES = re.compile(r"(?:(?:V/v|Về việc|Về)\s+)?(phê duyệt|ban hành)\s+(.{10,300})$", re.IGNORECASE)


def _issues_point(plan, chunks: list[StoredChunk]) -> Point | None:
    """The document a decision issues, as its first article says ("Điều 1. Ban hành kèm theo Quyết định này …")."""
    found = _match_in_line(chunks, _ISSUED_HERE)
    if not found and plan.meta.number:
        # a page about the decision: "… Quyết định số 173/QĐ-TTg ban hành Chiến lược truyền thông …", or its title
        number = re.escape(plan.meta.number.split("/")[0]) + r"\s*/\s*" + re.escape(plan.meta.number.split("/", 1)[1])
        found = _match_in_line(chunks, re.compile(number + r"[^.;\n]{0,60}?\b(?:ban hành|phê duyệt)\s+(?:kèm theo\s+)?"
                                                  r"([^.;\n]{10,300}?)(?:[.;]\s|\.$|\n|$)", re.IGNORECASE))
    if not found and chunks:  # its title says it: "Quyết định / PHÊ DUYỆT ĐỀ ÁN TẠO DỰNG HÌNH ẢNH …"
        # …or the title a decision is catalogued under is the document it issues ("Đề án tạo dựng hình ảnh …")
        title = plan.meta.title or ""
        titled = _TITLE_ISSUES.match(title)
        if titled or title and not title.lower().startswith("quyết định"):
            verb = titled.group(1).lower() if titled else \
                "phê duyệt" if re.search(r"phê duyệt", chunks[0].text, re.IGNORECASE) else "ban hành"
            what = titled.group(2) if titled else title[:1].lower() + title[1:]
            return Point(f"{plan_label(plan.meta)} {verb} {shorten(what, MAX_PART_CHARS)}.", chunks[0], title, 1.0)
    if not found:
        return None
    chunk, line, m = found
    verb = "phê duyệt" if re.search(r"phê duyệt", m.group(0), re.IGNORECASE) and "ban hành" not in m.group(0).lower() \
        else "ban hành"
    what = re.sub(r"\s*(?:với|gồm)?\s*(?:những|các)? ?nội dung(?: chủ yếu| chính)?(?: như)? sau(?: đây)?\s*:?\s*$", "",
                  m.group(1).strip()).rstrip(" :")
    return Point(f"{plan_label(plan.meta)} {verb} {shorten(what, MAX_PART_CHARS)}.", chunk, line, 1.0)


def _issued_with(plan, chunks: list) -> Point | None:
    """The decision a plan is issued with: the plan itself when it is that decision, else the one its text names."""
    meta = plan.meta
    if meta.doc_type == "Quyết định" and meta.number:
        return fact_point("number", plan, chunks)
    pattern = re.compile(r"kèm theo\s+Quyết định(?:\s+số)?\s+(\d{1,5}\s*/\s*[\wĐđ\-]+)", re.IGNORECASE)
    found = _match_in_line(chunks, pattern)
    if not found:  # "Quyết định số 1515/QĐ-UBND ngày … của UBND tỉnh ban hành Kế hoạch …"
        pattern = re.compile(r"Quyết định(?:\s+số)?\s+(\d{1,5}\s*/\s*QĐ-[\wĐđ]+)[^.;\n]{0,80}?ban hành Kế hoạch",
                             re.IGNORECASE)
        found = _match_in_line(chunks, pattern)
    if not found:
        return None
    chunk, line, m = found
    end = min([i for i in (line.find(";", m.end()), line.find(".", m.end()), len(line)) if i >= 0])
    return Point(f"Theo {plan_label(meta)}: {shorten(line[m.start():end].strip(), MAX_PART_CHARS)}.", chunk, line, 1.0)


# the kind of document a question is about, when it opens with one: "Chiến lược … được ban hành ngày nào?"
# (…and the agreements a plan carries out: "Bản ghi nhớ Hội nghị lần thứ 9 … ký ngày nào" asks the memorandum's date)
_SUBJECT_KIND = re.compile(r"^\W*(chien luoc|chi thi|nghi quyet|nghi dinh|thong tu|luat|ket luan|ban ghi nho|thoa thuan"
                           r"|bien ban|hiep dinh|thu y dinh|tuyen bo chung)\b(?! (?:nao|gi|so may))")


def same_kind(question: str, plan: StoredPlan) -> bool:
    """Whether a question opening with a kind of document ("Chiến lược …") may be about this plan: only when the plan is
    of that kind or approves it ("… phê duyệt Chiến lược Ngoại giao văn hóa"); a text citing the strategy is not it."""
    m, named = _SUBJECT_KIND.match(vi.collapse(question)), " ".join(vi.collapse(question).split()[:4])
    return m is None or vi.collapse(plan.meta.doc_type or "") == m.group(1) or f"phe duyet {named}" in vi.collapse(plan.meta.title)


# "… được ban hành / phê duyệt theo quyết định số mấy": the decision's own number only when the text is that decision
_BY_DECISION = re.compile(r"\b(?:ban hanh|phe duyet) (?:theo|tai|kem theo|bang) quyet dinh\b")


def fact_for(part: Part, plan, index: PlanIndex) -> PartResult:
    """A part asking for one fact of a stored plan."""
    chunks = index.chunks(plan.id)
    meta = plan.meta
    intent = part.intent
    if intent == "number" and _BY_DECISION.search(vi.collapse(part.text)) and meta.doc_type != "Quyết định":
        return PartResult(None, [])  # "Điều lệ … phê duyệt theo quyết định nào": the approving decision its text cites
    amended = _amended_point(plan, chunks) if _AMENDS.search(vi.collapse(part.text)) and meta.doc_type == "Quyết định" \
        else None
    if amended is not None:
        return PartResult(amended, [d.text for d in entities.documents(amended.text)])
    if _ISSUES.search(vi.collapse(part.text)) and meta.doc_type == "Quyết định":
        point = _issues_point(plan, chunks)  # "Quyết định X ban hành kế hoạch gì?": the document it issues
        if point:
            return PartResult(point, [d.text for d in entities.documents(point.text)])
    if intent == "implements" and _ISSUED_WITH.search(vi.collapse(part.text)):
        point = _issued_with(plan, chunks)
        if point:
            return PartResult(point, [d.text for d in entities.documents(point.text)])
    if intent in ("number", "implements") and part.asked_kind and intent == "number" and meta.doc_type \
            and part.asked_kind != meta.doc_type:
        return PartResult(None, [])  # "tại công văn số mấy" asks about another document than the plan
    if intent == "implements" and ALL_GROUNDS.search(vi.collapse(part.text)) and (every := grounds_point(plan, chunks)):
        return PartResult(every, [d.text for d in entities.documents(every.text)])
    if intent == "implements" and part.asked_kind:  # its national grounds, else the documents of that kind it cites
        kinds = [n for n in meta.implements if kind_of_number(n) == part.asked_kind]
        cited = [n for n in index.mentions.get(plan.id, ()) if kind_of_number(n) == part.asked_kind and n != meta.number]
        if len(cited) > 1:  # in the order the text cites them (the index keeps a set)
            whole = vi.collapse("\n".join(c.text for c in chunks))
            cited.sort(key=lambda n: (whole.find(vi.collapse(n)) % (len(whole) + 1), n))
        chosen = kinds or cited
        if chosen:
            pattern = re.compile(re.escape(chosen[0].split("/")[0]) + r"\s*/")
            found = _line_with(chunks, pattern)
            text = f"{plan_label(meta)} căn cứ {'; '.join(cited_name(n, meta) for n in chosen)}."
            if found:
                return PartResult(Point(text, found[0], found[1], 1.0), chosen)
        return PartResult(None, [])  # no document of the asked kind among its grounds: the sentences may say
    if intent == "subject" and meta.source_kind == "news":
        # a page's headline is no document's subject: what the page says the document is about, if it does
        own = next((m for m in meta.mentions if m.get("subject") and meta.number and m.get("number") == meta.number), None)
        chunk = index.chunk_at(plan.id, int(own.get("start") or 0)) if own else None
        if own is None or chunk is None:
            return PartResult(None, [])
        return PartResult(Point(f"{plan_label(meta)} về {own['subject']}.", chunk, own.get("sentence") or chunk.text, 1.0), [])
    if intent == "recipients":
        point = _recipients_point(plan, chunks)
        return PartResult(point, []) if point else PartResult(None, [], f"{plan_label(meta)} không ghi nơi nhận (kính gửi)")
    if intent == "horizon":
        point = _period_point(plan, chunks)
        if point:
            return PartResult(point, [])
    # a page without the plan's own date may still say when it was issued, or another stored text may (the
    # decision that replaced it: "… thay thế Kế hoạch số 141/KH-UBND ngày 4/5/2023"): that, before the page's date
    point = (_date_from_text(plan, chunks) or date_from_others(plan, index, _date_from_text)) if intent == "date" and not meta.date \
        else None
    point = point or fact_point(intent, plan, chunks)
    if point is None and intent == "signer":
        # (a page's sentence telling who signed is its own document's: not the answer to "Kế hoạch 09 … do ai ký")
        others = [n for n in find_numbers(part.text) if not any(number_matches(n.number, k) for k in meta.known_numbers())]
        point = _signer_from_text(plan, chunks) or (None if others else _signing_sentence(chunks))
    if point is None and meta.source_kind == "news" and not meta.number and (intent == "date" or _stated_in_page(part, chunks)):
        # a page with no number of its own reports on documents: "thành lập theo quyết định nào, ký ngày nào?" asks
        # what its lines say of them, not a field the page lacks, when a line about the part's words states it
        return PartResult(None, [])
    if point is None:
        what = {"signer": "người ký", "date": "ngày ban hành", "number": "số hiệu", "issuer": "cơ quan ban hành",
                "horizon": "thời hạn", "field": "lĩnh vực", "implements": "văn bản được thực hiện"}.get(intent, "thông tin này")
        return PartResult(None, [], f"{plan_label(meta)} không ghi {what}")
    documents = list(meta.implements) if intent == "implements" else [d.text for d in entities.documents(point.text)]
    return PartResult(point, documents)


_GROUNDS_ASKED = re.compile(r"\b(?:theo|thuc hien|can cu|tai)\b(?: [a-z]+){0,2} (?:nao|gi|so may|so bao nhieu)\b")
_KIND_NAMED = re.compile(r"\b(?:kế hoạch|quyết định|chỉ thị|công văn|nghị quyết|chương trình|thông báo|báo cáo)\b",
                         re.IGNORECASE)
STATED_COVERAGE = 0.6  # of a part's own words a page's line must hold to be the one stating its fact
_SIGNED = re.compile(r"\bký\b", re.IGNORECASE)


def _stated_in_page(part: Part, chunks: list[StoredChunk]) -> bool:
    """A line of the page states the kind of value the part asks (a document's number, a date, a signer) among
    most of the part's own words: the page reports that document, whose fact its lines give."""
    from rag.understand.question import without_question_words
    from rag.understand.terms import coverage, query_terms, unit_terms

    terms = query_terms(without_question_words(part.text))
    # "theo quyết định nào" asks the document a thing rests on, any number; "kế hoạch … số hiệu là gì" one of its kind
    grounds = bool(_GROUNDS_ASKED.search(vi.collapse(part.text)))
    named = _KIND_NAMED.search(part.text)
    kind = part.asked_kind or (named.group(0).capitalize() if named else None)
    for chunk in chunks:
        for unit in split_units(chunk.text):
            kinds = {e.kind for e in entities.tag(unit.text)}
            numbered = any(grounds or kind is None or kind_of_number(n.number) == kind for n in find_numbers(unit.text))
            states = ("document" in kinds and numbered if part.intent in ("number", "implements") else
                      "date" in kinds if part.intent == "date" else
                      "person" in kinds and bool(_SIGNED.search(unit.text)) if part.intent == "signer" else False)
            if states and (not terms or coverage(terms, unit_terms(unit.text), lambda _term: 1.0) >= STATED_COVERAGE):
                return True
    return False


_ADDRESSED = re.compile(r"^[ \t]*Kính gửi[ \t]*:?[ \t]*(.*)$", re.IGNORECASE | re.MULTILINE)
_ADDRESSEE = re.compile(r"^\s*[-–+•]\s*(.+?)[;.,]?\s*$")


def _recipients_point(plan, chunks: list[StoredChunk]) -> Point | None:
    """Whom a letter or report is addressed to: the "Kính gửi:" line and the dashed lines under it."""
    for chunk in chunks[:3]:
        m = _ADDRESSED.search(chunk.text)
        if not m:
            continue
        names = [n.strip(" ;.,") for n in re.split(r";", m.group(1)) if n.strip(" ;.,")]
        for line in chunk.text[m.end():].lstrip("\n").split("\n"):
            item = _ADDRESSEE.match(line)
            if not item:
                break
            names.append(item.group(1).strip(" ;.,"))
        if names:
            block = chunk.text[m.start():m.end()] + "".join(f"; {n}" for n in names)
            return Point(f"{plan_label(plan.meta)} kính gửi: {'; '.join(names)}.", chunk, block.strip(), 1.0)
    return None


def _period_point(plan, chunks: list) -> Point | None:
    """"cho giai đoạn nào": a stated range ending at the plan's horizon ("giai đoạn 2023 - 2026") beats the bare year."""
    if not plan.meta.horizon:
        return None
    last = plan.meta.horizon[0]
    # "giai đoạn 2020 - 2025, tầm nhìn đến năm 2030": the period its title gives, then the vision beyond it
    vision = f", tầm nhìn đến năm {plan.meta.horizon[-1]}" if len(plan.meta.horizon) > 1 else ""
    if vision and not re.search(rf"\b\d{{4}}\s*[-–]\s*{last}\b", plan.meta.title or ""):
        return None  # "đến năm 2025, tầm nhìn đến năm 2030" says more than any range the body gives
    # the plan's own period, not any range ending that year ("chiến lược … 10 năm 2021 - 2030")
    pattern = re.compile(rf"(?:giai đoạn|thời kỳ|từ năm|từ)\s+(\d{{4}})\s*[-–]\s*{last}\b", re.IGNORECASE)
    if pattern.search(plan.meta.title or ""):
        pattern = re.compile(rf"\b(\d{{4}})\s*[-–]\s*{last}\b")
    found = _line_with(chunks, pattern)
    if not found:
        return None
    chunk, line = found
    m = pattern.search(line)
    if m is None:
        return None
    first = m.group(1)
    return Point(f"{plan_label(plan.meta)} áp dụng cho giai đoạn {first} - {last}{vision}.", chunk, line, 1.0)


CITED_DATE_REACH = 45  # characters between a document's number and its date ("Quyết định số 581/QĐ-TTg ngày 06/5/2009")


def dates_of_other_kind(question: str, body: str, spans) -> bool:
    """Every date the line states follows the number of a document of another kind than the one the question
    dates ("Kế hoạch … ban hành ngày nào?" and "… Quyết định số 581/QĐ-TTg ngày 06/5/2009"): another's date."""
    named = _KIND_NAMED.search(question)
    dates = [e for e in spans if e.kind == "date"]
    if not named or not dates:
        return False
    kind = named.group(0).capitalize()

    def others(e) -> bool:
        numbers = find_numbers(body[max(0, e.start - CITED_DATE_REACH):e.start])
        return bool(numbers) and kind_of_number(numbers[-1].number) != kind

    return all(others(e) for e in dates)

