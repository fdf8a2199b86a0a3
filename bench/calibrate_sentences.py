#!/usr/bin/env python3
"""Fit the sentence scorer (rag/find/sentences.py) on labelled questions and write rag/find/sentence_weights.json.

    .venv/bin/python bench/calibrate_sentences.py [--questions bench/questions/sentences.jsonl] [--write]
    .venv/bin/python bench/calibrate_sentences.py --fit STORE:QUESTIONS ... --held STORE:QUESTIONS ... [--write]

Without --fit: ingests the sample plans into a temporary store; for every labelled question ({"q",
"answer"}: a phrase the answering sentence holds, written from data/samples only) it retrieves as the
answerer does and collects the candidate sentences with their features, positive when they hold the phrase.
With --fit / --held: stores already ingested (`ngvh ingest` into a data dir) and question files in the
score.py format ({"q", "keys": [[alt, …], …]}, negatives and chat turns skipped); a candidate's label is the
share of key groups it holds, the best-holding candidates the target. The fit is on the --fit pairs only and
top-1 is reported on the --held pairs too, which it never saw: the figure that says whether it carries over. Candidates of
one question compete, so the fit is listwise (softmax over a question's candidates, the answering ones as
the target), starting from the hand-set defaults, with an L2 pull towards them and the signs the defaults
give kept (an entity of the asked kind never counts against a sentence: a small set cannot show every
case). Reported: top-1 accuracy (share of questions whose best-scored candidate holds the answer) of
the defaults and of the fit, on the whole set and by 5-fold cross-validation over questions.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ground import vi  # noqa: E402
from ground.config import Settings  # noqa: E402
from ngvh.services import Services  # noqa: E402
from rag.find import sentences  # noqa: E402
from rag.understand.question import analyze  # noqa: E402


def collect(services: Services, items: list[dict]) -> list[tuple[np.ndarray, np.ndarray]]:
    answerer = services.answerer
    answerer.index.refresh()
    groups = []
    for item in items:
        q = analyze(item["q"])
        scope = answerer.scope_for(q.pq)
        hits = answerer.engine.search(q.pq.text, answerer.k, plan_ids=scope.plan_ids, plan_boost=scope.boost)
        favoured = frozenset(p for p, b in scope.boost.items() if b > 0)
        cands = sentences.candidates(q.pq.content or q.text, q.answer_type, hits, answerer.index.idf,
                                     answerer.plan, q.section_words, favoured=favoured)
        key = vi.collapse(item["answer"])
        x = np.array([[c.features[f] for f in sentences.FEATURES] for c in cands]) if cands else np.zeros((0, 1))
        y = np.array([key in vi.collapse(c.body) for c in cands], dtype=float)
        groups.append((x, y))
    return groups


def collect_keyed(services: Services, items: list[dict]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Candidates of one-part questions, as rag.compose.passages.choose_points ranks them, labelled by the
    share of the question's key groups each holds (the best holders are the target)."""
    from rag.find.scope import scope_for

    answerer = services.answerer
    answerer.index.refresh()
    groups = []
    for item in items:
        if item.get("negative") or item.get("conversation") or not item.get("keys"):
            continue
        q = analyze(item["q"])
        if len(q.parts) > 1:
            continue
        scope = scope_for(q.pq, answerer.index)
        q = q.read_against(scope.years, scope.provinces)
        hits, vector = answerer.engine.search_with_vector(q.pq.text, answerer.k, plan_ids=scope.plan_ids,
                                                          plan_boost=scope.boost)
        if not hits:
            continue
        dense_of = sentences.dense_lookup(
            answerer.store.sentence_vectors([h.chunk.id for h in hits[:sentences.TOP_CHUNKS]]), vector)
        favoured = frozenset(p for p, b in scope.boost.items() if b > 0)
        cands = sentences.candidates(q.pq.content or q.text, q.answer_type, hits, answerer.index.idf,
                                     answerer.plan, q.section_words, favoured=favoured, dense_of=dense_of)
        if not cands:
            continue
        keys = [[vi.collapse(k) for k in group] for group in item["keys"]]
        held = np.array([sum(any(k in vi.collapse(c.body) for k in g) for g in keys) / len(keys) for c in cands])
        x = np.array([[c.features[f] for f in sentences.FEATURES] for c in cands])
        y = (held == held.max()).astype(float) if held.max() > 0 else np.zeros(len(cands))
        groups.append((x, y))
    return groups


def _pairs_groups(pairs: list[str]) -> list[tuple[np.ndarray, np.ndarray]]:
    groups = []
    for pair in pairs:
        store, questions = pair.split(":", 1)
        items = [json.loads(line) for line in Path(questions).read_text(encoding="utf-8").splitlines() if line.strip()]
        groups += collect_keyed(Services(Settings(data_dir=Path(store))), items)
    return groups


def default_weights() -> np.ndarray:
    return np.array([sentences.DEFAULT_WEIGHTS.get(f, 0.0) for f in sentences.FEATURES] + [0.0])


def fit(groups, l2: float = 0.05, steps: int = 2000, lr: float = 0.2) -> np.ndarray:
    """Listwise softmax fit from the defaults, signs kept; returns weights (last = bias, unused in ranking)."""
    prior = default_weights()
    w = prior.copy()
    sign = np.sign(prior[:-1])
    usable = [(x, y) for x, y in groups if len(x) and y.any() and not y.all()]
    for _ in range(steps):
        grad = np.zeros(len(w) - 1)
        for x, y in usable:
            s = x @ w[:-1]
            p = np.exp(s - s.max())
            p /= p.sum()
            target = p * y
            target /= target.sum()
            grad += x.T @ (p - target)
        grad = grad / max(len(usable), 1) + l2 * (w[:-1] - prior[:-1])
        w[:-1] -= lr * grad
        w[:-1] = np.where(sign > 0, np.maximum(w[:-1], 0.0), np.where(sign < 0, np.minimum(w[:-1], 0.0), w[:-1]))
    return w


def top1(groups, w: np.ndarray) -> float:
    answerable = [g for g in groups if g[1].any()]
    right = sum(1 for x, y in answerable if y[int(np.argmax(x @ w[:-1]))] == 1)
    return right / len(answerable) if answerable else 0.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--questions", type=Path, default=ROOT / "bench" / "questions" / "sentences.jsonl")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--fit", nargs="*", default=[], metavar="STORE:QUESTIONS")
    ap.add_argument("--held", nargs="*", default=[], metavar="STORE:QUESTIONS")
    args = ap.parse_args()
    if args.fit:
        return keyed_main(args)
    items = [json.loads(line) for line in args.questions.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as data_dir:
        services = Services(Settings(data_dir=Path(data_dir)))
        services.ingest_paths([ROOT / "data" / "samples"])
        groups = collect(services, items)
    reachable = sum(1 for _, y in groups if y.any())
    default = default_weights()
    w = fit(groups)
    rng = np.random.default_rng(0)
    order = rng.permutation(len(groups))
    folds = np.array_split(order, 5)
    cv_right = []
    for fold in folds:
        train = [groups[i] for i in range(len(groups)) if i not in set(fold)]
        test = [groups[i] for i in fold]
        wf = fit(train)
        cv_right += [top1([g], wf) for g in test if g[1].any()]
    report = {
        "questions": len(items),
        "answer_in_candidates": reachable,
        "top1_default_weights": round(top1(groups, default), 3),
        "top1_fit": round(top1(groups, w), 3),
        "top1_cv5": round(float(np.mean(cv_right)), 3) if cv_right else None,
    }
    print(json.dumps(report, ensure_ascii=False))
    print("weights:", {f: round(float(v), 3) for f, v in zip(sentences.FEATURES, w, strict=False)}, "bias", round(float(w[-1]), 3))
    if args.write:
        out = {"weights": {f: round(float(v), 4) for f, v in zip(sentences.FEATURES, w, strict=False)}, "bias": round(float(w[-1]), 4),
               "measured": report}
        sentences.WEIGHTS_FILE.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {sentences.WEIGHTS_FILE}")
    return 0


def keyed_main(args) -> int:
    train, held = _pairs_groups(args.fit), _pairs_groups(args.held)
    current = np.array([sentences.load_weights()[f] for f in sentences.FEATURES] + [0.0])
    w = fit(train)
    report = {
        "questions_fit": len(train), "fit_answer_in_candidates": sum(1 for _, y in train if y.any()),
        "questions_held": len(held), "held_answer_in_candidates": sum(1 for _, y in held if y.any()),
        "top1_fit_defaults": round(top1(train, default_weights()), 3),
        "top1_fit_current": round(top1(train, current), 3), "top1_fit_new": round(top1(train, w), 3),
        "top1_held_defaults": round(top1(held, default_weights()), 3),
        "top1_held_current": round(top1(held, current), 3), "top1_held_new": round(top1(held, w), 3),
    }
    print(json.dumps(report, ensure_ascii=False))
    print("weights:", {f: round(float(v), 3) for f, v in zip(sentences.FEATURES, w, strict=False)})
    if args.write:
        out = {"weights": {f: round(float(v), 4) for f, v in zip(sentences.FEATURES, w, strict=False)},
               "bias": round(float(w[-1]), 4), "measured": report}
        sentences.WEIGHTS_FILE.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {sentences.WEIGHTS_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
