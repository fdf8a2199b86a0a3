"""Sentence vectors at ingest: written with the chunks, reused by content hash, switched and removed with the plan."""
from __future__ import annotations

import numpy as np

from tests.vectorstore.plan_factory import CAO_BANG_V1, CAO_BANG_V2, make_plan
from vectorstore.sentences import embedded_units, split_units


def _sentence_ids(store, plan_id):
    return set(store.sentences.collection.get(where={"plan_id": plan_id})["ids"])


def test_every_quotable_sentence_gets_a_vector_near_its_own_text(store, e5):
    plan = make_plan("cb", CAO_BANG_V1)
    store.upsert_plan(plan)
    chunk = plan.chunks[3]
    vectors = store.sentence_vectors([chunk.id])
    units = embedded_units(chunk.text)
    assert [start for start, _ in vectors[chunk.id]] == [u.start for u in units]
    own = np.asarray(e5.embed_query(units[0].text))
    other = np.asarray(e5.embed_query("Kinh phí từ ngân sách tỉnh"))
    start, vector = vectors[chunk.id][0]
    assert float(vector @ own) > float(vector @ other)


def test_new_version_reuses_equal_sentences_and_drops_the_old_ones(store, e5):
    v1 = make_plan("cb", CAO_BANG_V1)
    store.upsert_plan(v1)
    before = _sentence_ids(store, "cb")
    v2 = make_plan("cb", CAO_BANG_V2)
    calls = []
    original = store.sentences.embeddings.embed_documents_np

    def counting(texts):
        calls.append(list(texts))
        return original(texts)

    store.sentences.embeddings.embed_documents_np = counting
    try:
        store.upsert_plan(v2)
    finally:
        store.sentences.embeddings.embed_documents_np = original
    embedded_sentences = [t for batch in calls for t in batch if t in {u.text for c in v2.chunks for u in split_units(c.text)}]
    old_texts = {u.text for c in v1.chunks for u in embedded_units(c.text)}
    assert not any(t in old_texts for t in embedded_sentences)  # unchanged sentences were not embedded again
    after = _sentence_ids(store, "cb")
    assert after and not (after & before)  # ids name the version: the old version's sentences are gone
    assert all(sid.startswith(f"cb:{v2.version}:") for sid in after)


def test_removing_a_plan_removes_its_sentences(store):
    store.upsert_plan(make_plan("cb", CAO_BANG_V1))
    assert _sentence_ids(store, "cb")
    store.remove_plan("cb")
    assert not _sentence_ids(store, "cb")
