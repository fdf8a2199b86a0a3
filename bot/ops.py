"""Operations: /healthz for probes (status only; details with the admin token), /readyz for the admin, /metrics."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from bot.deps import AdminDep, ServiceDep, is_admin
from bot.health import Check
from bot.logs import redact
from bot.redis_client import breaker_for
from bot.service import HEALTH_TIMEOUT_SECONDS, Service

router = APIRouter()


def _status(rt: Service, checks: list[Check]) -> str:
    if not all(c.ok for c in checks):
        return "error"
    return "degraded" if any(s != "ok" for s in rt.channel_state.values()) else "ok"


def _checks_json(rt: Service, checks: list[Check]) -> dict:
    return {c.name: {k: redact(v, rt.secrets) if isinstance(v, str) else v for k, v in c.to_json().items()} for c in checks}


@router.get("/healthz")
async def healthz(request: Request, rt: ServiceDep) -> JSONResponse:
    """Public: {"status": "ok" | "degraded" | "error"} only, 503 for "error": the intake takes no write, the
    coordination store does not answer, the disk is below NGVH_MIN_FREE_DISK_MB, or the Chroma server is
    unreachable. With `Authorization: Bearer <admin token>`: each check, channels, queue depth and the core's
    health as a worker sees it (secrets redacted)."""
    checks = await rt.health_checks()
    status = _status(rt, checks)
    body: dict = {"status": status}
    if is_admin(request, rt):
        body["checks"] = _checks_json(rt, checks)
        body["channels"] = dict(rt.channel_state)
        body["coordination"] = "redis" if rt.settings.redis_url else "sqlite"
        try:
            body["queue"] = await rt.intake.depth()
            body["core"] = await rt.call_core("health", timeout=HEALTH_TIMEOUT_SECONDS)
        except Exception as exc:
            body["core"] = {"error": redact(str(exc) or type(exc).__name__, rt.secrets)}
        if isinstance(body["core"], dict):
            body["core"] = {k: redact(v, rt.secrets) if isinstance(v, str) else v for k, v in body["core"].items()}
    return JSONResponse(body, status_code=503 if status == "error" else 200)


@router.get("/readyz")
async def readyz(rt: ServiceDep, _admin: AdminDep) -> JSONResponse:
    """For the admin: every dependency with its state: the ones /healthz checks, then the question log (a side
    write: its outage costs no answer, only rows kept for later) and the channels."""
    checks = await rt.health_checks()
    status = _status(rt, checks)
    body: dict = {"status": status, "dependencies": _checks_json(rt, checks), "channels": dict(rt.channel_state)}
    if rt.settings.redis_url:
        body["dependencies"]["redis_breaker"] = {"ok": breaker_for(rt.settings.redis_url).state == "closed",
                                                 "breaker": breaker_for(rt.settings.redis_url).state}
    side_log = rt.question_log
    if side_log is not None:
        body["dependencies"]["question_log"] = {"ok": side_log.breaker.state == "closed", "breaker": side_log.breaker.state,
                                                "spooled": side_log.pending(),
                                                "detail": redact(side_log.breaker.last_error, rt.secrets)}
    return JSONResponse(body, status_code=503 if status == "error" else 200)


@router.get("/metrics")
async def metrics(rt: ServiceDep) -> Response:
    return Response(rt.metrics.render(), media_type=rt.metrics.content_type)
