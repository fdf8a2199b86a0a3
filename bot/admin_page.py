"""The admin page (/admin) and its question-log routes: answered vs refused per day, top questions, what the
plans don't answer, thumbs-down answers, and the log as CSV.

The page is static (bot/static/admin.*): it asks for the admin token once, keeps it in the tab's
sessionStorage and sends it as an Authorization header, never in a URL. It runs under a CSP with no
inline script or style and puts what citizens typed on the page as text only. Catalog, upload and
removal go through the /admin/plans routes of bot.admin.
"""
from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import FileResponse, JSONResponse, Response
from pydantic import BaseModel, Field

from bot.question_groups import group_similar

ADMIN_PAGE_HEADERS = {
    "Content-Security-Policy": ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                                "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}
NO_STORE = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}


def _json(data: Any) -> JSONResponse:
    return JSONResponse(data, headers=NO_STORE)


def _iso(row: dict) -> dict:
    out = dict(row)
    if out.get("at") is not None:
        out["at"] = out["at"].isoformat(timespec="seconds") + "Z"
    return out


CorrectPlan = Callable[[str, dict], Awaitable[dict | None]]  # plan id, fields → the corrected catalog row


class Correction(BaseModel):
    number: str | None = Field(None, max_length=120)
    date: str | None = Field(None, max_length=40)
    signer: str | None = Field(None, max_length=120)
    province: str | None = Field(None, max_length=120)


def admin_page_router(question_log: Callable[[], Any], require_admin: Callable, static_dir,
                      correct_plan: CorrectPlan | None = None) -> APIRouter:
    """`question_log()` gives the QuestionLog (None when the service keeps none); `require_admin` is the
    dependency that checks the Authorization header; `correct_plan` fixes a plan's number, date, signer
    or province (raising ValueError for a value that cannot be right)."""
    router = APIRouter(prefix="/admin")
    guarded = [Depends(require_admin)]

    @router.post("/plans/{plan_id}/corrections", dependencies=guarded)
    async def correct(plan_id: str, body: Correction) -> JSONResponse:
        if correct_plan is None:
            raise HTTPException(404, "corrections are not available here")
        fields = {k: v for k, v in body.model_dump().items() if v not in (None, "")}
        try:
            row = await correct_plan(plan_id, fields)
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from None
        if row is None:
            raise HTTPException(404, f"no plan with id {plan_id}")
        return _json({"plan": row})

    @router.get("", include_in_schema=False)
    async def page() -> FileResponse:
        return FileResponse(str(static_dir / "admin.html"), media_type="text/html; charset=utf-8",
                            headers=ADMIN_PAGE_HEADERS)

    @router.get("/questions", dependencies=guarded)
    async def questions(format: str = Query("json", pattern="^(json|csv)$"),
                        limit: int = Query(5000, ge=1, le=100_000)) -> Response:
        log = question_log()
        if log is None:
            return _json({"questions": []}) if format == "json" else Response("time,channel,question,found,feedback\r\n",
                                                                                media_type="text/csv; charset=utf-8")
        if format == "csv":
            body = await asyncio.to_thread(log.csv, limit)
            headers = dict(NO_STORE, **{"Content-Disposition": 'attachment; filename="ngvh-questions.csv"'})
            return Response("\ufeff" + body, media_type="text/csv; charset=utf-8", headers=headers)  # BOM: Excel reads UTF-8
        rows = await asyncio.to_thread(log.rows, limit)
        return _json({"questions": [_iso(r) for r in rows]})

    @router.get("/questions/summary", dependencies=guarded)
    async def summary(days: int = Query(30, ge=1, le=366)) -> JSONResponse:
        log = question_log()
        if log is None:
            return _json({"per_day": [], "top": [], "refused_groups": [], "thumbs_down": [], "total": 0})

        def collect() -> dict:
            refused = log.refused(limit=2000)
            return {
                "per_day": log.per_day(days),
                "top": log.top_questions(20),
                "refused_groups": group_similar([r["question"] for r in refused], limit=20),
                "thumbs_down": [_iso(r) for r in log.thumbs_down(50)],
                "total": log.count(),
                "retention_days": log.retention_days,
            }

        return _json(await asyncio.to_thread(collect))

    return router
