"""Bounded ingest (issue 20): each uploaded file is ingested by its own process under CPU, wall-clock and
memory limits; a file past them fails with the reason and the next file is ingested.

Old code: one ingest process without limits for the whole upload: a 1 MB page of 100,000 nested <div> took
~30 min of CPU then a RecursionError, holding every later upload; a PDF page with a 26,500² image took the
process to 2.29 GB resident."""
from __future__ import annotations

import sys
import time

import pytest

from bot import core as core_module
from bot.core import CoreRunner
from tests.bot.fakes import FakeCore
from tests.ingest.hostile import big_image_pdf, legacy_looking_binary, nested_html

PEAK_MB = 512
FAIL_WITHIN_SECONDS = 60


def _runner(command: list[str]) -> CoreRunner:
    return CoreRunner(FakeCore(), ingest_command=command)


async def test_a_process_past_the_memory_cap_is_stopped_with_the_reason(tmp_path):
    hog = [sys.executable, "-c", "import time; x = bytearray(800 * 2**20); x[::4096] = b'1' * len(x[::4096]); time.sleep(30)"]
    started = time.monotonic()
    report = await _runner(hog).ingest([tmp_path / "a.txt"])
    [row] = report.rows
    assert row.status == "failed" and f"more than {core_module.INGEST_MEMORY_MAX_MB} MB" in row.reason
    assert time.monotonic() - started < 10


async def test_a_process_past_its_cpu_budget_is_stopped(tmp_path, monkeypatch):
    monkeypatch.setattr(core_module, "INGEST_CPU_BASE_SECONDS", 1)
    spin = [sys.executable, "-c", "while True: pass"]
    (tmp_path / "a.txt").write_text("x")
    report = await _runner(spin).ingest([tmp_path / "a.txt"])
    assert report.rows[0].status == "failed" and "s of CPU" in report.rows[0].reason


async def test_a_process_past_its_wall_clock_is_stopped_and_the_next_file_goes_on(tmp_path, monkeypatch):
    monkeypatch.setattr(core_module, "INGEST_WALL_PER_CPU", 0.0)
    monkeypatch.setattr(core_module, "INGEST_WALL_EXTRA_SECONDS", 1.0)
    script = ("import json, sys, time; p = sys.argv[-1]; time.sleep(30) if p.endswith('slow.txt') else None; "
              "print(json.dumps({'files': [{'source': p.rsplit('/', 1)[-1], 'status': 'added'}]}))")
    report = await _runner([sys.executable, "-c", script]).ingest([tmp_path / "slow.txt", tmp_path / "next.txt"])
    assert [(r.source, r.status) for r in report.rows] == [("slow.txt", "failed"), ("next.txt", "added")]
    assert "stopped after 1 s" in report.rows[0].reason


@pytest.mark.slow
async def test_hostile_uploads_fail_fast_in_little_memory_and_the_next_is_ingested(tmp_path, samples_dir):
    runner = _runner([sys.executable, "-m", "ngvh", "ingest", "--json"])  # the real command, on the test's data folder
    files = [nested_html(tmp_path / "deep.html"), big_image_pdf(tmp_path / "big.pdf"),
             big_image_pdf(tmp_path / "three.pdf", side=10_000, images=3), legacy_looking_binary(tmp_path / "binary.txt")]
    figures = []
    for path in files:
        started = time.monotonic()
        [row] = (await runner.ingest([path])).rows
        seconds = time.monotonic() - started
        figures.append(f"{path.name}: {seconds:.1f} s, peak {runner.last_ingest_peak_mb} MB: {row.reason}")
        assert row.status == "failed" and row.reason, row
        assert seconds < FAIL_WITHIN_SECONDS and 0 < runner.last_ingest_peak_mb <= PEAK_MB, figures
    sample = sorted(samples_dir.glob("*.txt"))[0]
    [row] = (await runner.ingest([sample])).rows
    print("\n" + "\n".join(figures), f"\nnext upload {sample.name}: {row.status}, peak {runner.last_ingest_peak_mb} MB")
    assert row.status == "added", row
