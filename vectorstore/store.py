"""PlanStore: plans and their embedded chunks in Chroma, re-ingested without ever showing a mix.

The catalog and texts are in catalog.py, the record shapes in records.py, the BM25 disk cache in lexical_cache.py.

Four collections:
  {prefix}_chunks  one record per chunk, id "<plan id>:<version>:<seq>", cosine space; the collection
                   metadata names the embedder so vectors from two models are never compared.
  {prefix}_plans   the catalog: one small record per plan (metadata) and one `__generation__` record
                   that changes on every write, so readers notice changes with one tiny get.
  {prefix}_texts   each plan version's cleaned text (so the chunks can always be rebuilt from the
                   store) and its assignments (JSON), in pieces of at most 1,000 characters, id
                   "<plan id>:<version>:<part>:<seq>".
  {prefix}_sentences  one vector per sentence of every chunk (vectorstore/sentences.py), switched and
                   deleted with its chunk's version. Why pieces: in embedded Chroma, every write to a
                   collection holding records larger than one SQLite page (~4 KB) costs time in
                   proportion to those records (a 1-record upsert: 7 ms, then 160 ms with 100 plan texts
                   of 19 KB beside it), which made ingest quadratic; small records keep writes flat.

Re-ingest writes the new version's chunks and texts next to the old ones, then switches the catalog
record, then deletes the old version. Readers only accept chunks whose version is the catalog's active one, so a
process killed at any point leaves the previous version answering, and the next run finishes the job.
"""
from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from ground.ids import is_active, plan_of
from ground.plans import Chunk, Plan
from vectorstore.catalog import PAGE, Catalog
from vectorstore.embeddings import embed_documents_np, embedder_dim, embedder_name
from vectorstore.lexical import LexicalIndex, LexicalParams
from vectorstore.lexical_cache import LexicalDiskCache
from vectorstore.records import (
    STORE_FORMAT,
    PlanRecord,
    StoredChunk,
    UpsertResult,
    UpsertStatus,
    batches,
    check_plan,
    chunk_metadata,
    lexical_text,
    record_from_metadata,
    stored_chunk,
)
from vectorstore.sentences import SentenceVectors

_MAX_WRITE_BATCH = 500  # keeps HTTP requests to a Chroma server a few MB

Progress = Callable[[int, int], None]


class EmbedderMismatch(RuntimeError):
    """The chunks collection was embedded with another model; vectors cannot be compared."""


class PlanStore:
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

    def get_plan_text(self, plan_id: str) -> str | None:
        """The active version's cleaned text, or None for an unknown plan."""
        return self.catalog.plan_text(plan_id)

    # -- writing ---------------------------------------------------------------------------------
    def _write_chunks(self, ids: list[str], vectors: np.ndarray, documents: list[str], metadatas: list[dict]) -> None:
        for start in range(0, len(ids), self._write_batch):
            end = start + self._write_batch
            self.chunks.upsert(
                ids=ids[start:end],
                embeddings=vectors[start:end],
                documents=documents[start:end],
                metadatas=metadatas[start:end],
            )

    def _existing_chunks(self, plan_id: str) -> dict[str, dict]:
        """id → metadata of every chunk of this plan, any version."""
        got = self.chunks.get(where={"plan_id": plan_id}, include=["metadatas"])
        return dict(zip(got["ids"], got["metadatas"], strict=False))

    def _embeddings_of(self, ids: list[str]) -> dict[str, np.ndarray]:
        vectors: dict[str, np.ndarray] = {}
        for batch in batches(ids, self._write_batch):
            got = self.chunks.get(ids=list(batch), include=["embeddings"])
            vectors.update(zip(got["ids"], np.asarray(got["embeddings"], dtype=np.float32), strict=False))
        return vectors

    def upsert_plan(self, plan: Plan, on_progress: Progress | None = None) -> UpsertResult:
        """Store a finalized plan; only chunks whose content changed are embedded."""
        return self.upsert_plans([plan], on_progress)[0]

    def upsert_plans(self, plans: Sequence[Plan], on_progress: Progress | None = None) -> list[UpsertResult]:
        """Store finalized plans (distinct ids), results in the order given.

        Embedded Chroma costs far more per write call than per record (2,000 chunks: 19 s in writes of
        5, 2.5 s in writes of 200), so a group's chunks, texts and catalog switches go in a few large
        writes. Each plan still switches atomically: its new chunks and texts are written first, then
        one upsert switches every plan of the group together with the generation; a process killed
        before it leaves every previous version answering.
        """
        for plan in plans:
            check_plan(plan)
        ids = [p.id for p in plans]
        if len(set(ids)) != len(ids):
            raise ValueError("the same plan twice in one group")
        before = self.catalog.metadata(ids)
        results: dict[str, UpsertResult] = {}
        switching: list[Plan] = []  # plans whose catalog record is (re)written, with their texts
        reuse: list[tuple[Chunk, str, str]] = []  # (chunk, its version, the id whose vector it reuses)
        with_sentences: list[tuple[Chunk, str]] = []  # (chunk, its version): sentence vectors to write
        fresh: list[tuple[Chunk, str]] = []  # (chunk, its version): to embed
        cleanup: list[Plan] = []  # plans whose other versions are deleted after the switch
        for plan in plans:
            version = plan.version
            current = record_from_metadata(before[plan.id]) if plan.id in before else None
            existing = self._existing_chunks(plan.id)
            stale_exists = any(meta.get("version") != version for meta in existing.values())
            n = len(plan.chunks)
            if current is not None and current.version == version and all(c.id in existing for c in plan.chunks):
                if before[plan.id].get("format") != STORE_FORMAT:  # a store from before the texts collection
                    switching.append(plan)
                if stale_exists:  # a run killed after the switch left the old version behind
                    cleanup.append(plan)
                results[plan.id] = UpsertResult("unchanged", plan.id, version, n, embedded=0, reused=n)
                continue
            # reuse: a chunk with the same content hash (any version of this plan) keeps its vector;
            # chunks of this very version written by a run killed before its switch are kept as they are
            hash_to_id: dict[str, str] = {}
            for chunk_id, meta in existing.items():
                if meta.get("text_hash"):
                    hash_to_id.setdefault(meta["text_hash"], chunk_id)
            already = {c.id for c in plan.chunks if c.id in existing and existing[c.id].get("text_hash") == c.text_hash}
            todo = [c for c in plan.chunks if c.id not in already]
            reuse += [(c, version, hash_to_id[c.text_hash]) for c in todo if c.text_hash in hash_to_id]
            new = [(c, version) for c in todo if c.text_hash not in hash_to_id]
            fresh += new
            with_sentences += [(c, version) for c in plan.chunks]
            switching.append(plan)
            if stale_exists or current is not None:
                cleanup.append(plan)
            status: UpsertStatus = "added" if current is None else "replaced"
            results[plan.id] = UpsertResult(status, plan.id, version, n, embedded=len(new), reused=n - len(new))

        # (a) write the new versions' chunks; old versions' ids differ, so they stay untouched.
        if reuse:
            vectors = self._embeddings_of(sorted({source for _, _, source in reuse}))
            for batch in batches(reuse, self._write_batch):
                self._write_chunks(
                    [c.id for c, _, _ in batch], np.stack([vectors[source] for _, _, source in batch]),
                    [c.text for c, _, _ in batch], [chunk_metadata(c, version) for c, version, _ in batch],
                )
        if on_progress is not None:
            on_progress(0, len(fresh))
        done = 0
        for batch in batches(fresh, self.embed_batch):
            matrix = embed_documents_np(self.embeddings, [c.embed_text for c, _ in batch])
            self._write_chunks(
                [c.id for c, _ in batch], matrix, [c.text for c, _ in batch],
                [chunk_metadata(c, version) for c, version in batch],
            )
            done += len(batch)
            if on_progress is not None:
                on_progress(done, len(fresh))
        if with_sentences:
            self._live_sentences.write(with_sentences)
        self.catalog.write_texts(switching)

        # (b) switch: from here on readers accept the new versions only.
        if switching:
            self.catalog.switch(switching, before)

        # (c) the old versions' chunks and texts are now invisible; remove them.
        for plan in cleanup:
            self.delete_stale_versions(plan.id, plan.version)
        return [results[plan_id] for plan_id in ids]

    def delete_stale_versions(self, plan_id: str, keep_version: str) -> None:
        """Delete the chunks and texts of every version of a plan but `keep_version` (after its switch)."""
        self.chunks.delete(where={"$and": [{"plan_id": plan_id}, {"version": {"$ne": keep_version}}]})
        self._live_sentences.delete_stale(plan_id, keep_version)
        self.catalog.delete_texts(plan_id, keep_version)

    def remove_plan(self, plan_id: str) -> bool:
        """Forget a plan: catalog first (readers stop seeing it at once), then its chunks."""
        known = self.catalog.remove(plan_id)
        self.chunks.delete(where={"plan_id": plan_id})
        self._live_sentences.remove(plan_id)
        return known

    def collect_garbage(self) -> int:
        """Delete chunks and texts of inactive versions and unknown plans; returns the chunks deleted.
        Not while an ingest is running elsewhere: its not-yet-switched chunks look inactive too."""
        active = self.active_versions()
        doomed = [
            chunk_id
            for chunk_id, meta, _ in self._scan_chunks(include_documents=False)
            if active.get(meta.get("plan_id", "")) != meta.get("version")
        ]
        for batch in batches(doomed, self._write_batch):
            self.chunks.delete(ids=list(batch))
        self.catalog.collect_garbage(active)
        self._live_sentences.collect_garbage(active)
        return len(doomed)

    def reset_chunks(self, embeddings: Embeddings) -> None:
        """Drop every chunk and start over with another embedder (`ngvh reindex`); the catalog stays."""
        try:
            self.client.delete_collection(self.chunks_name)
        except Exception:  # already gone: nothing to drop
            pass
        self.embeddings = embeddings
        self.chunks = self._open_chunks(embeddings)
        if self.sentences is None:
            self.sentences = SentenceVectors(self.client, self.prefix, embeddings, self._write_batch, self.embed_batch)
        else:
            self.sentences.reset(embeddings)
        self.catalog.bump_generation()

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
            wanted = set(plan_ids)
            allowed = {i for i in index.ids if plan_of(i) in wanted}
        return index.search(query, k, allowed)

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
