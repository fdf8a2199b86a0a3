"""PlanStore: plans and their embedded chunks in Chroma, re-ingested without ever showing a mix.

Three collections:
  {prefix}_chunks  one record per chunk, id "<plan id>:<version>:<seq>", cosine space; the collection
                   metadata names the embedder so vectors from two models are never compared.
  {prefix}_plans   the catalog: one small record per plan (metadata) and one `__generation__` record
                   that changes on every write, so readers notice changes with one tiny get.
  {prefix}_texts   each plan version's cleaned text (so the chunks can always be rebuilt from the
                   store) and its assignments (JSON), in pieces of at most 1,000 characters, id
                   "<plan id>:<version>:<part>:<seq>". Why pieces: in embedded Chroma, every write to a
                   collection holding records larger than one SQLite page (~4 KB) costs time in
                   proportion to those records (a 1-record upsert: 7 ms, then 160 ms with 100 plan texts
                   of 19 KB beside it), which made ingest quadratic; small records keep writes flat.

Re-ingest writes the new version's chunks and texts next to the old ones, then switches the catalog
record, then deletes the old version. Readers only accept chunks whose version is the catalog's active one, so a
process killed at any point leaves the previous version answering, and the next run finishes the job.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
import uuid
from dataclasses import dataclass, field, fields
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator, Literal, Sequence

import numpy as np
from langchain_core.embeddings import Embeddings

from ingest.models import Plan, PlanMeta
from vectorstore.embeddings import embed_documents_np, embedder_dim, embedder_name
from vectorstore.lexical import LexicalIndex, LexicalParams

GENERATION_ID = "__generation__"
_KIND_PLAN = "plan"
_KIND_GENERATION = "generation"
_DUMMY_VECTOR = [0.0]  # catalog and text records are never searched by vector
TEXT_PIECE_CHARS = 1000  # ≤ 3,000 bytes of UTF-8: a piece stays inside one SQLite page (see above)
STORE_FORMAT = 2  # in every catalog record; 2: texts and assignments in {prefix}_texts
_PART_TEXT = "text"
_PART_ASSIGNMENTS = "assignments"
_MAX_WRITE_BATCH = 500  # keeps HTTP requests to a Chroma server a few MB
_PAGE = 5000  # page size when scanning a collection (Chroma costs ~0.1 ms per record, little per call)
_LIST_FIELDS = {f.name for f in fields(PlanMeta) if f.default_factory is list}  # type: ignore[comparison-overlap]

Progress = Callable[[int, int], None]


class EmbedderMismatch(RuntimeError):
    """The chunks collection was embedded with another model; vectors cannot be compared."""


@dataclass(frozen=True)
class StoredChunk:
    id: str
    plan_id: str
    version: str
    seq: int
    section: str | None
    text: str
    source: str
    start: int
    end: int


@dataclass
class PlanRecord:
    id: str
    version: str
    source: str
    chunks: int
    ingested_at: str
    meta: PlanMeta
    assignments: list[dict] = field(default_factory=list)  # stored per version beside the text: switched with the chunks


@dataclass(frozen=True)
class UpsertResult:
    status: Literal["added", "replaced", "unchanged"]
    plan_id: str
    version: str
    chunks: int
    embedded: int
    reused: int


# -- record <-> metadata (pure) ------------------------------------------------------------------
def plan_metadata(plan: Plan, ingested_at: str) -> dict:
    """Catalog metadata: Chroma holds no None and no lists, so None is skipped and lists become JSON."""
    meta: dict = {
        "kind": _KIND_PLAN,
        "plan_id": plan.id,
        "version": plan.version,
        "source": plan.source,
        "chunks": len(plan.chunks),
        "ingested_at": ingested_at,
        "format": STORE_FORMAT,
    }
    for key, value in plan.meta.to_dict().items():
        if value is None:
            continue
        meta[key] = json.dumps(value, ensure_ascii=False) if isinstance(value, list) else value
    return meta


def text_pieces(text: str, size: int = TEXT_PIECE_CHARS) -> list[str]:
    """Consecutive slices whose concatenation is exactly `text` (one empty piece for an empty text)."""
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


def text_records(plan: Plan) -> tuple[list[str], list[str], list[dict]]:
    """(ids, documents, metadatas) of a plan version's text and assignments pieces."""
    parts = {_PART_TEXT: plan.text}
    if plan.assignments:
        parts[_PART_ASSIGNMENTS] = json.dumps([a.to_dict() for a in plan.assignments], ensure_ascii=False)
    ids, docs, metas = [], [], []
    for part, value in parts.items():
        for seq, piece in enumerate(text_pieces(value)):
            ids.append(f"{plan.id}:{plan.version}:{part}:{seq:04d}")
            docs.append(piece)
            metas.append({"plan_id": plan.id, "version": plan.version, "part": part, "seq": seq})
    return ids, docs, metas


def join_pieces(metadatas: Sequence[dict], documents: Sequence[str | None]) -> str:
    return "".join(doc or "" for _, doc in sorted(zip(metadatas, documents), key=lambda md: int(md[0]["seq"])))


def record_from_metadata(meta: dict) -> PlanRecord:
    data = {k: (json.loads(v) if k in _LIST_FIELDS and isinstance(v, str) else v) for k, v in meta.items()}
    return PlanRecord(
        id=meta["plan_id"],
        version=meta["version"],
        source=meta.get("source", ""),
        chunks=int(meta.get("chunks", 0)),
        ingested_at=meta.get("ingested_at", ""),
        meta=PlanMeta.from_dict({"title": "", **data}),
        # stores written before the texts collection kept the assignments here
        assignments=json.loads(meta["assignments"]) if isinstance(meta.get("assignments"), str) else [],
    )


def chunk_metadata(chunk, version: str) -> dict:
    meta = {
        "plan_id": chunk.plan_id,
        "version": version,
        "seq": chunk.seq,
        "source": chunk.source,
        "start": chunk.start,
        "end": chunk.end,
        "text_hash": chunk.text_hash,
    }
    if chunk.section is not None:
        meta["section"] = chunk.section
    return meta


def stored_chunk(chunk_id: str, document: str | None, meta: dict) -> StoredChunk:
    return StoredChunk(
        id=chunk_id,
        plan_id=meta["plan_id"],
        version=meta["version"],
        seq=int(meta["seq"]),
        section=meta.get("section"),
        text=document or "",
        source=meta.get("source", ""),
        start=int(meta.get("start", 0)),
        end=int(meta.get("end", 0)),
    )


def _is_active(chunk_id: str, active: dict[str, str]) -> bool:
    """Chunk ids are "<plan id>:<version>:<seq>" (checked when a plan is stored)."""
    plan_id, _, rest = chunk_id.partition(":")
    return active.get(plan_id) == rest.partition(":")[0]


def lexical_text(title: str, chunk: StoredChunk) -> str:
    """What BM25 indexes for a chunk: the same parts as Chunk.embed_text (title, section, text)."""
    return "\n".join(part for part in (title, chunk.section or "", chunk.text) if part)


def _batches(items: Sequence, size: int) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


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
        self.lexical_dir = Path(lexical_dir) if lexical_dir else None
        self.lexical_params = lexical_params or LexicalParams()
        self.embed_batch = max(1, embed_batch)
        self._write_batch = max(1, min(int(client.get_max_batch_size()), _MAX_WRITE_BATCH))
        self._plans = client.get_or_create_collection(
            f"{prefix}_plans", metadata={"ngvh": "catalog"}, embedding_function=None
        )
        self._texts = client.get_or_create_collection(
            f"{prefix}_texts", metadata={"ngvh": "plan texts"}, embedding_function=None
        )
        try:
            self._chunks = self._open_chunks(embeddings)
        except EmbedderMismatch:
            if check_embedder:
                raise
            self._chunks = None  # opened for `ngvh reindex`: reset_chunks() comes before any use
        self._lock = threading.RLock()
        self._catalog_cache: tuple[str, dict[str, PlanRecord]] | None = None
        self._lexical_cache: tuple[str, LexicalIndex] | None = None

    # -- collections ------------------------------------------------------------------------
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

    # -- generation and catalog --------------------------------------------------------------
    def _generation(self) -> str:
        got = self._plans.get(ids=[GENERATION_ID], include=["metadatas"])
        return str(got["metadatas"][0].get("token", "")) if got["ids"] else ""

    def _next_generation(self) -> dict:
        got = self._plans.get(ids=[GENERATION_ID], include=["metadatas"])
        counter = int(got["metadatas"][0].get("counter", 0)) if got["ids"] else 0
        return {"kind": _KIND_GENERATION, "token": uuid.uuid4().hex, "counter": counter + 1, "changed_at": _now()}

    def _bump_generation(self) -> None:
        meta = self._next_generation()
        self._plans.upsert(ids=[GENERATION_ID], embeddings=[_DUMMY_VECTOR], documents=[""], metadatas=[meta])

    def _load_catalog(self) -> dict[str, PlanRecord]:
        records: dict[str, PlanRecord] = {}
        for page in self._pages(self._plans, where={"kind": _KIND_PLAN}, include=["metadatas"]):
            for meta in page["metadatas"]:
                record = record_from_metadata(meta)
                records[record.id] = record
        # assignments of the active versions (pieces of other versions: an ingest in flight or leftovers)
        pieces: dict[str, tuple[list[dict], list[str]]] = {}
        for page in self._pages(self._texts, where={"part": _PART_ASSIGNMENTS}, include=["metadatas", "documents"]):
            for meta, doc in zip(page["metadatas"], page["documents"]):
                record = records.get(meta.get("plan_id"))
                if record is not None and record.version == meta.get("version"):
                    metas, docs = pieces.setdefault(record.id, ([], []))
                    metas.append(meta)
                    docs.append(doc)
        for plan_id, (metas, docs) in pieces.items():
            records[plan_id].assignments = json.loads(join_pieces(metas, docs))
        return records

    @staticmethod
    def _pages(collection, **query) -> Iterator[dict]:
        offset = 0
        while True:
            page = collection.get(limit=_PAGE, offset=offset, **query)
            yield page
            if len(page["ids"]) < _PAGE:
                return
            offset += _PAGE

    def _catalog(self) -> tuple[str, dict[str, PlanRecord]]:
        """(generation, records); the generation is read first, so the records are at least that new."""
        token = self._generation()
        with self._lock:
            if self._catalog_cache is not None and self._catalog_cache[0] == token:
                return self._catalog_cache
        records = self._load_catalog()
        with self._lock:
            self._catalog_cache = (token, records)
        return token, records

    def active_versions(self) -> dict[str, str]:
        """plan id → active version; one small get per call, the catalog is reloaded only after a change."""
        return {pid: rec.version for pid, rec in self._catalog()[1].items()}

    def list_plans(self) -> list[PlanRecord]:
        return sorted(self._catalog()[1].values(), key=lambda r: r.id)

    def get_plan(self, plan_id: str) -> PlanRecord | None:
        return self._catalog()[1].get(plan_id)

    def get_plan_text(self, plan_id: str) -> str | None:
        """The active version's cleaned text, or None for an unknown plan."""
        got = self._plans.get(ids=[plan_id], include=["documents", "metadatas"])
        if not got["ids"] or (got["metadatas"][0] or {}).get("kind") != _KIND_PLAN:
            return None
        text = self._read_part(plan_id, got["metadatas"][0]["version"], _PART_TEXT)
        return text if text is not None else got["documents"][0]  # older stores kept it in the catalog

    def _read_part(self, plan_id: str, version: str, part: str) -> str | None:
        got = self._texts.get(
            where={"$and": [{"plan_id": plan_id}, {"version": version}, {"part": part}]},
            include=["metadatas", "documents"],
        )
        return join_pieces(got["metadatas"], got["documents"]) if got["ids"] else None

    def _catalog_record(self, plan_id: str) -> PlanRecord | None:
        """Fresh from Chroma, bypassing the cache: writers must see what is really active."""
        meta = self._catalog_metadata([plan_id]).get(plan_id)
        return record_from_metadata(meta) if meta is not None else None

    # -- writing ---------------------------------------------------------------------------------
    def _write_chunks(self, ids: list[str], vectors: np.ndarray, documents: list[str], metadatas: list[dict]) -> None:
        for start in range(0, len(ids), self._write_batch):
            end = start + self._write_batch
            self._chunks.upsert(
                ids=ids[start:end],
                embeddings=vectors[start:end],
                documents=documents[start:end],
                metadatas=metadatas[start:end],
            )

    def _write_texts(self, plans: Sequence[Plan]) -> None:
        ids: list[str] = []
        docs: list[str] = []
        metas: list[dict] = []
        for plan in plans:
            plan_ids, plan_docs, plan_metas = text_records(plan)
            ids += plan_ids
            docs += plan_docs
            metas += plan_metas
        for start in range(0, len(ids), self._write_batch):
            end = start + self._write_batch
            self._texts.upsert(
                ids=ids[start:end], embeddings=[_DUMMY_VECTOR] * len(ids[start:end]),
                documents=docs[start:end], metadatas=metas[start:end],
            )

    def _existing_chunks(self, plan_id: str) -> dict[str, dict]:
        """id → metadata of every chunk of this plan, any version."""
        got = self._chunks.get(where={"plan_id": plan_id}, include=["metadatas"])
        return dict(zip(got["ids"], got["metadatas"]))

    def _embeddings_of(self, ids: list[str]) -> dict[str, np.ndarray]:
        vectors: dict[str, np.ndarray] = {}
        for batch in _batches(ids, self._write_batch):
            got = self._chunks.get(ids=list(batch), include=["embeddings"])
            vectors.update(zip(got["ids"], np.asarray(got["embeddings"], dtype=np.float32)))
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
            _check_plan(plan)
        ids = [p.id for p in plans]
        if len(set(ids)) != len(ids):
            raise ValueError("the same plan twice in one group")
        before = self._catalog_metadata(ids)
        results: dict[str, UpsertResult] = {}
        switching: list[Plan] = []  # plans whose catalog record is (re)written, with their texts
        reuse: list[tuple[object, str, str]] = []  # (chunk, its version, the id whose vector it reuses)
        fresh: list[tuple[object, str]] = []  # (chunk, its version): to embed
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
            switching.append(plan)
            if stale_exists or current is not None:
                cleanup.append(plan)
            status = "added" if current is None else "replaced"
            results[plan.id] = UpsertResult(status, plan.id, version, n, embedded=len(new), reused=n - len(new))

        # (a) write the new versions' chunks; old versions' ids differ, so they stay untouched.
        if reuse:
            vectors = self._embeddings_of(sorted({source for _, _, source in reuse}))
            for batch in _batches(reuse, self._write_batch):
                self._write_chunks(
                    [c.id for c, _, _ in batch], np.stack([vectors[source] for _, _, source in batch]),
                    [c.text for c, _, _ in batch], [chunk_metadata(c, version) for c, version, _ in batch],
                )
        if on_progress is not None:
            on_progress(0, len(fresh))
        done = 0
        for batch in _batches(fresh, self.embed_batch):
            matrix = embed_documents_np(self.embeddings, [c.embed_text for c, _ in batch])
            self._write_chunks(
                [c.id for c, _ in batch], matrix, [c.text for c, _ in batch],
                [chunk_metadata(c, version) for c, version in batch],
            )
            done += len(batch)
            if on_progress is not None:
                on_progress(done, len(fresh))
        self._write_texts(switching)

        # (b) switch: from here on readers accept the new versions only.
        if switching:
            self._switch(switching, before)

        # (c) the old versions' chunks and texts are now invisible; remove them.
        for plan in cleanup:
            self._delete_other_versions(plan.id, plan.version)
        return [results[plan_id] for plan_id in ids]

    def _catalog_metadata(self, plan_ids: list[str]) -> dict[str, dict]:
        """plan id → its catalog metadata, fresh from Chroma (writers must see what is really active)."""
        got = self._plans.get(ids=list(plan_ids), include=["metadatas"]) if plan_ids else {"ids": []}
        return {
            i: meta for i, meta in zip(got["ids"], got.get("metadatas") or []) if (meta or {}).get("kind") == _KIND_PLAN
        }

    def _switch(self, plans: Sequence[Plan], before: dict[str, dict]) -> None:
        now = _now()
        metas = []
        for plan in plans:
            meta = plan_metadata(plan, now)
            # Chroma merges metadata on upsert: a field the new version lacks is removed explicitly
            meta.update({key: None for key in before.get(plan.id) or {} if key not in meta})
            metas.append(meta)
        # one upsert: the switches and the generation change that announces them land together
        self._plans.upsert(
            ids=[p.id for p in plans] + [GENERATION_ID],
            embeddings=[_DUMMY_VECTOR] * (len(plans) + 1),
            documents=[""] * (len(plans) + 1),
            metadatas=metas + [self._next_generation()],
        )

    def _delete_other_versions(self, plan_id: str, version: str) -> None:
        other = {"$and": [{"plan_id": plan_id}, {"version": {"$ne": version}}]}
        self._chunks.delete(where=other)
        self._texts.delete(where=other)

    def remove_plan(self, plan_id: str) -> bool:
        """Forget a plan: catalog first (readers stop seeing it at once), then its chunks."""
        known = self._catalog_record(plan_id) is not None
        if known:
            self._plans.delete(ids=[plan_id])
            self._bump_generation()
        self._chunks.delete(where={"plan_id": plan_id})
        self._texts.delete(where={"plan_id": plan_id})
        return known

    def collect_garbage(self) -> int:
        """Delete chunks of inactive versions and unknown plans. Not while an ingest is running elsewhere:
        that ingest's not-yet-switched chunks look inactive too."""
        active = self.active_versions()
        doomed = [
            chunk_id
            for chunk_id, meta in self._scan_chunks(include_documents=False)
            if active.get(meta.get("plan_id")) != meta.get("version")
        ]
        for batch in _batches(doomed, self._write_batch):
            self._chunks.delete(ids=list(batch))
        doomed_texts = [
            piece_id
            for page in self._pages(self._texts, include=["metadatas"])
            for piece_id, meta in zip(page["ids"], page["metadatas"])
            if active.get(meta.get("plan_id")) != meta.get("version")
        ]
        for batch in _batches(doomed_texts, self._write_batch):
            self._texts.delete(ids=list(batch))
        return len(doomed)

    def reset_chunks(self, embeddings: Embeddings) -> None:
        """Drop every chunk and start over with another embedder (`ngvh reindex`); the catalog stays."""
        try:
            self.client.delete_collection(self.chunks_name)
        except Exception:  # already gone: nothing to drop
            pass
        self.embeddings = embeddings
        self._chunks = self._open_chunks(embeddings)
        self._bump_generation()

    # -- reading ---------------------------------------------------------------------------------
    def count_chunks(self) -> int:
        """Chunks stored (a crashed ingest's leftovers included until the next run cleans them)."""
        return self._chunks.count()

    def _scan_chunks(self, include_documents: bool = True) -> Iterator[tuple[str, dict] | tuple[str, dict, str]]:
        include = ["metadatas", "documents"] if include_documents else ["metadatas"]
        offset = 0
        while True:
            page = self._chunks.get(include=include, limit=_PAGE, offset=offset)
            if include_documents:
                yield from zip(page["ids"], page["metadatas"], page["documents"])
            else:
                yield from zip(page["ids"], page["metadatas"])
            if len(page["ids"]) < _PAGE:
                return
            offset += _PAGE

    def _active_chunks(self, versions: dict[str, str], plan_id: str | None = None) -> list[StoredChunk]:
        if plan_id is not None:
            version = versions.get(plan_id)
            if version is None:
                return []
            got = self._chunks.get(
                where={"$and": [{"plan_id": plan_id}, {"version": version}]}, include=["metadatas", "documents"]
            )
            rows = zip(got["ids"], got["metadatas"], got["documents"])
        else:
            rows = self._scan_chunks()
        chunks = [stored_chunk(i, doc, meta) for i, meta, doc in rows if versions.get(meta.get("plan_id")) == meta.get("version")]
        chunks.sort(key=lambda c: (c.plan_id, c.seq))
        return chunks

    def iter_chunks(self, plan_id: str | None = None) -> Iterator[StoredChunk]:
        """Active chunks in plan / seq order."""
        yield from self._active_chunks(self.active_versions(), plan_id)

    def get_chunks(self, ids: Sequence[str], active: dict[str, str] | None = None) -> list[StoredChunk]:
        """Active chunks among these ids, in the order given (`active`: versions already read)."""
        if not ids:
            return []
        active = self.active_versions() if active is None else active
        found: dict[str, StoredChunk] = {}
        for batch in _batches(list(ids), self._write_batch):
            got = self._chunks.get(ids=list(batch), include=["metadatas", "documents"])
            for chunk_id, meta, doc in zip(got["ids"], got["metadatas"], got["documents"]):
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
            got = self._chunks.query(query_embeddings=vector, n_results=n, where=where, include=["distances"])
            ids, dists = got["ids"][0], got["distances"][0]
            hits = [(i, 1.0 - float(dist)) for i, dist in zip(ids, dists) if _is_active(i, active)]
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
        return self._lexical_for(self._generation())

    def search_view(self) -> tuple[dict[str, str], LexicalIndex]:
        """(active versions, lexical index) of one generation, for the several reads of one search:
        one generation read instead of one per step."""
        generation, records = self._catalog()
        return {pid: rec.version for pid, rec in records.items()}, self._lexical_for(generation)

    def _lexical_for(self, generation: str) -> LexicalIndex:
        fingerprint = self._lexical_fingerprint(generation)
        with self._lock:
            if self._lexical_cache is not None and self._lexical_cache[0] == fingerprint:
                return self._lexical_cache[1]
            index = self._load_lexical(fingerprint)
            if index is None:
                fingerprint, index, consistent = self._build_lexical()
                if consistent:
                    self._save_lexical(fingerprint, index)
            self._lexical_cache = (fingerprint, index)
            return index

    def lexical_search(self, query: str, k: int, plan_ids: list[str] | None = None) -> list[tuple[StoredChunk, float]]:
        """BM25 hits as chunks, best first."""
        index = self.lexical()
        allowed = None
        if plan_ids is not None:
            wanted = set(plan_ids)
            allowed = {i for i in index.ids if i.rsplit(":", 2)[0] in wanted}
        hits = index.search(query, k, allowed)
        chunks = {c.id: c for c in self.get_chunks([i for i, _ in hits])}
        return [(chunks[i], score) for i, score in hits if i in chunks]

    def _build_lexical(self, attempts: int = 3) -> tuple[str, LexicalIndex, bool]:
        """(fingerprint, index, consistent). Consistent = no write happened while reading and every
        active plan had all its chunks; only a consistent index is persisted."""
        for attempt in range(attempts):
            generation, records = self._catalog()
            versions = {pid: rec.version for pid, rec in records.items()}
            chunks = self._active_chunks(versions)
            counts: dict[str, int] = {}
            for chunk in chunks:
                counts[chunk.plan_id] = counts.get(chunk.plan_id, 0) + 1
            complete = all(counts.get(pid, 0) == rec.chunks for pid, rec in records.items())
            unchanged = self._generation() == generation
            if unchanged and (complete or attempt == attempts - 1):
                break
        index = LexicalIndex.build(
            [c.id for c in chunks],
            (lexical_text(records[c.plan_id].meta.title, c) for c in chunks),
            self.lexical_params,
        )
        return self._lexical_fingerprint(generation), index, unchanged and complete

    def _lexical_root(self) -> Path | None:
        return self.lexical_dir / self.prefix if self.lexical_dir else None

    def _load_lexical(self, fingerprint: str) -> LexicalIndex | None:
        root = self._lexical_root()
        if root is None or not (root / fingerprint / "meta.json").exists():
            return None
        try:
            return LexicalIndex.load(root / fingerprint, self.lexical_params)
        except (OSError, ValueError):  # half-deleted by another process, or another format: rebuild
            return None

    def _save_lexical(self, fingerprint: str, index: LexicalIndex) -> None:
        """Write to a temporary directory, then rename: another process never loads a half-written index."""
        root = self._lexical_root()
        if root is None:
            return
        root.mkdir(parents=True, exist_ok=True)
        tmp = root / f".tmp-{uuid.uuid4().hex}"
        index.save(tmp)
        try:
            os.rename(tmp, root / fingerprint)
        except OSError:  # another process saved the same fingerprint first
            shutil.rmtree(tmp, ignore_errors=True)
        for old in root.iterdir():
            if old.name != fingerprint and not old.name.startswith(".tmp-"):
                shutil.rmtree(old, ignore_errors=True)


def _check_plan(plan: Plan) -> None:
    if not plan.version:
        raise ValueError(f"plan {plan.id!r} has no version: call Plan.finalize() before storing it")
    if not plan.id or plan.id.startswith("__") or ":" in plan.id:
        raise ValueError(f"invalid plan id {plan.id!r}")
    prefix = f"{plan.id}:{plan.version}:"
    bad = [c.id for c in plan.chunks if not c.id.startswith(prefix)]
    if bad:
        raise ValueError(f"plan {plan.id!r}: chunk ids {bad[:3]} do not carry version {plan.version}")
    if len({c.id for c in plan.chunks}) != len(plan.chunks):
        raise ValueError(f"plan {plan.id!r}: duplicate chunk ids")
