"""What a worker does with one inbound message: rate limit, commands, documents, answers, paced sends."""
from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from bot import formatting
from bot.adapters.base import ChannelAdapter, PermanentError, ReplyWindowClosed, RetryLater, SendError, TransientError
from bot.chat_flow import ChatFlow
from bot.constants import (
    MAX_QUESTION_CHARS,
    RATE_WINDOW_SECONDS,
    TYPING_DELAY_SECONDS,
    TYPING_REFRESH_SECONDS,
)
from bot.coordination import Coordination
from bot.core import CoreRunner
from bot.faults import is_transient
from bot.metrics import Metrics
from bot.models import Attachment, InboundMessage, RawUpdate, WorkItem
from bot.options import BotOptions
from bot.sidelog import SideLog
from bot.stores import open_conversations
from bot.turns import Turns
from bot.uploads import incoming_folder, keep_successful, save_upload, upload_problem
from ground.config import Settings

log = logging.getLogger("ngvh.bot.dispatch")

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
        question_log = SideLog.from_settings(settings, metrics)  # off the answer path (bot.sidelog)
        self.subscriptions = question_log.log.subscriptions
        self.flow = ChatFlow(
            Turns(open_conversations(settings), core.ask, question_log, core.locate),
            core.plans, settings.public_url, settings.question_retention_days,
            subscriptions=self.subscriptions, reminder_days=settings.reminder_days,
        )

    # -- entry point ----------------------------------------------------------------------------------
    async def handle(self, item: WorkItem, attempt: int = 1) -> None:
        """Handle one item. A transient failure (a dependency down, bot.faults) is raised for the worker to
        give the job back; anything else gets the apology here. attempt > 1: a retry, not counted again."""
        if isinstance(item, RawUpdate):
            for message in self.adapters[item.channel].parse(item.payload):
                await self.handle(message, attempt)
            return
        message = item
        adapter = self.adapters[message.channel]
        if message.callback_id:  # a tap on a button: acknowledged whatever happens, never rate limited
            await self.flow.on_callback(_Outbox(self, adapter, message), message, message.callback_id, message.callback_data)
            return
        settings = self.settings
        metrics = self.metrics
        rate_key = f"{message.channel}:{message.user_id}"
        if attempt == 1 and not await self.coordination.hit(rate_key, settings.rate_per_minute, RATE_WINDOW_SECONDS):
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
        await self.converse(adapter, message, text)

    # -- commands, sources, feedback and answers (bot.chat_flow) ------------------------------------
    async def converse(self, adapter: ChannelAdapter, message: InboundMessage, text: str) -> None:
        metrics = self.metrics
        started = time.perf_counter()
        outbox = _Outbox(self, adapter, message)
        try:
            async with self.typing(adapter, message.chat_id):
                what = await self.flow.on_text(outbox, message, text)
        except Exception as exc:
            metrics.errors.labels(message.channel).inc()
            if is_transient(exc):
                raise  # acked means answered: the worker gives the job back and it is answered later
            log.exception("answering failed", extra={"channel": message.channel, "chat": message.chat_id})
            await self.reply(adapter, message, formatting.ERROR_TEXT)
            return
        if outbox.answer is not None:
            metrics.questions.labels(message.channel).inc()
            metrics.answer_seconds.labels(message.channel).observe(time.perf_counter() - started)
            metrics.answers.labels(message.channel, outbox.answer.kind).inc()
            if not outbox.answer.found:
                metrics.refusals.labels(message.channel).inc()
        log.debug("message handled", extra={"channel": message.channel, "as": what})

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

    async def apologise(self, item: WorkItem) -> None:
        """The one apology for a job given up on (out of attempts): each of its messages gets ERROR_TEXT."""
        messages = self.adapters[item.channel].parse(item.payload) if isinstance(item, RawUpdate) else [item]
        for message in messages:
            if not message.callback_id:
                await self.reply(self.adapters[message.channel], message, formatting.ERROR_TEXT)

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

    async def send_all(self, adapter: ChannelAdapter, message: InboundMessage, parts: list[str],
                       buttons: dict | None = None) -> None:
        for i, part in enumerate(parts):
            if not await self.send(adapter, message, part, buttons if i == len(parts) - 1 else None):
                break  # a later part without the earlier one would confuse more than help

    async def send(self, adapter: ChannelAdapter, message: InboundMessage, text: str, buttons: dict | None = None) -> bool:
        """Paced, retried send. Returns False (logged and counted) when it finally fails."""
        options = self.options
        metrics = self.metrics
        error: SendError | None = None
        for attempt in range(options.send_attempts):
            await self.pace(adapter, message)
            try:
                await adapter.send_text(message.chat_id, text, reply_to=message.message_id or None, buttons=buttons)
                metrics.sends.labels(adapter.name, "ok").inc()
                return True
            except RetryLater as exc:
                error = exc
                delay = min(exc.retry_after or 1.0, options.retry_after_max)
            except TransientError as exc:
                error = exc
                delay = self.backoff(attempt)
            except ReplyWindowClosed as exc:  # logged by the adapter; counted here, never retried
                metrics.reply_window_closed.labels(adapter.name, str(exc.code)).inc()
                error = exc
                break
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


class _Outbox:
    """bot.chat_flow.Outbox for one message: this dispatcher's paced sends and the adapter's renderers."""

    def __init__(self, dispatcher: Dispatcher, adapter: ChannelAdapter, message: InboundMessage):
        self.dispatcher, self.adapter, self.message = dispatcher, adapter, message
        self.answer = None  # the Answer sent, when the message was a question

    async def send(self, parts: list[str], buttons: dict | None = None) -> None:
        await self.dispatcher.send_all(self.adapter, self.message, parts, buttons)

    def render_answer(self, answer) -> list[str]:
        self.answer = answer
        return self.adapter.render_answer(answer)

    def render_text(self, text: str) -> list[str]:
        return self.adapter.render_text(text)

    def render_passage(self, citation: dict, link: str | None) -> list[str]:
        return self.adapter.render_passage(citation, link)

    def answer_buttons(self, question_id: int | None, citations: list) -> dict | None:
        return self.adapter.answer_buttons(question_id, citations)

    async def acknowledge(self, callback_id: str, text: str | None = None) -> None:
        await self.adapter.acknowledge(callback_id, text)
