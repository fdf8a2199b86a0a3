#!/usr/bin/env python3
"""Answer quality of both modes, extractive and generated (llm), scored by ../shared/eval/score.py.

score.py ingests the corpus into a fresh data directory and pipes every question through `ngvh ask --jsonl`;
this script runs it twice, once with the NGVH_LLM_* variables removed (the extractive answer) and once
pointing them at the model server, then prints both summary lines (hit@1, keys, negatives_refused, …).
In the llm run a model failure falls back to the extractive answer; the fallbacks and their reasons are
logged on stderr by the "ngvh.llm" logger (use -v to see score.py's per-question verdicts).

Local Ollama (from the project's root):
    ollama serve &                       # listens on 127.0.0.1:11434
    ollama pull qwen2.5:7b-instruct
    .venv/bin/python bench/answer_quality.py --base-url http://127.0.0.1:11434/v1 --model qwen2.5:7b-instruct

Local vLLM:
    vllm serve Qwen/Qwen2.5-7B-Instruct --port 8001 &
    .venv/bin/python bench/answer_quality.py --base-url http://127.0.0.1:8001/v1 --model Qwen/Qwen2.5-7B-Instruct

A hosted OpenAI-compatible API: add --api-key (or set NGVH_LLM_API_KEY). Without --questions it scores the
three development sets in one run (dev, real-dev with its corpus, dev-conversations) and prints one table
row per set and mode; the llm rows only when a model server is given. Other options: --questions (one
set), --corpus, --timeout (seconds per answer, NGVH_LLM_TIMEOUT), --only extractive|llm.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
LLM_VARS = ("NGVH_LLM_BASE_URL", "NGVH_LLM_MODEL", "NGVH_LLM_API_KEY", "NGVH_LLM_TIMEOUT",
            "NGVH_LLM_MAX_TOKENS", "NGVH_LLM_TEMPERATURE")


def mode_env(base_url: str | None = None, model: str | None = None, api_key: str | None = None,
             timeout: float | None = None) -> dict[str, str]:
    """The environment of one run: no NGVH_LLM_* at all for extractive, the server's for llm."""
    env = {k: v for k, v in os.environ.items() if k not in LLM_VARS}
    if base_url:
        env.update(NGVH_LLM_BASE_URL=base_url, NGVH_LLM_MODEL=model or "")
        if api_key:
            env["NGVH_LLM_API_KEY"] = api_key
        if timeout:
            env["NGVH_LLM_TIMEOUT"] = str(timeout)
    return env


def server_answers(base_url: str, api_key: str | None) -> str | None:
    """None when GET <base>/models answers; else why not (a dead server would score as extractive)."""
    import httpx

    try:
        response = httpx.get(base_url.rstrip("/") + "/models", timeout=10,
                             headers={"Authorization": f"Bearer {api_key or 'not-needed'}"})
    except httpx.HTTPError as err:
        return f"{type(err).__name__}: {err}"
    return None if response.status_code < 400 else f"HTTP {response.status_code}"


def score(env: dict[str, str], args) -> dict | None:
    cmd = [sys.executable, str(args.score), str(args.questions), "--cmd", args.cmd, "--timeout", str(args.run_timeout)]
    if args.corpus:
        cmd += ["--corpus", *map(str, args.corpus)]
    if args.verbose:
        cmd.append("-v")
    run = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True)
    lines = run.stdout.strip().splitlines()
    if args.verbose or run.returncode:
        print("\n".join(lines[:-1]), run.stderr[-3000:] if run.returncode else "", sep="\n", file=sys.stderr)
    try:
        return json.loads(lines[-1]) if run.returncode == 0 and lines else None
    except json.JSONDecodeError:
        return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base-url", default=os.environ.get("NGVH_LLM_BASE_URL"))
    ap.add_argument("--model", default=os.environ.get("NGVH_LLM_MODEL"))
    ap.add_argument("--api-key", default=os.environ.get("NGVH_LLM_API_KEY"))
    ap.add_argument("--timeout", type=float, default=None, help="seconds per model answer (NGVH_LLM_TIMEOUT)")
    ap.add_argument("--questions", type=Path, default=None)
    ap.add_argument("--corpus", type=Path, nargs="+", default=None)
    ap.add_argument("--score", type=Path, default=SHARED / "eval" / "score.py")
    ap.add_argument("--cmd", default=f"{sys.executable} -m ngvh")
    ap.add_argument("--run-timeout", type=float, default=3600, help="seconds for each whole score.py step")
    ap.add_argument("--only", choices=("extractive", "llm"))
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args()

    modes = [args.only] if args.only else (["extractive", "llm"] if args.base_url else ["extractive"])
    if "llm" in modes:
        if not (args.base_url and args.model):
            ap.error("the llm run needs --base-url and --model (or NGVH_LLM_BASE_URL / NGVH_LLM_MODEL)")
        problem = server_answers(args.base_url, args.api_key)
        if problem:
            print(f"FAIL: model server {args.base_url} does not answer: {problem}", file=sys.stderr)
            return 1
    sets = [(args.questions, args.corpus)] if args.questions else DEV_SETS
    print("| set | mode | hit@1 | keys | negatives refused | section | median chars |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    ok = True
    for questions, corpus in sets:
        run = argparse.Namespace(**{**vars(args), "questions": questions, "corpus": corpus})
        for mode in modes:
            env = mode_env() if mode == "extractive" else mode_env(args.base_url, args.model, args.api_key, args.timeout)
            result = score(env, run)
            ok = ok and bool(result)
            label = mode if mode == "extractive" else f"llm ({args.model})"
            cells = [str((result or {}).get(k, "FAILED")) for k in
                     ("hit@1", "keys", "negatives_refused", "section", "answer_chars_median")]
            print(f"| {Path(questions).stem if Path(questions).stem != 'questions' else Path(questions).parent.name} "
                  f"| {label} | {' | '.join(cells)} |", flush=True)
    return 0 if ok else 1


DEV_SETS = [
    (SHARED / "eval" / "dev.jsonl", None),
    (SHARED / "eval" / "real-dev" / "questions.jsonl", [SHARED / "seeds", SHARED / "eval" / "real-dev" / "corpus"]),
    (SHARED / "eval" / "dev-conversations.jsonl", None),
]


if __name__ == "__main__":
    sys.exit(main())
