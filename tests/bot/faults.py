"""What the fault tests share: Telegram's side of the webhook, the answers and apologies it received, /healthz
watched while a part is down, and the parts themselves (a Redis with an append-only file, the local Chroma server)."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

from bot.formatting import ERROR_TEXT
from tests.bot.conftest import TG_SECRET, free_socket
from tests.bot.test_telegram import HEADER, tg_update

CHATS = 7
ACK_GIVE_UP_SECONDS = 120.0  # Telegram re-delivers an unacknowledged update for much longer than this


class Telegram:
    """Telegram's side: each update posted until the service acknowledges it (200), as Telegram re-delivers."""

    def __init__(self, url: str):
        self.url = url
        self.acked: list[int] = []
        self.refused = Counter()  # status → how many deliveries were not acknowledged
        self._threads: list[threading.Thread] = []

    def deliver(self, number: int) -> None:
        update = tg_update(5000 + number, f"câu {number} hỏi gì?", chat_id=80_000 + number % CHATS)
        deadline = time.monotonic() + ACK_GIVE_UP_SECONDS
        with httpx.Client(base_url=self.url, timeout=20) as client:
            while time.monotonic() < deadline:
                try:
                    status = client.post("/webhook/telegram", json=update, headers={HEADER: TG_SECRET}).status_code
                except httpx.HTTPError:
                    status = 0
                if status == 200:
                    self.acked.append(number)
                    return
                self.refused[status] += 1
                time.sleep(0.5)
        raise AssertionError(f"update {number} never acknowledged")

    def deliver_in_background(self, numbers: range, every: float) -> None:
        def run() -> None:
            for number in numbers:
                threading.Thread(target=self.deliver, args=(number,), daemon=True).start()
                time.sleep(every)

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        self._threads.append(thread)

    def wait_sent(self) -> None:
        for thread in self._threads:
            thread.join(ACK_GIVE_UP_SECONDS)


def answers(fake) -> Counter:
    """How many times each update's question was answered (the fake core echoes the question)."""
    counts: Counter = Counter()
    for text in fake.sent_texts():
        # later questions of a chat read as follow-ups: "↪ Hiểu là: …" comes first, the echo follows
        match = re.search(r"Trả lời cho: [Cc]âu (\d+) ", text)
        if match:
            counts[int(match.group(1))] += 1
    return counts


def apologies(fake) -> int:
    return sum(1 for text in fake.sent_texts() if ERROR_TEXT[:40] in text)


def wait_answered(fake, numbers, seconds: float) -> float:
    """Seconds until every one of numbers was answered; AssertionError past `seconds`."""
    started = time.monotonic()
    wanted = set(numbers)
    while not wanted <= set(answers(fake)):
        if time.monotonic() - started > seconds:
            missing = sorted(wanted - set(answers(fake)))
            raise AssertionError(f"not answered within {seconds:.0f} s: {missing[:20]} ({len(missing)})")
        time.sleep(0.1)
    return time.monotonic() - started


class HealthWatch:
    """/healthz every 0.2 s in a thread: (time, status) pairs."""

    def __init__(self, url: str):
        self.url, self.seen = url, []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        with httpx.Client(timeout=10) as client:
            while not self._stop.is_set():
                try:
                    status = client.get(self.url + "/healthz").status_code
                except httpx.HTTPError:
                    status = 0
                self.seen.append((time.monotonic(), status))
                self._stop.wait(0.2)

    def first(self, status: int, after: float = 0.0) -> float | None:
        return next((t for t, s in self.seen if s == status and t >= after), None)

    def wait(self, status: int, after: float, seconds: float) -> float:
        deadline = time.monotonic() + seconds
        while (found := self.first(status, after)) is None:
            assert time.monotonic() < deadline, f"/healthz never {status} within {seconds:.0f} s: {self.seen[-5:]}"
            time.sleep(0.1)
        return found

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)


def pids_with(*words: str) -> list[int]:
    """Processes whose command line holds every one of words (ours: the words name our own data folder)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            cmdline = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if all(word in cmdline for word in words):
            found.append(int(entry))
    return found


class RedisServer:
    """A redis-server of the test's own, with an append-only file fsynced at every write (so a kill loses
    nothing acknowledged), that can be paused, killed and started again on the same port and folder."""

    def __init__(self, folder: Path):
        from tests.conftest import require_system

        self.binary = require_system("redis-server", "redis-server")
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        sock = free_socket()
        self.port = sock.getsockname()[1]
        sock.close()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc: subprocess.Popen | None = None
        self.start()

    def start(self) -> None:
        import redis

        self.proc = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder), "--save", "",
             "--appendonly", "yes", "--appendfsync", "always", "--protected-mode", "yes"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        client = redis.Redis(host="127.0.0.1", port=self.port)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                break
            except (redis.ConnectionError, redis.BusyLoadingError):
                assert time.monotonic() < deadline and self.proc.poll() is None, "redis-server did not start"
                time.sleep(0.05)
        client.close()

    def pause(self) -> None:
        assert self.proc is not None
        os.kill(self.proc.pid, signal.SIGSTOP)

    def resume(self) -> None:
        assert self.proc is not None
        os.kill(self.proc.pid, signal.SIGCONT)

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.kill()
        self.proc.wait(10)

    def close(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGCONT)
            self.proc.kill()
            self.proc.wait(10)
