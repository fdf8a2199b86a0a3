"""Steady-state `ask` latency, in-process (ngvh.services.Services.ask), against store size.

    .venv/bin/python bench/ask.py [--sizes 100,1000,3000,10000] [--questions 200] [--json] [--no-plot]

1. The five sample plans (data/samples, ingested through Services.ingest_paths), asked the 180
   hand-written questions of bench/questions/ (heldout + scope); goal p95 <= 100 ms on 2 cores.
2. Synthetic plan-like stores of about 100, 1k, 3k and 10k chunks (bench/_common.synthetic_plan,
   small plans of ~4-5 chunks), asked generated questions of the same style (topics, provinces,
   agencies, plan numbers, some typed without diacritics).
Baselines in the same run, on the same questions: the retrieval step alone (HybridSearch.search,
k = top_k, no query parsing, scoping, evidence test or answer composition) and embedding the query
alone. Each question is asked once untimed (warm-up: answerer state, lexical index, caches), then
timed; latencies are wall-clock per call.

Stores live under NGVH_DATA_DIR (default ./data/bench-ask), one Chroma collection prefix per size.
Chunk vectors come from a bench-side cache (embed-cache.npz) shared by the sizes, so the 10k store
costs 10k embeddings once and reruns embed nothing; query embeddings are always computed live.
Writes docs/latency_vs_store_size.png (matplotlib, Agg) unless --no-plot.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402
    ROOT,
    WrappedEmbeddings,
    bench_settings,
    log,
    machine,
    percentiles,
    synthetic_plan,
    synthetic_questions,
    timed_calls,
    today,
)
from langchain_core.embeddings import Embeddings  # noqa: E402

from ingest.clean import clean_text  # noqa: E402
from ingest.pipeline import build_plan, check_plan_text  # noqa: E402
from ngvh.services import Services  # noqa: E402
from vectorstore import make_embeddings  # noqa: E402
from vectorstore.embeddings import embed_documents_np, embed_query_np  # noqa: E402

DEFAULT_DATA = Path("./data/bench-ask")
PLOT = ROOT / "docs" / "latency_vs_store_size.png"
GOAL_P95_MS = 100.0


class CachedEmbeddings(WrappedEmbeddings):
    """Document vectors from a persistent cache keyed by text hash; queries always live."""

    def __init__(self, inner: Embeddings, path: Path):
        super().__init__(inner)
        self.path = path
        self.cache: dict[str, np.ndarray] = {}
        self.new = 0
        self.computed = 0  # texts the inner embedder had to embed (not in the cache), over the run
        if path.exists():
            data = np.load(path)
            self.cache = dict(zip(data["keys"].tolist(), data["vectors"], strict=False))

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]

    def save(self) -> None:
        if not self.new:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        keys = list(self.cache)
        tmp = self.path.with_suffix(".tmp.npz")
        np.savez(tmp, keys=np.array(keys), vectors=np.stack([self.cache[k] for k in keys]))
        tmp.replace(self.path)
        self.new = 0

    def embed_documents_np(self, texts) -> np.ndarray:
        keys = [self.key(t) for t in texts]
        todo = [i for i, k in enumerate(keys) if k not in self.cache]
        if todo:
            vectors = embed_documents_np(self.inner, [texts[i] for i in todo])
            for i, v in zip(todo, vectors, strict=False):
                self.cache[keys[i]] = v
            self.new += len(todo)
            self.computed += len(todo)
            if self.new >= 256:
                self.save()
        return np.stack([self.cache[k] for k in keys]) if keys else np.empty((0, self.dim), np.float32)


def sample_questions() -> list[str]:
    out = []
    for name in ("heldout.jsonl", "scope.jsonl"):
        for line in open(ROOT / "bench" / "questions" / name, encoding="utf-8"):
            if line.strip():
                out.append(json.loads(line)["q"])
    return out


def synthetic_plans(max_chunks: int) -> list:
    plans, total, seed = [], 0, 0
    while total < max_chunks:
        name, text = synthetic_plan(seed, small=True)
        text = clean_text(text)
        check_plan_text(text, name)
        plan = build_plan(text, name)
        plans.append(plan)
        total += len(plan.chunks)
        seed += 1
    return plans


def fill_store(services: Services, plans: list, label: str, embedder: CachedEmbeddings) -> int:
    store = services.store
    t0 = time.perf_counter()
    embedded = 0
    for i in range(0, len(plans), 50):  # in groups, as `ngvh ingest` does
        embedded += sum(r.embedded for r in store.upsert_plans(plans[i : i + 50]))
        if (i + 50) % 200 == 0:
            embedder.save()
            # "chunks embedded" are chunks new to this store; "computed" are the texts (chunks and sentences)
            # the embedder really ran on: a cache built by other code (changed embed_text) misses them all
            log(f"  {label}: {i + 50}/{len(plans)} plans, {embedded} chunks embedded, "
                f"{embedder.computed} vectors computed (not in the cache), {time.perf_counter() - t0:.0f}s")
    wanted = {p.id for p in plans}
    for plan_id in set(store.active_versions()) - wanted:
        store.remove_plan(plan_id)
    embedder.save()
    return store.count_chunks()


def measure(services: Services, questions: list[str], warmup: int) -> dict:
    from rag.find.search import HybridSearch

    # the extractive Answerer's engine (an LLM wrapper, when configured, has none of its own)
    engine = getattr(services.answerer, "engine", None) or HybridSearch(services.store, services.embeddings)
    k = services.settings.top_k
    embedder = services.embeddings
    # warm-up: every question once (answerer state, lexical index, Chroma pages, lru caches)
    for q in questions[: max(warmup, 0)] or questions:
        services.ask(q)
    answers, ask_ms = timed_calls(services.ask, questions, warmup=0)
    _, search_ms = timed_calls(lambda q: engine.search(q, k=k), questions, warmup=0)
    _, embed_ms = timed_calls(lambda q: embed_query_np(embedder, q), questions, warmup=0)
    found = sum(1 for a in answers if getattr(a, "found", False))
    return {
        "ask": percentiles(ask_ms),
        "retrieval": percentiles(search_ms),
        "embed_query": percentiles(embed_ms),
        "questions": len(questions),
        "answered": found,
    }


def plot(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    x = [r["chunks"] for r in rows]
    fig, ax = plt.subplots(figsize=(7, 4.2), dpi=120)
    ax.plot(x, [r["ask"]["p50_ms"] for r in rows], "o-", color="tab:blue", label="ask p50")
    ax.plot(x, [r["ask"]["p95_ms"] for r in rows], "o--", color="tab:blue", label="ask p95")
    ax.plot(x, [r["retrieval"]["p50_ms"] for r in rows], "s-", color="tab:orange", label="retrieval alone p50")
    ax.plot(x, [r["retrieval"]["p95_ms"] for r in rows], "s--", color="tab:orange", label="retrieval alone p95")
    ax.plot(x, [r["embed_query"]["p50_ms"] for r in rows], "^:", color="tab:gray", label="query embedding p50")
    ax.axhline(GOAL_P95_MS, color="tab:red", lw=0.8, ls=":", label=f"goal p95 {GOAL_P95_MS:.0f} ms")
    ax.set_xscale("log")
    ax.set_xlabel("chunks in the store (synthetic plans)")
    ax.set_ylabel("latency per question, ms")
    ax.set_ylim(bottom=0)
    ax.grid(True, which="both", alpha=0.3)
    ax.set_title(f"ngvh ask latency vs store size — {today()}, 2 cores", fontsize=10)
    ax.legend(fontsize=8, loc="upper left")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)


def fmt(name: str, r: dict) -> str:
    return (f"{name:<22} {r['chunks']:>6} {r['ask']['p50_ms']:8.1f} {r['ask']['p95_ms']:8.1f} "
            f"{r['retrieval']['p50_ms']:8.1f} {r['retrieval']['p95_ms']:8.1f} {r['embed_query']['p50_ms']:8.1f} "
            f"{r['answered']:>4}/{r['questions']}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100,1000,3000,10000", help="target chunk counts of the synthetic stores")
    ap.add_argument("--questions", type=int, default=200, help="generated questions per synthetic store")
    ap.add_argument("--warmup", type=int, default=-1, help="untimed questions first (-1: all of them once)")
    ap.add_argument("--build-only", action="store_true", help="fill the stores, then stop")
    ap.add_argument("--no-plot", action="store_true")
    ap.add_argument("--plot", type=Path, default=PLOT)
    ap.add_argument("--json", action="store_true", help="end with one JSON line of the figures")
    args = ap.parse_args()
    warmup = 10**9 if args.warmup < 0 else args.warmup

    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    base = bench_settings(DEFAULT_DATA)
    embedder = CachedEmbeddings(make_embeddings(base.embeddings), base.data_dir / "embed-cache.npz")
    log(f"stores under {base.data_dir}; {len(embedder.cache)} cached vectors (chunk and sentence texts)")

    samples = Services(bench_settings(DEFAULT_DATA, collection_prefix="samples"), embedder)
    report = samples.ingest_paths([ROOT / "data" / "samples"])
    if not report.ok:
        raise SystemExit(f"sample ingest failed: {report.to_json()}")
    plans = synthetic_plans(max(sizes))
    stores = []
    for size in sizes:
        prefix, total, n = f"synth{size}", 0, 0
        while total < size and n < len(plans):
            total += len(plans[n].chunks)
            n += 1
        services = Services(bench_settings(DEFAULT_DATA, collection_prefix=prefix), embedder)
        chunks = fill_store(services, plans[:n], prefix, embedder)
        log(f"  {prefix}: {n} plans, {chunks} chunks")
        stores.append((size, n, services))
    if args.build_only:
        return 0

    rows = []
    r = measure(samples, sample_questions(), warmup)
    r.update({"name": "samples (5 plans)", "chunks": samples.store.count_chunks()})
    sample_row = r
    for size, n, services in stores:
        r = measure(services, synthetic_questions(size, args.questions), warmup)
        r.update({"name": f"synthetic {n} plans", "chunks": services.store.count_chunks()})
        rows.append(r)
        log(f"  measured {r['name']}: ask p95 {r['ask']['p95_ms']:.1f} ms")

    print(f"ask latency, in-process, steady state — {today()}, {machine()}")
    print(f"{'store':<22} {'chunks':>6} {'ask p50':>8} {'ask p95':>8} {'ret p50':>8} {'ret p95':>8} {'emb p50':>8} answered")
    print(fmt(sample_row["name"], sample_row))
    for r in rows:
        print(fmt(r["name"], r))
    print("ret = retrieval step alone (HybridSearch.search, k=top_k): the baseline; emb = query embedding alone")
    ok = sample_row["ask"]["p95_ms"] <= GOAL_P95_MS
    print(f"goal (samples ask p95 <= {GOAL_P95_MS:.0f} ms): {'met' if ok else 'NOT met'}; "
          f"ask overhead over retrieval at p50: samples {sample_row['ask']['p50_ms'] - sample_row['retrieval']['p50_ms']:+.1f} ms, "
          f"largest store {rows[-1]['ask']['p50_ms'] - rows[-1]['retrieval']['p50_ms']:+.1f} ms" if rows else "")
    if not args.no_plot and rows:
        plot(rows, args.plot)
        print(f"plot: {args.plot.relative_to(ROOT) if args.plot.is_relative_to(ROOT) else args.plot}")
    if args.json:
        def compact(r):
            return {"chunks": r["chunks"], "p50_ms": round(r["ask"]["p50_ms"], 2), "p95_ms": round(r["ask"]["p95_ms"], 2),
                    "retrieval_p50_ms": round(r["retrieval"]["p50_ms"], 2),
                    "retrieval_p95_ms": round(r["retrieval"]["p95_ms"], 2)}
        print(json.dumps({"samples": compact(sample_row), "synthetic": [compact(r) for r in rows]}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
