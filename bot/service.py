"""The serving process's life: channels in, jobs into the durable intake, web and admin calls out to workers.

Nothing here answers a question. With a core (tests, a one-process setup) an in-process Worker answers;
otherwise worker processes do (`ngvh worker`, started by `ngvh serve` as its children).
"""
from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import AsyncGenerator
from pathlib import Path
from typing import Any

from bot.adapters.base import ChannelAdapter
from bot.breaker import DependencyDown
from bot.channels import build_adapters, close_adapters
from bot.coordination import Coordination
from bot.core import AnsweringCore, CoreRunner
from bot.health import Check, Probe, chroma_probe, coordination_probe, disk_probe, intake_probe, run_checks
from bot.intake import Intake, JobKind
from bot.logs import redact, secret_values
from bot.metrics import Metrics, counted_workers, fresh_worker_files
from bot.models import RawUpdate, WorkItem
from bot.options import BotOptions
from bot.settings_check import ConfigError, check_settings
from bot.sidelog import SideLog
from bot.stores import open_coordination, open_intake
from bot.supervisor import Supervisor
from bot.worker import Worker, encode_item
from ground.config import Settings

log = logging.getLogger("ngvh.bot")

ADMIN_TIMEOUT_SECONDS = 60.0  # listing or removing plans through a worker
HEALTH_TIMEOUT_SECONDS = 10.0
HEALTH_CACHE_SECONDS = 1.0


class Overloaded(Exception):
    """Too many web questions in flight: answer 503 with Retry-After."""


class NoAnswerInTime(Exception):
    """No worker answered before the deadline: 503 with Retry-After."""


def order_key(item: WorkItem) -> str:
    """Jobs of one chat are answered in order; chats are independent."""
    if isinstance(item, RawUpdate):
        payload = item.payload if isinstance(item.payload, dict) else {}
        query = payload.get("callback_query")
        # a tap on a button belongs to the chat of the message that carries it
        message = payload.get("message") or (query.get("message") if isinstance(query, dict) else None)
        chat = message.get("chat", {}).get("id") if isinstance(message, dict) else None
        return f"{item.channel}:{chat if chat is not None else item.dedupe_key}"
    return f"{item.channel}:{item.chat_id}"


class Service:
    """With a core, an in-process worker answers; without one, worker processes do (started here from
    worker_command when workers > 0, or elsewhere). Raises ConfigError for unsafe settings before it opens anything."""

    def __init__(
        self,
        settings: Settings,
        core: AnsweringCore | None,
        options: BotOptions | None = None,
        polling: bool = False,
        worker_command: list[str] | None = None,
        workers: int = 0,
    ):
        check_settings(settings, polling)
        self.settings = settings
        self.options = options or BotOptions()
        self.polling = polling
        self.supervisor: Supervisor | None = None
        worker_files = None
        if worker_command and workers > 0:
            # the workers count answers, sends and errors there; /metrics adds them to this process's own
            worker_files = fresh_worker_files(settings.state_path / "metrics")
            self.supervisor = counted_workers(worker_command, workers, worker_files)
        self.metrics = Metrics(worker_files)
        self.coordination: Coordination = open_coordination(settings)
        self.intake: Intake = open_intake(settings, self.options.lease)
        self.adapters = build_adapters(settings, self.coordination, self.options)
        self.channel_state: dict[str, str] = {name: "starting" for name in self.adapters}
        self.secrets = secret_values(settings)
        self.core = CoreRunner(core, self.options.ask_threads) if core is not None else None
        self.worker = (
            Worker(settings, self.intake, self.core, self.adapters, self.coordination, self.metrics, self.options)
            if self.core is not None else None
        )
        self.chroma_url: str | None = settings.chroma_url  # serve sets the local server's once it runs
        self.question_log: SideLog | None = None  # the app's, for /readyz
        self._checks: tuple[float, list[Check]] | None = None
        self._web_in_flight = 0
        self._depth = 0
        self._tasks: list[asyncio.Task] = []
        self._stop = asyncio.Event()
        self.metrics.watch_queue(lambda: self._depth)

    @property
    def admin_enabled(self) -> bool:
        return self.settings.admin_token is not None

    def ready(self, channel: str) -> bool:
        return self.channel_state.get(channel) == "ok"

    def polls(self, adapter: ChannelAdapter) -> bool:
        """Whether this channel long-polls: with --polling, Zalo OA (no polling API) keeps its webhook."""
        return self.polling and adapter.supports_polling

    # -- intake ---------------------------------------------------------------------------------------
    async def accept(self, item: WorkItem) -> bool:
        """Dedupe and store durably. True: stored (acknowledge it); False: a duplicate (acknowledge, no reply)."""
        kind, body = encode_item(item)
        job_id = await self.intake.put(kind, order_key(item), body, dedupe_key=item.dedupe_key, dedupe_ttl=self.options.dedupe_ttl)
        if job_id is None:
            self.metrics.duplicates.labels(item.channel).inc()
            return False
        return True

    async def _polling_sink(self, item: WorkItem) -> bool:
        await self.accept(item)  # raises when the store is down: the poller retries the same offset
        return True

    # -- web questions and admin calls, answered by workers ------------------------------------------------
    def web_slot(self) -> WebSlot:
        if self._web_in_flight >= self.options.web_in_flight:
            raise Overloaded()
        return WebSlot(self)

    async def ask_events(self, question: str, conversation: str | None = None,
                         visitor: str | None = None) -> AsyncGenerator[dict[str, Any], None]:
        """The worker's events for one question: deltas, then a final; NoAnswerInTime past the deadline.
        A tab's conversation id makes it a turn of that conversation (answered in order)."""
        timeout = self.options.ask_deadline
        body = {"question": question, "conversation": conversation, "visitor": visitor}
        order = f"web:{conversation}" if conversation else f"web:{uuid.uuid4().hex}"
        job_id = await self._put_urgent("ask", order, body, deadline=time.time() + timeout)
        async for event in self.intake.events(job_id, timeout):
            if event.get("type") == "error":
                raise _worker_error(event, "answering failed")
            yield event
            if event.get("type") == "final":
                return
        raise NoAnswerInTime()

    async def call_core(self, op: str, timeout: float = ADMIN_TIMEOUT_SECONDS, **args: Any) -> Any:
        job_id = await self._put_urgent("admin", f"admin:{uuid.uuid4().hex}", {"op": op, **args},
                                        deadline=time.time() + timeout)
        async for event in self.intake.events(job_id, timeout):
            if event.get("type") == "error":
                raise _worker_error(event, f"{op} failed")
            if event.get("type") == "result":
                return event.get("value")
        raise NoAnswerInTime()

    async def submit_ingest(self, paths: list[Path]) -> str:
        """Queue an ingest (one at a time, in order); its status is at /admin/jobs/<id>."""
        job_id = await self._put_urgent("admin", "admin:ingest", {"op": "ingest", "paths": [str(p) for p in paths]})
        await self.intake.set_status(job_id, {"state": "queued", "files": [p.name for p in paths]})
        return job_id

    async def _put_urgent(self, kind: JobKind, order: str, body: dict, deadline: float | None = None) -> str:
        """A web or admin job, ahead of the channels' messages; without a dedupe key it is always stored."""
        job_id = await self.intake.put(kind, order, body, deadline=deadline, urgent=True)
        if job_id is None:
            raise RuntimeError("the intake refused a job that has no dedupe key")
        return job_id

    async def health_checks(self) -> list[Check]:
        """The probes' results, reused for HEALTH_CACHE_SECONDS: a public /healthz hammered by anyone costs at
        most one write probe a second."""
        now = time.monotonic()
        if self._checks is None or now - self._checks[0] > HEALTH_CACHE_SECONDS:
            self._checks = (now, await run_checks(self.probes()))
        return self._checks[1]

    def probes(self) -> dict[str, Probe]:
        """What /healthz checks: without any of these the service can neither take nor answer messages."""
        return {
            "intake": intake_probe(self.intake),
            "coordination": coordination_probe(self.coordination),
            "disk": disk_probe(self.settings.data_dir, self.settings.min_free_disk_mb),
            "chroma": chroma_probe(lambda: self.chroma_url),
        }

    # -- lifecycle ----------------------------------------------------------------------------------------
    async def start(self) -> None:
        try:
            await self.intake.ping()
            await self.coordination.ping()
        except Exception as exc:
            where = "NGVH_REDIS_URL is set but Redis" if self.settings.redis_url else "the intake database"
            raise ConfigError(f"{where} does not answer: {type(exc).__name__}") from exc
        for name, adapter in self.adapters.items():
            if not await self._start_channel(name, adapter):
                # one broken channel must not take the web chat and the others down with it
                self._tasks.append(asyncio.create_task(self._retry_channel(name, adapter), name=f"retry-{name}"))
        self._tasks.append(asyncio.create_task(self._watch_depth(), name="queue-depth"))
        if self.worker is not None:
            if self.options.warm_up:
                asyncio.get_running_loop().run_in_executor(None, self._warm_up)
            self._tasks.append(asyncio.create_task(self.worker.run(self._stop), name="inline-worker"))
        if self.supervisor is not None:
            self.supervisor.start()

    async def _start_channel(self, name: str, adapter: ChannelAdapter) -> bool:
        polls = self.polls(adapter)
        try:
            await adapter.start(self._polling_sink, polls)
            if self.settings.public_url and not polls:
                await adapter.register_webhook(self.settings.public_url)
        except Exception as exc:
            self.channel_state[name] = "error: " + redact(str(exc) or type(exc).__name__, self.secrets)
            log.error("channel failed to start", extra={"channel": name, "error": self.channel_state[name]})
            return False
        self.channel_state[name] = "ok"
        log.info("channel started", extra={"channel": name, "polling": polls})
        return True

    async def _retry_channel(self, name: str, adapter: ChannelAdapter) -> None:
        """Keep trying: the platform may simply have been unreachable when the service booted."""
        delay = self.options.channel_retry
        while True:
            await asyncio.sleep(delay)
            try:
                await adapter.stop_intake()  # undo a half-done start before trying again
            except Exception:
                pass
            if await self._start_channel(name, adapter):
                return
            delay = min(delay * 2, 300.0)

    async def _watch_depth(self) -> None:
        while True:
            try:
                self._depth = await self.intake.depth()
            except Exception:
                pass
            await asyncio.sleep(5.0)

    def _warm_up(self) -> None:
        try:
            assert self.core is not None
            self.core.core.health()
        except Exception as exc:
            log.warning("core warm-up failed", extra={"error": redact(str(exc), self.secrets)})

    async def idle(self) -> bool:
        """Nothing stored and nothing in hand (tests wait for this)."""
        return await self.intake.depth() == 0 and (self.worker is None or self.worker.busy == 0)

    async def stop(self) -> None:
        for name, adapter in self.adapters.items():
            try:
                await adapter.stop_intake()
            except Exception as exc:
                log.warning("channel stop failed", extra={"channel": name, "error": str(exc)})
        self._stop.set()
        if self.supervisor is not None:
            await asyncio.to_thread(self.supervisor.stop, self.options.shutdown_grace)
        # the inline worker finishes what it holds; anything else stays stored for the next start
        worker_tasks = [t for t in self._tasks if t.get_name() == "inline-worker"]
        others = [t for t in self._tasks if t not in worker_tasks]
        for task in others:
            task.cancel()
        await asyncio.gather(*others, return_exceptions=True)
        if worker_tasks:
            try:
                await asyncio.wait_for(asyncio.gather(*worker_tasks, return_exceptions=True), self.options.shutdown_grace + 5)
            except TimeoutError:
                pass
        await close_adapters(self.adapters)
        if self.core is not None:
            self.core.close()
        await self.coordination.close()
        await self.intake.close()


def _worker_error(event: dict, default: str) -> Exception:
    """A worker's error event as an exception: DependencyDown (a 503 for the route) when it was transient."""
    message = event.get("error") or default
    return DependencyDown(message) if event.get("transient") else RuntimeError(message)


class WebSlot:
    """One of the web questions a serve process lets wait for workers at once."""

    def __init__(self, service: Service):
        self.service = service
        service._web_in_flight += 1
        self._released = False

    def release(self) -> None:
        if not self._released:
            self._released = True
            self.service._web_in_flight -= 1

    def __enter__(self) -> WebSlot:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
