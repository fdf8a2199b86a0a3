"""Operations: /healthz for probes and people, /metrics for Prometheus."""
from __future__ import annotations

import asyncio

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response

from bot.deps import RuntimeDep
from bot.logs import redact

router = APIRouter()
HEALTH_TIMEOUT = 20.0  # the first call may load the embedder


@router.get("/healthz")
async def healthz(rt: RuntimeDep) -> JSONResponse:
    body: dict = {"status": "ok", "channels": dict(rt.channel_state), "queue": rt.queue.qsize()}
    healthy = True
    try:
        # a plain thread, not the answer pool: a probe must not wait behind a queue of questions
        body["core"] = await asyncio.wait_for(asyncio.to_thread(rt.services.health), HEALTH_TIMEOUT)
    except Exception as exc:
        healthy = False
        body["core"] = {"error": redact(str(exc) or type(exc).__name__, rt._secrets)}
    try:
        body["coordination"] = "redis" if rt.settings.redis_url else "memory"
        await asyncio.wait_for(rt.coordination.ping(), 5)
    except Exception as exc:
        healthy = False
        body["coordination_error"] = type(exc).__name__
    if not healthy:
        body["status"] = "error"
    elif any(state != "ok" for state in rt.channel_state.values()):
        body["status"] = "degraded"  # answering works; a channel needs attention
    return JSONResponse(body, status_code=200 if healthy else 503)


@router.get("/metrics")
async def metrics(rt: RuntimeDep) -> Response:
    return Response(rt.metrics.render(), media_type=rt.metrics.content_type)
