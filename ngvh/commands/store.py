"""`ngvh` commands over the store: ingest, plans, chunks, remove, reindex, correct, and the ingest report."""
from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ngvh.commands.common import console, fail, print_json, services, store_errors

if TYPE_CHECKING:
    from ingest.report import IngestReport
    from ngvh.services import Services

STATUS_STYLE = {"added": "green", "replaced": "cyan", "unchanged": "dim", "skipped": "yellow", "failed": "bold red"}
QUALITY_TO_CHECK = 0.9  # below this text quality the catalog marks the plan for a look


def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Plan files or folders (walked recursively)")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON")] = False,
):
    """Ingest plans (.txt, .html, .pdf incl. scanned, .docx, .doc): new ones are added, changed ones replaced."""
    core = services()
    try:
        report = _run_ingest(core, paths, quiet=as_json)
    except store_errors() as err:
        fail(str(err))
    except (OSError, sqlite3.Error) as err:  # a full disk, a data folder we cannot write: a reason, no traceback
        fail(f"không ghi được dữ liệu ({type(err).__name__}: {err}); ổ đĩa còn trống không?")
    if as_json:
        print_json(report.to_json())
    else:
        _print_report(report)
    raise typer.Exit(0 if report.ok else 1)


def _run_ingest(core: Services, paths: list[Path], quiet: bool) -> IngestReport:
    if quiet or not console.is_terminal:
        return core.ingest_paths(list(paths))
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        files_task = progress.add_task("Tệp", total=None)
        chunks_task = progress.add_task("Đoạn", total=None)

        def on_event(kind, **data):
            if kind == "files":
                progress.update(files_task, total=data["total"])
            elif kind == "file":
                progress.update(files_task, description=f"Tệp {data['path'].name[:40]}")
                progress.reset(chunks_task, total=None)
            elif kind == "chunks":
                progress.update(chunks_task, completed=data["done"], total=data["total"])
            elif kind == "row":
                progress.advance(files_task)

        return core.ingest_paths(list(paths), on_event=on_event)


def _print_report(report: IngestReport) -> None:
    table = Table(title="Kết quả nạp kế hoạch", show_lines=False)
    for col in ("Tệp", "Kết quả", "Kế hoạch", "Số hiệu", "Đoạn", "OCR", "Chất lượng", "Ghi chú"):
        # the status word must stay whole on narrow terminals; the other columns fold
        table.add_column(col, overflow="fold", no_wrap=col in ("Kết quả", "OCR", "Chất lượng"))
    for row in report.rows:
        style = STATUS_STYLE.get(row.status, "")
        status = f"[{style}]{row.status}[/]"
        notes = [row.reason] if row.reason else []
        if row.embedded:
            notes.append(f"{row.embedded} đoạn được nhúng mới")
        if row.ocr_cached:  # the scan was read in an earlier run: its OCR result was reused, not redone
            notes.append(f"OCR {row.ocr_cached} tr. lấy từ lần đọc trước")
        if row.warnings and row.status != "failed":
            status += " [yellow]⚠[/]"
            notes += [f"[yellow]⚠ {w}[/]" for w in row.warnings]
        ocr = ""
        if row.ocr_pages:
            confidence = f" {row.ocr_confidence:.0f}%" if row.ocr_confidence is not None else ""
            ocr = f"{row.ocr_pages} tr.{confidence}"  # pages read by OCR and their mean confidence
        quality = f"{row.quality:.2f}" if row.quality is not None else ""
        table.add_row(row.source, status, row.plan_id or "", row.number or "", str(row.chunks), ocr, quality,
                      "\n".join(notes))
    console.print(table)
    counts = report.counts()
    summary = ", ".join(f"{k}: {v}" for k, v in counts.items())
    if report.warnings:
        summary += f"; [yellow]{report.warnings} tệp có cảnh báo[/]"
    console.print(summary)


def plans(as_json: Annotated[bool, typer.Option("--json", help="JSON list of plan objects")] = False):
    """List the catalog: number, type, issuer, province, date, horizon, chunks, source."""
    try:
        rows = services().plans()
    except store_errors() as err:
        fail(str(err))
    if as_json:
        print_json(rows, indent=1)
        return
    if not rows:
        console.print("Kho đang trống. Chạy [bold]ngvh ingest <thư mục>[/] để nạp kế hoạch.")
        return
    table = Table(title=f"{len(rows)} văn bản trong kho")
    for col in ("Số hiệu", "Loại", "Cơ quan ban hành", "Tỉnh/TP", "Ngày", "Người ký", "Thực hiện", "Quan hệ",
                "Chất lượng", "Tầm nhìn", "Đoạn", "Nguồn", "ID"):
        table.add_column(col, overflow="fold")
    for r in rows:
        horizon = ", ".join(str(y) for y in r["horizon"])
        table.add_row(r["number"] or "—", r["type"] or "—", r["issuer"] or "—", r["province"] or "—",
                      r["date"] or "—", r["signer"] or "—", ", ".join(r["implements"]) or "—", _relations_cell(r),
                      _quality_cell(r["quality"]), horizon or "—", str(r["chunks"]), ", ".join(r["sources"]), r["id"])
    console.print(table)


def _relations_cell(row: dict) -> str:
    parts = []
    if row["replaces"]:
        parts.append("thay thế " + ", ".join(row["replaces"]))
    if row["replaced_by"]:
        parts.append(f"[yellow]bị thay thế bởi {row['replaced_by']}[/]")
    if row["amends"]:
        parts.append("sửa đổi " + ", ".join(row["amends"]))
    if row["continues"]:
        parts.append("tiếp nối " + ", ".join(row["continues"]))
    if row["reports_on"]:
        parts.append(f"tin về {row['reports_on']}")
    return "; ".join(parts) or "—"


def _quality_cell(quality: float | None) -> str:
    if quality is None:
        return "—"
    text = f"{quality:.2f}"
    return f"[yellow]{text}[/]" if quality < QUALITY_TO_CHECK else text


def chunks(
    plan: Annotated[str | None, typer.Option("--plan", help="Only this plan id")] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON object per line (the only format)")] = True,  # noqa: ARG001 — kept for scripts that pass it
):
    """Export stored chunks (id, plan id, section, text, source) for inspection and backup."""
    import json

    try:
        store = services().store
        if plan and store.get_plan(plan) is None:
            fail(f"no plan with id {plan!r}; see `ngvh plans`")
        for chunk in store.iter_chunks(plan):
            record = {"id": chunk.id, "plan_id": chunk.plan_id, "section": chunk.section,
                      "text": chunk.text, "source": chunk.source, "start": chunk.start, "end": chunk.end}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    except store_errors() as err:
        fail(str(err))


def remove(plan_id: Annotated[str, typer.Argument(help="Plan id from `ngvh plans`")]):
    """Delete one plan and all its chunks."""
    try:
        removed = services().remove(plan_id)
    except store_errors() as err:
        fail(str(err))
    if not removed:
        fail(f"no plan with id {plan_id!r}; see `ngvh plans`", code=1)
    console.print(f"Đã xóa {plan_id}.")


def reindex():
    """Rebuild every chunk and embedding from the stored plan texts (e.g. after changing embedder)."""
    from vectorstore import StoreUnavailable

    try:
        report = services().reindex()
    except StoreUnavailable as err:  # (an embedder mismatch is what a reindex mends)
        fail(str(err))
    _print_report(report)
    raise typer.Exit(0 if report.ok else 1)


def correct(
    plan_id: Annotated[str, typer.Argument(help="Plan id from `ngvh plans`")],
    number: Annotated[str | None, typer.Option(help="Document number, e.g. 726/KH-UBND")] = None,
    date: Annotated[str | None, typer.Option(help="Issue date, DD/MM/YYYY or YYYY-MM-DD")] = None,
    signer: Annotated[str | None, typer.Option(help="Who signed it")] = None,
    province: Annotated[str | None, typer.Option(help="Province or city, any spelling")] = None,
):
    """Correct a wrongly read number, date, signer or province; kept when the same file is ingested again."""
    from ngvh.corrections import CorrectionError

    fields = {k: v for k, v in dict(number=number, date=date, signer=signer, province=province).items() if v is not None}
    try:
        row = services().correct_plan(plan_id, fields)
    except CorrectionError as err:
        fail(str(err))
    if row is None:
        fail(f"no plan with id {plan_id!r}; see `ngvh plans`", code=1)
    console.print(f"Đã sửa {plan_id}: " + ", ".join(f"{k} = {row[k]}" for k in fields))
