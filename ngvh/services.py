"""The composition root: builds the store, embedder and answerer from Settings, once per process.

Channels (bot/), the CLI and benchmarks go through `Services`; they never build parts themselves.
"""
from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncGenerator, AsyncIterator, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ground.config import Settings
from ingest.report import IngestReport

if TYPE_CHECKING:  # the parts are imported when first built: a CLI command loads only what it uses
    from bot.questionlog import QuestionLog
    from ngvh.corrections import Corrections
    from ngvh.ocr_cache import OcrCacheDir
    from rag.models import Answer, Citation
    from rag.ports import AnswererPort
    from vectorstore import PlanStore
    from vectorstore.embeddings import NumpyEmbeddings


class Services:
    """Everything a channel needs: ask, the catalog, ingest and removal, health.

    It is bot.core.AnsweringCore (structurally: bot is imported only when a command serves); mypy checks that
    where the CLI hands it to bot's CoreRunner and run_worker."""

    def __init__(self, settings: Settings, embeddings: NumpyEmbeddings | None = None):
        """`embeddings`: an embedder already built (benchmarks wrap one in a cache); else from settings."""
        self.settings = settings
        self._lock = threading.RLock()
        self._store: PlanStore | None = None
        self._embeddings = embeddings
        self._answerer: AnswererPort | None = None
        self._question_log: QuestionLog | None = None
        self._chunk_index: dict[str, tuple[str, list[tuple[str, str | None, str]]]] = {}  # plan id → (version, chunks)

    # -- parts, built on first use ---------------------------------------------------------
    @property
    def embeddings(self) -> NumpyEmbeddings:
        with self._lock:
            if self._embeddings is None:
                from vectorstore import make_embeddings

                self._embeddings = make_embeddings(self.settings.embeddings)
            return self._embeddings

    @property
    def store(self) -> PlanStore:
        with self._lock:
            if self._store is None:
                self._store = self._open_store()
            return self._store

    def _open_store(self, check_embedder: bool = True) -> PlanStore:
        from ngvh.chroma_server import running_server_url
        from vectorstore import PlanStore, open_client

        settings = self.settings
        if server := running_server_url(settings):  # `ngvh serve` runs one: never open the folder beside it
            settings = settings.model_copy(update={"chroma_url": server})
        return PlanStore(
            open_client(settings),
            self.embeddings,
            prefix=self.settings.collection_prefix,
            lexical_dir=self.settings.lexical_path,
            check_embedder=check_embedder,
        )

    @property
    def answerer(self) -> AnswererPort:
        with self._lock:
            if self._answerer is None:
                from rag import Answerer

                extractive = Answerer(self.store, self.embeddings, self.settings)
                self._answerer = extractive
                if self.settings.llm_enabled:  # generated answers; the extractive one stays the safety net
                    from rag.llm.answerer import LLMAnswerer

                    self._answerer = LLMAnswerer(extractive, self.settings)
            return self._answerer

    # -- operations ------------------------------------------------------------------------
    def ask(self, question: str) -> Answer:
        """Answer one question (rag.models.Answer). CPU-bound: async callers use a thread."""
        return self.answerer.ask(question)

    async def ask_stream(self, question: str) -> AsyncIterator[dict[str, Any]]:
        """bot.core.AnsweringCore.ask_stream: retrieval on a thread, then the model's reply as it is written
        (with no lock held: the store switches versions in one step). Extractive mode: the final only."""
        answerer = await asyncio.to_thread(lambda: self.answerer)
        if not self.settings.llm_enabled:
            answer = await asyncio.to_thread(answerer.ask, question)
            yield {"type": "final", "answer": answer.to_json()}
            return
        prepared = await asyncio.to_thread(answerer.prepare, question)
        events = answerer.astream_prepared(prepared)
        try:
            async for event in events:
                yield event
        finally:  # a client that leaves mid-answer closes the model's HTTP stream too
            if isinstance(events, AsyncGenerator):  # what every answerer's astream_prepared returns
                await events.aclose()

    @property
    def question_log(self) -> QuestionLog:
        """The question log (bot.questionlog.QuestionLog): SQLite under data_dir, or NGVH_DATABASE_URL."""
        with self._lock:
            if self._question_log is None:
                from bot.questionlog import QuestionLog

                self._question_log = QuestionLog.from_settings(self.settings)
            return self._question_log

    def locate_chunk(self, citation: Citation) -> str | None:
        """The id (plan:version:seq) of the stored chunk a citation quotes, for the question log."""
        version = self.store.active_versions().get(citation.plan_id)
        if version is None:
            return None
        with self._lock:
            known = self._chunk_index.get(citation.plan_id)
            if known is None or known[0] != version:
                chunks = sorted(self.store.iter_chunks(citation.plan_id), key=lambda c: c.seq)
                known = (version, [(c.text, c.section, c.id) for c in chunks])
                self._chunk_index[citation.plan_id] = known
        quote = citation.full_quote or citation.quote
        for test in (lambda text: text == quote,  # the passage is one chunk
                     lambda text: text in quote or quote in text):  # a window over chunks, or part of one
            found = next((cid for text, _, cid in known[1] if test(text)), None)
            if found:
                return found
        return next((cid for _, section, cid in known[1] if section and section == citation.section), None)

    @property
    def ocr_cache(self) -> OcrCacheDir:
        """OCR results of scanned files already read (ingest.ocr.OcrCache), under data_dir/ocr-cache."""
        from ngvh.ocr_cache import OcrCacheDir

        return OcrCacheDir(self.settings.ocr_cache_path)

    @property
    def corrections(self) -> Corrections:
        from ngvh.corrections import Corrections

        return Corrections(self.settings.state_path / "corrections.json")

    def correct_plan(self, plan_id: str, fields: dict) -> dict | None:
        """Fix a wrongly read number, date, signer or province of a stored plan, now and at every re-ingest.

        Returns the plan's catalog row, or None for an unknown plan; CorrectionError for a bad value."""
        from dataclasses import replace

        from ingest.pipeline import build_plan
        from ngvh.catalog import plan_row

        record = self.store.get_plan(plan_id)
        if record is None:
            return None
        corrections = self.corrections
        corrections.set(record.source, plan_id, fields)
        plan = build_plan(self.store.get_plan_text(plan_id) or "", record.source, meta=replace(record.meta))
        corrections.apply(plan)
        self.store.upsert_plan(plan)
        return plan_row(self.store.get_plan(plan_id))

    def plan_page(self, plan_id: str) -> dict | None:
        """One plan and its passages in order, for its permalink page (bot.pages)."""
        from bot.pages import plan_page_data

        record = self.store.get_plan(plan_id)
        if record is None:
            return None
        return plan_page_data(record, list(self.store.iter_chunks(plan_id)))

    def tasks(self, agency: str | None = None, province: str | None = None) -> list[dict]:
        """bot.core.AnsweringCore.tasks: the `ngvh tasks --json` rows of every stored plan."""
        from ngvh.task_rows import task_rows

        return task_rows(self.store.list_plans(), agency, None, province)

    def plans(self) -> list[dict]:
        from ngvh.catalog import plan_rows

        return plan_rows(self.store.list_plans())

    def ingest_paths(self, paths: list[Path], on_event: Callable[..., None] | None = None) -> IngestReport:
        from ngvh.ingesting import ingest_paths

        return ingest_paths(self, paths, on_event=on_event)

    def reindex(self) -> IngestReport:
        """Rebuild every chunk with the configured embedder, even if the store was built with another."""
        from ngvh.ingesting import reindex_all

        with self._lock:
            store = self._open_store(check_embedder=False)
            report = reindex_all(store, self.embeddings, self.corrections)
            self._store, self._answerer = store, None
        return report

    def remove(self, plan_id: str) -> bool:
        return self.store.remove_plan(plan_id)

    def health(self) -> dict:
        store = self.store
        return {
            "store": "ok",
            "chroma": self.settings.chroma_url or "embedded",
            "embedder": self.embeddings.name,
            "plans": len(store.active_versions()),
            "chunks": store.count_chunks(),
        }
