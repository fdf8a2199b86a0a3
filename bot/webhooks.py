"""Webhook routes: verify, dedupe and store durably, then 200. Workers answer later, from the intake."""
from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response

from bot.adapters.base import ChannelAdapter
from bot.adapters.telegram import TelegramAdapter, update_id_of
from bot.constants import MAX_WEBHOOK_BODY
from bot.deps import BodyTooLarge, ServiceDep, channel_dep, read_limited
from bot.jsonlimits import BadJson, check_depth, parse_json
from bot.models import RawUpdate, Verdict
from bot.service import Service

log = logging.getLogger("ngvh.bot.webhooks")
router = APIRouter()

TelegramDep = Annotated[ChannelAdapter, Depends(channel_dep("telegram"))]
ZaloBotDep = Annotated[ChannelAdapter, Depends(channel_dep("zalo-bot"))]
ZaloOADep = Annotated[ChannelAdapter, Depends(channel_dep("zalo-oa"))]

_REJECT = {Verdict.MISSING: (401, "unauthorized"), Verdict.FORGED: (403, "forbidden"), Verdict.MALFORMED: (400, "malformed")}

def ack(body: bytes = b'{"ok":true}') -> Response:
    # pre-encoded: the ack path is the one that must stay fast under bursts
    return Response(content=body, media_type="application/json")


DUPLICATE = b'{"ok":true,"duplicate":true}'
IGNORED = b'{"ok":true,"ignored":true}'


def reject(rt: Service, channel: str, status: int, reason: str) -> HTTPException:
    rt.metrics.webhook_rejects.labels(channel, reason).inc()
    return HTTPException(status, reason)


async def verified_payload(request: Request, rt: Service, adapter: ChannelAdapter) -> Any:
    """Size and nesting depth, then secret/signature, then JSON: Zalo OA's signature check parses the body
    (the signed timestamp is inside), so the depth is checked on the raw bytes before it."""
    try:
        body = await read_limited(request, MAX_WEBHOOK_BODY)
    except BodyTooLarge:
        raise reject(rt, adapter.name, 413, "too_large") from None
    try:
        check_depth(body)
    except BadJson as exc:
        raise reject(rt, adapter.name, 400, exc.reason) from None
    verdict = adapter.verify(request.headers, body)
    if verdict is not Verdict.OK:
        status, reason = _REJECT[verdict]
        raise reject(rt, adapter.name, status, reason)
    try:
        return parse_json(body)
    except BadJson as exc:
        raise reject(rt, adapter.name, 400, exc.reason) from None


@router.post("/webhook/telegram")
async def telegram_webhook(request: Request, rt: ServiceDep, adapter: TelegramDep) -> Response:
    payload = await verified_payload(request, rt, adapter)
    update_id = update_id_of(payload)
    if update_id is None:
        raise reject(rt, adapter.name, 400, "malformed")
    assert isinstance(adapter, TelegramAdapter)
    # stored as it came: the worker decodes it with PTB (~0.5 ms), off the acknowledging path
    if not await store(rt, adapter, RawUpdate(adapter.name, payload, adapter.update_key(update_id))):
        return ack(DUPLICATE)
    return ack()


async def store(rt: Service, adapter: ChannelAdapter, item) -> bool:
    """rt.accept, with a store that cannot be written answering 503: the platform delivers again later."""
    try:
        return await rt.accept(item)
    except Exception:
        log.exception("intake unavailable", extra={"channel": adapter.name})
        raise reject(rt, adapter.name, 503, "store_unavailable") from None


async def _accept_messages(request: Request, rt: Service, adapter: ChannelAdapter) -> Response:
    payload = await verified_payload(request, rt, adapter)
    if not isinstance(payload, dict):
        raise reject(rt, adapter.name, 400, "malformed")
    try:
        messages = adapter.parse(payload)
    except Exception:  # parsers are total; this is the net under them, so bad input stays a 400
        raise reject(rt, adapter.name, 400, "malformed") from None
    if not messages:
        return ack(IGNORED)  # unknown or non-text events
    duplicates = 0
    for message in messages:
        duplicates += not await store(rt, adapter, message)
    return ack(DUPLICATE) if duplicates == len(messages) else ack()


@router.post("/webhook/zalo-bot")
async def zalo_bot_webhook(request: Request, rt: ServiceDep, adapter: ZaloBotDep) -> Response:
    return await _accept_messages(request, rt, adapter)


@router.post("/webhook/zalo-oa")
async def zalo_oa_webhook(request: Request, rt: ServiceDep, adapter: ZaloOADep) -> Response:
    return await _accept_messages(request, rt, adapter)
