"""Names after an honour, a degree or a stage role ("NSND Vũ Hoài", "PGS.TS. Khổng Minh Đức", "MC Lương Thu Trà"): a
person the office titles of rag.understand.entities do not announce."""
from __future__ import annotations

import re

from ground import vi

_HONOUR = re.compile(
    r"(?:(?<![\w.])(?:P?GS|TS|ThS|BS|NS[NƯ]T|NG[NƯ]T|NSND|NGND|NNND|NNƯT)(?:\.\s?(?:TS|ThS|BS|CKII?))*\.?"
    r"|\b(?i:nghệ sĩ(?: nhân dân| ưu tú)?|nghệ nhân(?: nhân dân| ưu tú)?|nhạc sĩ|họa sĩ|nhà văn|nhà thơ|đạo diễn|MC))"
    rf"[\s:,]+(?P<name>[{vi.UPPER}][{vi.LOWER}]+(?:\s+[{vi.UPPER}][{vi.LOWER}]+){{1,3}})(?![{vi.LOWER}])"
)


def honoured(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of every name an honour, a degree or a stage role stands before."""
    return [(m.start("name"), m.end("name"), m.group("name")) for m in _HONOUR.finditer(text)
            if not vi.fold(m.group("name")).lower().startswith("viet nam")]  # "nghệ sĩ Việt Nam" are the country's
