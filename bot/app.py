"""The FastAPI app: webhooks, web chat, operations and admin routes around one Service."""
from __future__ import annotations

import logging
import time
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.requests import ClientDisconnect

from bot.faults import is_transient
from bot.metrics import Metrics
from bot.service import NoAnswerInTime, Service

log = logging.getLogger("ngvh.bot")


class MetricsMiddleware:
    """Counts and times every request by route template (pure ASGI: no per-request task overhead)."""

    def __init__(self, app, metrics: Metrics):
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_with_status(message):
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_with_status)
        finally:
            route = getattr(scope.get("route"), "path", None) or "unmatched"  # bounded label set
            self.metrics.requests.labels(route, scope.get("method", ""), str(status)).inc()
            self.metrics.request_seconds.labels(route).observe(time.perf_counter() - started)


DEPENDENCY_DOWN_TEXT = ("Dịch vụ tạm thời gián đoạn vì một thành phần (cơ sở dữ liệu, kho văn bản hoặc ổ đĩa) "
                        "đang không phản hồi. Vui lòng thử lại sau ít phút.")
INTERNAL_ERROR_TEXT = "Có lỗi khi xử lý yêu cầu. Vui lòng thử lại sau."
DEPENDENCY_RETRY_AFTER = "10"


class FailureResponses:
    """Pure ASGI, inside the metrics: a route whose dependency is down or full answers 503 with a clear message
    and Retry-After (never a bare 500 with a traceback); any other surprise a 500 with a JSON message; a
    client that hangs up mid-body costs one short log line, counted as a 400-class event."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracked(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracked)
        except ClientDisconnect:
            log.info("client hung up mid-request", extra={"path": scope.get("path", "")})
            if not started:
                await _respond(scope, receive, send, JSONResponse({"error": "client_disconnected"}, status_code=400))
        except Exception as exc:
            if started:
                raise
            if is_transient(exc):
                log.warning("dependency unavailable", extra={"path": scope.get("path", ""),
                                                             "error": f"{type(exc).__name__}: {exc}"[:300]})
                await _respond(scope, receive, send, JSONResponse(
                    {"error": "unavailable", "message": DEPENDENCY_DOWN_TEXT}, status_code=503,
                    headers={"Retry-After": DEPENDENCY_RETRY_AFTER}))
                return
            log.exception("request failed", extra={"path": scope.get("path", "")})
            await _respond(scope, receive, send, JSONResponse({"error": "internal", "message": INTERNAL_ERROR_TEXT}, status_code=500))


async def _respond(scope, receive, send, response) -> None:
    try:
        await response(scope, receive, send)
    except OSError:
        pass  # the client is gone too


@asynccontextmanager
async def lifespan(app: FastAPI):
    service: Service = app.state.service
    await service.start()
    try:
        yield
    finally:
        await service.stop()


def create_app(service: Service) -> FastAPI:
    """The app around one Service (which checked its settings when it was built); started and stopped with it."""
    app = FastAPI(title="ngvh", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.service = service

    from bot import admin, ops, web, webhooks

    app.include_router(webhooks.router)
    app.include_router(web.router)
    app.include_router(ops.router)
    app.include_router(admin.router)  # answers 404 unless NGVH_ADMIN_TOKEN is set
    include_conversation_routes(app, service)
    app.mount("/static", StaticFiles(directory=str(web.STATIC_DIR)), name="static")

    @app.exception_handler(RequestValidationError)
    async def bad_request(_request: Request, _exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": "bad request"}, status_code=400)  # malformed input is a 400, never a 500

    app.add_middleware(FailureResponses)
    app.add_middleware(MetricsMiddleware, metrics=service.metrics)  # added last: outermost, it counts the 503s too
    return app


def include_conversation_routes(app: FastAPI, service: Service) -> None:
    """Plan pages, the admin page and its question log, the web's privacy and feedback routes (bot.pages,
    bot.admin_page, bot.web_privacy, bot.web_feedback): what they need from the core goes through the
    workers like every admin call."""
    import asyncio

    from fastapi import HTTPException

    from bot.admin_page import admin_page_router
    from bot.deps import require_admin
    from bot.pages import pages_router
    from bot.reminders.routes import reminder_routes
    from bot.sidelog import SideLog
    from bot.stores import open_conversations
    from bot.turns import chat_key
    from bot.web import STATIC_DIR
    from bot.web_feedback import feedback_router
    from bot.web_privacy import privacy_router

    settings = service.settings
    # the database may be down when serve starts: the log connects on first use, a breaker in front
    side_log = SideLog.from_settings(settings, service.metrics)
    conversations = open_conversations(settings)
    service.question_log = side_log

    async def load_plan(plan_id: str):
        try:
            return await service.call_core("plan_page", timeout=15.0, plan_id=plan_id)
        except NoAnswerInTime:
            raise HTTPException(503, "no worker answered in time; try again", headers={"Retry-After": "5"}) from None

    async def correct_plan(plan_id: str, fields: dict):
        try:
            value = await service.call_core("correct", plan_id=plan_id, fields=fields)
        except NoAnswerInTime:
            raise HTTPException(503, "no worker answered in time; try again", headers={"Retry-After": "5"}) from None
        if isinstance(value, dict) and "error" in value and "id" not in value:
            raise ValueError(value["error"])
        return value

    async def forget(visitor: str, conversation: str | None) -> int:
        if conversation:
            await conversations.reset(chat_key("web", conversation))
        return await asyncio.to_thread(side_log.forget_user, "web", visitor)

    app.include_router(pages_router(load_plan))
    app.include_router(admin_page_router(lambda: side_log.log, require_admin, STATIC_DIR, correct_plan))
    app.include_router(privacy_router(lambda: settings.question_retention_days, forget))
    app.include_router(reminder_routes(lambda: side_log.log.subscriptions, require_admin))  # /calendar.ics, /admin/reminders

    async def rate(answer_id: int, value: str, user: str) -> bool:
        return await asyncio.to_thread(side_log.set_feedback, answer_id, value, "web", user)

    app.include_router(feedback_router(rate))


def serve(app: FastAPI, host: str, port: int) -> None:
    """Run the app with uvicorn (JSON logs, no access log, behind a proxy)."""
    import uvicorn

    log.info("starting", extra={"host": host, "port": port, "channels": ",".join(app.state.service.adapters) or "web"})
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_config=None,  # keep our JSON handler
        access_log=False,  # /metrics counts requests; per-request lines would drown the useful ones
        proxy_headers=True,
        timeout_graceful_shutdown=15,
    )
