"""Re-ingest of scanned PDFs: OCR results are kept under the data folder and reused for the same bytes;
`ngvh reindex` keeps what OCR reported."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from ground.config import Settings
from ngvh.ocr_cache import OcrCacheDir
from ngvh.services import Services
from tests.conftest import require_system
from tests.ingest.test_ocr import SCANNED_PLAN, write_scanned_pdf


@pytest.fixture
def tesseract_runs(tmp_path, monkeypatch):
    """Put a `tesseract` on PATH that logs each page it is asked to read, then runs the real one."""
    real = require_system("tesseract", "tesseract-ocr tesseract-ocr-vie")
    folder = tmp_path / "bin"
    folder.mkdir()
    log = tmp_path / "tesseract-pages.log"
    shim = folder / "tesseract"
    shim.write_text(f'#!/bin/sh\ncase "$1" in --*) ;; *) echo "$1" >> "{log}" ;; esac\nexec "{real}" "$@"\n')
    shim.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    assert shutil.which("tesseract") == str(shim)
    return lambda: len(log.read_text().splitlines()) if log.exists() else 0


def scanned_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    write_scanned_pdf(folder / "57-lang-son.pdf", SCANNED_PLAN)
    return folder


@pytest.mark.slow  # Tesseract, then a real store
def test_reingest_of_an_unchanged_scan_takes_its_ocr_from_the_cache(tmp_path, tesseract_runs):
    folder = scanned_folder(tmp_path)
    services = Services(Settings(data_dir=tmp_path / "data"))
    first = services.ingest_paths([folder]).rows[0]
    assert first.status == "added" and first.ocr_pages == 1 and first.ocr_cached == 0
    assert tesseract_runs() == 1
    stored = services.store.get_plan(first.plan_id)
    cached = list((tmp_path / "data" / "ocr-cache").glob("*.json"))
    assert len(cached) == 1 and SCANNED_PLAN.split("\n")[1] in json.loads(cached[0].read_text())["pages"][0]["text"]

    again = Services(Settings(data_dir=tmp_path / "data")).ingest_paths([folder]).rows[0]
    assert tesseract_runs() == 1  # Tesseract was not run again
    assert again.status == "unchanged" and again.embedded == 0
    assert again.ocr_pages == 1 and again.ocr_cached == 1 and again.ocr_confidence == first.ocr_confidence
    record = services.store.get_plan(first.plan_id)
    assert record.version == stored.version and record.meta == stored.meta

    # other bytes (here: a comment appended after the end of the PDF) are another file: OCR'd again
    with (folder / "57-lang-son.pdf").open("ab") as pdf:
        pdf.write(b"\n% saved again by the scanner software\n")
    third = services.ingest_paths([folder]).rows[0]
    assert tesseract_runs() == 2 and third.ocr_cached == 0
    assert third.status == "unchanged"  # the same text: nothing stored changes
    assert len(list((tmp_path / "data" / "ocr-cache").glob("*.json"))) == 2


def without_seconds(entry: str) -> list[dict]:
    return [{k: v for k, v in page.items() if k != "seconds"} for page in json.loads(entry)["pages"]]


@pytest.mark.slow  # Tesseract, then a real store
def test_a_damaged_cache_entry_is_ignored_and_written_again(tmp_path, tesseract_runs):
    folder = scanned_folder(tmp_path)
    services = Services(Settings(data_dir=tmp_path / "data"))
    first = services.ingest_paths([folder]).rows[0]
    [entry] = (tmp_path / "data" / "ocr-cache").glob("*.json")
    good = entry.read_text(encoding="utf-8")
    for damage in ('{"pages": [{"number": 1, "te', '{"pages": [{"number": 2, "text": "x", "confidence": 90, "words": 1}]}'):
        entry.write_text(damage, encoding="utf-8")
        row = services.ingest_paths([folder]).rows[0]
        assert row.status == "unchanged" and row.ocr_cached == 0 and row.ocr_confidence == first.ocr_confidence
        assert without_seconds(entry.read_text(encoding="utf-8")) == without_seconds(good)  # rewritten whole
    assert tesseract_runs() == 3


@pytest.mark.slow  # Tesseract, then a real store
def test_reindex_keeps_what_ocr_reported(tmp_path, tesseract_runs):
    folder = scanned_folder(tmp_path)
    services = Services(Settings(data_dir=tmp_path / "data"))
    first = services.ingest_paths([folder]).rows[0]
    before = services.store.get_plan(first.plan_id)
    assert before.meta.ocr_pages == [1] and before.meta.ocr_confidence is not None

    report = Services(Settings(data_dir=tmp_path / "data")).reindex()
    assert report.ok
    [row] = report.rows
    assert row.status == "replaced" and row.ocr_pages == 1 and row.ocr_confidence == first.ocr_confidence
    assert row.quality == first.quality
    after = Services(Settings(data_dir=tmp_path / "data"))
    record = after.store.get_plan(first.plan_id)
    assert record.meta.ocr_pages == [1]
    assert record.meta.ocr_confidence == before.meta.ocr_confidence
    assert record.meta.ocr_low_pages == before.meta.ocr_low_pages
    assert [p["ocr_pages"] for p in after.plans()] == [[1]]
    assert tesseract_runs() == 1  # reindex starts from the stored text


def test_cache_folder_round_trip_refusals_and_size_bound(tmp_path):
    cache = OcrCacheDir(tmp_path / "ocr-cache", max_bytes=3_000)
    keys = [f"{i:064x}-{i:016x}" for i in range(4)]
    for i, key in enumerate(keys):
        cache.put(key, {"pages": [{"number": 1, "text": "Kế hoạch " * 100, "n": i}]})
        os.utime(cache.folder / f"{key}.json", ns=(i * 10**9, i * 10**9))  # written in this order
    assert cache.get(keys[0]) is None and cache.get(keys[1]) is None  # oldest dropped beyond the bound
    assert cache.get(keys[3])["pages"][0]["n"] == 3
    assert not list(cache.folder.glob(".tmp-*"))  # no temporary file left behind
    (cache.folder / f"{keys[3]}.json").write_text("[1, 2]")
    assert cache.get(keys[3]) is None  # valid JSON but not an entry
    with pytest.raises(ValueError):
        cache.get("../../etc/passwd")
