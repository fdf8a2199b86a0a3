"""The documents a text cites by their bare number, without a code ("Chỉ thị 26", "Kết luận số 57")."""
from __future__ import annotations

import re

# "Chỉ thị 26 về …", "Kết luận số 57 của Bộ Chính trị": a document a text cites by its bare number, without a code
CITED_BARE = re.compile(r"\b(?:Chỉ thị|Kết luận|Nghị quyết|Quyết định|Kế hoạch|Công văn|Thông báo|Hướng dẫn|Chương trình"
                        r"|KH|QĐ|NQ|CT)"
                        r"\s+(?:số\s+)?(\d{1,5})\b(?![/\-.,]\w)(?!\s*(?:năm|tháng|ngày|tuần)\b(?!\s*(?:19|20)\d\d))")


def cited_bare_numbers(text: str) -> set[str]:
    """The bare numbers of documents a text cites without their code ("Chỉ thị 26", "Kết luận số 57"); a year-like
    one only after "số" ("Quyết định số 2013")."""
    return {m.group(1) for m in CITED_BARE.finditer(text)
            if not 1945 <= int(m.group(1)) <= 2100 or "số" in m.group(0)}
