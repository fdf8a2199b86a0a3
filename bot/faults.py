"""Which failures are transient (a dependency down, frozen or full: try the job again later) and which are
permanent (the message itself breaks something: apologise at once)."""
from __future__ import annotations

import asyncio
import sqlite3

from bot.breaker import DependencyDown

ANSWER_ATTEMPTS = 8  # a job failing for a transient reason is tried this often before the apology
RETRY_BASE_SECONDS = 2.0  # first wait before a transient failure is tried again; doubles each attempt
RETRY_MAX_SECONDS = 30.0  # the longest wait between two attempts (8 attempts ≈ 2 minutes of outage)


def _transient_types() -> tuple[type[BaseException], ...]:
    found: list[type[BaseException]] = [OSError, asyncio.TimeoutError, TimeoutError, DependencyDown, sqlite3.OperationalError]
    try:
        import httpx

        found.append(httpx.TransportError)
    except ImportError:
        pass
    try:
        import redis.exceptions as redis_errors

        found += [redis_errors.ConnectionError, redis_errors.TimeoutError, redis_errors.BusyLoadingError]
    except ImportError:
        pass
    try:
        import sqlalchemy.exc as sql_errors

        found += [sql_errors.OperationalError, sql_errors.TimeoutError, sql_errors.DisconnectionError]
    except ImportError:
        pass
    return tuple(found)


TRANSIENT = _transient_types()


def is_transient(exc: BaseException) -> bool:
    """True when exc, or an exception it was raised from, says a dependency failed rather than the input.

    Names checked too, so layers below bot (vectorstore's StoreUnavailable, chromadb's errors for a
    server that went away) count without bot importing them."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, TRANSIENT) or type(current).__name__ in _TRANSIENT_NAMES:
            return True
        current = current.__cause__ or current.__context__
    return False


# vectorstore.StoreUnavailable; what chromadb's HTTP client raises for a server restarting or overloaded
_TRANSIENT_NAMES = frozenset({"StoreUnavailable", "ChromaServerUnavailable", "InternalError", "ChromaError",
                              "ServiceUnavailable", "RemoteProtocolError"})


def retry_delay(attempt: int) -> float:
    """The wait before attempt + 1 of a job whose attempt failed for a transient reason."""
    return min(RETRY_BASE_SECONDS * 2 ** max(0, attempt - 1), RETRY_MAX_SECONDS)
