"""Pipe task tables → one sentence per row, in the plan text (tab-separated tables read as pipe tables first; a table
of figures by year, a programme's table by the hour become one keyed line per row).

Web copies flatten a plan's task tables ("Phụ lục", "Danh mục nhiệm vụ") into pipes, in any column order, with or
without leading and trailing pipes, cells wrapped onto the next lines, group rows ("I | TUYÊN TRUYỀN | | |"). Quoted
as they are, rows read as "14 | … | Sở Công Thương | … |". Each recognised table is rewritten as what it says:

    I. TUYÊN TRUYỀN, NÂNG CAO NHẬN THỨC
    Nhiệm vụ 1: Tổ chức hội nghị …; chủ trì: Sở Ngoại vụ; phối hợp: Ban Tuyên giáo Tỉnh ủy; thời gian: Quý II/2023.

so that chunks, quotes and answers read sentences, and ingest/task_tables.py reads the rows back as task records (also
at reindex). A table is recognised by its header row (a task column and an agency column); a row that cannot be aligned with the header is left as written. Pure text in, text out."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ground import vi
from ingest.dashed_tasks import dashed_tasks
from ingest.figure_tables import FIGURE, figure_tables
from ingest.merged_cells import unmerged
from ingest.run_on_rows import run_on_rows
from ingest.schedule_tables import schedule_tables
from ingest.sideways_tables import sideways_tables
from ingest.table_bands import BOLD_CELL, band_line
from ingest.table_columns import ROLE_LABELS, ROW_LABEL, column_role, is_task_header, labelled
from ingest.table_layouts import record_groups, tabs_as_pipes
from ingest.year_tables import PLAIN_RULE, cells, wrapped_row, year_rows, year_tables

_ROLE_ORDER = ("lead", "agency", "support", "deadline")
MAX_ROW_LINES = 12  # a row wrapped over more lines than this is not a row


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
    rows: list[tuple[str, list[str]] | str]  # (kind, cells) with kind "task"/"group"/"subtotal", or a row as written


def _lines(text: str) -> list[tuple[int, int]]:
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return [(a, a + len(line)) for a, line in zip(starts, text.split("\n"), strict=True)]


# "nt" / "như trên": a cell merged down in the original, written out as "the same as above" when the table was retyped
_SAME_AS_ABOVE = re.compile(r"[\"“(-]?\s*(?:nt|n\.t|như trên|nhu tren)\s*[\"”)-]?\.?", re.IGNORECASE)


def _same_as_above(row: list[str], above: list[str] | None, merged: int | None = None) -> list[str]:
    """A row with its "nt" cells, and empty cells of a first column of times (`merged`), read as the cell above them."""
    if above is None or len(above) != len(row):
        return row
    return [above[k] if (_SAME_AS_ABOVE.fullmatch(c.strip()) or k == merged and not c.strip()) and above[k] else c
            for k, c in enumerate(row)]


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
    # a table numbering its rows in another column than the first ("… | Sản phẩm | STT |"): read with it first
    at = roles.index("number") if "number" in roles[1:] and roles[0] != "number" else 0
    order = [at] + [k for k in range(len(headers)) if k != at]
    if at:
        headers, roles = [headers[k] for k in order], [roles[k] for k in order]
    leading = header_line.lstrip().startswith("|")  # rows start with "|": any line that does is a new row
    rows: list[tuple[str, list[str]] | str] = []
    buf: list[int] = []  # line indexes of the row being read
    last_no = 0
    end = lines[h][1]

    def flush() -> None:
        if not buf:
            return
        row = wrapped_row([text[lines[k][0]:lines[k][1]] for k in buf], leading, len(headers)) or cells(
            " ".join(text[lines[k][0]:lines[k][1]].strip() for k in buf))
        if len(row) == len(headers) + 1 and not row[-1]:
            row = row[:-1]
        if row and all(re.fullmatch(r":?-{2,}:?|", c.strip()) for c in row):  # "|---|---|" under the header
            buf.clear()
            return
        if at and len(row) == len(headers):
            row = [row[k] for k in order]
        group = re.fullmatch(r"([IVX]{1,5}|[A-Z])\.?", row[0]) if row else None
        filled = [c for c in row[1:] if c]
        merged = re.fullmatch(r"([IVX]{1,5}|[A-Z])\.\s+(\S.*)", row[0]) if len(row) == 1 else None
        if (band := band_line(row, headers, roles)) is not None:  # "| **QUÝ I/2027** | … | **443** |": over the rows below
            rows.append(band)
        elif len(row) >= 2 and not row[0] and _TOTAL_ROW.match(row[1]) and len(row) <= len(headers):
            rows.append(("total", [row[1], ""] + row[2:]))  # "| | Cộng năm 2024 | | 1.050 |": the label in the next cell
        elif row and _TOTAL_ROW.match(row[0]) and len(row) <= len(headers):
            rows.append(("total", row))  # "Cộng năm 2029 | | | | 11.700": the year's sum, in the column it stands in
        elif group and len(filled) == 1:
            rows.append(("group", [group.group(1), filled[0]]))
        elif group and filled and (filled[0].isupper() or len(filled) > 1) and all(FIGURE.match(c) for c in filled[1:]):
            # "| I | KHỐI CƠ QUAN … | | 13.150 | |": a group row with its subtotal under the column it sums (a body's
            # name in sentence case too, "| IV | Liên hiệp các tổ chức hữu nghị tỉnh | | 420 | |")
            # (its sums are said once the table's unit is known: "Đơn vị tính: triệu đồng" above it)
            rows.append(("subtotal", [group.group(1), filled[0], *[c if k > 1 and c != filled[0] else ""
                                                                  for k, c in enumerate(row[:len(headers)])][2:]]))
        elif merged:  # "| I. Công tác tuyên truyền |": a group row in one merged cell
            rows.append(("group", [merged.group(1), merged.group(2)]))
        elif len(row) == len(headers):
            rows.append(("task", _same_as_above(row, next((r[1] for r in reversed(rows) if isinstance(r, tuple) and r[0]
                                                           == "task"), None), order.index(0) if roles[order.index(0)] == "deadline" else None)))
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
        if PLAIN_RULE.fullmatch(line):  # "----+-------+----": a rule between the header and the rows, or rows
            i += 1
            continue
        if "|" not in line and complete:
            break  # the table is over
        # "|  | - Diễu hành … | 14/9/2024 | … |": a row under a numbered one, its number cell empty, is a row of its own
        # …unless it goes on the cells above ("| | hóa và Kế hoạch này … | tế | | | (NSNN) |"): words cut mid-phrase, a
        # bracket, or a cell or two carried over
        under = leading and bool(_EMPTY_FIRST_CELL.match(line)) and not (
            buf and bool(_NUMBER_CELL.match(text[lines[buf[0]][0]:lines[buf[0]][1]])) and _goes_on(line))
        if (starts or under) and complete or (not numbered and complete):
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


def _sentence(table: _Table, row: list[str], parent: str = "") -> str:
    by_role: dict[str, str] = {}
    others: list[tuple[str, str]] = []
    for header, role, cell in zip(table.headers, table.roles, row, strict=True):
        if not cell:
            continue
        if role in ROLE_LABELS and role not in by_role:
            by_role[role] = cell
        elif role == "other" or role is None and header.strip():  # "Địa điểm", "Đối tác nước ngoài": said too
            others.append(labelled(header, cell))
    task = next((c for r, c in zip(table.roles, row, strict=True) if r == "task"), "")
    number = row[0] if table.roles[0] == "number" and row[0] else ""
    if not number and parent:  # "- Diễu hành đèn hoa": an activity of the numbered row above, not a task of its own
        parts = [f"Trong {ROW_LABEL.lower()} {parent}: {task.lstrip('-–• ').strip()}"]
    else:
        parts = [f"{ROW_LABEL} {number}: {task}".replace("  ", " ") if number else f"{ROW_LABEL}: {task}"]
    parts += [f"{ROLE_LABELS[r]}: {by_role[r]}" for r in _ROLE_ORDER if r in by_role]
    parts += [f"{label}: {value}" for label, value in others]
    sentence = "; ".join(p.rstrip(" .;") for p in parts)
    return sentence + "."


CAPTION_REACH = 200  # characters above a table in which "Đơn vị tính: triệu đồng" says the unit of its sums
# "Đơn vị tính: triệu đồng", "Đơn vị tính kinh phí: triệu đồng"
_CAPTION = re.compile(r"Đơn vị(?: tính)?(?: kinh phí| tiền)?\s*:\s*((?:nghìn|ngàn|triệu|tỷ|tỉ)?\s*đồng|USD)\s*\)?\s*$",
                      re.IGNORECASE)


def _caption_unit(table: _Table, above: str) -> None:
    """"Đơn vị tính: triệu đồng" over a task table: its money columns' figures in that unit, written into their headers."""
    lines = [ln.strip() for ln in above.split("\n") if ln.strip()]
    unit = _CAPTION.search(lines[-1]) if lines else None
    if unit:
        table.headers = [f"{h} ({unit.group(1).strip()})" if re.search(r"kinh phi|so tien|du toan", vi.collapse(h))
                         and "(" not in h else h for h in table.headers]


_EMPTY_FIRST_CELL = re.compile(r"^\s*\|\s*\|")
_ITEM_MARK = re.compile(r"^(?:[-+•–]|[a-zđ]\)|\d{1,2}[.)])\s")
WRAPPED_CELLS = 2  # cells a line going on the row above carries at most, when none opens in lower case


def _goes_on(line: str) -> bool:
    """A line of an empty first cell that carries the row above on: a filled cell opens in lower case or a bracket
    ("| | Nam – Hương sắc … | và Môi trường | … | (NSNN) |"), or it fills no more than a couple of cells; not an item of
    its own ("| | - Diễu hành … |")."""
    row = cells(line)
    filled = [c for c in row[1:] if c.strip()]
    if not filled or _ITEM_MARK.match(filled[0]) or _TOTAL_ROW.match(filled[0]) or len(filled) == 1 and (
            BOLD_CELL.fullmatch(filled[0].strip()) or filled[0].isupper()):
        return False  # ("| | Cộng năm 2027 | | 670 |": a total of its own; "| | **THÁNG 10** | |": a band over the rows)
    return any(c[:1].islower() or c[:1] == "(" for c in filled) or len(filled) <= WRAPPED_CELLS
_TOTAL_ROW = re.compile(r"^\s*\|?\s*(?:Tổng cộng|Cộng|Tổng số|Tổng)\b", re.IGNORECASE)


def _total_sentence(table: _Table, row: list[str]) -> str:
    """"Cộng năm 2029 | | | | 11.700" → "Cộng năm 2029: kinh phí (triệu đồng): 11.700." (each value under its header)."""
    values = ["{}: {}".format(*labelled(h, c)) for h, c in zip(table.headers[1:], row[1:], strict=False) if c]
    return f"{row[0].rstrip(' :')}: {'; '.join(values)}." if values else f"{row[0]}."


def keyed_records(text: str) -> str:
    """Records written as blocks of "Key: value" lines: a task table's as pipe rows (read below as task records), any
    other's as one line per record ("Kỳ báo cáo: Quý I/2028; …; Hạn gửi: trước ngày 18/3/2028"): one sentence each."""
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


_MARKDOWN_RULE = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{2,}:?[ \t]*\|)+(?:[ \t]*:?-{2,}:?[ \t]*)?[ \t]*\n", re.MULTILINE)


def linearize_tables(text: str) -> str:
    """`text` with every task table as one sentence per row (group rows as headings), other tables row by row."""
    text = _MARKDOWN_RULE.sub("", text)  # "|---|---|" under a header: no row, and every reader takes the header's next line
    text = run_on_rows(text)  # a row carrying on one cell of the row above is that cell's end
    text = figure_tables(year_rows(year_tables(unmerged(schedule_tables(sideways_tables(tabs_as_pipes(
        keyed_records(dashed_tasks(text)) if ":" in text else dashed_tasks(text))))))))
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
                _caption_unit(table, text[max(cursor, table.start - CAPTION_REACH):table.start])
                out.append(text[cursor:table.start])
                rendered = []
                parent = ""  # the number of the last numbered row, which rows with an empty number cell belong to
                for row in table.rows:
                    if isinstance(row, str):
                        rendered.append(row)
                    elif row[0] == "group":
                        rendered.append(f"{row[1][0]}. {row[1][1]}")
                        parent = ""
                    elif row[0] == "subtotal":
                        sums = ["{}: {}".format(*labelled(h, c)) for h, c in zip(table.headers[2:], row[1][2:], strict=False) if c]
                        rendered.append(f"{row[1][0]}. {row[1][1]} ({'; '.join(sums)})")
                        parent = ""
                    elif row[0] == "total":
                        rendered.append(_total_sentence(table, row[1]))
                        parent = ""
                    else:
                        rendered.append(_sentence(table, row[1], parent))
                        parent = row[1][0] if table.roles[0] == "number" and row[1][0] else parent
                out.append("\n".join(rendered))
                cursor = table.end
                i = after
                continue
        i += 1
    out.append(text[cursor:])
    return "".join(out)
