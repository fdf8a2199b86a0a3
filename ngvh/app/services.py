"""The composition root: builds the store, embedder and answerer from Settings, once per process.

Channels (bot/), the CLI and benchmarks go through `Services`; they never build parts themselves.
"""
from __future__ import annotations

import threading
from pathlib import Path

from langchain_core.embeddings import Embeddings

from ingest.report import IngestReport, IngestRow
from ngvh.config import Settings


class Services:
    """Everything a channel needs: ask, the catalog, ingest and removal, health."""

    def __init__(self, settings: Settings, embeddings: Embeddings | None = None):
        """`embeddings`: an embedder already built (benchmarks wrap one in a cache); else from settings."""
        self.settings = settings
        self._lock = threading.RLock()
        self._store = None
        self._embeddings = embeddings
        self._answerer = None
        self._question_log = None
        self._chunk_index: dict[str, tuple[str, dict[str, str]]] = {}  # plan id → (version, text → chunk id)

    # -- parts, built on first use ---------------------------------------------------------
    @property
    def embeddings(self):
        with self._lock:
            if self._embeddings is None:
                from vectorstore import make_embeddings

                self._embeddings = make_embeddings(self.settings.embeddings)
            return self._embeddings

    @property
    def store(self):
        with self._lock:
            if self._store is None:
                self._store = self._open_store()
            return self._store

    def _open_store(self, check_embedder: bool = True):
        from vectorstore import PlanStore, open_client

        return PlanStore(
            open_client(self.settings),
            self.embeddings,
            prefix=self.settings.collection_prefix,
            lexical_dir=self.settings.lexical_path,
            check_embedder=check_embedder,
        )

    @property
    def answerer(self):
        with self._lock:
            if self._answerer is None:
                from rag import Answerer

                self._answerer = Answerer(self.store, self.embeddings, self.settings)
                if self.settings.llm_enabled:  # generated answers; the extractive one stays the safety net
                    from rag.llm import LLMAnswerer

                    self._answerer = LLMAnswerer(self._answerer, self.settings)
            return self._answerer

    # -- operations ------------------------------------------------------------------------
    def ask(self, question: str):
        """Answer one question (rag.models.Answer). CPU-bound: async callers use a thread."""
        return self.answerer.ask(question)

    @property
    def question_log(self):
        """The question log (bot.questionlog.QuestionLog): SQLite under data_dir, or NGVH_DATABASE_URL."""
        with self._lock:
            if self._question_log is None:
                from bot.questionlog import QuestionLog

                self._question_log = QuestionLog.from_settings(self.settings)
            return self._question_log

    def locate_chunk(self, citation) -> str | None:
        """The id (plan:version:seq) of the stored chunk a citation quotes, for the question log."""
        version = self.store.active_versions().get(citation.plan_id)
        if version is None:
            return None
        with self._lock:
            known = self._chunk_index.get(citation.plan_id)
            if known is None or known[0] != version:
                known = (version, {c.text: c.id for c in self.store.iter_chunks(citation.plan_id)})
                self._chunk_index[citation.plan_id] = known
        return known[1].get(citation.full_quote)

    def plans(self) -> list[dict]:
        from ngvh.app.catalog import plan_rows

        return plan_rows(self.store.list_plans())

    def ingest_paths(self, paths: list[Path], on_event=None) -> IngestReport:
        from ngvh.app.ingesting import ingest_paths

        return ingest_paths(self, paths, on_event=on_event)

    def reindex(self) -> IngestReport:
        """Rebuild every chunk with the configured embedder, even if the store was built with another."""
        from ngvh.app.ingesting import reindex_all

        with self._lock:
            store = self._open_store(check_embedder=False)
            report = reindex_all(store, self.embeddings)
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
