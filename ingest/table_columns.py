"""What a table's columns hold: a task table's column roles from their headers, a header's unit written after its
figure. Pure functions over header cells, shared by the task-table and figure-table readers."""
from __future__ import annotations

import re

from ground import vi

ROW_LABEL = "Nhiệm vụ"  # how a task row's sentence starts; its fields' labels by role below (others: their header's)
ROLE_LABELS = {"lead": "chủ trì", "agency": "thực hiện", "support": "phối hợp", "deadline": "thời gian"}


def column_role(header: str) -> str | None:
    """What a task-table column holds, from its header cell."""
    h = vi.collapse(header)
    # (none for "Tham dự cuộc họp có … các cơ quan:", "Thành phần": who attends, not who is assigned)
    if not h or re.search(r"\b(?:tham du|du hop|thanh phan|vang mat)\b", h):
        return None
    if re.fullmatch(r"(?:so )?t ?t|stt|so thu tu", h):
        return "number"
    if re.search(r"thoi gian|thoi han|tien do|nam thuc hien|moc thoi gian|^nam$", h):
        return "deadline"
    if re.search(r"san pham|ket qua|du kien|kinh phi|nguon|ghi chu", h):
        return "other"
    if "phoi hop" in h and "chu tri" not in h:
        return "support"
    if "chu tri" in h:
        return "lead"
    if re.search(r"(?:co quan|don vi|bo phan)(?: thuc hien| phu trach| trien khai| duoc giao)?$|trach nhiem|phan cong"
                 r"|thuc hien$", h):
        return "agency"
    if re.search(r"noi dung|nhiem vu|hoat dong|de an|chuong trinh|ten|^cong viec", h):
        return "task"
    return None


def is_task_header(row: list[str]) -> bool:
    roles = [column_role(c) for c in row]
    return "task" in roles and any(r in ("lead", "agency", "support") for r in roles) and not row[0].isdigit()


_HEADER_UNIT = re.compile(r"^(.*?)\s*\(((?:nghìn|ngàn|triệu|tỷ|tỉ)?\s*(?:đồng|USD|lượt|người)|%)\)\s*$", re.IGNORECASE)


def labelled(header: str, cell: str) -> tuple[str, str]:
    """A column's header as a label, its unit written after the value ("Kinh phí (triệu đồng)" | "350" → "kinh phí",
    "350 triệu đồng"), so that a figure reads as an amount wherever it is quoted."""
    label = header.strip(" :")
    unit = _HEADER_UNIT.match(label)
    if unit and re.fullmatch(r"[\d.,]+", cell.strip()):
        label, cell = unit.group(1), f"{cell.strip()} {unit.group(2).strip()}"
    # "Kinh phí" → "kinh phí", an acronym kept ("NS thành phố")
    return (label[:1].lower() + label[1:] if label[1:2].islower() else label), cell
