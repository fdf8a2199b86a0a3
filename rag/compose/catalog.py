"""Answers about the catalog of plans: which places or plans match the filters of a question (province,
type, year, horizon, implemented national document, relation), how many, which came first; one cited
line per plan."""
from __future__ import annotations

import re

from ground import vi
from ground.agencies import agency_matches
from ground.display import display_date
from rag.compose.citations import Point, plan_label
from rag.find.plans import PlanIndex, place_of
from rag.ports import StoredPlan
from rag.understand.catalog_asks import CatalogFilter
from rag.understand.names import number_matches

MAX_LINES = 12


def implements(plan: StoredPlan, number: str, index: PlanIndex) -> bool:
    """The plan implements the document: its record says so, or (a record without any) its text names it."""
    meta = plan.meta
    if any(number_matches(number, n) for n in meta.implements):
        return True
    if any(number_matches(number, n) for n in plan.links.implements):  # relations the catalog computed
        return True
    return not meta.implements and any(number_matches(number, d) for d in index.mentions.get(plan.id, ()))


def issue_year(plan: StoredPlan) -> int | None:
    for value in (plan.meta.date, plan.meta.published):
        if value:
            return int(value[:4])
    return None


TOPIC_SHARE = 0.6  # share of a catalog question's topic words a plan's title must hold
ALTERNATIVE_SHARE = 0.5  # …or of one of the topics it names side by side


def _title_years(plan: StoredPlan) -> set[int]:
    return {int(y) for y in re.findall(r"(?<!đến )(?<!tới )năm (\d{4})\b", plan.meta.title or "", re.IGNORECASE)}


def _title_words(plan: StoredPlan) -> set[str]:
    return set(vi.folded_syllables(plan.meta.title or ""))


def select(flt: CatalogFilter, index: PlanIndex, wants_places: bool) -> list[StoredPlan]:
    plans = list(index.plans.values())
    if flt.provinces:
        plans = [p for p in plans if place_of(p.meta) in flt.provinces]
    if flt.doc_type:  # a decision issuing a plan is that plan too: its title is the plan's ("Kế hoạch thực hiện …")
        # ("Ban hành Kế hoạch …", "Về việc phê duyệt Đề án …": a decision's title naming what it issues)
        issues = re.compile(rf"(?:(?:ve viec )?(?:ban hanh|phe duyet) )?{re.escape(vi.fold(flt.doc_type).lower())} ")
        plans = [p for p in plans if (p.meta.doc_type or "") == flt.doc_type
                 or issues.match(vi.fold(p.meta.title or "").lower())]
    if flt.issuers:
        plans = [p for p in plans if p.meta.issuer and any(agency_matches(a, p.meta.issuer) for a in flt.issuers)]
    if flt.implements:
        plans = [p for p in plans if any(implements(p, n, index) for n in flt.implements)]
    if flt.years:  # issued that year, or the plan for that year ("kế hoạch … năm 2024", issued in 2023)
        plans = [p for p in plans if issue_year(p) in flt.years or set(flt.years) & _title_years(p)]
    if flt.horizon:
        plans = [p for p in plans if not p.meta.horizon or flt.horizon in p.meta.horizon]
    if flt.topic or flt.alternatives:  # "kế hoạch công tác thông tin đối ngoại": plans whose title says so, when some do
        topic = flt.topic

        def on_topic(plan: StoredPlan) -> bool:
            words = index.derived("title_words", plan, _title_words)  # folded once per plan record
            # (one of topics named side by side: half its words, "hoạt động đối ngoại" of "quản lý hoạt động đối ngoại")
            return bool(topic) and sum(w in words for w in topic) >= TOPIC_SHARE * len(topic) or any(
                sum(w in words for w in one) >= ALTERNATIVE_SHARE * len(one) for one in flt.alternatives)

        # a title in another language (an English page) cannot say it is not about the topic
        about = [p for p in plans if on_topic(p) or not vi.has_diacritics(p.meta.title or "")]
        plans = about or plans
    if flt.relation == "replaces":
        plans = [p for p in plans if p.links.replaces]
    chosen = {p.id for p in plans}
    # a news article about a full text that is listed too is the same plan, not another one
    plans = [p for p in plans if p.links.reports_on not in chosen]
    if wants_places:
        plans = [p for p in plans if p.meta.province]
    plans.sort(key=lambda p: (p.meta.date or p.meta.published or "9999", vi.fold(p.meta.province or "")))
    return plans


def describe(flt: CatalogFilter) -> str:
    bits = []
    if flt.doc_type:
        bits.append(flt.doc_type.lower())
    if flt.implements:
        bits.append("thực hiện " + ", ".join(flt.implements))
    if flt.horizon:
        bits.append(f"đến năm {flt.horizon}")
    if flt.years:
        bits.append("ban hành năm " + ", ".join(map(str, flt.years)))
    return " ".join(bits)


def catalog_lines(flt: CatalogFilter, index: PlanIndex, folded_question: str) -> tuple[str, list[Point]] | None:
    """(lead line, one point per plan) or None when no stored plan matches."""
    # "những tỉnh nào …" asks for places; "tỉnh X có những kế hoạch nào" names its place and asks for documents
    wants_places = not flt.provinces and any(w in folded_question for w in ("tinh", "dia phuong", "thanh pho"))
    plans = select(flt, index, wants_places)
    if not plans:
        return None
    if flt.superlative:
        dated = [p for p in plans if p.meta.date or p.meta.published]
        if dated:
            plans = [dated[0] if flt.superlative == "earliest" else dated[-1]]
    points = []
    for plan in plans[:MAX_LINES]:
        chunks = index.chunks(plan.id)
        if not chunks:
            continue
        meta = plan.meta
        when = display_date(meta.date) or (f"tin đăng {display_date(meta.published)}" if meta.published else "không rõ ngày")
        where = place_of(meta) or meta.issuer or "—"
        points.append(Point(f"{where}: {plan_label(meta)} ({when})", chunks[0], chunks[0].text, 1.0))
    if not points:
        return None
    what = describe(flt)
    noun = "tỉnh, thành phố" if wants_places else "văn bản"
    count = len({p.meta.province for p in plans}) if wants_places else len(plans)
    if flt.superlative:
        lead = ("Sớm nhất" if flt.superlative == "earliest" else "Gần đây nhất") + f" trong kho{(' (' + what + ')') if what else ''}:"
    else:
        owner = f" của {', '.join(flt.provinces)}" if flt.provinces else ""
        detail = (f" có văn bản {what}" if wants_places else f" ({what})") if what else ""
        lead = f"Kho có {count} {noun}{owner}{detail}:"
    if len(plans) > MAX_LINES:
        lead += f" (hiện {MAX_LINES} văn bản đầu)"
    return lead, points
