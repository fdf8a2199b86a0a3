"""How text and dates are shown to people: shortened at a word boundary, dates written dd/mm/yyyy."""
from __future__ import annotations


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
