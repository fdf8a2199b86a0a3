"""Tables of figures by year, read as one sentence per row so that a figure is quoted with its year, its row and its
unit: years as columns ("| Chỉ tiêu | Năm 2027 | Năm 2028 | …", "TT  Chỉ tiêu  Đơn vị tính  2022  2023 …"), or the year
in the first column, merged over the rows of its year ("| Năm | Nguồn kinh phí | Số tiền (triệu đồng) | Ghi chú |").
Pure text in, text out."""
from __future__ import annotations

import re
from collections.abc import Callable

from ingest.table_layouts import TOTAL_HEADER, YEAR_HEADER


def cells(line: str) -> list[str]:
    """The cells of a row, without the empty ones a leading or trailing pipe makes."""
    inner = line.strip()
    if inner.startswith("|"):
        inner = inner[1:]
    if inner.endswith("|"):
        inner = inner[:-1]
    return [" ".join(c.split()) for c in inner.split("|")]


PLAIN_RULE = re.compile(r"[ \t]*[-–=][-–=+|: \t]*")  # "----+-------+----": a rule drawn between rows


def rewrite_runs(text: str, inside: Callable[[str], bool], rewrite: Callable[[list[str]], list[str]]) -> str:
    """`text` with each run of consecutive lines that `inside` accepts replaced by what `rewrite` makes of it (the run
    as it was when it is no table of the caller's kind); the lines between runs as they are."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and inside(lines[j]):
            j += 1
        if j == i:
            out.append(lines[i])
            i += 1
            continue
        out.extend(rewrite(lines[i:j]))
        i = j
    return "\n".join(out)


def wrapped_row(lines: list[str], leading: bool, width: int) -> list[str] | None:
    """A row written over several lines, each a full row of cells, the next ones with no first cell: its cells wrapped
    under their own columns, joined column by column; None when it is no such row. In a table whose rows open with
    no pipe (`leading` false) each pipe parts two cells: "    | tiếng Nhật |  |  |" has its first and last empty."""
    parts = [cells(line) if leading else [" ".join(c.split()) for c in line.split("|")] for line in lines]
    if len(parts) < 2 or len(parts[0]) < width or any(len(p) != len(parts[0]) or p[0] for p in parts[1:]):
        return None
    return [" ".join(p[c] for p in parts if p[c]) for c in range(len(parts[0]))]


UNIT_HEADER = re.compile(r"^(?:đvt|đơn vị(?: tính)?)$", re.IGNORECASE)
# what a bare "Đơn vị" column holds when it holds units ("lượt người", "Tỷ đồng", "%"); else the bodies a row is of
# ("Đơn vị | Năm | Số đoàn" over "Sở Ngoại vụ | 2022 | 3") or its total ("Cộng")
_UNIT_WORD = re.compile(r"^(?:%|USD|VNĐ|EUR|(?:nghìn |ngàn |triệu |tỷ |tỉ )?đồng|lượt(?: \w+)?|người|đoàn|suất|lớp|học viên|cái|chiếc"
                        r"|bộ|ha|km|m2|tấn|kg)$", re.IGNORECASE)


def unit_cell(header: str, cell: str) -> bool:
    """The cell is a row's unit ("ĐVT", "Đơn vị tính"; "Đơn vị" over "lượt người"), not the body a row is of."""
    return bool(UNIT_HEADER.match(header.strip())) and (
        header.strip().lower() != "đơn vị" or bool(_UNIT_WORD.match(cell.strip())) or cell[:1].islower())

MIN_YEAR_COLUMNS = 2


_UNIT = re.compile(r"^(?:(?:nghìn|ngàn|triệu|tỷ|tỉ)\s+)?(?:lượt(?: người| khách)?|người|đồng|USD|%|đoàn|chương trình|sự kiện"
                   r"|cuốn|lớp|di tích|hội viên|học viên)$", re.IGNORECASE)


_CAPTION_UNIT = re.compile(r"^\s*\(?\s*Đơn vị(?: tính)?\s*:\s*([^()]+?)\s*\)?\s*$", re.IGNORECASE)


def row_unit(label: str) -> str | None:
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
    unit_column: int | None = None
    parent = ""  # the label of the last numbered row, for the rows numbered under it
    caption: str | None = None  # "Đơn vị tính: triệu đồng" over the table: every figure's unit
    for line in lines:
        row = cells(line) if line.strip().startswith("|") else None
        if row is None:
            years = None
            m = _CAPTION_UNIT.search(line)
            if m:
                caption = m.group(1).strip() if _UNIT.match(m.group(1).strip()) else None
            elif line.strip() and not _SUB_HEADING.match(line.strip()):
                caption = None  # "Đơn vị tính: triệu đồng" holds over the sub-headings under it ("II.1. Theo nguồn …")
            out.append(line)
            continue
        header = _year_header(row)
        if header is not None:
            # "| TT | Chỉ số | 2022 | … | 2026 | Cộng |": a total column is read as what it is
            years, lead = header
            # "| TT | Chỉ tiêu | Đơn vị tính | 2022 | …": the unit column says each row's unit
            unit_column = next((k for k, c in enumerate(row[:lead]) if UNIT_HEADER.match(c.strip())), None)
            continue  # the header says nothing by itself
        if years and all(re.fullmatch(r":?-{2,}:?", c) for c in row):
            continue  # a Markdown table's rule under its header
        if years and re.fullmatch(r"(?:\(\d+\)\s*)+", " ".join(row)):
            continue  # "| (1) | (2) | (3) | …": the columns' numbers
        label = " ".join(c for k, c in enumerate(row[:lead]) if c and not _ROW_NUMBER.fullmatch(c)
                         and k != unit_column) if years else ""
        if years and label and row[0] and _ROW_NUMBER.fullmatch(row[0]) and "." not in row[0].rstrip("."):
            parent = label  # "1 | Tuần hàng …": the rows "1.1 | - Tại châu Á" under it are parts of it
        elif years and label and parent and ("." in row[0].rstrip(".") or label.startswith(("-", "–", "+"))):
            label = f"{parent} - {label.lstrip('-–+ ')}"
        if years and len(row) == len(years) + lead and label:
            unit = (row[unit_column] if unit_column is not None and row[unit_column] else None) \
                or row_unit(label) or caption
            # (a column of shares, "So sánh 2026/2025 (%)", is in %, whatever the row counts)
            pairs = [f"{y}: {v}{' ' + unit if unit and not v.endswith(unit) and '%' not in y else ''}"
                     for y, v in zip(years, row[lead:], strict=True) if v and v not in "-–"]
            out.append(f"{label.rstrip(' :')}: {'; '.join(pairs)}.")
            continue
        years = None
        out.append(line)
    return "\n".join(out)


def _year_header(row: list[str]) -> tuple[list[str], int] | None:
    """(the year columns' names, how many columns come before them) when `row` heads a table by year."""
    for lead in (1, 2, 3):
        rest = row[lead:]
        heads = [YEAR_HEADER.fullmatch(_YEAR_NOTE.sub("", c.strip())) for c in rest]
        totals = [bool(TOTAL_HEADER.fullmatch(c.strip())) for c in rest]
        last_year = max((k for k, h in enumerate(heads) if h), default=-1)
        # after the years, a column of another figure ("Mục tiêu KH 96 đến 2025", "Kế hoạch giai đoạn") is read by
        # its header
        after = all(c.strip() and not _FIGURE.match(c.strip()) for c in rest[last_year + 1:])
        if len(rest) >= MIN_YEAR_COLUMNS and sum(map(bool, heads)) >= MIN_YEAR_COLUMNS and all(
                h or t for h, t in zip(heads[:last_year + 1], totals, strict=False)) and after \
                and not YEAR_HEADER.fullmatch(row[lead - 1].strip()):
            return [f"năm {h.group(1)}{_note(c)}" if h else _column(c) for h, c in zip(heads, rest, strict=True)], lead
    return None


# "2025(*)", "2025 (ước)": a year column with a note on its figures, kept beside the year it qualifies
_YEAR_NOTE = re.compile(r"\s*(?:\((?:\*+|ước[^()]*|dự kiến|kế hoạch|KH|ƯTH|ước TH)\)|\*+)$", re.IGNORECASE)
_SUB_HEADING = re.compile(r"^(?:[IVX]+|\d+)(?:\.\d+)*\.\s+\S.{0,100}$")  # "II.1. Theo nguồn kinh phí và theo năm"
_ROW_NUMBER = re.compile(r"[\dIVXivx]+(?:\.\d+)*\.?")  # "1", "1.1", "II": a row's number, no part of its label


def _column(header: str) -> str:
    """A column's header as said within a row: "Cộng" → "cộng", "Mục tiêu KH 96 đến 2025" → "mục tiêu KH 96 đến 2025"."""
    header = header.strip()
    if header.isupper():
        return header.lower()
    return " ".join(w if len(w) > 1 and w.isupper() else w.lower() for w in header.split())


def _note(cell: str) -> str:
    note = _YEAR_NOTE.search(cell.strip())
    return f" {note.group(0).strip()}" if note else ""




_YEAR_HEADER = re.compile(r"^(?:năm|năm thực hiện|năm ngân sách)$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:19|20)\d\d(?:\s*\([^()]{1,30}\))?$")  # "2026 (từ tháng 9)": the year with its note
_FIGURE = re.compile(r"^[+\-–]?\s*\d[\d.,]*\s*%?$")
_TOTAL = re.compile(r"^(?:Tổng cộng|Cộng|Tổng số|Tổng)\b", re.IGNORECASE)
_HEADER_UNIT = re.compile(r"^(.*?)\s*\(((?:nghìn|ngàn|triệu|tỷ|tỉ)?\s*(?:đồng|USD|lượt|người)|%)\)\s*$", re.IGNORECASE)
MIN_ROWS = 2


def _cells(line: str) -> list[str] | None:
    inner = line.strip()
    if not inner.startswith("|") or inner.count("|") < 3:
        return None
    return [c.strip() for c in inner.strip("|").split("|")]


def _said(header: str, cell: str, caption: str = "") -> str:
    """A cell under its header: a figure with the header's unit after it ("số tiền: 1.150 triệu đồng"), else the
    caption's ("(Đơn vị tính: triệu đồng)" over the table), unless the header counts in its own way ("Tỷ lệ (%)")."""
    label = header.strip(" :")
    unit = _HEADER_UNIT.match(label)
    if unit and _FIGURE.match(cell):
        label, cell = unit.group(1), f"{cell} {unit.group(2).strip()}"
    elif caption and _FIGURE.match(cell) and "(" not in label and "%" not in cell:
        cell = f"{cell} {caption}"
    return f"{label[:1].lower() + label[1:] if label[1:2].islower() else label}: {cell}"


def _row_sentence(header: list[str], row: list[str], year: str, caption: str = "") -> str:
    label = [c for h, c in zip(header[1:], row[1:], strict=True) if c and not _FIGURE.match(c)][:1]
    said = [_said(h, c, caption) for h, c in zip(header[1:], row[1:], strict=True) if c and c not in label]
    if row[0] and _TOTAL.match(row[0]):  # "| Tổng cộng | | 2.960 |"
        return f"{row[0]}: {'; '.join(said)}."
    lead = label[0] if label else ""
    if lead and _TOTAL.match(lead) and year in lead:  # "Cộng năm 2024": the label says its year
        return f"{lead}: {'; '.join(said)}."
    return f"Năm {year}: {lead + ': ' if lead else ''}{'; '.join(said)}."


def year_rows(text: str) -> str:
    """`text` with each table keyed by year in its first column rewritten as one sentence per row."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        header = _cells(lines[i])
        if not header or not _YEAR_HEADER.match(header[0]):
            out.append(lines[i])
            i += 1
            continue
        rows, j, year = [], i + 1, ""
        while j < len(lines) and (row := _cells(lines[j])) is not None and len(row) == len(header):
            if _YEAR.match(row[0]):
                year = row[0]
            elif row[0] and not _TOTAL.match(row[0]) or not year and not row[0]:
                break  # not a row of this table: a year, a total, or a year's next row under a merged cell
            rows.append((row, year))
            j += 1
        if len(rows) < MIN_ROWS or not any(_FIGURE.match(c) for row, _ in rows for c in row[1:]):
            out.append(lines[i])
            i += 1
            continue
        # each row a list item: the sentence announcing the table ("…, chi tiết như sau:") leads them
        above = next((m.group(1) for ln in reversed(out[-2:]) if (m := _CAPTION_UNIT.search(ln))), "")
        out += [f"- {_row_sentence(header, row, y, above)}" for row, y in rows]
        i = j
    return "\n".join(out)



