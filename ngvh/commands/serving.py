"""`ngvh` commands that run the service: serve (the web process), worker (answering processes), purge (the log)."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ngvh.commands.common import console, fail, services

if TYPE_CHECKING:
    from ground.config import Settings

# the command a serve or a supervising worker starts each worker process with
WORKER_COMMAND = [sys.executable, "-m", "ngvh", "worker", "--processes", "1"]


def _default_workers() -> int:
    return os.cpu_count() or 1


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
        app = create_app(Service(settings, None, polling=polling, worker_command=WORKER_COMMAND, workers=count))
    except ConfigError as exc:
        fail(f"ngvh serve: {exc}")
    if count and not settings.chroma_url:
        chroma = LocalChroma(settings)  # worker processes share one store through it; restarted if it dies
        os.environ["NGVH_CHROMA_URL"] = chroma.start()  # the workers inherit it
        app.state.service.chroma_url = chroma.url  # /healthz checks it
    try:
        run_app(app, host, port)
    finally:
        if chroma is not None:
            chroma.stop()


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
        asyncio.run(run_worker(settings, services(), options, metrics_port))
        return
    _supervise(settings, count, metrics_port)


def _supervise(settings: Settings, count: int, metrics_port: int | None) -> None:
    """count worker processes (one Chroma server for them all unless one runs), restarted when they die, until SIGTERM."""
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
    files = None
    if metrics_port:  # the children count into files here; this process serves their sum
        files = Path(tempfile.mkdtemp(prefix="ngvh-worker-metrics-"))
        serve_metrics(metrics_port, files_registry(files))
        supervisor = counted_workers(WORKER_COMMAND, count, files)
    else:
        supervisor = Supervisor(WORKER_COMMAND, count)
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


def purge(
    days: Annotated[int | None, typer.Option("--days", help="Keep this many days (default: NGVH_QUESTION_RETENTION_DAYS)")] = None,
):
    """Delete logged questions older than the retention period."""
    core = services()
    keep = core.settings.question_retention_days if days is None else days
    if keep < 0:
        fail("--days must be 0 or more")
    removed = core.question_log.purge(days=keep)
    console.print(f"Đã xóa {removed} câu hỏi cũ hơn {keep} ngày.")
