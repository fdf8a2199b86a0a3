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


# a column of people's names: a list of members ("Họ và tên | Chức vụ, đơn vị | Nhiệm vụ trong đoàn"), not of tasks
_NAME_COLUMN = re.compile(r"^(?:họ (?:và )?tên|tên (?:thành viên|đại biểu|cán bộ|tập thể|cá nhân))\b", re.IGNORECASE)


# "Đơn vị/Nội dung nhiệm vụ": one column holds the body (its group rows) and the tasks (the rows under them)
_BODY_AND_TASK = re.compile(r"^(?:đơn vị|cơ quan)\s*/\s*(?:nội dung|nhiệm vụ)", re.IGNORECASE)


def is_task_header(row: list[str]) -> bool:
    roles = [column_role(c) for c in row]
    assigned = any(r in ("lead", "agency", "support") for r in roles) or any(_BODY_AND_TASK.match(c.strip()) for c in row)
    return "task" in roles and assigned and not row[0].isdigit() and not any(_NAME_COLUMN.match(c.strip()) for c in row)


# (…per head or item too: "Mức tối đa (đồng/người)" | "500.000" → "500.000 đồng/người", a sum, no count of people)
_MONEY_UNIT = re.compile(r"đồng|USD|EUR|euro|yên|won", re.IGNORECASE)  # (a sum's shares in brackets are in its unit too)
_HEADER_UNIT = re.compile(r"^(.*?)\s*\(((?:nghìn|ngàn|triệu|tỷ|tỉ)?\s*(?:đồng|USD|EUR|euro|yên|won|lượt|người"
                          # (a length of time or a measure: "Thời hạn theo quy trình nội bộ (ngày làm việc)" | "12")
                          r"|ngày làm việc|ngày|giờ|tháng|km|ha|kg|tấn|suất|đoàn)"
                          r"(?:\s*/\s*\w+(?: \w+)?){0,2}|%)\)\s*$", re.IGNORECASE)  # (a rate: "đồng/người/ngày")


# people a header counts in shorthand ("SV đi", "Số HS"): written out where a row is said, as questions name them
_HEADER_SHORT = {"SV": "sinh viên", "HS": "học sinh", "GV": "giáo viên", "LHS": "lưu học sinh", "CB": "cán bộ"}
_HEADER_SHORT_WORD = re.compile(r"\b(" + "|".join(_HEADER_SHORT) + r")\b")


# the people a column counts, said after its figure
_PEOPLE = re.compile(r"\b(?:lưu học sinh|du học sinh|sinh viên|học sinh|giáo viên|giảng viên|cán bộ|thành viên|hội viên"
                     r"|học viên|đại biểu|diễn viên|nghệ nhân|nghệ sĩ|vận động viên|tình nguyện viên|phóng viên"
                     r"|chuyên gia|thực tập sinh|người)\b", re.IGNORECASE)


def people_counted(header: str) -> str | None:
    """The people a column counts ("SV đi" → "sinh viên"), or None."""
    m = _PEOPLE.search(written_out(header))
    return m.group(0).lower() if m else None


def written_out(header: str) -> str:
    """"SV đi" → "sinh viên đi"."""
    return _HEADER_SHORT_WORD.sub(lambda m: _HEADER_SHORT[m.group(1)], header)


_BARE_FIGURE = re.compile(r"(?<![\d.,/])(?<!năm )\d[\d.,]*(?<![.,])(?![\d/%]|\s*(?:triệu|tỷ|tỉ|nghìn|đồng|USD))")


def labelled(header: str, cell: str) -> tuple[str, str]:
    """A column's header as a label, its unit written after the value ("Kinh phí (triệu đồng)" | "350" → "kinh phí",
    "350 triệu đồng"), so that a figure reads as an amount wherever it is quoted."""
    label = written_out(header.strip(" :"))
    unit = _HEADER_UNIT.match(label)
    people = _PEOPLE.search(label)
    if unit and re.fullmatch(r"[\d.,]+", cell.strip()):
        label, cell = unit.group(1), f"{cell.strip()} {unit.group(2).strip()}"
    elif unit and re.match(r"[\d.,]+\s*\(", cell.strip()) and _MONEY_UNIT.search(unit.group(2)):
        # "2.600 (NSNN: 800; tài trợ KOICA: 1.800)": the total and each source's share are all in the header's unit
        label, cell = unit.group(1), _BARE_FIGURE.sub(rf"\g<0> {unit.group(2).strip()}", cell.strip())
    elif people and re.fullmatch(r"\d[\d.,]*", cell.strip()):
        cell = f"{cell.strip()} {people.group(0).lower()}"  # "Số thành viên" | "08" → "08 thành viên": a count of them
    # "Kinh phí" → "kinh phí", an acronym kept ("NS thành phố")
    return (label[:1].lower() + label[1:] if label[1:2].islower() else label), cell
