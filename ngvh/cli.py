"""The `ngvh` command line: ingest, catalog, ask, chat, serve and maintenance commands."""
from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

app = typer.Typer(add_completion=False, no_args_is_help=True, help="ngvh: hỏi đáp kế hoạch ngoại giao văn hóa.")
# a log file or a pipe gets whole rows: 80 columns would fold file names and numbers mid-word
console = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 320)
err_console = Console(stderr=True, soft_wrap=True)

if TYPE_CHECKING:  # each command imports what it uses: `ngvh --help` loads no model or store
    from ngvh.services import Services

STATUS_STYLE = {"added": "green", "replaced": "cyan", "unchanged": "dim", "skipped": "yellow", "failed": "bold red"}


def _services() -> Services:
    """The composition root for this one command (a command line process runs exactly one command)."""
    from ground.config import get_settings
    from ngvh.services import Services

    return Services(get_settings())


def _fail(message: str, code: int = 2) -> NoReturn:
    err_console.print(f"[bold red]Lỗi:[/] {message}")
    raise typer.Exit(code)


def _store_errors():
    from vectorstore import EmbedderMismatch, StoreUnavailable

    return (EmbedderMismatch, StoreUnavailable)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Plan files or folders (walked recursively)")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON")] = False,
):
    """Ingest plans (.txt, .html, .pdf incl. scanned, .docx, .doc): new ones are added, changed ones replaced."""
    services = _services()
    try:
        report = _run_ingest(services, paths, quiet=as_json)
    except _store_errors() as err:
        _fail(str(err))
    except (OSError, sqlite3.Error) as err:  # a full disk, a data folder we cannot write: a reason, no traceback
        _fail(f"không ghi được dữ liệu ({type(err).__name__}: {err}); ổ đĩa còn trống không?")
    if as_json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        _print_report(report)
    raise typer.Exit(0 if report.ok else 1)


def _run_ingest(services, paths, quiet: bool):
    if quiet or not console.is_terminal:
        return services.ingest_paths(list(paths))
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

        return services.ingest_paths(list(paths), on_event=on_event)


def _print_report(report) -> None:
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


@app.command()
def plans(as_json: Annotated[bool, typer.Option("--json", help="JSON list of plan objects")] = False):
    """List the catalog: number, type, issuer, province, date, horizon, chunks, source."""
    try:
        rows = _services().plans()
    except _store_errors() as err:
        _fail(str(err))
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
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


def _quality_cell(quality) -> str:
    if quality is None:
        return "—"
    text = f"{quality:.2f}"
    return f"[yellow]{text}[/]" if quality < 0.9 else text  # below 0.9: the text needs a look


@app.command()
def chunks(
    plan: Annotated[str | None, typer.Option("--plan", help="Only this plan id")] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON object per line (the only format)")] = True,  # noqa: ARG001 — kept for scripts that pass it
):
    """Export stored chunks (id, plan id, section, text, source) for inspection and backup."""
    try:
        store = _services().store
        if plan and store.get_plan(plan) is None:
            _fail(f"no plan with id {plan!r}; see `ngvh plans`")
        for chunk in store.iter_chunks(plan):
            record = {"id": chunk.id, "plan_id": chunk.plan_id, "section": chunk.section,
                      "text": chunk.text, "source": chunk.source, "start": chunk.start, "end": chunk.end}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    except _store_errors() as err:
        _fail(str(err))


@app.command()
def remove(plan_id: Annotated[str, typer.Argument(help="Plan id from `ngvh plans`")]):
    """Delete one plan and all its chunks."""
    try:
        removed = _services().remove(plan_id)
    except _store_errors() as err:
        _fail(str(err))
    if not removed:
        _fail(f"no plan with id {plan_id!r}; see `ngvh plans`", code=1)
    console.print(f"Đã xóa {plan_id}.")


@app.command()
def reindex():
    """Rebuild every chunk and embedding from the stored plan texts (e.g. after changing embedder)."""
    try:
        report = _services().reindex()
    except _store_errors()[1] as err:
        _fail(str(err))
    _print_report(report)
    raise typer.Exit(0 if report.ok else 1)


@app.command()
def ask(
    question: Annotated[str | None, typer.Argument(help="Câu hỏi")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object")] = False,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Questions on stdin, one JSON answer per line")] = False,
):
    """Answer a question from the plans, with citations."""
    from ngvh.render import render_answer

    services = _services()
    try:
        if jsonl:
            from ngvh.turns import JsonlTurns

            turns = JsonlTurns(services.ask)
            for line in sys.stdin:
                if not line.strip():
                    continue
                sys.stdout.write(json.dumps(turns.answer_line(line), ensure_ascii=False) + "\n")
                sys.stdout.flush()
            return
        if not question:
            _fail("give a question, or --jsonl to read questions from stdin")
        answer = services.ask(question)
    except _store_errors() as err:
        _fail(str(err))
    if as_json:
        print(json.dumps(answer.to_json(), ensure_ascii=False))
    else:
        console.print(render_answer(answer))


@app.command()
def chat():
    """Interactive terminal chat over the same answering function; follow-up questions keep context."""
    from rich.markup import escape

    from ngvh.render import render_answer
    from rag.dialogue.state import Conversation
    from rag.dialogue.turn import run_turn

    services = _services()
    console.print("[bold]ngvh[/] — hỏi về các kế hoạch ngoại giao văn hóa. Gõ [bold]/moi[/] để bắt đầu "
                  "cuộc trò chuyện mới, [bold]/thoat[/] để thoát.")
    context = Conversation()
    while True:
        try:
            question = console.input("[bold cyan]Bạn:[/] ").strip()
        except (EOFError, KeyboardInterrupt):
            console.print()
            return
        if question.lower() in {"/thoat", "/quit", "/exit", "thoat"}:
            return
        if not question:
            continue
        if question.lower() in {"/moi", "/mới", "/new"}:
            context = Conversation()
            console.print("[dim]Đã bắt đầu cuộc trò chuyện mới.[/]")
            continue
        try:
            turn = run_turn(services.ask, question, context)
        except _store_errors() as err:
            _fail(str(err))
        context = turn.context
        if turn.understood:
            console.print(f"[dim]↪ Hiểu là: {escape(turn.understood)}[/]")
        console.print(render_answer(turn.answer))


@app.command()
def tasks(
    agency: Annotated[str | None, typer.Option(help="Agency, e.g. 'Sở Ngoại vụ' or 'Sở VHTTDL'")] = None,
    by: Annotated[int | None, typer.Option("--by", help="Due by this year (recurring tasks in the period too)")] = None,
    province: Annotated[str | None, typer.Option(help="Province or city, any alias")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON list (deadline_text, due, precision, recurs…)")] = False,
    ics: Annotated[Path | None, typer.Option("--ics", help="Write the tasks with a date as an iCalendar file (needs --agency)")] = None,
):
    """Who must do what by when: the assignments extracted from the plans, with their due dates."""
    from ground.display import display_date
    from ground.places import canonical_province
    from ngvh.task_rows import task_rows

    place = canonical_province(province) if province else None
    if province and not place:
        _fail(f"unknown province or city: {province!r}")
    if ics and not agency:
        _fail("--ics needs --agency: a calendar is one agency's tasks")
    try:
        records = task_rows(_services().store.list_plans(), agency, by, place)
    except _store_errors() as err:
        _fail(str(err))
    if ics and agency:
        from bot.reminders.feed import calendar_for
        from ground.agencies import normalize_agency
        from ground.config import get_settings

        ics.write_bytes(calendar_for(records, normalize_agency(agency).canonical, place, get_settings().public_url))
        dated = sum(1 for r in records if r["due"] and r["precision"] != "none")
        console.print(f"Đã ghi {dated} nhiệm vụ có thời hạn vào {ics}")
        return
    if as_json:
        print(json.dumps(records, ensure_ascii=False, indent=1))
        return
    if not records:
        console.print("Không có nhiệm vụ nào khớp điều kiện.")
        return
    table = Table(title=f"{len(records)} nhiệm vụ" + (f" đến năm {by}" if by else ""))
    for col in ("Kế hoạch", "Cơ quan", "Vai trò", "Nhiệm vụ", "Thời hạn", "Hạn", "Mục"):
        table.add_column(col, overflow="fold")
    for r in records:
        when = r["deadline"] or "—"
        if r["status"] == "recurring":
            when += " (định kỳ)"
        due = (display_date(r["due"]) or "") + (" (hằng năm)" if r["recurs"] == "yearly" and r["due"] else "")
        table.add_row(r["plan"] or r["plan_id"], r["agency"], r["role"], r["task"], when, due or "—", r["section"] or "—")
    console.print(table)


@app.command()
def remind(
    today: Annotated[str | None, typer.Option("--today", help="The day to remind from, YYYY-MM-DD (default: today in Vietnam)")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print what would be sent; send and record nothing")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="The pass's report as JSON")] = False,
):
    """Remind each subscribed chat of its agencies' tasks due within NGVH_REMINDER_DAYS (and of new plans), once."""
    import asyncio
    from datetime import date

    from rich.markup import escape

    from bot.core import CoreRunner
    from bot.reminders.schedule import vietnam_today
    from bot.reminders.sending import ReminderPass, channel_outbound

    try:
        day = date.fromisoformat(today) if today else vietnam_today()
    except ValueError:
        _fail(f"--today: not a date {today!r} (YYYY-MM-DD)")
    services = _services()
    settings = services.settings
    try:
        rows = services.tasks()
    except _store_errors() as err:
        _fail(str(err))
    store = services.question_log.subscriptions

    async def run():
        if dry_run:
            return await ReminderPass(store, None, settings.reminder_days, settings.public_url).run(rows, day, True)
        runner = CoreRunner(services)
        try:
            async with channel_outbound(settings, runner) as outbound:
                return await ReminderPass(store, outbound, settings.reminder_days, settings.public_url).run(rows, day)
        finally:
            runner.close()

    report = asyncio.run(run())
    if as_json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
        return
    verb = "Sẽ gửi" if dry_run else "Đã gửi"
    for message in report.messages:
        console.print(f"[bold]{verb} → {message['channel']}:{message['chat_id']}[/] ({message['tasks']} nhiệm vụ, "
                      f"{message['new_plans']} văn bản mới)")
        if dry_run:
            console.print(escape(message["text"]))
    for skipped in report.skipped:
        console.print(f"[yellow]Bỏ qua {skipped['channel']}:{skipped['chat_id']}[/]: {skipped['reason']}")
    for failed in report.failed:
        console.print(f"[red]Chưa gửi được {failed['channel']}:{failed['chat_id']}[/] (sẽ thử lại lần sau)")
    console.print(f"{verb} {len(report.messages)} tin nhắc hạn ({day.isoformat()}, {settings.reminder_days} ngày tới).")


def _default_workers() -> int:
    return os.cpu_count() or 1


@app.command()
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
        row = _services().correct_plan(plan_id, fields)
    except CorrectionError as err:
        _fail(str(err))
    if row is None:
        _fail(f"no plan with id {plan_id!r}; see `ngvh plans`", code=1)
    console.print(f"Đã sửa {plan_id}: " + ", ".join(f"{k} = {row[k]}" for k in fields))


@app.command()
def purge(
    days: Annotated[int | None, typer.Option("--days", help="Keep this many days (default: NGVH_QUESTION_RETENTION_DAYS)")] = None,
):
    """Delete logged questions older than the retention period."""
    services = _services()
    keep = services.settings.question_retention_days if days is None else days
    if keep < 0:
        _fail("--days must be 0 or more")
    removed = services.question_log.purge(days=keep)
    console.print(f"Đã xóa {removed} câu hỏi cũ hơn {keep} ngày.")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 8000,
    polling: Annotated[bool, typer.Option("--polling", help="Telegram/Zalo Bot by long polling")] = False,
    workers: Annotated[int | None, typer.Option(help="Worker processes to start (default: one per core); 0 when `ngvh worker` runs elsewhere")] = None,
):
    """Run the web service: webhooks, web chat, admin API; answers come from worker processes."""
    from bot.app import create_app
    from bot.app import serve as run_app
    from bot.logs import configure_logging
    from bot.service import Service
    from bot.settings_check import ConfigError
    from ground.config import get_settings
    from ngvh.chroma_server import LocalChroma

    settings = get_settings()
    configure_logging(settings)
    count = _default_workers() if workers is None else max(0, workers)
    chroma = None
    try:
        app = create_app(Service(settings, None, polling=polling, workers=count,
                                 worker_command=[sys.executable, "-m", "ngvh", "worker", "--processes", "1"]))
    except ConfigError as exc:
        _fail(f"ngvh serve: {exc}")
    if count and not settings.chroma_url:
        chroma = LocalChroma(settings)  # worker processes share one store through it; restarted if it dies
        os.environ["NGVH_CHROMA_URL"] = chroma.start()  # the workers inherit it
        app.state.service.chroma_url = chroma.url  # /healthz checks it
    try:
        run_app(app, host, port)
    finally:
        if chroma is not None:
            chroma.stop()


@app.command()
def worker(
    processes: Annotated[int | None, typer.Option(help="Worker processes (default: one per core)")] = None,
    metrics_port: Annotated[int | None, typer.Option(help="Serve these workers' Prometheus /metrics on this port (default: off)")] = None,
):
    """Answer what the channels stored: take jobs from the intake (SQLite, or Redis with NGVH_REDIS_URL)."""
    from bot.logs import configure_logging
    from ground.config import get_settings

    settings = get_settings()
    configure_logging(settings)
    count = _default_workers() if processes is None else max(1, processes)
    if count == 1:
        import asyncio

        from bot.options import BotOptions
        from bot.worker_process import run_worker
        from ngvh.chroma_server import running_server_url

        options = BotOptions()
        if settings.chroma_url or running_server_url(settings):  # every process sees what another one stores
            options.ingest_command = [sys.executable, "-m", "ngvh", "ingest", "--json"]
        asyncio.run(run_worker(settings, _services(), options, metrics_port))
        return
    import shutil
    import signal
    import tempfile

    from bot.metrics import counted_workers, files_registry, serve_metrics
    from bot.supervisor import Supervisor
    from ngvh.chroma_server import LocalChroma, running_server_url

    chroma = None
    if not settings.chroma_url and not running_server_url(settings):
        chroma = LocalChroma(settings)  # several processes on one embedded store would read stale indexes
        os.environ["NGVH_CHROMA_URL"] = chroma.start()
    command = [sys.executable, "-m", "ngvh", "worker", "--processes", "1"]
    files = None
    if metrics_port:  # the children count into files here; this process serves their sum
        files = Path(tempfile.mkdtemp(prefix="ngvh-worker-metrics-"))
        serve_metrics(metrics_port, files_registry(files))
        supervisor = counted_workers(command, count, files)
    else:
        supervisor = Supervisor(command, count)
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(1))
    supervisor.start()
    try:
        while not stopping:
            signal.pause() if hasattr(signal, "pause") else None
    except KeyboardInterrupt:
        pass
    supervisor.stop(15.0)
    if chroma is not None:
        chroma.stop()
    if files is not None:
        shutil.rmtree(files, ignore_errors=True)


if __name__ == "__main__":
    app()
