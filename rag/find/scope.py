"""Scope: which stored plans a question is about (named number, place, year, issuer), or what it names
that the store does not hold."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ground import vi
from ground.agencies import agency_matches
from ground.places import canonical_province
from rag.find.naming import by_lead, collapsed_titles, lead_of, numbered_plans, quoted_title, title_named, title_opened
from rag.find.places_named import NOT_NAME, local_name, local_place, unknown_place
from rag.find.plans import PlanIndex
from rag.understand import entities
from rag.understand.names import ParsedQuery, issuers_named, number_matches

YEAR_BOOST = 0.6  # z-score units: a year the question names that is the plan's date, horizon or title year
ISSUER_BOOST = 0.6
MENTION_BOOST = 0.4  # a plan whose text names the document the question asks about
TITLE_BOOST = 0.6  # a text whose title's opening words the question says ("Hội hữu nghị … tỉnh Bắc Giang có …")
# "kế hoạch ngoại giao văn hóa năm 2018 của …": the year names the plan itself (not "đến năm 2030")
# "kế hoạch năm 2024", "kế hoạch TTĐN năm 2024", "kế hoạch của UBND thành phố X năm 2028": a plan's own year
# (not a plan the text requires others to make: "… phải ban hành kế hoạch năm 2027 trước ngày …")
# (not "chương trình gì … năm 2013", which asks what was signed that year)
# (not a year's capital or quota "giao kế hoạch": "tổng vốn giao kế hoạch năm 2018", "vốn kế hoạch năm 2018")
_PLAN_YEAR = re.compile(r"(?<!phai ban hanh )(?<!phai xay dung )(?<!phai lap )(?<!phai trinh )(?<!giao )(?<!von )(?<!chi tieu )"
                        r"\b(?:ke hoach|chuong trinh)(?! gi\b| nao\b)"
                        r"(?:(?: (?!den\b|toi\b)[a-z]+){0,5}| cua(?: [a-z]+){1,6}) nam (\d{4})\b")


@dataclass
class Scope:
    plan_ids: list[str] | None = None  # None: every plan
    missing: str | None = None  # what the question named that the store does not hold
    boost: dict[str, float] = field(default_factory=dict)
    titled: list[str] = field(default_factory=list)  # the texts whose title the question says
    names_other_documents: bool = False  # the question names a document that is not a stored plan
    other_documents: list[str] = field(default_factory=list)  # those documents' numbers
    years: list[int] = field(default_factory=list)  # the years asked, read against the store ("kế hoạch 2014")
    provinces: list[str] = field(default_factory=list)  # the places asked: the gazetteer's and the store's own


def looks_like_year(number: str) -> bool:
    return len(number) == 4 and 1945 <= int(number) <= 2100


def question_documents(pq: ParsedQuery) -> list[str]:
    """Document numbers the question names, typed any case: "12-CT/TW", "208/qd-ttg"."""
    found = [e.text for e in entities.documents(pq.text, typed=True)]
    return list(dict.fromkeys(pq.numbers + [f for f in found if not any(number_matches(f, n) for n in pq.numbers)]))


_OWNED_BY = r"\b(?:ke hoach|quyet dinh|van ban|chuong trinh|chi thi|thong tu|nghi quyet|de an)(?: so \S+)?(?: cua| do)? "
def cites_number(asked: str, cited: str) -> bool:
    """A number asked names a document a text implements or cites: as stored numbers match, or a bare number after its
    kind ("nghị quyết 91") names the Party document of that number the text cites ("Nghị quyết số 91-NQ/TW")."""
    return number_matches(asked, cited) or asked.isdigit() and "/" in cited and cited.split("-")[0] == asked


# "Nghị quyết của HĐND tỉnh Vọng Hà …": a document issued by a place's council or committee
_ISSUED_BY_PLACE = re.compile(r"\b(?:ke hoach|nghi quyet|quyet dinh|van ban|chi thi|cong van|de an|chuong trinh|kh|nq|qd)"
                              r" (?:cua|do) (?:hdnd|ubnd|hoi dong nhan dan|uy ban nhan dan) (?:tinh|thanh pho|tp) ([a-z]+ [a-z]+)\b")


def _unheld_issuer(pq: ParsedQuery, plans: list, facts: dict) -> str | None:
    """The place a document asked of is issued by ("Nghị quyết của HĐND tỉnh Vọng Hà"), when no stored text is that
    place's, however many of them name it (a neighbour a report mentions issues nothing the store holds)."""
    m = _ISSUED_BY_PLACE.search(pq.folded)
    if not m or any(w in NOT_NAME for w in m.group(1).split()):
        return None  # "Chương trình của UBND tỉnh về nâng cao …": the province's own, unnamed
    name = m.group(1)
    span = re.search(r"\W+".join(name.split()), vi.fold_same_length(pq.text).lower())
    typed = pq.text[span.start():span.end()] if span else name
    if pq.accented and not all(w[:1].isupper() for w in typed.split()):
        return None  # typed with tone marks, a place's name is capitalised
    held = any(name in vi.collapse(f"{facts[p.id].place or ''} {facts[p.id].issuer_folded or ''}") for p in plans)
    return None if held else typed


_SCHOOL_YEAR = re.compile(r"\bnam hoc ((?:19|20)\d\d)(?: ((?:19|20)\d\d))?\b")


def _school_years(folded: str) -> set[int]:
    """"từ năm học 2025 – 2026": a school year, which no document is of (its years pick no plan)."""
    return {int(y) for m in _SCHOOL_YEAR.finditer(folded) for y in m.groups() if y}


def scope_for(pq: ParsedQuery, index: PlanIndex) -> Scope:
    plans = list(index.plans.values())
    facts = index.facts
    scope = Scope()
    numbers = question_documents(pq)

    # a decision that carries a plan answers to both numbers (PlanMeta.known_numbers)
    numbered = index.per_version("numbered", numbered_plans)

    def named(n: str, p) -> bool:
        return any(number_matches(n, own) for own in p.meta.known_numbers())

    def bearing(n: str) -> list:  # the plans whose own numbers could match n (its leading digits), not all of them
        return numbered[0].get(lead_of(n), [])

    def party_named(n: str, p) -> bool:  # "Hướng dẫn 47" and only "47-HD/BTGDVTU" stored: a bare number names it too
        return n.isdigit() and (p.meta.number or "").split("-")[0] == n and not any(
            named(n, q) for q in bearing(n))

    def known(n: str) -> bool:
        return any(named(n, p) for p in bearing(n)) or any(
            cites_number(n, i) for p in numbered[1].get(lead_of(n), []) for i in p.meta.implements)

    # "kế hoạch 2014" names a year more often than a document number 2014
    years = [int(n) for n in pq.bare_numbers if looks_like_year(n) and not known(n)]
    wanted = numbers + [n for n in pq.bare_numbers if int(n) not in years]
    doc_prefixes = {n.split("/")[0].split("-")[0] for n in numbers}
    # a number read as a document's ("Quyết định 2013" that the plans implement) is no year
    scope.years = sorted((set(pq.years) | set(years)) - {int(p) for p in doc_prefixes if p.isdigit()}
                         - {int(n) for n in wanted if n.isdigit()} - _school_years(pq.folded))
    if wanted:
        # (in store order, as before the buckets: ties between plans resolve the same way)
        by_id = {p.id for n in wanted for p in bearing(n) if named(n, p) or party_named(n, p)}
        implementing = {p.id for n in wanted for p in numbered[1].get(lead_of(n), [])
                        if any(cites_number(n, i) for i in p.meta.implements)}
        by_number = [p.id for p in plans if p.id in by_id]
        implements = [p.id for p in plans if p.id in implementing]
        mentioned = index.per_version("mentioned", lambda _: by_lead(index.mentions))
        citing = {pid for n in wanted for pid, docs in mentioned.get(lead_of(n), [])
                  if any(cites_number(n, d) for d in docs)}
        mention = [pid for pid in index.mentions if pid in citing and pid not in by_number]
        if by_number:
            scope.plan_ids = by_number
            # "Nghê Sơn đề nghị … cho Đề án 2317?": a ministry's document named beside a province asks what that
            # province's own texts citing it say, too
            named_places = set(pq.provinces) | set(index.places_in(pq.folded))
            placed = [pid for pid in mention if index.facts[pid].place in named_places]
            if placed and not any(index.facts[pid].place in named_places for pid in by_number):
                scope.plan_ids = by_number + placed
        elif implements or mention:  # a national document the plans implement or cite: favour those
            for pid in implements:
                scope.boost[pid] = scope.boost.get(pid, 0.0) + YEAR_BOOST
            for pid in mention:
                scope.boost[pid] = scope.boost.get(pid, 0.0) + MENTION_BOOST
        else:
            scope.missing = f"văn bản số {', '.join(wanted)}"
            return scope
        others = [n for n in wanted if not any(named(n, p) or party_named(n, p) for p in bearing(n))]
        scope.names_other_documents = not by_number or bool(others)
        scope.other_documents = others
    by_title = quoted_title(pq, plans) if not wanted else []
    if by_title:  # "… trong bài viết “Ông X được bầu làm Chủ tịch Hội …”": a chat's page named by its title
        scope.plan_ids = by_title
        return scope
    asked_years = set(scope.years)
    provinces = list(dict.fromkeys(pq.provinces + index.places_in(pq.folded)))
    scope.provinces = provinces
    if not wanted:
        # (beside a province the store holds, a partner province abroad it never writes: "Lai Châu ký với tỉnh U Đôm Xay")
        unknown = unknown_place(pq, index, beside=provinces) or _unheld_issuer(pq, plans, facts)
        if unknown:
            scope.missing = f"văn bản nào của {unknown}"
            return scope
    local = local_place(pq)
    if local:  # "huyện Dầu Tiếng …": the documents that write that district, town or ward
        writing = [pid for pid, names in index.local_places.items() if local in names]
        # …or name it without its kind ("các xã Thượng Phùng, Xín Cái (Mèo Vạc) và trấn Điền Bồng")
        writing = writing or [pid for pid, terms in index.terms.items() if local in terms]
        if not writing:
            scope.missing = f"văn bản nào về {local_name(pq, local)}"
            return scope
        scope.plan_ids = writing
        named_years = {int(y) for y in _PLAN_YEAR.findall(pq.folded)}
        if named_years and not any(named_years & facts[pid].plan_years for pid in writing):
            scope.missing = f"kế hoạch năm {', '.join(map(str, sorted(named_years)))} của {local_name(pq, local)}"
            return scope
    if provinces and scope.plan_ids is None:
        in_place = [p.id for p in plans if facts[p.id].place in provinces]
        # a city or district the store knows as one text's place is also what other texts write of it by its kind
        # ("thành phố Hội An" in a page whose own place was read as the province)
        written = {" ".join(vi.collapse(p).split()[:2]) for p in provinces}
        in_place += [pid for pid, names in index.local_places.items() if names & written and pid not in in_place]
        # … or is issued by it ("UBND xã Khê Lò"), or names it in its title ("Nghiên cứu chủ trương … Hội An …")
        # (issuers and titles folded once per catalog version, not per question: thousands of plans)
        # (a plain substring test first: the patterns only confirm the few titles and issuers that hold the name)
        names = [vi.collapse(pl) for pl in provinces]
        ending = [(n, re.compile(rf"(?<![a-z0-9]){re.escape(n)}$")) for n in names]
        seen = set(in_place)
        in_place += [p.id for p in plans if p.id not in seen and any(
            n in facts[p.id].issuer_folded and t.search(facts[p.id].issuer_folded) for n, t in ending)]
        titled = [(n, re.compile(rf"(?<![a-z0-9]){re.escape(n)}(?![a-z0-9])")) for n in names]
        titles = index.per_version("collapsed_titles", collapsed_titles)
        seen = set(in_place)
        in_place += [p.id for p in plans if p.id not in seen and any(
            n in titles[p.id] and t.search(titles[p.id]) for n, t in titled)]
        if not in_place:  # a page whose own place was not read may still be about it: its text names it
            in_place = [p.id for p in plans if facts[p.id].place is None
                        and set(provinces) & index.named_places.get(p.id, set())]
        # …or one read as another place's ("Chủ tịch UBND tỉnh Hậu Giang làm việc với Tổng Lãnh sự … tại TP.HCM" read
        # as TP.HCM's): before saying the store holds nothing of it, the texts that name it are read
        in_place = in_place or [p.id for p in plans if set(provinces) & index.named_places.get(p.id, set())]
        # …and a town some page is about (Sa Pa, Hội An), no province: every text that writes it may tell of it
        towns = {key for p in provinces if not canonical_province(p) and any(
            (key := " ".join(vi.collapse(p).split()[:2])) in names for names in index.local_places.values())}  # (no province)
        in_place += [pid for pid, terms in index.terms.items() if towns & terms and pid not in in_place]
        if not in_place:
            scope.missing = f"kế hoạch nào của {', '.join(provinces)}"
            return scope
        # a page that never names its province (a news item) may still be that province's plan
        scope.plan_ids = in_place + [p.id for p in plans if facts[p.id].unplaced and facts[p.id].issue_years & asked_years]
        named_years = {int(y) for y in _PLAN_YEAR.findall(pq.folded)}
        held = [pid for pid in scope.plan_ids if named_years & facts[pid].plan_years]
        if named_years and not held:
            scope.missing = (f"kế hoạch năm {', '.join(map(str, sorted(named_years)))} của "
                             f"{', '.join(provinces)}")
            return scope
    issuers = issuers_named(pq)
    # "Chỉ thị 12-CT/TW của Ban Bí thư …": the issuer of a document the texts only cite names that document
    if issuers and scope.plan_ids is None and not provinces and not scope.other_documents:
        issued = [p.id for p in plans if p.meta.issuer and any(agency_matches(a, p.meta.issuer) for a in issuers)]
        if not issued:
            scope.missing = f"văn bản nào do {', '.join(issuers)} ban hành"
            return scope
        scope.plan_ids = issued
    if scope.plan_ids is None and not provinces:
        # "kinh phí năm 2025 của bct": a body typed as the code its own numbers carry ("7318/BC-BCT")
        scope.plan_ids = coded_issuer(vi.collapse(re.sub(r"\S*\d\S*", " ", pq.text)), index)  # not "2627/QĐ-TTg"
    if scope.plan_ids is None and not provinces:
        # "Phụ lục I của kế hoạch Ủy ban Quốc gia Quảng bá Văn hóa …": a document named by its issuer
        owned = [p.id for p in plans if facts[p.id].issuer_folded and not p.meta.province and re.search(
            _OWNED_BY + re.escape(facts[p.id].issuer_folded) + r"\b", pq.folded)]
        if owned:
            scope.plan_ids = owned
    kind = named_kind(pq.folded)
    if kind and scope.plan_ids is not None and len(scope.plan_ids) > 1:
        # "Thông báo kết luận về Đề án …", "đề án vhdn Đan Khê …": of the place's texts, the kind named first
        of_kind = [pid for pid in scope.plan_ids if _is_kind(index.plan(pid), kind)]
        scope.plan_ids = of_kind or scope.plan_ids
    if scope.plan_ids is not None and len(scope.plan_ids) > 1 and pq.agencies:
        # "kế hoạch của Liên hiệp các tổ chức hữu nghị tỉnh Ngọc Viên": of the place's texts, the one that body issued
        owned_by = [pid for pid in scope.plan_ids if _issued_by(index.plan(pid), pq.agencies, pq.folded)]
        scope.plan_ids = owned_by or scope.plan_ids
    # (among the texts in play: a question already down to one text needs no title to single it out)
    in_play = [p for p in plans if scope.plan_ids is None or p.id in scope.plan_ids]
    for pid in title_opened(pq.folded, in_play) if len(in_play) > 1 else []:
        scope.boost[pid] = scope.boost.get(pid, 0.0) + TITLE_BOOST
        scope.titled.append(pid)
    if not scope.titled and len(in_play) > 1 and (inside := title_named(pq.folded, in_play, _lead_of(index))):
        scope.titled, scope.plan_ids = inside, inside  # "Tuần Văn hóa Khâm Giang …": the report titled for that event
    asked_days = days_named(pq.folded)
    for plan in plans:
        meta, fact = plan.meta, facts[plan.id]
        if fact.years & asked_years:
            # a plan "năm 2021" issued in 2020 is less the 2020 one than a plan for 2020
            whose = fact.plan_years & asked_years or not fact.plan_years
            scope.boost[plan.id] = scope.boost.get(plan.id, 0.0) + (YEAR_BOOST if whose else YEAR_BOOST / 2)
        if fact.issuer_folded and not meta.province and fact.issuer_folded in pq.folded:
            scope.boost[plan.id] = scope.boost.get(plan.id, 0.0) + ISSUER_BOOST
        if meta.date and meta.date in asked_days:  # "Ngày 22/4/2026 tỉnh … hội đàm với …": the text of that day
            scope.boost[plan.id] = scope.boost.get(plan.id, 0.0) + YEAR_BOOST
    return scope


# (folded, "22/4/2026" reads "22 4 2026"; after "ngày", or written with its month and year named)
_FULL_DAY = re.compile(r"\bngay (\d{1,2}) (\d{1,2}) ((?:19|20)\d\d)\b|\bngay (\d{1,2}) thang (\d{1,2}) nam ((?:19|20)\d\d)\b")


def days_named(folded: str) -> set[str]:
    """The whole days a question writes ("22/4/2026", "ngày 22 tháng 4 năm 2026"), as ISO dates."""
    days = set()
    for m in _FULL_DAY.finditer(folded):
        d, mo, y = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
        if 1 <= int(d) <= 31 and 1 <= int(mo) <= 12:
            days.add(f"{y}-{int(mo):02d}-{int(d):02d}")
    return days


def _lead_of(index: PlanIndex) -> Callable[[str], str]:
    def lead(plan_id: str) -> str:
        chunks = index.chunks(plan_id)
        return chunks[0].text[:LEAD_CHARS] if chunks else ""
    return lead


LEAD_CHARS = 600  # a page's opening lines: where a name its title was cut before is said


# the kinds of text a question may name as its subject; "kế hoạch" is what users call every plan, so it names none
_KIND_WORDS = re.compile(r"\b(ke hoach|kh|de an|thong bao|bao cao|huong dan|chuong trinh|cong van|nghi quyet|chi thi"
                         r"|quyet dinh|qd|bien ban|to trinh|cong dien|giay moi|quy che)\b")
_KINDS = {"de an": "de an", "thong bao": "thong bao", "bao cao": "bao cao", "huong dan": "huong dan",
          "chuong trinh": "chuong trinh", "cong van": "cong van", "nghi quyet": "nghi quyet", "chi thi": "chi thi",
          "bien ban": "bien ban", "to trinh": "to trinh", "cong dien": "cong dien", "giay moi": "giay moi",
          "quy che": "quy che"}


def coded_issuer(folded: str, index: PlanIndex) -> list[str] | None:
    """The plans whose numbers carry an issuer's code the question types as a word ("bct" for "7318/BC-BCT", "sngv"),
    when that code is one body's in the store; a code with a vowel may be a word ("ubnd" is every committee's)."""
    codes = index.per_version("issuer_codes", _issuer_codes)
    for word in dict.fromkeys(folded.split()):
        found = codes.get(word)
        if found and len({issuer for _, issuer in found}) == 1:
            return [pid for pid, _ in found]
    return None


def _issuer_codes(plans: dict) -> dict[str, list[tuple[str, str | None]]]:
    """Issuer codes of the stored numbers ("bct" of "7318/BC-BCT") → (plan id, issuer), once per catalog version."""
    by_code: dict[str, list[tuple[str, str | None]]] = {}
    for plan in plans.values():
        number = plan.meta.number or ""
        for code in number.split("/")[-1].split("-")[1:] if "/" in number else []:
            key = vi.fold(code).lower()
            if len(key) >= 3 and not re.search(r"[aeiouy]", key):
                by_code.setdefault(key, []).append((plan.id, plan.meta.issuer))
    return by_code


def named_kind(folded: str) -> str | None:
    """The kind of text the question opens with, when it is a distinctive one ("Thông báo kết luận …", "đề án vhdn
    …"); a kind further on is an object ("… quy chế phối hợp thực hiện đề án"), not the text asked about."""
    m = _KIND_WORDS.match(re.sub(r"^(?:theo|trong|tai|o)\s+", "", folded))
    return _KINDS.get(m.group(1)) if m else None


def _issued_by(plan, agencies: list[str], folded: str) -> bool:
    """The text's issuer is an agency the question names as an owner ("của X", "X ban hành"), not the committee every
    provincial plan is issued by."""
    issuer = plan.meta.issuer if plan else None
    if not issuer or re.match(r"(?:UBND|Ủy ban nhân dân)\b", issuer):
        return False
    return any(agency_matches(a, issuer) and re.search(rf"\b(?:cua|do) {re.escape(vi.collapse(a))}", folded)
               for a in agencies)


def _is_kind(plan, kind: str) -> bool:
    """The stored text is of that kind: its type, or its title's first words (a decision carrying an "Đề án …")."""
    if plan is None:
        return False
    meta = plan.meta
    return vi.collapse(meta.doc_type or "") == kind or vi.collapse(meta.title or "").startswith(kind)


