"""Store records, pure: what a plan, a chunk and a text piece look like as Chroma ids, documents and metadata."""
from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from typing import Literal

from ground.links import Links, link_entries
from ground.plans import Plan, PlanMeta

GENERATION_ID = "__generation__"
KIND_PLAN = "plan"
KIND_GENERATION = "generation"
DUMMY_VECTOR = [0.0]  # catalog and text records are never searched by vector
TEXT_PIECE_CHARS = 1000  # ≤ 3,000 bytes of UTF-8: a piece stays inside one SQLite page (see store.py)
STORE_FORMAT = 2  # in every catalog record; 2: texts and assignments in {prefix}_texts
PART_TEXT = "text"
PART_ASSIGNMENTS = "assignments"
PART_MENTIONS = "mentions"  # the mention index (PlanMeta.mentions): can outgrow a catalog record, so it is a part
RECORD_PARTS = (PART_ASSIGNMENTS, PART_MENTIONS)  # parts read back into every record with the catalog
_LIST_FIELDS = {f.name for f in fields(PlanMeta) if f.default_factory is list}
_DICT_FIELDS = {f.name for f in fields(PlanMeta) if f.default_factory is dict}
_JSON_FIELDS = _LIST_FIELDS | _DICT_FIELDS
_OUTSIDE_CATALOG = {"mentions"}  # PlanMeta fields kept as text parts, not in the catalog record


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
    links: Links = field(default_factory=Links)  # relations to other entries, computed when the catalog is read


UpsertStatus = Literal["added", "replaced", "unchanged"]


@dataclass(frozen=True)
class UpsertResult:
    status: UpsertStatus
    plan_id: str
    version: str
    chunks: int
    embedded: int
    reused: int


# -- record <-> metadata (pure) ------------------------------------------------------------------
def plan_metadata(plan: Plan, ingested_at: str) -> dict:
    """Catalog metadata: Chroma holds no None and no lists, so None is skipped and lists become JSON."""
    meta: dict = {
        "kind": KIND_PLAN,
        "plan_id": plan.id,
        "version": plan.version,
        "source": plan.source,
        "chunks": len(plan.chunks),
        "ingested_at": ingested_at,
        "format": STORE_FORMAT,
    }
    for key, value in plan.meta.to_dict().items():
        if value is None or key in _OUTSIDE_CATALOG:
            continue
        meta[key] = json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value
    return meta


def link_records(records: dict[str, PlanRecord]) -> dict[str, PlanRecord]:
    """Fill every record's links from all records' stored forward relations (never stored themselves: a
    link appears and disappears with the entry whose text states it)."""
    for plan_id, links in link_entries({i: r.meta for i, r in records.items()}).items():
        records[plan_id].links = links
    return records


def text_pieces(text: str, size: int = TEXT_PIECE_CHARS) -> list[str]:
    """Consecutive slices whose concatenation is exactly `text` (one empty piece for an empty text)."""
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


def text_records(plan: Plan) -> tuple[list[str], list[str], list[dict]]:
    """(ids, documents, metadatas) of a plan version's text, assignments and mentions pieces."""
    parts = {PART_TEXT: plan.text}
    if plan.assignments:
        parts[PART_ASSIGNMENTS] = json.dumps([a.to_dict() for a in plan.assignments], ensure_ascii=False)
    if plan.meta.mentions:
        parts[PART_MENTIONS] = json.dumps(plan.meta.mentions, ensure_ascii=False)
    ids, docs, metas = [], [], []
    for part, value in parts.items():
        for seq, piece in enumerate(text_pieces(value)):
            ids.append(f"{plan.id}:{plan.version}:{part}:{seq:04d}")
            docs.append(piece)
            metas.append({"plan_id": plan.id, "version": plan.version, "part": part, "seq": seq})
    return ids, docs, metas


def attach_part(record: PlanRecord, part: str, value: list) -> None:
    """Put a part read from the texts collection into its record (assignments, or the meta's mentions)."""
    if part == PART_ASSIGNMENTS:
        record.assignments = value
    elif part == PART_MENTIONS:
        record.meta.mentions = value


def join_pieces(metadatas: Sequence[dict], documents: Sequence[str | None]) -> str:
    return "".join(doc or "" for _, doc in sorted(zip(metadatas, documents, strict=False), key=lambda md: int(md[0]["seq"])))


def record_from_metadata(meta: dict) -> PlanRecord:
    data = {k: (json.loads(v) if k in _JSON_FIELDS and isinstance(v, str) else v) for k, v in meta.items()
            if k not in _OUTSIDE_CATALOG}
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
    """A chunk read back from Chroma (plan and version from the metadata, which the id repeats)."""
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


def lexical_text(title: str, chunk: StoredChunk) -> str:
    """What BM25 indexes for a chunk: the same parts as Chunk.embed_text (title, section, text)."""
    return "\n".join(part for part in (title, chunk.section or "", chunk.text) if part)


def batches(items: Sequence, size: int) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def check_plan(plan: Plan) -> None:
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
