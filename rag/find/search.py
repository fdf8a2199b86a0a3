"""Hybrid retrieval over the plan store: dense + Vietnamese BM25, fused; and its LangChain retriever."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ground.ids import plan_of
from rag.find.fusion import apply_priors, zscore_fusion
from rag.ports import StoredChunk, StoreView
from rag.understand.names import ParsedQuery

CANDIDATES = 40  # per list, before fusion (60 or 100: +0.001 MRR@10 on ALQAC, +2 to +7 ms per query)
# z-score fusion weights, measured on ALQAC (bench/retrieval.py --tune): lexical carries exact Vietnamese
# wording (law and plan texts repeat the question's words); dense rescues paraphrases. The sum stays
# 2 so that the answerer's year / issuer priors (z-score units) keep their strength.
DENSE_WEIGHT = 0.8
LEXICAL_WEIGHT = 1.2
# The dense list sees a question's first DENSE_QUERY_WORDS syllables, BM25 all of them. Query embedding
# time grows with length and is most of a search; on ALQAC's long questions (p95 53 syllables) a cap of
# 40 cut embedding p95 from 54 to 38 ms at no loss (hybrid MRR@10 .906 → .907; a cap of 32: .905).
# Plan questions are shorter than the cap.
DENSE_QUERY_WORDS = 40


@dataclass
class Hit:
    chunk: StoredChunk
    score: float  # fused
    dense: float | None = None  # cosine similarity, when the dense list had it
    lexical: float | None = None  # BM25 score, when the lexical list had it


class HybridSearch:
    """Dense and lexical search over the active chunks, optionally restricted to some plans."""

    def __init__(self, store: StoreView, embeddings, dense_weight: float = DENSE_WEIGHT,
                 lexical_weight: float = LEXICAL_WEIGHT):
        self.store = store
        self.embeddings = embeddings
        self.weights = (dense_weight, lexical_weight)

    def dense_ranking(
        self, text: str, k: int, plan_ids: Sequence[str] | None = None, active: dict[str, str] | None = None,
        vector: list[float] | None = None,
    ) -> list[tuple[str, float]]:
        vector = self.embeddings.embed_query(dense_query(text)) if vector is None else vector
        return self.store.dense_ranking(vector, k, plan_ids=list(plan_ids) if plan_ids else None, active=active)

    def dense(self, text: str, k: int, plan_ids: Sequence[str] | None = None) -> list[tuple[Any, float]]:
        """The dense list alone, with its chunks (what the benchmark calls "dense")."""
        vector = self.embeddings.embed_query(dense_query(text))
        return self.store.dense_search(vector, k, plan_ids=list(plan_ids) if plan_ids else None)

    def lexical(self, text: str, k: int, plan_ids: Sequence[str] | None = None, index=None) -> list[tuple[str, float]]:
        return self.store.lexical_ranking(text, k, list(plan_ids) if plan_ids else None, index)

    def search(
        self,
        text: str,
        k: int = 8,
        plan_ids: Sequence[str] | None = None,
        plan_boost: dict[str, float] | None = None,
    ) -> list[Hit]:
        return self.search_with_vector(text, k, plan_ids, plan_boost)[0]

    def search_with_vector(
        self,
        text: str,
        k: int = 8,
        plan_ids: Sequence[str] | None = None,
        plan_boost: dict[str, float] | None = None,
        dense_text: str | None = None,
    ) -> tuple[list[Hit], list[float]]:
        """The hits and the question's embedding (sentence evidence compares sentences with it). `dense_text`: the
        question as the embedder should read it (tone marks put back): it ranks the dense list, while each hit's
        similarity and the embedding returned stay the question's as typed, the scale the evidence rule was fitted on."""
        active, index = self.store.search_view()  # one consistent view for every read below
        vector = self.embeddings.embed_query(dense_query(text))
        dense = self.dense_ranking(text, CANDIDATES, plan_ids, active, vector)
        ranking = dense  # …ranked by the question as the texts spell it, when that is another text
        if dense_text and dense_text != text:
            ranking = self.dense_ranking(dense_text, CANDIDATES, plan_ids, active,
                                         self.embeddings.embed_query(dense_query(dense_text)))
        lexical = self.lexical(text, CANDIDATES, plan_ids, index)
        fused = zscore_fusion([ranking, lexical], self.weights)
        chunk_plan = {cid: plan_of(cid) for cid, _ in fused}
        fused = apply_priors(fused, chunk_plan, plan_boost or {})[:k]
        # only the chunks shown are read from the store
        chunks = {c.id: c for c in self.store.get_chunks([cid for cid, _ in fused], active)}
        dense_by_id, lexical_by_id = dict(dense), dict(lexical)
        return [
            Hit(chunks[cid], score, dense_by_id.get(cid), lexical_by_id.get(cid))
            for cid, score in fused
            if cid in chunks
        ], vector


def dense_query(text: str, words: int = DENSE_QUERY_WORDS) -> str:
    """The part of a question the embedder sees: its first `words` whitespace-separated syllables."""
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:words])


# the search a composing step may run again (a follow-up document, one province of a comparison): text and
# the plans to search in (None: all), the answerer's top k
Search = Callable[[str, list[str] | None], list["Hit"]]

__all__ = ["HybridSearch", "Hit", "ParsedQuery", "Search", "dense_query"]
