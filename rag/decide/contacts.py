"""Does a line give the contact detail a question asks: a telephone number for "số điện thoại", an address with "@"
for an e-mail, a web address for a website. A line naming the person or the office without it gives none."""
from __future__ import annotations

import re

from ground import vi

# what is asked (folded), and what a line giving it holds (as written)
_VALUE = r"(?: [a-z0-9]+){0,8} (?:la gi|la bao nhieu|la so nao|nao|gi|bao nhieu)\b"  # the detail itself asked, not a yes/no
_ASKED = (
    ("số điện thoại", re.compile(rf"\b(?:so dien thoai|dien thoai|sdt|so dt|hotline|duong day nong){_VALUE}"),
     # ("+84 912 457 386", "0203.3852.123", "(0209) 3 870 123": nine digits or more, however grouped)
     re.compile(r"(?<![\d/])\+?\(?\d{2,4}\)?(?:[\s.\-]?\d{1,4}){2,4}(?![\d/])")),
    ("địa chỉ thư điện tử", re.compile(rf"\b(?:email|e mail|thu dien tu|hop thu){_VALUE}"), re.compile(r"\S+@\S+\.\w+")),
    ("trang thông tin điện tử", re.compile(rf"\b(?:website|trang web|trang thong tin dien tu){_VALUE}"),
     re.compile(r"(?i)\b(?:https?://|www\.)\S+|\b[\w-]+\.(?:gov\.vn|vn|com|org)\b")),
)


def contact_unsaid(question: str, shown: str) -> str | None:
    """"Số điện thoại của bà X là gì?" of lines giving no number: the detail asked, said in words; None otherwise."""
    folded = vi.collapse(question)
    for name, asked, given in _ASKED:
        if asked.search(folded) and not given.search(shown):
            return name
    return None
