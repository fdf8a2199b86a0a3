"""The seam the channels call: the answering core (ngvh.services.Services, tests' FakeCore) and a
runner that keeps its blocking calls off the event loop."""
from __future__ import annotations

import asyncio
import json
import os
import resource
import signal
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol

from bot.breaker import Breaker
from bot.faults import is_transient
from ingest.report import IngestReport, IngestRow
from rag.models import Answer, Citation

INGEST_NICE = 10  # added to the worker's own nice 10 (capped at 19): an ingest in its own process yields the CPU to answers
# An ingest process's limits (issue 20): a hostile file fails with a reason instead of holding the queue.
INGEST_MEMORY_MAX_MB = 512  # resident memory; the process is killed past it (checked every MEMORY_POLL_SECONDS)
INGEST_ADDRESS_MAX_MB = 2048  # address space (RLIMIT_AS): a runaway allocation fails at once, before the poll sees it
INGEST_CPU_BASE_SECONDS = 120  # CPU budget: this, plus INGEST_CPU_PER_MB for each MB of the file (RLIMIT_CPU)
INGEST_CPU_PER_MB = 30
INGEST_WALL_PER_CPU = 2.0  # the wall-clock limit: this times the CPU budget, plus INGEST_WALL_EXTRA_SECONDS
INGEST_WALL_EXTRA_SECONDS = 30.0
MEMORY_POLL_SECONDS = 0.05


def _failed(path: Path, reason: str) -> IngestReport:
    return IngestReport([IngestRow(source=path.name, status="failed", reason=reason)])


class IngestLimits:
    """CPU, wall-clock and memory limits of one ingest process, scaled by the file's size."""

    def __init__(self, cpu_seconds: int):
        self.cpu_seconds = cpu_seconds
        # wall clock above the CPU budget: OCR runs in Tesseract children, each under its own CPU limit
        self.wall_seconds = INGEST_WALL_PER_CPU * cpu_seconds + INGEST_WALL_EXTRA_SECONDS
        self.peak_mb = 0  # the process's peak resident memory as last seen

    @classmethod
    def for_file(cls, path: Path) -> IngestLimits:
        try:
            megabytes = path.stat().st_size / 2**20
        except OSError:
            megabytes = 0.0
        return cls(int(INGEST_CPU_BASE_SECONDS + INGEST_CPU_PER_MB * megabytes))

    def apply(self) -> None:
        """In the child, before exec: lower priority, CPU and address-space limits (inherited by Tesseract)."""
        os.nice(INGEST_NICE)
        resource.setrlimit(resource.RLIMIT_CPU, (self.cpu_seconds, self.cpu_seconds + 5))
        address = INGEST_ADDRESS_MAX_MB * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (address, address))

    async def watch_memory(self, proc) -> bool:
        """Kill the process once its resident memory passes INGEST_MEMORY_MAX_MB; True when it did."""
        status = Path(f"/proc/{proc.pid}/status")
        while proc.returncode is None:
            try:
                fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
                rss_kb, peak_kb = int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])
            except (OSError, KeyError, ValueError, IndexError):
                return False  # gone, or not Linux
            self.peak_mb = max(self.peak_mb, peak_kb // 1024)
            if rss_kb > INGEST_MEMORY_MAX_MB * 1024:
                proc.kill()
                return True
            await asyncio.sleep(MEMORY_POLL_SECONDS)
        return False


class AnsweringCore(Protocol):
    def ask(self, question: str) -> Answer:
        """Answer one question (blocking, CPU-bound)."""

    def ask_stream(self, question: str) -> AsyncIterator[dict[str, Any]]:
        """{"type": "delta", "text"} events while a model writes, then one {"type": "final", "answer": <the
        `ngvh ask --json` object, its kind included>}. Without a model: the final only."""

    def plans(self) -> list[dict]: ...

    def ingest_paths(self, paths: list[Path], on_event: Callable[..., None] | None = None) -> IngestReport: ...

    def remove(self, plan_id: str) -> bool: ...

    def health(self) -> dict: ...

    def locate_chunk(self, citation: Citation) -> str | None:
        """The stored chunk a citation quotes ("<plan id>:<version>:<seq>"), for the log and page links."""

    def plan_page(self, plan_id: str) -> dict | None:
        """A plan and its passages in order (bot.pages), or None."""

    def correct_plan(self, plan_id: str, fields: dict) -> dict | None:
        """Fix a plan's number, date, signer or province; its catalog row, or None; ValueError for a bad value."""

    def tasks(self, agency: str | None = None, province: str | None = None) -> list[dict]:
        """Every task of the stored plans (filtered by agency, any spelling, and province) as the rows of
        `ngvh tasks --json`: deadline_text, due, precision, recurs, key… (for reminders and the calendar)."""


class CoreRunner:
    """The core's blocking calls on worker threads: answers on `ask_threads`, ingests on their own thread,
    so a long ingest never holds an answer back. No lock: the store switches versions in one step.

    With ingest_command (`ngvh ingest --json`, when the store is a Chroma server every process sees), an
    ingest runs as its own process at a lower priority: parsing and embedding a large plan then shares
    neither this process's interpreter lock nor an equal claim on the CPU with the answers."""

    def __init__(self, core: AnsweringCore, ask_threads: int = 1, ingest_command: list[str] | None = None):
        self.core = core
        self.ingest_command = ingest_command
        # answers read the store: with a Chroma server down or frozen, fail at once (the job is retried) after
        # a few bounded waits, instead of every answer waiting out the HTTP timeouts
        self.breaker = Breaker("answering core (store)")
        self.last_ingest_peak_mb = 0  # peak resident memory of the last ingest process (tests, logs)
        self._ask_pool = ThreadPoolExecutor(max(1, ask_threads), thread_name_prefix="ngvh-ask")
        self._ingest_pool = ThreadPoolExecutor(1, thread_name_prefix="ngvh-ingest")

    async def _run(self, pool: ThreadPoolExecutor, fn, *args):
        return await asyncio.get_running_loop().run_in_executor(pool, fn, *args)

    async def ask(self, question: str) -> Answer:
        self.breaker.check()
        try:
            answer = await self._run(self._ask_pool, self.core.ask, question)
        except Exception as exc:
            self._failed(exc)
            raise
        self.breaker.success()
        return answer

    async def ask_stream(self, question: str) -> AsyncIterator[dict[str, Any]]:
        self.breaker.check()
        try:
            async for event in self.core.ask_stream(question):
                yield event
        except Exception as exc:
            self._failed(exc)
            raise
        self.breaker.success()

    def _failed(self, exc: Exception) -> None:
        if is_transient(exc):  # the store (a Chroma server) down or frozen, not this question
            self.breaker.failure(exc)

    async def plans(self) -> list[dict]:
        return await self._run(self._ask_pool, self.core.plans)

    async def ingest(self, paths: list[Path]) -> IngestReport:
        if self.ingest_command:
            return await self._ingest_process(paths)
        return await self._run(self._ingest_pool, self.core.ingest_paths, paths)

    async def _ingest_process(self, paths: list[Path]) -> IngestReport:
        """One bounded process per file: a file past its limits fails with the reason, the next goes on."""
        rows: list[IngestRow] = []
        for path in paths:
            rows += (await self._ingest_one(path)).rows
        return IngestReport(rows)

    async def _ingest_one(self, path: Path) -> IngestReport:
        assert self.ingest_command
        limits = IngestLimits.for_file(path)
        proc = await asyncio.create_subprocess_exec(
            *self.ingest_command, str(path),
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, preexec_fn=limits.apply,
        )
        watch = asyncio.create_task(limits.watch_memory(proc))
        try:
            out, err = await asyncio.wait_for(proc.communicate(), limits.wall_seconds)
        except TimeoutError:
            proc.kill()
            await proc.wait()
            return _failed(path, f"ingest stopped after {limits.wall_seconds:.0f} s (the limit for this file's size)")
        finally:
            watch.cancel()
            self.last_ingest_peak_mb = limits.peak_mb
        if watch.done() and not watch.cancelled() and watch.result():
            return _failed(path, f"ingest stopped: it used more than {INGEST_MEMORY_MAX_MB} MB of memory")
        if proc.returncode == -signal.SIGXCPU:
            return _failed(path, f"ingest stopped after {limits.cpu_seconds} s of CPU (the limit for this file's size)")
        if proc.returncode == -signal.SIGKILL:
            return _failed(path, "ingest process killed (out of memory?)")
        try:
            data = json.loads(out)
            return IngestReport([IngestRow(**row) for row in data["files"]])
        except (ValueError, KeyError, TypeError):
            tail = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit status {proc.returncode}"]
            if "MemoryError" in tail[0]:
                return _failed(path, f"ingest stopped: it needed more than its {INGEST_ADDRESS_MAX_MB} MB of address space")
            raise RuntimeError(f"ingest process failed: {tail[0][:300]}") from None

    async def remove(self, plan_id: str) -> bool:
        return await self._run(self._ingest_pool, self.core.remove, plan_id)

    def locate(self, citation: Citation) -> str | None:
        """Blocking (a store read on first use of a plan version): callers are already on a thread."""
        return self.core.locate_chunk(citation)

    async def plan_page(self, plan_id: str) -> dict | None:
        return await self._run(self._ask_pool, self.core.plan_page, plan_id)

    async def correct_plan(self, plan_id: str, fields: dict) -> dict | None:
        return await self._run(self._ingest_pool, self.core.correct_plan, plan_id, fields)

    async def tasks(self, agency: str | None = None, province: str | None = None) -> list[dict]:
        return await self._run(self._ask_pool, self.core.tasks, agency, province)

    async def health(self) -> dict:
        return await asyncio.to_thread(self.core.health)  # a probe never queues behind answers

    def close(self) -> None:
        self._ask_pool.shutdown(wait=False, cancel_futures=True)
        self._ingest_pool.shutdown(wait=False, cancel_futures=True)
