"""A body the question names that none of the documents the lines come from ever names: the lines are about other bodies
("Sở Tư pháp được phân bổ bao nhiêu chỉ tiêu?" of a table of the quotas of Sở Ngoại vụ, Văn phòng UBND …), and the
documents say nothing of it."""
from __future__ import annotations

import re
from collections.abc import Callable, Collection

from ground import vi
from ground.agencies import find_agencies

# bodies every plan stands under or writes to: naming one asks of no body in particular
_EVERYWHERE = re.compile(r"^(?:UBND|Ủy ban nhân dân|Chính phủ|Thủ tướng|HĐND|Hội đồng nhân dân|Tỉnh ủy|Thành ủy|các sở|Sở, ban"
                         r"|các cơ quan|Văn phòng Chính phủ|Quốc hội)\b", re.IGNORECASE)


_ALTERNATIVE = re.compile(r"\b(?:co|da)\b.{0,80}\bkhong\b|\bhay (?:la )?(?:co quan|don vi|ai|ben)\b")
_PRESS = re.compile(r"^(?:Báo|Đài|Tạp chí|Thông tấn|Cổng thông tin)\b", re.IGNORECASE)
_QUOTED = re.compile(r"\b(?:theo|trên|đăng trên|dẫn lời)\s*$", re.IGNORECASE)


def unsaid_body(question: str, documents: Callable[[], Collection[str]], issuers: Collection[str] = ()) -> str | None:
    """"thông tin về <body>" when the question names a known body that no document writes; None otherwise. `issuers`:
    the documents' own issuers, which a follow-up's rewrite names ("… trong Công văn 41 của Ban Tuyên giáo Tỉnh ủy …")."""
    # (nor the press a question quotes, "Theo Báo Quảng Nam (20/06/2019), ai là …": a source, not a body asked of)
    if _ALTERNATIVE.search(vi.collapse(question)):
        return None  # "Sở Ngoại vụ có cử người không, hay cơ quan nào lo …": that it is not named is the answer asked
    asked = [m for m in find_agencies(question) if m.known and not _EVERYWHERE.match(m.canonical)
             and not _PRESS.match(m.canonical) and not _QUOTED.search(question[:m.start])]
    own = [vi.collapse(i) for i in issuers]
    asked = [m for m in asked if not any(vi.collapse(m.canonical) in i or i in vi.collapse(m.canonical) for i in own)]
    if not asked:
        return None
    texts = list(documents())
    named = {a.canonical for text in texts for a in find_agencies(text)}
    folded = vi.collapse("\n".join(texts))
    unsaid = [m for m in asked if m.canonical not in named and vi.collapse(m.canonical) not in folded
              and vi.collapse(m.raw) not in folded]
    return f"thông tin về {unsaid[0].canonical}" if unsaid and len(unsaid) == len(asked) else None
