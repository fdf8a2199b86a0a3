"""Whether the retrieved passages ground an answer: the calibrated evidence rule over the best passages, a
passage naming the very document asked about, a typed fact of the asked kind next to the question's words,
and every foreign place the question names present in what is shown."""
from __future__ import annotations

import re
from collections.abc import Callable, Collection

from ground import vi
from ground.agencies import agency_matches, find_agencies
from rag.decide import counts as count_rules
from rag.decide import holders
from rag.decide import places as place_rules
from rag.decide.alike import with_alike
from rag.decide.answerable import Evidence, ScopeRule
from rag.decide.counts import ASKS_HOW_LONG, COUNTED_THING, DURATION, TIME_UNITS, counted_phrase, counts, tallied
from rag.decide.documents import other_kinds_number
from rag.decide.editions import ROLES, other_occasion
from rag.decide.events import reversed_event, unsaid_beginning, unsaid_event
from rag.decide.holders import FULL_NAME, holder_named, names_office_holder, names_person, office_asked
from rag.decide.listed import lists_asked_thing, unlisted_item
from rag.decide.money import ASKS_MONEY, MONEY, rate_unsaid, unsaid_source
from rag.decide.places import asked_venues, keyed_by_place, names_foreign_places, sum_of_elsewhere, unsaid_foreign_name
from rag.decide.things import GENERIC_THING, INSTANCES, asked_thing, spelled_out, thing_named
from rag.decide.years import HORIZON_YEAR, figure_of_other_year, other_period, other_years, unsaid_year
from rag.find import sentences
from rag.find.plans import PlanIndex
from rag.find.scope import Scope
from rag.find.search import Hit
from rag.understand import entities
from rag.understand.entities import documents
from rag.understand.names import ParsedQuery, number_matches
from rag.understand.question import NOT_OF_A_CRAFT, Question, without_question_words
from rag.understand.shorthand import spelled_agencies
from rag.understand.terms import coverage, query_terms, unit_terms

_TOWARDS = frozenset("sang di toi den".split())  # the going to a place asked, which no line about it need say
PLACED_HITS = 3  # passages read for one naming the foreign place asked
PLACED_WORDS = 0.7  # share of the question's words the passage naming its foreign place must hold
DOCUMENT_CONTENT = 0.5  # share of the question's own content words a passage naming its document must hold
TYPED_CONTENT = 0.5  # share of the question's content words a typed answer's sentence must hold
# …when the question names the stored document by its number: the user says where the answer is, so a sentence of
# that document holding the asked kind of fact next to a third of the question's words answers it
TYPED_CONTENT_NAMED = 0.34
TYPED_CONTENT_ANY = 0.5  # …and of a question naming no text, by its best sentence alone
TYPED_AROUND = 0.8  # …or of all its words, in the sentence, its section and its document's title together


class Grounds:
    """The decide stage over one store's plans: is there enough in these hits to answer?"""

    def __init__(self, index: PlanIndex, rule: ScopeRule):
        self.index, self.rule = index, rule

    def evidence(self, pq: ParsedQuery, hits: list[Hit]) -> Evidence:
        idf = self.index.idf
        terms = query_terms(without_question_words(spelled_agencies(pq.content or pq.text)))
        words = [t for t in terms if " " not in t]
        phrases = [t for t in terms if " " in t]
        best = (0.0, 0.0)
        for hit in hits[:3]:
            plan = self.index.plan(hit.chunk.plan_id)
            title = plan.meta.title if plan else ""
            text_terms = unit_terms(f"{title}\n{hit.chunk.section or ''}\n{hit.chunk.text}")
            found = (coverage(words, text_terms, idf), coverage(phrases, text_terms, idf))
            best = max(best, found, key=sum)
        dense = max((h.dense for h in hits if h.dense is not None), default=0.0)
        worded = [t for t in phrases if not any(c.isdigit() for c in t)]  # "van 404" is no phrase
        known = sum(1 for t in worded if self.index.df.get(t)) / len(worded) if worded else 0.5
        return Evidence(words=best[0], phrases=best[1], dense=dense, terms=len(words), accented=pq.accented,
                        known=known)

    def answerable(self, pq: ParsedQuery, hits: list[Hit]) -> bool:
        """The calibrated rule (bench/calibrate_scope.py) over the evidence of the best passages."""
        return self.rule.answerable(self.evidence(pq, hits))

    def confident(self, pq: ParsedQuery, hits: list[Hit]) -> bool:
        return self.rule.confident(self.evidence(pq, hits))  # (the hits' best text is the one asked of)

    def grounded(self, q: Question, scope: Scope, hits: list[Hit], dense_of=None) -> bool:
        """A passage answer may be given: the rule holds, or a passage names the asked document, or a typed
        fact of the asked kind stands next to the question's words."""
        return (self.answerable(q.pq, hits) or self.names_asked_document(q, scope, hits)
                or self.typed_evidence(q, scope, hits, dense_of) or _names_asked_person(q, hits)
                or self.placed_evidence(q, hits) or names_office_holder(q, hits) or lists_asked_thing(q.text, hits)
                # (a named text with a row of the place asked: "đoàn Nhật Bản biểu diễn gì" of "Nhật Bản: …; nội dung …")
                or scope.plan_ids is not None and bool(keyed_by_place(q.text, hits))
                or _names_asked_day(q, hits, self.index.told))

    def placed_evidence(self, q: Question, hits: list[Hit]) -> bool:
        """"Ở buổi gặp mặt … tại Caracas, ĐSQ mời khách những món gì?": the best passage names every foreign place or
        venue the question does and most of its other words; a page about that place answers in its own words."""
        countries = [e.name for e in entities.foreign_places(q.text)]
        venues = [v for v in asked_venues(q) if v not in countries]  # "ở Úc" is said "Ô-xtrây-li-a" too
        places = countries + venues
        if not places or not hits:
            return False
        # (the place's own words aside: "Úc" is said "Ô-xtrây-li-a")
        named = {s for place in places for s in vi.folded_syllables(place)} | _TOWARDS  # (…and "sang", "đi" to it)
        words = [t for t in query_terms(without_question_words(q.pq.content or q.text)) if " " not in t and t not in named]
        if not words:
            return False
        for hit in hits[:PLACED_HITS]:  # (the table naming the place may come after the decision's own lines)
            top = hit.chunk.text
            plan = self.index.plan(hit.chunk.plan_id)
            title = plan.meta.title if plan else ""  # (a text whose title names the place is about it throughout)
            if not names_foreign_places(q.text, [top, title]) or not all(place_rules.venue_said(v, vi.collapse(top)) for v in venues):
                continue
            said = unit_terms(f"{title}\n{hit.chunk.section or ''}\n{top}")
            if coverage(words, said, self.index.idf) >= PLACED_WORDS:
                return True
        return False

    def typed_evidence(self, q: Question, scope: Scope, hits: list[Hit], dense_of) -> bool:
        """A question about a named plan asking for a kind of fact ("… tại tỉnh nào?") is answerable when a
        sentence of that plan holds such a fact next to the question's own content words, even if other
        words of the question are paraphrased ("dự định" for "đặt mục tiêu")."""
        if q.answer_type not in sentences.ANSWERING_KINDS:
            return False
        ranked = sentences.rank(q.pq.content or q.text, q.answer_type, hits, self.index.idf, self.index.plan,
                                q.section_words, dense_of=dense_of)
        if scope.plan_ids is None:  # of any text: its best sentence by words and by meaning, holding the kind asked
            return bool(ranked) and ranked[0].features["entity_near"] > 0 and ranked[0].features["dense_relative"] >= 1.0 \
                and ranked[0].features["content"] >= TYPED_CONTENT_ANY
        named = bool(q.pq.numbers) and not scope.names_other_documents and all(
            any(number_matches(n, (p.meta.number if p else None)) for n in q.pq.numbers)
            for p in map(self.index.plan, scope.plan_ids))
        least = TYPED_CONTENT_NAMED if named else TYPED_CONTENT
        if any(c.features["entity_near"] and c.features["content"] >= least for c in ranked[:3]):
            return True
        # (…or its words stand around it, in its section and its document's title: "Tổng cộng: 392.900.000 đồng" under
        # "Dự toán kinh phí" of the plan for receiving the Oita delegation, asked "kinh phí đón đoàn Oita tổng cộng")
        words = [t for t in query_terms(without_question_words(q.pq.content or q.text)) if " " not in t]
        for c in ranked[:3]:
            plan = self.index.plan(c.chunk.plan_id)
            around = unit_terms(f"{plan.meta.title} {plan.meta.issuer or ''}\n{c.chunk.section or ''}\n{c.body}" if plan else c.body)
            if c.features["entity_near"] and words and coverage(words, around, self.index.idf) >= TYPED_AROUND:
                return True
        return False

    def names_asked_document(self, q: Question, scope: Scope, hits: list[Hit]) -> bool:
        """A top passage names the very document the question asks about ("Chỉ thị 25-CT/TW … nói gì?") and
        holds what else the question asks (not "cách làm bánh chưng trong Quyết định 2013?")."""
        if not scope.other_documents:
            return False
        terms = sentences.content_terms(without_question_words(q.pq.content or q.text), self.index.naming)
        return any(number_matches(doc, e.text) and (not terms or coverage(terms, unit_terms(h.chunk.text),
                                                                           self.index.idf) >= DOCUMENT_CONTENT)
                   for h in hits[:3] for e in documents(h.chunk.text) for doc in scope.other_documents)


_DAY = re.compile(r"\b[Nn]gày (\d{1,2})[/-](\d{1,2})(?:[/-]((?:19|20)\d\d))?\b|\b(?<![/-])(\d{1,2})[/-](\d{1,2})[/-]((?:19|20)\d\d)\b")


def _names_asked_day(q: Question, hits: list[Hit], told: Callable[[str], str] = lambda _: "") -> bool:
    """"Ngày 15/9/2029 đoàn … có những hoạt động gì?": a day asked in full (or "Ngày 11/6" without its year) is named by a
    top passage (a programme's "Ngày 15/9/2029 (Thứ Bảy):") or its plan's text (`told`: the day line may stand in another
    passage than its rows), which is where that day is told of, whatever words it says it in."""
    asked = _days(q.text)
    if len(asked) != 1:
        return False
    texts = [h.chunk.text for h in hits[:3]] + [told(pid) for pid in dict.fromkeys(h.chunk.plan_id for h in hits[:3])]
    return any(day in asked or (day[0], day[1], "") in asked for text in texts for day in _days(text))


def _days(text: str) -> set[tuple[int, int, str]]:
    return {(int(m.group(1) or m.group(4)), int(m.group(2) or m.group(5)), m.group(3) or m.group(6) or "")
            for m in _DAY.finditer(text)}


def _names_asked_person(q: Question, hits: list[Hit]) -> bool:
    """"Đặng Quang Tuấn còn kiêm chức gì?": a person the question names in full is named by a top passage, which
    says what is asked of him in its own words."""
    names = [m.group(0) for m in FULL_NAME.finditer(q.text) if len(m.group(0).split()) >= 3
             and not find_agencies(m.group(0))]
    return any(name in h.chunk.text for name in names for h in hits[:3])


_TIME_UNSET = re.compile(r"(?:thời gian|ngày|địa điểm)(?: cụ thể)? (?:sẽ )?(?:được )?(?:thông báo sau|thông báo cụ thể sau)"
                         r"|chưa (?:xác định|ấn định|có) (?:thời gian|ngày)", re.IGNORECASE)


# "trưởng ban … là ai", "ai ký": a person is asked, not the body ("ai chủ trì" may be answered by a body)
_ASKS_HOLDER = re.compile(r"\b(?:truong|pho|giam doc|chu tich|bo truong|thu truong|tong bien tap|dai su|chanh|lanh dao)\b"
                          r"(?: [a-z0-9\-–]+){0,14} (?:hien nay )?la ai\b|\bai (?:da )?ky\b|\bnguoi ky\b|\bho ten\b"
                          r"|\bai (?:duoc |da duoc )?(?:bau|bo nhiem|cu) (?:lam|giu)\b")  # "ai được bầu làm Chủ tịch …"
# "tên là gì" asks a person's name only of a person ("ông … tên là gì"); "Hội thảo … có tên là gì" asks the event's
_ASKSFULL_NAME = re.compile(r"\b(?:ho ten|ho va ten)\b|^ten (?:cua|day du cua) |\b(?:ong|ba|nguoi|vi|dong chi|chu tich|giam doc|truong|pho|bi thu"
                             r"|dai su|nghe nhan|nghe si)\b(?:,? [a-z0-9]+){0,16} (?:ten la gi|ten gi|ten day du)\b")
# "mỗi năm mấy suất", "hằng năm bao nhiêu đoàn": a count each year, not a year asked
_ASKS_YEAR = re.compile(r"\b(?:vao )?(?<!viet )(?<!quang )(?<!ha )(?<!mien )(?<!moi )(?<!hang )"
                        r"nam (?:nao|may|bao nhieu)\b(?! (?:lan|dot|ky))")
# "có hiệu lực từ ngày nào": the date a text takes effect, which only a line speaking of its effect gives
ASKS_EFFECT = re.compile(r"\bhieu luc\b(?: [a-z]+){0,4} (?:ngay nao|khi nao|bao gio|tu ngay nao|tu khi nao)\b"
                          r"|\b(?:ngay nao|khi nao|bao gio)(?: [a-z]+){0,3} (?:co )?hieu luc\b")
EFFECT_VALUE = re.compile(r"kể từ ngày ký|từ ngày ký|sau \d+ ngày", re.IGNORECASE)
_REQUEST_VERB = r"(?:kien nghi|de nghi|de xuat|xin)"
_ASKS_SIGNED = re.compile(r"\bky(?: ket)?\b(?: [a-z]+){0,3} (?:nhung |cac )?(?:van ban|thoa thuan|bien ban|hiep dinh|ghi nho)"
                          r"(?: [a-z]+){0,3} (?:nao|gi)\b")
_SIGNED = re.compile(r"\bky\b|\bthoa thuan|\bbien ban|\bhiep dinh|\bghi nho|\bmou\b|\bhop dong")
_ASKS_NUMBER = re.compile(r"\b(?:(?<!\bty )(?<!\bti )(?<!\bdan )(?<!\bdoanh )(?<!\bchi )(?<!\bhe )(?<!\btong )(?<!\bcon )(?<!\bdiem )so (?:may|bao nhieu)|so hieu" + NOT_OF_A_CRAFT + r"|ky hieu)\b")  # (not "tỷ số")


# "<a body> (của …) có nhiệm vụ gì / phải làm gì / được giao nhiệm vụ gì": the body whose duties are asked
_DUTY_OF = re.compile(r"^(?!.*\b(?:thi|muon|neu) )([a-z ]{3,60}?)(?: (?:cua|thuoc|o) [a-z ]+?)? (?:co nhiem vu gi|phai lam gi"
                      r"|duoc giao(?: nhiem vu)? gi|lam nhiem vu gi|chiu trach nhiem gi)\b")  # (not "xã muốn … thì phải làm gì")


_SUM_OF_MANY = re.compile(r"\btong\b|\bcho (?:ca )?\d+ (?:du an|chuong trinh|hoat dong|doan|nhiem vu)\b"  # (…or given by many:
                          r"|\bdo (?:hon |gan |khoang )?\d+ (?:co quan|don vi|to chuc|ca nhan|doanh nghiep)\b")  # "do 220 cơ quan")


def tags_of(text: str) -> set[str]:
    return {e.kind for e in entities.tag(text)}


_WHO_DID = re.compile(r"\bdo ai\b(?! ky)|\bai (?:to chuc|chu tri|phoi hop|thuc hien|dung ra|dang cai)\b")  # (not "do ai ký")
_ORGANISATION = re.compile(r"\b(?:Hội|Liên hiệp|Hiệp hội|Câu lạc bộ|Trung tâm|Trường|Công ty|Tổng công ty|Viện|Đoàn|Ban)"
                           rf"(?:\s+[{vi.LOWER}]+){{0,3}}\s+[{vi.UPPER}]")


_FEE = re.compile(r"\b(?:hoi phi|le phi|hoc phi|muc phi|phi (?:gia nhap|ket nap|tham gia|dang ky))\b")


def missing_asked(q: Question, shown: str, plan_years: set[int], passages: str = "",
                  issuers: Collection[str] = (), each_part: bool = False, titles: str = "",
                  lines: Collection[str] = (), documents: Callable[[], Collection[str]] = lambda: (),
                  page_years: Collection[int] = ()) -> str | None:
    """What the question asks that the lines shown do not hold — a sum of money, a place, a date, a year
    the plan is not of — said in words (found=false); None when the lines hold the asked kind of value.
    The last gate of a passage answer: a sentence near the question's words is no answer without it."""
    # (a document's own facts, a report recounting other periods' figures; or any of a text named by its period)
    if (any(p.intent in ("number", "date", "signer", "issuer") for p in q.parts) or _PLAN_OF_PERIOD.search(q.pq.folded)) \
            and (period := other_period(q, titles)):
        return period
    if name := unsaid_foreign_name(q.text, lambda: [shown, passages, *documents()]):
        return name  # "… với Đại học Ashikaga": a foreign name none of the documents shown writes
    if item := unlisted_item(q.text, lambda: [shown, passages, *documents()]):
        return item  # "Gói thầu số 08" of a plan numbering its packages 01 to 07
    if each_part:  # lines chosen part by part: only what the whole question names (an event, a place, a year)
        return _named_unsaid(q, shown, plan_years, passages, page_years)
    tags = {e.kind for e in entities.tag(shown)}
    if ASKS_MONEY.search(q.pq.folded) and not MONEY.search(shown):
        return "số tiền (kinh phí) được hỏi"
    if source_unsaid := unsaid_source(q.pq.folded, vi.collapse(shown)):
        return source_unsaid
    if (ASKS_MONEY.search(q.pq.folded) or q.answer_type == "number") and re.search(r"\brieng\b", q.pq.folded) and (
            sums := [line for line in shown.split("\n") if MONEY.search(line)]) and all(_SUM_OF_MANY.search(vi.collapse(s)) for s in sums):
        return "số tiền của riêng phần được hỏi"  # "riêng dự án X bao nhiêu": the total of 7 projects is none
    if ASKS_MONEY.search(q.pq.folded) and (elsewhere := sum_of_elsewhere(q.text, lines, documents)):
        return elsewhere
    if rate := rate_unsaid(q.pq.folded, f"{shown} {passages}"):
        return rate
    if q.answer_type in ("date", "period") and _TIME_UNSET.search(shown):
        return "thời gian được hỏi (văn bản ghi sẽ thông báo sau)"  # "(thời gian cụ thể thông báo sau)"
    source = _FUNDING_SOURCE.search(q.pq.folded)
    # "nguồn xã hội hóa năm 2028 là bao nhiêu": a source of money named asks a sum, "kinh phí" said or not
    # (not a rank, "đứng thứ mấy về viện trợ ODA"; a share, "tỷ lệ"; things counted, "bao nhiêu chương trình viện trợ")
    if source and not re.search(r"\bty le\b|\bphan tram\b", q.pq.folded) and not counted_phrase(q) and (
            ASKS_MONEY.search(q.pq.folded) or re.search(r"\bbao nhieu\b|(?<!thu )(?<!so )\bmay\b", q.pq.folded)):
        # "xã hội hóa bao nhiêu (năm 2027)?": a sum stated with that source (and that year) in one clause answers;
        # the province's budget, or "khuyến khích xã hội hóa" without a sum, is no answer
        spans = {y for m in HORIZON_YEAR.finditer(q.pq.folded) for y in m.groups() if y}
        # (a plan of one year need not repeat it: "Chỉ tiêu năm 2028" heads its line "Vận động … 1,5 triệu USD viện trợ")
        titled = {int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", vi.collapse(titles))} - {
            int(y) for m in HORIZON_YEAR.finditer(vi.collapse(titles)) for y in m.groups() if y}
        dated = [str(y) for y in q.pq.years if str(y) not in spans and titled != {y}]
        # each clause read with its line's key ("Ngân sách tỉnh: năm 2026: 3.200 …; năm 2029: 5.300 triệu đồng")
        clauses = [f"{line.split(':', 1)[0] if ':' in line else ''} {c}" for line in shown.split("\n")
                   for c in line.split(";")]
        # (lines naming no year on a page of that year are of it: "… viện trợ thêm 2 triệu USD" on the 2023 event's page)
        of_page = not re.search(r"\b(?:19|20)\d\d\b", shown) and all(y in passages for y in dated)
        # (…the source said by the title of a page about it: "… vận động viện trợ phi chính phủ …" over its figures)
        if not any(source.group(0) in vi.collapse(f"{c} {titles}") and MONEY.search(c) and (of_page or all(y in c for y in dated))
                   for c in clauses):
            return f"kinh phí từ nguồn {_SOURCE_NAMES[source.group(0)]}"
    # "đề nghị Bộ X hỗ trợ bao nhiêu": the body a request goes to gives the sum, no agency whose own sum is asked
    addressed = list(dict.fromkeys(m.canonical for m in find_agencies(q.pq.text) if re.search(
        rf"\b{_REQUEST_VERB}(?:(?: [a-z]+){{0,3}} (?:voi|len|cho)| voi| len)?$", vi.collapse(q.pq.text[:m.start]))))
    if addressed and not any(vi.collapse(a) in vi.collapse(shown + " " + passages) for a in addressed):
        return f"kiến nghị, đề nghị với {', '.join(addressed)}"  # a request to another body is no answer
    # the body whose plan it is ("ngân sách của kế hoạch Bộ X năm 2029") names the plan, not a unit funded by it
    funded = [a for a in q.pq.agencies if not re.match(r"(?:UBND|Ủy ban nhân dân)\b", a) and a not in addressed
              and not any(agency_matches(a, part) for i in issuers for part in (i, i.split(", ")[0]))]  # "Cục X, Bộ Y"
    if ASKS_MONEY.search(q.pq.folded) and funded and not _FEE.search(q.pq.folded) and not any(
            agency_matches(a, m.canonical) for a in funded for m in find_agencies(shown)):
        # "Sở Tài chính được phân bổ bao nhiêu?": other agencies' sums are no answer (a fee paid to a body is none)
        return f"kinh phí của {', '.join(funded)}"
    other = (other_occasion(q, shown, titles) or reversed_event(q.text, f"{shown}\n{passages}")
             or unsaid_event(q.text, f"{shown}\n{passages}") or unsaid_beginning(q.text, shown))
    said = vi.collapse(f"{shown} {passages}")
    speaker = _SPEAKER.search(q.pq.folded)
    if not other and speaker and not speaker.group(1) and not re.search(rf"(?<!pho )\b{speaker.group(2)}\b", said):
        return f"phát biểu của {ROLES[speaker.group(2)]}"  # "Hiệu trưởng … phát biểu gì?": a deputy's words are not his
    other = other or _unsaid_venue(q, said) or place_rules.unsaid_place_within(q.text, shown)
    if other:
        return other
    if q.answer_type == "place" and "place" not in tags:
        return "địa điểm được hỏi"
    if q.answer_type in ("date", "period") and not tags & {"date", "period"} and not EFFECT_VALUE.search(shown) \
            and not (ASKS_HOW_LONG.search(q.pq.folded) and DURATION.search(shown)) \
            and not (_ASKS_YEAR.search(q.pq.folded) and re.search(r"\b(?:19|20)\d\d\b", shown)):  # ("Công ước … 2003")
        return "thời gian được hỏi"  # ("… trong bao lâu?": "trong vòng 48 giờ kể từ khi …" says how long)
    if _ASKS_YEAR.search(q.pq.folded) and not re.search(r"\b(?:19|20)\d\d\b", shown):
        return "năm được hỏi"  # "… vào năm nào?": "Ngày 12-12" says the day, not the year
    # (the date after the words: "Ngày ban hành: 11/03/2024 Ngày hiệu lực: Đã biết" gives no date it takes effect)
    if ASKS_EFFECT.search(q.pq.folded) and not any(
            (after := re.split(r"(?i)hiệu lực", line, maxsplit=1)[1:]) and (
                EFFECT_VALUE.search(after[0]) or tags_of(after[0]) & {"date"})
            for line in re.split(r"\n|(?<=[.;])\s", shown)):
        return "ngày có hiệu lực"  # "Ngày hết hiệu lực: Đang cập nhật", a date of issue: no date it takes effect
    office = office_asked(q.pq.folded) if q.answer_type == "person" else None
    held = office is not None and holder_named(office, f"{shown}\n{passages}", q.text, issuers)  # "ngài Chhun Sokha - Tỉnh trưởng": a foreign name
    if _ASKSFULL_NAME.search(q.pq.folded) and not names_person(shown) and not held:
        return "họ tên được hỏi"  # "… (họ tên)": a title ("Bộ trưởng Bộ Tư pháp") is no name
    # "… đào tạo cho ai?": the people a line serves, named as a group ("đội ngũ cán bộ, công chức", "kiều bào")
    served = bool(_FOR_WHOM.search(q.pq.folded) and _GROUPS.search(vi.collapse(shown)))
    # "… do ai tổ chức?": who did it may be a body no agency list holds ("Hội hữu nghị Việt - Lào tỉnh …")
    served = served or bool(_WHO_DID.search(q.pq.folded) and _ORGANISATION.search(shown)) \
        or holders.appointed_by_office(q.pq.folded, shown, tags)
    if q.answer_type == "person" and not FULL_NAME.search(shown) and not held and not served and (
            not names_person(shown) if _ASKS_HOLDER.search(q.pq.folded) else not tags & {"person", "agency"}):
        return "người được hỏi"  # "trưởng ban … là ai": no one is named where the answer comes from
    if office and not held:
        return "người giữ chức được hỏi"  # "Bí thư Tỉnh ủy X là ai?": a line with the title and no name beside it
    if _ASKS_NUMBER.search(q.pq.folded) and "document" not in tags:  # "… theo quyết định số mấy?"
        return "số hiệu văn bản được hỏi"
    if kinds_number := other_kinds_number(q, shown):
        return kinds_number
    if _ASKS_SIGNED.search(q.pq.folded) and not _SIGNED.search(vi.collapse(shown)):
        return "văn bản được ký kết"  # "hai bên ký những văn bản nào?": lines that sign nothing name none
    thing = asked_thing(q.text)
    words = with_alike(vi.folded_syllables(shown + " " + passages))
    instances = INSTANCES.get(thing or "")  # "những đơn vị hành chính nào": "xã Kim Sơn, thị trấn Bến Lũy" are
    if thing and not (instances and instances.search(" ".join(words))) and not all(
            w in set(words) or spelled_out(w, words) for w in thing.split() if w not in GENERIC_THING):
        return thing_named(q.text, thing)  # "cửa khẩu quốc tế nào …?": a passage without any "cửa khẩu" names none
    duty = _DUTY_OF.match(q.pq.folded)
    if duty and (holder := [w for w in duty.group(1).split() if w not in GENERIC_THING]) \
            and not all(w in set(words) for w in holder):
        return f"nhiệm vụ của {thing_named(q.text, duty.group(1))}"  # "Trạm Y tế … có nhiệm vụ gì?": a body no line names
    if year := unsaid_year(q, shown, plan_years, passages):
        return year
    if year := other_years(q, shown, plan_years, page_years) or figure_of_other_year(q, shown):
        return year
    counted_thing = counted_phrase(q)
    if counted_thing and not tallied(counted_thing, shown):
        # "bao nhiêu ấn phẩm?": lines that never say "ấn phẩm" count other things, whatever figures they hold, and
        # "mục tiêu, nhiệm vụ … 100% bộ" names "nhiệm vụ" without counting them
        return f"số {thing_named(q.text, counted_thing)} được hỏi"
    if q.answer_type == "number":
        counted = COUNTED_THING.search(q.pq.folded)
        if counted and counted.group(1).split()[0] not in TIME_UNITS and not counts(shown, counted.group(1).split()[0]):
            return "số lượng được hỏi"  # "bao nhiêu kiều bào?": "21 tháng Chạp", "2 ngày" count days, not people
        if counted and counted.group(1).split()[0] in TIME_UNITS - {"lan"} and not count_rules.counted_in(q.pq.text, shown):
            return "thời gian được hỏi"  # "thành tích bao nhiêu giờ?": "42 km", "lần thứ 6" say no hours
    return None


_FOR_WHOM = re.compile(r"\b(?:cho|doi voi|voi|danh cho|huong toi|nham vao) (?:nhung )?ai\b")
_GROUPS = re.compile(r"\b(?:can bo|cong chuc|vien chuc|nguoi dan|nhan dan|hoc sinh|sinh vien|thanh nien|kieu bao|"
                     r"doanh nghiep|hoi vien|doan vien|phong vien|nha bao|du khach|khach|cong dong|dong bao|nguoi)\b")


# (a report's own period is what it reports on, and "… của X, giai đoạn …" is a period asked of the text, not its name)
_PLAN_OF_PERIOD = re.compile(r"\b(?:ke hoach|chuong trinh|de an|huong dan)\b(?: (?!cua\b)[a-z]+){0,6} (?:giai doan |nam hoc "
                             r"|nam |thoi ky )?\d{4} ?[-–]? ?\d{4}\b")
_NAME_PART = re.compile(r"(?:(?:ho )?ten (?:la )?gi|ho ten|ten (?:day du|cu the))")


def _named_unsaid(q: Question, shown: str, plan_years: set[int], passages: str,
                  page_years: Collection[int] = ()) -> str | None:
    """An event, a foreign place or a year the question names that neither the lines nor their documents say (…or
    the signer asked in every part, "người ký là Chủ tịch hay Phó Chủ tịch, tên là gì?", of lines naming no one)."""
    if q.parts[0].intent == "signer" and all(p.intent == "signer" or _NAME_PART.fullmatch(vi.collapse(p.text).strip(" ?"))
                                             for p in q.parts[1:]) and not names_person(shown):
        return "người ký"
    foreign = not names_foreign_places(q.text, [shown, passages])  # "Hội … Việt Nam - Hàn Quốc" of a Nhật Bản page
    return (reversed_event(q.text, f"{shown}\n{passages}") or unsaid_event(q.text, f"{shown}\n{passages}")
            or other_kinds_number(q, shown)
            or (f"thông tin về {', '.join(e.name for e in entities.foreign_places(q.text))}" if foreign else None)
            or _unsaid_venue(q, vi.collapse(f"{shown} {passages}")) or unsaid_year(q, shown, plan_years, passages)
            or other_years(q, shown, plan_years, page_years))  # "Trại hè 2008: bao nhiêu trại sinh, từ mấy nước?" shown 2006's


def _unsaid_venue(q: Question, said: str) -> str | None:
    """"… ở thủ đô Santiago?": lines that never name the place speak of another (a province scopes the plans
    instead; a place no gazetteer knows must be in the lines)."""
    countries = {e.name for e in entities.foreign_places(q.text)}  # checked by their aliases ("Úc": "Ô-xtrây-li-a")
    unsaid = [v for v in asked_venues(q) if v not in countries and not place_rules.venue_said(v, said)]
    return f"thông tin về {', '.join(unsaid)}" if unsaid else None


# "o thu do santiago": a place typed without capitals, after its kind
# sources of money other than the issuer's own budget (which a plan's sums are by default, under a lead-in)
_SOURCES = ("xã hội hóa", "ngân sách trung ương", "tài trợ quốc tế", "viện trợ", "vốn ODA")
_SOURCE_NAMES = {vi.collapse(s): s for s in _SOURCES}
_FUNDING_SOURCE = re.compile(r"\b(?:" + "|".join(sorted(_SOURCE_NAMES, key=len, reverse=True)) + r")\b")
_SPEAKER = re.compile(rf"\b(pho )?({'|'.join(ROLES)})\b.{{0,80}}?\b(?:phat bieu|noi gi|cho biet|khang dinh|de xuat|nhan manh"
                      r"|chia se|de nghi)\b")
