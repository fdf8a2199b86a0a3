"""The intake's seam: a job, and the Protocol both stores (SQLite, Redis Streams) implement."""
from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

JobKind = Literal["message", "update", "ask", "admin"]

LEASE_SECONDS = 30.0  # a job taken by a worker that stops renewing for this long is handed to another
DEDUPE_TTL_SECONDS = 2 * 24 * 3600  # longer than any platform's re-delivery window (Zalo: about an hour)
EVENTS_TTL_SECONDS = 600.0  # answers nobody collected are dropped after this long


@dataclass(frozen=True)
class Job:
    """One unit of work. Jobs with the same order_key are handed out one at a time, oldest first."""

    id: str
    kind: JobKind
    order_key: str
    body: dict
    deadline: float | None = None  # wall-clock time (time.time()) after which nobody waits for the result
    attempts: int = 1  # how many times a worker has taken it (2+: a worker died or gave up on it)
    handle: Any = field(default=None, compare=False, repr=False)  # the store's own reference (stream, seq)


class Intake(Protocol):
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
        """Store a job durably and return its id; None (nothing stored) when dedupe_key was already seen
        within dedupe_ttl. The dedupe mark and the job are written in one atomic step."""

    async def take(self, consumer: str, wait: float = 1.0) -> Job | None:
        """The next job whose order key has nothing older unfinished, leased to consumer; None after wait s."""

    async def done(self, job: Job) -> None:
        """Remove a finished job (after its reply was sent); the next job of its order key becomes takeable."""

    async def retry_later(self, job: Job, delay: float) -> None:
        """Give a job back (its handling failed unexpectedly): stop renewing it; another take gets it again
        after about delay seconds, with attempts + 1."""

    async def renew(self, consumer: str) -> None:
        """Extend the leases of every job consumer holds (a worker calls this while it is alive)."""

    async def publish(self, job_id: str, event: dict) -> None:
        """An event for whoever waits on job_id (the web chat's answer, an admin result)."""

    def events(self, job_id: str, timeout: float) -> AsyncIterator[dict]:
        """Events published for job_id, as they come, until timeout seconds have passed."""

    async def set_status(self, job_id: str, status: dict) -> None: ...

    async def get_status(self, job_id: str) -> dict | None: ...

    async def depth(self) -> int:
        """Jobs stored and not yet done."""

    async def ping(self) -> bool: ...

    async def close(self) -> None: ...
