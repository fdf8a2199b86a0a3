"""Prometheus metrics; one registry per app so several apps (tests, replicas in one process) never clash.

With worker processes (`ngvh serve`), each child writes its metrics to files in a shared directory
(prometheus_client's multiprocess mode, PROMETHEUS_MULTIPROC_DIR set in the children's environment only);
the serving process keeps its own in memory and /metrics adds the two up, so it shows the whole node.
"""
from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest, start_http_server
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from prometheus_client.metrics_core import Metric
from prometheus_client.multiprocess import MultiProcessCollector, mark_process_dead

from bot.supervisor import Supervisor

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"  # read by prometheus_client when a process imports it

_FAST = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)
_SLOW = (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0)


class Metrics:
    content_type = CONTENT_TYPE_LATEST

    def __init__(self, worker_files: Path | None = None) -> None:
        """worker_files: the directory worker processes write their metrics to; /metrics adds them in."""
        self.worker_files = worker_files
        self.registry = CollectorRegistry()
        r = self.registry
        # Every metric must add up across processes (counters, histograms, "livesum" gauges): render() sums them.
        self.requests = Counter("ngvh_http_requests", "HTTP requests by route and status", ["route", "method", "status"], registry=r)
        self.request_seconds = Histogram("ngvh_http_request_seconds", "HTTP request latency (webhook ack time for /webhook/*)", ["route"], buckets=_FAST, registry=r)
        self.webhook_rejects = Counter("ngvh_webhook_rejects", "Webhook requests refused", ["channel", "reason"], registry=r)
        self.duplicates = Counter("ngvh_webhook_duplicates", "Deliveries dropped as duplicates", ["channel"], registry=r)
        self.questions = Counter("ngvh_questions", "Questions received", ["channel"], registry=r)
        self.answers = Counter("ngvh_answers", "Answers produced", ["channel", "kind"], registry=r)
        self.refusals = Counter("ngvh_refusals", "Answers that found nothing to cite (refusals)", ["channel"], registry=r)
        self.answer_seconds = Histogram("ngvh_answer_seconds", "Time to answer one question", ["channel"], buckets=_SLOW, registry=r)
        self.rate_limited = Counter("ngvh_rate_limited", "Messages refused by the per-user rate limit", ["channel"], registry=r)
        self.sends = Counter("ngvh_sends", "Outgoing platform API calls by outcome", ["channel", "outcome"], registry=r)
        self.reply_window_closed = Counter("ngvh_reply_window_closed", "Replies refused for a closed reply window (Zalo OA -230…)", ["channel", "code"], registry=r)
        self.errors = Counter("ngvh_worker_errors", "Messages whose handling raised", ["channel"], registry=r)
        self.retries = Counter("ngvh_job_retries", "Jobs given back to the intake to be tried again (a dependency down)", ["channel"], registry=r)
        self.log_dropped = Counter("ngvh_question_log_dropped", "Question-log rows neither written nor kept for later", registry=r)
        self.log_spooled = Counter("ngvh_question_log_spooled", "Question-log rows kept to be written once the database answers", registry=r)
        self.ingests = Counter("ngvh_ingest_files", "Files ingested through admin routes or chat", ["status"], registry=r)
        # "livesum": a dead worker's jobs leave the sum once the supervisor marks it dead
        self.jobs_in_hand = Gauge("ngvh_jobs_in_hand", "Jobs workers are handling right now", multiprocess_mode="livesum", registry=r)

    def watch_queue(self, size: Callable[[], int]) -> None:
        # only the serving process knows the depth (and gauges with a function cannot live in worker files)
        Gauge("ngvh_queue_depth", "Messages waiting for a worker", registry=self.registry).set_function(size)

    def render(self) -> bytes:
        if self.worker_files is None:
            return generate_latest(self.registry)
        node = CollectorRegistry(auto_describe=False)
        node.register(_NodeCollector(self.registry, self.worker_files))
        return generate_latest(node)


class _NodeCollector:
    """This process's metrics plus those of the worker processes' files, same series summed."""

    def __init__(self, own: CollectorRegistry, worker_files: Path):
        self.own = own
        self.workers = MultiProcessCollector(None, str(worker_files))

    def collect(self) -> Iterable[Metric]:
        families: dict[str, Metric] = {}
        values: dict[str, dict[tuple, float]] = {}
        for family in [*self.own.collect(), *self.workers.collect()]:
            families.setdefault(family.name, Metric(family.name, family.documentation, family.type))
            sums = values.setdefault(family.name, {})
            for sample in family.samples:
                if sample.name.endswith(("_created", "_gcreated")):
                    continue  # a creation time does not add up; the files do not keep one
                key = (sample.name, tuple(sorted(sample.labels.items())))
                sums[key] = sums.get(key, 0.0) + sample.value
        for name, family in families.items():
            for (sample_name, labels), value in values[name].items():
                family.add_sample(sample_name, dict(labels), value)
            yield family


def fresh_worker_files(path: Path) -> Path:
    """An empty directory for worker processes' metric files: files left by an earlier run would count twice."""
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def forget_worker(pid: int, worker_files: Path) -> None:
    """A worker process ended: its live gauges leave the sums (its counters stay: they happened)."""
    mark_process_dead(pid, str(worker_files))


def counted_workers(command: list[str], count: int, worker_files: Path) -> Supervisor:
    """A Supervisor of worker processes that count into worker_files, each forgotten there once it ended."""
    return Supervisor(command, count, env={MULTIPROC_ENV: str(worker_files)},
                      on_exit=lambda pid: forget_worker(pid, worker_files))


def serve_metrics(port: int, registry: CollectorRegistry) -> None:
    """A worker's own /metrics on its own port, for workers that share no directory with `ngvh serve`."""
    start_http_server(port, registry=registry)


def files_registry(worker_files: Path) -> CollectorRegistry:
    """A registry showing what the worker processes writing to worker_files counted together."""
    registry = CollectorRegistry(auto_describe=False)
    MultiProcessCollector(registry, str(worker_files))
    return registry
