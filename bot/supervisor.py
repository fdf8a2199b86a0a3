"""Worker processes started by `ngvh serve`: N children at a lower scheduling priority, restarted if they die."""
from __future__ import annotations

import logging
import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable

from bot.constants import WORKER_NICE

log = logging.getLogger("ngvh.bot.supervisor")

RESTART_DELAY_SECONDS = 1.0


def die_with_parent() -> None:
    """In a child, before exec: Linux sends it SIGTERM when the parent dies, however the parent dies (uvicorn
    re-raises SIGTERM after its shutdown, so no `finally` of ours runs; SIGKILL runs nothing at all)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: children are stopped by Supervisor.stop only


def yield_cpu() -> None:
    """Run a child (an answering worker, the local Chroma server) behind the acknowledging process: a lower
    priority, and SCHED_BATCH so a busy worker never preempts serve when serve wakes up for a webhook."""
    die_with_parent()
    os.nice(WORKER_NICE)
    try:
        os.sched_setscheduler(0, os.SCHED_BATCH, os.sched_param(0))
    except (AttributeError, OSError):
        pass  # not Linux: the lower priority alone


class Supervisor:
    def __init__(self, command: list[str], count: int, env: dict[str, str] | None = None,
                 on_exit: Callable[[int], None] | None = None):
        """env: added to this process's environment as it is when a child starts; on_exit(pid) once a child ended."""
        self.command = command
        self.count = count
        self.env = env
        self.on_exit = on_exit
        self.children: list[subprocess.Popen | None] = [None] * count
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        for index in range(self.count):
            self.children[index] = self._spawn(index)
        self._thread = threading.Thread(target=self._watch, name="worker-supervisor", daemon=True)
        self._thread.start()

    def _child_env(self) -> dict[str, str]:
        env = {**os.environ, **(self.env or {})}  # read now: serve sets NGVH_CHROMA_URL after building us
        # N workers on N cores: each embedder gets its share of the cores, not all of them (OpenMP's
        # default), so workers do not oversubscribe the CPU the acknowledging process needs
        env.setdefault("OMP_NUM_THREADS", str(max(1, (os.cpu_count() or 1) // max(1, self.count))))
        return env

    def _spawn(self, index: int) -> subprocess.Popen:
        # same process group as the service: stopping the group stops the workers too
        child = subprocess.Popen(self.command, env=self._child_env(), preexec_fn=yield_cpu)
        log.info("worker started", extra={"worker": index, "pid": child.pid})
        return child

    def _watch(self) -> None:
        while not self._stopping.wait(0.5):
            for index, child in enumerate(self.children):
                if child is not None and child.poll() is not None and not self._stopping.is_set():
                    log.warning("worker exited, restarting", extra={"worker": index, "code": child.returncode})
                    self._ended(child)
                    time.sleep(RESTART_DELAY_SECONDS)
                    if not self._stopping.is_set():
                        self.children[index] = self._spawn(index)

    def stop(self, grace: float) -> None:
        """SIGTERM (workers finish the jobs in hand), then SIGKILL after grace seconds."""
        self._stopping.set()
        for child in self.children:
            if child is not None and child.poll() is None:
                child.terminate()
        deadline = time.monotonic() + grace
        for child in self.children:
            if child is None:
                continue
            try:
                child.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait(5)
            self._ended(child)

    def _ended(self, child: subprocess.Popen) -> None:
        if self.on_exit is not None:
            try:
                self.on_exit(child.pid)
            except Exception:  # bookkeeping must never stop the restarts
                log.exception("worker exit bookkeeping failed", extra={"pid": child.pid})
