"""The seam the channels call: the answering core (ngvh.services.Services, tests' FakeCore) and a
runner that keeps its blocking calls off the event loop."""
from __future__ import annotations

import asyncio
import json
import os
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol

from ingest.report import IngestReport, IngestRow
from rag.models import Answer, Citation

INGEST_NICE = 10  # added to the worker's own nice 10 (capped at 19): an ingest in its own process yields the CPU to answers


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
        self._ask_pool = ThreadPoolExecutor(max(1, ask_threads), thread_name_prefix="ngvh-ask")
        self._ingest_pool = ThreadPoolExecutor(1, thread_name_prefix="ngvh-ingest")

    async def _run(self, pool: ThreadPoolExecutor, fn, *args):
        return await asyncio.get_running_loop().run_in_executor(pool, fn, *args)

    async def ask(self, question: str) -> Answer:
        return await self._run(self._ask_pool, self.core.ask, question)

    def ask_stream(self, question: str) -> AsyncIterator[dict[str, Any]]:
        return self.core.ask_stream(question)

    async def plans(self) -> list[dict]:
        return await self._run(self._ask_pool, self.core.plans)

    async def ingest(self, paths: list[Path]) -> IngestReport:
        if self.ingest_command:
            return await self._ingest_process(paths)
        return await self._run(self._ingest_pool, self.core.ingest_paths, paths)

    async def _ingest_process(self, paths: list[Path]) -> IngestReport:
        assert self.ingest_command
        proc = await asyncio.create_subprocess_exec(
            *self.ingest_command, *[str(p) for p in paths],
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, preexec_fn=lambda: os.nice(INGEST_NICE),
        )
        out, err = await proc.communicate()
        try:
            data = json.loads(out)
            return IngestReport([IngestRow(**row) for row in data["files"]])
        except (ValueError, KeyError, TypeError):
            tail = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit status {proc.returncode}"]
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
