"""Supervisor: worker children get their share of the cores for the embedder's threads."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from bot.supervisor import Supervisor


def _child_threads(tmp_path: Path, count: int, env: dict | None = None) -> list[str]:
    out = tmp_path / "threads"
    out.mkdir()
    script = f"import os, pathlib; pathlib.Path({str(out)!r}, str(os.getpid())).write_text(os.environ.get('OMP_NUM_THREADS', '')); import time; time.sleep(30)"
    supervisor = Supervisor([sys.executable, "-c", script], count, env=env)
    supervisor.start()
    try:
        deadline = time.monotonic() + 20
        while len(list(out.iterdir())) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.1)
        return sorted(p.read_text() for p in out.iterdir())
    finally:
        supervisor.stop(2.0)


def test_each_worker_gets_its_share_of_the_cores(tmp_path, monkeypatch):
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    assert _child_threads(tmp_path, 2) == ["4", "4"]


def test_more_workers_than_cores_get_one_thread_each(tmp_path, monkeypatch):
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert _child_threads(tmp_path, 3) == ["1", "1", "1"]


def test_an_operators_own_setting_is_kept(tmp_path):
    assert _child_threads(tmp_path, 2, env={"OMP_NUM_THREADS": "3"}) == ["3", "3"]


def test_workers_run_behind_the_acknowledging_process(tmp_path):
    out = tmp_path / "sched"
    script = (f"import os, pathlib; pathlib.Path({str(out)!r}).write_text(f'{{os.nice(0)}} {{os.sched_getscheduler(0)}}'); "
              "import time; time.sleep(30)")
    supervisor = Supervisor([sys.executable, "-c", script], 1)
    supervisor.start()
    try:
        deadline = time.monotonic() + 20
        while not out.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.1)
        niceness, policy = map(int, out.read_text().split())
    finally:
        supervisor.stop(2.0)
    assert niceness >= min(19, os.nice(0) + 10)  # nice is capped at 19 (a suite run under nice)
    assert policy == os.SCHED_BATCH
