"""The FastAPI app: webhooks, web chat, operations and admin routes around one Service."""
from __future__ import annotations

import logging
import time
from contextlib import asynccontextmanager
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from bot.core import AnsweringCore
from bot.metrics import Metrics
from bot.options import BotOptions
from bot.service import Service
from bot.settings_check import check_settings
from ngvh.config import Settings

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


@asynccontextmanager
async def lifespan(app: FastAPI):
    service: Service = app.state.service
    await service.start()
    try:
        yield
    finally:
        await service.stop()


def create_app(
    settings: Settings,
    core: AnsweringCore | None,
    *,
    options: BotOptions | None = None,
    polling: bool = False,
    worker_command: list[str] | None = None,
    workers: int = 0,
) -> FastAPI:
    """Build the app. With a core, an in-process worker answers; without one, worker processes do (started
    here from worker_command when workers > 0, or elsewhere). Raises ConfigError for unsafe settings."""
    check_settings(settings, polling)
    service = Service(settings, core, options, polling, worker_command, workers)

    app = FastAPI(title="ngvh", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.service = service

    from bot import admin, ops, web, webhooks

    app.include_router(webhooks.router)
    app.include_router(web.router)
    app.include_router(ops.router)
    app.include_router(admin.router)  # answers 404 unless NGVH_ADMIN_TOKEN is set
    app.mount("/static", StaticFiles(directory=str(web.STATIC_DIR)), name="static")

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": "bad request"}, status_code=400)  # malformed input is a 400, never a 500

    app.add_middleware(MetricsMiddleware, metrics=service.metrics)
    return app


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
