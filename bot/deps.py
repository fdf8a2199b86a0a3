"""FastAPI dependencies, injected through Annotated aliases so routes state what they need."""
from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request

from bot.adapters.base import ChannelAdapter
from bot.models import Verdict
from bot.security import check_bearer
from bot.service import Service


class BodyTooLarge(Exception):
    pass


def get_service(request: Request) -> Service:
    return request.app.state.service


ServiceDep = Annotated[Service, Depends(get_service)]


def declared_length(request: Request) -> int | None:
    try:
        return int(request.headers["content-length"])
    except (KeyError, ValueError):
        return None


async def read_limited(request: Request, limit: int) -> bytes:
    """The body, refusing (413) as soon as it passes limit bytes, declared or streamed (chunked)."""
    length = declared_length(request)
    if length is not None and length > limit:
        raise BodyTooLarge()
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge()
        chunks.append(chunk)
    return b"".join(chunks)


def limited_receive(request: Request, limit: int):
    """An ASGI receive that raises BodyTooLarge past limit bytes (for multipart parsing)."""
    received = 0
    receive = request.receive

    async def wrapped():
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                raise BodyTooLarge()
        return message

    return wrapped


_VERDICT_STATUS = {Verdict.MISSING: 401, Verdict.FORGED: 403, Verdict.MALFORMED: 400}


def is_admin(request: Request, rt: Service) -> bool:
    return rt.admin_enabled and check_bearer(request.headers.get("authorization"), rt.settings.admin_token or "") is Verdict.OK


def require_admin(request: Request, rt: ServiceDep) -> None:
    """Bearer NGVH_ADMIN_TOKEN, compared in constant time; 404 when admin routes are disabled."""
    if not rt.admin_enabled:
        raise HTTPException(404, "admin routes are disabled (NGVH_ADMIN_TOKEN is not set)")
    verdict = check_bearer(request.headers.get("authorization"), rt.settings.admin_token or "")
    if verdict is not Verdict.OK:
        raise HTTPException(_VERDICT_STATUS[verdict], "admin token required", headers={"WWW-Authenticate": "Bearer"})


AdminDep = Annotated[None, Depends(require_admin)]


def channel_dep(name: str):
    """A dependency giving the adapter of one channel: 404 when not configured, 503 while not ready or long-polling."""

    def dependency(rt: ServiceDep) -> ChannelAdapter:
        adapter = rt.adapters.get(name)
        if adapter is None:
            rt.metrics.webhook_rejects.labels(name, "disabled").inc()
            raise HTTPException(404, f"channel {name} is not configured")
        if not rt.ready(name) or rt.polls(adapter):
            rt.metrics.webhook_rejects.labels(name, "not_ready").inc()
            raise HTTPException(503, f"channel {name} is not accepting webhooks")  # the platform re-delivers
        return adapter

    return dependency
