"""Generated answers through any OpenAI-compatible model, with the extractive answer as the safety net.

LLMAnswerer is the AnswererPort of LLM mode over one LangChain runnable (rag.llm.chain.AnswerChain):
its evidence step is the project's retriever, rag.llm.retriever.PlanRetriever, which returns as Documents
exactly the hits the extractive Answerer built its answer from, and carries that answer along (one
search per question, no second one). When the extractive answer refused (found=false) the model is
never called, and structured answers (facts of a plan, the catalog, duties, comparisons) stay as they
are. Otherwise the hits become numbered context blocks, the prompts/ templates go through
prompt | ChatOpenAI | parser, and the reply is checked by rag.llm.check before anyone sees it. Any
failure — timeout, connection error, 5xx, empty, uncited, refusal, a repeated system prompt — returns
the extractive answer and logs why on the "ngvh.llm" logger.

`ask` invokes the whole runnable; `prepare` runs its retriever (a channel runs retrieval on a thread)
and `astream_prepared` streams the rest of the same runnable.
"""
from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator
from typing import Any
from urllib.parse import urlparse

from pydantic import SecretStr

from rag.llm.chain import DEADLINE_SLACK, DELTA, AnswerChain, confidential_rules
from rag.llm.retriever import PlanRetriever, Retrieval
from rag.models import Answer
from rag.ports import ExtractiveAnswers

__all__ = ["DEADLINE_SLACK", "LLMAnswerer", "confidential_rules", "is_openai_host", "make_chat_model"]


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
        api_key=SecretStr(settings.llm_api_key or "not-needed"),
        timeout=settings.llm_timeout,
        max_retries=0,
        temperature=settings.llm_temperature,
        # the field's alias: the stubs name it max_completion_tokens, the constructor takes both
        max_tokens=settings.llm_max_tokens if openai_host else None,  # type: ignore[call-arg]
        extra_body=None if openai_host else {"max_tokens": settings.llm_max_tokens},
    )


class LLMAnswerer:
    """The AnswererPort of generated answers; mode "llm" when the model's checked answer is used."""

    def __init__(self, base: ExtractiveAnswers, settings, model=None):
        self.base = base  # rag.Answerer: the extractive decision, its retrieval and the plan catalog
        self.settings = settings
        self.answer_chain = AnswerChain(PlanRetriever(answerer=base), model or make_chat_model(settings),
                                        settings.llm_timeout)
        self.retriever = self.answer_chain.retriever
        self.chain = self.answer_chain.chain  # question → Answer

    def ask(self, question: str) -> Answer:
        """Blocking answer; callers on an event loop use prepare + astream_prepared instead."""
        return self.chain.invoke(question)

    def prepare(self, question: str) -> Retrieval:
        """The runnable's evidence step: the extractive answer and the hits it was built from."""
        retrieval = self.retriever.invoke(question)
        assert isinstance(retrieval, Retrieval)  # PlanRetriever returns its Retrieval (a list of Documents)
        return retrieval

    async def astream_prepared(self, prepared: Retrieval) -> AsyncIterator[dict[str, Any]]:
        """{"type": "delta", "text"} events as the model writes, then one {"type": "final", "answer"}.

        The rest of the runnable after `prepare`. Deltas carry only settled, already-cleaned text that
        passed the leak check; the final answer (checked, or the extractive one on failure) replaces
        whatever was shown. Closing this generator cancels the model's HTTP stream."""
        answer: Answer | None = None
        events = self.answer_chain.respond.astream_events(prepared, version="v2")
        try:
            async for event in events:
                data: dict[str, Any] = dict(event["data"])
                if event["event"] == "on_custom_event" and event["name"] == DELTA:
                    yield {"type": "delta", "text": data["text"]}
                elif event["event"] == "on_chain_end" and not event["parent_ids"]:
                    answer = data["output"]
        finally:
            if isinstance(events, AsyncGenerator):
                await events.aclose()
        if answer is None:  # the runnable always ends with its Answer (the extractive one on failure)
            answer = prepared.extractive
        yield {"type": "final", "answer": answer.to_json()}
