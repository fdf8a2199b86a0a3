"""The shared intake: Redis Streams with one consumer group, for several replicas and worker machines.

A job is an entry of a stream (web questions and admin work in an urgent stream read first). XACK and
XDEL come after the reply is sent; entries of a worker that stopped renewing are taken over with
XAUTOCLAIM. Order within a chat: every job gets the next number of its order key when it is added (in
the same script as the dedupe mark), and a worker starts job n only once job n-1 is done.
"""
from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from typing import cast

from redis.typing import StreamIdT

from bot import redis_client
from bot.intake.base import DEDUPE_TTL_SECONDS, EVENTS_TTL_SECONDS, LEASE_SECONDS, Intake, Job, JobKind

GROUP = "workers"
CLAIM_EVERY_SECONDS = 2.0  # how often a worker looks for entries of dead workers
ORDER_WAIT_MAX = 600.0  # a job whose predecessor never finishes (its entry was deleted by hand) goes anyway
HELD_MAX = 64  # jobs read but waiting for their predecessor, per worker

# KEYS: seen, stream, seq. ARGV: dedupe ttl ms, order key, kind, body, deadline, seq ttl ms
_PUT = """
if KEYS[1] ~= '' then
  if not redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then return false end
end
local seq = redis.call('INCR', KEYS[3])
redis.call('PEXPIRE', KEYS[3], ARGV[6])
return redis.call('XADD', KEYS[2], '*', 'order', ARGV[2], 'seq', seq, 'kind', ARGV[3], 'body', ARGV[4], 'deadline', ARGV[5])
"""

# KEYS: stream, done. ARGV: group, entry id, seq, ttl ms
_DONE = """
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
redis.call('XDEL', KEYS[1], ARGV[2])
local current = tonumber(redis.call('GET', KEYS[2]) or '0')
if tonumber(ARGV[3]) > current then redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[4]) else redis.call('PEXPIRE', KEYS[2], ARGV[4]) end
return 1
"""


class RedisIntake(Intake):
    def __init__(self, url: str, prefix: str = "ngvh:", lease: float = LEASE_SECONDS):
        self.lease = lease
        self._redis = redis_client.connect(url, operation_timeout=10)
        self._prefix = prefix
        self._streams = (prefix + "q:urgent", prefix + "q")
        self._put = self._redis.register_script(_PUT)
        self._done = self._redis.register_script(_DONE)
        self._groups_ready = False
        self._held: list[Job] = []  # read, waiting for the previous job of their order key
        self._retries: list[tuple[float, Job]] = []  # (due, job) given back by retry_later, renewed until due
        self._taken: dict[str, Job] = {}  # entry id → job being worked on by this process
        self._last_claim = 0.0
        self._waiting_since: dict[str, float] = {}
        self._claim_cursor: dict[str, str] = {}  # XAUTOCLAIM scans the pending list in steps, from here

    def _k(self, key: str) -> str:
        return self._prefix + key

    async def _ensure_groups(self) -> None:
        if self._groups_ready:
            return
        from redis.exceptions import ResponseError

        for stream in self._streams:
            try:
                await self._redis.xgroup_create(stream, GROUP, id="0", mkstream=True)
            except ResponseError as exc:
                if "BUSYGROUP" not in str(exc):
                    raise
        self._groups_ready = True

    # -- storing ------------------------------------------------------------------------------------
    async def put(
        self,
        kind: JobKind,
        order_key: str,
        body: dict,
        *,
        dedupe_key: str | None = None,
        dedupe_ttl: float = DEDUPE_TTL_SECONDS,
        deadline: float | None = None,
        urgent: bool = False,
    ) -> str | None:
        await self._ensure_groups()
        stream = self._streams[0] if urgent else self._streams[1]
        ttl_ms = int(dedupe_ttl * 1000)
        entry = await self._put(
            keys=[self._k("seen:" + dedupe_key) if dedupe_key else "", stream, self._k("seq:" + order_key)],
            args=[ttl_ms, order_key, kind, json.dumps(body, ensure_ascii=False), "" if deadline is None else repr(deadline),
                  int(DEDUPE_TTL_SECONDS * 1000)],
        )
        if not entry:
            return None
        return f"{stream}/{entry}"

    # -- taking -------------------------------------------------------------------------------------
    async def take(self, consumer: str, wait: float = 1.0) -> Job | None:
        await self._ensure_groups()
        deadline = time.monotonic() + wait
        while True:
            due = [entry for entry in self._retries if entry[0] <= time.monotonic()]
            if due:
                self._retries.remove(due[0])
                return self._mark_taken(due[0][1])
            job = await self._runnable_held()
            if job is not None:
                return self._mark_taken(job)
            if time.monotonic() - self._last_claim >= min(CLAIM_EVERY_SECONDS, self.lease / 2):
                self._last_claim = time.monotonic()
                for job in await self._reclaim(consumer):
                    self._hold(job)  # all of them: a job neither held nor taken would not be renewed
                job = await self._runnable_held()
                if job is not None:
                    return self._mark_taken(job)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            if len(self._held) >= HELD_MAX:
                await asyncio.sleep(min(0.05, remaining))
                continue
            block = int(min(remaining, 0.2 if self._held else remaining) * 1000) or 1
            read = await self._redis.xreadgroup(GROUP, consumer, {s: ">" for s in self._streams}, count=1, block=block)
            for stream, entry_id, fields in _entries(read):
                self._hold(self._job(stream, entry_id, fields, attempts=1))

    def _job(self, stream: str, entry_id: str, fields: dict, attempts: int) -> Job:
        deadline = fields.get("deadline") or ""
        return Job(
            id=f"{stream}/{entry_id}",
            kind=fields.get("kind", "message"),
            order_key=fields.get("order", entry_id),
            body=json.loads(fields.get("body") or "{}"),
            deadline=float(deadline) if deadline else None,
            attempts=attempts,
            handle=(stream, entry_id, int(fields.get("seq") or 0)),
        )

    def _hold(self, job: Job) -> None:
        self._waiting_since.setdefault(job.id, time.monotonic())
        self._held.append(job)

    def _mark_taken(self, job: Job) -> Job:
        self._waiting_since.pop(job.id, None)
        self._taken[job.id] = job
        return job

    async def _runnable_held(self) -> Job | None:
        if not self._held:
            return None
        done = await self._redis.mget([self._k("done:" + job.order_key) for job in self._held])  # one round trip
        now = time.monotonic()
        for index, (job, value) in enumerate(zip(self._held, done, strict=False)):
            seq = job.handle[2]
            if seq <= 1 or int(value or 0) >= seq - 1 or now - self._waiting_since.get(job.id, now) > ORDER_WAIT_MAX:
                return self._held.pop(index)
        return None

    async def _reclaim(self, consumer: str) -> list[Job]:
        jobs: list[Job] = []
        for stream in self._streams:
            cursor = self._claim_cursor.get(stream, "0-0")
            result = await self._redis.xautoclaim(stream, GROUP, consumer, int(self.lease * 1000), cursor, count=16)
            self._claim_cursor[stream] = result[0] or "0-0"  # "0-0": the whole list was scanned, start over
            entries = result[1] if len(result) > 1 else []
            for entry_id, fields in entries:
                if not fields or entry_id in {j.handle[1] for j in self._held} | {j.handle[1] for _, j in self._retries}:
                    continue
                pending = await self._redis.xpending_range(stream, GROUP, min=entry_id, max=entry_id, count=1)
                attempts = int(pending[0]["times_delivered"]) if pending else 2
                jobs.append(self._job(stream, entry_id, fields, attempts=attempts))
        return jobs

    async def done(self, job: Job) -> None:
        stream, entry_id, seq = job.handle
        await self._done(keys=[stream, self._k("done:" + job.order_key)], args=[GROUP, entry_id, seq, int(DEDUPE_TTL_SECONDS * 1000)])
        self._taken.pop(job.id, None)

    async def retry_later(self, job: Job, delay: float) -> None:
        """Kept by this worker (its lease renewed) and handed out again by take() after delay, attempts + 1;
        if the worker dies meanwhile, XAUTOCLAIM gives it to another once idle for the lease."""
        self._taken.pop(job.id, None)
        self._retries.append((time.monotonic() + delay, replace(job, attempts=job.attempts + 1)))

    async def renew(self, consumer: str) -> None:
        """XCLAIM to ourselves with idle 0: entries we hold never look abandoned to XAUTOCLAIM."""
        by_stream: dict[str, list[StreamIdT]] = {}
        for job in list(self._taken.values()) + list(self._held) + [job for _, job in self._retries]:
            by_stream.setdefault(job.handle[0], []).append(job.handle[1])
        for stream, ids in by_stream.items():
            await self._redis.xclaim(stream, GROUP, consumer, 0, ids, justid=True)

    # -- results ------------------------------------------------------------------------------------
    async def publish(self, job_id: str, event: dict) -> None:
        key = self._k("ev:" + job_id)
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.xadd(key, {"e": json.dumps(event, ensure_ascii=False)})
            pipe.expire(key, int(EVENTS_TTL_SECONDS))
            await pipe.execute()

    async def events(self, job_id: str, timeout: float) -> AsyncIterator[dict]:
        key = self._k("ev:" + job_id)
        deadline = time.monotonic() + timeout
        last = "0-0"
        try:
            while (remaining := deadline - time.monotonic()) > 0:
                read = await self._redis.xread({key: last}, block=max(1, int(min(remaining, 5.0) * 1000)))
                for _, entry_id, fields in _entries(read):
                    last = entry_id
                    yield json.loads(fields["e"])
        finally:
            await self._redis.delete(key)

    async def set_status(self, job_id: str, status: dict) -> None:
        await self._redis.set(self._k("status:" + job_id), json.dumps(status, ensure_ascii=False), ex=7 * 24 * 3600)

    async def get_status(self, job_id: str) -> dict | None:
        raw = await self._redis.get(self._k("status:" + job_id))
        return None if raw is None else json.loads(raw)

    async def depth(self) -> int:
        total = 0
        for stream in self._streams:
            total += int(await self._redis.xlen(stream))
        return total

    async def ping(self) -> bool:
        return bool(await self._redis.ping())

    async def close(self) -> None:
        await self._redis.aclose()


def _entries(reply: object) -> Iterator[tuple[str, str, dict[str, str]]]:
    """(stream, entry id, fields) of an XREAD or XREADGROUP reply. redis_client.connect speaks RESP2 with decoded
    responses, so the reply is [[stream, [(entry id, fields), …]], …] or None; the client's declared type also
    allows RESP3's dict form, which this connection never receives."""
    for stream, entries in cast(list[tuple[str, list[tuple[str, dict[str, str]]]]], reply or []):
        for entry_id, fields in entries:
            yield stream, entry_id, fields
