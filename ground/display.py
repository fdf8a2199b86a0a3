"""How text and dates are shown to people: shortened at a word boundary, dates written dd/mm/yyyy."""
from __future__ import annotations


def shorten(text: str, limit: int) -> str:
    """Cut at the last word boundary within `limit` characters and add an ellipsis, when longer."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ;,:")
    return cut + "…"


def display_date(iso: str | None) -> str | None:
    """'2022-03-29' → '29/03/2022' (as Vietnamese documents write dates); a partial date ('2022-03') is
    shown as far as it is known ('03/2022')."""
    if not iso:
        return None
    return "/".join(reversed(iso[:10].split("-")))
