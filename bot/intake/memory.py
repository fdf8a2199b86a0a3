"""The intake in one process's memory (same order, dedupe, lease and retry rules as the real stores): a fake for tests.

Nothing survives the process, so it never serves a real channel: an acknowledged message must outlive a crash.
"""
from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace

from bot.intake.base import DEDUPE_TTL_SECONDS, LEASE_SECONDS, Intake, Job, JobKind

POLL_SECONDS = 0.01  # how often take and events look again


@dataclass
class _Entry:
    job: Job
    urgent: bool
    owner: str | None = None
    lease_until: float = 0.0


class MemoryIntake(Intake):
    def __init__(self, lease: float = LEASE_SECONDS, clock=time.monotonic):
        self.lease = lease
        self._clock = clock
        self._ids = itertools.count(1)
        self._jobs: dict[int, _Entry] = {}  # insertion order is age
        self._seen: dict[str, float] = {}
        self._events: dict[str, list[dict]] = {}
        self._status: dict[str, dict] = {}

    async def put(self, kind: JobKind, order_key: str, body: dict, *, dedupe_key: str | None = None,
                  dedupe_ttl: float = DEDUPE_TTL_SECONDS, deadline: float | None = None,
                  urgent: bool = False) -> str | None:
        now = self._clock()
        if dedupe_key is not None:
            if self._seen.get(dedupe_key, 0.0) > now:
                return None
            self._seen[dedupe_key] = now + dedupe_ttl
        number = next(self._ids)
        self._jobs[number] = _Entry(Job(str(number), kind, order_key, dict(body), deadline, attempts=0), urgent)
        return str(number)

    async def take(self, consumer: str, wait: float = 1.0) -> Job | None:
        until = self._clock() + wait
        while True:
            job = self._claim(consumer)
            if job is not None or self._clock() >= until:
                return job
            await asyncio.sleep(POLL_SECONDS)

    def _claim(self, consumer: str) -> Job | None:
        now = self._clock()
        heads: dict[str, _Entry] = {}
        for entry in self._jobs.values():
            heads.setdefault(entry.job.order_key, entry)
        free = [e for e in heads.values() if e.owner is None or e.lease_until <= now]
        if not free:
            return None
        entry = min(free, key=lambda e: (not e.urgent, int(e.job.id)))
        entry.owner, entry.lease_until = consumer, now + self.lease
        entry.job = replace(entry.job, attempts=entry.job.attempts + 1)
        return entry.job

    async def done(self, job: Job) -> None:
        self._jobs.pop(int(job.id), None)

    async def retry_later(self, job: Job, delay: float) -> None:
        entry = self._jobs.get(int(job.id))
        if entry is not None:
            entry.owner, entry.lease_until = "retry", self._clock() + delay

    async def renew(self, consumer: str) -> None:
        until = self._clock() + self.lease
        for entry in self._jobs.values():
            if entry.owner == consumer:
                entry.lease_until = until

    async def publish(self, job_id: str, event: dict) -> None:
        self._events.setdefault(job_id, []).append(dict(event))

    async def events(self, job_id: str, timeout: float) -> AsyncIterator[dict]:
        until = self._clock() + timeout
        seen = 0
        try:
            while self._clock() < until:
                pending = self._events.get(job_id, [])
                for event in pending[seen:]:
                    seen += 1
                    yield event
                await asyncio.sleep(POLL_SECONDS)
        finally:
            self._events.pop(job_id, None)

    async def set_status(self, job_id: str, status: dict) -> None:
        self._status[job_id] = dict(status)

    async def get_status(self, job_id: str) -> dict | None:
        return self._status.get(job_id)

    async def depth(self) -> int:
        return len(self._jobs)

    async def ping(self) -> bool:
        return True

    async def close(self) -> None:
        return None
