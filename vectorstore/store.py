"""PlanStore: plans and their embedded chunks in Chroma, re-ingested without ever showing a mix.

The reads are in reader.py (StoreReader, which PlanStore extends with the writes), the catalog and texts in
catalog.py, the record shapes in records.py, the BM25 disk cache in lexical_cache.py.

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

from collections.abc import Callable, Sequence

import numpy as np
from langchain_core.embeddings import Embeddings

from ground.plans import Chunk, Plan
from vectorstore.embeddings import embed_documents_np
from vectorstore.reader import EmbedderMismatch, StoreReader
from vectorstore.records import (
    STORE_FORMAT,
    UpsertResult,
    UpsertStatus,
    batches,
    check_plan,
    chunk_metadata,
    record_from_metadata,
)
from vectorstore.sentences import SentenceVectors

__all__ = ["EmbedderMismatch", "PlanStore"]

Progress = Callable[[int, int], None]


class PlanStore(StoreReader):
    """The store readers see (StoreReader) plus its writes: upsert with a versioned switch, removal, cleanup."""

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
