"""Places a text lists after their kind and a colon ("tại 04 xã ven biển: Cửa Khê, Bãi Ngọc, Đông Kha"): names no
gazetteer knows, read as places because the line says what they are."""
from __future__ import annotations

import re

from ground import vi

_WORD = rf"[{vi.UPPER}][{vi.LOWER}]+"
_NAME = rf"{_WORD}(?:[ \-]{_WORD}){{0,3}}"
_LISTED = re.compile(
    r"\b(?:xã|phường|huyện|quận|tỉnh|thành phố|thị xã|thị trấn|bản|thôn|làng)"  # the kind, then a few words of it
    rf"(?:\s+[{vi.LOWER}]+){{0,3}}\s*:\s*({_NAME}(?:\s*(?:,|và)\s*{_NAME})+)")


def listed_places(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of every name listed after a kind of place and a colon."""
    out: list[tuple[int, int, str]] = []
    for m in _LISTED.finditer(text):
        for name in re.finditer(_NAME, m.group(1)):
            out.append((m.start(1) + name.start(), m.start(1) + name.end(), name.group(0)))
    return out
