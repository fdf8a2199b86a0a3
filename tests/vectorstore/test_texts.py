"""Plan texts and assignments kept per version in small pieces (real embedded Chroma)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.pipeline import load_plan
from tests.vectorstore.plan_factory import cao_bang, make_plan
from vectorstore.records import TEXT_PIECE_CHARS, join_pieces, text_pieces

PLANS = Path(__file__).resolve().parents[1] / "fixtures" / "plans"  # plans with many assignments
SQLITE_PAGE_PAYLOAD = 4000  # a record bigger than one SQLite page slows every later write to its collection


def test_text_pieces_round_trip():
    text = "Kế hoạch ngoại giao văn hóa. " * 120
    pieces = text_pieces(text, size=100)
    assert "".join(pieces) == text and all(len(p) <= 100 for p in pieces)
    assert text_pieces("") == [""]
    metas = [{"seq": i} for i in range(len(pieces))]
    assert join_pieces(list(reversed(metas)), list(reversed(pieces))) == text  # order comes from seq


def all_records(collection) -> list[tuple[str, str, dict]]:
    got = collection.get(include=["documents", "metadatas"])
    return list(zip(got["ids"], got["documents"], got["metadatas"], strict=False))


@pytest.mark.slow  # embeds many plans with the real model
def test_long_plan_text_and_assignments_stored_in_small_records(store):
    plan = load_plan(PLANS / "plan_a_lang_son.txt")
    assert len(plan.text) > 3 * TEXT_PIECE_CHARS and plan.assignments
    store.upsert_plan(plan)
    assert store.get_plan_text(plan.id) == plan.text
    assert store.get_plan(plan.id).assignments == [a.to_dict() for a in plan.assignments]
    for collection in (store.catalog.plans, store.catalog.texts):  # the invariant is about what Chroma holds
        for record_id, document, meta in all_records(collection):
            size = len((document or "").encode("utf-8")) + len(json.dumps(meta, ensure_ascii=False).encode("utf-8"))
            assert size < SQLITE_PAGE_PAYLOAD, record_id


def test_replaced_plan_keeps_only_the_new_version_and_its_fields(store):
    v1 = cao_bang(1)
    store.upsert_plan(v1)
    v2 = make_plan("kh-726-cao-bang", [("I. MỤC ĐÍCH", "Một mục đích mới của kế hoạch.")], number=None)
    assert store.upsert_plan(v2).status == "replaced"
    record = store.get_plan("kh-726-cao-bang")
    assert record.meta.number is None  # not the v1 number left behind by a metadata merge
    assert store.get_plan_text("kh-726-cao-bang") == v2.text
    versions = {meta["version"] for _, _, meta in all_records(store.catalog.texts)}
    assert versions == {v2.version}


def test_texts_of_an_unswitched_version_stay_invisible_until_collected(store, monkeypatch):

    v1, v2 = cao_bang(1), cao_bang(2)
    store.upsert_plan(v1)
    with monkeypatch.context() as patch:  # a run killed after writing the texts, before its switch
        patch.setattr(store.catalog, "switch", lambda *a: (_ for _ in ()).throw(RuntimeError("killed")))
        with pytest.raises(RuntimeError):
            store.upsert_plan(v2)
    assert store.get_plan_text(v1.id) == v1.text
    store.collect_garbage()
    assert {meta["version"] for _, _, meta in all_records(store.catalog.texts)} == {v1.version}


def test_store_written_before_the_texts_collection_is_read_then_upgraded(store):
    plan = load_plan(PLANS / "plan_d_can_tho.txt")
    assert plan.assignments
    store.upsert_plan(plan)
    # rewrite the catalog record the way older versions of ngvh stored it, and drop the pieces
    old_meta = store.catalog.plans.get(ids=[plan.id], include=["metadatas"])["metadatas"][0]
    old_meta["format"] = None  # older records had no format (None removes the key: Chroma merges metadata)
    old_meta["assignments"] = json.dumps([a.to_dict() for a in plan.assignments], ensure_ascii=False)
    store.catalog.plans.upsert(ids=[plan.id], embeddings=[[0.0]], documents=[plan.text], metadatas=[old_meta])
    store.catalog.texts.delete(where={"plan_id": plan.id})
    store.catalog.bump_generation()

    assert store.get_plan_text(plan.id) == plan.text
    assert store.get_plan(plan.id).assignments == [a.to_dict() for a in plan.assignments]

    assert store.upsert_plan(load_plan(PLANS / "plan_d_can_tho.txt")).status == "unchanged"
    [(_, document, meta)] = [r for r in all_records(store.catalog.plans) if r[0] == plan.id]
    assert document == "" and "assignments" not in meta
    assert store.get_plan_text(plan.id) == plan.text
    assert store.get_plan(plan.id).assignments == [a.to_dict() for a in plan.assignments]


@pytest.mark.slow  # embeds many plans with the real model
def test_a_group_of_plans_is_stored_in_few_writes_with_one_result_each(store, monkeypatch):

    from tests.vectorstore.plan_factory import hue

    store.upsert_plan(cao_bang(1))
    store.upsert_plan(hue())
    calls = []
    real_upsert = store.chunks.upsert
    monkeypatch.setattr(store.chunks, "upsert", lambda **kw: calls.append(len(kw["ids"])) or real_upsert(**kw))
    lang_son = load_plan(PLANS / "plan_a_lang_son.txt")
    results = store.upsert_plans([hue(), cao_bang(2), lang_son])
    assert [(r.plan_id, r.status) for r in results] == [
        ("kh-hue-2024", "unchanged"), ("kh-726-cao-bang", "replaced"), (lang_son.id, "added")
    ]
    assert len(calls) == 2 and sum(calls) == len(cao_bang(2).chunks) + len(lang_son.chunks)  # reused + fresh
    assert set(store.active_versions()) == {"kh-hue-2024", "kh-726-cao-bang", lang_son.id}
    assert store.get_plan_text(lang_son.id) == lang_son.text
    assert store.collect_garbage() == 0  # no old version left behind
    with pytest.raises(ValueError, match="twice"):
        store.upsert_plans([hue(), hue()])


def test_a_group_that_fails_before_its_switch_leaves_every_previous_version(store, e5):
    class Failing:
        name, dim = e5.name, e5.dim

        def embed_documents(self, texts):
            raise ConnectionError("embedder gone")

    store.upsert_plan(cao_bang(1))
    store.embeddings = Failing()

    with pytest.raises(ConnectionError):
        store.upsert_plans([cao_bang(2), load_plan(PLANS / "plan_d_can_tho.txt")])
    store.embeddings = e5
    assert set(store.active_versions()) == {"kh-726-cao-bang"}
    assert store.get_plan_text("kh-726-cao-bang") == cao_bang(1).text
    assert [c.text for c in store.iter_chunks("kh-726-cao-bang")] == [c.text for c in cao_bang(1).chunks]


def test_the_mention_index_is_kept_beside_the_text_and_goes_with_its_version(store):
    from ingest.pipeline import build_plan

    def plan_citing(number: str):
        return build_plan(
            "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 61/KH-UBND\n"
            "Hà Tĩnh, ngày 2 tháng 3 năm 2023\nKẾ HOẠCH\nTHÔNG TIN ĐỐI NGOẠI NĂM 2023\n"
            + "".join(f"Căn cứ Chỉ thị số {number} ngày 1/{m}/2020 của Thủ tướng Chính phủ về việc tăng cường thông "
                      f"tin đối ngoại về chủ đề số {m} trên các nền tảng số.\n" for m in range(1, 10))
            + "I. MỤC ĐÍCH\nQuảng bá hình ảnh của tỉnh.", "kh.txt")

    v1 = plan_citing("31/CT-TTg")
    assert v1.meta.mentions and len(v1.meta.about) > 3
    store.upsert_plan(v1)
    record = store.get_plan(v1.id)
    assert record.meta.mentions == v1.meta.mentions and record.meta.about == v1.meta.about
    catalog_meta = store.catalog.plans.get(ids=[v1.id], include=["metadatas"])["metadatas"][0]
    assert "mentions" not in catalog_meta  # a text part: it can outgrow one catalog record
    v2 = plan_citing("45/CT-TTg")
    store.upsert_plan(v2)
    assert [m["number"] for m in store.get_plan(v1.id).meta.mentions] == ["45/CT-TTg"]
    parts = {(meta["version"], meta["part"]) for _, _, meta in all_records(store.catalog.texts)}
    assert (v1.version, "mentions") not in parts and (v2.version, "mentions") in parts
    store.remove_plan(v1.id)
    assert not [r for r in all_records(store.catalog.texts) if r[2]["plan_id"] == v1.id]
