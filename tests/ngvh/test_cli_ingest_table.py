"""The ingest table and its JSON: OCR pages and confidence, text quality, and warning rows."""
import json

import pytest

from tests.conftest import require_system
from tests.ingest.test_ocr import SCANNED_PLAN, write_scanned_pdf
from tests.ingest.test_repair import DAMAGED_PLAN
from tests.ngvh.test_cli import run

pytestmark = pytest.mark.slow  # the CLI in a subprocess: OCR and the real model

def test_ingest_reports_ocr_quality_and_warnings(tmp_path):
    require_system("tesseract", "tesseract-ocr tesseract-ocr-vie")
    folder = tmp_path / "in"
    folder.mkdir()
    write_scanned_pdf(folder / "scan.pdf", SCANNED_PLAN)
    (folder / "damaged.txt").write_text(DAMAGED_PLAN, encoding="utf-8")
    result = run(["ingest", "--json", str(folder)], tmp_path / "store")
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    rows = {r["source"]: r for r in report["files"]}
    scan, damaged = rows["scan.pdf"], rows["damaged.txt"]
    assert scan["status"] == damaged["status"] == "added"
    assert scan["ocr_pages"] == 1 and scan["ocr_confidence"] > 60 and scan["quality"] >= 0.9
    assert scan["warnings"] == []
    assert damaged["ocr_pages"] == 0 and damaged["quality"] < 0.9
    assert damaged["warnings"] and damaged["warnings"][0].startswith("text quality")
    assert report["warnings"] == 1

    table = run(["ingest", str(folder)], tmp_path / "store", timeout=300)
    assert "1 tệp có cảnh báo" in table.stdout and "⚠" in table.stdout
    assert f"1 tr. {scan['ocr_confidence']:.0f}%" in table.stdout and "0.73" in table.stdout
