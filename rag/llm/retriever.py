"""The LangChain retriever of the LLM mode: the hits the extractive answer was built from, as Documents."""
from __future__ import annotations

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from rag.find.search import Hit
from rag.models import Answer
from rag.ports import ExtractiveAnswers


class Retrieval(list):
    """The Documents of the hits an extractive answer was built from (best first), carrying that answer and
    the hits themselves: the LLM mode writes from exactly this evidence, so nothing is searched twice."""

    def __init__(self, extractive: Answer, hits: list[Hit], documents: list[Document]):
        super().__init__(documents)
        self.extractive = extractive
        self.hits = hits

    @property
    def kind(self) -> str:  # rag.ports.Prepared
        return self.extractive.kind


class PlanRetriever(BaseRetriever):
    """LangChain face of the extractive answer's retrieval: the hits that answer was built from, as Documents.

    Scoping, routing and the hybrid search are the extractive answerer's; a question it answers from the
    catalog, or refuses before searching, has no Documents (its answer still rides on the Retrieval)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    answerer: ExtractiveAnswers

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> Retrieval:  # noqa: ARG002 — LangChain passes it by name
        extractive, hits = self.answerer.answer(query)
        documents = [hit_to_document(hit, self.answerer.plan(hit.chunk.plan_id)) for hit in hits]
        return Retrieval(extractive, hits, documents)


def hit_to_document(hit: Hit, plan) -> Document:
    chunk = hit.chunk
    meta = plan.meta if plan else None
    return Document(
        page_content=chunk.text,
        metadata={
            "chunk_id": chunk.id,
            "plan_id": chunk.plan_id,
            "section": chunk.section,
            "source": chunk.source,
            "start": chunk.start,
            "end": chunk.end,
            "score": hit.score,
            "plan": meta.number if meta else None,
            "title": meta.title if meta else "",
            "issuer": meta.issuer if meta else None,
            "date": meta.date if meta else None,
        },
    )
