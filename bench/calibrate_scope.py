"""Fit the answer-or-refuse rule (rag/decide/answerable.py) on labelled questions and write rag/decide/scope_calibration.json.

    .venv/bin/python bench/calibrate_scope.py [--questions bench/questions/scope.jsonl] [--write]

Ingests the sample plans into a temporary store, computes for every question the evidence the
answerer sees (idf-weighted coverage of the question's syllables and syllable pairs in the best passage,
best dense cosine), fits a logistic boundary, and prints accuracy (each accented question is used twice: as written and without diacritics), the share of out-of-scope questions that
would be answered, and the share of in-scope questions that would be refused — on the fitting set
and by 5-fold cross-validation. Questions refused by hard rules (instruction leaks, creative
requests, unknown province or number) are reported separately: they never reach the rule.
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

from ground.config import Settings  # noqa: E402
from ground.vi import fold, has_diacritics  # noqa: E402
from ngvh.services import Services  # noqa: E402
from rag.decide.answerable import CALIBRATION_FILE, FEATURES, never_answer  # noqa: E402
from rag.understand.names import parse_query  # noqa: E402


def features(services: Services, question: str):
    answerer = services.answerer
    if never_answer(question):
        return "rule"
    pq = parse_query(question)
    scope = answerer.scope_for(pq)
    if scope.missing:
        return "unknown_scope"
    hits = answerer.engine.search(pq.text, answerer.k, plan_ids=scope.plan_ids, plan_boost=scope.boost)
    if not hits:
        return "no_hits"
    ev = answerer.grounds.evidence(pq, hits)
    if ev.terms == 0:
        return "no_terms"
    return np.array(ev.vector())


# Refusing a question the plans answer costs a user more than answering a borderline one with
# cited passages (they can read the quotes and judge): in-scope errors weigh this much more.
IN_SCOPE_WEIGHT = 3.0


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1e-3, steps: int = 4000, lr: float = 0.5):
    """Plain gradient descent on standardised features; returns weights on the raw features."""
    mu, sd = x.mean(0), x.std(0) + 1e-9
    z = (x - mu) / sd
    w, b = np.zeros(z.shape[1]), 0.0
    # classes balanced, then in-scope errors weighted up (IN_SCOPE_WEIGHT)
    cw = np.where(y == 1, IN_SCOPE_WEIGHT * 0.5 / max(y.mean(), 1e-9), 0.5 / max(1 - y.mean(), 1e-9))
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(z @ w + b)))
        g = (p - y) * cw
        w -= lr * (z.T @ g / len(y) + l2 * w)
        b -= lr * g.mean()
    raw_w = w / sd
    raw_b = b - (w * mu / sd).sum()
    return raw_w, raw_b


def rates(x, y, w, b):
    pred = (x @ w + b) >= 0
    acc = float((pred == (y == 1)).mean())
    answered_out = float(pred[y == 0].mean()) if (y == 0).any() else 0.0
    refused_in = float((~pred[y == 1]).mean()) if (y == 1).any() else 0.0
    return acc, answered_out, refused_in


def evaluate(x, y, l2=1e-3):
    """Fit on all, and 5-fold cross-validated rates: (weights, bias, fit rates, cv rates)."""
    w, b = fit_logistic(x, y, l2)
    rng = np.random.default_rng(7)
    folds = np.array_split(rng.permutation(len(y)), 5)
    cv = []
    for k in range(5):
        train = np.concatenate([folds[j] for j in range(5) if j != k])
        fw, fb = fit_logistic(x[train], y[train], l2)
        cv.append(rates(x[folds[k]], y[folds[k]], fw, fb))
    return w, b, rates(x, y, w, b), tuple(float(np.mean([c[i] for c in cv])) for i in range(3))


def boundary_json(w, b, columns) -> dict:
    return {"weights": {FEATURES[c]: round(float(wi), 4) for c, wi in zip(columns, w, strict=False)}, "bias": round(float(b), 4)}


def describe(name, fit, cv) -> str:
    return (f"{name}: fit accuracy {fit[0]:.3f}; 5-fold CV accuracy {cv[0]:.3f}, "
            f"out-of-scope answered {cv[1]:.3f}, in-scope refused {cv[2]:.3f}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--questions", default=str(ROOT / "bench" / "questions" / "scope.jsonl"))
    ap.add_argument("--corpus", default=str(ROOT / "data" / "samples"))
    ap.add_argument("--write", action="store_true", help=f"write {CALIBRATION_FILE.name}")
    args = ap.parse_args()

    items = [json.loads(line) for line in open(args.questions, encoding="utf-8") if line.strip()]
    # Citizens often type without diacritics: every accented question also counts in its folded form,
    # so the folded boundary learns from the same questions.
    items += [{**it, "q": fold(it["q"])} for it in items if has_diacritics(it["q"])]
    groups: dict[str, tuple[list, list]] = {"accented": ([], []), "folded": ([], [])}
    ruled: dict[str, list[int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        services = Services(Settings(data_dir=Path(tmp)))
        report = services.ingest_paths([Path(args.corpus)])
        assert report.ok, report.to_json()
        embedder = services.embeddings.name
        for item in items:
            f = features(services, item["q"])
            if isinstance(f, str):
                ruled.setdefault(f, [0, 0])[int(bool(item["in_scope"]))] += 1
                continue
            rows, labels = groups["accented" if has_diacritics(item["q"]) else "folded"]
            rows.append(f)
            labels.append(1.0 if item["in_scope"] else 0.0)

    print(f"questions: {len(items)} (accented ones also folded); decided by hard rules [out, in]: {ruled}")
    out = {"embedder": embedder, "lexical_only": {}}
    lines = []
    for name, (rows, labels) in groups.items():
        x, y = np.array(rows), np.array(labels)
        w, b, fit, cv = evaluate(x, y)
        lexical = [i for i, f in enumerate(FEATURES) if f != "dense"]
        lw, lb, lfit, lcv = evaluate(x[:, lexical], y)
        out[name] = boundary_json(w, b, range(len(FEATURES)))
        out["lexical_only"][name] = boundary_json(lw, lb, lexical)
        print(f"{name} rule: found ⇔ " + " + ".join(f"{wi:.2f}·{f}" for wi, f in zip(w, FEATURES, strict=False)) + f" + {b:.2f} ≥ 0")
        lines.append(describe(f"{name} ({len(y)} questions)", fit, cv))
        print("  " + lines[-1])
        print("  " + describe("lexical-only", lfit, lcv))
    out["measured"] = "bench/questions/scope.jsonl — " + "; ".join(lines)
    if args.write:
        CALIBRATION_FILE.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {CALIBRATION_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
