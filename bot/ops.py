"""Operations: /healthz for probes (status only) and, with the admin token, its details; /metrics."""
from __future__ import annotations

import asyncio

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from bot.deps import ServiceDep, is_admin
from bot.logs import redact
from bot.service import HEALTH_TIMEOUT_SECONDS

router = APIRouter()


@router.get("/healthz")
async def healthz(request: Request, rt: ServiceDep) -> JSONResponse:
    """Public: {"status": "ok" | "degraded" | "error"} only. With `Authorization: Bearer <admin token>`:
    channels, queue depth, coordination and the core's health as a worker sees it (secrets redacted)."""
    healthy, details = True, {}
    try:
        await asyncio.wait_for(rt.intake.ping(), 5)
        await asyncio.wait_for(rt.coordination.ping(), 5)
    except Exception as exc:
        healthy = False
        details["store_error"] = redact(str(exc) or type(exc).__name__, rt.secrets)
    status = "error" if not healthy else "degraded" if any(s != "ok" for s in rt.channel_state.values()) else "ok"
    body: dict = {"status": status}
    if is_admin(request, rt):
        body.update(details)
        body["channels"] = dict(rt.channel_state)
        body["coordination"] = "redis" if rt.settings.redis_url else "sqlite"
        try:
            body["queue"] = await rt.intake.depth()
            body["core"] = await rt.call_core("health", timeout=HEALTH_TIMEOUT_SECONDS)
        except Exception as exc:
            body["core"] = {"error": redact(str(exc) or type(exc).__name__, rt.secrets)}
        if isinstance(body["core"], dict):
            body["core"] = {k: redact(v, rt.secrets) if isinstance(v, str) else v for k, v in body["core"].items()}
    return JSONResponse(body, status_code=200 if healthy else 503)


@router.get("/metrics")
async def metrics(rt: ServiceDep) -> Response:
    return Response(rt.metrics.render(), media_type=rt.metrics.content_type)
