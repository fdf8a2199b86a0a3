"""Tables of figures and tables of words other than task tables, each row rewritten as what it says: its label, then
each column's header with the figure and its unit ("Khách quốc tế đến tỉnh: 6 tháng đầu năm 2026: 168.400 lượt; …").
Pure text in, text out."""
from __future__ import annotations

import re

from ingest.table_columns import column_role, is_task_header, labelled, people_counted, written_out
from ingest.year_tables import cells, row_unit, unit_cell

FIGURE = re.compile(r"^[+\-–]?\s*\d[\d.,]*\s*%?$|^[-–]$"
                    # …or a rate, its unit after a slash: "900.000/suất", "tối đa 1.800.000/ngày", "80.000/người/buổi"
                    r"|^(?:(?i:tối đa|tối thiểu|không quá)\s+)?\d[\d.,]*(?:/[a-zà-ỹđ]+){1,2}$")
_RATE = re.compile(r"^((?:\w+ \w+\s+)?\d[\d.,]*)(/.+)$")  # the figure of a rate, then its "/unit"
_ENDS_FIGURE = re.compile(r"(?<![\w/])\d{1,3}(?:\.\d{3})+$|(?<![\w/.,])\d+$")  # "Đề nghị 1.000.000", "900.000"
_RULE_ROW = re.compile(r"^\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$")  # a Markdown table's "|:--|--:|"
MIN_FIGURE_COLUMNS = 2
_MONEY_UNIT = r"((?:nghìn|ngàn|triệu|tỷ|tỉ)?\s*(?:đồng|VNĐ|USD)(?:\s*/\s*[a-zà-ỹđ]+){0,2})"
# the line over a table giving its figures' unit: "Giá trị giải thưởng (đồng/giải) như sau:", "Đơn vị tính: triệu đồng"
# ("Bảng 2 (đơn vị: USD/người/ngày):": a label says it is the unit, whatever figure stands before it)
_CAPTION_UNIT = re.compile(rf"(?:(?<![\d.,]\s)\(|\((?=(?:ĐVT|Đơn vị)))(?:(?:ĐVT|Đơn vị(?: tính)?)\s*:\s*)?{_MONEY_UNIT}\s*\)"
                           rf"|(?:ĐVT|Đơn vị(?: tính)?(?: kinh phí| tiền)?)\s*:\s*{_MONEY_UNIT}\s*\.?\s*$", re.IGNORECASE)


def _caption_unit(out: list[str]) -> str:
    """The money unit the last line written over a table gives its figures, or ""."""
    above = next((ln for ln in reversed(out) if ln.strip()), "")
    unit = _CAPTION_UNIT.search(above)
    return re.sub(r"\s*/\s*", "/", (unit.group(1) or unit.group(2)).strip()) if unit else ""


def figure_tables(text: str) -> str:
    """Any other table of figures ("| TT | Chỉ tiêu | ĐVT | 6 tháng đầu năm 2026 | 6 tháng đầu năm 2027 |"): each row as
    what it says, its label then each column's header with the figure and the row's unit ("Khách quốc tế đến tỉnh:
    6 tháng đầu năm 2026: 168.400 lượt; …"); a table of words row by row too."""
    lines = text.split("\n")
    out: list[str] = []
    header: list[str] | None = None
    header_line = ""
    caption = ""  # the unit the line over the current table gives its figures
    said = 0  # rows of the current header said so far: once it is a table of figures, one figure is a row too
    words = False  # …and once its first row was read as words, its rows are
    for line in lines:
        if _RULE_ROW.match(line.strip()):
            if header is None:  # (a task table's rule stays for its reader; a rule heads no table of its own)
                out.append(line)
            continue
        row = cells(line) if line.count("|") >= MIN_FIGURE_COLUMNS else None  # leading pipes or not
        if row is None:
            header = None
            out.append(line)
            continue
        if header is not None and len(row) == len(header) - 1 and line.lstrip().startswith("|") \
                and not header_line.lstrip().startswith("|"):
            row = [""] + row  # under a header without edge pipes, a row's leading pipe is its empty first cell
        # ("B | CHI PHÍ TRONG NƯỚC | | | 929.000.000", "| TỔNG CỘNG (A + B + C) | | | 4.400.000.000" under USD and VNĐ)
        # (a table whose rows were read as words stays one: "… | 06–09/3/2027 | 06 | …" is no row of one figure)
        # (a row with words after its figures, "| 1 | Đoàn … | Chủ tịch | 08 | Nhật Bản | Tháng 6/2028 | 1.250 | … |",
        # is a record of words: every cell is said under its header, none dropped after the figures)
        words = words or header is not None and len(row) == len(header) and _mixed(header, row) \
            and _text_row(header, row) is not None
        if header is not None and len(row) == len(header) and (sentence := (
                _text_row(header, row, caption) or _figure_row(header, row, 1, caption)) if words else (
                _figure_row(header, row, 1 if said else MIN_FIGURE_COLUMNS, caption) or _text_row(header, row, caption))):
            words = words or said == 0 and _figure_row(header, row, MIN_FIGURE_COLUMNS) is None
            if out and out[-1] is header_line:
                out.pop()  # the header says nothing by itself once its rows say it
            out.append(sentence)
            said += 1
            continue
        if header is not None and column_role(header[0]) == "number" and len(row) == len(header) \
                and _GROUP_NUMBER.fullmatch(row[0]) and row[1] and not any(row[2:]):
            out.append(f"{row[0]}. {row[1]}")  # "| II | CÁ NHÂN (15 cá nhân) | | |": a heading over the rows below
            continue
        # a task table's header ("Tên hoạt động | Đơn vị thực hiện | Kinh phí") is the task reader's, below
        header = row if sum(1 for c in row if c and not FIGURE.match(c)) == len([c for c in row if c]) \
            and not is_task_header(row) else None
        header_line = line
        caption = _caption_unit(out) if header else ""
        said, words = 0, False
        out.append(line)
    return "\n".join(out)


_YEAR_CELL = re.compile(r"(?:19|20)\d\d")
_GROUP_NUMBER = re.compile(r"[IVX]{1,5}|[A-Z]")  # a group row's number ("I", "II", "A")


def _as_key(header: str) -> str:
    """A column's header as the key of a figure ("Năm 2024" → "năm 2024"); a name keeps its capitals ("Vũ Đình Thạc")."""
    header = written_out(header)  # "SV đi" → "sinh viên đi"
    capitals = sum(1 for w in header.split() if w[:1].isupper())
    return header[:1].lower() + header[1:] if capitals <= 1 and not header[1:2].isupper() else header


def _figure_row(header: list[str], row: list[str], least: int = MIN_FIGURE_COLUMNS, caption: str = "") -> str | None:
    # ("| Hợp phần | Nội dung | Vốn viện trợ |" over "| 3 | Xây dựng Nhà giao lưu | 156.000 |": the first column numbers
    # the items it names, "Hợp phần 3", and its figure is no figure of the row)
    item = bool(row) and _ITEM_NUMBER.fullmatch(row[0]) is not None and len(row) > 2 and bool(row[1]) \
        and not FIGURE.match(row[1]) and _ITEM_HEADER.fullmatch(header[0].strip()) is not None
    # (a year under "Năm" keys the row with its label, "Sở Ngoại vụ năm 2022: số đoàn: 3; …", and is no figure)
    years = {i for i, c in enumerate(row) if _YEAR_CELL.fullmatch(c) and header[i].strip().lower() == "năm"}
    figures = [i for i, c in enumerate(row) if c and FIGURE.match(c) and i not in years
               and not (i == 0 and (column_role(header[0]) == "number" or item))]
    if len(figures) < (1 if item else least):  # (numbered items with a name are a table with one figure each)
        return None
    units = [row[i] for i, h in enumerate(header) if unit_cell(h, row[i]) and row[i]]
    label = " ".join(c for i, c in enumerate(row[:figures[0]]) if c and not unit_cell(header[i], c) and i not in years
                     and column_role(header[i]) != "number" and not (i == 0 and item))
    label = f"{header[0].strip()} {row[0]}: {label}" if item and label else label
    if not label:
        return None
    label = " ".join([label] + [f"năm {row[i]}" for i in sorted(years)])
    unit = units[0].lower() if units else (row_unit(label) or "")  # "Học sinh … (lượt)": its figures are of lượt
    # (the caption's unit, for a figure whose row and column name none: "Ảnh báo chí | 10.000.000 | …" under "(đồng/giải)")
    # (a table with a money column takes the caption's unit there only: "Số thành viên" counts people)
    money = {i for i, h in enumerate(header) if _MONEY_HEADER.search(h)}
    # (…and a row's own unit, "người", counts its quantity, not its sums: "Đơn giá", "Thành tiền" are in the caption's)
    pairs = [_pair(header[i], row[i], "" if i in money and caption else unit,
                   caption if (not money or i in money) and not _COUNT_HEADER.match(header[i]) else "") for i in figures]
    return f"{label.rstrip(' :')}: {'; '.join(pairs)}."


def _pair(header: str, cell: str, unit: str, caption: str) -> str:
    """One figure under its column: the row's unit after it, else the column's own ("Thành tiền (đồng)" | "392.900.000"
    → "thành tiền: 392.900.000 đồng"), else the caption's."""
    # (people a header names count the figure only where no caption gives its unit: "Thuê chỗ ở (thành viên)" under
    # "(đơn vị: USD/người/ngày)" is a sum for each member)
    if not unit and labelled(header, cell)[1] != cell and (not caption or _BRACKET_UNIT.search(header)):
        return "{}: {}".format(*labelled(header, cell))
    # (a header's brackets giving its own unit keep the caption's off; "Thuê chỗ ở tối đa (thành viên)" says for whom)
    said = unit or ("" if _BRACKET_UNIT.search(header) else caption) or (people_counted(header) or "" if re.fullmatch(r"\d[\d.,]*", cell) else "")
    if said and "/" not in said and (rate := _RATE.match(cell)):
        return f"{_as_key(header)}: {rate.group(1)} {said}{rate.group(2)}"  # "900.000/suất" in đồng: "900.000 đồng/suất"
    return f"{_as_key(header)}: {cell}{' ' + said if said and '%' not in header and cell not in '-–' else ''}"


_BRACKET_UNIT = re.compile(r"\([^)]*\b(?:đồng|VNĐ|USD|EUR|lượt|người|ha|km|tấn|kg|suất|ngày)\b[^)]*\)|\(\s*%\s*\)",
                           re.IGNORECASE)
_ITEM_NUMBER = re.compile(r"\d{1,2}")
# a first column naming the kind of item its numbers count ("Hợp phần", "Gói thầu số", "Tập", "Đợt", "Lớp")
_ITEM_HEADER = re.compile(r"(?i:hợp phần|gói thầu(?: số)?|tập|đợt|lớp|khóa|chuyên đề|dự án|tiểu dự án|hạng mục|nhóm|mục|giai đoạn)")
MIN_TEXT_COLUMNS = 3  # a table of words (a Phụ lục's list of partners) needs this many columns to be read by row


def _mixed(header: list[str], row: list[str]) -> bool:
    """A cell of words stands after the row's first figure (its label's columns aside)."""
    figures = [i for i, c in enumerate(row) if c and FIGURE.match(c) and not (i == 0 and column_role(header[0]) == "number")]
    return bool(figures) and any(c and not FIGURE.match(c) for c in row[figures[0] + 1:])


_MONEY_HEADER = re.compile(r"kinh phí|số tiền|dự toán|thành tiền|đơn giá|giá trị|giải ngân|vốn", re.IGNORECASE)
# a column counting things ("Số dự án", "Số tổ chức", "Số lượng"): its figures are counts, never in the caption's unit
_COUNT_HEADER = re.compile(r"^\s*Số(?: lượng)?(?:\s+(?!tiền\b|hiệu\b|điện\b)\w|\s*$)", re.IGNORECASE)


_QUANTITY_HEADER = re.compile(r"\((?:[^)]*\b(?:đồng|VNĐ|USD|EUR|người|lượt|suất|kg|tấn|ha|km)\b[^)]*|\s*%\s*)\)|^\s*(?:Số lượng|Số người"
                              r"|Mức|Kinh phí|Số tiền|Đơn giá|Thành tiền|Giá)\b", re.IGNORECASE)
_OPENS_FIGURE = re.compile(r"\d[\d.,]*(?:\s|/|%|$)")  # "250.000", "150.000 đồng/người/buổi"


def _text_row(header: list[str], row: list[str], caption: str = "") -> str | None:
    """A row of a table of words ("| 5 | Vùng Wielkopolska | Ba Lan | Biên bản ghi nhớ |" under "| STT | Địa phương |
    Quốc gia | Văn bản |"): its label, then each cell under its header ("Vùng Wielkopolska: quốc gia: Ba Lan; …")."""
    # (numbered by its first column: a document's header cells set side by side are no such table; …or by the kind of
    # item its numbers count, "Đợt" | "1": the row is "Đợt 1", each other cell said under its header)
    item = bool(_ITEM_HEADER.fullmatch(header[0].strip()) and _ITEM_NUMBER.fullmatch(row[0].strip())
                and len(row) > 1 and FIGURE.match(row[1].strip()))  # (no words naming it: "| 1 | 30% | 126.000 | …")
    # (…or keyed by a name in its first column, with a figure and words beside it: "| Tình nguyện viên | 250.000 | Hỗ
    # trợ thêm 01 suất ăn trưa |" under "| Vị trí | Mức bồi dưỡng (đồng/người/ngày) | Ghi chú |")
    # (a header of names, none a field's label "Người ký:"; its figure under a column of amounts or counts, not of times)
    keyed = column_role(header[0]) is None and bool(row[0].strip()) and not re.search(r"\d", row[0]) \
        and all(h.strip() and not h.strip().endswith(":") for h in header) \
        and any(_OPENS_FIGURE.match(c.strip()) and _QUANTITY_HEADER.search(h) for h, c in zip(header[1:], row[1:], strict=False)) \
        and any(c.strip() and not _OPENS_FIGURE.match(c.strip()) for c in row[1:])
    if len(header) < MIN_TEXT_COLUMNS or column_role(header[0]) != "number" and not item and not keyed:
        return None
    cols = [i for i, c in enumerate(row) if c and (i > 0 or item or keyed)]
    if len(cols) < 2 or FIGURE.match(row[cols[0]]) and not item:
        return None
    pairs = ["{}: {}".format(*labelled(header[i], row[i])) for i in cols[1:]]
    if caption:  # "Đơn vị tính kinh phí: triệu đồng" over the table: its money column's figures in that unit
        # (…every figure's, when no column is of money: "(đơn vị tính: đồng)" over "Dự thảo | Ý kiến: Đề nghị 1.000.000")
        money = any(_MONEY_HEADER.search(header[i]) for i in cols[1:])
        pairs = [f"{p} {caption}" if (_MONEY_HEADER.search(header[i]) and FIGURE.match(row[i]) or not money
                                      and _ENDS_FIGURE.search(row[i])) and labelled(header[i], "1")[1] == "1"
                 and not _COUNT_HEADER.match(header[i]) else p for i, p in zip(cols[1:], pairs, strict=True)]
    label = f"{header[0].strip()} {row[0].strip()}" if item else row[cols[0]].rstrip(' :')
    # (a rank keyed by its column's name: "Giải" | "Đặc biệt" is "Giải Đặc biệt", the words a question asks it by)
    if _RANK_HEADER.fullmatch(header[cols[0]].strip()) and not label.lower().startswith(header[cols[0]].strip().lower()):
        label = f"{header[cols[0]].strip()} {label}"
    return f"{label}: {'; '.join(pairs).rstrip('. ')}."


_RANK_HEADER = re.compile(r"(?i:giải|hạng|loại giải|xếp hạng|mức thưởng|hình thức khen thưởng)")
