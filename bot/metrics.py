"""Prometheus metrics; one registry per app so several apps (tests, replicas in one process) never clash."""
from __future__ import annotations

from collections.abc import Callable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

_FAST = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)
_SLOW = (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0)


class Metrics:
    content_type = CONTENT_TYPE_LATEST

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
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
        self.ingests = Counter("ngvh_ingest_files", "Files ingested through admin routes or chat", ["status"], registry=r)
        self.queue_depth = Gauge("ngvh_queue_depth", "Messages waiting for a worker", registry=r)

    def watch_queue(self, size: Callable[[], int]) -> None:
        self.queue_depth.set_function(size)

    def render(self) -> bytes:
        return generate_latest(self.registry)
