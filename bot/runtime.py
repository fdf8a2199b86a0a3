"""Everything one running service holds: settings, the core, channel adapters, the work queue, executors."""
from __future__ import annotations

import asyncio
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, AsyncIterator, Iterator

from bot.adapters.base import ChannelAdapter
from bot.constants import (
    ASK_THREADS,
    DEDUPE_TTL_SECONDS,
    QUEUE_MAX,
    RETRY_AFTER_MAX,
    SEND_ATTEMPTS,
    SEND_BACKOFF_BASE,
    SEND_BACKOFF_MAX,
    SEND_TIMEOUT,
    SHUTDOWN_GRACE_SECONDS,
    WORKERS,
    ZALO_OA_TOKEN_FILE,
)
from bot.coordination import Coordination, make_coordination
from bot.logs import redact, secret_values
from bot.metrics import Metrics
from bot.models import InboundMessage, WorkItem
from bot.security import valid_secret_token
from ngvh.config import Settings, is_placeholder_secret

log = logging.getLogger("ngvh.bot")


class ConfigError(RuntimeError):
    """Settings that would make the service unsafe or unable to work; raised before it starts."""


@dataclass
class BotOptions:
    """Tunables that are not operator settings; tests shrink the waits."""

    workers: int = WORKERS
    ask_threads: int = ASK_THREADS
    queue_max: int = QUEUE_MAX
    send_attempts: int = SEND_ATTEMPTS
    backoff_base: float = SEND_BACKOFF_BASE
    backoff_max: float = SEND_BACKOFF_MAX
    retry_after_max: float = RETRY_AFTER_MAX
    send_timeout: float = SEND_TIMEOUT
    pacing_scale: float = 1.0  # multiplies every pacing interval; 0 disables pacing
    dedupe_ttl: float = DEDUPE_TTL_SECONDS
    shutdown_grace: float = SHUTDOWN_GRACE_SECONDS
    warm_up: bool = True  # load the core in the background at start-up, so the first answer is quick
    channel_retry: float = 5.0  # first wait before retrying a channel that failed to start (doubles, ≤ 5 min)


def check_settings(settings: Settings, polling: bool = False) -> None:
    """Refuse to start with settings that would expose an unauthenticated route."""
    problems = []
    if settings.admin_token is not None and is_placeholder_secret(settings.admin_token):
        problems.append(
            "NGVH_ADMIN_TOKEN is empty or a placeholder: set a random value of 12+ characters "
            "(e.g. `openssl rand -hex 32`) or remove the variable to disable /admin"
        )
    if settings.telegram_token and not polling and not _good_secret(settings.telegram_secret):
        problems.append("NGVH_TELEGRAM_SECRET must be 12-256 characters of A-Z a-z 0-9 _ - (or use --polling)")
    if settings.zalo_bot_token and not polling and not _good_secret(settings.zalo_bot_secret):
        problems.append("NGVH_ZALO_BOT_SECRET must be 12-256 characters of A-Z a-z 0-9 _ - (or use --polling)")
    if settings.zalo_oa_app_id:
        if is_placeholder_secret(settings.zalo_oa_secret_key):
            problems.append("NGVH_ZALO_OA_SECRET_KEY (the OA secret key that signs webhooks) is required with NGVH_ZALO_OA_APP_ID")
        if not settings.zalo_oa_access_token and not (settings.zalo_oa_refresh_token and settings.zalo_oa_app_secret):
            problems.append("Zalo OA needs NGVH_ZALO_OA_ACCESS_TOKEN or NGVH_ZALO_OA_REFRESH_TOKEN + NGVH_ZALO_OA_APP_SECRET")
    if problems:
        raise ConfigError("; ".join(problems))


def _good_secret(value: str | None) -> bool:
    return valid_secret_token(value) and not is_placeholder_secret(value)


def build_adapters(settings: Settings, coordination: Coordination, options: BotOptions, polling: bool) -> dict[str, ChannelAdapter]:
    """One adapter per channel whose credentials are set."""
    adapters: dict[str, ChannelAdapter] = {}
    if settings.telegram_token:
        from bot.adapters.telegram import TelegramAdapter

        adapters["telegram"] = TelegramAdapter(
            settings.telegram_token, settings.telegram_secret, settings.telegram_api_base, options.send_timeout, polling
        )
    if settings.zalo_bot_token:
        from bot.adapters.zalo_bot import ZaloBotAdapter

        adapters["zalo-bot"] = ZaloBotAdapter(
            settings.zalo_bot_token, settings.zalo_bot_secret, settings.zalo_bot_api_base, options.send_timeout, polling
        )
    if settings.zalo_oa_app_id:
        from bot.adapters.zalo_oa import OATokenManager, ZaloOAAdapter

        tokens = OATokenManager(
            settings.state_path / ZALO_OA_TOKEN_FILE,
            settings.zalo_oa_app_id,
            settings.zalo_oa_app_secret,
            settings.zalo_oa_oauth_base,
            settings.zalo_oa_access_token,
            settings.zalo_oa_refresh_token,
            coordination,
        )
        adapters["zalo-oa"] = ZaloOAAdapter(
            settings.zalo_oa_app_id, settings.zalo_oa_secret_key or "", settings.zalo_oa_api_base, tokens, options.send_timeout
        )
    return adapters


class ReadWriteLock:
    """Many answers at once, or one ingest alone: an ingest never runs under a half-read index."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writer = False
        self._writers_waiting = 0

    def acquire_read(self) -> None:
        with self._cond:
            while self._writer or self._writers_waiting:
                self._cond.wait()
            self._readers += 1

    def release_read(self) -> None:
        with self._cond:
            self._readers -= 1
            if not self._readers:
                self._cond.notify_all()

    def acquire_write(self) -> None:
        with self._cond:
            self._writers_waiting += 1
            while self._writer or self._readers:
                self._cond.wait()
            self._writers_waiting -= 1
            self._writer = True

    def release_write(self) -> None:
        with self._cond:
            self._writer = False
            self._cond.notify_all()

    @contextmanager
    def reading(self) -> Iterator[None]:
        self.acquire_read()
        try:
            yield
        finally:
            self.release_read()

    @contextmanager
    def writing(self) -> Iterator[None]:
        self.acquire_write()
        try:
            yield
        finally:
            self.release_write()


class WorkQueue:
    """Bounded queue drained by a few asyncio workers; a failing message is logged, never fatal."""

    def __init__(self, handler, workers: int, maxsize: int, metrics: Metrics):
        self._handler = handler
        self._workers = workers
        self._queue: asyncio.Queue[WorkItem] = asyncio.Queue(maxsize=maxsize)
        self._tasks: list[asyncio.Task] = []
        self._metrics = metrics
        self._busy = 0

    def qsize(self) -> int:
        return self._queue.qsize()

    def full(self) -> bool:
        return self._queue.full()

    @property
    def idle(self) -> bool:
        return self._queue.empty() and self._busy == 0

    async def put(self, message: WorkItem) -> bool:
        try:
            self._queue.put_nowait(message)
            return True
        except asyncio.QueueFull:
            return False

    async def put_wait(self, message: WorkItem) -> None:
        await self._queue.put(message)

    def start(self) -> None:
        self._tasks = [asyncio.create_task(self._run(), name=f"ngvh-worker-{i}") for i in range(self._workers)]

    async def _run(self) -> None:
        while True:
            message = await self._queue.get()
            self._busy += 1
            try:
                await self._handler(message)
            except asyncio.CancelledError:
                raise
            except Exception:
                self._metrics.errors.labels(message.channel).inc()
                log.exception("message handling failed", extra={"channel": message.channel, "chat": getattr(message, "chat_id", None)})
            finally:
                self._busy -= 1
                self._queue.task_done()

    async def stop(self, grace: float) -> None:
        try:  # finish what was accepted, within the grace period
            await asyncio.wait_for(self._queue.join(), timeout=grace)
        except asyncio.TimeoutError:
            log.warning("shutdown with unanswered messages", extra={"pending": self._queue.qsize()})
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)


class Runtime:
    def __init__(self, settings: Settings, services: Any, options: BotOptions | None = None, polling: bool = False):
        from bot.dispatcher import Dispatcher

        self.settings = settings
        self.services = services
        self.options = options or BotOptions()
        self.polling = polling
        self.metrics = Metrics()
        self.coordination: Coordination = make_coordination(settings.redis_url)
        self.adapters = build_adapters(settings, self.coordination, self.options, polling)
        self.channel_state: dict[str, str] = {name: "starting" for name in self.adapters}
        self.dispatcher = Dispatcher(self)
        self.queue = WorkQueue(self.dispatcher.handle, self.options.workers, self.options.queue_max, self.metrics)
        self.metrics.watch_queue(self.queue.qsize)
        self._ask_pool = ThreadPoolExecutor(self.options.ask_threads, thread_name_prefix="ngvh-ask")
        self._ingest_pool = ThreadPoolExecutor(1, thread_name_prefix="ngvh-ingest")
        self._core_lock = ReadWriteLock()
        self._secrets = secret_values(settings)
        self._retries: list[asyncio.Task] = []

    @property
    def admin_enabled(self) -> bool:
        return self.settings.admin_token is not None

    def ready(self, channel: str) -> bool:
        return self.channel_state.get(channel) == "ok"

    def polls(self, adapter: ChannelAdapter) -> bool:
        """Whether this channel long-polls: with --polling, Zalo OA (no polling API) keeps its webhook."""
        return self.polling and adapter.supports_polling

    # -- the core, off the event loop -----------------------------------------------------------------
    async def ask(self, question: str):
        return await asyncio.get_running_loop().run_in_executor(self._ask_pool, self._read_locked, self.services.ask, question)

    async def ask_stream(self, question: str) -> AsyncIterator[dict[str, Any]]:
        """{"type": "delta", "text"} events as a streaming answerer writes, then one {"type": "final", "answer",
        "kind"} ("answer" is the `ngvh ask --json` object; "kind" is for metrics only).

        Without a streaming answerer (extractive mode, or a core with no `answerer`) the only event is the
        final one, from the same locked call as ask()."""
        loop = asyncio.get_running_loop()
        answerer, prepared = await loop.run_in_executor(self._ask_pool, self._retrieve_locked, question)
        if answerer is None:
            yield {"type": "final", "answer": prepared.to_json(), "kind": getattr(prepared, "kind", "general")}
            return
        # The lock covered retrieval only. The model's reply streams with it released: held across a network
        # wait of up to NGVH_LLM_TIMEOUT, it would stall every ingest that long (and, since a waiting writer
        # holds back new readers, every other answer too). Nothing after retrieval reads the index: the
        # context blocks are already built and the plan records for the citations are in memory.
        kind = getattr(prepared, "kind", None) or getattr(getattr(prepared, "extractive", None), "kind", None) or "general"
        events = answerer.astream_prepared(prepared)
        try:
            async for event in events:
                yield {**event, "kind": kind} if event.get("type") == "final" else event
        finally:
            await events.aclose()  # a client that leaves mid-answer closes the model's HTTP stream too

    def _retrieve_locked(self, question: str):
        """(answerer, its retrieval result) for a streaming answerer, else (None, the finished Answer)."""
        with self._core_lock.reading():
            answerer = getattr(self.services, "answerer", None)
            if callable(getattr(answerer, "astream_prepared", None)) and callable(getattr(answerer, "prepare", None)):
                return answerer, answerer.prepare(question)
            return None, self.services.ask(question)

    async def ingest(self, paths: list[Path]):
        """Ingest uploaded files (admin route or chat); every report row is counted."""
        report = await asyncio.get_running_loop().run_in_executor(
            self._ingest_pool, self._write_locked, self.services.ingest_paths, paths
        )
        for row in report.rows:
            self.metrics.ingests.labels(row.status).inc()
        return report

    async def remove(self, plan_id: str) -> bool:
        return await asyncio.get_running_loop().run_in_executor(self._ingest_pool, self._write_locked, self.services.remove, plan_id)

    def _write_locked(self, fn, *args):
        with self._core_lock.writing():  # answers wait while the index changes, then all see the new version at once
            return fn(*args)

    async def plans(self) -> list[dict]:
        return await asyncio.get_running_loop().run_in_executor(self._ask_pool, self._read_locked, self.services.plans)

    def _read_locked(self, fn, *args):
        with self._core_lock.reading():
            return fn(*args)

    # -- intake -----------------------------------------------------------------------------------------
    async def accept(self, message: InboundMessage) -> bool | None:
        """Dedupe then enqueue. True: queued; None: duplicate; False: queue full (key released)."""
        if not await self.coordination.first_time(message.dedupe_key, self.options.dedupe_ttl):
            self.metrics.duplicates.labels(message.channel).inc()
            return None
        if await self.queue.put(message):
            return True
        await self.coordination.forget(message.dedupe_key)  # let the platform's re-delivery through
        return False

    async def _polling_sink(self, message: InboundMessage) -> bool:
        # polling has no platform re-delivery to fall back on: wait for room instead of dropping
        if not await self.coordination.first_time(message.dedupe_key, self.options.dedupe_ttl):
            self.metrics.duplicates.labels(message.channel).inc()
            return True
        await self.queue.put_wait(message)
        return True

    # -- lifecycle ----------------------------------------------------------------------------------------
    async def start(self) -> None:
        if self.settings.redis_url:
            try:
                await self.coordination.ping()
            except Exception as exc:
                raise ConfigError(f"NGVH_REDIS_URL is set but Redis does not answer: {type(exc).__name__}") from exc
        self.queue.start()
        for name, adapter in self.adapters.items():
            if not await self._start_channel(name, adapter):
                # one broken channel must not take the web chat and the others down with it
                self._retries.append(asyncio.create_task(self._retry_channel(name, adapter), name=f"retry-{name}"))
        if self.options.warm_up:
            asyncio.get_running_loop().run_in_executor(self._ask_pool, self._warm_up)

    async def _start_channel(self, name: str, adapter: ChannelAdapter) -> bool:
        polls = self.polls(adapter)
        sink = self._polling_sink if polls else self.queue.put
        try:
            await adapter.start(sink, polls)
            if self.settings.public_url and not polls:
                await adapter.register_webhook(self.settings.public_url)
        except Exception as exc:
            self.channel_state[name] = "error: " + redact(str(exc) or type(exc).__name__, self._secrets)
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

    def _warm_up(self) -> None:
        try:
            self.services.health()
        except Exception as exc:
            log.warning("core warm-up failed", extra={"error": redact(str(exc), self._secrets)})

    async def stop(self) -> None:
        for task in self._retries:
            task.cancel()
        await asyncio.gather(*self._retries, return_exceptions=True)
        # stop receiving, answer what was accepted, then close the clients the answers went through
        for name, adapter in self.adapters.items():
            try:
                await adapter.stop_intake()
            except Exception as exc:
                log.warning("channel stop failed", extra={"channel": name, "error": str(exc)})
        await self.queue.stop(self.options.shutdown_grace)
        for name, adapter in self.adapters.items():
            try:
                await adapter.stop()
            except Exception as exc:
                log.warning("channel close failed", extra={"channel": name, "error": str(exc)})
        await self.coordination.close()
        self._ask_pool.shutdown(wait=False, cancel_futures=True)
        self._ingest_pool.shutdown(wait=False, cancel_futures=True)
