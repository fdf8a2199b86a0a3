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
    initdb, pg_ctl = pg_binary("initdb"), pg_binary("pg_ctl")
    if not initdb or not pg_ctl:
        _missing(f"initdb/pg_ctl not found: install the Debian package '{PACKAGE}' (apt-get install {PACKAGE})")
    pytest.importorskip("psycopg", reason="pip install 'psycopg[binary]'")
    base = tempfile.mkdtemp(prefix="ngvh-pg-")
    os.chmod(base, 0o755)
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(base, "nobody", "nogroup" if _group_exists("nogroup") else None)
        as_user = ["runuser", "-u", "nobody", "--"]
    data, log = os.path.join(base, "data"), os.path.join(base, "server.log")
    port = _free_port()
    env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
    subprocess.run(as_user + [initdb, "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"],
                   check=True, capture_output=True, env=env, cwd=base)
    options = f"-p {port} -h 127.0.0.1 -k {base} -F"
    started = subprocess.run(as_user + [pg_ctl, "-D", data, "-o", options, "-l", log, "-w", "-t", "60", "start"],
                             capture_output=True, text=True, env=env, cwd=base)
    if started.returncode != 0:
        text = open(log).read()[-1000:] if os.path.exists(log) else ""
        shutil.rmtree(base, ignore_errors=True)
        raise AssertionError(f"postgres did not start: {started.stderr}{text}")
    try:
        _wait_ready(port)
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(as_user + [pg_ctl, "-D", data, "-m", "immediate", "-w", "stop"], capture_output=True, cwd=base)
        shutil.rmtree(base, ignore_errors=True)


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
