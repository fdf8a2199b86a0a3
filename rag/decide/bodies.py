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


_PRESS = re.compile(r"^(?:Báo|Đài|Tạp chí|Thông tấn|Cổng thông tin)\b", re.IGNORECASE)
_QUOTED = re.compile(r"\b(?:theo|trên|đăng trên|dẫn lời)\s*$", re.IGNORECASE)


def unsaid_body(question: str, documents: Callable[[], Collection[str]]) -> str | None:
    """"thông tin về <body>" when the question names a known body that no document writes; None otherwise."""
    # (nor the press a question quotes, "Theo Báo Quảng Nam (20/06/2019), ai là …": a source, not a body asked of)
    asked = [m for m in find_agencies(question) if m.known and not _EVERYWHERE.match(m.canonical)
             and not _PRESS.match(m.canonical) and not _QUOTED.search(question[:m.start])]
    if not asked:
        return None
    texts = list(documents())
    named = {a.canonical for text in texts for a in find_agencies(text)}
    folded = vi.collapse("\n".join(texts))
    unsaid = [m for m in asked if m.canonical not in named and vi.collapse(m.canonical) not in folded
              and vi.collapse(m.raw) not in folded]
    return f"thông tin về {unsaid[0].canonical}" if unsaid and len(unsaid) == len(asked) else None
