"""The FastAPI app: webhooks, web chat, operations and admin routes around one Runtime."""
from __future__ import annotations

import logging
import time
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from bot.metrics import Metrics
from bot.runtime import BotOptions, ConfigError, Runtime, check_settings
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
    runtime: Runtime = app.state.runtime
    await runtime.start()
    try:
        yield
    finally:
        await runtime.stop()


def create_app(
    settings: Settings,
    services: Any,
    *,
    options: BotOptions | None = None,
    polling: bool = False,
) -> FastAPI:
    """Build the app. Raises ConfigError for unsafe settings (placeholder admin token, missing secrets)."""
    check_settings(settings, polling)
    runtime = Runtime(settings, services, options, polling)

    app = FastAPI(title="ngvh", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.runtime = runtime

    from bot import admin, ops, web, webhooks

    app.include_router(webhooks.router)
    app.include_router(web.router)
    app.include_router(ops.router)
    app.include_router(admin.router)  # answers 404 unless NGVH_ADMIN_TOKEN is set
    app.mount("/static", StaticFiles(directory=str(web.STATIC_DIR)), name="static")

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": "bad request"}, status_code=400)  # malformed input is a 400, never a 500

    app.add_middleware(MetricsMiddleware, metrics=runtime.metrics)
    return app


def serve(settings: Settings, services: Any, host: str, port: int, polling: bool = False) -> None:
    """Run the service (uvicorn); with polling=True Telegram and Zalo Bot long-poll instead of webhooks."""
    import uvicorn

    from bot.logs import configure_logging

    configure_logging(settings)
    try:
        app = create_app(settings, services, polling=polling)
    except ConfigError as exc:
        log.error("refusing to start", extra={"error": str(exc)})
        raise SystemExit(f"ngvh serve: {exc}") from None
    log.info("starting", extra={"host": host, "port": port, "polling": polling, "channels": ",".join(app.state.runtime.adapters) or "web"})
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_config=None,  # keep our JSON handler
        access_log=False,  # /metrics counts requests; per-request lines would drown the useful ones
        proxy_headers=True,
        timeout_graceful_shutdown=15,
    )
