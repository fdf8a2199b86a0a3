"""What the web page tells citizens about their questions, and how they delete them (the web's /xoa).

GET /api/privacy: how long questions are kept. POST /api/forget {"visitor", "conversation"}: delete the
questions this browser sent (its anonymous visitor id, hashed like every user id) and forget the
tab's conversation.
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from bot.deps import ServiceDep
from bot.web import browser_id, error, read_json, within_rate

Forget = Callable[[str, str | None], Awaitable[int]]  # (visitor id, conversation id) → questions deleted


def privacy_router(retention_days: Callable[[], int], forget: Forget) -> APIRouter:
    router = APIRouter()

    @router.get("/api/privacy")
    async def privacy() -> JSONResponse:
        return JSONResponse({"retention_days": retention_days()}, headers={"Cache-Control": "no-cache"})

    @router.post("/api/forget")
    async def forget_me(request: Request, rt: ServiceDep) -> JSONResponse:
        data = await read_json(request, rt, json_only=True)
        if isinstance(data, JSONResponse):
            return data
        if not isinstance(data, dict) or (visitor := browser_id(data.get("visitor"))) is None:
            return error(400, "bad_visitor", "Thiếu mã trình duyệt.")
        conversation = browser_id(data.get("conversation"))
        if limited := await within_rate(request, rt, bucket="web-forget"):
            return limited
        removed = await forget(visitor, conversation)
        return JSONResponse({"removed": removed})

    return router
