"""A writer's line on a news page ("Lương Văn Huấn", "Bài, ảnh: Trần Minh", "Nguyễn Hà (TTXVN)"): kept by ingest as
the page's own words, read by the answers to "bài này do ai viết"."""
from __future__ import annotations

import re

from ground import vi
from ground.surnames import SURNAMES

_BYLINE = re.compile(rf"^(?:(?P<label>Tác giả|(?:Bài|Tin)(?:,| và)? ảnh|Bài|Tin|Phóng viên|Nhóm PV|PV|Theo)\s*[:\-]?\s*)?"
                     rf"(?P<name>[{vi.UPPER}][{vi.LOWER}]+(?:\s+[{vi.UPPER}][{vi.LOWER}]+){{1,4}})"
                     r"\s*(?:\([^()\n]{2,40}\))?\s*[.\-–]?$")


def byline(line: str) -> tuple[str, bool] | None:
    """The writer a line names alone, and whether a label says so ("Bài, ảnh:"); a name with no label is a writer's
    only when a Vietnamese surname opens it (not "Báo Bắc Giang")."""
    m = _BYLINE.match(line.strip())
    if m is None or m.group("label") is None and m.group("name").split()[0] not in SURNAMES:
        return None
    return m.group("name"), m.group("label") is not None


# the body a writer works for, on the line under a bare name at a page's head ("Mỹ Diệu" / "Phòng Quản lý Biên giới,
# Sở Ngoại vụ Hà Giang"): the pair is a byline whatever the name's first word (a pen name)
_AFFILIATION = re.compile(r"^(?:Phòng|Sở|Ban|Vụ|Cục|Trung tâm|Báo|Đài|Viện|Học viện|Trường|Đại học|Hội|Khoa|Văn phòng|Bộ"
                          r"|Ủy ban|UBND|Tổng cục|Thông tấn xã|TTXVN)\b")


def affiliated_byline(line: str, under: str) -> tuple[str, str] | None:
    """(name, body) when `line` holds a bare name and the line under it the body its writer works for."""
    m = _BYLINE.match(line.strip())
    if m is None or m.group("label") is not None or not _AFFILIATION.match(under.strip()) or len(under) > AFFILIATION_CHARS:
        return None
    return m.group("name"), under.strip().rstrip(" .")


AFFILIATION_CHARS = 120  # a body's name, not a sentence opening with "Sở …"
