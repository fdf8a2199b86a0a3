"""A saved page's own date, as the tool that saved it or the address it was saved from gives it, written as a
dateline of its own ("Ngày đăng: 16/7/2022") that the page-date reader reads and no answer shows."""
from __future__ import annotations

import re

# "date 2025-11-20 Sáng 20/11, …": a saved page's own date as the tool that saved it wrote it before the text
# (…after the page's address on its line, where a hard-wrapped text's repair joined the two)
_SAVED_DATE = re.compile(r"^((?:https?://\S+)?)[ \t]*date[ \t]+((?:19|20)\d\d)-(\d{2})(?:-(\d{2}))?[ \t]*", re.MULTILINE)


PAGE_DATE_LINE = re.compile(r"^Ngày đăng: (?:tháng )?\d{1,2}/\d", re.MULTILINE)


def _saved_date(match: re.Match) -> str:
    """The page's date as a dateline of its own ("Ngày đăng: 20/11/2025"), which the page-date reader reads and no
    answer shows; a month alone ("date 2025-06") still says the page's year ("Ngày đăng: tháng 6/2025")."""
    address, year, month, day = match.groups()
    address = f"{address}\n" if address else ""
    return address + (f"Ngày đăng: {int(day)}/{int(month)}/{year}\n" if day else f"Ngày đăng: tháng {int(month)}/{year}\n")


# the day a news site files a page under in its address ("…-20220716004527894.htm", "/2022/07/16/…"), on the page's
# first line: the page's date when nothing else gives it (a digit before it makes it part of an id: "-102220716…")
_ADDRESS_DAY = re.compile(r"^https?://\S*?(?:[-_/](20[0-3]\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=\d{0,12}(?:\D|$))"
                          r"|/(20[0-3]\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])/)")


def _address_day(text: str) -> str:
    """The page with its address's day as a dateline under the address, when the page gives none of its own."""
    first = text.lstrip().split("\n", 1)[0].strip()
    match = _ADDRESS_DAY.match(first)
    if not match or PAGE_DATE_LINE.search(text[:400]) or "date" in text[:400]:
        return text
    year, month, day = [g for g in match.groups() if g]
    at = text.index(first) + len(first)
    return f"{text[:at]}\nNgày đăng: {int(day)}/{int(month)}/{year}{text[at:]}"


def dated_page(text: str) -> str:
    """The page with its saved date ("date 2025-11-20") or its address's day as its dateline."""
    return _SAVED_DATE.sub(_saved_date, text, count=1) if "date" in text[:400] else _address_day(text)
