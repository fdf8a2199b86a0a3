"""Tunables of the webhook service and its workers that are not operator settings; tests shrink the waits."""
from __future__ import annotations

from dataclasses import dataclass

from bot.constants import (
    ASK_DEADLINE_SECONDS,
    DEDUPE_TTL_SECONDS,
    JOBS_PER_WORKER,
    RETRY_AFTER_MAX,
    SEND_ATTEMPTS,
    SEND_BACKOFF_BASE,
    SEND_BACKOFF_MAX,
    SEND_TIMEOUT,
    SHUTDOWN_GRACE_SECONDS,
    WEB_IN_FLIGHT_MAX,
)
from bot.intake.base import LEASE_SECONDS


@dataclass
class BotOptions:
    jobs_per_worker: int = JOBS_PER_WORKER  # jobs one worker process handles at once (mostly network waits)
    ask_threads: int = 1  # threads running the CPU-bound core in one worker process
    send_attempts: int = SEND_ATTEMPTS
    backoff_base: float = SEND_BACKOFF_BASE
    backoff_max: float = SEND_BACKOFF_MAX
    retry_after_max: float = RETRY_AFTER_MAX
    send_timeout: float = SEND_TIMEOUT
    pacing_scale: float = 1.0  # multiplies every pacing interval; 0 disables pacing
    dedupe_ttl: float = DEDUPE_TTL_SECONDS
    shutdown_grace: float = SHUTDOWN_GRACE_SECONDS
    warm_up: bool = True  # load the core at worker start, so the first answer is quick
    channel_retry: float = 5.0  # first wait before retrying a channel that failed to start (doubles, ≤ 5 min)
    ask_deadline: float = ASK_DEADLINE_SECONDS  # web questions unanswered by then get 503 + Retry-After
    web_in_flight: int = WEB_IN_FLIGHT_MAX
    ingest_command: list[str] | None = None  # run ingests as this command + paths (see bot.core.CoreRunner)
    daily_reminders: bool = True  # workers run the daily reminder pass (bot.reminders.schedule)
    lease: float = LEASE_SECONDS  # a worker silent this long has its jobs handed to another (it renews at a third)  # web questions waiting for a worker at once, per serve process
