"""Where a coordinated question joins two of its questions (folded text in, the join out): the comma that ends the
first ("… trước ngày nào, Sở … và Bộ … ngày nào?"), else its first "và" ("… và do ai ký?"); a comma inside the thing
counted ("bao nhiêu võ sinh, võ sư và bao nhiêu đoàn") is an item of a list, and the "và" after it joins."""
from __future__ import annotations

import re

# Words that join two questions in one: "ban hành ngày nào và do ai ký?", "…, vào ngày nào?"
# (…or a question mark with a second question after it: "… đến ngày nào? giải nhất được bao nhiêu tiền")
JOINS = re.compile(r"\s*(?:,\s*(?:va|con|dong thoi)\s+|\s+va\s+|,\s*|;\s*|\?\s*(?=\S))")
# a "gì"/"nào" closing a clause before a join, or "có … không": a clause asking a thing of its own
CLAUSE_ASKS = re.compile(r"\b(gi|nao)(?=\s*(?:,|\s+va\s)\s*\S)"  # …and "có … không" ("có … tập huấn ko, và có … không")
                         r"|\bco\b[^,;?]{3,}?\b(khong|ko|chua)(?=\s*(?:,|\s+va\s)\s*\S|\s*\??\s*$)")
LAST_ASKS = re.compile(r"\b(gi|nao)\s*\??\s*$")  # …or closing the question
LISTED_SYLLABLES = 3  # a piece this short between a comma and a "và" is an item of a list, not a question


def question_join(folded: str, start: int, end: int) -> re.Match | None:
    """The join between the question words ending at `start` and starting at `end`; None when nothing joins them."""
    # (one character past the end: "… khi nào? Nghệ nhân nào …" — the mark is a join when a question follows it)
    joins = [j for j in JOINS.finditer(folded, start, min(len(folded), end + 1)) if j.end() <= end]
    if not joins:
        return None
    commas = [j for j in joins if "," in j.group() or ";" in j.group() or "?" in j.group()]
    join = commas[-1] if commas else joins[0]
    ands = [j for j in joins if not re.search(r"[,;?]", j.group()) and j.start() > join.end()]
    if commas and ands and len(folded[join.end():ands[0].start()].split()) <= LISTED_SYLLABLES:
        return ands[0]
    return join


def untyped_clause_cut(folded: str, last: int) -> tuple[int, int] | None:
    """The join after a clause asking "<thing> nào …" with words of its own, before another closing with "nào / gì"."""
    inner = re.search(r"\b(?:nao|gi)\b", folded)
    join = None if inner is None else next((m for m in re.finditer(r",\s*(?:va\s+)?|\s+va\s+", folded[:last])
                                            if m.start() > inner.end()), None)
    if inner is None or join is None or content_syllables(folded[inner.end():join.start()]) < OWN_CLAUSE_CONTENT \
            or content_syllables(folded[join.end():last]) < SAME_KIND_CONTENT:
        return None
    return join.start(), join.end()


def opens_own_clause(folded: str, joined_at: int, start: int, end: int, spans: list[tuple[int, int, str]]) -> bool:
    """"ai là Trưởng đại diện … và ai chủ trì phía UBND tỉnh?": the second question word right after the join, with
    a clause of its own words after it, asks of someone else."""
    if folded[joined_at:start].strip():
        return False
    following = next((s for s, _, _ in spans if s >= end), len(folded))
    return content_syllables(folded[end:following]) >= OWN_CLAUSE_CONTENT


OWN_CLAUSE_CONTENT = 3  # content syllables after a repeated question word that make its clause a question of its own


def counted_after(folded: str, at: int) -> str:  # what a "bao nhiêu / mấy" ending at `at` counts ("thanh vien"), or ""
    m = re.match(r"\s+([a-z]+ [a-z]+|[a-z]+)", folded[at:at + 30].lower())
    return m.group(1) if m and m.group(1).split()[0] not in FRAME_SYLLABLES else ""


SAME_KIND_CONTENT = 2  # content syllables that make a second question of the same kind a question of its own
FRAME_SYLLABLES = frozenset("la co duoc thi vao ngay nam thang khi han thoi gian bao gio nao gi".split())


def content_syllables(folded: str) -> int:
    """Syllables of a stretch of a question that say what it is about, not how it asks."""
    return sum(1 for s in folded.lower().split() if s.isalpha() and s not in FRAME_SYLLABLES)


_CLAUSE_JOIN = re.compile(r"[,;]\s+(?:va|con|dong thoi)\s+")
_NOUN_NAO = re.compile(r"(?<!\bthe )(?<!\bbat ky )\b(?:[a-z]+ )(nao)\b")


def nao_after_join(folded: str, start: int) -> tuple[int, int] | None:
    """The "nào" of a clause that ", và" opens after `start` ("… bao nhiêu tàu cá bị bắt giữ, và năm 2025 tàu cá nào bị
    Thái Lan bắt …?"): a question of its own, though no type names its question word."""
    joined = _CLAUSE_JOIN.search(folded, start)
    asks = _NOUN_NAO.search(folded, joined.end()) if joined else None
    return asks.span(1) if asks else None
