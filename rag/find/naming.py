"""Which stored plans a question names by their numbers or the opening of their titles: the store's numbers bucketed
by their leading part (a question's number is compared with a handful of plans, not thousands), titles folded once per
catalog version."""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ground import vi
from ground.agencies import find_agencies
from ground.numbers import number_key
from rag.understand.entities import places
from rag.understand.names import ParsedQuery

TITLE_OPENING = 6  # syllables of a title's opening that name its text
TITLE_CACHE = 8192
TITLE_NAME_WORDS = 2  # …capitalised past its first word: a name is among them

_QUOTED_TITLE = re.compile(r"\b(?:bài viết|bai viet|trang|văn bản|van ban)\s+[“\"]([^”\"]{12,})[”\"]", re.IGNORECASE)


def quoted_title(pq: ParsedQuery, plans: list) -> list[str]:
    """The stored texts whose title opens with the words a question quotes after "bài viết" (how a follow-up names a
    page with no number)."""
    m = _QUOTED_TITLE.search(pq.text)
    if not m:
        return []
    said = vi.collapse(m.group(1)).strip(" .…")
    return [p.id for p in plans if said and vi.collapse(p.meta.title or "").startswith(said)]


@lru_cache(maxsize=TITLE_CACHE)
def _title_words(title: str) -> list[str]:  # every question reads every title: folded once
    return vi.collapse(title).split()


def title_opened(folded: str, plans: list) -> list[str]:
    """The texts whose title opens with words the question says in a row (TITLE_OPENING syllables or more, and more
    than any other title's opening shares): "Hội hữu nghị Việt Nam – Liên bang Nga tỉnh Bắc Giang có bao nhiêu hội
    viên?" names the page so titled, not the congress page listing that society among eight."""
    said = f" {folded} "
    reach: dict[str, int] = {}
    for p in plans:
        if (p.meta.title or "").rstrip().endswith(("…", "...")):
            continue  # a page's first sentence cut to a title's length names no text ("Liên hiệp … là tổ chức …")
        words = _title_words(p.meta.title or "")
        if f" {' '.join(words[:TITLE_OPENING])} " not in said:
            continue  # (its opening not said in a row: it cannot reach TITLE_OPENING; the cheap test first)
        n = 0
        while n < len(words) and f" {' '.join(words[:n + 1])} " in said:
            n += 1
        # (a name among them, not the genre's words alone: "Kế hoạch ngoại giao văn hóa …" opens many titles; nor a
        # title in Title Case; and the question goes on past a number where the title does: "… năm 2019" ≠ "năm 2020")
        typed = (p.meta.title or "").split()
        capitals = [w for w in typed[1:n] if w[:1].isupper()]
        title_case = sum(1 for w in typed if w[:1].isupper()) * 2 > len(typed)
        if n >= TITLE_OPENING and len(capitals) >= TITLE_NAME_WORDS and not title_case \
                and not (n < len(words) and words[n][:1].isdigit()):
            reach[p.id] = n
    if not reach:
        return []
    best = max(reach.values())
    return [pid for pid, n in reach.items() if n == best]


TITLE_NAME_RUN = 4  # syllables of a name inside a title ("Tuần Văn hóa Khâm Giang") a question says in a row
_GENRE = frozenset("ke hoach chien luoc ngoai giao van hoa doi ngoai thong tin nhan dan quyet dinh bao cao thuc hien "
                   "trien khai to chuc ban hanh tinh thanh pho viet nam nam giai doan".split())


def _a_body(run: str) -> bool:
    """The run is a body and its place ("Sở Ngoại vụ tỉnh Phù Nhạn"), which many texts name: no one event's name."""
    bodies = [(m.start, m.end) for m in find_agencies(run)]
    left = run
    for start, end in sorted(bodies + [(e.start, e.end) for e in places(run)], reverse=True):
        left = left[:start] + " " + left[end:]
    return bool(bodies) and sum(w[:1].isupper() for w in left.split()) < 2


def title_named(folded: str, plans: list, lead: Callable[[str], str] = lambda _: "") -> list[str]:
    """The one text whose title holds a name the question says in a row, inside the title rather than at its opening
    ("Báo cáo kết quả tổ chức Tuần Văn hóa Khâm Giang tại Phần Lan" of "Tuần Văn hóa Khâm Giang … tổ chức khi nào?");
    none when another text's lead (`lead`: a plan id's opening lines) names it too, its title cut before the name."""
    said = f" {folded} "
    found = []
    runs = []
    for p in plans:
        # (a title cut short, a page's first sentence, still names what it holds: two texts naming one event are no one)
        title = (p.meta.title or "").rstrip().removesuffix("…").removesuffix("...")
        typed = title.split()
        words = _title_words(title)
        if len(typed) != len(words):
            continue
        body_until = 0  # (the words of a body's name found, none of them opening a name of its own: "Ngoại vụ tỉnh …")
        for i in range(1, len(words)):
            n = 0
            while i + n < len(words) and f" {' '.join(words[i:i + n + 1])} " in said:
                n += 1
            run = typed[i:i + n]
            if i < body_until:
                continue
            if n >= TITLE_NAME_RUN and _a_body(" ".join(run)):
                body_until = i + n
                continue
            # (the whole name: a run stopping inside it, "Tuần phim Việt Nam tại [Na Uy]", names another event)
            whole = i + n >= len(typed) or not typed[i + n][:1].isupper()
            if n >= TITLE_NAME_RUN and whole and typed[i][:1].isupper() \
                    and sum(w[:1].isupper() for w in run) >= TITLE_NAME_WORDS + 1 and not set(words[i:i + n]) <= _GENRE:
                found.append(p.id)
                runs.append(" ".join(words[i:i + n]))
                break
    if len(found) != 1:
        return []
    if any(f" {runs[0]} " in f" {vi.collapse(lead(p.id))} " for p in plans if p.id != found[0]):
        return []  # ("Cao nguyên Đá Đồng Văn" in the lead of a page whose first sentence, its title, was cut before it)
    return found


def lead_of(number: str) -> str:
    """A number's leading part ("726" of "726/KH-UBND", "47" of "47-HD/BTGDVTU"): two numbers that name one document
    (ground.numbers.same_number) always share it, so it buckets the store's numbers."""
    return re.split(r"[/-]", number_key(number), maxsplit=1)[0]


def numbered_plans(plans: dict) -> tuple[dict[str, list], dict[str, list]]:
    """The stored plans by the leading part of their own numbers, and of the numbers they implement, in store order:
    a question's number is compared with a handful of plans, not thousands, on every question."""
    own: dict[str, list] = {}
    implementing: dict[str, list] = {}
    for plan in plans.values():
        for lead in dict.fromkeys(lead_of(n) for n in [*plan.meta.known_numbers(), plan.meta.number or ""] if n):
            own.setdefault(lead, []).append(plan)
        for lead in dict.fromkeys(lead_of(n) for n in plan.meta.implements if n):
            implementing.setdefault(lead, []).append(plan)
    return own, implementing


def by_lead(mentions: dict[str, set[str]]) -> dict[str, list[tuple[str, set[str]]]]:
    """(plan id, the numbers it cites) by the leading part of each cited number."""
    out: dict[str, list[tuple[str, set[str]]]] = {}
    for pid, docs in mentions.items():
        for lead in dict.fromkeys(lead_of(d) for d in docs if d):
            out.setdefault(lead, []).append((pid, docs))
    return out


def collapsed_titles(plans: dict) -> dict[str, str]:
    """Every stored plan's title, folded and collapsed (vi.collapse), by plan id."""
    return {pid: vi.collapse(p.meta.title or "") for pid, p in plans.items()}
