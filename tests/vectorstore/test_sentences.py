"""Sentence vectors at ingest: written with the chunks, reused by content hash, switched and removed with the plan."""
from __future__ import annotations

import numpy as np

from tests.vectorstore.plan_factory import make_plan
from vectorstore.sentences import embedded_units, split_units

# chunks of two or three sentences each (a one-sentence chunk needs no vector of its own)
TWO_SENTENCES = [
    ("I. MỤC ĐÍCH", "Quảng bá hình ảnh con người Cao Bằng tới bạn bè quốc tế. Nâng cao nhận thức của cán bộ về "
                   "vai trò của ngoại giao văn hóa."),
    ("II. NHIỆM VỤ", "Tổ chức Lễ hội Thác Bản Giốc hằng năm vào mùa thu. Đề nghị công nhận Công viên địa chất toàn "
                    "cầu là di sản bền vững. Sở Ngoại vụ chủ trì, phối hợp với các sở, ngành liên quan."),
    ("III. TỔ CHỨC THỰC HIỆN", "Kinh phí thực hiện được bố trí từ ngân sách tỉnh."),
]
CHANGED = [
    TWO_SENTENCES[0],
    ("II. NHIỆM VỤ", "Tổ chức Lễ hội Thác Bản Giốc hằng năm vào mùa thu. Xây dựng phim tài liệu giới thiệu danh "
                    "thắng bằng nhiều thứ tiếng. Sở Ngoại vụ chủ trì, phối hợp với các sở, ngành liên quan."),
    TWO_SENTENCES[2],
]


def _sentence_ids(store, plan_id):
    return set(store.sentences.collection.get(where={"plan_id": plan_id})["ids"])


def test_every_quotable_sentence_gets_a_vector_near_its_own_text(store, e5):
    plan = make_plan("cb", TWO_SENTENCES)
    store.upsert_plan(plan)
    chunk = plan.chunks[1]
    vectors = store.sentence_vectors([chunk.id, plan.chunks[2].id])
    assert plan.chunks[2].id not in vectors  # one sentence: the chunk's own vector stands for it
    units = embedded_units(chunk.text)
    assert [start for start, _ in vectors[chunk.id]] == [u.start for u in units]
    own = np.asarray(e5.embed_query(units[0].text))
    other = np.asarray(e5.embed_query("Sở Ngoại vụ chủ trì phối hợp"))
    start, vector = vectors[chunk.id][0]
    assert float(vector @ own) > float(vector @ other)


def test_new_version_reuses_equal_sentences_and_drops_the_old_ones(store, e5):
    v1 = make_plan("cb", TWO_SENTENCES)
    store.upsert_plan(v1)
    before = _sentence_ids(store, "cb")
    v2 = make_plan("cb", CHANGED)
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
    assert embedded_sentences and not any(t in old_texts for t in embedded_sentences)  # only new sentences embedded
    after = _sentence_ids(store, "cb")
    assert after and not (after & before)  # ids name the version: the old version's sentences are gone
    assert all(sid.startswith(f"cb:{v2.version}:") for sid in after)


def test_removing_a_plan_removes_its_sentences(store):
    store.upsert_plan(make_plan("cb", TWO_SENTENCES))
    assert _sentence_ids(store, "cb")
    store.remove_plan("cb")
    assert not _sentence_ids(store, "cb")


def test_a_stop_after_an_abbreviation_does_not_end_the_sentence():
    from ingest.dates import sentence_around
    from ingest.duty_text import clauses

    text = ("Sở Công Thương chủ trì tổ chức hội chợ tại TP. Hồ Chí Minh trong quý III. "
            "Sở Ngoại vụ phối hợp với ThS. Lê Văn Bình biên soạn tài liệu.")
    assert [u.text for u in split_units(text)] == [
        "Sở Công Thương chủ trì tổ chức hội chợ tại TP. Hồ Chí Minh trong quý III.",
        "Sở Ngoại vụ phối hợp với ThS. Lê Văn Bình biên soạn tài liệu."]
    assert [text[a:b] for a, b in clauses(text, 0, len(text))] == [
        "Sở Công Thương chủ trì tổ chức hội chợ tại TP. Hồ Chí Minh trong quý III",
        "Sở Ngoại vụ phối hợp với ThS. Lê Văn Bình biên soạn tài liệu"]
    assert sentence_around(text, text.index("Hồ Chí"))[1].startswith("Sở Công Thương")
