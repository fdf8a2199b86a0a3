"""A decision that issues a plan: where the plan starts, and a section tree that reads it as a plan.

Provinces often publish a plan inside the decision that issues it: "QUYẾT ĐỊNH … ban hành Kế hoạch …",
Điều 1–3, "Nơi nhận", the signature, then the plan itself ("KẾ HOẠCH … (Ban hành kèm theo Quyết định
số …)", I., II., …). The pair is one document (one catalog entry under the decision's number and date and
the plan's title); its sections are the decision's articles, then the plan's own sections at the top
level, as if the plan stood alone.
"""
from __future__ import annotations

import re

from ground.plans import Section
from ingest.structure import parse_sections

_DECISION_TITLE = re.compile(r"(?m)^\s*QUYẾT ĐỊNH\s*:?\s*$")
_FIRST_ARTICLE = re.compile(r"(?m)^\s*Điều\s+1\s*[.:]")
_PLAN_TITLE = re.compile(r"^(?:KẾ HOẠCH|CHƯƠNG TRÌNH|ĐỀ ÁN|QUY CHẾ|QUY ĐỊNH)\b")  # (a quy chế issued the same way)
_ATTACHED = re.compile(r"^\(?\s*(?:Ban hành\s+)?kèm theo Quyết định", re.IGNORECASE)
_CLOSING = re.compile(r"^(?:Nơi nhận|(?:TM|KT)\.\s|(?:PHÓ )?CHỦ TỊCH\b|\(?Đã ký\)?)", re.IGNORECASE)
# lines of an emblem header repeated above the carried plan
_HEADER_LINE = re.compile(r"^(?:(?:ỦY|UỶ) BAN NHÂN DÂN|UBND|TỈNH\s|THÀNH PHỐ\s|SỞ\s|CỘNG H[OÒ]A|Độc lập|Số\s*:|"
                          r"[-_=*]{3,}|\|)|,\s*ngày\s+\d{1,2}\s+tháng")


def carried_plan_start(text: str) -> int | None:
    """Offset of the plan a decision issues (its header or title line), or None when there is none."""
    decision = _DECISION_TITLE.search(text)
    article = _FIRST_ARTICLE.search(text, decision.end()) if decision else None
    if article is None:
        return None
    lines = text.split("\n")
    offsets = [0]
    for line in lines[:-1]:
        offsets.append(offsets[-1] + len(line) + 1)
    first = next(i for i, off in enumerate(offsets) if off + len(lines[i]) >= article.start())
    closed = False
    for i in range(first + 1, len(lines)):
        line = lines[i].strip()
        if _CLOSING.match(line):
            closed = True
        if not (line.isupper() and _PLAN_TITLE.match(line)):
            continue
        following = [ln.strip() for ln in lines[i + 1:i + 8] if ln.strip()]
        if not closed and not any(_ATTACHED.match(ln) for ln in following):
            continue
        start = i
        j = i - 1
        while j > first and (not lines[j].strip() or _HEADER_LINE.search(lines[j].strip())):
            if lines[j].strip():
                start = j
            j -= 1
        return offsets[start]
    return None


def _shifted(node: Section, by: int) -> Section:
    return Section(marker=node.marker, heading=node.heading, level=node.level, start=node.start + by,
                   end=node.end + by, body_start=node.body_start + by,
                   children=[_shifted(c, by) for c in node.children])


def decision_sections(text: str, split: int) -> Section:
    """The decision's tree, then the carried plan's preamble and sections at the top level."""
    decision = parse_sections(text[:split])
    plan = parse_sections(text[split:])
    root = Section(marker="", heading="", level=0, start=0, end=len(text), body_start=0)
    root.children.extend(decision.children)
    first = plan.children[0].start if plan.children else len(text) - split
    if first > 0:  # the plan's title and preamble: a headless node, chunked like a plan's opening
        root.children.append(Section(marker="", heading="", level=1, start=split, end=split + first,
                                     body_start=split))
    root.children.extend(_shifted(c, split) for c in plan.children)
    return root
