"""A drawn grid whose cells span columns, read by character positions: a two-level header ("Kết quả thực hiện theo
năm" over 2021 … 2025, split by a rule inside the header row) or a body cell over two years ("Không tổ chức do dịch")
gives each column under it its text, so every row keeps the header's columns."""
from __future__ import annotations

import re

_JUNCTIONS = "+┌┬┐├┼┤└┴┘╔╦╗╠╬╣╚╩╝╞╡╪╟╢╫"
_BARS = "|│┃║"
_SEPARATORS = re.compile(f"[{re.escape(_JUNCTIONS + _BARS)}]")
_DRAWN = re.compile(r"^[\s\-=─━═" + re.escape(_JUNCTIONS) + r"]*$")  # a piece of a rule inside a row: no text


def column_edges(rules: list[str]) -> list[int]:
    """The column edges of the finest rule (the most junctions; the body's, under a header's coarser one): a
    coarser rule's spans are drawn by hand and may end a few characters off the columns under them."""
    finest = max(reversed(rules), key=lambda rule: sum(ch in _JUNCTIONS for ch in rule))
    return [i for i, ch in enumerate(finest) if ch in _JUNCTIONS]


def spans(rules: list[str], row_lines: list[str]) -> bool:
    """The grid has cells over several columns: its rules draw different edges, or a row line holds a rule piece."""
    edges = [tuple(i for i, ch in enumerate(r) if ch in _JUNCTIONS) for r in rules]
    return len(set(edges)) > 1 or any(re.search(r"[+┼├┤][-─═]{2,}[+┼├┤]", line) for line in row_lines)


def line_cells(line: str, edges: list[int]) -> list[str]:
    """One row line's text by column (edges from `column_edges`): a cell over several columns is each one's text.
    Each bar is taken as the column edge nearest it: a cell drawn a few characters too wide shifts the bars after it,
    not the columns they close."""
    bars = [(min(range(len(edges)), key=lambda k: abs(edges[k] - m.start())), m.start())
            for m in _SEPARATORS.finditer(line)]
    columns = [""] * (len(edges) - 1)
    for (first, start), (last, end) in zip(bars, bars[1:], strict=False):
        text = line[start + 1:end].strip()
        if not text or _DRAWN.match(text):
            continue
        for k in range(first, max(last, first + 1)) if first < len(columns) else ():
            columns[k] = f"{columns[k]} {text}".strip()
    return columns
