"""Tables written in plain text with no cell marks, as pipe rows: one cell per line ("TT" / "Chỉ tiêu" / … then each
row's cells), or columns set apart with spaces whose cells wrap over several lines (a PDF's text laid out, a table
typed in a fixed-width font) — both under a header whose first cell is "TT"/"STT"."""
from __future__ import annotations

import re

TOTAL_CELL = re.compile(r"^(?:Tổng cộng|Cộng|Tổng số|Tổng)(?:\s*\([^()]*\))?$", re.IGNORECASE)  # "TỔNG CỘNG (I + II)"
# A table copied out of a PDF one cell per line: "TT" / "Chỉ tiêu" / "Đơn vị tính" / "Năm 2022" … then each row's
# cells, its number first ("1" / "Khách quốc tế đến huyện" / "lượt" / "12.400" …)
STACK_START = re.compile(r"^[ \t]*(?:S[ốo] ?TT|STT|TT)[ \t]*$", re.MULTILINE | re.IGNORECASE)
MIN_STACK_COLUMNS, MAX_STACK_COLUMNS = 3, 12
STACK_CELL_WORDS = 16  # a cell, not a paragraph


def _stack_cell(line: str) -> bool:
    body = line.strip()
    return bool(body) and "|" not in body and len(body.split()) <= STACK_CELL_WORDS and not body.endswith((".", ";", ":"))


def stacked_cells(text: str) -> str:
    """Each table written one cell per line, under a header whose first cell is "TT"/"STT", as pipe rows: the header
    is the lines up to the first row's number "1"; a row is as many lines, opened by the next number."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not STACK_START.match(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        width = next((k for k in range(1, MAX_STACK_COLUMNS + 1) if i + k < len(lines) and lines[i + k].strip() == "1"), 0)
        rows: list[list[str]] = []
        j = i + width
        while width >= MIN_STACK_COLUMNS and j + width <= len(lines) and lines[j].strip() == str(len(rows) + 1) \
                and all(_stack_cell(line) for line in lines[j:j + width]):
            rows.append([line.strip() for line in lines[j:j + width]])
            j += width
        header = [line.strip() for line in lines[i:i + width]]
        if len(rows) < 2 or not all(_stack_cell(line) for line in header):
            # (the reading that takes in more of the lines: a row's empty last cell, written as an empty line, ends
            # a loose reading that a reading of blank cells goes on past)
            read = [r for r in (_loose_stack(lines, i), _blank_celled_stack(lines, i)) if r is not None]
            loose = max(read, key=lambda r: r[1]) if read else None
            if loose is not None:
                table, i = loose
                if out and _TAG_LINE.match(out[-1]):
                    out.pop()  # the page's "<table>" over it
                out += table
                continue
            out.append(lines[i])
            i += 1
            continue
        # a closing total row has no number: "Tổng cộng" and its figures, one short of a full row
        if j + width - 1 <= len(lines) and TOTAL_CELL.match(lines[j].strip()) \
                and all(_stack_cell(line) for line in lines[j:j + width - 1]):
            rows.append([""] + [line.strip() for line in lines[j:j + width - 1]])
            j += width - 1
        out += [" | ".join(header)] + [" | ".join(row) for row in rows]
        i = j
    return "\n".join(out)



# a web table's copy with its cells one per line: group rows ("I" / "TUYÊN TRUYỀN" / "&nbsp;" …), a cell that goes on
# over two lines ("Sở Ngoại vụ" / "(Phòng Thông tin đối ngoại)", "Sở Văn hóa …;" / "Trung tâm …"), an empty cell
# written "&nbsp;", the page's own "<table>" tags around it
_EMPTY_CELL = frozenset({"&nbsp;", "\xa0", "-", "–"})
_TAG_LINE = re.compile(r"^\s*</?(?:table|tbody|thead|tr|td|th)\b[^>]*>\s*$", re.IGNORECASE)
_GROUP = re.compile(r"^(?:[IVX]{1,4}|[A-Z])\.?$")


def _goes_on(line: str) -> bool:
    """A line opening in lower case or with a bracket goes on the cell above."""
    return line[:1] == "(" or line[:1].islower()


def _row_start(line: str, number: int) -> bool:
    body = line.strip()
    return body in (str(number), f"{number}.") or bool(_GROUP.match(body))


def _stack_header(lines: list[str], i: int, blank_ends: bool) -> tuple[list[str], int] | None:
    """The header cells from line `i` up to the first row ("1", a group's "I") or, `blank_ends`, an empty line; the
    index after them. None when they are too few or too many, or one is no cell."""
    header: list[str] = []
    j = i
    while j < len(lines) and (lines[j].strip() or not blank_ends) and not _row_start(lines[j], 1) \
            and len(header) <= MAX_STACK_COLUMNS:
        header.append(lines[j].strip())
        j += 1
    if not MIN_STACK_COLUMNS <= len(header) <= MAX_STACK_COLUMNS or not all(_stack_cell(h) for h in header):
        return None
    return header, j


def _loose_stack(lines: list[str], i: int) -> tuple[list[str], int] | None:
    """The one-cell-per-line table opening at line `i` ("TT"), read row by row where rows open ("1", "2", … or a
    group's "I", "II"), its wrapped cells joined back; None when it is no such table (fewer than two numbered rows, a
    row that cannot be made the header's width)."""
    read = _stack_header(lines, i, blank_ends=False)
    if read is None:
        return None
    header, j = read
    width = len(header)
    rows: list[list[str]] = []
    number = 1
    while j < len(lines) and (_row_start(lines[j], number) or _total_start(lines, j)):
        numbered = lines[j].strip().rstrip(".").isdigit()
        following = number + 1 if numbered else number  # a group row takes no number of its own
        k = j + (2 if lines[j].strip() in _EMPTY_CELL else 1)  # "&nbsp;" / "TỔNG CỘNG": one total row
        while k < len(lines) and lines[k].strip() and not _row_start(lines[k], following) \
                and not _GROUP.match(lines[k].strip()) and not _total_start(lines, k) \
                and not _TAG_LINE.match(lines[k]) and k - j <= 2 * width:
            k += 1
        cells = _joined([lines[j].strip()] + [c.strip() for c in lines[j + 1:k]], width)
        if cells is None:
            break
        row = ["" if c in _EMPTY_CELL else c.replace("&amp;", "&") for c in cells]
        if not row[0] and TOTAL_CELL.match(row[1]):  # the total's label in the first column, as the readers expect
            row = [row[1], ""] + row[2:]
        rows.append(row)
        number = following
        j = k
    if number <= 2:  # fewer than two numbered rows
        return None
    while j < len(lines) and _TAG_LINE.match(lines[j]):
        j += 1
    return [" | ".join(header)] + [" | ".join(row) for row in rows], j


BLANK_CELLED_WORDS = 64  # a cell of a table whose rows are known by their width may be a long one (an award's merits)


def _blank_celled_stack(lines: list[str], i: int) -> tuple[list[str], int] | None:
    """A one-cell-per-line table whose empty cells are empty lines, its header set apart by one: a group row ("I" /
    "Sở Ngoại vụ" / "" / "1.540" / "") numbers its items from 1 again, a total row ("TỔNG CỘNG" / "" / "6.840") spans
    the number's column too. Each row is the header's width of lines; None when it is no such table."""
    read = _stack_header(lines, i, blank_ends=True)
    if read is None:
        return None
    header, j = read
    width = len(header)
    rows: list[list[str]] = []
    numbered, number = 0, 1
    while True:
        k = j
        while k < len(lines) and not lines[k].strip() and k - j <= width:
            k += 1  # the last row's trailing empty cells
        if k >= len(lines):
            break
        first = lines[k].strip()
        total = bool(TOTAL_CELL.match(first))
        if not (total or _GROUP.match(first) or first in (str(number), f"{number}.", "1", "1.")):
            break
        cells = [first]
        k += 1
        # (the next row's number closes a row short of its empty last cells: "4" / "Lắp đặt …" / "Quý III" / "360" / "5")
        while k < len(lines) and len(cells) < width and not (
                len(cells) >= width - 2 and lines[k].strip() in (str(number + 1), f"{number + 1}.")):
            if lines[k].strip() and ("|" in lines[k] or len(lines[k].split()) > BLANK_CELLED_WORDS):  # a paragraph
                return None if numbered < 2 else ([f"| {' | '.join(r)} |" for r in [header, *rows]], j)
            cells.append(lines[k].strip())
            k += 1
        row = [first, ""] + cells[1:] if total else cells  # the total's label over the number's column and the next
        rows.append((row + [""] * width)[:width])
        if first.rstrip(".").isdigit():
            numbered += 1
            number = int(first.rstrip(".")) + 1
        elif not total:
            number = 1  # a group's items are numbered from 1
        j = k
    if numbered < 2:
        return None
    return [f"| {' | '.join(row)} |" for row in [header, *rows]], j  # (bordered: an empty last cell stays a cell)


def _total_start(lines: list[str], j: int) -> bool:
    """A total row opens here: "TỔNG CỘNG", or an empty first cell before it."""
    if TOTAL_CELL.match(lines[j].strip()):
        return True
    return lines[j].strip() in _EMPTY_CELL and j + 1 < len(lines) and bool(TOTAL_CELL.match(lines[j + 1].strip()))


WRAPPED_CELL = 80  # characters of a cell line that filled its column: the next line may go on it


def _joined(cells: list[str], width: int) -> list[str] | None:
    """A row's lines as `width` cells: a line going on the one above is joined to it until the row fits; a group
    or total row short of cells is filled with empty ones."""
    cells = list(cells)
    while len(cells) > width:
        at = next((n for n in range(1, len(cells)) if _goes_on(cells[n]) or cells[n - 1].endswith((";", ","))),
                  None)
        if at is None:  # "… Hiệp ước" / "Hữu nghị và Hợp tác …": a line that filled its column wraps
            at = next((n for n in range(1, len(cells)) if len(cells[n - 1]) >= WRAPPED_CELL), None)
        if at is None:
            return None
        cells[at - 1:at + 1] = [f"{cells[at - 1]} {cells[at]}"]
    return cells + [""] * (width - len(cells))


# columns set apart with runs of spaces: "TT   Nhiệm vụ        Đơn vị chủ trì   …", a rule under it, rows whose first
# column holds the row's number and whose other lines go on each column's cell
ALIGNED_HEAD = re.compile(r"^[ \t]*(?:S[ốo] ?TT|STT|TT)(?: {2,}\S[^\n]*)$", re.IGNORECASE | re.MULTILINE)
_CELL_START = re.compile(r"(?:(?<=^)|(?<= {2}))\S")
_RULE = re.compile(r"^[ \t]*[-=_─]{10,}[ \t]*$")
_ROW_NUMBER = re.compile(r"^[ \t]*(\d{1,3})[.)]?(?= {2,}|$)")
MIN_ALIGNED_COLUMNS = 4
_YEAR_CELL = re.compile(r"(?:^| {2,})(?:năm\s+)?(?:19|20)\d\d\b", re.IGNORECASE)
CAPTION_LINES = 3  # lines over a table where its unit is given
_UNIT_CAPTION = re.compile(r"Đơn vị tính\s*:\s*((?:nghìn|ngàn|triệu|tỷ|tỉ)\s*đồng|đồng|USD)", re.IGNORECASE)
_SUM_HEADER = re.compile(r"(?:Tổng )?(?:kinh phí|dự toán|số tiền)(?: dự kiến)?", re.IGNORECASE)


def _cut(line: str, starts: list[int]) -> list[str]:
    """A line's text under each column: cut at the columns' starts, moved left to a space when a start falls
    inside a word (a cell a little wider than its header)."""
    cuts = []
    for start in starts[1:]:
        k = min(start, len(line))
        while 0 < k < len(line) and line[k - 1] != " " and line[k] != " ":
            k -= 1
        cuts.append(k)
    bounds = [0, *cuts, len(line)]
    return [line[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]


def _gapped(line: str, width: int) -> list[str] | None:
    """A row whose cells are all set apart by two spaces or more, as many as the header's columns: its cells as
    written, though they drift from the header's columns (a name longer than its column pushes the rest right)."""
    cells = [c.strip() for c in re.split(r"\s{2,}", line.strip())]
    return cells if len(cells) == width else None


def aligned_cells(text: str) -> str:
    """Each table set out with spaces under a "TT" header, as pipe rows: a line whose first column holds a number
    opens a row, the lines after it (first column empty) go on each cell; a total line closes the table."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        head = lines[i]
        starts = [m.start() for m in _CELL_START.finditer(head)] if ALIGNED_HEAD.match(head) else []
        # (figures by year under year columns are the year-table reader's, which reads them as figures of each year)
        if len(starts) < MIN_ALIGNED_COLUMNS or len(_YEAR_CELL.findall(head)) >= 2:
            out.append(lines[i])
            i += 1
            continue
        rows: list[list[str]] = []
        j = i + 1
        while j < len(lines) and lines[j].strip():
            line = lines[j]
            if _RULE.match(line):
                j += 1
                continue
            cells = _gapped(line, len(starts)) or _cut(line, starts)
            if TOTAL_CELL.match(cells[1] if not cells[0] else cells[0]):
                rows.append(cells)  # "Tổng cộng … 1.840" closes the table; a note under it is text
                j += 1
                break
            if _ROW_NUMBER.match(line):
                rows.append(cells)
            elif rows and not cells[0]:
                rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], cells, strict=False)]
            else:
                break
            j += 1
        if len(rows) < 2:
            out.append(lines[i])
            i += 1
            continue
        # "Đơn vị tính: triệu đồng" over the table is the unit of its sums ("Kinh phí" → "Kinh phí (triệu đồng)")
        unit = next((m.group(1).strip(" .") for line in lines[max(0, i - CAPTION_LINES):i]
                     if (m := _UNIT_CAPTION.search(line))), None)
        header = [f"{h} ({unit})" if unit and _SUM_HEADER.fullmatch(h) else h for h in _cut(head, starts)]
        out += [" | ".join(header)] + [" | ".join(row) for row in rows]
        i = j
    return "\n".join(out)
