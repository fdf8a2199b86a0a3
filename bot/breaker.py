"""Circuit breakers for the parts the service depends on (Chroma server, Redis, PostgreSQL): a frozen or dead
part costs one bounded wait, then calls fail at once until a trial call after a cool-down finds it back."""
from __future__ import annotations

import threading
import time
from collections.abc import Callable

FAILURES_TO_OPEN = 3  # consecutive failures that open the circuit
OPEN_SECONDS = 5.0  # how long calls fail at once before one trial call is let through


class DependencyDown(ConnectionError):
    """A part the answer needs is down or frozen (an open circuit, a timeout): try again later."""


class Breaker:
    """closed → (FAILURES_TO_OPEN failures) → open → (OPEN_SECONDS) → one trial → closed or open again.

    Thread-safe: the question log writes from threads, the stores call from the event loop."""

    def __init__(self, name: str, failures: int = FAILURES_TO_OPEN, open_seconds: float = OPEN_SECONDS,
                 clock: Callable[[], float] = time.monotonic):
        self.name = name
        self.failures_to_open, self.open_seconds = failures, open_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._failures = 0
        self._opened_at: float | None = None
        self._trial_at: float | None = None  # when the trial call now under way was let through
        self.last_error = ""

    @property
    def state(self) -> str:
        with self._lock:
            if self._opened_at is None:
                return "closed"
            return "half-open" if self._clock() - self._opened_at >= self.open_seconds else "open"

    def allow(self) -> bool:
        """Whether a call may go to the part now (one trial at a time once the cool-down passed)."""
        with self._lock:
            if self._opened_at is None:
                return True
            now = self._clock()
            if now - self._opened_at < self.open_seconds:
                return False
            # one trial at a time; a trial that never reported (its caller was cancelled) is replaced
            if self._trial_at is not None and now - self._trial_at < self.open_seconds:
                return False
            self._trial_at = now
            return True

    def check(self) -> None:
        """allow() or raise DependencyDown naming the part."""
        if not self.allow():
            raise DependencyDown(f"{self.name} is unavailable ({self.last_error or 'circuit open'})")

    def success(self) -> None:
        with self._lock:
            self._failures, self._opened_at, self._trial_at = 0, None, None

    def failure(self, error: BaseException | str) -> None:
        with self._lock:
            self.last_error = (error if isinstance(error, str) else f"{type(error).__name__}: {error}")[:200]
            self._failures += 1
            if self._trial_at is not None or self._failures >= self.failures_to_open:
                self._opened_at, self._trial_at = self._clock(), None
