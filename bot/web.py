"""The web chat: a static page (no build step) and POST /api/ask returning the `ngvh ask --json` object."""
from __future__ import annotations

import logging
import time
from importlib import resources

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, JSONResponse

from bot.constants import MAX_QUESTION_CHARS, MAX_WEBHOOK_BODY, RATE_WINDOW_SECONDS
from bot.deps import BodyTooLarge, RuntimeDep, parse_json, read_limited
from bot.formatting import SLOW_DOWN_TEXT, TOO_LONG_TEXT

log = logging.getLogger("ngvh.bot.web")
router = APIRouter()

STATIC_DIR = resources.files("bot") / "static"
# the page loads only its own script and style: no inline code, nothing from elsewhere
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status_code=status)


@router.get("/", include_in_schema=False)
async def index() -> FileResponse:
    return FileResponse(str(STATIC_DIR / "index.html"), media_type="text/html; charset=utf-8", headers=PAGE_HEADERS)


@router.post("/api/ask")
async def api_ask(request: Request, rt: RuntimeDep):
    try:
        body = await read_limited(request, MAX_WEBHOOK_BODY)
    except BodyTooLarge:
        return _error(413, "too_large", "Yêu cầu quá lớn.")
    try:
        data = parse_json(body)
    except HTTPException:
        return _error(400, "malformed_json", "Yêu cầu không phải JSON hợp lệ.")
    question = data.get("question") if isinstance(data, dict) else None
    if not isinstance(question, str) or not question.strip():
        return _error(400, "missing_question", "Hãy nhập câu hỏi.")
    question = question.strip()
    if len(question) > MAX_QUESTION_CHARS:
        return _error(400, "too_long", TOO_LONG_TEXT.format(n=len(question), limit=MAX_QUESTION_CHARS))
    client = request.client.host if request.client else "unknown"
    if not await rt.coordination.hit(f"web:{client}", rt.settings.rate_per_minute, RATE_WINDOW_SECONDS):
        rt.metrics.rate_limited.labels("web").inc()
        return _error(429, "slow_down", SLOW_DOWN_TEXT.format(limit=rt.settings.rate_per_minute))
    rt.metrics.questions.labels("web").inc()
    started = time.perf_counter()
    try:
        answer = await rt.ask(question)
    except Exception:
        rt.metrics.errors.labels("web").inc()
        log.exception("answering failed", extra={"channel": "web"})
        return _error(503, "unavailable", "Hệ thống đang gặp sự cố khi trả lời. Vui lòng thử lại sau ít phút.")
    rt.metrics.answer_seconds.labels("web").observe(time.perf_counter() - started)
    rt.metrics.answers.labels("web", getattr(answer, "kind", "general")).inc()
    if not answer.found:
        rt.metrics.refusals.labels("web").inc()
    return answer.to_json()
