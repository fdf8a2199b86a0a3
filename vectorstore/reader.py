"""Reading the plan store: its collections opened, the catalog, the active chunks, dense and BM25 rankings.

vectorstore.store.PlanStore adds the writes. Readers accept only chunks whose version is the catalog's
active one (a chunk id "<plan id>:<version>:<seq>" says its version), so a write in flight or a crashed
one's leftovers are never read. The lexical index is rebuilt from the chunks whenever the catalog's
generation changes (here or in another process) and cached on disk by that generation.
"""
from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from ground.ids import is_active, plan_of
from vectorstore.catalog import PAGE, Catalog
from vectorstore.embeddings import embedder_dim, embedder_name
from vectorstore.lexical import LexicalIndex, LexicalParams
from vectorstore.lexical_cache import LexicalDiskCache
from vectorstore.records import PlanRecord, StoredChunk, batches, lexical_text, stored_chunk
from vectorstore.sentences import SentenceVectors

_MAX_WRITE_BATCH = 500  # keeps HTTP requests to a Chroma server a few MB


class EmbedderMismatch(RuntimeError):
    """The chunks collection was embedded with another model; vectors cannot be compared."""


class StoreReader:
    """The plan store's collections and every read of them; PlanStore (vectorstore.store) is this plus the writes."""

    def __init__(
        self,
        client,
        embeddings: Embeddings,
        prefix: str = "ngvh",
        lexical_dir: Path | None = None,
        embed_batch: int = 64,
        lexical_params: LexicalParams | None = None,
        check_embedder: bool = True,
    ):
        self.client = client
        self.embeddings = embeddings
        self.prefix = prefix
        self.lexical_params = lexical_params or LexicalParams()
        self.embed_batch = max(1, embed_batch)
        self._write_batch = max(1, min(int(client.get_max_batch_size()), _MAX_WRITE_BATCH))
        self.catalog = Catalog(
            client.get_or_create_collection(f"{prefix}_plans", metadata={"ngvh": "catalog"}, embedding_function=None),
            client.get_or_create_collection(f"{prefix}_texts", metadata={"ngvh": "plan texts"}, embedding_function=None),
            self._write_batch,
        )
        self.sentences: SentenceVectors | None = None
        try:
            self.chunks = self._open_chunks(embeddings)
            self.sentences = SentenceVectors(client, prefix, embeddings, self._write_batch, self.embed_batch)
        except EmbedderMismatch:
            if check_embedder:
                raise
            self.chunks = None  # opened for `ngvh reindex`: reset_chunks() comes before any use
        self._lexical_disk = LexicalDiskCache(Path(lexical_dir) / prefix if lexical_dir else None, self.lexical_params)
        self._lock = threading.RLock()
        self._lexical_cache: tuple[str, LexicalIndex] | None = None
        self._by_plan_cache: tuple[LexicalIndex, dict[str, list[str]]] | None = None

    # -- collections ------------------------------------------------------------------------
    @property
    def _live_sentences(self) -> SentenceVectors:
        """The sentence vectors, missing only from a store opened for `ngvh reindex` until reset_chunks()."""
        if self.sentences is None:
            raise EmbedderMismatch("the store was opened for a reindex: call reset_chunks() before using it")
        return self.sentences

    @property
    def chunks_name(self) -> str:
        return f"{self.prefix}_chunks"

    def _open_chunks(self, embeddings: Embeddings):
        name, dim = embedder_name(embeddings), embedder_dim(embeddings)
        collection = self.client.get_or_create_collection(
            self.chunks_name,
            metadata={"hnsw:space": "cosine", "embedder": name, "dim": dim},
            embedding_function=None,
        )
        stored = collection.metadata or {}
        if stored.get("embedder") != name or stored.get("dim") != dim:
            raise EmbedderMismatch(
                f"the store's chunks were embedded with {stored.get('embedder', 'an unknown embedder')} "
                f"({stored.get('dim', '?')} dims) but the configured embedder is {name} ({dim} dims); "
                f"run `ngvh reindex` to re-embed all plans with {name}"
            )
        return collection

    # -- catalog -----------------------------------------------------------------------------
    def active_versions(self) -> dict[str, str]:
        """plan id → active version; one small get per call, the catalog is reloaded only after a change."""
        return {pid: rec.version for pid, rec in self.catalog.snapshot()[1].items()}

    def list_plans(self) -> list[PlanRecord]:
        return sorted(self.catalog.snapshot()[1].values(), key=lambda r: r.id)

    def get_plan(self, plan_id: str) -> PlanRecord | None:
        return self.catalog.snapshot()[1].get(plan_id)

    def stored_record(self, plan_id: str) -> PlanRecord | None:
        """One plan's catalog record read alone (one small get): its meta and source, without the
        assignments, mentions and links that get_plan's whole-catalog snapshot adds. For a writer asking
        per file whether a plan is stored: after every group's switch the snapshot would reload the
        whole catalog, so an ingest of N plans read it N/group times."""
        return self.catalog.record(plan_id)

    def get_plan_text(self, plan_id: str) -> str | None:
        """The active version's cleaned text, or None for an unknown plan."""
        return self.catalog.plan_text(plan_id)

    # -- reading ---------------------------------------------------------------------------------
    def count_chunks(self) -> int:
        """Chunks stored (a crashed ingest's leftovers included until the next run cleans them)."""
        return self.chunks.count()

    def _scan_chunks(self, include_documents: bool = True) -> Iterator[tuple[str, dict, str | None]]:
        """(id, metadata, document) of every stored chunk; the document is None when not asked for."""
        include = ["metadatas", "documents"] if include_documents else ["metadatas"]
        offset = 0
        while True:
            page = self.chunks.get(include=include, limit=PAGE, offset=offset)
            documents = page["documents"] if include_documents else [None] * len(page["ids"])
            yield from zip(page["ids"], page["metadatas"], documents, strict=False)
            if len(page["ids"]) < PAGE:
                return
            offset += PAGE

    def _active_chunks(self, versions: dict[str, str], plan_id: str | None = None) -> list[StoredChunk]:
        rows: Iterable[tuple[str, dict, str | None]]
        if plan_id is not None:
            version = versions.get(plan_id)
            if version is None:
                return []
            got = self.chunks.get(
                where={"$and": [{"plan_id": plan_id}, {"version": version}]}, include=["metadatas", "documents"]
            )
            rows = zip(got["ids"], got["metadatas"], got["documents"], strict=False)
        else:
            rows = self._scan_chunks()
        chunks = [stored_chunk(i, doc, meta) for i, meta, doc in rows if versions.get(meta.get("plan_id", "")) == meta.get("version")]
        chunks.sort(key=lambda c: (c.plan_id, c.seq))
        return chunks

    def iter_chunks(self, plan_id: str | None = None) -> Iterator[StoredChunk]:
        """Active chunks in plan / seq order."""
        yield from self._active_chunks(self.active_versions(), plan_id)

    def sentence_vectors(self, chunk_ids: Sequence[str]) -> dict[str, list[tuple[int, np.ndarray]]]:
        """chunk id → [(sentence offset in the chunk, unit vector)], as embedded at ingest."""
        return self._live_sentences.vectors(chunk_ids)

    def get_chunks(self, ids: Sequence[str], active: dict[str, str] | None = None) -> list[StoredChunk]:
        """Active chunks among these ids, in the order given (`active`: versions already read)."""
        if not ids:
            return []
        active = self.active_versions() if active is None else active
        found: dict[str, StoredChunk] = {}
        for batch in batches(list(ids), self._write_batch):
            got = self.chunks.get(ids=list(batch), include=["metadatas", "documents"])
            for chunk_id, meta, doc in zip(got["ids"], got["metadatas"], got["documents"], strict=False):
                if active.get(meta.get("plan_id")) == meta.get("version"):
                    found[chunk_id] = stored_chunk(chunk_id, doc, meta)
        return [found[i] for i in ids if i in found]

    def dense_ranking(
        self,
        query_embedding: Sequence[float] | np.ndarray,
        k: int,
        plan_ids: list[str] | None = None,
        active: dict[str, str] | None = None,
    ) -> list[tuple[str, float]]:
        """Ids of the nearest active chunks with their cosine similarity, best first.

        Only ids and distances are read: a chunk id carries its plan and version, so telling active
        chunks from inactive ones (a re-ingest in flight, a crash's leftovers) needs no metadata read,
        which would cost more than the vector search itself. Inactive chunks are over-fetched and
        dropped; the query widens if too many were dropped. `active`: versions already read."""
        active = self.active_versions() if active is None else active
        if k <= 0 or not active:
            return []
        where = None
        if plan_ids is not None:
            wanted = sorted({p for p in plan_ids if p in active})
            if not wanted:
                return []
            where = {"plan_id": wanted[0]} if len(wanted) == 1 else {"plan_id": {"$in": wanted}}
        vector = np.asarray(query_embedding, dtype=np.float32).reshape(1, -1)
        n = max(2 * k, k + 16)
        while True:  # Chroma returns fewer than n when there are no more: that ends the widening
            got = self.chunks.query(query_embeddings=vector, n_results=n, where=where, include=["distances"])
            ids, dists = got["ids"][0], got["distances"][0]
            hits = [(i, 1.0 - float(dist)) for i, dist in zip(ids, dists, strict=False) if is_active(i, active)]
            if len(hits) >= k or len(ids) < n:
                return hits[:k]
            n *= 4

    def dense_search(
        self, query_embedding: Sequence[float] | np.ndarray, k: int, plan_ids: list[str] | None = None
    ) -> list[tuple[StoredChunk, float]]:
        """Nearest active chunks with their cosine similarity, best first."""
        ranking = self.dense_ranking(query_embedding, k, plan_ids)
        chunks = {c.id: c for c in self.get_chunks([i for i, _ in ranking])}
        return [(chunks[i], score) for i, score in ranking if i in chunks]

    # -- lexical -----------------------------------------------------------------------------------
    def _lexical_fingerprint(self, generation: str) -> str:
        key = f"{self.prefix}|{generation}|{self.lexical_params.signature()}"
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]

    def lexical(self) -> LexicalIndex:
        """BM25 over the active chunks, rebuilt from Chroma whenever the store changed (here or elsewhere)."""
        return self._lexical_for(self.catalog.generation())

    def search_view(self) -> tuple[dict[str, str], LexicalIndex]:
        """(active versions, lexical index) of one generation, for the several reads of one search:
        one generation read instead of one per step."""
        generation, records = self.catalog.snapshot()
        return {pid: rec.version for pid, rec in records.items()}, self._lexical_for(generation)

    def _lexical_for(self, generation: str) -> LexicalIndex:
        fingerprint = self._lexical_fingerprint(generation)
        with self._lock:
            if self._lexical_cache is not None and self._lexical_cache[0] == fingerprint:
                return self._lexical_cache[1]
            index = self._lexical_disk.load(fingerprint)
            if index is None:
                fingerprint, index, consistent = self._build_lexical()
                if consistent:
                    self._lexical_disk.save(fingerprint, index)
            self._lexical_cache = (fingerprint, index)
            return index

    def lexical_ranking(
        self, query: str, k: int, plan_ids: Sequence[str] | None = None, index: LexicalIndex | None = None
    ) -> list[tuple[str, float]]:
        """Ids of the best BM25 chunks with their scores (`index`: one already read, for one view)."""
        index = self.lexical() if index is None else index
        allowed = None
        if plan_ids is not None:
            by_plan = self._chunk_ids_by_plan(index)
            allowed = {i for pid in set(plan_ids) for i in by_plan.get(pid, ())}
        return index.search(query, k, allowed)

    def _chunk_ids_by_plan(self, index: LexicalIndex) -> dict[str, list[str]]:
        """The index's chunk ids grouped by plan, once per index read: a scoped search names a few plans of
        thousands, and walking every chunk id for them cost more than the search."""
        kept = self._by_plan_cache
        if kept is not None and kept[0] is index:
            return kept[1]
        by_plan: dict[str, list[str]] = {}
        for i in index.ids:
            by_plan.setdefault(plan_of(i), []).append(i)
        self._by_plan_cache = (index, by_plan)
        return by_plan

    def lexical_search(self, query: str, k: int, plan_ids: list[str] | None = None) -> list[tuple[StoredChunk, float]]:
        """BM25 hits as chunks, best first."""
        hits = self.lexical_ranking(query, k, plan_ids)
        chunks = {c.id: c for c in self.get_chunks([i for i, _ in hits])}
        return [(chunks[i], score) for i, score in hits if i in chunks]

    def _build_lexical(self, attempts: int = 3) -> tuple[str, LexicalIndex, bool]:
        """(fingerprint, index, consistent). Consistent = no write happened while reading and every
        active plan had all its chunks; only a consistent index is persisted."""
        for attempt in range(attempts):
            generation, records = self.catalog.snapshot()
            versions = {pid: rec.version for pid, rec in records.items()}
            chunks = self._active_chunks(versions)
            counts: dict[str, int] = {}
            for chunk in chunks:
                counts[chunk.plan_id] = counts.get(chunk.plan_id, 0) + 1
            complete = all(counts.get(pid, 0) == rec.chunks for pid, rec in records.items())
            unchanged = self.catalog.generation() == generation
            if unchanged and (complete or attempt == attempts - 1):
                break
        index = LexicalIndex.build(
            [c.id for c in chunks],
            (lexical_text(records[c.plan_id].meta.title, c) for c in chunks),
            self.lexical_params,
        )
        return self._lexical_fingerprint(generation), index, unchanged and complete
