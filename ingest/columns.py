"""Two-column layouts run together on shared lines: where the left column's cell ends and the right one's starts.

A document's header and signature are two-column tables. Copied from a PDF, or with the spacing collapsed,
each row becomes one line: "ỦY BAN NHÂN DÂN TỈNH X CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 12/KH-UBND X, ngày …",
"Nơi nhận: CHỦ TỊCH", "- Lưu: VT. Nguyễn Văn A". Readers split such lines into cells the way they split a
table flattened with "|": the national motto and the place-date cell start the right column of the header;
a signer's title, "(Đã ký)" or a person's name after the end of a "Nơi nhận" item starts the right column
of the signature.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from ground import vi

CELL = "|"
# the right column of an emblem header: the national motto, and the "X, ngày …" cell after the number
_MOTTO = re.compile(r"(?<=\S)[ \t](?=CỘNG H[OÒ]A XÃ HỘI CHỦ NGHĨA|Độc lập\s*[-–]\s*Tự do)")
_PLACE_DATE_CELL = re.compile(
    r"(?m)(^[ \t|]*Số\s*:\s*\S+)[ \t](?=[" + vi.UPPER + r"][^\n,|]{1,40},\s*ngày\s+\d)")
_RECIPIENTS = re.compile(r"^((?:Nơi nhận|NƠI NHẬN)\s*:)\s*(\S.*)$")
_LIST_ITEM = re.compile(r"^[-+•*–]\s")
_ITEM_END = re.compile(r"[;.,][ \t]+(?=\S)")  # "- Ban Bí thư Trung ương Đảng (để b/c), PHÓ BÍ THƯ THƯỜNG TRỰC"


# columns a PDF copy sets apart with spaces ("UBND TỈNH X          LIÊN HIỆP CÁC TỔ CHỨC        CỘNG HÒA …")
_SPACE_GAP = re.compile(r"(?<=\S)[ \t]{4,}(?=\S)")
# a rule of dashes set between two cells of one line ("ỦY BAN NHÂN DÂN TỈNH X ——— CỘNG HÒA …")
_DASH_CELL = re.compile(r"[ \t](?:[—–]{2,}|-{3,})(?=[ \t])")


def header_cells(text: str) -> str:
    """`text` with a run-together header row split into cells by "|"; every offset stays where it was."""
    text = _DASH_CELL.sub(lambda m: " " * (len(m.group(0)) - 1) + CELL, text)
    text = _SPACE_GAP.sub(lambda m: " " * (len(m.group(0)) - 1) + CELL, text)
    text = _MOTTO.sub(CELL, text)
    return _PLACE_DATE_CELL.sub(lambda m: m.group(1) + CELL, text)


def signature_cells(cell: str, right_column: Callable[[str], bool]) -> list[str]:
    """'Nơi nhận: KT. CHỦ TỊCH' → ['Nơi nhận:', 'KT. CHỦ TỊCH']; '- Lưu: VT. Nguyễn Văn A' → ['- Lưu: VT.',
    'Nguyễn Văn A'], when `right_column` accepts what follows (a signer's title, '(Đã ký)', a name)."""
    recipients = _RECIPIENTS.match(cell)
    if recipients and right_column(recipients.group(2)):
        return [recipients.group(1), recipients.group(2)]
    if _LIST_ITEM.match(cell):
        for end in reversed(list(_ITEM_END.finditer(cell))):
            tail = cell[end.end():].strip()
            if right_column(tail):
                return [cell[:end.start() + 1], tail]
    return [cell]
