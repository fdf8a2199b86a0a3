"""Ranking functions are plain functions: fusion and priors tested without any store."""
from rag.find.fusion import apply_priors, rrf, zscore_fusion, zscores


def test_rrf_rewards_agreement():
    fused = rrf([[("a", 9), ("b", 8), ("c", 7)], [("b", 3), ("c", 2), ("a", 1)]])
    assert fused[0][0] == "b"
    assert {cid for cid, _ in fused} == {"a", "b", "c"}


def test_zscores_center_and_scale():
    z = zscores([("a", 3.0), ("b", 2.0), ("c", 1.0)])
    assert abs(sum(z.values())) < 1e-9
    assert z["a"] > z["b"] > z["c"]
    assert zscores([("a", 1.0), ("b", 1.0)]) == {"a": 0.0, "b": 0.0}


def test_zscore_fusion_keeps_a_strong_lexical_lead():
    dense = [("x", 0.82), ("y", 0.81), ("z", 0.80)]
    lexical = [("y", 30.0), ("x", 5.0), ("z", 4.0)]
    fused = zscore_fusion([dense, lexical], [1.0, 1.0])
    assert fused[0][0] == "y"


def test_missing_ids_get_the_list_floor():
    fused = dict(zscore_fusion([[("a", 1.0), ("b", 0.0)], [("c", 5.0), ("a", 1.0)]], [1.0, 1.0]))
    assert set(fused) == {"a", "b", "c"}
    assert fused["a"] > fused["b"]


def test_priors_reorder_by_plan():
    ranking = [("p1:v:0", 1.0), ("p2:v:0", 0.8)]
    boosted = apply_priors(ranking, {"p1:v:0": "p1", "p2:v:0": "p2"}, {"p2": 0.5})
    assert boosted[0][0] == "p2:v:0"
    assert apply_priors(ranking, {}, {}) == ranking


def test_dense_query_caps_long_questions_only():
    from rag.find.search import DENSE_QUERY_WORDS, dense_query

    short = "Sở Ngoại vụ phải làm gì đến năm 2025?"
    assert dense_query(short) == short  # untouched, spacing included
    long = " ".join(f"từ{i}" for i in range(DENSE_QUERY_WORDS + 15))
    capped = dense_query(long)
    assert capped.split() == long.split()[:DENSE_QUERY_WORDS]
    assert dense_query("  a   b  c ", words=2) == "a b"
