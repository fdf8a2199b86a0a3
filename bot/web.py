"""The web chat: a static page (no build step), POST /api/ask returning the `ngvh ask --json` object and
POST /api/ask/stream sending the answer as it is written (newline-delimited JSON ending with that object)."""
from __future__ import annotations

import json
import logging
import time
from contextlib import aclosing
from importlib import resources
from typing import AsyncIterator

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse

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
STREAM_HEADERS = {
    "Cache-Control": "no-cache",
    "X-Content-Type-Options": "nosniff",
    "X-Accel-Buffering": "no",  # nginx would otherwise hold the lines back until the answer is complete
}
UNAVAILABLE_TEXT = "Hệ thống đang gặp sự cố khi trả lời. Vui lòng thử lại sau ít phút."
SORRY_TEXT = "Xin lỗi, hệ thống đang gặp sự cố nên chưa trả lời được câu hỏi này. Vui lòng thử lại sau ít phút."


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status_code=status)


@router.get("/", include_in_schema=False)
async def index() -> FileResponse:
    return FileResponse(str(STATIC_DIR / "index.html"), media_type="text/html; charset=utf-8", headers=PAGE_HEADERS)


async def _admit(request: Request, rt) -> str | JSONResponse:
    """The checks both chat routes share: body size, JSON, the question, the rate limit. The question, or the
    error response to send instead; an admitted question is counted."""
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
    return question


def _answered(rt, started: float, kind: str, found: bool) -> None:
    rt.metrics.answer_seconds.labels("web").observe(time.perf_counter() - started)
    rt.metrics.answers.labels("web", kind).inc()
    if not found:
        rt.metrics.refusals.labels("web").inc()


def _failed(rt) -> None:
    rt.metrics.errors.labels("web").inc()
    log.exception("answering failed", extra={"channel": "web"})


@router.post("/api/ask")
async def api_ask(request: Request, rt: RuntimeDep):
    question = await _admit(request, rt)
    if isinstance(question, JSONResponse):
        return question
    started = time.perf_counter()
    try:
        answer = await rt.ask(question)
    except Exception:
        _failed(rt)
        return _error(503, "unavailable", UNAVAILABLE_TEXT)
    _answered(rt, started, getattr(answer, "kind", "general"), answer.found)
    return answer.to_json()


@router.post("/api/ask/stream")
async def api_ask_stream(request: Request, rt: RuntimeDep):
    """Newline-delimited JSON: {"type": "delta", "text"} lines as the model writes, then exactly one
    {"type": "final", "answer": <the /api/ask object>}. Bad input gets the same error responses as /api/ask."""
    question = await _admit(request, rt)
    if isinstance(question, JSONResponse):
        return question
    return StreamingResponse(_answer_lines(rt, question), media_type="application/x-ndjson", headers=STREAM_HEADERS)


def _line(event: dict) -> bytes:
    return json.dumps(event, ensure_ascii=False).encode("utf-8") + b"\n"


async def _answer_lines(rt, question: str) -> AsyncIterator[bytes]:
    started = time.perf_counter()
    try:
        async with aclosing(rt.ask_stream(question)) as events:
            async for event in events:
                if event.get("type") == "delta":
                    yield _line({"type": "delta", "text": event["text"]})
                elif event.get("type") == "final":
                    answer, kind = event["answer"], event.get("kind") or "general"
                    break
            else:
                raise RuntimeError("answer stream ended without a final event")
    except Exception:  # the status line is long sent: the stream still ends with a well-formed final answer
        _failed(rt)
        yield _line({"type": "final", "answer": _unavailable_answer(question)})
        return
    _answered(rt, started, kind, bool(answer.get("found")))
    yield _line({"type": "final", "answer": answer})


def _unavailable_answer(question: str) -> dict:
    return {"question": question, "found": False, "answer": SORRY_TEXT, "citations": [], "mode": "extractive"}
