"""Markup a converter left in a text file, taken out: what Markdown and HTML mean kept as plain lines.

Admins feed in what converters made of a document: markitdown from a slide deck or a Word file, pandoc, a web
clipper, a document database's export. Their text carries the markup: "**QUYẾT ĐỊNH**", "# 1. CĂN CỨ", images,
"<!-- Slide number: 3 -->", "&nbsp;", cells whose lines are joined by "<br>", a layout table holding the emblem
header in two cells, a running footer with the page or slide number. Headings, list markers and numbers stay where
they were, so the section tree and the metadata read the document as its authors wrote it.
"""
from __future__ import annotations

import html
import re

from ingest.table_layouts import grid_rows
from ingest.tracked_changes import accept_changes, tracked

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\((?:https?:|/|#|\.)[^)\n]*\)")
_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+", re.MULTILINE)
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
# "*Hàm Lĩnh, ngày 20 tháng 12 năm 2027*": emphasis, not a bullet ("* item") nor a mark ("(*)", "Ghi chú*")
_EMPHASIS = re.compile(r"(?<![\w*(])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*)])")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"</?(?:b|i|u|strong|em|span|p|div|sup|sub|font)(?:\s[^<>\n]*)?>", re.IGNORECASE)
_RULE_ROW = re.compile(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$")
_HTML_TABLE = re.compile(r"<table\b[^>]*>(.*?)</table>", re.IGNORECASE | re.DOTALL)
_HTML_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.IGNORECASE | re.DOTALL)
_HTML_CELL = re.compile(r"<t([hd])\b[^>]*>(.*?)</t[hd]>", re.IGNORECASE | re.DOTALL)
_BULLET = re.compile(r"^([ \t]*)[▪■□◦●•▫►➢✓][ \t]*", re.MULTILINE)
_EMPTY_CELL_LINE = re.compile(r"[ \t]*&nbsp;[ \t]*$", re.MULTILINE)
# pandoc's metadata block at the top ("---" / "title: …" / "---"): the converter's, not the document's
_FRONT_MATTER = re.compile(r"\A((?:[^\n]*\n){0,2}?)---[ \t]*\n(?:[A-Za-z_-]+:[^\n]*\n|[ \t]+[^\n]*\n)+---[ \t]*\n")
_ESCAPED = re.compile(r"\\([.)(\[\]*_#+!|-])")  # "1\. Triển khai", "a\)": pandoc escapes what Markdown would read
FOOTER_REPEATS = 3  # a line printed on every page or slide, its number changing
FOOTER_CHARS = 120


def _line_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def _marked(text: str) -> bool:
    return bool(re.search(r"\*\*|__|<br|<!--|<table|&[a-z]+;|&#\d+;|^#{1,6} |!\[|[▪■●•►➢]|^\w{1,3}\\[.)]", text,
                          re.MULTILINE) or _EMPHASIS.search(text) or tracked(text))


def unmark(text: str) -> str:
    """`text` with converter markup taken out; a text without any is returned as it is."""
    if not _marked(text):
        return text
    text = _FRONT_MATTER.sub(r"\1", text)
    if tracked(text):  # a Word file's changes: its grid tables' cells joined first, a change may wrap in a cell
        text = accept_changes(grid_rows(text))
    text = _ESCAPED.sub(r"\1", text)
    text = _COMMENT.sub("", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _HTML_TABLE.sub(_pipe_rows, text)
    text = _layout_rows(text)
    text = _BREAK.sub(" ", text)
    text = _TAG.sub("", text)
    text = _HEADING.sub("", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\1", text)
    text = _BULLET.sub(r"\1- ", text)
    # an entity read as its character; a cell left empty ("&nbsp;" alone on its line) stays, a copied table's mark
    text = re.sub(r"&(?:[a-zA-Z]+|#\d+);", lambda m: m.group(0) if _EMPTY_CELL_LINE.match(text, _line_start(text, m.start()))
                  else html.unescape(m.group(0)).replace("\xa0", " "), text)
    return _without_running_footer(text)


def _pipe_rows(table: re.Match) -> str:
    """An HTML table left in the text ("<table><tr><th>STT</th>…") as pipe rows, its header row ruled."""
    rows = []
    for row in _HTML_ROW.findall(table.group(1)):
        found = _HTML_CELL.findall(row)
        if not found:
            continue
        rows.append("| " + " | ".join(" ".join(_BREAK.sub(" ", cell).split()) for _, cell in found) + " |")
        if len(rows) == 1 and all(kind.lower() == "h" for kind, _ in found):
            rows.append("|" + "---|" * len(found))
    # (a web table copied one cell per line between its tags has no rows here: plain_tables reads it as it is)
    return "\n" + "\n".join(rows) + "\n" if rows else table.group(0)


def _layout_rows(text: str) -> str:
    """A table of one row (with its rule) holding lines in its cells is a page's layout, not a table: the emblem
    header set beside the motto, a signature beside "Nơi nhận". Its cells become lines, the left cell's first."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.lstrip().startswith("|") and _BREAK.search(line):
            j = i + 1
            while j < len(lines) and _RULE_ROW.match(lines[j]):
                j += 1
            alone = (i == 0 or not lines[i - 1].lstrip().startswith("|")) and (
                j >= len(lines) or not lines[j].lstrip().startswith("|"))
            if alone:
                for cell in line.strip().strip("|").split("|"):
                    out.extend(part.strip() for part in _BREAK.split(cell) if part.strip())
                i = j
                continue
        out.append(line)
        i += 1
    return "\n".join(out)


# the page or slide number a running footer ends with ("… | 4", "Trang 3/9", "- 12 -")
_PAGE_MARK = re.compile(r"(\d{1,3})(?:\s*/\s*\d{1,3})?(?=\W*$)")


def _footer_shape(line: str) -> tuple[str, int] | None:
    line = line.strip()
    m = _PAGE_MARK.search(line)
    if not m or len(line) > FOOTER_CHARS or re.match(r"[-+|\d]", line) and not line.startswith("- "):
        return None
    return line[:m.start()] + "#" + line[m.end():], int(m.group(1))


def _without_running_footer(text: str) -> str:
    """A short line printed again and again with only its page number changing ("Sở VHTTDL | Triển khai KH 76 |
    4", "Trang 3/9") is the page's footer: it is taken out wherever it stands. A line repeated word for word (an
    emblem header carried above a plan) stays, and so do lines whose other figures differ ("Năm 2026: 3.200")."""
    lines = text.split("\n")
    pages: dict[str, list[int]] = {}
    for line in lines:
        shaped = _footer_shape(line)
        if shaped and len(re.sub(r"[#\W\d]", "", shaped[0])) >= 4:
            pages.setdefault(shaped[0], []).append(shaped[1])
    footers = {shape for shape, numbers in pages.items()
               if len(numbers) >= FOOTER_REPEATS and len(set(numbers)) == len(numbers) and numbers == sorted(numbers)}
    if not footers:
        return text
    return "\n".join(line for line in lines if (shaped := _footer_shape(line)) is None or shaped[0] not in footers)
