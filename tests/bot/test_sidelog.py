"""The question log off the answer path: a database that is away costs an answer neither an error nor more
than the write budget; its rows are spooled and written when it is back, /xoa reaches spooled rows too, and
rows that cannot even be spooled are counted as dropped."""
from __future__ import annotations

import threading
import time

import sqlalchemy.exc

from bot.breaker import Breaker
from bot.questionlog import Entry, QuestionLog
from bot.sidelog import SideLog


class Flaky(QuestionLog):
    """The real SQLite log, with a switch that makes it fail like a database that went away, or hang like a
    frozen one."""

    def __init__(self, url: str):
        super().__init__(url, "salt-for-tests-0000", connect=False)
        self.down = False
        self.frozen = threading.Event()

    def insert(self, row: dict) -> int:
        if self.frozen.is_set():
            time.sleep(3)
        if self.down:
            raise sqlalchemy.exc.OperationalError("INSERT", {}, ConnectionRefusedError("database is down"))
        return super().insert(row)


def _side(tmp_path, **kwargs) -> tuple[SideLog, Flaky, dict]:
    counts = {"spooled": 0, "dropped": 0}
    log = Flaky(f"sqlite:///{tmp_path / 'q.sqlite3'}")
    side = SideLog(log, tmp_path / "spool.sqlite3", breaker=Breaker("log", open_seconds=0.2), budget=0.5, flush_every=0.1,
                   on_spooled=lambda n: counts.__setitem__("spooled", counts["spooled"] + n),
                   on_dropped=lambda n: counts.__setitem__("dropped", counts["dropped"] + n), **kwargs)
    return side, log, counts


def _entry(n: int, user: str = "u1") -> Entry:
    return Entry("telegram", user, f"câu {n}", True)


def _wait(predicate, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline
        time.sleep(0.05)


def test_rows_are_spooled_while_the_database_is_down_and_written_after(tmp_path):
    side, log, counts = _side(tmp_path)
    assert isinstance(side.record(_entry(1)), int)
    log.down = True
    started = time.monotonic()
    assert [side.record(_entry(n)) for n in range(2, 7)] == [None] * 5, "no id while the database is away"
    assert time.monotonic() - started < 3, "each write waits the budget at most"
    assert counts["spooled"] == 5 and side.pending() == 5
    log.down = False
    _wait(lambda: side.pending() == 0)
    assert log.count() == 6 and counts["dropped"] == 0
    side.close()


def test_a_frozen_database_costs_the_budget_only(tmp_path):
    side, log, _ = _side(tmp_path)
    assert side.record(_entry(0)) is not None
    log.frozen.set()
    started = time.monotonic()
    assert side.record(_entry(1)) is None
    assert time.monotonic() - started < 1.0
    log.frozen.clear()
    _wait(lambda: log.count() == 2)  # the write that was under way lands; it is not spooled a second time
    time.sleep(0.5)
    assert log.count() == 2 and side.pending() == 0
    side.close()


def test_forgetting_a_user_reaches_spooled_rows(tmp_path):
    side, log, _ = _side(tmp_path)
    assert side.record(_entry(0, "u3")) is not None
    log.down = True
    side.record(_entry(1, "u1"))
    side.record(_entry(2, "u2"))
    log.down = False
    side.breaker.success()
    assert side.forget_user("telegram", "u1") >= 1
    _wait(lambda: side.pending() == 0)
    assert log.count("telegram", "u1") == 0 and log.count("telegram", "u2") == 1
    side.close()


def test_rows_that_cannot_be_spooled_are_counted_as_dropped(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    counts = {"dropped": 0}
    log = Flaky(f"sqlite:///{tmp_path / 'q.sqlite3'}")
    log.down = True
    side = SideLog(log, blocker / "spool.sqlite3", budget=0.5,
                   on_dropped=lambda n: counts.__setitem__("dropped", counts["dropped"] + n))
    assert side.record(_entry(1)) is None
    _wait(lambda: counts["dropped"] == 1)
    side.close()
