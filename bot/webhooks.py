"""Webhook routes: verify, drop duplicates, enqueue, return 200 at once. Workers answer later."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response

from bot.adapters.base import ChannelAdapter
from bot.adapters.telegram import TelegramAdapter, update_id_of
from bot.constants import MAX_WEBHOOK_BODY
from bot.deps import BodyTooLarge, RuntimeDep, channel_dep, parse_json, read_limited
from bot.models import Verdict
from bot.runtime import Runtime

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


def reject(rt: Runtime, channel: str, status: int, reason: str) -> HTTPException:
    rt.metrics.webhook_rejects.labels(channel, reason).inc()
    return HTTPException(status, reason)


async def verified_payload(request: Request, rt: Runtime, adapter: ChannelAdapter) -> Any:
    """Size check, then secret/signature, then JSON: nothing unverified reaches a parser that matters."""
    try:
        body = await read_limited(request, MAX_WEBHOOK_BODY)
    except BodyTooLarge:
        raise reject(rt, adapter.name, 413, "too_large") from None
    verdict = adapter.verify(request.headers, body)
    if verdict is not Verdict.OK:
        status, reason = _REJECT[verdict]
        raise reject(rt, adapter.name, status, reason)
    try:
        return parse_json(body)
    except HTTPException:
        raise reject(rt, adapter.name, 400, "malformed") from None


@router.post("/webhook/telegram")
async def telegram_webhook(request: Request, rt: RuntimeDep, adapter: TelegramDep) -> Response:
    payload = await verified_payload(request, rt, adapter)
    update_id = update_id_of(payload)
    if update_id is None:
        raise reject(rt, adapter.name, 400, "malformed")
    assert isinstance(adapter, TelegramAdapter)
    if rt.queue.full():
        raise reject(rt, adapter.name, 503, "overloaded")  # no dedupe mark: Telegram's retry gets through
    if not await rt.coordination.first_time(adapter.update_key(update_id), rt.options.dedupe_ttl):
        rt.metrics.duplicates.labels(adapter.name).inc()
        return ack(DUPLICATE)
    await adapter.enqueue_update(payload)  # PTB's update_queue → TypeHandler → worker queue
    return ack()


async def _accept_messages(request: Request, rt: Runtime, adapter: ChannelAdapter) -> Response:
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
        accepted = await rt.accept(message)
        if accepted is False:
            raise reject(rt, adapter.name, 503, "overloaded")
        duplicates += accepted is None
    return ack(DUPLICATE) if duplicates == len(messages) else ack()


@router.post("/webhook/zalo-bot")
async def zalo_bot_webhook(request: Request, rt: RuntimeDep, adapter: ZaloBotDep) -> Response:
    return await _accept_messages(request, rt, adapter)


@router.post("/webhook/zalo-oa")
async def zalo_oa_webhook(request: Request, rt: RuntimeDep, adapter: ZaloOADep) -> Response:
    return await _accept_messages(request, rt, adapter)
