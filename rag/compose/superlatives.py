"""Which row of a table is the largest or the smallest by the measure asked ("khoản chi nào lớn nhất", "năm nào giải
ngân nhiều nhất", "đơn vị nào có ít đoàn nhất"): the keyed rows of the best text's table compared by that measure,
the winning row cited. A table read at ingest says each row as "<label>: <key>: <value>; …"."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ground import vi
from rag.compose.citations import Point, number_points
from rag.find.firsts import MONEY_ASKED
from rag.find.plans import PlanIndex
from rag.find.search import Hit
from rag.models import Answer
from rag.ports import StoredChunk
from rag.understand.question import Question
from rag.understand.terms import FOLDED_STOPWORDS

# "<thing> nào … lớn nhất", "lớn nhất là <thing> nào": a row asked for by its rank (not "hang động lớn nhất thế giới")
_MOST = r"(?:lon|nhieu|cao|dai|dong) nhat"
_LEAST = r"(?:it|thap|nho|ngan) nhat"
# (the largest of the world or the country describes the thing, and "… diễn ra ngày nào" asks a date of it)
_OF_ALL = r"(?! (?:the gioi|ca nuoc|khu vuc|chau a|dong nam a|viet nam)\b)"
# (…with the thing counted between: "huyện nào có nhiều người đăng ký … nhất")
_SPLIT_MOST = r"(?:nhieu|it)(?: [a-z0-9]+){1,12}? nhat"
_RANKED = re.compile(rf"\bnao\b(?: [a-z0-9]+){{0,6}} ({_MOST}|{_LEAST}|{_SPLIT_MOST})\b{_OF_ALL}"
                     rf"|\b({_MOST}|{_LEAST})\b{_OF_ALL}(?: [a-z0-9]+){{0,8}}(?<!ngay)(?<!thang)(?<!luc)(?<!khi)(?<!gio) nao\b")
_MONEY_CUE = re.compile(r"\b(?:khoan|chi|kinh phi|tien|von|tai tro|vien tro|giai ngan|ngan sach|du toan)\b")
_ROW = re.compile(r"^\s*(?:[-•+]\s*)?([^:;\n]{2,150}?):\s(.+)$")
_PAIR = re.compile(r"^([^:;]{2,60}?):\s*(.+)$")
_TOTAL = re.compile(r"^(?:tổng|cộng|tổng cộng|tổng số|cộng chung)\b", re.IGNORECASE)
_VALUE = re.compile(r"(\d[\d.,]*)\s*(tỷ|tỉ|triệu|nghìn|ngàn)?\s*(đồng|USD|EUR|%|lượt|người)?", re.IGNORECASE)
_SCALE = {"tỷ": 1e9, "tỉ": 1e9, "triệu": 1e6, "nghìn": 1e3, "ngàn": 1e3}
_MONEY_UNIT = re.compile(r"\b(?:đồng|USD|EUR|euro|yên|won)\b", re.IGNORECASE)
MIN_ROWS = 3  # rows a table needs before one of them is its largest


@dataclass(frozen=True)
class _Row:
    at: int  # the line's place in the text: rows of one table stand together
    line: str
    chunk: StoredChunk
    values: dict[str, float]  # key (folded) → the figure it holds
    money: frozenset[str]  # keys whose figure is a sum of money


def ranked_row_asked(folded: str) -> str | None:
    """"most" or "least" when the question asks a row by its rank; None otherwise."""
    m = _RANKED.search(folded)
    if not m:
        return None
    said = m.group(1) or m.group(2)
    return "least" if re.fullmatch(_LEAST, said) or said.startswith("it ") else "most"


def _number(text: str) -> float | None:
    m = _VALUE.search(text)
    if not m:
        return None
    digits = m.group(1).rstrip(".,")
    # "1.184.650.000", "4,5": dots group thousands, a comma marks the decimals
    digits = digits.replace(".", "").replace(",", ".") if re.search(r"\.\d{3}(?!\d)", digits) or "," in digits else digits
    try:
        value = float(digits)
    except ValueError:
        return None
    return value * _SCALE.get((m.group(2) or "").lower(), 1.0)


def _rows(plan_id: str, index: PlanIndex) -> list[_Row]:
    rows = []
    at = 0
    for chunk in index.chunks(plan_id):
        for line in chunk.text.split("\n"):
            at += 1
            m = _ROW.match(line)
            if not m or _TOTAL.match(m.group(1).strip()):
                continue
            values: dict[str, float] = {}
            money = set()
            for part in m.group(2).split("; "):
                pair = _PAIR.match(part.strip())
                if pair is None or (value := _number(pair.group(2))) is None:
                    continue
                key = vi.collapse(pair.group(1))
                values[key] = value
                if _MONEY_UNIT.search(pair.group(2)):
                    money.add(key)
            if values:
                rows.append(_Row(at, line.strip(), chunk, values, frozenset(money)))
    return rows


def _measure(folded: str, rows: list[_Row]) -> str | None:
    """The key asked: the one sharing most of the question's words, else the sum of money when money is asked."""
    keys = {k for r in rows for k in r.values}
    words = set(folded.split()) - FOLDED_STOPWORDS
    shared = {k: len(set(k.split()) & words) for k in keys}
    best = max(shared.values(), default=0)
    if best:
        return sorted(k for k in keys if shared[k] == best)[0]
    money = sorted({k for r in rows for k in r.money})
    return money[0] if money and (MONEY_ASKED.search(folded) or _MONEY_CUE.search(folded)) else None


def _table(rows: list[_Row], key: str) -> list[_Row]:
    """The longest run of rows next to one another that hold the key: one table's rows."""
    runs: list[list[_Row]] = []
    for row in (r for r in rows if key in r.values):
        if runs and row.at - runs[-1][-1].at <= 1:
            runs[-1].append(row)
        else:
            runs.append([row])
    return max(runs, key=len, default=[])


def ranked_row_answer(q: Question, hits: list[Hit], index: PlanIndex) -> Answer | None:
    """The row of the best text's table that is largest (or smallest) by the measure asked; None when the question
    asks no row by its rank or the text has no such table."""
    rank = ranked_row_asked(q.pq.folded)
    if rank is None or not hits:
        return None
    for plan_id in list(dict.fromkeys(h.chunk.plan_id for h in hits))[:2]:
        rows = _rows(plan_id, index)
        key = _measure(q.pq.folded, rows)
        if key is None or len(table := _table(rows, key)) < MIN_ROWS:
            continue
        measure = key
        pick = (max if rank == "most" else min)(table, key=lambda r: r.values[measure])
        point = Point(pick.line, pick.chunk, pick.line, 1.0)
        numbered = number_points([point], index.plan)
        return Answer(q.text, True, "\n".join(numbered.lines), numbered.citations, kind="passage", points=numbered.said)
    return None


# an inline list of places or bodies with their figures: "Trong đó: Lục Nam 895 người; Yên Dũng 396 người; …"
_INLINE_ITEM = re.compile(rf"(?:^|[;:,]\s*)((?:[{vi.UPPER}][{vi.LOWER}]+)(?:\s+[{vi.UPPER}][{vi.LOWER}]+){{0,3}})\s+"
                          r"(\d[\d.,]*)\s*(người|lượt|đoàn|dự án|hồ sơ|trường hợp)\b")


def ranked_inline(q: Question, hits: list[Hit], index: PlanIndex) -> Answer | None:
    """"Huyện nào … nhiều … nhất?" of a line listing each with its figure ("Lục Nam 895 người; Yên Dũng 396 người"):
    the item with the largest (or smallest) figure, said with the line it is read from."""
    rank = ranked_row_asked(q.pq.folded)
    if rank is None or not hits:
        return None
    for hit in hits[:2]:
        for line in hit.chunk.text.split("\n"):
            items = [(m.group(1), _number(m.group(2)), m.group(3)) for m in _INLINE_ITEM.finditer(line)]
            items = [(name, value, unit) for name, value, unit in items if value is not None]
            if len(items) < MIN_ROWS or len({unit for _, _, unit in items}) > 1:
                continue
            name, value, unit = (max if rank == "most" else min)(items, key=lambda item: item[1] or 0.0)
            figure = next(m.group(2) for m in _INLINE_ITEM.finditer(line) if m.group(1) == name)
            point = Point(f"{name}: {figure} {unit} ({'nhiều' if rank == 'most' else 'ít'} nhất trong danh sách).",
                          hit.chunk, line.strip(), 1.0)
            numbered = number_points([point], index.plan)
            return Answer(q.text, True, "\n".join(numbered.lines), numbered.citations, kind="passage", points=numbered.said)
    return None
