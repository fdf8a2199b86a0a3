"""The LLM answer path as one LCEL runnable: the plan retriever's evidence, then the extractive answer or a checked draft.

    question ─► PlanRetriever ─► Retrieval (Documents of the hits the extractive answer was built from,
                                 that answer, the hits)
             ─► branch: refused / structured / no hits ─► the extractive answer, unchanged
                        otherwise ─► context blocks ─► assign(raw = write: prompt | model | parser,
                                     within the wall-clock limit, cut off on a leaked prompt)
                                  ─► check (rag.llm.check) ─► Answer(mode="llm")
                                     any failure (with_fallbacks) or failed check ─► the extractive answer

`invoke` asks the model once without streaming; `astream_events` streams it and the write step
dispatches the settled, cleaned text as DELTA custom events. The fallback logs why on "ngvh.llm".
"""
from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from typing import Any

from langchain_core.callbacks import adispatch_custom_event
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.runnables import (
    Runnable,
    RunnableBranch,
    RunnableConfig,
    RunnableGenerator,
    RunnableLambda,
    RunnablePassthrough,
)

import prompts
from rag.compose.citations import Point, number_points, plan_label
from rag.find.search import Hit
from rag.llm import check as llm_check
from rag.llm.retriever import PlanRetriever, Retrieval
from rag.models import Answer, Citation
from rag.ports import StoredPlan

log = logging.getLogger("ngvh.llm")

MAX_BLOCKS = 6
MAX_BLOCK_CHARS = 1800  # chunks are ≤1000 chars; a merged one may be longer
MAX_CONTEXT_CHARS = 7000  # budgeted by characters: token counting would need tiktoken's downloaded tables
DEADLINE_SLACK = 1.0  # seconds past llm_timeout before a hung call is abandoned
# Answers whose shape is the content: a model rewriting them would drop lines or their citations.
STRUCTURED_KINDS = frozenset({"metadata", "parts", "catalog", "tasks", "compare", "overview", "standing"})
DELTA = "ngvh_answer_delta"  # custom event name: {"text": newly settled, cleaned answer text}
FAILURE = "failure"  # with_fallbacks puts the exception under this key of the draft's inputs

PlanOf = Callable[[str], StoredPlan | None]  # plan id → catalog entry or None


# -- context blocks ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ContextBlock:
    n: int
    hit: Hit
    plan: str  # "Kế hoạch 726/KH-UBND của UBND tỉnh Cao Bằng"
    section: str
    text: str

    def render(self) -> str:
        return prompts.render("context_block", n=self.n, plan=self.plan, section=self.section, text=self.text)


def as_data(text: str) -> str:
    # a passage cannot close its own block and pose as the next instruction
    return text.replace("<<<", "‹‹‹").replace(">>>", "›››")


def build_blocks(hits: list[Hit], plan_of: PlanOf, max_blocks: int = MAX_BLOCKS,
                 max_chars: int = MAX_CONTEXT_CHARS) -> list[ContextBlock]:
    """Numbered blocks from the best hits, one per chunk, until the character budget is spent."""
    blocks: list[ContextBlock] = []
    seen: set[str] = set()
    spent = 0
    for hit in hits:
        chunk = hit.chunk
        if chunk.id in seen or len(blocks) >= max_blocks:
            continue
        plan = plan_of(chunk.plan_id)
        text = as_data(chunk.text.strip())[:MAX_BLOCK_CHARS]
        block = ContextBlock(len(blocks) + 1, hit, as_data(plan_label(plan.meta if plan else None)),
                             as_data(chunk.section or "(không rõ mục)"), text)
        size = len(block.render())
        if blocks and spent + size > max_chars:
            break
        blocks.append(block)
        seen.add(chunk.id)
        spent += size
    return blocks


def cite_blocks(text: str, used: list[int], blocks: list[ContextBlock], plan_of: PlanOf) -> list[Citation]:
    """Citations 1..N for the blocks the checked answer uses, in its order of first use."""
    claims = llm_check.claims_by_mark(text)
    points = []
    for new, old in enumerate(used, start=1):
        hit = blocks[old - 1].hit
        quote = llm_check.best_quote(hit.chunk.text, claims.get(new, []))
        points.append(Point(text="", chunk=hit.chunk, quote=quote, score=hit.score))
    return number_points(points, plan_of).citations


# -- failures ------------------------------------------------------------------------------------------
class DraftStopped(Exception):
    """The draft was cut off: past the wall-clock limit, or repeating the confidential rules."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def failure_reason(err: BaseException) -> str:
    """A short log reason: timeout, connection error, HTTP 503, … (never the request or the key)."""
    import openai

    if isinstance(err, DraftStopped):
        return err.reason
    if isinstance(err, (openai.APITimeoutError, TimeoutError, asyncio.TimeoutError)):
        return "timeout"
    if isinstance(err, openai.APIConnectionError):
        return "connection error"
    if isinstance(err, openai.APIStatusError):
        return f"HTTP {err.status_code}"
    return f"error {type(err).__name__}"


def fall_back(extractive: Answer, reason: str) -> Answer:
    log.warning("llm answer not used, extractive fallback: %s", reason, extra={"llm_fallback": reason})
    return extractive


# -- the runnable --------------------------------------------------------------------------------------
def stands(evidence: Retrieval) -> bool:
    """The extractive answer is final: a refusal (the model may not override it), a structured answer
    (facts of the record, catalog lists, duties: every line already cited), or nothing retrieved."""
    answer = evidence.extractive
    return not answer.found or answer.kind in STRUCTURED_KINDS or not evidence.hits


def _merged(chunks: Iterator[dict] | list[dict]) -> dict:
    inputs: dict = {}
    for chunk in chunks:
        inputs.update(chunk)
    return inputs


class AnswerChain:
    """Builds the runnable; `chain` is the whole path, `retriever` and `respond` its two halves."""

    def __init__(self, retriever: PlanRetriever, model: Runnable, timeout: float):
        self.plan_of: PlanOf = retriever.answerer.plan
        self.limit = float(timeout) + DEADLINE_SLACK  # the HTTP timeout bounds each read; this, the whole call
        self.refusal = prompts.refusal()
        self.secret = llm_check.prompt_shingles(confidential_rules())
        prompt = ChatPromptTemplate.from_messages([("system", prompts.load("system")), ("human", prompts.load("answer"))])
        self.draft = (prompt | model | StrOutputParser()).with_config(run_name="draft")
        # RunnableGenerator passes the config to a generator that takes it; its stubs know only the one-argument form
        write: Runnable[dict[str, Any], str] = RunnableGenerator(
            self._write, self._awrite, name="write")  # type: ignore[arg-type]
        checked = RunnablePassthrough.assign(raw=write) | RunnableLambda(self._check, name="check")
        generate = RunnableLambda(self._context, name="context") | checked.with_fallbacks(
            [RunnableLambda(self._on_failure, name="extractive_fallback")], exception_key=FAILURE)
        self.retriever = retriever
        self.respond: Runnable[Retrieval, Answer] = RunnableBranch(
            (RunnableLambda(stands, name="extractive_stands"), RunnableLambda(_extractive_of, name="extractive")),
            generate,
        ).with_config(run_name="respond")
        self.chain: Runnable[str, Answer] = retriever.pipe(self.respond).with_config(run_name="llm_answer")

    # -- steps -----------------------------------------------------------------------------------------
    def _context(self, evidence: Retrieval) -> dict[str, Any]:
        """The prompt's inputs: the passages the extractive answer quoted first, then the rest of its hits."""
        quoted = {c.full_quote for c in evidence.extractive.citations}
        hits = evidence.hits
        ordered = [h for h in hits if h.chunk.text in quoted] + [h for h in hits if h.chunk.text not in quoted]
        blocks = build_blocks(ordered, self.plan_of)
        return {"context": "\n\n".join(block.render() for block in blocks),
                "question": as_data(evidence.extractive.question), "refusal": self.refusal,
                "blocks": blocks, "extractive": evidence.extractive}

    def _write(self, chunks: Iterator[dict], config: RunnableConfig) -> Iterator[str]:
        """Blocking: one non-streamed request, abandoned at the limit (a server trickling bytes)."""
        inputs = _merged(chunks)
        started = time.monotonic()
        try:
            raw = asyncio.run(asyncio.wait_for(self.draft.ainvoke(inputs, config), self.limit))
        except TimeoutError:
            raise DraftStopped(f"timeout after {time.monotonic() - started:.1f}s") from None
        yield raw

    async def _awrite(self, chunks: AsyncIterator[dict], config: RunnableConfig) -> AsyncIterator[str]:
        """Streaming: the raw pieces as they arrive, the settled cleaned text as DELTA events; cut off at
        the limit or as soon as the text repeats the confidential rules."""
        inputs: dict = {}
        async for chunk in chunks:
            inputs.update(chunk)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.limit
        raw, shown = "", ""
        stream = self.draft.astream(inputs, config).__aiter__()
        try:
            while True:
                remaining = deadline - loop.time()
                if remaining <= 0:
                    raise DraftStopped(f"timeout after {self.limit:.1f}s")
                try:
                    piece = await asyncio.wait_for(stream.__anext__(), remaining)
                except StopAsyncIteration:
                    break
                except TimeoutError:
                    raise DraftStopped(f"timeout after {self.limit:.1f}s") from None
                raw += piece
                view = llm_check.stream_view(raw, len(inputs["blocks"]))
                if llm_check.leaks_prompt(view, self.secret):
                    raise DraftStopped("prompt_leak")
                yield piece
                if len(view) > len(shown) and view.startswith(shown):
                    await adispatch_custom_event(DELTA, {"text": view[len(shown):]}, config=config)
                    shown = view
        finally:
            await _close(stream)

    def _check(self, inputs: dict[str, Any]) -> Answer:
        extractive, blocks = inputs["extractive"], inputs["blocks"]
        checked = llm_check.check_answer(inputs["raw"], len(blocks), self.secret, self.refusal)
        if checked.problem:
            return fall_back(extractive, checked.problem)
        citations = cite_blocks(checked.text, checked.used, blocks, self.plan_of)
        return Answer(extractive.question, True, checked.text, citations, mode="llm", kind=extractive.kind,
                      points=llm_check.said_points(checked.text))

    def _on_failure(self, inputs: dict[str, Any]) -> Answer:
        return fall_back(inputs["extractive"], failure_reason(inputs[FAILURE]))


def _extractive_of(evidence: Retrieval) -> Answer:
    return evidence.extractive


def confidential_rules() -> str:
    """The system prompt's rules, the text an answer must never repeat (the refusal sentence is allowed)."""
    return prompts.load("system").replace("{refusal}", "")


async def _close(stream) -> None:
    try:
        await stream.aclose()
    except Exception:  # noqa: BLE001 — a cancelled HTTP stream may complain while closing
        pass
