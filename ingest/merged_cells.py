"""A table exported with its merged cells filled in, read back as the table its authors drew.

A spreadsheet or a converter that "unmerges" cells writes a merged cell's value into every cell it covered: a group
row ("I. THÔNG TIN, TUYÊN TRUYỀN") comes out in every column of its row, and a group column ("Nhóm nhiệm vụ") repeats
its group beside every task. Read as it is, each task's first text cell is its group and a group row is a task. Here
a row whose cells all say one thing becomes a group row (its label first, a figure it closes with kept), and a column
that only repeats the group above is dropped.
"""
from __future__ import annotations

import re

MIN_ROWS = 4  # a table, not a line that happens to hold pipes
_FIGURE = re.compile(r"^[\d.,]+$")
_NUMBERED = re.compile(r"^([IVX]{1,4}|[A-Z])\.\s+(.+)$")


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _pipe(line: str) -> bool:
    return line.count("|") >= 2


def _row(cells: list[str], bare: bool) -> str:
    return " | ".join(cells) if bare else "| " + " | ".join(cells) + " |"


def _group_label(cells: list[str]) -> str | None:
    """The label of a row whose cells all say it (a figure may close it: the group's subtotal)."""
    words = cells[:-1] if _FIGURE.match(cells[-1]) else cells
    return words[0] if len(words) >= 3 and words[0] and all(c == words[0] for c in words) else None


def unmerged(text: str) -> str:
    """`text` with every table whose merged cells were filled in written as its group rows and tasks."""
    if "|" not in text:
        return text
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if not _pipe(lines[i]):
            i += 1
            continue
        j = i
        while j < len(lines) and _pipe(lines[j]):
            j += 1
        if j - i >= MIN_ROWS:
            lines[i:j] = _read_back(lines[i:j])
        i = j
    return "\n".join(lines)


def _read_back(block: list[str]) -> list[str]:
    rows = [_cells(line) for line in block]
    width = len(rows[0])
    if any(len(r) != width for r in rows) or width < 3:
        return block
    labels = [_group_label(r) for r in rows]
    if sum(label is not None for label in labels) < 2:
        return block
    bare = not block[0].lstrip().startswith("|")
    # a column repeating, beside each row, the group above it
    group: str | None = None
    repeating = set(range(width))
    for row, label in zip(rows[1:], labels[1:], strict=True):
        if label is not None:
            group = label
            continue
        if group is None or re.fullmatch(r"[-:\s]*", "".join(row)):
            continue  # rows before the first group, a Markdown rule
        repeating &= {k for k, c in enumerate(row) if c == group}
    dropped = min(repeating) if repeating and group is not None else None
    out = []
    for row, label in zip(rows, labels, strict=True):
        if label is not None:
            tail = [row[-1]] if _FIGURE.match(row[-1]) else [""]
            numbered = _NUMBERED.match(label)  # "I. THÔNG TIN, TUYÊN TRUYỀN": its number and its title, as drawn
            head = [numbered.group(1), numbered.group(2)] if numbered else [label]
            kept = head + [""] * (width - 1 - len(head) - (dropped is not None)) + tail
        else:
            kept = [c for k, c in enumerate(row) if k != dropped]
        out.append(_row(kept, bare))
    return out
