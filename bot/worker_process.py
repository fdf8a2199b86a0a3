"""`ngvh worker`: one process taking jobs from the intake until SIGTERM, with its own copy of the core."""
from __future__ import annotations

import asyncio
import logging
import signal

from bot.channels import build_adapters, close_adapters, open_adapters
from bot.core import AnsweringCore, CoreRunner
from bot.logs import redact, secret_values
from bot.metrics import Metrics, serve_metrics
from bot.options import BotOptions
from bot.stores import open_coordination, open_intake
from bot.worker import Worker
from ground.config import Settings

log = logging.getLogger("ngvh.bot.worker")


async def run_worker(settings: Settings, core: AnsweringCore, options: BotOptions | None = None,
                     metrics_port: int | None = None) -> None:
    """metrics_port: serve this worker's own /metrics there (a worker on another machine than `ngvh serve`)."""
    options = options or BotOptions()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    coordination = open_coordination(settings)
    intake = open_intake(settings, options.lease)
    adapters = build_adapters(settings, coordination, options)
    runner = CoreRunner(core, options.ask_threads, options.ingest_command)
    secrets = secret_values(settings)
    if options.warm_up:
        try:  # load the embedder and the index now, so the first answer is not a cold start
            await runner.health()
        except Exception as exc:
            log.warning("core warm-up failed", extra={"error": redact(str(exc), secrets)})
    await open_adapters(adapters, secrets)  # a channel that failed retries its sends later; the others go on
    metrics = Metrics()
    if metrics_port:
        serve_metrics(metrics_port, metrics.registry)
    worker = Worker(settings, intake, runner, adapters, coordination, metrics, options)
    log.info("worker started", extra={"worker": worker.name, "channels": ",".join(adapters) or "web"})
    try:
        await worker.run(stop)
    finally:
        await close_adapters(adapters)
        runner.close()
        await coordination.close()
        await intake.close()
