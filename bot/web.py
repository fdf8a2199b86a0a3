"""The web chat: a static page (no build step), POST /api/ask returning the `ngvh ask --json` object and
POST /api/ask/stream sending the answer as it is written (newline-delimited JSON ending with that object)."""
from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import aclosing
from importlib import resources
from typing import NamedTuple

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse

from bot.constants import MAX_QUESTION_CHARS, MAX_WEBHOOK_BODY, RATE_WINDOW_SECONDS, RETRY_AFTER_SECONDS
from bot.deps import BodyTooLarge, ServiceDep, read_limited
from bot.formatting import SLOW_DOWN_TEXT, TOO_LONG_TEXT
from bot.jsonlimits import BadJson, parse_json
from bot.reminders.feed import with_calendar
from bot.service import NoAnswerInTime, Overloaded, Service, WebSlot

ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")  # a browser id as the page makes them: a UUID or a random base-36 string
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
BUSY_TEXT = "Hệ thống đang bận, chưa trả lời kịp. Vui lòng thử lại sau giây lát."
SORRY_TEXT = "Xin lỗi, hệ thống đang gặp sự cố nên chưa trả lời được câu hỏi này. Vui lòng thử lại sau ít phút."


def error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status_code=status)


def _busy() -> JSONResponse:
    response = error(503, "busy", BUSY_TEXT)
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


@router.get("/", include_in_schema=False)
async def index() -> FileResponse:
    return FileResponse(str(STATIC_DIR / "index.html"), media_type="text/html; charset=utf-8", headers=PAGE_HEADERS)


async def read_json(request: Request, rt: Service, json_only: bool = False) -> object | JSONResponse:
    """The body as JSON within the web routes' limits (size, depth, Unicode), or the error response to send.

    json_only: refuse any other content type (415). A form on another site cannot post application/json
    without a CORS preflight, which this app never grants: routes that change a browser's data need it."""
    if json_only and request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
        return error(415, "json_only", "Yêu cầu phải là JSON.")
    try:
        body = await read_limited(request, MAX_WEBHOOK_BODY)
    except BodyTooLarge:
        return error(413, "too_large", "Yêu cầu quá lớn.")
    try:
        return parse_json(body)
    except BadJson as exc:
        rt.metrics.webhook_rejects.labels("web", exc.reason).inc()
        return error(400, "malformed_json", "Yêu cầu không phải JSON hợp lệ.")


async def within_rate(request: Request, rt: Service, bucket: str = "web") -> JSONResponse | None:
    """None when the client may go on, else the 429 to send (NGVH_RATE_PER_MINUTE per client and bucket)."""
    client = request.client.host if request.client else "unknown"
    if await rt.coordination.hit(f"{bucket}:{client}", rt.settings.rate_per_minute, RATE_WINDOW_SECONDS):
        return None
    rt.metrics.rate_limited.labels("web").inc()
    return error(429, "slow_down", SLOW_DOWN_TEXT.format(limit=rt.settings.rate_per_minute))


async def _admit(request: Request, rt: Service) -> WebQuestion | JSONResponse:
    """The checks both chat routes share: body size, JSON, the question, the rate limit. The question, or the
    error response to send instead; an admitted question is counted."""
    data = await read_json(request, rt)
    if isinstance(data, JSONResponse):
        return data
    if not isinstance(data, dict):
        return error(400, "missing_question", "Hãy nhập câu hỏi.")
    question = data.get("question")
    if not isinstance(question, str) or not question.strip():
        return error(400, "missing_question", "Hãy nhập câu hỏi.")
    question = question.strip()
    if len(question) > MAX_QUESTION_CHARS:
        return error(400, "too_long", TOO_LONG_TEXT.format(n=len(question), limit=MAX_QUESTION_CHARS))
    if limited := await within_rate(request, rt):
        return limited
    rt.metrics.questions.labels("web").inc()
    return WebQuestion(question, browser_id(data.get("conversation")), browser_id(data.get("visitor")))


class WebQuestion(NamedTuple):
    text: str
    conversation: str | None  # the tab's conversation id: follow-ups refer to it
    visitor: str | None  # the browser's anonymous id: "delete my questions" finds them by it


def browser_id(value: object) -> str | None:
    """A visitor or conversation id as the page makes them (bot.web.ID), else None."""
    return value if isinstance(value, str) and ID.match(value) else None


def _answered(rt: Service, started: float, kind: str, found: bool) -> None:
    rt.metrics.answer_seconds.labels("web").observe(time.perf_counter() - started)
    rt.metrics.answers.labels("web", kind).inc()
    if not found:
        rt.metrics.refusals.labels("web").inc()


def _failed(rt: Service) -> None:
    rt.metrics.errors.labels("web").inc()
    log.exception("answering failed", extra={"channel": "web"})


async def _final(events: AsyncIterator[dict]) -> dict:
    async for event in events:
        if event.get("type") == "final":
            return event
    raise RuntimeError("answer stream ended without a final event")


@router.post("/api/ask")
async def api_ask(request: Request, rt: ServiceDep):
    question = await _admit(request, rt)
    if isinstance(question, JSONResponse):
        return question
    started = time.perf_counter()
    try:
        with rt.web_slot():
            async with aclosing(rt.ask_events(*question)) as events:
                final = await _final(events)
    except (Overloaded, NoAnswerInTime):
        rt.metrics.errors.labels("web").inc()
        return _busy()
    except Exception:
        _failed(rt)
        return error(503, "unavailable", UNAVAILABLE_TEXT)
    answer = final["answer"]
    kind = answer.get("kind") or "general"
    _answered(rt, started, kind, bool(answer.get("found")))
    return with_calendar(answer, kind)  # a tasks answer links its agencies' feeds


@router.post("/api/ask/stream")
async def api_ask_stream(request: Request, rt: ServiceDep):
    """Newline-delimited JSON: {"type": "delta", "text"} lines as the model writes, then exactly one
    {"type": "final", "answer": <the /api/ask object>}. Bad input gets the same error responses as /api/ask;
    so does a service too busy to start answering before the deadline (503 + Retry-After)."""
    question = await _admit(request, rt)
    if isinstance(question, JSONResponse):
        return question
    try:
        slot = rt.web_slot()
    except Overloaded:
        return _busy()
    events = rt.ask_events(*question)
    try:
        first = await anext(events)  # the status line waits for a worker to start answering
    except NoAnswerInTime:
        slot.release()
        return _busy()
    except Exception:  # the core failed: the stream is still well formed, ending with a polite final answer
        slot.release()
        _failed(rt)
        return StreamingResponse(iter([_line({"type": "final", "answer": _unavailable_answer(question.text)})]),
                                 media_type="application/x-ndjson", headers=STREAM_HEADERS)
    return StreamingResponse(_answer_lines(rt, question.text, first, events, slot), media_type="application/x-ndjson", headers=STREAM_HEADERS)


def _line(event: dict) -> bytes:
    return json.dumps(event, ensure_ascii=False).encode("utf-8") + b"\n"


async def _answer_lines(rt: Service, question: str, first: dict, events: AsyncGenerator[dict, None],
                        slot: WebSlot) -> AsyncIterator[bytes]:
    started = time.perf_counter()
    try:
        event = first
        while True:
            if event.get("type") == "delta":
                yield _line({"type": "delta", "text": event["text"]})
            elif event.get("type") == "final":
                answer = event["answer"]
                kind = answer.get("kind") or "general"
                break
            event = await anext(events)
    except Exception:  # the status line is long sent: the stream still ends with a well-formed final answer
        _failed(rt)
        yield _line({"type": "final", "answer": _unavailable_answer(question)})
        return
    finally:
        slot.release()
        await events.aclose()  # a client that leaves mid-answer stops the wait (the worker finishes alone)
    _answered(rt, started, kind, bool(answer.get("found")))
    yield _line({"type": "final", "answer": with_calendar(answer, kind)})


def _unavailable_answer(question: str) -> dict:
    return {"question": question, "found": False, "answer": SORRY_TEXT, "citations": [], "mode": "extractive"}
