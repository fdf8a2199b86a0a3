"""A Word document's tracked changes and reviewers' comments as pandoc writes them (`--track-changes=all`), read as
the document now stands: an inserted passage kept, a deleted one dropped, a changed figure or date kept beside the
new one ("9.400 (trước đây: 11.200)": a draft's earlier value is asked too), a comment kept as a note naming whoever
wrote it ("(Góp ý của Trần Thị Hạnh: …)"), which often holds a fact the text lacks."""
from __future__ import annotations

import re

# "[text]{.deletion author="…" date="…"}": one level of brackets inside the text ("[**5. Sở …**]")
_TEXT = r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]"
_KIND = r"\{\s*\.(insertion|deletion|comment-start|comment-end|paragraph-insertion|paragraph-deletion)\b([^{}]*)\}"
_SPAN = re.compile(_TEXT + _KIND)
_REPLACED = re.compile(_TEXT + r"\{\s*\.deletion\b[^{}]*\}" + _TEXT + r"\{\s*\.insertion\b[^{}]*\}")
_AUTHOR = re.compile(r'author\s*=\s*"([^"]+)"')
OLD_VALUE_CHARS = 40  # a replaced value short enough to be a figure, a date or a number, kept beside the new one


def tracked(text: str) -> bool:
    return _SPAN.search(text) is not None


def accept_changes(text: str) -> str:
    """`text` as its changes leave it, comments kept as notes; a text without tracked changes is returned as it is."""
    if not tracked(text):
        return text
    text = _REPLACED.sub(_replaced, text)
    # the earlier value after the unit both share ("9.400 triệu đồng (trước đây: 11.200 triệu đồng)"): a figure keeps
    # its unit beside it, which is how a sum is read
    text = _OLD_VALUE.sub(lambda m: f"{m.group(2)} (trước đây: {m.group(1)}{m.group(2)})", text)
    return _SPAN.sub(_one, text)


_OLD_VALUE = re.compile(r"\x00([^\x00]*)\x00((?:\s*(?:(?:triệu|tỷ|tỉ|nghìn|ngàn)\s+)?(?:đồng|USD|lượt|người|đoàn|%))?)")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _replaced(m: re.Match) -> str:
    old, new = _flat(m.group(1)), m.group(2)
    line_start = m.string.rfind("\n", 0, m.start()) + 1
    if not m.string[line_start:m.start()].strip("*_ \t") and m.string[m.end():m.end() + 1] in ".)":
        return new  # an item renumbered ("[6]{.deletion}[5]{.insertion}. Sở Giáo dục …"): its number now
    # (a name replaced is simply the new name: "Tạ Minh Khuê", not the signer who no longer signs)
    if old and len(old) <= OLD_VALUE_CHARS and re.search(r"\d", old) and not re.search(r"[.;:]\s", old):
        return f"{new}\x00{old.strip('*')}\x00"
    return new


def _one(m: re.Match) -> str:
    body, kind, attributes = m.group(1), m.group(2), m.group(3)
    if kind == "insertion":
        return body
    if kind == "comment-start" and _flat(body):
        author = _AUTHOR.search(attributes)
        who = f" của {_flat(author.group(1))}" if author else ""
        return f" (Góp ý{who}: {_flat(body).rstrip('. ')}.)"
    return ""  # a deletion, a comment's end, a paragraph mark
