"""Ingest files into the store for the CLI and the admin channels: one report row per file."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from ingest import IngestError
from ingest.pipeline import load_plan
from ingest.readers import find_plan_files

from .services import IngestReport, IngestRow

# on_event(kind, **data): "files" (total), "file" (path), "chunks" (done, total), "row" (row)
EventSink = Callable[..., None]


def ingest_paths(services, paths: list[Path], on_event: EventSink | None = None) -> IngestReport:
    emit = on_event or (lambda kind, **data: None)
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
    for path in files:
        emit("file", path=path)
        row = _ingest_one(services, path, seen, emit)
        report.rows.append(row)
        emit("row", row=row)
    return report


def _ingest_one(services, path: Path, seen: dict[str, str], emit: EventSink) -> IngestRow:
    try:
        plan = load_plan(path)
    except IngestError as err:
        return IngestRow(source=path.name, status="failed", reason=err.reason)
    except Exception as err:  # a parser bug must not stop the other files
        return IngestRow(source=path.name, status="failed", reason=f"could not be read ({type(err).__name__}: {err})")
    base = IngestRow(source=path.name, status="", plan_id=plan.id, number=plan.meta.number, title=plan.meta.title)
    if plan.id in seen:
        base.status, base.reason = "skipped", f"same plan as {seen[plan.id]} in this run"
        return base
    seen[plan.id] = path.name
    result = services.store.upsert_plan(plan, on_progress=lambda done, total: emit("chunks", done=done, total=total))
    base.status, base.chunks, base.embedded = result.status, result.chunks, result.embedded
    return base


def reindex_all(store, embeddings) -> IngestReport:
    """Rebuild chunks and embeddings from the texts kept in the catalog, with `embeddings`."""
    from ingest.pipeline import build_plan

    records = store.list_plans()
    texts = {r.id: store.get_plan_text(r.id) for r in records}
    store.reset_chunks(embeddings)
    report = IngestReport()
    for record in records:
        row = IngestRow(source=record.source, status="", plan_id=record.id, number=record.meta.number)
        try:
            plan = build_plan(texts[record.id] or "", record.source)
        except IngestError as err:
            row.status, row.reason = "failed", err.reason
            report.rows.append(row)
            continue
        plan.id = record.id  # identity is kept even if the extractors changed since the first ingest
        plan.finalize_ids()
        result = store.upsert_plan(plan)
        row.status, row.chunks, row.embedded = "replaced", result.chunks, result.embedded
        report.rows.append(row)
    return report
