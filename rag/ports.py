"""The seams of rag as typing.Protocols: the store view answering reads, and the answerer channels call."""
from __future__ import annotations

from typing import Any, AsyncIterator, Iterator, Protocol, Sequence

from .models import Answer


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


class AnswererPort(Protocol):
    """One answering interface, blocking and streaming; rag.Answerer and rag.llm.LLMAnswerer implement it.

    `prepare` runs retrieval (a channel may run it under its own lock); `astream_prepared` yields
    {"type": "delta", "text"} events, then one {"type": "final", "answer"}.
    """

    def ask(self, question: str) -> Answer: ...

    def prepare(self, question: str) -> Any: ...

    def astream_prepared(self, prepared: Any) -> AsyncIterator[dict[str, Any]]: ...
