"""The circuit breaker: opens after repeated failures, lets one trial through after the cool-down, and a trial
whose caller was cancelled (it never reports) does not keep the circuit open for ever."""
from bot.breaker import Breaker, DependencyDown


def test_opens_then_one_trial_then_closes():
    now = [0.0]
    breaker = Breaker("redis", failures=3, open_seconds=5, clock=lambda: now[0])
    for _ in range(3):
        assert breaker.allow()
        breaker.failure(ConnectionError("refused"))
    assert breaker.state == "open" and not breaker.allow()
    try:
        breaker.check()
        raise AssertionError("an open breaker let a call through")
    except DependencyDown as exc:
        assert "redis" in str(exc) and "refused" in str(exc)
    now[0] = 5.0
    assert breaker.state == "half-open" and breaker.allow() and not breaker.allow(), "one trial at a time"
    breaker.failure("still down")
    assert breaker.state == "open" and not breaker.allow()
    now[0] = 10.0
    assert breaker.allow()
    breaker.success()
    assert breaker.state == "closed" and breaker.allow()


def test_a_trial_that_never_reports_is_replaced():
    """Old code in this branch: a /healthz probe cancelled mid-trial left Redis 'open' for good."""
    now = [0.0]
    breaker = Breaker("redis", failures=1, open_seconds=5, clock=lambda: now[0])
    breaker.failure("down")
    now[0] = 5.0
    assert breaker.allow()  # the trial's caller is cancelled: neither success nor failure
    now[0] = 7.0
    assert not breaker.allow()
    now[0] = 10.5
    assert breaker.allow(), "a forgotten trial must not keep the circuit open"
