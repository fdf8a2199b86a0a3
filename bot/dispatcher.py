"""What a worker does with one inbound message: rate limit, commands, documents, answers, paced sends."""
from __future__ import annotations

import asyncio
import logging
import random
import re
import time
from contextlib import asynccontextmanager
from pathlib import Path
from typing import AsyncIterator

from bot import formatting
from bot.adapters.base import ChannelAdapter, PermanentError, RetryLater, SendError, TransientError
from bot.constants import (
    LAST_ANSWER_TTL_SECONDS,
    MAX_QUESTION_CHARS,
    RATE_WINDOW_SECONDS,
    TYPING_DELAY_SECONDS,
    TYPING_REFRESH_SECONDS,
)
from bot.coordination import Coordination
from bot.core import CoreRunner
from bot.metrics import Metrics
from bot.models import Attachment, InboundMessage, RawUpdate, WorkItem
from bot.options import BotOptions
from bot.uploads import incoming_folder, keep_successful, save_upload, upload_problem
from ngvh.config import Settings

log = logging.getLogger("ngvh.bot.dispatch")

_COMMAND = re.compile(r"^/(?P<name>[A-Za-z_]+)(?:@\w+)?(?:\s+(?P<args>.*))?$", re.DOTALL)


def parse_command(text: str) -> tuple[str, str] | None:
    """'/nguon@ngvh_bot 2' → ('nguon', '2'); None for ordinary text."""
    match = _COMMAND.match(text.strip())
    if not match:
        return None
    return match.group("name").lower(), (match.group("args") or "").strip()


class Dispatcher:
    """Handles one message for a worker: everything between taking it from the intake and the last send."""

    def __init__(
        self,
        settings: Settings,
        adapters: dict[str, ChannelAdapter],
        core: CoreRunner,
        coordination: Coordination,
        metrics: Metrics,
        options: BotOptions,
    ):
        self.settings = settings
        self.adapters = adapters
        self.core = core
        self.coordination = coordination
        self.metrics = metrics
        self.options = options

    # -- entry point ----------------------------------------------------------------------------------
    async def handle(self, item: WorkItem) -> None:
        if isinstance(item, RawUpdate):
            for message in self.adapters[item.channel].parse(item.payload):
                await self.handle(message)
            return
        message = item
        adapter = self.adapters[message.channel]
        settings = self.settings
        metrics = self.metrics
        rate_key = f"{message.channel}:{message.user_id}"
        if not await self.coordination.hit(rate_key, settings.rate_per_minute, RATE_WINDOW_SECONDS):
            metrics.rate_limited.labels(message.channel).inc()
            # one notice per window: answering every flood message would itself flood the chat
            if await self.coordination.first_time("slowdown:" + rate_key, RATE_WINDOW_SECONDS):
                await self.reply(adapter, message, formatting.SLOW_DOWN_TEXT.format(limit=settings.rate_per_minute))
            return
        if message.attachments:
            await self.handle_document(adapter, message, message.attachments[0])
            return
        text = message.text
        if not text:
            await self.reply(adapter, message, formatting.EMPTY_TEXT)
            return
        if len(text) > MAX_QUESTION_CHARS:
            await self.reply(adapter, message, formatting.TOO_LONG_TEXT.format(n=len(text), limit=MAX_QUESTION_CHARS))
            return
        command = parse_command(text)
        if command is not None:
            await self.handle_command(adapter, message, *command)
            return
        await self.answer(adapter, message, text)

    # -- commands -----------------------------------------------------------------------------------
    async def handle_command(self, adapter: ChannelAdapter, message: InboundMessage, name: str, args: str) -> None:
        if name == "plans" or name == "danhsach":
            plans = await self.core.plans()
            await self.reply(adapter, message, formatting.plans_text(plans))
        elif name == "nguon":
            await self.send_source(adapter, message, args)
        else:  # /start, /help and anything unknown: explain what ngvh does
            await self.reply(adapter, message, formatting.HELP_TEXT)

    async def send_source(self, adapter: ChannelAdapter, message: InboundMessage, args: str) -> None:
        citations = await self.coordination.get_json(self._last_key(message)) or []
        if not citations:
            await self.reply(adapter, message, formatting.NO_LAST_ANSWER_TEXT)
            return
        wanted = args.split()[0] if args.split() else "1"
        chosen = next((c for c in citations if str(c.get("n")) == wanted), None)
        if chosen is None:
            await self.reply(adapter, message, formatting.BAD_SOURCE_TEXT.format(count=len(citations)))
            return
        await self.reply(adapter, message, formatting.source_text(chosen))

    def _last_key(self, message: InboundMessage) -> str:
        return f"last:{message.channel}:{message.chat_id}"

    # -- answering ----------------------------------------------------------------------------------
    async def answer(self, adapter: ChannelAdapter, message: InboundMessage, question: str) -> None:
        metrics = self.metrics
        metrics.questions.labels(message.channel).inc()
        started = time.perf_counter()
        try:
            async with self.typing(adapter, message.chat_id):
                result = await self.core.ask(question)
        except Exception:
            metrics.errors.labels(message.channel).inc()
            log.exception("answering failed", extra={"channel": message.channel, "chat": message.chat_id})
            await self.reply(adapter, message, formatting.ERROR_TEXT)
            return
        metrics.answer_seconds.labels(message.channel).observe(time.perf_counter() - started)
        metrics.answers.labels(message.channel, getattr(result, "kind", "general")).inc()
        if not result.found:
            metrics.refusals.labels(message.channel).inc()
        if result.citations:  # /nguon n refers to these, from any replica when Redis is shared
            await self.coordination.put_json(
                self._last_key(message), [c.to_json() for c in result.citations], LAST_ANSWER_TTL_SECONDS
            )
        await self.send_all(adapter, message, adapter.render_answer(result))

    @asynccontextmanager
    async def typing(self, adapter: ChannelAdapter, chat_id: str) -> AsyncIterator[None]:
        async def keep_typing() -> None:
            await asyncio.sleep(TYPING_DELAY_SECONDS)
            while True:
                await adapter.show_typing(chat_id)
                await asyncio.sleep(TYPING_REFRESH_SECONDS)

        task = asyncio.create_task(keep_typing())
        try:
            yield
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    # -- admin documents ----------------------------------------------------------------------------
    async def handle_document(self, adapter: ChannelAdapter, message: InboundMessage, attachment: Attachment) -> None:
        if not self.is_admin(message):
            await self.reply(adapter, message, formatting.NOT_ADMIN_TEXT)
            return
        problem = upload_problem(attachment.file_name, attachment.size)
        if problem:
            await self.reply(adapter, message, formatting.BAD_UPLOAD_TEXT.format(name=attachment.file_name, reason=problem))
            return
        await self.reply(adapter, message, formatting.INGEST_STARTED_TEXT.format(name=attachment.file_name))
        try:
            data = await self.fetch_with_retry(adapter, attachment)
        except SendError as exc:
            log.error("attachment download failed", extra={"channel": message.channel, "error": str(exc)})
            await self.reply(adapter, message, formatting.BAD_UPLOAD_TEXT.format(name=attachment.file_name, reason="không tải được tệp"))
            return
        problem = upload_problem(attachment.file_name, len(data))
        if problem:
            await self.reply(adapter, message, formatting.BAD_UPLOAD_TEXT.format(name=attachment.file_name, reason=problem))
            return
        uploads = self.settings.data_dir / "uploads"
        path = save_upload(incoming_folder(uploads), attachment.file_name, data)
        report = await self.core.ingest([path])
        for row in report.rows:
            self.metrics.ingests.labels(row.status).inc()
        keep_successful(uploads, [path], report)
        log.info("ingest from chat", extra={"channel": message.channel, "user": message.user_id, "counts": str(report.counts())})
        await self.reply(adapter, message, formatting.ingest_report_text(report.to_json()))

    def is_admin(self, message: InboundMessage) -> bool:
        # NGVH_ADMIN_IDS are Telegram user ids; documents arrive only on Telegram
        return message.channel == "telegram" and message.user_id.lstrip("-").isdigit() and int(message.user_id) in set(
            self.settings.admin_ids
        )

    async def fetch_with_retry(self, adapter: ChannelAdapter, attachment: Attachment) -> bytes:
        for attempt in range(self.options.send_attempts):
            try:
                return await adapter.fetch_attachment(attachment)
            except TransientError:
                if attempt + 1 == self.options.send_attempts:
                    raise
                await asyncio.sleep(self.backoff(attempt))
        raise TransientError("unreachable")

    # -- sending ------------------------------------------------------------------------------------
    async def reply(self, adapter: ChannelAdapter, message: InboundMessage, text: str) -> None:
        await self.send_all(adapter, message, adapter.render_text(text))

    async def send_all(self, adapter: ChannelAdapter, message: InboundMessage, parts: list[str]) -> None:
        for part in parts:
            if not await self.send(adapter, message, part):
                break  # a later part without the earlier one would confuse more than help

    async def send(self, adapter: ChannelAdapter, message: InboundMessage, text: str) -> bool:
        """Paced, retried send. Returns False (logged and counted) when it finally fails."""
        options = self.options
        metrics = self.metrics
        error: SendError | None = None
        for attempt in range(options.send_attempts):
            await self.pace(adapter, message)
            try:
                await adapter.send_text(message.chat_id, text)
                metrics.sends.labels(adapter.name, "ok").inc()
                return True
            except RetryLater as exc:
                error = exc
                delay = min(exc.retry_after or 1.0, options.retry_after_max)
            except TransientError as exc:
                error = exc
                delay = self.backoff(attempt)
            except PermanentError as exc:
                error = exc
                break
            if attempt + 1 < options.send_attempts:
                metrics.sends.labels(adapter.name, "retry").inc()
                log.warning(
                    "send failed, retrying",
                    extra={"channel": adapter.name, "chat": message.chat_id, "attempt": attempt + 1, "delay": round(delay, 2), "error": str(error)},
                )
                await asyncio.sleep(delay)
        metrics.sends.labels(adapter.name, "failed").inc()
        log.error(
            "send failed, giving up",
            extra={"channel": adapter.name, "chat": message.chat_id, "message_id": message.message_id, "error": str(error)},
        )
        return False

    def backoff(self, attempt: int) -> float:
        options = self.options
        base = min(options.backoff_base * (2**attempt), options.backoff_max)
        return base * random.uniform(0.75, 1.25)  # jitter: replicas retrying together do not stampede

    async def pace(self, adapter: ChannelAdapter, message: InboundMessage) -> None:
        scale = self.options.pacing_scale
        if scale <= 0:
            return
        for key, interval in adapter.pacing(message.chat_id, message.is_group):
            wait = await self.coordination.reserve(key, interval * scale)
            if wait > 0:
                await asyncio.sleep(wait)
