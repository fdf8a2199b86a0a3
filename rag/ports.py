"""The seams of rag as typing.Protocols: the store view answering reads, and the answerer channels call."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, AsyncIterator, Iterator, Protocol, Sequence, runtime_checkable

from .models import Answer

if TYPE_CHECKING:
    from .retriever import Hit


class StoreView(Protocol):
    """What answering reads from the plan store (vectorstore.PlanStore implements it)."""

    def active_versions(self) -> dict[str, str]: ...

    def list_plans(self) -> list: ...  # vectorstore PlanRecord: id, version, meta, assignments

    def iter_chunks(self, plan_id: str | None = None) -> Iterator: ...  # StoredChunk, in plan / seq order

    def get_chunks(self, ids: Sequence[str], active: dict[str, str] | None = None) -> list: ...

    def search_view(self) -> tuple[dict[str, str], Any]: ...  # (active versions, lexical index) read together

    def dense_ranking(self, vector, k: int, plan_ids: list[str] | None = None,
                      active: dict[str, str] | None = None) -> list[tuple[str, float]]: ...

    def dense_search(self, vector, k: int, plan_ids: list[str] | None = None) -> list: ...

    def lexical_ranking(self, query: str, k: int, plan_ids: Sequence[str] | None = None,
                        index: Any = None) -> list[tuple[str, float]]: ...

    def sentence_vectors(self, chunk_ids: Sequence[str]) -> dict[str, list[tuple[int, Any]]]: ...


@runtime_checkable  # pydantic checks a PlanRetriever's answerer against it when the retriever is built
class ExtractiveAnswers(Protocol):
    """What the plan retriever reads of the extractive answerer (rag.Answerer implements it): one answer with
    the hits it was built from (empty when it came from the catalog or was refused before retrieval), and the
    catalog entry of a plan (vectorstore PlanRecord, None when unknown)."""

    def answer(self, question: str) -> tuple[Answer, list[Hit]]: ...

    def plan(self, plan_id: str) -> Any: ...


class Prepared(Protocol):
    """What `prepare` hands to `astream_prepared`: at least the kind of the extractive decision."""

    @property
    def kind(self) -> str: ...


class AnswererPort(Protocol):
    """One answering interface, blocking and streaming; rag.Answerer and rag.llm.LLMAnswerer implement it.

    `prepare` runs retrieval (a channel may run it under its own lock): rag.Answerer returns its Answer,
    LLMAnswerer the rag.retriever.Retrieval its runnable goes on from; `astream_prepared` yields
    {"type": "delta", "text"} events, then one {"type": "final", "answer"}.
    """

    def ask(self, question: str) -> Answer: ...

    def prepare(self, question: str) -> Prepared: ...

    def astream_prepared(self, prepared: Any) -> AsyncIterator[dict[str, Any]]: ...
