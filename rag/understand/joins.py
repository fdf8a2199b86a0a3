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
    joins = list(JOINS.finditer(folded, start, end))
    if not joins:
        return None
    commas = [j for j in joins if "," in j.group() or ";" in j.group() or "?" in j.group()]
    join = commas[-1] if commas else joins[0]
    ands = [j for j in joins if not re.search(r"[,;?]", j.group()) and j.start() > join.end()]
    if commas and ands and len(folded[join.end():ands[0].start()].split()) <= LISTED_SYLLABLES:
        return ands[0]
    return join
