"""Vietnamese BM25: tokenization, diacritic-free queries, phrase (bigram) matching, persistence."""
from __future__ import annotations

import random

import pytest

from tests.vectorstore.plan_factory import cao_bang, hue
from vectorstore import LexicalIndex, LexicalParams, PlanStore, open_client
from vectorstore.lexical import query_tokens, tokenize

DOCS = {
    "cb": "Kế hoạch thực hiện công tác ngoại giao văn hóa của tỉnh Cao Bằng năm 2024",
    "bg": "Kế toán trưởng tỉnh Bắc Giang lập dự toán ngân sách",
    "hue": "Festival Huế quảng bá di sản văn hóa Cố đô",
    "nc": "Nâng cao năng lực cán bộ làm công tác đối ngoại",
}


def build(docs: dict[str, str], **params) -> LexicalIndex:
    return LexicalIndex.build(list(docs), list(docs.values()), LexicalParams(**params))


def test_tokenize_syllables_bigrams_and_folded():
    tokens = tokenize("Kế hoạch, Cao Bằng")
    for t in ("kế", "hoạch", "kế_hoạch", "cao_bằng", "~ke", "~ke_hoach", "~cao_bang"):
        assert t in tokens
    assert "hoạch_cao" not in tokens and "~hoach_cao" not in tokens  # no bigram across the comma
    assert "sở_ngoại" not in tokenize("Sở\nNgoại vụ")  # nor across a line break
    assert "726_kh" in tokenize("Số 726/KH-UBND")  # but document numbers stay one phrase


def test_query_tokens_follow_diacritics():
    plain = query_tokens("ke hoach cao bang")
    assert plain and all(t.startswith("~") for t in plain) and "~cao_bang" in plain
    accented = query_tokens("Kế hoạch Cao Bằng")
    assert {"kế_hoạch", "cao_bằng", "~cao_bang"} <= set(accented)
    assert "của" not in query_tokens("kế hoạch của tỉnh", drop_function_syllables=True)
    assert "kế_hoạch" in query_tokens("kế hoạch của tỉnh", drop_function_syllables=True)


def test_query_without_diacritics_finds_accented_text():
    index = build(DOCS)
    hits = index.search("ke hoach cao bang", 3)
    assert hits[0][0] == "cb"
    assert hits[0][1] > 2 * hits[1][1]


def test_accented_query_prefers_exact_accents():
    index = build({"exact": "tỉnh Cao Bằng", "other": "tỉnh cao băng", "x": "một văn bản khác hẳn"})
    accented = dict(index.search("Cao Bằng", 3))
    assert accented["exact"] > accented["other"] > 0  # folded terms still match, down-weighted
    folded = dict(index.search("cao bang", 3))
    assert folded["exact"] == pytest.approx(folded["other"])


def test_bigrams_rank_phrase_matches_higher():
    # same syllables, same length: only their order differs
    docs = {"phrase": "phát triển du lịch Cao Bằng bền vững", "apart": "phát triển bằng du lịch cao bền vững"}
    with_bigrams = dict(build(docs).search("Cao Bằng", 2))
    assert with_bigrams["phrase"] > with_bigrams["apart"]
    without = dict(build(docs, bigram_weight=0.0).search("Cao Bằng", 2))
    assert without["phrase"] == pytest.approx(without["apart"])


def test_allowed_ids_and_k():
    index = build(DOCS)
    assert [i for i, _ in index.search("văn hóa", 5, allowed_ids={"hue", "nc"})] == ["hue"]
    assert index.search("văn hóa", 5, allowed_ids=set()) == []
    assert len(index.search("tỉnh", 1)) == 1
    assert index.search("xyzzy", 5) == []
    assert LexicalIndex.build([], []).search("văn hóa", 5) == []


def test_save_load_round_trip(tmp_path):
    index = build(DOCS, k1=0.9, b=0.4)
    index.save(tmp_path / "idx")
    loaded = LexicalIndex.load(tmp_path / "idx")
    assert loaded.ids == index.ids and loaded.params == index.params
    for query in ("ke hoach cao bang", "Văn hóa", "Festival Huế"):
        assert loaded.search(query, 4) == index.search(query, 4)
    tuned = LexicalIndex.load(tmp_path / "idx", LexicalParams(k1=0.9, b=0.4, folded_weight=1.0))
    assert tuned.params.folded_weight == 1.0  # query-side weights can change without rebuilding
    with pytest.raises(ValueError, match="k1"):
        LexicalIndex.load(tmp_path / "idx", LexicalParams(k1=1.5))


@pytest.mark.slow
def test_search_on_10k_chunks_ranks_filters_and_folds():
    # latency on 10,000 chunks is measured in bench/ask.py, against a baseline in the same run
    rng = random.Random(7)
    words = (
        "kế hoạch ngoại giao văn hóa tỉnh cao bằng thừa thiên huế giai đoạn năm mục tiêu nhiệm vụ giải pháp "
        "tổ chức thực hiện quảng bá hình ảnh đất nước con người việt nam hợp tác quốc tế di sản lễ hội du lịch "
        "và của các những là có cho được trong với để theo về ủy ban nhân dân sở ngoại vụ bộ đại sứ quán "
        "festival nghệ thuật truyền thống biên giới hữu nghị kinh phí ngân sách xã hội hóa"
    ).split()
    texts = [". ".join(" ".join(rng.choices(words, k=12)) for _ in range(15)) for _ in range(10_000)]
    index = LexicalIndex.build([f"p{i // 40}:v:{i % 40:04d}" for i in range(10_000)], texts)
    queries = ["kế hoạch ngoại giao văn hóa tỉnh Cao Bằng", "ke hoach cao bang", "nhiệm vụ và giải pháp",
               "di san le hoi du lich thua thien hue", "kinh phí"]
    for q in queries:
        hits = index.search(q, 50)
        assert 0 < len(hits) <= 50
        assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)
    # the accented and folded forms of one query find the same best chunks
    accented = [cid for cid, _ in index.search("di sản lễ hội du lịch thừa thiên huế", 10)]
    folded = [cid for cid, _ in index.search("di san le hoi du lich thua thien hue", 10)]
    assert len(set(accented) & set(folded)) >= 5
    # a filter keeps only the allowed chunks, however many match
    allowed = {f"p100:v:{i:04d}" for i in range(40)}
    filtered = index.search("kế hoạch ngoại giao", 50, allowed_ids=allowed)
    assert filtered and {cid for cid, _ in filtered} <= allowed


def test_store_index_follows_changes_from_another_instance(settings, e5):
    client = open_client(settings)
    store = PlanStore(client, e5, prefix="t", lexical_dir=settings.lexical_path)
    store.upsert_plan(cao_bang(1))
    first = store.lexical()
    assert first.search("ke hoach cao bang", 1)[0][0].startswith("kh-726-cao-bang:")
    assert first.loaded_from is None  # built from Chroma
    assert store.lexical() is first  # unchanged store: cached, not rebuilt
    root = settings.lexical_path / "t"
    assert len(list(root.iterdir())) == 1  # persisted under its fingerprint

    other = PlanStore(open_client(settings), e5, prefix="t", lexical_dir=settings.lexical_path)
    other.upsert_plan(hue())
    other.upsert_plan(cao_bang(2))
    rebuilt = store.lexical()
    assert rebuilt is not first
    assert set(rebuilt.ids) == {c.id for c in cao_bang(2).chunks} | {c.id for c in hue().chunks}
    assert store.lexical_search("festival hue", 1)[0][0].plan_id == "kh-hue-2024"
    # title + section are indexed with the text: a word only in the section heading finds the chunk
    assert store.lexical_search("to chuc thuc hien", 2)[0][0].section == "III. TỔ CHỨC THỰC HIỆN"
    assert store.lexical_search("festival", 5, plan_ids=["kh-726-cao-bang"]) == []

    (saved,) = list(root.iterdir())  # the old fingerprint's directory was cleaned up
    third = PlanStore(client, e5, prefix="t", lexical_dir=settings.lexical_path)
    loaded = third.lexical()
    assert loaded.loaded_from == saved and loaded.ids == rebuilt.ids  # a new process loads, not rebuilds
    assert loaded.search("ke hoach cao bang", 3) == rebuilt.search("ke hoach cao bang", 3)
