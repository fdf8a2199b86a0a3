"""One way to open Redis for the stores: connect and operation timeouts, and a circuit breaker per server.

A frozen Redis costs each caller one bounded wait (the socket timeout); after FAILURES_TO_OPEN of those the
breaker (bot.breaker) fails calls at once, so webhooks answer 503 quickly and Telegram re-delivers, until
a trial call after the cool-down finds the server back.
"""
from __future__ import annotations

from typing import Any

import redis.asyncio as aioredis
import redis.exceptions as redis_errors
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff

from bot.breaker import Breaker

CONNECT_TIMEOUT_SECONDS = 5.0
OPERATION_TIMEOUT_SECONDS = 5.0

_breakers: dict[str, Breaker] = {}  # one per server URL in a process: the three stores share what they learn


def breaker_for(url: str) -> Breaker:
    return _breakers.setdefault(url, Breaker("redis"))


class GuardedRedis(aioredis.Redis):
    """redis.asyncio.Redis whose every command goes through the server's breaker."""

    breaker: Breaker

    async def execute_command(self, *args: Any, **options: Any) -> Any:
        self.breaker.check()
        try:
            result = await super().execute_command(*args, **options)
        except (redis_errors.ConnectionError, redis_errors.TimeoutError, OSError) as exc:
            self.breaker.failure(exc)  # (a cancelled call reports nothing: a trial left so is replaced in time)
            # pooled connections to a server that went away are all dead: the next call connects afresh
            await self.connection_pool.disconnect(inuse_connections=False)
            raise
        except redis_errors.ResponseError:
            self.breaker.success()  # the server answered (NOSCRIPT after a restart, BUSYGROUP…): it is up
            raise
        self.breaker.success()
        return result


def connect(url: str, operation_timeout: float = OPERATION_TIMEOUT_SECONDS) -> GuardedRedis:
    # one immediate retry, on a dropped connection only (a server restarted under a pooled connection); never
    # on a timeout: redis-py's default of 3 retries with backoff makes a frozen server cost 4 timeouts a call
    retry = Retry(NoBackoff(), 1, supported_errors=(redis_errors.ConnectionError,))
    pool = aioredis.ConnectionPool.from_url(url, decode_responses=True, socket_timeout=operation_timeout,
                                            socket_connect_timeout=CONNECT_TIMEOUT_SECONDS, retry=retry)
    client = GuardedRedis.from_pool(pool)  # closing the client closes its pool
    assert isinstance(client, GuardedRedis)
    client.breaker = breaker_for(url)
    return client
