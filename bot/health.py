"""Health probes of what the service needs to take and answer messages: the intake (a real write), coordination,
the data folder's free disk, the Chroma server. Each is bounded by PROBE_TIMEOUT_SECONDS and runs at once
with the others; /healthz says 503 when any fails, /readyz lists them for the admin."""
from __future__ import annotations

import asyncio
import shutil
import socket
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

from bot.coordination import Coordination
from bot.intake import Intake

PROBE_TIMEOUT_SECONDS = 2.0
PROBE_JOB_ID = f"health-probe:{socket.gethostname()}"  # one status row per machine, overwritten each probe


@dataclass
class Check:
    name: str
    ok: bool
    detail: str = ""
    ms: int = 0

    def to_json(self) -> dict:
        out: dict = {"ok": self.ok, "ms": self.ms}
        if self.detail:
            out["detail"] = self.detail
        return out


Probe = Callable[[], Awaitable[str]]  # returns a detail on success, raises on failure


def intake_probe(intake: Intake) -> Probe:
    async def probe() -> str:
        stamp = repr(time.time())
        await intake.set_status(PROBE_JOB_ID, {"probe": stamp})  # a write, as a webhook's put is
        back = await intake.get_status(PROBE_JOB_ID)
        if not back or back.get("probe") != stamp:
            raise RuntimeError("the probe write did not read back")
        return "writable"

    return probe


def coordination_probe(coordination: Coordination) -> Probe:
    async def probe() -> str:
        if not await coordination.ping():
            raise RuntimeError("no answer")
        return "answers"

    return probe


def disk_probe(path: Path, min_free_mb: int) -> Probe:
    async def probe() -> str:
        where = path if path.exists() else path.parent
        free_mb = shutil.disk_usage(where).free // (1024 * 1024)
        if free_mb < min_free_mb:
            raise RuntimeError(f"{free_mb} MB free, below {min_free_mb} MB")
        return f"{free_mb} MB free"

    return probe


def chroma_probe(url: Callable[[], str | None]) -> Probe:
    """The Chroma server's heartbeat; url() is read each time (serve learns it after the app is built)."""

    async def probe() -> str:
        base = url()
        if not base:
            return "embedded"
        async with httpx.AsyncClient(timeout=PROBE_TIMEOUT_SECONDS) as client:
            response = await client.get(base.rstrip("/") + "/api/v2/heartbeat")
        response.raise_for_status()
        return "answers"

    return probe


async def run_checks(probes: dict[str, Probe], timeout: float = PROBE_TIMEOUT_SECONDS) -> list[Check]:
    async def one(name: str, probe: Probe) -> Check:
        started = time.perf_counter()
        try:
            detail = await asyncio.wait_for(probe(), timeout)
            ok = True
        except TimeoutError:
            detail, ok = f"no answer within {timeout:.0f} s", False
        except Exception as exc:
            detail, ok = f"{type(exc).__name__}: {exc}"[:300], False
        return Check(name, ok, detail, int((time.perf_counter() - started) * 1000))

    return list(await asyncio.gather(*(one(name, probe) for name, probe in probes.items())))
