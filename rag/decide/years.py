"""Which year the lines answer of: a year the question asks that the lines never write while they give the
figure of another ("mục tiêu năm 2030" shown the figures of 2029 and 2032), a period no cited document is of."""
from __future__ import annotations

import re
from collections.abc import Collection

from ground import vi
from rag.find.lines import labelled_values
from rag.find.plans import PlanIndex
from rag.understand.question import Question, analyze

PLAN_SPAN_YEARS = 10  # a plan's years from its issue to its horizon; farther apart, a page recalls an old year
HORIZON_YEAR = re.compile(r"\b(?:den|toi|tam nhin(?: den)?|giai doan|tu) nam (\d{4})\b|\b(\d{4}) ?[-–]? ?(\d{4})\b")  # folded: "2027 2030"
_SPAN = re.compile(r"\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b")
# "năm 2027", "6 tháng 2027", "quý II/2027"; not an end of a range ("2022 - 2026" names no year of its own)
# a year a line gives a figure of, not one inside a document's date ("Quyết định số 1079/QĐ-TTg ngày 14/9/2022")
_SHOWN_YEAR = re.compile(r"(?<![\d\-–/.])(?<![\d\-–] )((?:19|20)\d\d)(?![\d/])(?!\s?[-–]\s?\d)")
# the base of a comparison ("tăng 6 lượt đoàn … so với cùng kỳ 2023") dates no figure of the line
_COMPARED = re.compile(r"(?i)\bso với (?:cùng kỳ )?(?:năm )?(?:19|20)\d\d\b")


def other_period(q: Question, titles: str) -> str | None:
    """"… giai đoạn 2022-2024" asked of documents titled for other periods only ("… giai đoạn 2019 - 2021"): the plan
    of the period asked is not among them. A period inside a titled one ("2027-2028" of "2026 - 2030") is of it."""
    asked = [(int(a), int(b)) for a, b in _SPAN.findall(q.pq.text)]
    titled = [(int(a), int(b)) for a, b in _SPAN.findall(titles)]
    if not asked or not titled:
        return None
    if all(any(t[0] <= a[0] and a[1] <= t[1] for t in titled) for a in asked):
        return None
    return f"văn bản của giai đoạn {', '.join(f'{a}-{b}' for a, b in asked)}"


def unsaid_year(q: Question, shown: str, plan_years: set[int], passages: str) -> str | None:
    """A year asked must be the plan's own or be written where the answer comes from (its passage)."""
    horizon = {int(y) for m in HORIZON_YEAR.finditer(q.pq.folded) for y in m.groups() if y}
    years = [y for y in q.pq.years if y not in horizon and y not in plan_years and str(y) not in shown + passages]
    return f"thông tin của năm {', '.join(map(str, years))}" if years else None



def other_years(q: Question, shown: str, plan_years: set[int], page_years: Collection[int] = ()) -> str | None:
    """A year asked that the lines shown do not write, while they write others: they give another year's figure.
    `page_years`: the years a news page shown is dated by, which name the event it reports ("chương trình … ký năm
    2021 hướng tới kỷ niệm bao nhiêu năm …?" of the page of 14/12/2021 telling of the anniversary in 2022)."""
    horizon = {int(y) for m in HORIZON_YEAR.finditer(q.pq.folded) for y in m.groups() if y}
    # "mục tiêu năm 2030 là bao nhiêu?" shown "520 nghìn lượt vào năm 2029 và 700 nghìn lượt vào năm 2032": the lines
    # give the figure of other years, not of the one asked
    # …and so do lines of a plan of several years that name other years of it ("từ năm 2028, mỗi năm …" for 2027);
    # a plan of one year names its year in its title, and its lines need not repeat it
    shown_years = {int(y) for y in _SHOWN_YEAR.findall(_COMPARED.sub(" ", shown))}
    # a period the question names ("giai đoạn 2021 - 2025") is no year whose figure is asked
    spanned = {int(y) for span in _SPAN.findall(q.pq.text) for y in span}
    # a plan of a run of years (issued 2027, "đến năm 2030"); a page's years decades apart (its date, a year it
    # recalls) are not
    of_years = len(plan_years) >= 2 and max(plan_years) - min(plan_years) <= PLAN_SPAN_YEARS
    own_years = plan_years if not of_years or q.answer_type == "period" else set()
    # (…nor a year a shown document's number carries: "sửa đổi năm 2027" by "Nghị quyết số 31/2027/NQ-HĐND")
    # (…nor a month or quarter of it: "Kết quả đến tháng 10/2028: 41/64 xã")
    unshown = [y for y in q.pq.years if y not in horizon | spanned | set(page_years) and y not in own_years and y not in shown_years
               and f"/{y}/" not in shown and not re.search(rf"(?i:tháng|quý)\s*[\dIVX]{{1,4}}\s*/\s*{y}\b", shown)]
    figures = q.answer_type == "number" or all(p.answer_type == "number" for p in q.parts)  # "bao nhiêu …, bao nhiêu …"
    if unshown and shown_years - set(q.pq.years) and (figures or own_years != plan_years):
        return f"thông tin của năm {', '.join(map(str, unshown))}"
    # "kinh phí năm 2023 bao nhiêu?" shown a line of "giai đoạn 2025 - 2030" (in it or its heading) and no year of its
    # own: the figure is of that period, not of the year asked
    periods = [(int(a), int(b)) for a, b in _SPAN.findall(shown)]
    outside = [y for y in unshown if periods and not any(a <= y <= b for a, b in periods)]
    if outside and figures and not shown_years:
        return f"thông tin của năm {', '.join(map(str, outside))}"
    return None


def year_of_named_thing(question_folded: str, line: str, year: int) -> bool:
    """The year asked qualifies a thing the line names with it ("… triển khai nhiệm vụ công tác thông tin đối ngoại năm
    2020" asked "… họp triển khai nhiệm vụ thông tin đối ngoại năm 2020 khi nào?"): a date of another year on that line,
    the meeting's "26/12/2019", is still the one asked."""
    m = re.search(rf"((?:\b[a-z]+ ){{2}})(?:nam )?{year}\b", question_folded)
    return m is not None and re.search(rf"\b{m.group(1)}(?:nam )?{year}\b", vi.collapse(line)) is not None


_DAY = re.compile(r"\d{1,2}\s*(?:/|-|\.|tháng)\s*\d")
_DAY_ASKED = re.compile(r"\bngay (?:nao|may|bao nhieu)\b")


def dated_in(cand, years: list[int], index: PlanIndex, asked: str = "") -> bool:
    """A candidate states a date of the year asked: a date written with it, or a day without a year in a sentence
    (or a page) that names the year ("Trại hè Việt Nam 2019 … từ ngày 10-7 đến 25-7"), or any date beside the thing
    the year is of (`asked`: the question folded)."""
    # (a day asked, "… năm 2025 diễn ra vào ngày nào?", is not stated by the year alone: "lùi sang năm 2025")
    days = [e for e in cand.answer_spans if _DAY.search(e.text)] if _DAY_ASKED.search(asked) else cand.answer_spans
    if any(str(y) in e.text for y in years for e in days) or days and all(
            year_of_named_thing(asked, cand.body, y) for y in years):
        return True
    plan = index.plan(cand.chunk.plan_id)
    named = f"{cand.body} {plan.meta.title if plan else ''}"
    facts = index.facts.get(cand.chunk.plan_id)  # (…or a page of that year: "Từ ngày 12 đến 16-5" posted in 5/2025)
    return bool(cand.answer_spans) and any(str(y) in named or facts and y in facts.issue_years for y in years) and not any(
        re.search(r"(?:19|20)\d\d", e.text) for e in cand.answer_spans)


def names_year(body: str, year: str) -> bool:
    """The line names the year as one of its own, not as an end of a period ("giai đoạn 2024 - 2025")."""
    return re.search(rf"(?<![\d\-–] )(?<![\d\-–]){year}(?!\s?[-–]\s?\d)", body) is not None


_BOUNDING_YEAR = re.compile(r"\b(?:den|toi|tinh den|tam nhin(?: den)?) (?:nam )?((?:19|20)\d\d)\b")  # "đến (năm) 2019": a bound


def horizon_years(folded: str) -> set[int]:
    """Years that bound a period rather than ask about each year: "đến năm 2030", "2026-2030"."""
    spans = {int(y) for m in YEAR_RANGE.finditer(folded) for y in m.groups()}
    return {int(y) for y in _BOUNDING_YEAR.findall(folded)} | spans


YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d) ?[-–]? ?((?:19|20)\d\d)\b")  # folded: "2026 2030"


def one_year(q: Question, year: int, years: list[int]) -> Question:
    """The question asked of one of the years it names, the others taken out of its words."""
    text = q.text
    for other in years:
        if other != year:
            text = re.sub(rf"\s*(?:,|\bvà\b|\bva\b)?\s*(?:năm|nam)\s+{other}\b", "", text, flags=re.IGNORECASE)
    return analyze(text).read_against([year], q.pq.provinces)


_CLAUSE = re.compile(r";\s|\.\s|\n")


def figure_of_other_year(q: Question, shown: str) -> str | None:
    """"Năm 2024 đón bao nhiêu lượt khách?" shown "… năm 2024. Lượng khách … năm 2025 đạt 412.000 lượt": every figure of
    the lines that a year dates (the nearest one before it in its clause) is of another year than the one asked."""
    from rag.understand import entities

    horizon = {int(y) for m in HORIZON_YEAR.finditer(q.pq.folded) for y in m.groups() if y}
    asked = {y for y in q.pq.years if y not in horizon}
    if len(asked) != 1 or q.answer_type != "number":
        return None
    year = next(iter(asked))
    dated: list[int] = []
    for clause in _CLAUSE.split(_COMPARED.sub(" ", shown)):
        years = [(m.start(), int(m.group(1))) for m in _SHOWN_YEAR.finditer(clause)]
        # (…and a figure a field states bare: "điểm thẩm định năm 2025: 58,0")
        for e in entities.tag(clause) + [v for v in labelled_values(clause) if v.kind == "number"]:
            if e.kind != "number" or re.fullmatch(r"(?:19|20)\d\d", e.text.strip()):
                continue
            before = [y for at, y in years if at < e.start]
            if not before:
                return None  # a figure no year dates: it may be the one asked
            dated.append(before[-1])
    return f"thông tin của năm {year}" if dated and year not in dated else None
