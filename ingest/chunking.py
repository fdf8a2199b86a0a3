"""Structure-aware chunking: pieces of at most `max_chars` that never mix two sections.

How the text is cut (every chunk is an exact, trimmed slice of the plan text):
1. The section tree tiles the text into blocks, one per headed section's own text (its heading
   line, body paragraphs and dash/bullet items; bullets never get a path of their own). The root's
   blocks are the preamble, or the whole of a news article without headings: path None.
2. Lead-ins: a section with sub-sections whose own text is shorter than `min_chars` (typically
   just its heading, "III. NỘI DUNG …", or "… như sau:") is joined to the start of its first
   sub-section, so bare headings never become chunks of their own. That chunk keeps the
   sub-section's path, which names the parent too.
3. Tiny siblings: consecutive leaf sections under the same parent node that are each shorter than
   `min_chars` are merged while the total stays within `max_chars`. A merged chunk's path is the
   parent's path (e.g. "IV. TỔ CHỨC THỰC HIỆN" for several one-line agency duties). A section that
   is not tiny always keeps its own, more specific path. Nothing merges across parents; top-level
   sections (whose parent, the root, has no path) and the signature block are never merged.
4. A block longer than `max_chars` is cut at item boundaries (bullets, sub-items, paragraphs),
   then line breaks, then sentence ends (". ", "; ", "… "; abbreviations such as "TP.", "v.v."
   kept), then commas, then whitespace; the pieces are packed greedily back up to `max_chars`.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ground import vi
from ground.plans import Chunk, Section
from ingest.structure import is_headed, is_signature, section_path

CHUNKER_VERSION = "3"  # 2: a whole task record is never merged with its siblings; 3: an ellipsis before a lower-case word cuts no sentence

# (an ellipsis before a lower-case word is a pause inside the sentence: "… trao đổi giảng viên… đã được ký kết …")
_SENTENCE_END = re.compile(r"(?:(?:\.\.\.|…)(?=[\"”’'»)\]]*\s+[^\s" + vi.LOWER + r"])|[.!?;])[\"”’'»)\]]*\s+")
_CLAUSE_END = re.compile(r"[,:]\s+")
_WHITESPACE = re.compile(r"\s+")
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")  # "v.v", "Th.S"
# the labelled lines of an activity list ("- Cơ quan chủ trì: Sở Ngoại vụ."), as ingest/task_tables.py reads them
_TASK_FIELD_LINE = re.compile(r"(?m)^\s*[-–+•*]?\s*(?:Cơ quan |Đơn vị )?(?:chủ trì|phối hợp|thực hiện|thời gian|thời hạn|"
                              r"kinh phí|sản phẩm)[^:\n]{0,20}:", re.IGNORECASE)
_TASK_RECORD_FIELDS = 2
_MARKER_TOKEN = re.compile(r"\d+(?:\.\d+)*|[IVXivx]+|[A-Za-zđĐ]")  # "1." "II." "a." at a line start


@dataclass
class _Block:
    start: int
    end: int
    owner: Section  # nearest headed section, or the root
    parent: Section | None  # the node the owner hangs from (None for the root)
    chain: tuple[Section, ...]  # owner's ancestors and owner, root excluded
    units: tuple[int, ...]  # starts of items (bullets, sub-items) inside the block
    leaf: bool  # the block is the owner's whole text: no headed sections below it

    @property
    def path(self) -> str | None:
        return section_path(self.chain) or None


def _trimmed_len(text: str, start: int, end: int) -> int:
    return len(text[start:end].strip())


# ---------------------------------------------------------------- blocks from the tree


def _blocks(root: Section) -> list[_Block]:
    """The text tiled into one block per run of a headed section's own text, in document order."""
    blocks: list[_Block] = []

    def emit(start: int, end: int, owner: Section, parent: Section | None, chain: tuple[Section, ...]) -> None:
        if start >= end:
            return
        last = blocks[-1] if blocks else None
        if last is not None and last.owner is owner and last.end == start:
            last.end, last.units = end, last.units + (start,)
            return
        leaf = owner.level > 0 and not any(is_headed(n) for n in owner.walk() if n is not owner)
        blocks.append(_Block(start, end, owner, parent, chain, (), leaf))

    def visit(node: Section, owner: Section, owner_parent: Section | None, chain: tuple[Section, ...],
              parent: Section | None) -> None:
        if node.level > 0 and is_headed(node):
            owner, owner_parent, chain = node, parent, chain + (node,)
        elif node.level > 0:
            chain = chain + (node,)
        own_end = node.children[0].start if node.children else node.end
        emit(node.start, own_end, owner, owner_parent, chain)
        for child in node.children:
            visit(child, owner, owner_parent, chain, node)

    visit(root, root, None, (), None)
    return blocks


def _is_descendant(block: _Block, ancestor: Section) -> bool:
    return any(n is ancestor for n in block.chain)


def _join_lead_ins(text: str, blocks: list[_Block], min_chars: int) -> list[_Block]:
    """Short own text of a section with sub-sections moves into its first sub-section's block."""
    out: list[_Block] = []
    carry: int | None = None
    for i, block in enumerate(blocks):
        if carry is not None:
            block.start, block.units = carry, (block.start, *block.units)
            carry = None
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        is_lead_in = (block.owner.level > 0 and not block.leaf and not is_signature(block.owner)
                      and nxt is not None and _is_descendant(nxt, block.owner)
                      and _trimmed_len(text, block.start, block.end) < min_chars)
        if is_lead_in:
            carry = block.start
        else:
            out.append(block)
    return out


def _merge_tiny_siblings(text: str, blocks: list[_Block], max_chars: int, min_chars: int) -> list[
        tuple[int, int, str | None, tuple[int, ...]]]:
    """(start, end, path, unit starts) per chunkable span; tiny sibling leaves share their parent's path."""
    def tiny(b: _Block) -> bool:
        # top-level sections are never merged: the root has no path to give the merged chunk; nor is a whole task
        # record ("3. <hoạt động>" / "- Thời gian: …" / "- Cơ quan chủ trì: …"): its lines say which task they are of
        # only inside its own chunk
        return (b.leaf and not is_signature(b.owner) and bool(section_path(b.chain[:-1]))
                and _trimmed_len(text, b.start, b.end) < min_chars
                and len(_TASK_FIELD_LINE.findall(text, b.start, b.end)) < _TASK_RECORD_FIELDS)

    spans: list[tuple[int, int, str | None, tuple[int, ...]]] = []
    group: list[_Block] = []

    def flush() -> None:
        if not group:
            return
        # several sections in one chunk: only their common parent's path is true of all of them
        path = group[0].path if len(group) == 1 else section_path(group[0].chain[:-1]) or None
        units = tuple(u for b in group for u in (b.start, *b.units))[1:]
        spans.append((group[0].start, group[-1].end, path, units))
        group.clear()

    for block in blocks:
        joinable = (group and tiny(block) and tiny(group[-1]) and block.parent is group[-1].parent
                    and _trimmed_len(text, group[0].start, block.end) <= max_chars)
        if not joinable:
            flush()
        group.append(block)
    flush()
    return spans


# ---------------------------------------------------------------- cutting long text


def _paragraph_starts(text: str, start: int, end: int) -> list[int]:
    return [start + m.end() for m in re.finditer(r"\n[ \t]*\n\s*", text[start:end])]


def _at_line_start(text: str, pos: int, floor: int) -> bool:
    line_start = max(floor, text.rfind("\n", 0, pos) + 1)
    return not text[line_start:pos].strip()


def _sentence_starts(text: str, start: int, end: int) -> list[int]:
    cuts = []
    for m in _SENTENCE_END.finditer(text, start, end):
        if text[m.start()] == "." and not text.startswith("...", m.start()):
            token_match = re.search(r"\S+$", text[max(start, m.start() - 30):m.start()])
            token = token_match.group(0) if token_match else ""
            token_start = m.start() - len(token)
            if token in vi.ABBREVIATIONS or _DOTTED.fullmatch(token) or (len(token) == 1 and token.isupper()):
                continue
            if _MARKER_TOKEN.fullmatch(token) and _at_line_start(text, token_start, start):
                continue  # "1. Mục đích": the dot of a list marker
            if m.end() < end and text[m.end()].islower():
                continue  # a lower-case word after "." continues the sentence
        cuts.append(m.end())
    return cuts


def _regex_starts(pattern: re.Pattern) -> Callable[[str, int, int], list[int]]:
    return lambda text, start, end: [m.end() for m in pattern.finditer(text, start, end)]


# After item and paragraph starts (level 0), from coarse to fine.
_CUTTERS: tuple[Callable[[str, int, int], list[int]], ...] = (
    lambda text, start, end: [start + m.end() for m in re.finditer(r"\n\s*", text[start:end])],
    _sentence_starts,
    _regex_starts(_CLAUSE_END),
    _regex_starts(_WHITESPACE),
)


def _cuts(text: str, start: int, end: int, level: int, units: tuple[int, ...]) -> list[int]:
    if level == 0:
        return sorted({u for u in units if start < u < end} | set(_paragraph_starts(text, start, end)))
    return [c for c in _CUTTERS[level - 1](text, start, end) if start < c < end]


def _pieces(text: str, start: int, end: int, max_chars: int, min_chars: int, level: int,
            units: tuple[int, ...]) -> list[tuple[int, int]]:
    """Contiguous pieces each within max_chars, cut at the coarsest boundaries that suffice.

    Whole segments (items, paragraphs, sentences) are packed together greedily; the fragments of a
    segment that had to be cut finer stay apart from their neighbours, so chunks start and end at
    item boundaries where possible, unless one side is tiny (a heading line, a short tail).
    """
    if _trimmed_len(text, start, end) <= max_chars:
        return [(start, end)]
    if level > len(_CUTTERS):  # one "word" longer than max_chars: hard cut
        return [(p, min(p + max_chars, end)) for p in range(start, end, max_chars)]
    cuts = _cuts(text, start, end, level, units)
    if not cuts:
        return _pieces(text, start, end, max_chars, min_chars, level + 1, units)
    bounds = [start, *cuts, end]
    out: list[tuple[int, int]] = []
    last_whole = False
    for a, b in zip(bounds, bounds[1:], strict=False):
        sub = _pieces(text, a, b, max_chars, min_chars, level + 1, units)
        whole = len(sub) == 1
        if out:
            tiny = min(_trimmed_len(text, *out[-1]), _trimmed_len(text, *sub[0])) < min_chars
            joinable = (last_whole and whole) or tiny
            if joinable and _trimmed_len(text, out[-1][0], sub[0][1]) <= max_chars:
                out[-1] = (out[-1][0], sub[0][1])
                sub = sub[1:]
        out.extend(sub)
        last_whole = whole
    return out


def split_span(text: str, start: int, end: int, max_chars: int, min_chars: int = 0,
               units: tuple[int, ...] = ()) -> list[tuple[int, int]]:
    """Cut text[start:end] into contiguous pieces whose trimmed length is at most max_chars.

    `units` are extra item starts (bullets, sub-items) preferred as cut points; paragraph starts
    always are. Pieces shorter than `min_chars` may be glued across an item boundary.
    """
    return _pieces(text, start, end, max_chars, min_chars, 0, units)


# ---------------------------------------------------------------- chunks


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """text[start:end] without its leading and trailing whitespace, as (start, end)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def embed_text(title: str, section: str | None, text: str) -> str:
    """What is embedded: the plan title on one line, the section path when known, then the text."""
    head = " ".join(title.split())
    return "\n".join(part for part in (head, section, text) if part)


def chunk_plan(text: str, root: Section, title: str, source: str, max_chars: int = 1000,
               min_chars: int = 250) -> list[Chunk]:
    """Chunks in document order; plan_id and id stay "" until Plan.finalize()."""
    blocks = _join_lead_ins(text, _blocks(root), min_chars)
    chunks: list[Chunk] = []
    for span_start, span_end, path, units in _merge_tiny_siblings(text, blocks, max_chars, min_chars):
        for a, b in split_span(text, span_start, span_end, max_chars, min_chars, units):
            start, end = trim_span(text, a, b)
            if start == end:
                continue
            body = text[start:end]
            chunks.append(Chunk(plan_id="", seq=len(chunks), text=body, embed_text=embed_text(title, path, body),
                                section=path, start=start, end=end, source=source))
    return chunks
