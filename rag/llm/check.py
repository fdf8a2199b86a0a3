"""Checks on a model's answer before anyone sees it: pure functions over text, no model, no store.

A generated answer is shown only when it cites the numbered context it was given: marks that point to no
block are removed, the rest are renumbered 1..N in order of first use (so they match the rebuilt citation
list), and an answer that is empty, uncited, a refusal, or repeats the system prompt is rejected (the
caller then shows the extractive answer).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from ground import vi
from rag.models import AnswerPoint
from rag.understand.terms import split_units, strip_marker, unit_terms

MARK = re.compile(r"\[(\d{1,3})\]")
# "[1, 2]", "[1;3]", "[2-4]" as models often write them; split into single marks first
_GROUP = re.compile(r"([ \t]*)\[(\d{1,3}(?:\s*[,;–-]\s*\d{1,3})+)\]")
_INVALID_SPACE = re.compile(r"[ \t]*\[(\d{1,3})\]")
_REPEAT = re.compile(r"\[(\d{1,3})\](?:\s*\[\1\])+")
# reasoning models served by Ollama/vLLM (qwen3, deepseek-r1) may emit their thinking inline
_THINK = re.compile(r"<think>.*?(?:</think>|\Z)", re.S)
MAX_RANGE = 10  # "[1-300]" is not a citation, it is noise
LEAK_SHINGLE = 10  # syllables in a row shared with the system prompt that count as repeating it


@dataclass(frozen=True)
class Checked:
    text: str  # the answer to show, marks renumbered 1..N
    used: list[int] = field(default_factory=list)  # original block numbers, in order of first use
    problem: str | None = None  # empty | uncited | refusal | prompt_leak; None when it can be shown


def strip_reasoning(text: str) -> str:
    return _THINK.sub("", text)


def split_groups(text: str) -> str:
    """'[1, 3]' → '[1][3]', '[2-4]' → '[2][3][4]'; a long or reversed range is no citation and goes."""

    def expand(match: re.Match) -> str:
        numbers: list[int] = []
        for part in re.split(r"\s*[,;]\s*", match.group(2)):
            bounds = [int(x) for x in re.split(r"\s*[–-]\s*", part)]
            if len(bounds) == 1:
                numbers.extend(bounds)
            elif len(bounds) == 2 and 0 <= bounds[1] - bounds[0] <= MAX_RANGE:
                numbers.extend(range(bounds[0], bounds[1] + 1))
        return match.group(1) + "".join(f"[{n}]" for n in numbers) if numbers else ""

    return _GROUP.sub(expand, text)


def find_marks(text: str) -> list[int]:
    return [int(m) for m in MARK.findall(text)]


def drop_invalid(text: str, n_blocks: int) -> str:
    """Remove marks that point to no context block (with the space before them)."""

    def keep(match: re.Match) -> str:
        return match.group(0) if 1 <= int(match.group(1)) <= n_blocks else ""

    return _INVALID_SPACE.sub(keep, text)


def renumber(text: str) -> tuple[str, list[int]]:
    """Marks renumbered 1..N by first use; returns the text and the original numbers in that order."""
    order: dict[int, int] = {}

    def new(match: re.Match) -> str:
        old = int(match.group(1))
        order.setdefault(old, len(order) + 1)
        return f"[{order[old]}]"

    text = _REPEAT.sub(lambda m: f"[{m.group(1)}]", MARK.sub(new, text))
    return text, list(order)


def clean(raw: str, n_blocks: int) -> tuple[str, list[int]]:
    """All the rewriting, no verdict: the shown text and the blocks it uses."""
    text = split_groups(strip_reasoning(raw))
    text = drop_invalid(text, n_blocks)
    text, used = renumber(text)
    lines = [line.rstrip() for line in text.strip().split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)), used


def prompt_shingles(secret: str, n: int = LEAK_SHINGLE) -> frozenset[tuple[str, ...]]:
    syl = vi.folded_syllables(MARK.sub(" ", secret))
    return frozenset(tuple(syl[i : i + n]) for i in range(len(syl) - n + 1))


def leaks_prompt(text: str, secret: str | frozenset, n: int = LEAK_SHINGLE) -> bool:
    """True when the text repeats any run of n syllables of the secret (the system prompt's rules)."""
    shingles = secret if isinstance(secret, frozenset) else prompt_shingles(secret, n)
    syl = vi.folded_syllables(MARK.sub(" ", text))
    return any(tuple(syl[i : i + n]) in shingles for i in range(len(syl) - n + 1))


def is_refusal(text: str, refusal: str) -> bool:
    """The model's own 'no information' sentence (the prompt's refusal wording), with no citation."""
    return not MARK.search(text) and vi.collapse(refusal) in vi.collapse(text)


def check_answer(raw: str | None, n_blocks: int, secret: str | frozenset, refusal: str) -> Checked:
    text, used = clean(raw or "", n_blocks)
    if not vi.folded_syllables(MARK.sub(" ", text)):
        return Checked(text, used, "empty")
    if leaks_prompt(text, secret):
        return Checked(text, used, "prompt_leak")
    if not used:
        return Checked(text, used, "refusal" if is_refusal(text, refusal) else "uncited")
    return Checked(text, used)


# -- streaming: show only what would survive the same rewriting -----------------------------------------
_BOUNDARY = re.compile(r"(?:\n|[.!?…:;](?:\s*\[\d{1,3}\])*\s)")


def settled(raw: str) -> str:
    """The prefix of a growing answer up to its last line or sentence end (no half-written '[1')."""
    raw = strip_reasoning(raw)
    if "<think>" in raw:  # an unclosed reasoning block hides everything after it
        raw = raw[: raw.index("<think>")]
    ends = [m.end() for m in _BOUNDARY.finditer(raw)]
    return raw[: ends[-1]] if ends else ""


def stream_view(raw: str, n_blocks: int) -> str:
    """What a streaming channel may show so far: settled text, cleaned exactly like the final answer.

    Renumbering by first use is stable as text grows, so each view extends the previous one."""
    return clean(settled(raw), n_blocks)[0]


# -- quotes for the rebuilt citations ------------------------------------------------------------------
_CLAIM = re.compile(r"([^\n\[\]]*?)((?:[ \t]*\[\d{1,3}\])+)")


def claims_by_mark(text: str) -> dict[int, list[str]]:
    """For each mark, the words of the answer it stands behind (the text since the previous marks)."""
    out: dict[int, list[str]] = {}
    for match in _CLAIM.finditer(text):
        claim = match.group(1).strip(" \t.,;:!?…-–•*")
        for n in dict.fromkeys(find_marks(match.group(2))):
            if claim:
                out.setdefault(n, []).append(claim)
    return out


def best_quote(passage: str, claims: list[str]) -> str:
    """The sentence of a cited passage that shares most words with the answer's claims citing it."""
    units = [strip_marker(u.text) for u in split_units(passage)]
    units = [u for u in units if u]
    if not units:
        return passage.strip()
    wanted = unit_terms(" ".join(claims))
    return max(units, key=lambda u: len(unit_terms(u) & wanted) / math.sqrt(1 + len(u) / 200))


def said_points(text: str) -> list[AnswerPoint]:
    """The model's cited lines as points ("ý 2" in a follow-up is the second): a line's words without its
    marks, and its first mark; the draft is text, so its lines are read here, once."""
    points = []
    for line in text.splitlines():
        marks = find_marks(line)
        if marks:
            points.append(AnswerPoint(re.sub(r"\s*\[\d{1,3}\]", "", line).lstrip("-• ").strip(), marks[0]))
    return points
