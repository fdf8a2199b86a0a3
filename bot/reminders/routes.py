"""HTTP: the public calendar feed (GET /calendar.ics?agency=…[&province=…], rate-limited like the web chat) and
the admin view of subscriptions per agency and the next reminders due (GET /admin/reminders), with a
"run a pass now" (POST /admin/reminders/run) for operators and tests. Tasks come from a worker's core."""
from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response

from bot.deps import ServiceDep
from bot.reminders.due import DueTask, due_within, follows
from bot.reminders.feed import calendar_for
from bot.reminders.schedule import vietnam_today
from bot.reminders.store import Subscription
from bot.service import NoAnswerInTime, Service
from ground import vi
from ground.agencies import normalize_agency
from ground.places import canonical_province

FEED_CACHE_SECONDS = 900  # calendar apps poll; a quarter of an hour spares the workers
ADMIN_HORIZON_DAYS = 60  # the admin view lists what falls due this far ahead
ADMIN_ROWS = 200
NO_STORE = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}


async def _tasks(rt: Service, **args: Any) -> list[dict]:
    try:
        return await rt.call_core("tasks", timeout=30.0, **args) or []
    except NoAnswerInTime:
        raise HTTPException(503, "no worker answered in time; try again", headers={"Retry-After": "5"}) from None


def reminder_routes(subscriptions: Callable[[], Any], require_admin: Callable) -> APIRouter:
    """`subscriptions()` gives the SubscriptionStore (the question log's); `require_admin` guards the admin routes."""
    router = APIRouter()
    guarded = [Depends(require_admin)]

    @router.get("/calendar.ics")
    async def calendar(request: Request, rt: ServiceDep, agency: str = Query(..., min_length=2, max_length=200),
                       province: str | None = Query(None, max_length=80)) -> Response:
        from bot.web import within_rate

        if limited := await within_rate(request, rt, bucket="calendar"):
            return limited
        place = canonical_province(province) if province else None
        if province and not place:
            raise HTTPException(400, f"unknown province: {province}")
        name = normalize_agency(agency).canonical
        rows = await _tasks(rt, agency=name, province=place)
        base = rt.settings.public_url or str(request.base_url)
        body = await asyncio.to_thread(calendar_for, rows, name, place, base)
        slug = re.sub(r"[^a-z0-9]+", "-", vi.fold(name)).strip("-") or "ngvh"
        headers = {"Content-Disposition": f'inline; filename="ngvh-{slug}.ics"',
                   "Cache-Control": f"public, max-age={FEED_CACHE_SECONDS}", "X-Content-Type-Options": "nosniff"}
        return Response(body, media_type="text/calendar; charset=utf-8", headers=headers)

    @router.get("/admin/reminders", dependencies=guarded)
    async def overview(rt: ServiceDep, today: date | None = None) -> JSONResponse:
        store = subscriptions()
        subs = await asyncio.to_thread(store.all) if store is not None else []
        rows = await _tasks(rt) if subs else []
        day = today or vietnam_today()
        return JSONResponse(admin_overview(subs, [DueTask.from_row(r) for r in rows], day, rt.settings.reminder_days),
                            headers=NO_STORE)

    @router.post("/admin/reminders/run", dependencies=guarded)
    async def run_now(rt: ServiceDep, today: date | None = None, dry_run: bool = False) -> JSONResponse:
        day = today or vietnam_today()
        try:
            report = await rt.call_core("remind", timeout=300.0, today=day.isoformat(), dry_run=dry_run)
        except NoAnswerInTime:
            raise HTTPException(503, "no worker answered in time; try again", headers={"Retry-After": "5"}) from None
        return JSONResponse(report, headers=NO_STORE)

    return router


def admin_overview(subs: list[Subscription], tasks: list[DueTask], today: date, days: int) -> dict:
    """Subscriptions per agency (chats per channel) and, per agency, what falls due within ADMIN_HORIZON_DAYS
    with the day its reminder goes out (`days` before it, or the next pass when that is already past)."""
    groups: dict[tuple[str, str], dict] = {}
    for sub in subs:
        group = groups.setdefault((sub.agency, sub.province), {"agency": sub.agency, "province": sub.province or None,
                                                               "chats": 0, "channels": {}, "subs": []})
        group["chats"] += 1
        group["channels"][sub.channel] = group["channels"].get(sub.channel, 0) + 1
        group["subs"].append(sub)
    upcoming = []
    for group in groups.values():
        sub = group.pop("subs")[0]
        for item in due_within([t for t in tasks if follows(sub, t)], today, ADMIN_HORIZON_DAYS):
            remind_on = max(today + timedelta(days=1), item.when - timedelta(days=days))
            upcoming.append({"agency": group["agency"], "province": group["province"], "chats": group["chats"],
                             "due": item.when.isoformat(), "remind_on": remind_on.isoformat(), "task": item.task.task,
                             "plan": item.task.plan or item.task.plan_id, "deadline_text": item.task.deadline_text})
    upcoming.sort(key=lambda u: (u["due"], u["agency"]))
    return {"today": today.isoformat(), "days": days, "subscriptions": sorted(groups.values(), key=lambda g: -g["chats"]),
            "upcoming": upcoming[:ADMIN_ROWS]}
