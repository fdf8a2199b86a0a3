"""What a file's name says about its document: the province the person who saved it named it after.

"nam-dinh-doi-ngoai-2021-tin.txt", "Kế hoạch Hà Giang 2023.docx", "binhdinh_kh_11.pdf". It is the weakest
evidence there is, read only when the text names neither a province nor an issuer (a news page that says
"tỉnh ta" throughout): the gazetteer must know the name, words of the name are separated by "-", "_", "."
or spaces, or run together ("binhdinh").
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import PurePath

from ground import vi
from ground.places import PROVINCES, find_provinces

_SEPARATORS = re.compile(r"[-_.\s]+")
_MIN_JOINED_CHARS = 6  # "binhdinh", "laocai"; shorter run-together tokens are abbreviations of anything


@cache
def _joined_names() -> dict[str, str]:
    """'binhdinh' → 'Bình Định': every name and alias of the gazetteer folded, its words run together."""
    names: dict[str, str] = {}
    for province in PROVINCES:
        for alias in (province.name, *province.aliases):
            key = vi.fold(alias).replace(" ", "").replace("-", "")
            if len(key) >= _MIN_JOINED_CHARS and key.isalpha():
                names.setdefault(key, province.name)
    return names


def file_province(source: str) -> str | None:
    """The province a file's name names first, or None."""
    stem = PurePath(source).stem
    words = " ".join(w for w in _SEPARATORS.split(stem) if w)
    named = find_provinces(vi.fold(words))
    if named:
        return named[0]
    joined = _joined_names()
    return next((joined[w] for w in vi.fold(words).split() if w in joined), None)
