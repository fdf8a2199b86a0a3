"""Pipe task tables → one sentence per row, written into the plan text (tab-separated tables copied from a word
processor are read as pipe tables first; a table of figures by year becomes one keyed sentence per row).

Web copies flatten a plan's task tables ("Phụ lục", "Danh mục nhiệm vụ", "Phân công nhiệm vụ") into pipes,
in any column order, with or without leading and trailing pipes, cells wrapped onto the next lines, and
group rows ("I | TUYÊN TRUYỀN | | |"). Quoted as they are, such rows read as "14 | … | Sở Công Thương | … |".
Each recognised table is rewritten in place as what it says:

    I. TUYÊN TRUYỀN, NÂNG CAO NHẬN THỨC
    Nhiệm vụ 1: Tổ chức hội nghị …; chủ trì: Sở Ngoại vụ; phối hợp: Ban Tuyên giáo Tỉnh ủy; Sở …; thời gian:
    Quý II/2023; kết quả: Hội nghị cấp tỉnh.

so that chunks, quotes and answers read sentences, and ingest/task_tables.py reads the rows back as task records
(also from a stored text, at reindex). A table is recognised by its header row (a task column and an agency
column); a row that cannot be aligned with the header is left as written. Pure text in, text out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ground import vi
from ingest.table_layouts import TOTAL_HEADER, YEAR_HEADER, record_groups, tabs_as_pipes

ROW_LABEL = "Nhiệm vụ"  # how a task row's sentence starts
# field labels of a row sentence, by column role; other columns keep their own header word ("kết quả")
ROLE_LABELS = {"lead": "chủ trì", "agency": "thực hiện", "support": "phối hợp", "deadline": "thời gian"}
_ROLE_ORDER = ("lead", "agency", "support", "deadline")
MAX_ROW_LINES = 12  # a row wrapped over more lines than this is not a row


def column_role(header: str) -> str | None:
    """What a task-table column holds, from its header cell."""
    h = vi.collapse(header)
    if not h:
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
    if re.search(r"(?:co quan|don vi|bo phan)(?: thuc hien| phu trach| trien khai)?$|trach nhiem|phan cong|thuc hien$", h):
        return "agency"
    if re.search(r"noi dung|nhiem vu|hoat dong|de an|chuong trinh|ten", h):
        return "task"
    return None


def cells(line: str) -> list[str]:
    """The cells of a row, without the empty ones a leading or trailing pipe makes."""
    inner = line.strip()
    if inner.startswith("|"):
        inner = inner[1:]
    if inner.endswith("|"):
        inner = inner[:-1]
    return [" ".join(c.split()) for c in inner.split("|")]


def is_task_header(row: list[str]) -> bool:
    roles = [column_role(c) for c in row]
    return "task" in roles and any(r in ("lead", "agency", "support") for r in roles) and not row[0].isdigit()


def _is_sub_header(row: list[str]) -> bool:
    """Second header row under a merged "Cơ quan thực hiện": "| | | Chủ trì | Phối hợp | |"."""
    folded = [vi.collapse(c) for c in row]
    return any(f in ("chu tri", "phoi hop") for f in folded) and not any(re.fullmatch(r"\d+", f) for f in folded)


_NUMBER_CELL = re.compile(r"^\s*\|?\s*(\d{1,3})\s*\.?\s*\|")
_GROUP_CELL = re.compile(r"^\s*\|?\s*([IVX]{1,5}|[A-Z])\s*(?:\.?\s*\||\.\s)")


@dataclass
class _Table:
    start: int  # first character of the header line
    end: int  # one past the last row's last character
    headers: list[str]
    roles: list[str | None]
    rows: list[tuple[str, list[str]] | str]  # (kind, cells) with kind "task"/"group", or a row kept as written


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _read_table(text: str, lines: list[tuple[int, int]], h: int) -> tuple[_Table, int] | None:
    """The table whose header is line `h`, and the index of the first line after it."""
    header_line = text[lines[h][0]:lines[h][1]]
    headers = cells(header_line)
    roles: list[str | None] = [column_role(c) for c in headers]
    pipes = header_line.count("|")
    numbered = roles[0] == "number"
    i = h + 1
    if i < len(lines) and _is_sub_header(cells(text[lines[i][0]:lines[i][1]])):
        second = text[lines[i][0]:lines[i][1]]
        sub = [column_role(c) for c in cells(second)]
        if len(sub) == len(roles):  # "| | | Chủ trì | Phối hợp | |" under a merged "Cơ quan thực hiện"
            roles = [s or r for s, r in zip(sub, roles, strict=True)]
        elif is_task_header(cells(second)):  # the merged header written out again in full: it is the header
            headers, roles, pipes = cells(second), sub, second.count("|")
            numbered = roles[0] == "number"
        i += 1
    leading = header_line.lstrip().startswith("|")  # rows start with "|": any line that does is a new row
    rows: list[tuple[str, list[str]] | str] = []
    buf: list[int] = []  # line indexes of the row being read
    last_no = 0
    end = lines[h][1]

    def flush() -> None:
        if not buf:
            return
        raw = " ".join(text[lines[k][0]:lines[k][1]].strip() for k in buf)
        row = cells(raw)
        if len(row) == len(headers) + 1 and not row[-1]:
            row = row[:-1]
        group = re.fullmatch(r"([IVX]{1,5}|[A-Z])\.?", row[0]) if row else None
        filled = [c for c in row[1:] if c]
        merged = re.fullmatch(r"([IVX]{1,5}|[A-Z])\.\s+(\S.*)", row[0]) if len(row) == 1 else None
        if row and _TOTAL_ROW.match(row[0]) and len(row) <= len(headers):
            rows.append(("total", row))  # "Cộng năm 2029 | | | | 11.700": the year's sum, in the column it stands in
        elif group and len(filled) == 1:
            rows.append(("group", [group.group(1), filled[0]]))
        elif merged:  # "| I. Công tác tuyên truyền |": a group row in one merged cell
            rows.append(("group", [merged.group(1), merged.group(2)]))
        elif len(row) == len(headers):
            rows.append(("task", row))
        else:
            rows.append("\n".join(text[lines[k][0]:lines[k][1]] for k in buf))
        buf.clear()

    while i < len(lines):
        a, b = lines[i]
        line = text[a:b]
        pending = " ".join(text[lines[k][0]:lines[k][1]] for k in buf)
        complete = not buf or pending.count("|") >= pipes
        number = _NUMBER_CELL.match(line)
        starts = bool(number and int(number.group(1)) in (last_no + 1, 1)) or bool(_GROUP_CELL.match(line)) \
            or bool(_TOTAL_ROW.match(line))
        if leading and line.lstrip().startswith("|"):
            complete = True
        if not line.strip():
            if complete:
                break
            i += 1
            continue
        if "|" not in line and complete:
            break  # the table is over
        if starts and complete or (not numbered and complete):
            flush()
        if not buf and number:
            last_no = int(number.group(1))
        buf.append(i)
        if len(buf) > MAX_ROW_LINES:
            return None
        end = b
        i += 1
    flush()
    if not any(isinstance(r, tuple) and r[0] == "task" for r in rows):
        return None
    return _Table(lines[h][0], end, headers, roles, rows), i


def _sentence(table: _Table, row: list[str]) -> str:
    by_role: dict[str, str] = {}
    others: list[tuple[str, str]] = []
    for header, role, cell in zip(table.headers, table.roles, row, strict=True):
        if not cell:
            continue
        if role in ROLE_LABELS and role not in by_role:
            by_role[role] = cell
        elif role == "other" or role is None and header.strip():  # "Địa điểm", "Đối tác nước ngoài": said too
            others.append(_labelled(header, cell))
    task = next((c for r, c in zip(table.roles, row, strict=True) if r == "task"), "")
    number = row[0] if table.roles[0] == "number" and row[0] else ""
    parts = [f"{ROW_LABEL} {number}: {task}".replace("  ", " ") if number else f"{ROW_LABEL}: {task}"]
    parts += [f"{ROLE_LABELS[r]}: {by_role[r]}" for r in _ROLE_ORDER if r in by_role]
    parts += [f"{label}: {value}" for label, value in others]
    sentence = "; ".join(p.rstrip(" .;") for p in parts)
    return sentence + "."


_HEADER_UNIT = re.compile(r"^(.*?)\s*\(((?:nghìn|ngàn|triệu|tỷ|tỉ)?\s*(?:đồng|USD|lượt|người)|%)\)\s*$", re.IGNORECASE)


def _labelled(header: str, cell: str) -> tuple[str, str]:
    """A column's header as a label, its unit written after the value ("Kinh phí (triệu đồng)" | "350" → "kinh phí",
    "350 triệu đồng"), so that a figure reads as an amount wherever it is quoted."""
    label = header.strip(" :")
    unit = _HEADER_UNIT.match(label)
    if unit and re.fullmatch(r"[\d.,]+", cell.strip()):
        label, cell = unit.group(1), f"{cell.strip()} {unit.group(2).strip()}"
    # "Kinh phí" → "kinh phí", an acronym kept ("NS thành phố")
    return (label[:1].lower() + label[1:] if label[1:2].islower() else label), cell


_TOTAL_ROW = re.compile(r"^\s*\|?\s*(?:Tổng cộng|Cộng|Tổng số|Tổng)\b", re.IGNORECASE)


def _total_sentence(table: _Table, row: list[str]) -> str:
    """"Cộng năm 2029 | | | | 11.700" → "Cộng năm 2029: kinh phí (triệu đồng): 11.700." (each value under its header)."""
    values = ["{}: {}".format(*_labelled(h, c)) for h, c in zip(table.headers[1:], row[1:], strict=False) if c]
    return f"{row[0].rstrip(' :')}: {'; '.join(values)}." if values else f"{row[0]}."


MIN_YEAR_COLUMNS = 2


_UNIT = re.compile(r"^(?:(?:nghìn|ngàn|triệu|tỷ|tỉ)\s+)?(?:lượt(?: người| khách)?|người|đồng|USD|%|đoàn|chương trình|sự kiện"
                   r"|cuốn|lớp|di tích|hội viên|học viên)$", re.IGNORECASE)


_CAPTION_UNIT = re.compile(r"^\s*\(?\s*Đơn vị(?: tính)?\s*:\s*([^()]+?)\s*\)?\s*$", re.IGNORECASE)


def _row_unit(label: str) -> str | None:
    """The unit a row's label gives its figures ("Khách quốc tế (nghìn lượt)" → "nghìn lượt"; "(lũy kế, %)" → "%"),
    written after each figure so that it reads as an amount of something."""
    m = re.search(r"\(([^()]{1,30})\)\s*$", label)
    if not m:
        return None
    unit = m.group(1).split(",")[-1].strip()
    return unit if _UNIT.match(unit) else None


def year_tables(text: str) -> str:
    """A table of figures by year ("| Chỉ tiêu | Năm 2027 | Năm 2028 | …" then "| Khách quốc tế | 145.000 | …"):
    each row rewritten as what it says, "Khách quốc tế: năm 2027: 145.000; năm 2028: 165.000; …", so that a
    figure is read with its year and its row."""
    lines = text.split("\n")
    out: list[str] = []
    years: list[str] | None = None
    lead = 1  # the columns before the first year: the row's label, after a "TT" column if there is one
    caption: str | None = None  # "Đơn vị tính: triệu đồng" over the table: every figure's unit
    for line in lines:
        row = cells(line) if line.strip().startswith("|") else None
        if row is None:
            years = None
            if line.strip():
                m = _CAPTION_UNIT.search(line)
                caption = m.group(1).strip() if m and _UNIT.match(m.group(1).strip()) else None
            out.append(line)
            continue
        header = _year_header(row)
        if header is not None:
            # "| TT | Chỉ số | 2022 | … | 2026 | Cộng |": a total column is read as what it is
            years, lead = header
            continue  # the header says nothing by itself
        label = " ".join(c for c in row[:lead] if c and not c.isdigit()) if years else ""
        if years and len(row) == len(years) + lead and label:
            unit = _row_unit(label) or caption
            pairs = [f"{y}: {v}{' ' + unit if unit and not v.endswith(unit) else ''}"
                     for y, v in zip(years, row[lead:], strict=True) if v and v not in "-–"]
            out.append(f"{label.rstrip(' :')}: {'; '.join(pairs)}.")
            continue
        years = None
        out.append(line)
    return "\n".join(out)


def _year_header(row: list[str]) -> tuple[list[str], int] | None:
    """(the year columns' names, how many columns come before them) when `row` heads a table by year."""
    for lead in (1, 2):
        rest = row[lead:]
        heads = [YEAR_HEADER.fullmatch(c.strip()) for c in rest]
        totals = [bool(TOTAL_HEADER.fullmatch(c.strip())) for c in rest]
        if len(rest) >= MIN_YEAR_COLUMNS and sum(map(bool, heads)) >= MIN_YEAR_COLUMNS and all(
                h or t for h, t in zip(heads, totals, strict=True)) and not YEAR_HEADER.fullmatch(row[lead - 1].strip()):
            return [f"năm {h.group(1)}" if h else c.strip().lower() for h, c in zip(heads, rest, strict=True)], lead
    return None


_FIGURE = re.compile(r"^[+\-–]?\s*\d[\d.,]*\s*%?$|^[-–]$")
_RULE_ROW = re.compile(r"^\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$")  # a Markdown table's "|:--|--:|"
_UNIT_HEADER = re.compile(r"^(?:đvt|đơn vị(?: tính)?)$", re.IGNORECASE)
MIN_FIGURE_COLUMNS = 2


def figure_tables(text: str) -> str:
    """Any other table of figures ("| TT | Chỉ tiêu | ĐVT | 6 tháng đầu năm 2026 | 6 tháng đầu năm 2027 | Tăng/giảm (%) |"):
    each row as what it says, its label then each column's header with the figure and the row's unit ("Khách quốc
    tế đến tỉnh: 6 tháng đầu năm 2026: 168.400 lượt; …; tăng/giảm so với cùng kỳ (%): +21,0")."""
    lines = text.split("\n")
    out: list[str] = []
    header: list[str] | None = None
    header_line = ""
    for line in lines:
        if header is not None and _RULE_ROW.match(line.strip()):
            continue
        row = cells(line) if line.count("|") >= MIN_FIGURE_COLUMNS else None  # leading pipes or not
        if row is None:
            header = None
            out.append(line)
            continue
        if header is not None and len(row) == len(header) and (said := _figure_row(header, row)):
            if out and out[-1] is header_line:
                out.pop()  # the header says nothing by itself once its rows say it
            out.append(said)
            continue
        # a task table's header ("Tên hoạt động | Đơn vị thực hiện | Kinh phí") is the task reader's, below
        header = row if sum(1 for c in row if c and not _FIGURE.match(c)) == len([c for c in row if c]) \
            and not is_task_header(row) else None
        header_line = line
        out.append(line)
    return "\n".join(out)


def _figure_row(header: list[str], row: list[str]) -> str | None:
    figures = [i for i, c in enumerate(row) if c and _FIGURE.match(c) and not (i == 0 and column_role(header[0]) == "number")]
    if len(figures) < MIN_FIGURE_COLUMNS:
        return None
    units = [row[i] for i, h in enumerate(header) if _UNIT_HEADER.match(h.strip()) and row[i]]
    unit = units[0].lower() if units else ""
    label = " ".join(c for i, c in enumerate(row[:figures[0]]) if c and not _UNIT_HEADER.match(header[i].strip())
                     and column_role(header[i]) != "number")
    if not label:
        return None
    pairs = [f"{header[i].lower()}: {row[i]}{' ' + unit if unit and '%' not in header[i] and row[i] not in '-–' else ''}"
             for i in figures]
    return f"{label.rstrip(' :')}: {'; '.join(pairs)}."


def keyed_records(text: str) -> str:
    """Records written as blocks of "Key: value" lines: a task table's as pipe rows (read below as task records),
    any other's as one line per record ("Kỳ báo cáo: Quý I/2028; …; Hạn gửi Sở Ngoại vụ: trước ngày 18/3/2028"),
    so that what a record says stands in one sentence."""
    lines = text.split("\n")
    groups = record_groups(lines)
    for g in reversed(groups):
        headers = (["TT"] if g.title else []) + list(g.keys)
        if is_task_header(headers):
            rows = ["| " + " | ".join(headers) + " |"]
            rows += ["| " + " | ".join(([n or ""] if g.title else []) + values) + " |" for n, values in g.rows]
        else:
            rows = ["; ".join(f"{k}: {v.rstrip(' ;.')}" for k, v in zip(g.keys, values, strict=True)) + "."
                    for _n, values in g.rows]
        lines[g.start:g.end] = rows
    return "\n".join(lines)


def linearize_tables(text: str) -> str:
    """`text` with every task table rewritten as one sentence per row (group rows as headings), and tables of
    figures by year as one keyed sentence per row."""
    text = figure_tables(year_tables(tabs_as_pipes(keyed_records(text) if ":" in text else text)))
    if "|" not in text:
        return text
    lines = _lines(text)
    out: list[str] = []
    cursor = 0
    i = 0
    while i < len(lines):
        a, b = lines[i]
        line = text[a:b]
        if "|" in line and is_task_header(cells(line)):
            found = _read_table(text, lines, i)
            if found is not None:
                table, after = found
                out.append(text[cursor:table.start])
                rendered = []
                for row in table.rows:
                    if isinstance(row, str):
                        rendered.append(row)
                    elif row[0] == "group":
                        rendered.append(f"{row[1][0]}. {row[1][1]}")
                    elif row[0] == "total":
                        rendered.append(_total_sentence(table, row[1]))
                    else:
                        rendered.append(_sentence(table, row[1]))
                out.append("\n".join(rendered))
                cursor = table.end
                i = after
                continue
        i += 1
    out.append(text[cursor:])
    return "".join(out)
