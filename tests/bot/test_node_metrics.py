"""/metrics of `ngvh serve` shows what its worker processes counted, and a restarted worker's live gauges go.

Old code: every process kept its own registry, so answers, sends and errors counted in the worker processes
never reached serve's /metrics (only the webhook side did).
"""
from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from bot import supervisor as supervisor_module
from bot.metrics import MULTIPROC_ENV, Metrics, files_registry, forget_worker, fresh_worker_files
from bot.supervisor import Supervisor
from tests.bot.conftest import ROOT, TG_SECRET, service_env, wait_until_healthy
from tests.bot.test_telegram import HEADER, tg_update


def samples(text: str) -> dict[tuple[str, tuple], float]:
    """(sample name, sorted labels) → value, from Prometheus text (parsed by prometheus_client's own parser)."""
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def total(values: dict[tuple[str, tuple], float], name: str, **labels: str) -> float:
    """Sum over the series of one sample name whose labels include the given ones."""
    return sum(v for (n, ls), v in values.items() if n == name and set(labels.items()) <= set(ls))


@contextmanager
def serve_with_workers(env: dict):
    proc = subprocess.Popen([sys.executable, "-m", "tests.bot.serve_fake"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        yield wait_until_healthy(proc, 30)
    finally:
        proc.terminate()  # serve stops its workers
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


@pytest.mark.slow
def test_serve_metrics_show_what_the_worker_processes_counted(fake_telegram, data_dir):
    env = service_env(data_dir, fake_telegram, NGVH_TEST_WORKERS="2")
    with serve_with_workers(env) as url:
        async def run() -> str:
            async with httpx.AsyncClient(base_url=url, timeout=10) as client:
                for i in range(5):  # five chats: either worker may take any of them
                    update = tg_update(3000 + i, f"câu {i} về kế hoạch?", chat_id=61_000 + i)
                    response = await client.post("/webhook/telegram", json=update, headers={HEADER: TG_SECRET})
                    assert response.status_code == 200
                await fake_telegram.wait_calls("sendMessage", 5, timeout=30)
                await asyncio.sleep(0.5)  # a worker counts its send right after the call returns
                return (await client.get("/metrics")).text

        text = asyncio.run(run())
        files = list((Path(data_dir) / "state" / "metrics").glob("counter_*.db"))
    values = samples(text)
    sent = len(fake_telegram.calls_to("sendMessage"))
    assert sent == 5
    # counted in the worker processes
    assert total(values, "ngvh_questions_total", channel="telegram") == 5
    assert total(values, "ngvh_answers_total", channel="telegram") == 5
    assert total(values, "ngvh_answer_seconds_count", channel="telegram") == 5
    assert total(values, "ngvh_sends_total", channel="telegram", outcome="ok") == sent
    assert total(values, "ngvh_jobs_in_hand") == 0
    # counted in serve itself, still there
    assert total(values, "ngvh_http_requests_total", route="/webhook/telegram", status="200") == 5
    assert ("ngvh_queue_depth", ()) in values
    # one family per name: serve's and the workers' series are added up, never listed twice
    declared = [line.split()[2] for line in text.splitlines() if line.startswith("# TYPE ")]
    assert len(declared) == len(set(declared)), sorted(declared)
    assert "ngvh_answers_total" in declared
    assert files, "the workers wrote no metric files under NGVH_DATA_DIR/state/metrics"


CHILD = """
import os, sys, time
from bot.metrics import Metrics
metrics = Metrics()
metrics.jobs_in_hand.inc()  # a job in hand
metrics.answers.labels("telegram", "general").inc()
with open(sys.argv[1], "a") as runs:
    runs.write(f"{os.getpid()}\\n")
if len(open(sys.argv[1]).read().split()) == 1:
    os._exit(1)  # the first run dies holding its job
time.sleep(120)
"""


def _wait(predicate, what: str, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, what
        time.sleep(0.05)


def test_a_restarted_worker_leaves_the_live_gauge_and_its_counts_stay(tmp_path, monkeypatch):
    monkeypatch.setattr(supervisor_module, "RESTART_DELAY_SECONDS", 0.0)
    files = fresh_worker_files(tmp_path / "metrics")
    runs = tmp_path / "runs"
    supervisor = Supervisor([sys.executable, "-c", CHILD, str(runs)], 1,
                            env={MULTIPROC_ENV: str(files), "PYTHONPATH": str(ROOT)},
                            on_exit=lambda pid: forget_worker(pid, files))
    supervisor.start()
    try:
        _wait(lambda: runs.exists() and len(runs.read_text().split()) == 2, "the dead worker was not restarted")
        first, second = (int(pid) for pid in runs.read_text().split())
        _wait(lambda: (files / f"gauge_livesum_{second}.db").exists(), "the restarted worker wrote no gauge")
        assert not (files / f"gauge_livesum_{first}.db").exists(), "the dead worker's live gauge file was kept"
        workers = samples(_render(files_registry(files)))
        assert workers[("ngvh_jobs_in_hand", ())] == 1, "the dead worker's job still counted as in hand"
        assert workers[("ngvh_answers_total", (("channel", "telegram"), ("kind", "general")))] == 2, "a dead worker's counts are kept"
        # serve's own counts are added to the workers'
        serve_side = Metrics(files)
        serve_side.answers.labels("telegram", "general").inc()
        node = samples(serve_side.render().decode())
        assert node[("ngvh_answers_total", (("channel", "telegram"), ("kind", "general")))] == 3
        assert node[("ngvh_jobs_in_hand", ())] == 1
    finally:
        supervisor.stop(5)
    assert not list(files.glob("gauge_livesum_*.db")), "a stopped worker's live gauge file was kept"


def _render(registry) -> str:
    from prometheus_client import generate_latest

    return generate_latest(registry).decode()


def test_without_worker_files_metrics_stay_in_this_process():
    """Several apps in one process (tests, in-process replicas) keep separate counts, as before."""
    one, two = Metrics(), Metrics()
    one.answers.labels("web", "general").inc()
    one.watch_queue(lambda: 7)
    assert samples(one.render().decode())[("ngvh_answers_total", (("channel", "web"), ("kind", "general")))] == 1
    assert ("ngvh_answers_total", (("channel", "web"), ("kind", "general"))) not in samples(two.render().decode())
    assert samples(one.render().decode())[("ngvh_queue_depth", ())] == 7
