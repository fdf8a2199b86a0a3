"""The durable intake behaves the same in SQLite (embedded) and in a real Redis: dedupe that survives a
restart, per-chat order, leases taken over from dead workers, results for whoever waits."""
from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import textwrap

import pytest

from bot.intake.memory import MemoryIntake
from bot.intake.redis import RedisIntake
from bot.intake.sqlite import SqliteIntake
from tests.bot.conftest import ROOT

LEASE = 1.0


def _open(kind: str, request, tmp_path):
    if kind == "memory":  # one store for the whole test: "a new process" sees the same jobs, as with a file
        shared = MemoryIntake(lease=LEASE)
        return lambda: shared
    if kind == "sqlite":
        return lambda: SqliteIntake(tmp_path / "intake.sqlite3", lease=LEASE)
    url = request.getfixturevalue("redis_url")
    return lambda: RedisIntake(url, lease=LEASE)


@pytest.fixture(params=["memory", "sqlite", pytest.param("redis", marks=pytest.mark.slow)])  # redis: starts redis-server
def opener(request, tmp_path):
    return _open(request.param, request, tmp_path)


async def test_dedupe_survives_a_restart(opener):
    """Old code: dedupe keys lived in process memory, so a replay after a restart was answered again."""
    first = opener()
    assert await first.put("message", "zalo-oa:1", {"n": 1}, dedupe_key="zoa:msg-1") is not None
    assert await first.put("message", "zalo-oa:1", {"n": 1}, dedupe_key="zoa:msg-1") is None
    await first.close()
    second = opener()  # a new process on the same store
    assert await second.put("message", "zalo-oa:1", {"n": 1}, dedupe_key="zoa:msg-1") is None
    assert await second.depth() == 1
    await second.close()


async def test_dedupe_keys_expire(opener):
    intake = opener()
    assert await intake.put("message", "c", {}, dedupe_key="k", dedupe_ttl=0.2)
    await asyncio.sleep(0.4)
    assert await intake.put("message", "c", {}, dedupe_key="k", dedupe_ttl=0.2), "a key older than its TTL is new again"
    await intake.close()


async def test_one_job_per_chat_at_a_time_in_order(opener):
    intake = opener()
    for body, chat in ((1, "a"), (2, "a"), (3, "b"), (4, "a")):
        await intake.put("message", chat, {"n": body})
    first = await intake.take("w1", wait=1)
    other = await intake.take("w2", wait=1)
    assert (first.body["n"], other.body["n"]) == (1, 3), "chat a's second message waits for its first"
    assert await intake.take("w3", wait=0.3) is None
    await intake.done(first)
    second = await intake.take("w3", wait=1)
    assert second.body["n"] == 2
    await intake.done(second)
    await intake.done(other)
    last = await intake.take("w1", wait=1)
    assert last.body["n"] == 4 and last.attempts == 1
    await intake.done(last)
    assert await intake.depth() == 0
    await intake.close()


async def test_urgent_jobs_come_first(opener):
    intake = opener()
    await intake.put("message", "chat", {"n": "message"})
    await intake.put("ask", "web:1", {"n": "web"}, urgent=True)
    job = await intake.take("w", wait=1)
    assert job.body["n"] == "web"
    await intake.close()


async def test_a_job_held_too_long_is_handed_to_another_worker(opener):
    intake = opener()
    await intake.put("message", "chat", {"n": 1})
    taken = await intake.take("slow", wait=1)
    assert taken is not None
    assert await intake.take("other", wait=0.2) is None, "leased"
    await asyncio.sleep(LEASE + 0.3)  # "slow" never renewed: as good as dead
    again = await intake.take("other", wait=3)
    assert again is not None and again.body == {"n": 1} and again.attempts == 2
    await intake.close()


async def test_renewed_leases_are_kept(opener):
    intake = opener()
    await intake.put("message", "chat", {"n": 1})
    assert await intake.take("busy", wait=1) is not None
    for _ in range(4):
        await asyncio.sleep(LEASE / 3)
        await intake.renew("busy")
    assert await intake.take("other", wait=0.3) is None
    await intake.close()


async def test_events_reach_whoever_waits(opener):
    intake = opener()
    job_id = await intake.put("ask", "web:x", {"question": "q"}, urgent=True)

    async def worker():
        job = await intake.take("w", wait=2)
        await intake.publish(job.id, {"type": "delta", "text": "Xin "})
        await intake.publish(job.id, {"type": "final", "answer": {"answer": "Xin chào"}})
        await intake.done(job)

    task = asyncio.create_task(worker())
    seen = []
    async for event in intake.events(job_id, timeout=5):
        seen.append(event)
        if event["type"] == "final":
            break
    await task
    assert [e["type"] for e in seen] == ["delta", "final"] and seen[1]["answer"]["answer"] == "Xin chào"
    await intake.set_status(job_id, {"state": "done"})
    assert await intake.get_status(job_id) == {"state": "done"}
    assert await intake.get_status("nope") is None
    await intake.close()


def test_sqlite_lease_of_a_killed_process_is_taken_at_once(tmp_path):
    """A worker killed with SIGKILL: its job is taken again without waiting for the lease to run out."""
    path = tmp_path / "intake.sqlite3"
    script = textwrap.dedent(f"""
        import asyncio, os, signal
        from bot.intake.sqlite import SqliteIntake
        async def main():
            intake = SqliteIntake({str(path)!r}, lease=3600)
            await intake.put("message", "chat", {{"n": 1}})
            job = await intake.take("doomed", wait=1)
            assert job is not None
            os.kill(os.getpid(), signal.SIGKILL)
        asyncio.run(main())
    """)
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert proc.returncode == -9

    async def take_again():
        intake = SqliteIntake(path, lease=3600)
        job = await intake.take("survivor", wait=1)
        await intake.close()
        return job

    job = asyncio.run(take_again())
    assert job is not None and job.body == {"n": 1} and job.attempts == 2


async def test_a_job_given_back_is_taken_again_later(opener):
    """A handler that raised unexpectedly gives the job back instead of dropping an acknowledged message."""
    intake = opener()
    await intake.put("message", "chat", {"n": 1})
    await intake.put("message", "chat", {"n": 2})
    job = await intake.take("w", wait=1)
    await intake.retry_later(job, 0.3)
    await intake.renew("w")  # the worker that gave it back no longer holds it
    assert await intake.take("w", wait=0.1) is None, "its chat waits: the next message may not overtake it"
    again = await intake.take("other", wait=LEASE + 3)
    assert again is not None and again.body == {"n": 1} and again.attempts == 2
    await intake.close()
