"""The catalog: one record per plan naming its active version, the texts of each version, and the
generation token that changes on every write so readers notice changes with one tiny get."""
from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator, Sequence

from ground.plans import Plan
from vectorstore.records import (
    DUMMY_VECTOR,
    GENERATION_ID,
    KIND_GENERATION,
    KIND_PLAN,
    PART_TEXT,
    RECORD_PARTS,
    PlanRecord,
    attach_part,
    join_pieces,
    link_records,
    now,
    plan_metadata,
    record_from_metadata,
    text_records,
)

PAGE = 5000  # page size when scanning a collection (Chroma costs ~0.1 ms per record, little per call)


def pages(collection, **query) -> Iterator[dict]:
    """A collection's records page by page (Chroma's get without a limit reads everything at once)."""
    offset = 0
    while True:
        page = collection.get(limit=PAGE, offset=offset, **query)
        yield page
        if len(page["ids"]) < PAGE:
            return
        offset += PAGE


class Catalog:
    """{prefix}_plans (records + generation) and {prefix}_texts (text, assignments and mentions pieces per version)."""

    def __init__(self, plans, texts, write_batch: int):
        self.plans = plans
        self.texts = texts
        self.write_batch = write_batch
        self._lock = threading.Lock()
        self._cache: tuple[str, dict[str, PlanRecord]] | None = None

    # -- generation ------------------------------------------------------------------------------
    def generation(self) -> str:
        got = self.plans.get(ids=[GENERATION_ID], include=["metadatas"])
        return str(got["metadatas"][0].get("token", "")) if got["ids"] else ""

    def next_generation(self) -> dict:
        got = self.plans.get(ids=[GENERATION_ID], include=["metadatas"])
        counter = int(got["metadatas"][0].get("counter", 0)) if got["ids"] else 0
        return {"kind": KIND_GENERATION, "token": uuid.uuid4().hex, "counter": counter + 1, "changed_at": now()}

    def bump_generation(self) -> None:
        meta = self.next_generation()
        self.plans.upsert(ids=[GENERATION_ID], embeddings=[DUMMY_VECTOR], documents=[""], metadatas=[meta])

    # -- reading ---------------------------------------------------------------------------------
    def load(self) -> dict[str, PlanRecord]:
        """Every plan record with the assignments and mentions of its active version, read from Chroma."""
        records: dict[str, PlanRecord] = {}
        for page in pages(self.plans, where={"kind": KIND_PLAN}, include=["metadatas"]):
            for meta in page["metadatas"]:
                record = record_from_metadata(meta)
                records[record.id] = record
        # assignments and mentions of the active versions (pieces of other versions: an ingest in flight or leftovers)
        pieces: dict[tuple[str, str], tuple[list[dict], list[str]]] = {}
        for page in pages(self.texts, where={"part": {"$in": list(RECORD_PARTS)}}, include=["metadatas", "documents"]):
            for meta, doc in zip(page["metadatas"], page["documents"], strict=False):
                owner = records.get(meta.get("plan_id"))
                if owner is not None and owner.version == meta.get("version"):
                    metas, docs = pieces.setdefault((owner.id, meta["part"]), ([], []))
                    metas.append(meta)
                    docs.append(doc)
        for (plan_id, part), (metas, docs) in pieces.items():
            attach_part(records[plan_id], part, json.loads(join_pieces(metas, docs)))
        return link_records(records)

    def snapshot(self) -> tuple[str, dict[str, PlanRecord]]:
        """(generation, records); the generation is read first, so the records are at least that new.
        Records are reloaded only after the generation changed (here or in another process)."""
        token = self.generation()
        with self._lock:
            if self._cache is not None and self._cache[0] == token:
                return self._cache
        records = self.load()
        with self._lock:
            self._cache = (token, records)
        return token, records

    def metadata(self, plan_ids: Sequence[str]) -> dict[str, dict]:
        """plan id → its catalog metadata, fresh from Chroma (writers must see what is really active)."""
        got = self.plans.get(ids=list(plan_ids), include=["metadatas"]) if plan_ids else {"ids": []}
        return {i: meta for i, meta in zip(got["ids"], got.get("metadatas") or [], strict=False) if (meta or {}).get("kind") == KIND_PLAN}

    def record(self, plan_id: str) -> PlanRecord | None:
        """Fresh from Chroma, bypassing the cache."""
        meta = self.metadata([plan_id]).get(plan_id)
        return record_from_metadata(meta) if meta is not None else None

    def plan_text(self, plan_id: str) -> str | None:
        """The active version's cleaned text, or None for an unknown plan."""
        got = self.plans.get(ids=[plan_id], include=["documents", "metadatas"])
        if not got["ids"] or (got["metadatas"][0] or {}).get("kind") != KIND_PLAN:
            return None
        text = self._read_part(plan_id, got["metadatas"][0]["version"], PART_TEXT)
        return text if text is not None else got["documents"][0]  # older stores kept it in the catalog

    def _read_part(self, plan_id: str, version: str, part: str) -> str | None:
        got = self.texts.get(
            where={"$and": [{"plan_id": plan_id}, {"version": version}, {"part": part}]},
            include=["metadatas", "documents"],
        )
        return join_pieces(got["metadatas"], got["documents"]) if got["ids"] else None

    # -- writing ---------------------------------------------------------------------------------
    def write_texts(self, plans: Sequence[Plan]) -> None:
        """The texts and assignments of new versions, invisible until their switch."""
        ids: list[str] = []
        docs: list[str] = []
        metas: list[dict] = []
        for plan in plans:
            plan_ids, plan_docs, plan_metas = text_records(plan)
            ids += plan_ids
            docs += plan_docs
            metas += plan_metas
        for start in range(0, len(ids), self.write_batch):
            end = start + self.write_batch
            self.texts.upsert(
                ids=ids[start:end], embeddings=[DUMMY_VECTOR] * len(ids[start:end]),
                documents=docs[start:end], metadatas=metas[start:end],
            )

    def switch(self, plans: Sequence[Plan], before: dict[str, dict]) -> None:
        """Make these plans' versions the active ones, together with a new generation, in one upsert."""
        stamp = now()
        metas = []
        for plan in plans:
            meta = plan_metadata(plan, stamp)
            # Chroma merges metadata on upsert: a field the new version lacks is removed explicitly
            meta.update({key: None for key in before.get(plan.id) or {} if key not in meta})
            metas.append(meta)
        self.plans.upsert(
            ids=[p.id for p in plans] + [GENERATION_ID],
            embeddings=[DUMMY_VECTOR] * (len(plans) + 1),
            documents=[""] * (len(plans) + 1),
            metadatas=metas + [self.next_generation()],
        )

    def delete_texts(self, plan_id: str, keep_version: str | None = None) -> None:
        """A plan's text pieces: all of them, or those of every version but `keep_version`."""
        where = {"plan_id": plan_id} if keep_version is None else {"$and": [{"plan_id": plan_id}, {"version": {"$ne": keep_version}}]}
        self.texts.delete(where=where)

    def remove(self, plan_id: str) -> bool:
        """Forget a plan's record (readers stop seeing it at once) and its texts."""
        known = self.record(plan_id) is not None
        if known:
            self.plans.delete(ids=[plan_id])
            self.bump_generation()
        self.delete_texts(plan_id)
        return known

    def collect_garbage(self, active: dict[str, str]) -> int:
        """Delete text pieces of inactive versions and unknown plans."""
        doomed = [
            piece_id
            for page in pages(self.texts, include=["metadatas"])
            for piece_id, meta in zip(page["ids"], page["metadatas"], strict=False)
            if active.get(meta.get("plan_id")) != meta.get("version")
        ]
        for start in range(0, len(doomed), self.write_batch):
            self.texts.delete(ids=doomed[start : start + self.write_batch])
        return len(doomed)
