"""Zalo Bot platform: a Telegram-like API at {base}/bot{TOKEN}/{method}, called with httpx directly.

Webhook payload: {"ok": true, "result": {"event_name": "message.text.received", "message": {...}}},
secret echoed in X-Bot-Api-Secret-Token. There is no update_id: dedupe on message_id.
"""
from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections.abc import Mapping
from typing import Any

import httpx

from bot import formatting
from bot.adapters.base import (
    ChannelAdapter,
    PermanentError,
    RetryLater,
    SendError,
    Sink,
    TransientError,
    bot_id,
    cancel_task,
)
from bot.constants import POLL_TIMEOUT_SECONDS, SEND_TIMEOUT, ZALO_CHAT_INTERVAL, ZALO_TEXT_LIMIT
from bot.models import InboundMessage, Verdict
from bot.security import check_secret_header

log = logging.getLogger("ngvh.bot.zalo_bot")

SECRET_HEADER = "X-Bot-Api-Secret-Token"
TEXT_EVENT = "message.text.received"


def _events(payload: Any) -> list[dict]:
    """Webhooks wrap one event in {"ok", "result"}; getUpdates may return one event or a list."""
    if isinstance(payload, dict) and "result" in payload:
        payload = payload["result"]
    if isinstance(payload, dict):
        return [payload]
    if isinstance(payload, list):
        return [e for e in payload if isinstance(e, dict)]
    return []


def parse_payload(payload: Any, token: str) -> list[InboundMessage]:
    out = []
    for event in _events(payload):
        if event.get("event_name") != TEXT_EVENT:
            continue  # images, stickers, unsupported: ignored
        message = event.get("message")
        if not isinstance(message, dict):
            continue
        chat, sender = _object(message.get("chat")), _object(message.get("from"))
        chat_id = chat.get("id") or sender.get("id")
        if not chat_id or isinstance(chat_id, (dict, list)):
            continue
        message_id = message.get("message_id")
        if not message_id:  # no id to dedupe on: fall back to what identifies the message
            basis = json.dumps([chat_id, message.get("date"), message.get("text")], ensure_ascii=False)
            message_id = "h" + hashlib.sha256(basis.encode()).hexdigest()[:24]
        out.append(
            InboundMessage(
                channel=ZaloBotAdapter.name,
                chat_id=str(chat_id),
                user_id=str(sender.get("id") or chat_id),
                message_id=str(message_id),
                dedupe_key=f"zb:{bot_id(token)}:{message_id}",
                text=str(message.get("text") or "").strip(),
                is_group=str(chat.get("chat_type", "")).upper() == "GROUP",
            )
        )
    return out


class ZaloBotAdapter(ChannelAdapter):
    name = "zalo-bot"
    text_limit = ZALO_TEXT_LIMIT
    supports_polling = True

    def __init__(self, token: str, secret: str | None, api_base: str, timeout: float = SEND_TIMEOUT):
        self.token = token
        self.secret = secret
        self._timeout = timeout
        self._client = httpx.AsyncClient(base_url=f"{api_base.rstrip('/')}/bot{token}/", timeout=timeout)
        self._poller: asyncio.Task | None = None

    # -- API ----------------------------------------------------------------------------------------
    async def call(self, method: str, params: dict | None = None, timeout: float | None = None) -> Any:
        try:
            response = await self._client.post(method, json=params or {}, timeout=timeout or self._timeout)
        except httpx.TimeoutException as exc:
            raise TransientError(f"{method}: timeout") from exc
        except httpx.HTTPError as exc:
            raise TransientError(f"{method}: {type(exc).__name__}") from exc
        data = _json(response)
        if response.status_code == 429 or data.get("error_code") == 429:
            raise RetryLater(f"{method}: 429", retry_after=_retry_after(response, data))
        if response.status_code >= 500:
            raise TransientError(f"{method}: HTTP {response.status_code}")
        if response.status_code >= 400 or not data.get("ok", False):
            raise PermanentError(f"{method}: {data.get('description') or response.status_code}")
        return data.get("result")

    # -- receiving ----------------------------------------------------------------------------------
    def verify(self, headers: Mapping[str, str], body: bytes) -> Verdict:
        return check_secret_header(headers, SECRET_HEADER, self.secret or "")

    def parse(self, payload: Any) -> list[InboundMessage]:
        return parse_payload(payload, self.token)

    # -- sending ------------------------------------------------------------------------------------
    async def send_text(self, chat_id: str, text: str, *, reply_to: str | None = None,
                        buttons: dict | None = None) -> None:
        await self.call("sendMessage", {"chat_id": chat_id, "text": text})

    async def show_typing(self, chat_id: str) -> None:
        try:
            await self.call("sendChatAction", {"chat_id": chat_id, "action": "typing"})
        except SendError:
            pass

    def render_answer(self, answer: Any) -> list[str]:
        return formatting.zalo_answer(answer, self.text_limit)

    def render_text(self, text: str) -> list[str]:
        return formatting.split_text(text, self.text_limit)

    def pacing(self, chat_id: str, is_group: bool) -> list[tuple[str, float]]:
        return [(f"zb:{bot_id(self.token)}:chat:{chat_id}", ZALO_CHAT_INTERVAL)]

    # -- lifecycle ----------------------------------------------------------------------------------
    async def start(self, sink: Sink, polling: bool = False) -> None:
        await self.call("getMe")  # fails fast on a wrong token
        if polling:
            await self.call("deleteWebhook")  # getUpdates does not work while a webhook is set
            self._poller = asyncio.create_task(self._poll(sink), name="zalo-bot-poll")

    async def register_webhook(self, public_url: str) -> None:
        await self.call("setWebhook", {"url": f"{public_url.rstrip('/')}/webhook/zalo-bot", "secret_token": self.secret})
        log.info("zalo bot webhook registered", extra={"channel": self.name})

    async def _poll(self, sink: Sink) -> None:
        backoff = 1.0
        while True:
            try:
                result = await self.call("getUpdates", {"timeout": str(POLL_TIMEOUT_SECONDS)}, timeout=POLL_TIMEOUT_SECONDS + 10)
                backoff = 1.0
            except asyncio.CancelledError:
                raise
            except SendError as exc:
                if "timeout" not in str(exc).lower():  # an empty long poll can end as a timeout
                    log.warning("zalo bot getUpdates failed", extra={"channel": self.name, "error": str(exc)})
                    await asyncio.sleep(backoff)
                    backoff = min(backoff * 2, 30.0)
                continue
            for message in parse_payload({"result": result} if result is not None else None, self.token):
                try:
                    await sink(message)  # stored durably, deduped on message_id
                except Exception as exc:  # the store is down: Zalo Bot has no offset to fetch it again
                    log.error("zalo bot update not stored", extra={"channel": self.name, "error": str(exc)})

    async def stop_intake(self) -> None:
        await cancel_task(self._poller)
        self._poller = None

    async def stop(self) -> None:
        await self.stop_intake()
        await self._client.aclose()


def _object(value: Any) -> dict:
    """A JSON object of a payload, or {} for anything else (the platform leaves fields out or sends null)."""
    return value if isinstance(value, dict) else {}


def _json(response: httpx.Response) -> dict:
    try:
        return _object(response.json())
    except ValueError:
        return {}


def _retry_after(response: httpx.Response, data: dict) -> float:
    params = data.get("parameters") or {}
    for value in (params.get("retry_after"), response.headers.get("retry-after")):
        try:
            if value is not None:
                return float(value)
        except (TypeError, ValueError):
            pass
    return 1.0
