"""What the web page tells citizens about their questions, and how they delete them (the web's /xoa).

GET /api/privacy: how long questions are kept. POST /api/forget {"visitor", "conversation"}: delete the
questions this browser sent (its anonymous visitor id, hashed like every user id) and forget the
tab's conversation.
"""
from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from bot.deps import BodyTooLarge, read_limited

ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")  # what the page makes: a UUID or a random base-36 string
Forget = Callable[[str, str | None], Awaitable[int]]  # (visitor id, conversation id) → questions deleted


def privacy_router(retention_days: Callable[[], int], forget: Forget) -> APIRouter:
    router = APIRouter()

    @router.get("/api/privacy")
    async def privacy() -> JSONResponse:
        return JSONResponse({"retention_days": retention_days()}, headers={"Cache-Control": "no-cache"})

    @router.post("/api/forget")
    async def forget_me(request: Request) -> JSONResponse:
        try:
            data = json.loads(await read_limited(request, 4096))
        except BodyTooLarge:
            return JSONResponse({"error": "too_large", "message": "Yêu cầu quá lớn."}, status_code=413)
        except Exception:
            return JSONResponse({"error": "malformed_json", "message": "Yêu cầu không hợp lệ."}, status_code=400)
        visitor = data.get("visitor") if isinstance(data, dict) else None
        conversation = data.get("conversation") if isinstance(data, dict) else None
        if not isinstance(visitor, str) or not ID.match(visitor):
            return JSONResponse({"error": "bad_visitor", "message": "Thiếu mã trình duyệt."}, status_code=400)
        if not (isinstance(conversation, str) and ID.match(conversation)):
            conversation = None
        removed = await forget(visitor, conversation)
        return JSONResponse({"removed": removed})

    return router
