"""Telegram through python-telegram-bot v22's Bot (API calls and Update decoding only).

No PTB Application and no update_queue: the webhook route stores each verified update in the durable
intake itself, and with --polling this adapter long-polls getUpdates and stores each update before it
moves the offset past it (Telegram then forgets it, so it must already be on disk).
"""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
import warnings
from collections.abc import Mapping
from typing import Any

from telegram import Bot, CallbackQuery, InlineKeyboardMarkup, LinkPreviewOptions, Update
from telegram.constants import ChatAction, ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.request import HTTPXRequest

from bot import formatting, sources
from bot.adapters.base import ChannelAdapter, PermanentError, RetryLater, Sink, TransientError, bot_id, cancel_task
from bot.addressing import question_for_bot
from bot.constants import (
    POLL_TIMEOUT_SECONDS,
    SEND_TIMEOUT,
    TELEGRAM_GLOBAL_INTERVAL,
    TELEGRAM_GROUP_INTERVAL,
    TELEGRAM_PRIVATE_INTERVAL,
    TELEGRAM_TEXT_LIMIT,
)
from bot.models import Attachment, InboundMessage, Verdict
from bot.security import check_secret_header

log = logging.getLogger("ngvh.bot.telegram")

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
ALLOWED_UPDATES = ["message", "callback_query"]  # questions and taps on the buttons under answers; not edits, reactions…


def update_key(token: str, update_id: int) -> str:
    return f"tg:{bot_id(token)}:{update_id}"


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def update_id_of(payload: Any) -> int | None:
    """The update_id of a payload shaped like a Telegram Update, else None (a 400).

    A cheap structural check on the ack path; PTB's full decoding (~0.5 ms) happens in the handler.
    """
    if not isinstance(payload, dict) or not _is_int(payload.get("update_id")):
        return None
    message = payload.get("message")
    if message is not None:
        chat = message.get("chat") if isinstance(message, dict) else None
        if not (isinstance(chat, dict) and _is_int(chat.get("id")) and _is_int(message.get("message_id")) and _is_int(message.get("date"))):
            return None
        if not isinstance(message.get("text", ""), str):
            return None
    return payload["update_id"]


def parse_update(update: Update, token: str, username: str | None = None, bot_user_id: int | None = None) -> list[InboundMessage]:
    """New messages meant for this bot (in groups: mentioned, replied to, or a command for it) and taps on
    its buttons; anything else (edits, member changes, polls...) gives []."""
    if update.callback_query is not None:
        return _callback(update, update.callback_query, token)
    message = update.message
    if message is None:
        return []
    text = question_for_bot(message.to_dict(), username, bot_user_id)
    if text is None:
        return []
    chat = message.chat
    user = message.from_user
    attachments: tuple[Attachment, ...] = ()
    if message.document is not None:
        doc = message.document
        attachments = (Attachment(doc.file_id, doc.file_name or "document", doc.mime_type, doc.file_size),)
    return [
        InboundMessage(
            channel=TelegramAdapter.name,
            chat_id=str(chat.id),
            user_id=str(user.id if user else chat.id),
            message_id=str(message.message_id),
            dedupe_key=update_key(token, update.update_id),
            text=text,
            attachments=attachments,
            is_group=chat.type in (ChatType.GROUP, ChatType.SUPERGROUP),
        )
    ]


def _callback(update: Update, query: CallbackQuery, token: str) -> list[InboundMessage]:
    """A tap on 📄 n or 👍/👎 (update's callback query): answered in the chat of the message that carries the buttons."""
    message = query.message
    chat = message.chat if message is not None else None
    return [
        InboundMessage(
            channel=TelegramAdapter.name,
            chat_id=str(chat.id if chat is not None else query.from_user.id),
            user_id=str(query.from_user.id),
            message_id=str(message.message_id) if message is not None else "",
            dedupe_key=update_key(token, update.update_id),
            is_group=chat is not None and chat.type in (ChatType.GROUP, ChatType.SUPERGROUP),
            callback_id=query.id,
            callback_data=query.data or "",
        )
    ]


def _retry_after(exc: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB 22 warns that the type becomes timedelta; we accept both
        warnings.simplefilter("ignore")
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


class TelegramAdapter(ChannelAdapter):
    name = "telegram"
    text_limit = TELEGRAM_TEXT_LIMIT
    supports_polling = True

    def __init__(self, token: str, secret: str | None, api_base: str, timeout: float = SEND_TIMEOUT):
        self.token = token
        self.secret = secret
        self._poller: asyncio.Task | None = None
        api_base = api_base.rstrip("/")
        request = HTTPXRequest(
            connection_pool_size=32,
            connect_timeout=timeout,
            read_timeout=timeout,
            write_timeout=timeout,
            pool_timeout=timeout,
        )
        self.bot = Bot(
            token,
            base_url=f"{api_base}/bot",  # PTB appends the token: {base}/bot{token}/{method}
            base_file_url=f"{api_base}/file/bot",
            request=request,
            get_updates_request=HTTPXRequest(read_timeout=POLL_TIMEOUT_SECONDS + 10, connect_timeout=timeout),
        )
        self._opened = False
        self._me: tuple[str | None, int | None] = (None, None)  # the bot's @username and user id, after getMe

    # -- receiving ----------------------------------------------------------------------------------
    def verify(self, headers: Mapping[str, str], body: bytes) -> Verdict:
        return check_secret_header(headers, SECRET_HEADER, self.secret or "")

    def parse(self, payload: Any) -> list[InboundMessage]:
        try:
            update = payload if isinstance(payload, Update) else Update.de_json(payload, self.bot)
        except Exception as exc:  # already acknowledged: a payload PTB cannot read is logged and dropped
            log.warning("unreadable telegram update", extra={"channel": self.name, "error": repr(exc)})
            return []
        return parse_update(update, self.token, *self._me)

    def update_key(self, update_id: int) -> str:
        return update_key(self.token, update_id)

    async def _poll(self, sink: Sink) -> None:
        offset: int | None = None
        backoff = 1.0
        while True:
            try:
                updates = await self.bot.get_updates(offset=offset, timeout=POLL_TIMEOUT_SECONDS, allowed_updates=ALLOWED_UPDATES)
                for update in updates:
                    for message in parse_update(update, self.token, *self._me):
                        await sink(message)  # stored (or a known duplicate) before the offset moves past it
                    offset = update.update_id + 1
                backoff = 1.0
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("telegram getUpdates failed", extra={"channel": self.name, "error": str(exc)})
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 30.0)

    # -- sending ------------------------------------------------------------------------------------
    async def send_text(self, chat_id: str, text: str, *, reply_to: str | None = None,
                        buttons: dict | None = None) -> None:
        try:
            await self.bot.send_message(
                chat_id=chat_id,
                text=text,
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
                reply_markup=InlineKeyboardMarkup.de_json(buttons, self.bot) if buttons else None,
            )
        except RetryAfter as exc:
            raise RetryLater(str(exc), retry_after=_retry_after(exc)) from exc
        except (BadRequest, Forbidden) as exc:  # BadRequest subclasses NetworkError: catch it first
            raise PermanentError(str(exc)) from exc
        except (TimedOut, NetworkError) as exc:
            raise TransientError(str(exc)) from exc
        except TelegramError as exc:
            raise PermanentError(str(exc)) from exc

    async def show_typing(self, chat_id: str) -> None:
        try:
            await self.bot.send_chat_action(chat_id=chat_id, action=ChatAction.TYPING)
        except TelegramError:
            pass  # cosmetic: never let a typing indicator fail an answer

    async def fetch_attachment(self, attachment: Attachment) -> bytes:
        try:
            file = await self.bot.get_file(attachment.file_id)
            return bytes(await file.download_as_bytearray())
        except (TimedOut, NetworkError) as exc:
            raise TransientError(str(exc)) from exc
        except TelegramError as exc:
            raise PermanentError(str(exc)) from exc

    def render_answer(self, answer: Any) -> list[str]:
        return formatting.telegram_answer(answer, self.text_limit)

    def answer_buttons(self, question_id: int | None, citations: list) -> dict | None:
        return sources.telegram_keyboard(question_id, citations)

    def render_passage(self, citation: Any, link: str | None) -> list[str]:
        return [sources.passage_html(citation, link)]

    async def acknowledge(self, callback_id: str, text: str | None = None) -> None:
        """answerCallbackQuery: always sent, or the user's client keeps a spinner on the button."""
        try:
            await self.bot.answer_callback_query(callback_id, text=text)
        except TelegramError as exc:  # a query older than 15 minutes cannot be answered; nothing to retry
            log.warning("answerCallbackQuery failed", extra={"channel": self.name, "error": str(exc)})

    def render_text(self, text: str) -> list[str]:
        pieces = formatting.split_text(text, self.text_limit, lambda s: formatting.utf16_len(formatting.escape_html(s)))
        return [formatting.escape_html(p) for p in pieces]

    def pacing(self, chat_id: str, is_group: bool) -> list[tuple[str, float]]:
        per_chat = TELEGRAM_GROUP_INTERVAL if is_group else TELEGRAM_PRIVATE_INTERVAL
        return [
            (f"tg:{bot_id(self.token)}:chat:{chat_id}", per_chat),
            (f"tg:{bot_id(self.token)}:all", TELEGRAM_GLOBAL_INTERVAL),
        ]

    # -- lifecycle ----------------------------------------------------------------------------------
    async def open(self) -> None:
        if not self._opened:
            await self.bot.initialize()  # getMe: fails fast on a wrong token or an unreachable API
            self._opened = True
            self._me = (self.bot.username, self.bot.id)  # groups: is a message addressed to us?

    async def start(self, sink: Sink, polling: bool = False) -> None:
        await self.open()
        if polling:
            await self.bot.delete_webhook()  # getUpdates does not work while a webhook is set
            self._poller = asyncio.create_task(self._poll(sink), name="telegram-poll")

    async def register_webhook(self, public_url: str) -> None:
        await self.bot.set_webhook(
            url=f"{public_url.rstrip('/')}/webhook/telegram",
            secret_token=self.secret,
            allowed_updates=ALLOWED_UPDATES,
            max_connections=40,
        )
        log.info("telegram webhook registered", extra={"channel": self.name})

    async def stop_intake(self) -> None:
        await cancel_task(self._poller)
        self._poller = None

    async def stop(self) -> None:
        await self.stop_intake()
        if self._opened:
            await self.bot.shutdown()
            self._opened = False
