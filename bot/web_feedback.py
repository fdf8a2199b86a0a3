"""👍/👎 under a web chat answer: POST /api/feedback records it in the question log, as Telegram's buttons do.

Body: {"answer_id": <the answer's "answer_id">, "value": "up" | "down", "visitor": id, "conversation": id}.
The same body and rate limits as /api/ask (its own rate bucket, so rating does not eat the questions'
budget). Cross-site safety without cookies: the route takes JSON only (a form on another site cannot send
application/json without a CORS preflight, which this app never grants), and a rating lands only on an
answer logged for the same anonymous browser id (hashed like every user id), which another site cannot know.
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from bot.deps import ServiceDep
from bot.formatting import FEEDBACK_THANKS_TEXT
from bot.questionlog import FEEDBACK
from bot.web import browser_id, error, read_json, within_rate

Record = Callable[[int, str, str], Awaitable[bool]]  # (answer id, "up"|"down", web user id) → stored
UNKNOWN_ANSWER_TEXT = "Không tìm thấy câu trả lời này để góp ý (có thể đã bị xóa)."
MAX_ANSWER_ID = 2**63 - 1  # the log's integer key: a bigger number names no row (and would overflow PostgreSQL)


def feedback_router(record: Record) -> APIRouter:
    router = APIRouter()

    @router.post("/api/feedback")
    async def api_feedback(request: Request, rt: ServiceDep) -> JSONResponse:
        data = await read_json(request, rt, json_only=True)
        if isinstance(data, JSONResponse):
            return data
        if not isinstance(data, dict):
            return error(400, "bad_feedback", "Yêu cầu không hợp lệ.")
        answer_id, value = data.get("answer_id"), data.get("value")
        if type(answer_id) is not int or not 0 < answer_id <= MAX_ANSWER_ID or value not in FEEDBACK:
            return error(400, "bad_feedback", "Yêu cầu không hợp lệ.")
        # the asker's id as the worker logged it: the visitor's, else the tab's conversation
        user = browser_id(data.get("visitor")) or browser_id(data.get("conversation"))
        if user is None:
            return error(400, "bad_visitor", "Thiếu mã trình duyệt.")
        if limited := await within_rate(request, rt, bucket="web-feedback"):
            return limited
        if not await record(answer_id, value, user):
            return error(404, "unknown_answer", UNKNOWN_ANSWER_TEXT)
        return JSONResponse({"ok": True, "message": FEEDBACK_THANKS_TEXT})

    return router
