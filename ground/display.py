"""How text and dates are shown to people: shortened at a word boundary, dates written dd/mm/yyyy, or as the sentence
they come from writes them."""
from __future__ import annotations

import re


def shorten(text: str, limit: int) -> str:
    """Cut at the last word boundary within `limit` characters and add an ellipsis, when longer."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ;,:")
    return cut + "…"


def display_date(iso: str | None) -> str | None:
    """'2022-03-29' → '29/3/2022', '2028-01-07' → '07/01/2028': as Vietnamese documents write dates (Nghị định
    30/2020/NĐ-CP: a day under 10, and the months 1 and 2, take a leading zero; the other months do not); a partial
    date ('2022-03') is shown as far as it is known ('3/2022')."""
    if not iso:
        return None
    parts = iso[:10].split("-")
    if len(parts) >= 2 and parts[1].isdigit() and int(parts[1]) > 2:
        parts[1] = str(int(parts[1]))
    return "/".join(reversed(parts))


# "3-12-2008", "03/12/2008", "3.12.2008": a date in figures as the text writes it
_WRITTEN = re.compile(r"\b(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*((?:19|20)\d\d)\b")


def date_as_written(text: str, iso: str | None) -> str | None:
    """The date `iso` as `text` writes it in figures ("ngày 3-12-2008" → "3-12-2008", "05/01/2028"), the words a
    reader looks for in the source; `display_date(iso)` when the text writes it otherwise ("ngày 3 tháng 12 năm
    2008") or not at all."""
    if not iso or len(iso) < 10:
        return display_date(iso)
    year, month, day = (int(x) for x in iso[:10].split("-"))
    for m in _WRITTEN.finditer(text or ""):
        if (int(m.group(1)), int(m.group(3)), int(m.group(4))) == (day, month, year):
            return "".join(m.group(0).split())
    return display_date(iso)
