"""A throwaway PostgreSQL server (Debian's `postgresql` package) for tests, run as an unprivileged user.

initdb and postgres refuse to run as root, so under root the server runs as `nobody` (runuser) in a
directory of its own under /tmp. Skips naming the package when it is absent, fails under CI=true.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time

import pytest

PACKAGE = "postgresql"


def pg_binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    return candidates[-1] if candidates else None


def _missing(message: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server():
    """URL of a fresh PostgreSQL server on a free loopback port (SQLAlchemy + psycopg 3)."""
    server = PostgresServer()
    try:
        yield server.url
    finally:
        server.remove()


class PostgresServer:
    """A throwaway server that a fault test may stop, start again, freeze (SIGSTOP) and thaw."""

    def __init__(self):
        initdb, pg_ctl = pg_binary("initdb"), pg_binary("pg_ctl")
        if not initdb or not pg_ctl:
            _missing(f"initdb/pg_ctl not found: install the Debian package '{PACKAGE}' (apt-get install {PACKAGE})")
        pytest.importorskip("psycopg", reason="pip install 'psycopg[binary]'")
        self.pg_ctl = pg_ctl
        self.base = tempfile.mkdtemp(prefix="ngvh-pg-")
        os.chmod(self.base, 0o755)
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.base, "nobody", "nogroup" if _group_exists("nogroup") else None)
            self.as_user = ["runuser", "-u", "nobody", "--"]
        self.data, self.log = os.path.join(self.base, "data"), os.path.join(self.base, "server.log")
        self.port = _free_port()
        self.env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
        subprocess.run(self.as_user + [initdb, "-D", self.data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"],
                       check=True, capture_output=True, env=self.env, cwd=self.base)
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"
        self.start()

    def start(self) -> None:
        options = f"-p {self.port} -h 127.0.0.1 -k {self.base} -F"
        started = subprocess.run(self.as_user + [self.pg_ctl, "-D", self.data, "-o", options, "-l", self.log, "-w", "-t", "60", "start"],
                                 capture_output=True, text=True, env=self.env, cwd=self.base)
        if started.returncode != 0:
            text = open(self.log).read()[-1000:] if os.path.exists(self.log) else ""
            self.remove()
            raise AssertionError(f"postgres did not start: {started.stderr}{text}")
        _wait_ready(self.port)

    def stop(self) -> None:
        subprocess.run(self.as_user + [self.pg_ctl, "-D", self.data, "-m", "fast", "-w", "stop"], capture_output=True, cwd=self.base)

    def pids(self) -> list[int]:
        """The postmaster and its children (backends, background workers)."""
        with open(os.path.join(self.data, "postmaster.pid")) as fh:
            main = int(fh.readline())
        children = []
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat") as fh:
                        if int(fh.read().rsplit(")", 1)[1].split()[1]) == main:
                            children.append(int(entry))
                except (OSError, IndexError, ValueError):
                    continue
        return [main, *children]

    def signal(self, sig: int) -> None:
        for pid in self.pids():
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass

    def remove(self) -> None:
        subprocess.run(self.as_user + [self.pg_ctl, "-D", self.data, "-m", "immediate", "-w", "stop"], capture_output=True, cwd=self.base)
        shutil.rmtree(self.base, ignore_errors=True)


def _group_exists(name: str) -> bool:
    import grp

    try:
        grp.getgrnam(name)
        return True
    except KeyError:
        return False


def _wait_ready(port: int, timeout: float = 30.0) -> None:
    import psycopg

    deadline = time.monotonic() + timeout
    while True:
        try:
            psycopg.connect(f"host=127.0.0.1 port={port} user=postgres dbname=postgres", connect_timeout=2).close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
