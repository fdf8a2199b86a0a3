"""The daily reminder pass inside the workers: at NGVH_REMINDER_HOUR, Vietnam time, on one process of the cluster.

Every worker process ticks once a minute. From the hour on, the first tick of the day to take the day's
lease runs the pass; the others see the lease (or the day marked done) and wait for tomorrow. The lease is
Coordination.first_time with a TTL — in SQLite for one machine, in Redis (NGVH_REDIS_URL) for a cluster — so
a worker that dies mid-pass leaves it to another after LEASE_SECONDS. Even two passes at once would not
send anything twice: the claims in the database (bot.reminders.store) decide who sends what.
"""
from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import date, datetime, timedelta, timezone

from bot.coordination import Coordination

log = logging.getLogger("ngvh.bot.reminders")

# Asia/Ho_Chi_Minh: UTC+7 all year (no daylight saving since 1975), so no time-zone database is needed
VIETNAM = timezone(timedelta(hours=7), "ICT")
TICK_SECONDS = 60.0
LEASE_SECONDS = 3600.0  # a pass not finished by then (its worker died) is run again by another
DONE_TTL_SECONDS = 3 * 24 * 3600.0


def vietnam_today(now: float | None = None) -> date:
    return datetime.fromtimestamp(time.time() if now is None else now, VIETNAM).date()


class DailyReminders:
    """Runs `run_pass(today)` once a day at `hour` (Vietnam time) across every process sharing `coordination`."""

    def __init__(self, coordination: Coordination, hour: int, run_pass: Callable[[date], Awaitable[object]],
                 clock: Callable[[], float] = time.time):
        self.coordination, self.hour, self.run_pass = coordination, hour, run_pass
        self._clock = clock

    async def tick(self) -> bool:
        """Run today's pass if it is time and no other process has; True when this one ran it."""
        local = datetime.fromtimestamp(self._clock(), VIETNAM)
        if self.hour < 0 or local.hour < self.hour:
            return False
        day = local.date().isoformat()
        if await self.coordination.get_json(f"reminders:done:{day}"):
            return False
        if not await self.coordination.first_time(f"reminders:lease:{day}", LEASE_SECONDS):
            return False  # another process holds today's pass
        report = await self.run_pass(local.date())
        await self.coordination.put_json(f"reminders:done:{day}", True, DONE_TTL_SECONDS)
        log.info("daily reminder pass done", extra={"day": day, "report": str(report)[:500]})
        return True

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await self.tick()
            except Exception:  # logged; the lease lapses and a later tick (here or elsewhere) runs it again
                log.exception("daily reminder pass failed")
            try:
                await asyncio.wait_for(stop.wait(), TICK_SECONDS)
            except TimeoutError:
                pass
