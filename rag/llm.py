"""Generated answers through any OpenAI-compatible model, with the extractive answer as the safety net.

The extractive Answerer decides first: when it refuses (found=false) the model is never called, and structured
answers (facts of a plan, the catalog, duties, comparisons) stay as they are. Otherwise the very hits the
extractive answer was built from (no second search) become numbered context blocks, the prompts/ templates go through an LCEL chain
(prompt | ChatOpenAI | parser), and the reply is checked by rag.llm_check before anyone sees it. Any failure —
timeout, connection error, 5xx, empty, uncited, refusal, a repeated system prompt — returns the extractive
answer and logs why on the "ngvh.llm" logger.
"""
from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import Any, AsyncIterator
from urllib.parse import urlparse

import prompts
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.runnables import Runnable

from . import llm_check
from .citations import Point, number_points, plan_label
from .models import Answer, Citation
from .retriever import Hit

log = logging.getLogger("ngvh.llm")

MAX_BLOCKS = 6
MAX_BLOCK_CHARS = 1800  # chunks are ≤1000 chars; a merged one may be longer
MAX_CONTEXT_CHARS = 7000  # budgeted by characters: token counting would need tiktoken's downloaded tables
DEADLINE_SLACK = 1.0  # seconds past llm_timeout before a hung call is abandoned
# Answers whose shape is the content: a model rewriting them would drop lines or their citations.
STRUCTURED_KINDS = frozenset({"metadata", "parts", "catalog", "tasks", "compare", "overview", "standing"})


@dataclass(frozen=True)
class ContextBlock:
    n: int
    hit: Hit
    plan: str  # "Kế hoạch 726/KH-UBND của UBND tỉnh Cao Bằng"
    section: str
    text: str

    def render(self) -> str:
        return prompts.render("context_block", n=self.n, plan=self.plan, section=self.section, text=self.text)


def _as_data(text: str) -> str:
    # a passage cannot close its own block and pose as the next instruction
    return text.replace("<<<", "‹‹‹").replace(">>>", "›››")


def build_blocks(hits: list[Hit], plan_of, max_blocks: int = MAX_BLOCKS, max_chars: int = MAX_CONTEXT_CHARS) -> list[ContextBlock]:
    """Numbered blocks from the best hits, one per chunk, until the character budget is spent."""
    blocks: list[ContextBlock] = []
    seen: set[str] = set()
    spent = 0
    for hit in hits:
        chunk = hit.chunk
        if chunk.id in seen or len(blocks) >= max_blocks:
            continue
        plan = plan_of(chunk.plan_id)
        text = _as_data(chunk.text.strip())[:MAX_BLOCK_CHARS]
        block = ContextBlock(len(blocks) + 1, hit, _as_data(plan_label(plan.meta if plan else None)),
                             _as_data(chunk.section or "(không rõ mục)"), text)
        size = len(block.render())
        if blocks and spent + size > max_chars:
            break
        blocks.append(block)
        seen.add(chunk.id)
        spent += size
    return blocks


def cite_blocks(text: str, used: list[int], blocks: list[ContextBlock], plan_of) -> list[Citation]:
    """Citations 1..N for the blocks the checked answer uses, in its order of first use."""
    claims = llm_check.claims_by_mark(text)
    points = []
    for new, old in enumerate(used, start=1):
        hit = blocks[old - 1].hit
        quote = llm_check.best_quote(hit.chunk.text, claims.get(new, []))
        points.append(Point(text="", chunk=hit.chunk, quote=quote, score=hit.score))
    return number_points(points, plan_of)[1]


def confidential_rules() -> str:
    """The system prompt's rules, the text an answer must never repeat (the refusal sentence is allowed)."""
    return prompts.load("system").replace("{refusal}", "")


def is_openai_host(base_url: str) -> bool:
    return (urlparse(base_url).hostname or "").endswith("openai.com")


def make_chat_model(settings):
    from langchain_openai import ChatOpenAI

    # OpenAI wants max_completion_tokens (what ChatOpenAI sends); Ollama, llama.cpp and LM Studio ignore
    # it and read max_tokens, so self-hosted servers get max_tokens only.
    openai_host = is_openai_host(settings.llm_base_url)
    return ChatOpenAI(
        base_url=settings.llm_base_url,
        model=settings.llm_model,
        api_key=settings.llm_api_key or "not-needed",
        timeout=settings.llm_timeout,
        max_retries=0,
        temperature=settings.llm_temperature,
        max_tokens=settings.llm_max_tokens if openai_host else None,
        extra_body=None if openai_host else {"max_tokens": settings.llm_max_tokens},
    )


def make_chain(model) -> Runnable:
    prompt = ChatPromptTemplate.from_messages([("system", prompts.load("system")), ("human", prompts.load("answer"))])
    return prompt | model | StrOutputParser()


def failure_reason(err: BaseException) -> str:
    """A short log reason: timeout, connection error, HTTP 503, … (never the request or the key)."""
    import openai

    if isinstance(err, (openai.APITimeoutError, TimeoutError, asyncio.TimeoutError)):
        return "timeout"
    if isinstance(err, openai.APIConnectionError):
        return "connection error"
    if isinstance(err, openai.APIStatusError):
        return f"HTTP {err.status_code}"
    return f"error {type(err).__name__}"


@dataclass
class Prepared:
    extractive: Answer
    blocks: list[ContextBlock]
    inputs: dict[str, str]


class LLMAnswerer:
    """The AnswererPort of generated answers; mode "llm" when the model's checked answer is used."""

    def __init__(self, base, settings, model=None):
        self.base = base  # rag.Answerer: the extractive decision, its retrieval and the plan catalog
        self.settings = settings
        self.timeout = float(settings.llm_timeout)
        self.chain = make_chain(model or make_chat_model(settings))
        self.refusal = prompts.refusal()
        self.secret = llm_check.prompt_shingles(confidential_rules())

    # -- the extractive decision and the context -------------------------------------------------------
    def prepare(self, question: str) -> Prepared | Answer:
        """The extractive answer when it must stand (refusal, structured answer), else what the model needs."""
        extractive, hits = self.base.answer(question)
        if not extractive.found:
            return extractive  # retrieval found nothing: the model may not override that
        if extractive.kind in STRUCTURED_KINDS:
            return extractive  # facts of the record, catalog lists, duties: every line already cited
        # the passages the extractive answer quoted come first, then the rest of the same retrieval
        quoted = {c.full_quote for c in extractive.citations}
        ordered = [h for h in hits if h.chunk.text in quoted] + [h for h in hits if h.chunk.text not in quoted]
        blocks = build_blocks(ordered, self.base.plan)
        if not blocks:
            return extractive
        context = "\n\n".join(block.render() for block in blocks)
        return Prepared(extractive, blocks, {"context": context, "question": _as_data(extractive.question),
                                             "refusal": self.refusal})

    def finish(self, prep: Prepared, raw: str | None) -> Answer:
        checked = llm_check.check_answer(raw, len(prep.blocks), self.secret, self.refusal)
        if checked.problem:
            return self.fallback(prep.extractive, checked.problem)
        citations = cite_blocks(checked.text, checked.used, prep.blocks, self.base.plan)
        return Answer(prep.extractive.question, True, checked.text, citations, mode="llm", kind=prep.extractive.kind)

    def fallback(self, extractive: Answer, reason: str) -> Answer:
        log.warning("llm answer not used, extractive fallback: %s", reason, extra={"llm_fallback": reason})
        return extractive

    # -- blocking -------------------------------------------------------------------------------------
    def ask(self, question: str) -> Answer:
        """Blocking answer; callers on an event loop use prepare + astream_prepared instead."""
        prep = self.prepare(question)
        if isinstance(prep, Answer):
            return prep
        started = time.monotonic()
        try:
            # the HTTP timeout bounds each read; this bounds the whole call (a server trickling bytes)
            raw = asyncio.run(asyncio.wait_for(self.chain.ainvoke(prep.inputs), self.timeout + DEADLINE_SLACK))
        except Exception as err:  # noqa: BLE001 — every failure has the same answer: the safety net
            return self.fallback(prep.extractive, f"{failure_reason(err)} after {time.monotonic() - started:.1f}s")
        return self.finish(prep, raw)

    # -- streaming ------------------------------------------------------------------------------------
    async def astream_prepared(self, prep) -> AsyncIterator[dict[str, Any]]:
        """{"type": "delta", "text"} events as the model writes, then one {"type": "final", "answer"}.

        `prep` comes from prepare (a channel runs retrieval under its own lock). Deltas carry only
        settled, already-cleaned text that passed the leak check; the final answer (checked, or the
        extractive one on failure) replaces whatever was shown."""
        if isinstance(prep, Answer):
            yield {"type": "final", "answer": prep.to_json()}
            return
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout + DEADLINE_SLACK
        raw, shown, reason = "", "", None
        stream = self.chain.astream(prep.inputs).__aiter__()
        try:
            while True:
                remaining = deadline - loop.time()
                if remaining <= 0:
                    raise TimeoutError
                try:
                    raw += await asyncio.wait_for(stream.__anext__(), remaining)
                except StopAsyncIteration:
                    break
                view = llm_check.stream_view(raw, len(prep.blocks))
                if llm_check.leaks_prompt(view, self.secret):
                    reason = "prompt_leak"
                    break
                if len(view) > len(shown) and view.startswith(shown):
                    yield {"type": "delta", "text": view[len(shown):]}
                    shown = view
        except Exception as err:  # noqa: BLE001
            reason = failure_reason(err)
        finally:
            await _close(stream)
        answer = self.fallback(prep.extractive, reason) if reason else self.finish(prep, raw)
        yield {"type": "final", "answer": answer.to_json()}


async def _close(stream) -> None:
    try:
        await stream.aclose()
    except Exception:  # noqa: BLE001 — a cancelled HTTP stream may complain while closing
        pass
