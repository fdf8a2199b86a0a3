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
from rag.decide.answerable import CALIBRATION_FILE, FEATURES, Evidence, load_rule, never_answer  # noqa: E402
from rag.find.scope import scope_for  # noqa: E402
from rag.understand.question import analyze, as_typed, without_request_frame  # noqa: E402


def features(services: Services, question: str):
    """The evidence the answerer weighs for a question, read the way it reads it (shorthand written out, the scope
    it names, the spelled question for the dense list); a string when a hard rule decides first."""
    answerer = services.answerer
    text = without_request_frame(as_typed(question))
    if never_answer(text):
        return "rule"
    answerer.index.refresh()
    q = analyze(text)
    scope = scope_for(q.pq, answerer.index)
    if scope.missing:
        return "unknown_scope"
    hits, _ = answerer.engine.search_with_vector(q.pq.text, answerer.k, plan_ids=scope.plan_ids, plan_boost=scope.boost,
                                                 dense_text=answerer.index.accents.restore(q.pq.text))
    if not hits:
        return "no_hits"
    ev = answerer.grounds.evidence(q.pq, hits)
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


def evaluate(x, y, sets=None, l2=1e-3):
    """Fit on all, and cross-validated rates: each labelled set held out in turn when there are several (the rule
    must carry over to texts it was not fit on), else 5 random folds. (weights, bias, fit rates, held-out rates)."""
    w, b = fit_logistic(x, y, l2)
    if sets is not None and len(set(sets)) > 1:
        folds = [np.flatnonzero(sets == name) for name in sorted(set(sets))]
    else:
        rng = np.random.default_rng(7)
        folds = np.array_split(rng.permutation(len(y)), 5)
    pred = np.zeros(len(y), dtype=bool)
    for held in folds:
        train = np.setdiff1d(np.arange(len(y)), held)
        fw, fb = fit_logistic(x[train], y[train], l2)
        pred[held] = (x[held] @ fw + fb) >= 0
    return w, b, rates(x, y, w, b), _rates_of(pred, y)


def _rates_of(pred, y):
    return (float((pred == (y == 1)).mean()), float(pred[y == 0].mean()) if (y == 0).any() else 0.0,
            float((~pred[y == 1]).mean()) if (y == 1).any() else 0.0)


def boundary_json(w, b, columns) -> dict:
    return {"weights": {FEATURES[c]: round(float(wi), 4) for c, wi in zip(columns, w, strict=False)}, "bias": round(float(b), 4)}


def describe(name, fit, cv, held_out: str) -> str:
    return (f"{name}: fit accuracy {fit[0]:.3f}; {held_out} accuracy {cv[0]:.3f}, "
            f"out-of-scope answered {cv[1]:.3f}, in-scope refused {cv[2]:.3f}")


def labelled_sets(args) -> list[tuple[str, Path, list[dict]]]:
    """(name, corpus, items) of every labelled set: the sample plans' scope questions, and each first-sight batch given
    (its corpus/ and questions.jsonl: a negative is a question the texts do not answer)."""
    items = [json.loads(line) for line in open(args.questions, encoding="utf-8") if line.strip()]
    sets = [("scope", Path(args.corpus), items)]
    for folder in map(Path, args.batch):
        rows = [json.loads(line) for line in open(folder / "questions.jsonl", encoding="utf-8") if line.strip()]
        sets.append((folder.name, folder / "corpus", [{"q": r["q"], "in_scope": not r.get("negative")} for r in rows]))
    return sets


def services_for(name: str, corpus: Path, stores: Path | None, tmp: str) -> Services:
    """A store of the set's texts: the one kept under `stores` from an earlier run, else ingested now."""
    folder = (stores / name) if stores else Path(tmp) / name
    services = Services(Settings(data_dir=folder))
    if not any(services.answerer.index.store.list_plans()):
        report = services.ingest_paths([corpus])
        assert report.ok, report.to_json()
    return services


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--questions", default=str(ROOT / "bench" / "questions" / "scope.jsonl"))
    ap.add_argument("--corpus", default=str(ROOT / "data" / "samples"))
    ap.add_argument("--batch", action="append", default=[],
                    help="a first-sight batch folder (corpus/ + questions.jsonl), repeatable: each is a set held out in turn")
    ap.add_argument("--stores", help="keep each set's store here and reuse it on the next run")
    ap.add_argument("--write", action="store_true", help=f"write {CALIBRATION_FILE.name}")
    args = ap.parse_args()

    groups: dict[str, tuple[list, list, list]] = {"accented": ([], [], []), "folded": ([], [], [])}
    ruled: dict[str, list[int]] = {}
    stores = Path(args.stores) if args.stores else None
    embedder = ""
    with tempfile.TemporaryDirectory() as tmp:
        for name, corpus, items in labelled_sets(args):
            services = services_for(name, corpus, stores, tmp)
            embedder = services.embeddings.name
            # Citizens often type without diacritics: every accented question also counts in its folded form,
            # so the folded boundary learns from the same questions.
            for item in items + [{**it, "q": fold(it["q"])} for it in items if has_diacritics(it["q"])]:
                f = features(services, item["q"])
                if isinstance(f, str):
                    ruled.setdefault(f, [0, 0])[int(bool(item["in_scope"]))] += 1
                    continue
                rows, labels, sets = groups["accented" if has_diacritics(item["q"]) else "folded"]
                rows.append(f)
                labels.append(1.0 if item["in_scope"] else 0.0)
                sets.append(name)

    held_out = "held-out-set" if args.batch else "5-fold CV"
    print(f"sets: {1 + len(args.batch)}; decided by hard rules [out, in]: {ruled}")
    out: dict = {"embedder": embedder, "lexical_only": {}}
    lines = []
    current = load_rule(embedder)
    for name, (rows, labels, sets) in groups.items():
        x, y, s = np.array(rows), np.array(labels), np.array(sets)
        w, b, fit, cv = evaluate(x, y, s)
        lexical = [i for i, f in enumerate(FEATURES) if f != "dense"]
        lw, lb, lfit, lcv = evaluate(x[:, lexical], y, s)
        out[name] = boundary_json(w, b, range(len(FEATURES)))
        out["lexical_only"][name] = boundary_json(lw, lb, lexical)
        print(f"{name} rule: found ⇔ " + " + ".join(f"{wi:.2f}·{f}" for wi, f in zip(w, FEATURES, strict=False)) + f" + {b:.2f} ≥ 0")
        lines.append(describe(f"{name} ({len(y)} questions)", fit, cv, held_out))
        print("  " + lines[-1])
        print("  " + describe("lexical-only", lfit, lcv, held_out))
        boundary = current.accented if name == "accented" else current.folded
        now = np.array([boundary.probability(Evidence(words=row[0], phrases=row[1], dense=row[2], terms=1, known=row[3])) >= 0.5 for row in x])
        print("  " + describe("the rule in use, on these questions", _rates_of(now, y), _rates_of(now, y), "its"))
    sources = ["bench/questions/scope.jsonl"] + [f"bench/questions/firstsight/{Path(b).name}.jsonl" for b in args.batch]
    out["measured"] = f"{', '.join(sources)} — " + "; ".join(lines)
    if args.write:
        CALIBRATION_FILE.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {CALIBRATION_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
