"""Zalo Official Account, Open API v3: the channel provinces run for citizens.

Events arrive signed: X-ZEvent-Signature: mac=SHA-256(app_id + raw body + timestamp + OA secret key).
Replies go to POST /v3.0/oa/message/cs with an `access_token` header. Access tokens live about 25 hours
and are refreshed with the refresh token, which is single use: the new pair is written atomically under
NGVH_DATA_DIR/state (and shared through Redis when configured) before it is used.
"""
from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import httpx

from bot import formatting, sources
from bot.adapters.base import (
    ChannelAdapter,
    PermanentError,
    ReplyWindowClosed,
    RetryLater,
    Sink,
    TransientError,
    cancel_task,
)
from bot.constants import (
    SEND_TIMEOUT,
    ZALO_CHAT_INTERVAL,
    ZALO_OA_INVALID_TOKEN,
    ZALO_OA_REFRESH_MARGIN,
    ZALO_TEXT_LIMIT,
)
from bot.coordination import Coordination
from bot.coordination.memory import MemoryCoordination
from bot.logs import register_secret
from bot.models import InboundMessage, Verdict
from bot.security import check_zalo_oa_signature
from ground.files import write_json_atomic

log = logging.getLogger("ngvh.bot.zalo_oa")

TEXT_EVENT = "user_send_text"
# Replies are free only inside the reply window opened by the user's message (a few replies within
# 48 hours) and only when they carry recipient.message_id; outside it Zalo refuses them with -230
# ("the user has not interacted with the OA recently") or one of its neighbours.
REPLY_WINDOW_ERRORS = {-230: "user has not interacted with the OA recently", -231: "reply window closed",
                       -232: "reply quota used up", -233: "reply not allowed for this user"}
SHARED_KEY = "zalo-oa:tokens"
SHARED_TTL = 100 * 24 * 3600  # refresh tokens live three months


def parse_event(payload: Any) -> list[InboundMessage]:
    if not isinstance(payload, dict) or payload.get("event_name") != TEXT_EVENT:
        return []  # follow, unfollow, images, stickers...: ignored with 200
    message, sender = payload.get("message"), payload.get("sender")
    if not isinstance(message, dict) or not isinstance(sender, dict):
        return []
    user, msg_id = sender.get("id"), message.get("msg_id")
    if not user or not msg_id or isinstance(user, (dict, list)) or isinstance(msg_id, (dict, list)):
        return []
    return [
        InboundMessage(
            channel=ZaloOAAdapter.name,
            chat_id=str(user),
            user_id=str(user),
            message_id=str(msg_id),
            dedupe_key=f"zoa:{payload.get('app_id', '')}:{msg_id}",
            text=str(message.get("text") or "").strip(),
        )
    ]


@dataclass
class OATokens:
    access_token: str
    refresh_token: str | None
    expires_at: float | None = None  # epoch seconds; None when unknown (tokens from the environment)

    def fresh(self, now: float, margin: float) -> bool:
        return self.expires_at is None or self.expires_at - now > margin


class OATokenManager:
    def __init__(
        self,
        path: Path,
        app_id: str,
        app_secret: str | None,
        oauth_base: str,
        access_token: str | None,
        refresh_token: str | None,
        coordination: Coordination | None = None,
        client: httpx.AsyncClient | None = None,
        clock=time.time,
    ):
        self.path = path
        self.app_id = app_id
        self.app_secret = app_secret
        self.oauth_url = f"{oauth_base.rstrip('/')}/v4/oa/access_token"
        self.coordination = coordination or MemoryCoordination()
        self.client = client or httpx.AsyncClient(timeout=SEND_TIMEOUT)
        self.clock = clock
        self.tokens = self._load() or OATokens(access_token or "", refresh_token)

    def _load(self) -> OATokens | None:
        # the file wins over the environment: the refresh token in .env was consumed by the first refresh
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return OATokens(data["access_token"], data.get("refresh_token"), data.get("expires_at"))
        except FileNotFoundError:
            return None
        except (ValueError, KeyError) as exc:
            log.error("unreadable Zalo OA token file, using the environment", extra={"error": str(exc)})
            return None

    async def current(self) -> str:
        await self._adopt_shared()
        if not self.tokens.access_token or not self.tokens.fresh(self.clock(), ZALO_OA_REFRESH_MARGIN):
            await self.refresh(stale=self.tokens.access_token)
        return self.tokens.access_token

    async def _adopt_shared(self) -> None:
        shared = await self.coordination.get_json(SHARED_KEY)
        if shared and shared.get("access_token") != self.tokens.access_token:
            self.tokens = OATokens(shared["access_token"], shared.get("refresh_token"), shared.get("expires_at"))

    async def refresh(self, stale: str | None) -> str:
        """Trade the refresh token for a new pair, once, even if many workers or replicas ask at once."""
        async with self.coordination.lock("zalo-oa-refresh", timeout=60):
            await self._adopt_shared()
            if stale is not None and self.tokens.access_token and self.tokens.access_token != stale:
                return self.tokens.access_token  # someone refreshed while we waited for the lock
            if not (self.tokens.refresh_token and self.app_secret):
                raise PermanentError("Zalo OA access token invalid and no refresh token / app secret to renew it")
            try:
                response = await self.client.post(
                    self.oauth_url,
                    headers={"secret_key": self.app_secret},
                    data={"refresh_token": self.tokens.refresh_token, "app_id": self.app_id, "grant_type": "refresh_token"},
                )
            except httpx.HTTPError as exc:
                raise TransientError(f"token refresh: {type(exc).__name__}") from exc
            if response.status_code >= 500:
                raise TransientError(f"token refresh: HTTP {response.status_code}")
            try:
                data = response.json()
            except ValueError:
                data = {}
            if not data.get("access_token"):
                raise PermanentError(f"token refresh refused: {data.get('error_name') or data.get('error') or response.status_code}")
            expires_in = float(data.get("expires_in") or 0) or None
            new = OATokens(
                data["access_token"],
                data.get("refresh_token") or self.tokens.refresh_token,
                self.clock() + expires_in if expires_in else None,
            )
            register_secret(new.access_token)
            register_secret(new.refresh_token)
            # persist before use: if we crash now, the next start still holds the only valid refresh token
            write_json_atomic(self.path, asdict(new), mode=0o600)  # tokens: owner only
            await self.coordination.put_json(SHARED_KEY, asdict(new), SHARED_TTL)
            self.tokens = new
            log.info("zalo oa access token refreshed", extra={"channel": ZaloOAAdapter.name})
            return new.access_token


class ZaloOAAdapter(ChannelAdapter):
    name = "zalo-oa"
    text_limit = ZALO_TEXT_LIMIT

    def __init__(
        self,
        app_id: str,
        secret_key: str,
        api_base: str,
        tokens: OATokenManager,
        timeout: float = SEND_TIMEOUT,
    ):
        self.app_id = app_id
        self.secret_key = secret_key
        self.tokens = tokens
        self._client = httpx.AsyncClient(base_url=api_base.rstrip("/"), timeout=timeout)
        self._refresher: asyncio.Task | None = None
        self.reply_window_closed = 0  # replies Zalo refused for a closed reply window (also a metric)
        self.templates_refused = 0  # answers whose buttons Zalo refused (sent again as text with the hint)

    def verify(self, headers: Mapping[str, str], body: bytes) -> Verdict:
        return check_zalo_oa_signature(headers, body, self.app_id, self.secret_key)

    def parse(self, payload: Any) -> list[InboundMessage]:
        return parse_event(payload)

    def answer_buttons(self, question_id: int | None, citations: list) -> dict | None:
        return sources.zalo_oa_buttons(citations)

    async def send_text(self, chat_id: str, text: str, *, reply_to: str | None = None,
                        buttons: dict | None = None) -> None:
        """Send to the user; `reply_to` (the user's msg_id) makes it a reply, not a billed proactive message.

        With buttons (sources.zalo_oa_buttons) the message goes as a template without the typed-reply hint
        the buttons replace; when Zalo refuses the template, the plain text with its hint goes instead."""
        error = None
        if buttons:
            error = await self._deliver(chat_id, _with_buttons(text, buttons), reply_to)
            if error and error not in REPLY_WINDOW_ERRORS:
                self.templates_refused += 1
                log.warning("zalo oa refused the buttons: sent as text with its hint",
                            extra={"channel": self.name, "chat": chat_id, "code": error})
                error = None
        if error is None:
            error = await self._deliver(chat_id, {"text": text}, reply_to)
        if error in REPLY_WINDOW_ERRORS:
            self.reply_window_closed += 1
            log.warning("zalo oa reply window closed: reply not delivered",
                        extra={"channel": self.name, "chat": chat_id, "code": error,
                               "reason": REPLY_WINDOW_ERRORS[error], "reply_to": reply_to or ""})
            raise ReplyWindowClosed(error, REPLY_WINDOW_ERRORS[error])
        if error:
            raise PermanentError(f"message/cs error {error}")

    async def _deliver(self, chat_id: str, message: dict, reply_to: str | None) -> int:
        """POST one message; Zalo's error code (0: sent)."""
        token = await self.tokens.current()
        error = await self._send(token, chat_id, message, reply_to)
        if error == ZALO_OA_INVALID_TOKEN:  # expired early or revoked: refresh once and resend
            token = await self.tokens.refresh(stale=token)
            error = await self._send(token, chat_id, message, reply_to)
        return error

    async def _send(self, token: str, chat_id: str, message: dict, reply_to: str | None = None) -> int:
        recipient = {"user_id": chat_id}
        if reply_to:
            recipient["message_id"] = reply_to
        body = {"recipient": recipient, "message": message}
        try:
            response = await self._client.post("/v3.0/oa/message/cs", json=body, headers={"access_token": token})
        except httpx.TimeoutException as exc:
            raise TransientError("message/cs: timeout") from exc
        except httpx.HTTPError as exc:
            raise TransientError(f"message/cs: {type(exc).__name__}") from exc
        if response.status_code == 429:
            raise RetryLater("message/cs: 429", retry_after=_float(response.headers.get("retry-after"), 1.0))
        if response.status_code >= 500:
            raise TransientError(f"message/cs: HTTP {response.status_code}")
        try:
            data = response.json()
        except ValueError as exc:
            raise TransientError("message/cs: unreadable response") from exc
        return int(data.get("error", 0) or 0) if isinstance(data, dict) else 0

    async def show_typing(self, chat_id: str) -> None:
        return None  # the OA API has no typing indicator for customer-service messages

    def render_answer(self, answer: Any) -> list[str]:
        return formatting.zalo_answer(answer, self.text_limit)

    def render_text(self, text: str) -> list[str]:
        return formatting.split_text(text, self.text_limit)

    def pacing(self, chat_id: str, is_group: bool) -> list[tuple[str, float]]:
        return [(f"zoa:{self.app_id}:chat:{chat_id}", ZALO_CHAT_INTERVAL)]

    async def start(self, sink: Sink, polling: bool = False) -> None:
        self._refresher = asyncio.create_task(self._keep_fresh(), name="zalo-oa-refresh")

    async def register_webhook(self, public_url: str) -> None:
        # OA webhooks are set in the developers.zalo.me console, not through the API
        log.info("set the Zalo OA webhook URL in the developer console", extra={"url": f"{public_url.rstrip('/')}/webhook/zalo-oa"})

    async def _keep_fresh(self) -> None:
        """Refresh ahead of expiry even when nobody writes, so a quiet week does not kill the tokens."""
        while True:
            try:
                await self.tokens.current()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # logged, retried next round
                log.warning("zalo oa token check failed", extra={"error": str(exc)})
            await asyncio.sleep(300)

    async def stop_intake(self) -> None:
        await cancel_task(self._refresher)
        self._refresher = None

    async def stop(self) -> None:
        await self.stop_intake()
        await self._client.aclose()
        await self.tokens.client.aclose()


def _float(value: str | None, default: float) -> float:
    try:
        return float(value) if value is not None else default
    except ValueError:
        return default


def _with_buttons(text: str, buttons: dict) -> dict:
    """A template message: the text without the typed-reply hint (the buttons do its work), the buttons."""
    bare = text.removesuffix(formatting.ZALO_SOURCES_HINT).rstrip()
    return {"text": bare or text, "attachment": {"type": "template", "payload": {"buttons": buttons["buttons"]}}}
