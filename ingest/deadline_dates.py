"""Deadlines read as dates: "trước ngày 30/6/2023" → 2023-06-30, "Quý II/2023" → 2023-06-30, "hằng năm" → no date.

A deadline as a plan writes it (ingest.deadlines finds the phrase) becomes a due date with its precision:

  day        "trước ngày 30/6/2023", "chậm nhất ngày 15 tháng 11 năm 2023"      → that day
  month      "tháng 6/2023", "trong tháng 9 năm 2023", "6 tháng đầu năm 2024"   → the month's last day
  quarter    "Quý II/2023", "trong quý 4 năm 2024", "đầu năm 2025"             → the quarter's last day
  year       "năm 2024", "trong năm 2024", "cuối năm 2024", "đến năm 2025"     → 31 December
  period     "2023–2025", "giai đoạn 2023-2025", "từ năm 2023 đến năm 2025"    → 31 December of the last year,
             with its start (1 January of the first)
  recurring  "trước ngày 15/12 hằng năm", "tháng 12 hằng năm", "trước ngày 20 hằng tháng" → the first
             occurrence (in the plan's year or its period's first year), repeating yearly or monthly
  none       "thường xuyên", "hằng năm" without a day, "trước Tết Nguyên đán", "sau khi được phê duyệt"

"trước" before a month, quarter or year means before it starts ("trước năm 2025" → 2024-12-31); before a
day it is the day itself, as plans use it. A date without a year takes the plan's issue year (the next
year when that day had passed when the plan was issued). Several dates: the finest, then the earliest.
Pure functions; the text is read without case or diacritics.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from ground import vi
from ground.plans import Assignment

Precision = Literal["day", "month", "quarter", "year", "period", "recurring", "none"]
FoundKind = Literal["day", "month", "quarter", "year", "period", "from", "monthday"]  # what a date phrase names
Recurs = Literal["yearly", "quarterly", "monthly", "weekly", "continuous"]
DATED: frozenset[str] = frozenset(("day", "month", "quarter", "year", "period", "recurring"))


@dataclass(frozen=True)
class DueDate:
    due: date | None
    precision: Precision = "none"
    recurs: Recurs | None = None  # how the work repeats, dated or not ("hằng năm" alone: yearly, no date)
    start: date | None = None  # a period's first day; where a recurrence starts when its period says so


NO_DATE = DueDate(None)

_Y = r"((?:19|20)\d\d)"
_RECURRENCES: tuple[tuple[Recurs, re.Pattern], ...] = (
    ("yearly", re.compile(r"\b(?:hang|moi) nam\b|\bnam tiep theo\b")),
    ("quarterly", re.compile(r"\b(?:hang|moi) quy\b")),
    ("monthly", re.compile(r"\b(?:hang|moi) thang\b")),
    ("weekly", re.compile(r"\b(?:hang|moi) tuan\b")),
    ("continuous", re.compile(r"\bthuong xuyen\b|\blien tuc\b|\bdinh ky\b|\btro di\b")),
)
_LUNAR = re.compile(r"\btet\b|\bam lich\b|\brang ram\b")  # lunar dates: not guessed
_BEFORE = re.compile(r"\btruoc\s+(?:nam\s+|thang\s+)?$")  # "trước tháng 6/2023": before the month starts
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_RANK: dict[FoundKind, int] = {"day": 0, "month": 1, "quarter": 2, "year": 3, "period": 4}
# the precision a dated phrase gives a due date (a period's is handled on its own)
_PRECISION: dict[FoundKind, Precision] = {"day": "day", "month": "month", "quarter": "quarter", "year": "year"}


@dataclass(frozen=True)
class _Found:
    """One date phrase: its kind, the span of days it names, and where it is in the text."""

    kind: FoundKind
    first: date | None  # first day named (None: a day of month repeating monthly, see `day`)
    last: date | None
    at: int
    yearless: bool = False  # the year was not written: first/last use a placeholder year, resolved later
    day: int = 0  # for "monthday": "trước ngày 20 hằng tháng"


_PLACEHOLDER = 2000  # a leap year: 29/2 stays valid until the real year is known


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _day(d: str, m: str, y: int) -> tuple[date, date] | None:
    try:
        value = date(y, int(m), int(d))
    except ValueError:
        return None
    return value, value


def _month(m: str, y: int) -> tuple[date, date] | None:
    month = int(m)
    return (date(y, month, 1), _month_end(y, month)) if 1 <= month <= 12 else None


def _quarter(q: str, y: int) -> tuple[date, date]:
    n = _ROMAN[q]
    return date(y, 3 * n - 2, 1), _month_end(y, 3 * n)


def _year(y: int) -> tuple[date, date]:
    return date(y, 1, 1), date(y, 12, 31)


Builder = Callable[[re.Match], tuple[date, date] | None]
# (kind, pattern, builder, yearless): most specific first; a later pattern never reads inside an earlier match
_PATTERNS: tuple[tuple[FoundKind, re.Pattern, Builder, bool], ...] = (
    ("month", re.compile(rf"\bthang (\d{{1,2}})\s*(?:-|den|toi|va)\s*(?:thang\s+)?(\d{{1,2}})\s*(?:/|-|,? nam)\s*{_Y}\b"),
     lambda m: ((r1[0], r2[1]) if (r1 := _month(m[1], int(m[3]))) and (r2 := _month(m[2], int(m[3]))) else None), False),
    ("day", re.compile(rf"(?<![\d/.])(\d{{1,2}})\s*([/.-])\s*(\d{{1,2}})\s*\2\s*{_Y}(?!\d)"),
     lambda m: _day(m[1], m[3], int(m[4])), False),
    ("day", re.compile(rf"\bngay (\d{{1,2}}) thang (\d{{1,2}}),? nam {_Y}\b"), lambda m: _day(m[1], m[2], int(m[3])), False),
    ("period", re.compile(rf"(?<![\d/]){_Y}\s*(?:-|den(?: het)?(?: nam)?|toi(?: nam)?)\s*(?:nam\s+)?{_Y}(?![\d/])"),
     lambda m: (date(int(m[1]), 1, 1), date(int(m[2]), 12, 31)) if int(m[1]) <= int(m[2]) else None, False),
    ("month", re.compile(rf"\bthang (\d{{1,2}})\s*(?:/|-|,? nam)\s*{_Y}\b"), lambda m: _month(m[1], int(m[2])), False),
    ("quarter", re.compile(rf"\bquy\s*(iv|iii|ii|i|[1-4])\b\s*(?:/|-|,? nam|,)\s*{_Y}\b"), lambda m: _quarter(m[1], int(m[2])), False),
    ("month", re.compile(rf"(?<![\d/.])(\d{{1,2}})\s*/\s*{_Y}(?![\d/])"), lambda m: _month(m[1], int(m[2])), False),
    ("month", re.compile(rf"\b(?:6|sau) thang (dau|cuoi)(?: nam)?\s*{_Y}\b|\bnua (dau|cuoi) nam\s*{_Y}\b"),
     lambda m: (lambda y, first: (date(y, 1, 1), date(y, 6, 30)) if first else (date(y, 7, 1), date(y, 12, 31)))(
         int(m[2] or m[4]), (m[1] or m[3]) == "dau"), False),
    ("quarter", re.compile(rf"\bdau nam\s*{_Y}\b"), lambda m: _quarter("1", int(m[1])), False),
    ("month", re.compile(rf"\bgiua nam\s*{_Y}\b"), lambda m: (date(int(m[1]), 6, 1), date(int(m[1]), 6, 30)), False),
    ("from", re.compile(rf"\btu(?: nam)?\s+{_Y}\b(?! ?-)"), lambda m: _year(int(m[1])), False),
    ("year", re.compile(rf"(?<![\d/]){_Y}(?![\d/])"), lambda m: _year(int(m[1])), False),
    # no year written
    ("day", re.compile(r"\b(?:ngay|truoc|den|cham nhat|han)\s+(?:ngay\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})(?![\d/.])"),
     lambda m: _day(m[1], m[2], _PLACEHOLDER), True),
    ("day", re.compile(r"\bngay (\d{1,2}) thang (\d{1,2})\b"), lambda m: _day(m[1], m[2], _PLACEHOLDER), True),
    ("quarter", re.compile(r"\bquy\s*(iv|iii|ii|i|[1-4])\b"), lambda m: _quarter(m[1], _PLACEHOLDER), True),
    ("month", re.compile(r"\bthang (\d{1,2})\b"), lambda m: _month(m[1], _PLACEHOLDER), True),
)
_MONTH_DAY = re.compile(r"\bngay (\d{1,2})\b(?!\s*(?:[/.-]|thang))")  # "trước ngày 20 hằng tháng"


def _recurrence(folded: str) -> Recurs | None:
    return next((kind for kind, pattern in _RECURRENCES if pattern.search(folded)), None)


def _find(folded: str) -> list[_Found]:
    found: list[_Found] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern, build, yearless in _PATTERNS:
        for m in pattern.finditer(folded):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            span = build(m)
            if span is None:
                continue
            taken.append((m.start(), m.end()))
            first, last = span
            if kind in ("month", "quarter", "year") and _BEFORE.search(folded[:m.start()]):
                first = last = first - timedelta(days=1)  # "trước năm 2025": by the end of 2024
            found.append(_Found(kind, first, last, m.start(), yearless))
    for m in _MONTH_DAY.finditer(folded):
        if not any(a <= m.start() < b for a, b in taken) and 1 <= int(m[1]) <= 31:
            found.append(_Found("monthday", None, None, m.start(), True, int(m[1])))
    return sorted(found, key=lambda f: f.at)


def _with_year(d: date, year: int) -> date:
    try:
        return d.replace(year=year)
    except ValueError:  # 29/2 in a common year
        return d.replace(year=year, day=28)


def _anchor(found: list[_Found], issued: date | None) -> int | None:
    """The year a date written without one falls in: the first year the deadline names, else the plan's."""
    years = [f.first.year for f in found if not f.yearless and f.first is not None]
    if years:
        return min(years)
    return issued.year if issued else None


def _resolve(f: _Found, year: int, issued: date | None, roll: bool) -> _Found:
    """A yearless phrase in `year`; with roll, a day already past at the plan's issue moves to the next year."""
    assert f.first is not None and f.last is not None
    first, last = _with_year(f.first, year), _with_year(f.last, year)
    if roll and issued is not None and last < issued:
        first, last = _with_year(f.first, year + 1), _with_year(f.last, year + 1)
    return replace(f, first=first, last=last, yearless=False)


def read_due(text: str | None, issued: date | None = None) -> DueDate:
    """The due date a deadline text states, with its precision; `issued` is the plan's issue date."""
    if not text:
        return NO_DATE
    folded = " ".join(vi.fold(text).replace("–", "-").replace("—", "-").split())
    recurs = _recurrence(folded)
    if _LUNAR.search(folded):
        return DueDate(None, "none", recurs)
    found = _find(folded)
    periods = [f for f in found if f.kind == "period"]
    start = min(p.first for p in periods if p.first) if periods else None
    span_end = max(p.last for p in periods if p.last) if periods else None
    year = _anchor(found, issued)
    if recurs in ("yearly", "monthly"):
        return _recurring(found, recurs, year, issued, start, span_end)
    dated = [f for f in found if f.kind in _RANK and not f.yearless]
    if not dated and year is not None:  # "trước ngày 30/6": the plan's year
        dated = [_resolve(f, year, issued, roll=True) for f in found if f.kind in _RANK and f.yearless]
    finer = [f for f in dated if f.kind not in ("year", "period")]
    if recurs is not None and not finer:
        first = start or next((f.first for f in found if f.kind == "from"), None)
        return DueDate(None, "none", recurs, first)  # "thường xuyên", "hằng quý", "2023-2025 (hằng năm)"
    if not dated:
        first = next((f.first for f in found if f.kind == "from"), None)
        return DueDate(None, "none", recurs or ("continuous" if first else None), first)
    best = min(dated, key=lambda f: (_RANK[f.kind], f.last))
    if best.kind == "period":
        return DueDate(span_end, "period", recurs, start)
    return DueDate(best.last, _PRECISION[best.kind], recurs)


def _recurring(found: list[_Found], recurs: Recurs, year: int | None, issued: date | None,
               start: date | None, span_end: date | None) -> DueDate:
    """"trước ngày 15/12 hằng năm" → the first 15 December (of the period, else on or after the issue date)."""
    begin = start or (date(year, 1, 1) if year else None)
    if recurs == "monthly":
        days = [f.day for f in found if f.kind == "monthday"] or [f.last.day for f in found if f.kind == "day" and f.last]
        if not days or begin is None:
            return DueDate(None, "none", recurs, start)
        after = max(begin, issued) if issued and not start else begin
        return DueDate(_next_monthly(days[0], after), "recurring", recurs, start)
    marks = [f for f in found if f.kind in ("day", "month", "quarter") and f.last is not None]
    if not marks or year is None:
        return DueDate(None, "none", recurs, start)
    mark = min(marks, key=lambda f: (_RANK[f.kind], f.at))
    assert mark.last is not None
    first = _with_year(mark.last, begin.year if begin else year)
    if not mark.yearless:
        first = mark.last  # "báo cáo trước ngày 15/12/2023, hằng năm": from that year on
    elif issued is not None and start is None and first < issued:
        first = _with_year(mark.last, first.year + 1)
    if span_end is not None and first > span_end:
        return DueDate(None, "none", recurs, start)
    return DueDate(first, "recurring", recurs, start)


def _next_monthly(day: int, after: date) -> date:
    """The first `day` of a month on or after `after` (the month's last day when it is shorter)."""
    y, m = after.year, after.month
    while True:
        candidate = date(y, m, min(day, calendar.monthrange(y, m)[1]))
        if candidate >= after:
            return candidate
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


# -- occurrences: when a dated task falls due after a given day ------------------------------------------
def occurrences(due: date, recurs: str | None, until: date | None, after: date, through: date) -> Iterable[date]:
    """The days in (after, through] on which a task due `due` (repeating per `recurs` until `until`) falls due."""
    if recurs not in ("yearly", "monthly"):
        if after < due <= through:
            yield due
        return
    step = 0
    while True:
        if recurs == "yearly":
            when = _with_year(due, due.year + step)
        else:
            y, m = divmod(due.month - 1 + step, 12)
            when = date(due.year + y, m + 1, min(due.day, calendar.monthrange(due.year + y, m + 1)[1]))
        if when > through or (until is not None and when > until):
            return
        if when > after:
            yield when
        step += 1


# -- assignments ------------------------------------------------------------------------------------------
def issue_date(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


def dated(assignment: Assignment, issued: date | None) -> Assignment:
    """The assignment with its deadline read as a date (due, due_start, precision, recurs)."""
    value = read_due(assignment.deadline, issued)
    return replace(assignment, due=value.due.isoformat() if value.due else None,
                   due_start=value.start.isoformat() if value.start else None,
                   precision=value.precision, recurs=value.recurs)


def date_assignments(assignments: list[Assignment], issued_iso: str | None) -> list[Assignment]:
    """Every assignment of a plan dated against its issue date (PlanMeta.date, ISO)."""
    issued = issue_date(issued_iso)
    return [dated(a, issued) for a in assignments]
