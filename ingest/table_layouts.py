"""Tables written in other layouts than pipe rows — tab-separated cells from a word processor, semicolon-separated
rows pasted from a spreadsheet, figures by year lined up with spaces, grids drawn with box lines or "+---+" rules, a
closing block's two columns set side by side — rewritten as pipe rows (or as one column after the other), so that one
reader (`ingest.tables`) serves them all."""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from ground import vi
from ingest.closing_columns import closing_columns
from ingest.grid_spans import column_edges, line_cells, spans
from ingest.keyed_stacks import keyed_stacks
from ingest.plain_tables import ALIGNED_HEAD, STACK_START, TOTAL_CELL, aligned_cells, stacked_cells
from ingest.stacked_schedules import stacked_schedules

FIGURE_CELL = re.compile(r"^[+\-–]?\s*\d[\d.,]*\s*%?$")  # a cell holding a figure only

# A table drawn with box lines ("┌───┬───┐", "│ a │ b │", "├───┼───┤") or in ASCII ("+---+---+", "| a | b |"): a
# rule line separates rows, and the lines between two rules are one row whose cells wrap
_BOX_RULE = r"[ \t]*[┌┬┐├┼┤└┴┘╔╦╗╠╬╣╚╩╝╞╡╪╟╢╫]?[─━═]{3,}[─━═┌┬┐├┼┤└┴┘╔╦╗╠╬╣╚╩╝╞╡╪╟╢╫]*[ \t]*"
_ASCII_RULE = r"[ \t]*\+(?:[-=]{2,}\+)+[ \t]*"  # "+-----+----+": a dash line alone is a header's rule, no grid
_GRID_RULE = re.compile(rf"^(?:{_BOX_RULE}|{_ASCII_RULE})$", re.MULTILINE)
_GRID_ROW = re.compile(r"^[ \t]*[│┃║|](.*)[│┃║|][ \t]*$")
_GRID_CELL = re.compile(r"[│┃║|]")


def _is_rule(line: str) -> bool:
    return bool(_GRID_RULE.fullmatch(line))


def grid_rows(text: str) -> str:
    """Rows of a grid between its rule lines, each written as one pipe row (wrapped cells joined column by column);
    the rules dropped. A lone dash line ("--------") under a header is no grid: a grid has rows between rules. A grid
    of two columns holding the emblem header or the closing block is the page's layout: its cells' lines are written
    as lines, the left column's first ("ỦY BAN NHÂN DÂN" / "TỈNH X" / "Số: …", then the motto and the date)."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not _is_rule(lines[i]) or i + 1 >= len(lines) or not _GRID_ROW.match(lines[i + 1]):
            out.append(lines[i])
            i += 1
            continue
        rows: list[list[list[str]]] = []  # row → cell → its lines
        row: list[list[str]] = []
        start = i
        i += 1
        while i < len(lines) and (_GRID_ROW.match(lines[i]) or _is_rule(lines[i])):
            i += 1
        block = lines[start:i]
        rules = [line for line in block if _is_rule(line)]
        edges = column_edges(rules) if spans(rules, [line for line in block if not _is_rule(line)]) else []
        for line in block[1:]:
            m = _GRID_ROW.match(line)
            if m:
                cells = line_cells(line, edges) if len(edges) > 2 else [c.strip() for c in _GRID_CELL.split(m.group(1))]
                row += [[] for _ in range(len(cells) - len(row))]
                for k, cell in enumerate(cells):
                    if cell:
                        row[k].append(cell)
            elif row:
                rows.append(row)
                row = []
        if row:
            rows.append(row)
        out += _layout_lines(rows) if _is_layout(rows) else [
            "| " + " | ".join(" ".join(cell) for cell in r) + " |" for r in rows]
    return "\n".join(out)


_LAYOUT_MARK = re.compile(r"CỘNG H[OÒ]A|Độc lập|Nơi nhận|^(?:TM|KT|TL|TUQ)\.|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN")


def _is_layout(rows: list[list[list[str]]]) -> bool:
    return max((len(r) for r in rows), default=0) <= 2 and any(
        _LAYOUT_MARK.search(line.strip("*_ ")) for r in rows for cell in r for line in cell)


def _layout_lines(rows: list[list[list[str]]]) -> list[str]:
    columns = max(len(r) for r in rows)
    return [line for k in range(columns) for r in rows if k < len(r) for line in r[k]] + [""]


MIN_TAB_ROWS = 2  # two lines with tabs in a row: a table copied from a word processor
_DROPPED = "\x00dropped"  # a wrapped line joined into the row above


YEAR_HEADER = re.compile(r"(?:năm\s+)?((?:19|20)\d\d)", re.IGNORECASE)
TOTAL_HEADER = re.compile(r"(?:tổng cộng|tổng|cộng|cả giai đoạn|lũy kế|luỹ kế|toàn giai đoạn)(?:\s*\(?[\w\s-]*\)?)?",
                           re.IGNORECASE)
_GAP = re.compile(r" {2,}|\t")


def _aligned_year_tables(text: str) -> str:
    """A table of figures by year laid out with runs of spaces ("TT   Chỉ tiêu   Đơn vị tính   2022   2023 …" then
    rows of the same columns): written with pipes, like a tab or web table (only under a header of years, where runs
    of spaces cannot be a sentence's). A line with one indented cell and no figure goes on the row above's label
    ("Tuần hàng … Việt Nam" / "ở nước ngoài"); a total row without a number cell ("Cộng   33.500 …") gets an empty
    one."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        head = [c for c in _GAP.split(lines[i].strip()) if c]
        first = next((k for k, c in enumerate(head) if YEAR_HEADER.fullmatch(_YEAR_MARK.sub("", c))), None)
        if len(head) >= 3 and first and sum(1 for c in head[first:] if YEAR_HEADER.fullmatch(_YEAR_MARK.sub("", c))) \
                >= 2 and all(YEAR_HEADER.fullmatch(_YEAR_MARK.sub("", c)) or TOTAL_HEADER.fullmatch(c)
                             for c in head[first:]):
            rows: list[list[str]] = [head]
            j = i + 1
            while j < len(lines) and lines[j].strip():
                row = [c for c in _GAP.split(lines[j].strip()) if c]
                if len(row) == len(head):
                    rows.append(row)
                elif len(row) == len(head) - 1 and not re.match(r"[\dIVX]", row[0]):
                    rows.append([""] + row)  # "Cộng   33.500   43.550 …": no number cell
                elif len(row) == 1 and lines[j][:1] in " \t" and not re.search(r"\d", row[0]) and len(rows) > 1:
                    label = next(k for k, c in enumerate(rows[-1]) if c and not re.fullmatch(r"[\d.IVX]+", c))
                    rows[-1][label] += " " + row[0]  # a label wrapped onto the next line
                else:
                    break
                j += 1
            if len(rows) > 1:
                lines[i:j] = ["| " + " | ".join(row) + " |" for row in rows]
                i += len(rows)
                continue
        i += 1
    return "\n".join(lines)


_YEAR_MARK = re.compile(r"\s*(?:\([^()]{1,12}\)|\*+)$")  # "2025(*)", "2025 (ước)": a year with a note on its figures


_CELLS_BESIDE = re.compile(r"\S[ ]*\t+[ ]*\S")


# A spreadsheet saved as CSV with semicolons ("STT;Tháng;Thời gian;Tên hoạt động;…"): rows of four cells or more,
# quoted cells holding semicolons, doubled quotes or line breaks
MIN_CSV_CELLS = 4
# cells follow their semicolon straight away ("1;Tháng 3;12/03/2029"); a sentence's list puts a space after it
_CELL_BREAK = re.compile(r";(?![ \t])")


def _csv_row(line: str) -> bool:
    return len(_CELL_BREAK.findall(line)) >= MIN_CSV_CELLS - 1


def _csv_block_end(lines: list[str], i: int) -> int:
    """The line after a run of CSV rows starting at `i` (a quoted cell may run over lines)."""
    j, quotes = i, 0
    while j < len(lines):
        if quotes % 2 == 0 and not (_csv_row(lines[j]) or lines[j].count('"') % 2):
            break
        quotes += lines[j].count('"')
        j += 1
    return j


def semicolon_tables(text: str) -> str:
    """Runs of semicolon-separated rows written as pipe rows: the title rows above the header ("LỊCH …;;;;") as
    lines, empty rows dropped, and a cell left empty under a merged one ("4;;28/03/2028;…" below "3;Tháng 3;…") filled
    from the row above when the row is numbered (a total row's blanks stay blank)."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not _csv_row(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        j = _csv_block_end(lines, i)
        rows = [[" ".join(c.split()) for c in r] for r in csv.reader(io.StringIO("\n".join(lines[i:j])), delimiter=";")]
        if sum(1 for r in rows if sum(1 for c in r if c) >= MIN_CSV_CELLS) < MIN_TAB_ROWS:
            out += lines[i:j]
            i = j
            continue
        previous: list[str] | None = None
        for row in rows:
            filled = [c for c in row if c]
            if not filled:
                continue
            if len(filled) == 1 and row[0]:
                out.append(row[0])  # a caption row of the sheet
                continue
            total = next((k for k, c in enumerate(row) if TOTAL_CELL.match(c)), None)
            if total and not any(row[:total]):  # ";Tổng cộng;;…": the total's label goes first, as tables write it
                row = [row[total]] + row[1:total] + [""] + row[total + 1:]
            if previous is not None and row[0] and re.fullmatch(r"\d{1,3}\.?", row[0]):
                row = [c or (previous[k] if k < len(previous) and k <= MERGED_COLUMNS else "") for k, c in enumerate(row)]
            out.append("| " + " | ".join(row) + " |")
            previous = row
        i = j
    return "\n".join(out)


_STACKED_FIGURE = re.compile(r"^\d[\d.,]*\n\d[\d.,]*\n\d[\d.,]*$", re.MULTILINE)  # three figures, one per line
_STACKED_SCHEDULE = re.compile(r"^[ \t]*Thời gian[ \t]*\n[ \t]*(?:Nội dung|Hoạt động)", re.MULTILINE | re.IGNORECASE)
MERGED_COLUMNS = 2  # the leading columns a sheet merges over several rows (a month, a group)


def tabs_as_pipes(text: str) -> str:
    """Tables copied from a word processor keep their cells apart with tabs ("STT\tNhiệm vụ\tSản phẩm …"), or
    come from a spreadsheet as semicolon rows, or line up figures by year with spaces, or draw a grid of box lines: a
    run of such lines is written with pipes, the way web copies write tables, so one reader serves both."""
    if re.search(r";[^ \t\n]", text):
        text = semicolon_tables(text)
    if STACK_START.search(text):
        text = stacked_cells(text)
    if _STACKED_FIGURE.search(text):  # "Năm" / "Ngân sách tỉnh" / … then "2026" / "10.800" / …: rows keyed, not numbered
        text = keyed_stacks(text)
    if _STACKED_SCHEDULE.search(text):  # "Thời gian" / "Nội dung" / … then "Ngày 13/7" / "20h00 - 22h00" / …
        text = stacked_schedules(text)
    if "  " in text and ALIGNED_HEAD.search(text):
        text = aligned_cells(text)
    if _GRID_RULE.search(text):
        text = grid_rows(text)
    if "Nơi nhận" in text:
        text = closing_columns(text)
    if "  " in text:
        text = _aligned_year_tables(text)
    if "\t" not in text:
        return text
    lines = text.split("\n")
    tabbed = [bool(re.search(r"\S?\t", ln)) and ln.strip() != "" for ln in lines]
    out = list(lines)
    i = 0
    while i < len(lines):
        if not tabbed[i]:
            i += 1
            continue
        j, quotes = i, 0
        # a spreadsheet's copy quotes a cell that holds line breaks ("\"NS tỉnh: 120\nNS xã: 60\"\t…"): the run
        # goes on through its lines, tab or not, until the quote closes
        while j < len(lines) and (tabbed[j] or quotes % 2):
            quotes += lines[j].count('"')
            j += 1
        # lines only indented with tabs (a signature block set in the right-hand column) are no table: cells
        # must stand side by side on some of its lines
        beside = sum(1 for k in range(i, j) if _CELLS_BESIDE.search(lines[k]))
        if j - i >= MIN_TAB_ROWS and beside >= MIN_TAB_ROWS:
            rows: list[list[str]] = []
            while i < j and sum(1 for c in lines[i].split("\t") if c.strip()) <= 1:
                i += 1  # a caption set to the right with tabs ("Đơn vị tính: triệu đồng") heads no column
            for row in _tab_rows(lines[i:j]):
                filled = sum(1 for c in row if c)
                # a row without its first cell is a wrapped one, unless it fills most columns ("| Tổng cộng | 4.800 |…")
                # or is the total row ("\tTỔNG CỘNG\t\t\t953")
                # (under the header alone, only words: the header's own cells wrapped, "Kinh phí" / "phân bổ")
                if rows and not row[0] and (len(rows) > 1 or not any(FIGURE_CELL.match(c) for c in row if c)) \
                        and filled * 2 <= max(len(rows[0]), len(row)) \
                        and not TOTAL_CELL.match(next((c for c in row if c), "")):
                    # a cell wrapped onto the next line goes on under its own column: join it column by column
                    last = rows[-1]
                    last += [""] * (len(row) - len(last))
                    for c, cell in enumerate(row):
                        if cell:
                            last[c] = f"{last[c]} {cell}".strip()
                else:
                    rows.append(row)
            out[i:j] = ["| " + " | ".join(r) + " |" for r in rows] + [_DROPPED] * (j - i - len(rows))
        i = j
    return "\n".join(line for line in out if line is not _DROPPED)


def _tab_rows(lines: list[str]) -> list[list[str]]:
    """The cells of tab-separated lines; quoted cells (a spreadsheet's copy) may hold tabs, quotes and line breaks."""
    if not any(re.search(r'(?:^|\t)"', ln) for ln in lines):
        return [[c.strip() for c in ln.split("\t")] for ln in lines]
    return [[_cell_lines(c) for c in row] for row in csv.reader(io.StringIO("\n".join(lines)), delimiter="\t")]


def _cell_lines(cell: str) -> str:
    """A cell's lines as one: a line that opens with a capital after one without closing punctuation starts an item
    of its own ("NS tỉnh hỗ trợ: 120" / "NS xã: 60" → "…: 120; NS xã: 60"); a lower-case one goes on a sentence."""
    out = ""
    for line in (ln.strip() for ln in cell.split("\n")):
        if not line:
            continue
        if out and line[0].isupper() and not out.endswith((",", ";", ":", "-", "–")):
            out += ";"
        out = f"{out} {line}".strip()
    return out


# Records written as "Key: value" lines, one block per record, blank lines between ("Nhiệm vụ 2" / "Thời gian: Ngày
# 08/6 hằng năm" / "Nội dung: …" / "Đơn vị thực hiện: …"; "Kỳ báo cáo: Quý I/2028" / "Hạn gửi …: trước ngày …"):
# the same keys in the same order in two blocks or more make a table, one record per row
# (a cell left empty in an export keeps its key: "Cơ quan chủ trì: ")
# (nor a table's caption giving its unit: "Đơn vị tính kinh phí: triệu đồng")
_KEYED_LINE = re.compile(r"^[ \t]*(?!Đơn vị tính)([A-ZĐÀ-Ỹ][^:|\n]{1,40}?)[ \t]*:[ \t]*(\S[^\n]*?)?[ \t]*$")
_BLOCK_RULE = re.compile(r"^[ \t]*(?:[=\-*_~]{3,}[ \t]*)?$")  # between two records: nothing, or a rule ("=====")
_ROW_INDEX = frozenset({"dong", "row", "ban ghi"})  # an export's own row count ("Dòng: 7"), no column of the table
_RECORD_TITLE = re.compile(r"^[ \t]*([A-ZĐÀ-Ỹ][^\W\d]*(?:[ \t]+[^\W\d]+){0,3})[ \t]+(\d{1,3})[ \t]*\.?[ \t]*$")
MIN_RECORDS = 2
MIN_KEYS = 2
MAX_KEY_WORDS = 6


@dataclass(frozen=True)
class RecordGroup:
    start: int  # first line
    end: int  # line after the last
    title: str | None  # "Nhiệm vụ" when each record opens with "Nhiệm vụ 2"
    keys: tuple[str, ...]
    rows: list[tuple[str | None, list[str]]]  # (the record's number, its values by key)


def record_groups(lines: list[str]) -> list[RecordGroup]:
    """Runs of keyed blocks with one key sequence, in `lines`."""
    blocks: list[tuple[int, int, str | None, str | None, tuple[str, ...], list[str]]] = []
    i = 0
    while i < len(lines):
        title = _RECORD_TITLE.match(lines[i])
        k = i + 1 if title else i
        keys: list[str] = []
        values: list[str] = []
        seen: set[str] = set()
        while k < len(lines) and (m := _KEYED_LINE.match(lines[k])) and len(m.group(1).split()) <= MAX_KEY_WORDS:
            key = " ".join(m.group(1).split())
            if vi.collapse(key) in seen:
                break  # the next record's first key: records written back to back, no line between them
            seen.add(vi.collapse(key))
            if not (not keys and vi.collapse(key) in _ROW_INDEX):
                keys.append(key)
                values.append(m.group(2) or "")
            k += 1
        if len(keys) >= MIN_KEYS:
            blocks.append((i, k, title.group(1) if title else None, title.group(2) if title else None, tuple(keys), values))
            i = k
        else:
            i += 1
    groups: list[RecordGroup] = []
    run: list = []
    for block in blocks + [None]:
        joined = run and block is not None and block[4] == run[-1][4] and block[2] == run[-1][2] \
            and all(_BLOCK_RULE.match(ln) for ln in lines[run[-1][1]:block[0]])
        if joined:
            run.append(block)
            continue
        if len(run) >= MIN_RECORDS:
            groups.append(RecordGroup(run[0][0], run[-1][1], run[0][2], run[0][4], [(b[3], b[5]) for b in run]))
        run = [block] if block is not None else []
    return groups


HEADER_LINES = 10  # lines at the top where a PDF copy may set the emblem's columns apart with spaces
# (not the padding beside a pipe: "… cho báo chí        | Bộ Chỉ huy …", an appendix's table under the closing)
_COLUMN_GAP = re.compile(r"(?<=[^\s|])[ \t]{4,}(?=[^\s|])")


def header_columns(text: str) -> str:
    """The header's and the closing's columns set apart with spaces ("UBND TỈNH X          LIÊN HIỆP …        CỘNG
    HÒA …") kept apart as cells before spaces are collapsed: the emblem readers take the left one, the signature
    reader each block."""
    lines = text.split("\n")
    # the header's lines, and the closing ones: two signature blocks side by side ("CHỦ TỊCH      GIÁM ĐỐC")
    # …and the lines right above "Nơi nhận" when an appendix follows the closing (signature blocks side by side there)
    recipients = next((i for i, line in enumerate(lines) if line.lstrip().startswith("Nơi nhận")), None)
    above = range(recipients - 1, -1, -1) if recipients else range(0)
    for order in (range(len(lines)), range(len(lines) - 1, -1, -1), above):
        seen = 0
        for i in order:
            if seen >= HEADER_LINES:
                break
            if lines[i].strip():
                seen += 1
                lines[i] = _COLUMN_GAP.sub(" | ", lines[i])
    return "\n".join(lines)
