"""Sentence vectors: every sentence or bullet of a chunk embedded at ingest, so answering can weigh each
candidate sentence by its similarity to the question without embedding anything at question time.

Collection {prefix}_sentences, id "<chunk id>:<start>" (offset of the sentence in the chunk text), cosine
space, metadata plan_id / version / chunk_id / start / end / text_hash. Written beside the new version's
chunks before the catalog switch, deleted with the old version, reused by content hash like chunk vectors.
The splitter lives here (below rag) so that ingest-time and answer-time sentences are the same spans.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ground import vi
from ground.plans import Chunk
from vectorstore.embeddings import embed_documents_np, embedder_dim, embedder_name
from vectorstore.records import batches

MIN_SENTENCE_CHARS = 25  # headings and labels are never quoted as answers: not worth a vector
# Sentence ends: . ! ? … followed by space and an upper-case letter, a quote or a bullet.
_NOT_AFTER_ABBREVIATION = "".join(rf"(?<!\b{re.escape(word)}\.)" for word in sorted(vi.ABBREVIATIONS))  # "TP. Huế"
_SENTENCE_END = re.compile(_NOT_AFTER_ABBREVIATION + r"(?:(?<=[^\W\d_]{2}[.!?…])|(?<=[^\W\d_][\"”’)][.!?…]))[\"”’)]?\s+(?=[\"“‘(]?[A-ZĐÀ-Ỹ0-9-])")


@dataclass
class Unit:
    start: int  # offsets inside the chunk text
    end: int
    text: str


def split_units(text: str) -> list[Unit]:
    """Lines (bullets, paragraphs) split further into sentences; offsets point into `text`."""
    units: list[Unit] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        cursor = line_start
        for piece in _SENTENCE_END.split(line):
            idx = text.find(piece, cursor)
            if idx < 0 or not piece.strip():
                continue
            cursor = idx + len(piece)
            stripped = piece.strip()
            lead = piece.index(stripped[0])
            units.append(Unit(idx + lead, idx + lead + len(stripped), stripped))
    return units


def embedded_units(text: str) -> list[Unit]:
    return [u for u in split_units(text) if len(u.text) >= MIN_SENTENCE_CHARS]


def sentence_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class SentenceVectors:
    """The sentence collection of one store; every call takes ids or plan ids from the PlanStore."""

    def __init__(self, client, prefix: str, embeddings, write_batch: int, embed_batch: int):
        self.client = client
        self.name = f"{prefix}_sentences"
        self.write_batch = write_batch
        self.embed_batch = embed_batch
        self.open(embeddings)

    def open(self, embeddings) -> None:
        self.embeddings = embeddings
        name, dim = embedder_name(embeddings), embedder_dim(embeddings)
        collection = self.client.get_or_create_collection(
            self.name, metadata={"hnsw:space": "cosine", "embedder": name, "dim": dim}, embedding_function=None)
        stored = collection.metadata or {}
        if stored.get("embedder") != name or stored.get("dim") != dim:  # vectors of another model: start over
            self.client.delete_collection(self.name)
            collection = self.client.get_or_create_collection(
                self.name, metadata={"hnsw:space": "cosine", "embedder": name, "dim": dim}, embedding_function=None)
        self.collection = collection

    def reset(self, embeddings) -> None:
        try:
            self.client.delete_collection(self.name)
        except Exception:  # already gone: nothing to drop
            pass
        self.open(embeddings)

    def write(self, chunks: Sequence[tuple[Chunk, str]]) -> int:
        """Embed the sentences of (chunk, version) pairs, reusing vectors of equal sentences of the same
        plans; returns how many sentences were embedded."""
        plans = sorted({c.plan_id for c, _ in chunks})
        known: dict[str, str] = {}  # text hash → an id holding its vector
        for plan_id in plans:
            got = self.collection.get(where={"plan_id": plan_id}, include=["metadatas"])
            for sid, meta in zip(got["ids"], got["metadatas"], strict=False):
                known.setdefault(meta.get("text_hash", ""), sid)
        rows = []  # (id, metadata, text, hash)
        for chunk, version in chunks:
            units = embedded_units(chunk.text)
            if len(units) < 2:  # one sentence is the chunk: its vector adds nothing to the chunk's own
                continue
            for unit in units:
                h = sentence_hash(unit.text)
                meta = {"plan_id": chunk.plan_id, "version": version, "chunk_id": chunk.id, "start": unit.start,
                        "end": unit.end, "text_hash": h}
                rows.append((f"{chunk.id}:{unit.start}", meta, unit.text, h))
        reuse = [r for r in rows if r[3] in known]
        # similar lengths batched together: the embedder pads every text of a batch to its longest
        fresh = sorted((r for r in rows if r[3] not in known), key=lambda r: len(r[2]))
        if reuse:
            sources = sorted({known[r[3]] for r in reuse})
            vectors: dict[str, np.ndarray] = {}
            for batch in batches(sources, self.write_batch):
                got = self.collection.get(ids=list(batch), include=["embeddings"])
                vectors.update(zip(got["ids"], np.asarray(got["embeddings"], dtype=np.float32), strict=False))
            for batch in batches(reuse, self.write_batch):
                self.collection.upsert(ids=[r[0] for r in batch], metadatas=[r[1] for r in batch],
                                       embeddings=np.stack([vectors[known[r[3]]] for r in batch]))
        for batch in batches(fresh, max(self.embed_batch, 1)):
            matrix = embed_documents_np(self.embeddings, [r[2] for r in batch])
            for part in batches(list(range(len(batch))), self.write_batch):
                self.collection.upsert(ids=[batch[i][0] for i in part], metadatas=[batch[i][1] for i in part],
                                       embeddings=matrix[list(part)])
        return len(fresh)

    def vectors(self, chunk_ids: Sequence[str]) -> dict[str, list[tuple[int, np.ndarray]]]:
        """chunk id → [(sentence start, unit vector)] for the given chunks (one read)."""
        if not chunk_ids:
            return {}
        got = self.collection.get(where={"chunk_id": {"$in": list(chunk_ids)}}, include=["metadatas", "embeddings"])
        out: dict[str, list[tuple[int, np.ndarray]]] = {}
        for meta, vector in zip(got["metadatas"], got["embeddings"], strict=False):
            out.setdefault(meta["chunk_id"], []).append((int(meta["start"]), np.asarray(vector, dtype=np.float32)))
        for rows in out.values():
            rows.sort(key=lambda row: row[0])
        return out

    def delete_stale(self, plan_id: str, keep_version: str) -> None:
        self.collection.delete(where={"$and": [{"plan_id": plan_id}, {"version": {"$ne": keep_version}}]})

    def remove(self, plan_id: str) -> None:
        self.collection.delete(where={"plan_id": plan_id})

    def collect_garbage(self, active: dict[str, str]) -> int:
        doomed = []
        got = self.collection.get(include=["metadatas"])
        for sid, meta in zip(got["ids"], got["metadatas"], strict=False):
            if active.get(meta.get("plan_id")) != meta.get("version"):
                doomed.append(sid)
        for batch in batches(doomed, self.write_batch):
            self.collection.delete(ids=list(batch))
        return len(doomed)
