"""A list item or a part of a plan asked by its place: "nhiệm vụ thứ 3", "mục tiêu đầu tiên", "giải pháp cuối cùng",
"phần II", "mục 3", a quarter whose heading lists its tasks ("quý I/2028") (folded question text in, the place out)."""
from __future__ import annotations

import re

_ORDINAL_WORDS = {"nhat": 1, "dau tien": 1, "mot": 1, "hai": 2, "nhi": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5,
                  "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10}
_ITEM_NOUNS = (r"quan diem|muc tieu|nhiem vu|giai phap|yeu cau|noi dung|hoat dong|muc dich|dinh huong|chuong trinh"
               r"|y|diem|muc|phan|chuong|trach nhiem|cong viec|bien phap|tieu chi")
_ORDINAL = re.compile(
    rf"\b(?P<noun>{_ITEM_NOUNS})(?: [a-z]+){{0,2}}? (?:thu (?P<n>nhat|hai|ba|tu|bon|nam|sau|bay|tam|chin|muoi|\d+)"
    r"|(?P<first>dau tien)|(?P<last>cuoi cung))\b")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
_PART_REF = re.compile(r"\b(?P<noun>phan|muc|chuong|dieu)\s+(?P<n>[ivx]+|\d{1,2})\b(?! ?/)")


def ordinal(folded: str) -> tuple[int | None, str | None]:
    m = _ORDINAL.search(folded)
    if not m:
        return None, None
    if m.group("first"):
        return 1, m.group("noun")
    if m.group("last"):
        return -1, m.group("noun")
    n = m.group("n")
    return (int(n) if n.isdigit() else _ORDINAL_WORDS.get(n)), m.group("noun")


def part_ref(folded: str) -> tuple[str, int] | None:
    m = _PART_REF.search(folded)
    if not m:
        return None
    n = m.group("n")
    value = int(n) if n.isdigit() else _ROMAN.get(n)
    return (m.group("noun"), value) if value else None


# "quý I/2028", "quý 1", "quy mot": the quarter a plan may head a list of tasks with ("1. Quý I/2028")
_QUARTER = re.compile(r"\bquy (iv|iii|ii|i|[1-4]|mot|hai|ba|bon|tu)\b(?! ?(?:den|-))")
_QUARTER_ROMAN = {"1": "i", "2": "ii", "3": "iii", "4": "iv", "mot": "i", "hai": "ii", "ba": "iii", "bon": "iv", "tu": "iv"}


def quarter(folded: str) -> str | None:
    """The quarter asked, as a heading spells it folded ("quy ii"); None when none is, or a span of them is."""
    found = _QUARTER.findall(folded)
    if len(set(found)) != 1:
        return None
    return f"quy {_QUARTER_ROMAN.get(found[0], found[0])}"
