"""Section tree of Vietnamese administrative documents (Kế hoạch, Quyết định, Công văn …).

Headings and list markers are recognised line by line (ingest.markers). How deep a marker sits is
decided by its type relative to the types already open, not by fixed depths: documents start at any
level ("I." or directly "1."), and the weaker list markers ("a)", "1)", "-", "+") nest in whatever
order the document first uses them.

Conventions of the returned tree (ground.plans.Section):
- the root has marker "", heading "", level 0 and spans the whole text; its own body (text before
  its first child) is the preamble: emblem, "Số: …", title, "Thực hiện Quyết định …";
- level is the depth in the tree (a document starting at "1." has its "1." at level 1);
- a headed node ("II.", "1.", "a)", "Điều 3.") has the text after its marker as heading, and
  body_start after its heading line(s); a bullet ("-", "+", "•" …) has heading "" and
  body_start == start: its whole line is body;
- the signature block ("Nơi nhận:", "KT. CHỦ TỊCH" …) becomes a last child of the root with
  marker "" and heading "Nơi nhận", so it is never part of the last real section.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ground.plans import SECTION_SEPARATOR, Section
from ingest.markers import (
    APPENDIX,
    BULLET_MARKERS,
    Marker,
    appendix_heading,
    candidates,
    is_caps,
    is_signature_line,
    looks_headed,
)

SIGNATURE_HEADING = "Nơi nhận"
DISPLAY_LIMIT = 120

# Fixed order of the strong heading types; numbers go deeper with each ".n" component.
_STRONG_ORDER = ("phan", "chuong", "muc", "dieu", "upper", "roman")
_ENUM_KINDS = frozenset({"letter", "num_paren", "lroman", "named"})


@dataclass(frozen=True)
class _Line:
    start: int  # first non-space character
    end: int  # end of the line, newline excluded
    text: str  # stripped


# ---------------------------------------------------------------- sequence context


class _Context:
    """Ranks of the marker types seen so far and the last value of each open sequence."""

    def __init__(self) -> None:
        self.enum_order: list[str] = []  # weak enumerations, in order of first use
        self.bullet_order: list[str] = []
        self.last: dict[str, tuple[int, int]] = {}  # kind → (value, serial)
        self.serial = 0

    def rank(self, kind: str) -> tuple[int, int]:
        if kind in _STRONG_ORDER:
            return 0, _STRONG_ORDER.index(kind)
        if kind.startswith("num") and kind[3:].isdigit():
            return 0, len(_STRONG_ORDER) + int(kind[3:])
        order = self.enum_order if kind in _ENUM_KINDS else self.bullet_order
        if kind not in order:
            order.append(kind)  # a type first used deeper than the open ones ranks below them
        return (1 if kind in _ENUM_KINDS else 2), order.index(kind)

    def fits(self, marker: Marker) -> bool:
        """Starts a list or continues the open sibling sequence (one skipped item tolerated)."""
        prev = self.last.get(marker.kind)
        return marker.value == 1 or (prev is not None and prev[0] < marker.value <= prev[0] + 2)

    def recency(self, marker: Marker) -> int:
        return self.last.get(marker.kind, (0, -1))[1]

    def choose(self, found: list[Marker]) -> Marker | None:
        accepted = [m for m in found if self._acceptable(m)]
        if not accepted:
            return None
        # A fitting sequence wins ("V." after "IV." is Roman, "i)" after "h)" a letter); among
        # several, the sequence used last; else the order of `candidates` (Roman before letter).
        fitting = [m for m in accepted if self.fits(m)]
        if fitting:
            return max(fitting, key=self.recency)
        return accepted[0]

    def _acceptable(self, m: Marker) -> bool:
        if m.kind in ("roman", "upper"):
            return self.fits(m) or is_caps(m.rest)
        if m.kind == "letter":
            return m.delim == ")" or self.fits(m)
        if m.kind == "lroman":
            return self.fits(m)
        return True

    def opened(self, marker: Marker) -> None:
        """A section of this kind opened: deeper sequences restart under it."""
        rank = self.rank(marker.kind)
        for kind in [k for k in self.last if self.rank(k) > rank]:
            del self.last[kind]
        self.serial += 1
        self.last[marker.kind] = (marker.value, self.serial)


# ---------------------------------------------------------------- tree building


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        out.append(_Line(pos + lead, pos + len(raw), stripped))
        pos += len(raw) + 1
    return out


def _signature_index(lines: list[_Line]) -> int | None:
    """Earliest signature line after which no heading or numbered item follows."""
    last_headed = max((i for i, ln in enumerate(lines) if ln.text and looks_headed(ln.text)), default=-1)
    for i, line in enumerate(lines):
        if i > last_headed and line.text and is_signature_line(line.text):
            return i
    return None


def _next_text_line(lines: list[_Line], i: int, limit: int) -> int | None:
    """Index of the next non-empty line, allowing one blank line in between."""
    for j in (i + 1, i + 2):
        if j >= limit:
            return None
        if lines[j].text:
            return j
    return None


def _heading_lines(marker: Marker, lines: list[_Line], i: int, limit: int) -> tuple[str, int]:
    """Heading text and index of its last line: a bare marker takes the next line ("Chương I" /
    "QUY ĐỊNH CHUNG"); an all-caps heading continues on following all-caps lines."""
    heading, last = marker.rest, i
    if not heading:
        j = _next_text_line(lines, i, limit)
        if j is not None and not candidates(lines[j].text) and not is_signature_line(lines[j].text):
            heading, last = lines[j].text, j
    for _ in range(2):
        if not is_caps(heading):
            break
        j = _next_text_line(lines, last, limit)
        if j is None:
            break
        nxt = lines[j].text
        if not is_caps(nxt) or candidates(nxt) or is_signature_line(nxt) or len(nxt) > 200:
            break
        heading, last = f"{heading} {nxt}", j
    return heading, last


_LIST_HEADING = re.compile(r"^(?:DANH SÁCH|DANH MỤC|BẢNG|BIỂU)\s+\S")
_ATTACHED_KIND = re.compile(r"^(?:KẾ HOẠCH|PHƯƠNG ÁN|QUY CHẾ|QUY ĐỊNH|ĐỀ ÁN|CHƯƠNG TRÌNH|HƯỚNG DẪN|ĐIỀU LỆ|QUY TRÌNH)\b")
_ATTACHED_NOTE = re.compile(r"^\(?\s*(?:Ban hành )?[Kk]èm theo\b")
ATTACHED_NOTE_LINES = 3  # lines under an issued text's heading within which "(Kèm theo Quyết định …)" stands


def parse_sections(text: str) -> Section:
    """The section tree of a document; offsets point into `text`.

    Appendices ("PHỤ LỤC …") after the body are top-level parts of their own, each with its own numbering
    (a "I." inside one restarts), and the signature block before them stays a block of its own."""
    root = Section(marker="", heading="", level=0, start=0, end=len(text), body_start=0)
    lines = _lines(text)
    # ("Phụ lục" alone over its title in capitals, "TÓM TẮT QUÁ TRÌNH …", opens one too)
    appendices = [i for i, ln in enumerate(lines) if ln.text and (appendix_heading(ln.text) or ln.text.strip() == "Phụ lục"
                  and i + 1 < len(lines) and is_caps(lines[i + 1].text))]
    appendices = [i for i in appendices if not _inside_body(lines, i)]
    if not appendices and (signed := _signature_index(lines)) is not None:
        # a list set after the signature under a heading of its own ("DANH SÁCH ĐOÀN RA NĂM 2028 …"): an appendix
        appendices = [i for i in range(signed + 1, len(lines)) if _LIST_HEADING.match(lines[i].text)
                      and is_caps(lines[i].text)][:1]
    # …and so is the text a decision issues, set after its signature ("PHƯƠNG ÁN" / "(Kèm theo Quyết định số …)")
    signed_at = next((i for i, ln in enumerate(lines) if ln.text and is_signature_line(ln.text)), None)
    attached = next((i for i in range(signed_at + 1, appendices[0] if appendices else len(lines))
                     if is_caps(lines[i].text) and _ATTACHED_KIND.match(lines[i].text) and any(
                         _ATTACHED_NOTE.search(ln.text) for ln in lines[i + 1:i + ATTACHED_NOTE_LINES + 1])),
                    None) if signed_at is not None else None
    appendices = ([attached] if attached is not None else []) + appendices
    body_lines = appendices[0] if appendices else len(lines)
    body_limit = lines[body_lines].start if appendices else len(text)
    sig = _signature_index(lines[:body_lines])
    limit = sig if sig is not None else body_lines
    body_end = lines[sig].start if sig is not None else body_limit
    _build(text, lines, 0, limit, root, body_end)
    if sig is not None:
        start = lines[sig].start
        root.children.append(Section(marker="", heading=SIGNATURE_HEADING, level=1, start=start,
                                     end=body_limit, body_start=start))
    for n, i in enumerate(appendices):
        stop = appendices[n + 1] if n + 1 < len(appendices) else len(lines)
        end = lines[stop].start if stop < len(lines) else len(text)
        m = APPENDIX.match(lines[i].text)
        rest = m.group("rest").strip() if m else ""
        marker = lines[i].text[:len(lines[i].text) - len(rest)].strip() if rest else lines[i].text
        heading, last = _heading_lines(Marker("appendix", 0, marker, rest, ""), lines, i, stop)
        if not rest and heading:  # "PHỤ LỤC II" / "DANH MỤC …" on the next line: one label, "PHỤ LỤC II: DANH MỤC …"
            marker += ":"
        node = Section(marker=marker, heading=heading, level=1, start=lines[i].start, end=end,
                       body_start=min(lines[last].end + 1, end))
        root.children.append(node)
        _build(text, lines, last + 1, stop, node, end)
    return root


_PART = re.compile(r"^([IVX]{1,5})\.\s+[A-ZĐÀ-Ỹ]")  # "III. ĐÁNH GIÁ CHUNG": a part of the body's first numbering
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}


def _inside_body(lines: list[_Line], at: int) -> bool:
    """A "PHỤ LỤC I" heading set among the body's parts (the table the body refers to, then "III. ĐÁNH GIÁ CHUNG"
    after "II."): the next part heading goes on with the body's numbering, so the body does not end there."""
    before = [_ROMAN.get(m.group(1), 0) for ln in lines[:at] if (m := _PART.match(ln.text))]
    after = next((_ROMAN.get(m.group(1), 0) for ln in lines[at + 1:] if (m := _PART.match(ln.text))), 0)
    return bool(before) and after > 1 and after == max(before) + 1


def _build(text: str, lines: list[_Line], lo: int, hi: int, parent_node: Section, body_end: int) -> None:
    """The sections of lines[lo:hi] under `parent_node`, with a numbering context of their own."""
    ctx = _Context()
    stack: list[tuple[Section, tuple[int, int]]] = [(parent_node, (-1, -1))]
    i = lo
    while i < hi:
        line = lines[i]
        marker = ctx.choose(candidates(line.text)) if line.text else None
        if marker is None:
            i += 1
            continue
        rank = ctx.rank(marker.kind)
        while stack[-1][1] >= rank:
            stack.pop()[0].end = line.start
        parent = stack[-1][0]
        if marker.kind in ("dash", "plus", "star", "dot"):
            heading, last, body_start = "", i, line.start
        else:
            heading, last = _heading_lines(marker, lines, i, hi)
            body_start = min(lines[last].end + 1, len(text))
        node = Section(marker=marker.marker, heading=heading, level=parent.level + 1, start=line.start,
                       end=body_end, body_start=body_start)
        parent.children.append(node)
        stack.append((node, rank))
        ctx.opened(marker)
        i = last + 1
    for node, _ in stack[1:]:
        node.end = body_end


# ---------------------------------------------------------------- paths


def is_bullet(node: Section) -> bool:
    return node.marker in BULLET_MARKERS


def is_headed(node: Section) -> bool:
    """A node that names a part of the document (not the root, not a dash/bullet item)."""
    return node.level > 0 and not is_bullet(node) and bool(node.marker or node.heading)


def is_signature(node: Section) -> bool:
    return node.level > 0 and node.marker == "" and node.heading == SIGNATURE_HEADING


def display_label(node: Section, limit: int = DISPLAY_LIMIT) -> str:
    """"II. MỤC TIÊU"; a long sentence used as heading is cut at a word boundary for display."""
    label = node.label
    if len(label) <= limit:
        return label
    cut = label[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def chain_at(root: Section, offset: int) -> list[Section]:
    """Nodes containing `offset`, outermost first, the root excluded."""
    chain: list[Section] = []
    node = root
    while True:
        inner = next((c for c in node.children if c.start <= offset < c.end), None)
        if inner is None:
            return chain
        chain.append(inner)
        node = inner


def section_path(node_chain: Iterable[Section]) -> str:
    """Display path of the headed nodes of a chain: "II. MỤC TIÊU › 2. Các mục tiêu cụ thể".

    Dash/bullet items are skipped, so the path stops at the deepest headed section; "" when the
    chain has no headed node (preamble, news paragraphs).
    """
    return SECTION_SEPARATOR.join(display_label(n) for n in node_chain if is_headed(n))


def path_at(root: Section, offset: int) -> str | None:
    """Display path of the section containing `offset`, None in the preamble."""
    return section_path(chain_at(root, offset)) or None
