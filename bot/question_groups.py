"""Refused questions grouped by similarity: "what the plans don't answer", for the admin page.

Deterministic and cheap: each question becomes its set of content syllables (folded, without the
words every question has), and a question joins the first group whose first question shares enough
of them (Jaccard, or two shared words for short ones). Groups come out largest first.
"""
from __future__ import annotations

from ground import vi

SIMILARITY = 0.5
_COMMON = set(
    """ai gi nao la co khong cua va cac nhung mot cho voi trong o tai duoc bi thi ma de den tu nay do
    the sao bao nhieu khi may nhu toi ban minh em anh chi a a nhe vay hay hoac theo ke hoach van ban
    tinh thanh pho""".split()
)


def content_syllables(question: str) -> frozenset[str]:
    return frozenset(s for s in vi.folded_syllables(question) if s not in _COMMON and not s.isdigit())


def _similar(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return a == b
    shared = len(a & b)
    # Jaccard for long questions; short ones ("giá vé vào cửa" / "giá vé tham quan") need two shared words
    return shared / len(a | b) >= SIMILARITY or (shared >= 2 and shared / min(len(a), len(b)) >= SIMILARITY)


def group_similar(questions: list[str], limit: int = 20, examples: int = 5) -> list[dict]:
    """[{label, count, examples}] — label is the group's most frequent wording."""
    groups: list[tuple[frozenset[str], list[str]]] = []
    for question in questions:
        key = content_syllables(question)
        for head, members in groups:
            if _similar(head, key):
                members.append(question)
                break
        else:
            groups.append((key, [question]))
    groups.sort(key=lambda g: -len(g[1]))
    out = []
    for _, members in groups[:limit]:
        distinct = list(dict.fromkeys(members))
        label = max(distinct, key=lambda q: (members.count(q), -len(q)))
        out.append({"label": label, "count": len(members), "examples": distinct[:examples]})
    return out
