"""Ingest files into the store for the CLI and the admin channels: one report row per file."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ground.plans import Plan, PlanMeta
from ingest import IngestError, OutOfScope
from ingest.pipeline import PIPELINE_VERSION, load_plan, reading_warnings
from ingest.readers import find_plan_files
from ingest.report import IngestReport, IngestRow

if TYPE_CHECKING:  # the services module imports this one when it ingests
    from langchain_core.embeddings import Embeddings

    from ingest.ocr import OcrCache
    from ngvh.corrections import Corrections
    from ngvh.services import Services
    from vectorstore import PlanStore
    from vectorstore.records import PlanRecord

# Plans are stored in groups (PlanStore.upsert_plans): Chroma costs far more per write call than per
# record. A group switches together; a crash loses at most the group being written.
GROUP_PLANS = 32
GROUP_CHUNKS = 512

# on_event(kind, **data): "files" (total), "file" (path), "chunks" (done, total), "row" (row)
EventSink = Callable[..., None]


def ingest_paths(services: Services, paths: list[Path], on_event: EventSink | None = None) -> IngestReport:
    emit = on_event or (lambda *_args, **_data: None)
    report = IngestReport()
    files: list[Path] = []
    for path in paths:
        path = Path(path)
        if not path.exists():
            report.rows.append(IngestRow(source=str(path), status="failed", reason="no such file or folder"))
            continue
        found = find_plan_files(path)
        if path.is_dir() and not found:
            report.rows.append(IngestRow(source=str(path), status="failed", reason="no plan files in this folder"))
        files.extend(found)
    emit("files", total=len(files))
    seen: dict[str, str] = {}  # plan id → file that provided it in this run
    group: list[tuple[Plan, IngestRow]] = []  # parsed plans waiting to be stored together

    # the store's plans by the files they were read from: a file read again under another identity (its issuer or
    # number now read otherwise, after a reader improved) replaces its own earlier reading, never stands beside it
    read_from: dict[str, list[PlanRecord]] = {}
    for record in services.store.list_plans():
        for source in record.meta.sources or [record.source]:
            read_from.setdefault(source, []).append(record)

    def flush() -> None:
        if not group:
            return
        plans = [plan for plan, _ in group]
        results = services.store.upsert_plans(plans, on_progress=lambda done, total: emit("chunks", done=done, total=total))
        for (plan, row), result in zip(group, results, strict=False):
            row.status, row.chunks, row.embedded = result.status, result.chunks, result.embedded
            for old in _earlier_readings(plan, read_from):
                if services.store.remove_plan(old.id):
                    row.status, row.reason = "replaced", f"the same file read before as {old.id}"
            emit("row", row=row)
        group.clear()

    corrections, ocr_cache = services.corrections, services.ocr_cache
    for path in files:
        emit("file", path=path)
        plan, row = _load_one(path, corrections, ocr_cache)
        report.rows.append(row)  # rows stay in file order; a stored plan's row is filled in at its flush
        if plan is None:
            emit("row", row=row)
            continue
        waiting = next((p for p, _ in group if p.id == plan.id), None)
        if waiting is not None:  # the same document again in this run (another portal's copy)
            row.status, row.reason = "skipped", f"same document as {seen[plan.id]} in this run: kept as another source"
            _merge_sources(waiting, [waiting.source, plan.source])
            emit("row", row=row)
            continue
        seen.setdefault(plan.id, path.name)
        stored = services.store.stored_record(plan.id)  # not get_plan: no whole-catalog reload per group
        if stored is not None:
            _merge_sources(plan, [*(stored.meta.sources or [stored.source]), plan.source])
        group.append((plan, row))
        if len(group) >= GROUP_PLANS or sum(len(p.chunks) for p, _ in group) >= GROUP_CHUNKS:
            flush()
    flush()
    return report


def _earlier_readings(plan: Plan, read_from: dict[str, list[PlanRecord]]) -> list[PlanRecord]:
    """Stored plans of another identity read from this plan's file alone (no other source keeps them)."""
    return [r for r in read_from.get(plan.source, [])
            if r.id != plan.id and set(r.meta.sources or [r.source]) <= {plan.source}]


def _load_one(path: Path, corrections: Corrections | None = None,
              ocr_cache: OcrCache | None = None) -> tuple[Plan | None, IngestRow]:
    """(plan, row) ready to store, or (None, row) saying why this file is not stored."""
    try:
        plan = load_plan(path, ocr_cache=ocr_cache)
        if corrections is not None:
            corrections.apply(plan)  # an administrator's fixes outlive re-ingest of the same file
    except OutOfScope as err:  # a readable page that is not ours: reported, but the run has not failed
        return None, IngestRow(source=path.name, status="skipped", reason=err.reason)
    except IngestError as err:
        return None, IngestRow(source=path.name, status="failed", reason=err.reason)
    except Exception as err:  # a parser bug must not stop the other files
        return None, IngestRow(source=path.name, status="failed", reason=f"could not be read ({type(err).__name__}: {err})")
    return plan, IngestRow.for_plan(plan, source=path.name)


def _merge_sources(plan: Plan, sources: list[str]) -> None:
    """The same document saved from several portals is one entry listing every file it was read from.
    One source stays an empty list, so a plain re-ingest keeps its version."""
    merged = list(dict.fromkeys(sources))
    wanted = merged if len(merged) > 1 else []
    if plan.meta.sources != wanted:
        plan.meta.sources = wanted
        plan.finalize(PIPELINE_VERSION)


def _keep_reading_facts(meta: PlanMeta, stored: PlanMeta) -> None:
    """What only reading the file told (which pages OCR read and how surely, the portal copies): the
    stored text cannot tell it again, so the stored entry's values are kept."""
    meta.sources = list(stored.sources)
    meta.ocr_pages = list(stored.ocr_pages)
    meta.ocr_confidence = stored.ocr_confidence
    meta.ocr_low_pages = list(stored.ocr_low_pages)


def reindex_all(store: PlanStore, embeddings: Embeddings, corrections: Corrections | None = None) -> IngestReport:
    """Rebuild chunks and embeddings from the texts kept in the catalog, with `embeddings`; an
    administrator's `corrections` are applied again, as at re-ingest."""
    from ingest.pipeline import build_plan

    records = store.list_plans()
    texts = {r.id: store.get_plan_text(r.id) for r in records}
    store.reset_chunks(embeddings)
    report = IngestReport()
    for record in records:
        try:
            plan = build_plan(texts[record.id] or "", record.source)
        except IngestError as err:
            report.rows.append(IngestRow(source=record.source, status="failed", plan_id=record.id,
                                         number=record.meta.number, reason=err.reason))
            continue
        _keep_reading_facts(plan.meta, record.meta)
        if corrections is not None:
            corrections.apply(plan)
        plan.id = record.id  # identity is kept even if the extractors changed since the first ingest
        plan.finalize(PIPELINE_VERSION)
        result = store.upsert_plan(plan)
        plan.warnings = reading_warnings(plan)
        row = IngestRow.for_plan(plan, source=record.source, status="replaced")
        row.chunks, row.embedded = result.chunks, result.embedded
        report.rows.append(row)
    return report
