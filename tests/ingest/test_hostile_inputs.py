"""Inputs that cost unbounded time or memory before issue 20 are refused quickly, with a reason, in little memory."""
from __future__ import annotations

import resource
import time

import pytest

from ingest.errors import IngestError
from ingest.readers import HTML_MAX_DEPTH, html_to_text, read_document
from tests.ingest.hostile import big_image_pdf, legacy_looking_binary, nested_html


def _refused(path) -> tuple[str, float]:
    started = time.process_time()
    with pytest.raises(IngestError) as caught:
        read_document(path)
    return str(caught.value), time.process_time() - started


def test_deeply_nested_html_is_refused_at_once(tmp_path):
    """Old code: ~30 min of CPU in bs4's lookups, then a RecursionError."""
    reason, cpu = _refused(nested_html(tmp_path / "deep.html"))
    assert f"more than {HTML_MAX_DEPTH} deep" in reason and cpu < 5
    renamed = nested_html(tmp_path / "deep.txt")  # a saved page renamed to .txt takes the same way
    assert f"more than {HTML_MAX_DEPTH} deep" in _refused(renamed)[0]


def test_pages_nested_within_the_limit_still_read():
    shallow = "<html><body>" + "<div>" * (HTML_MAX_DEPTH - 10) + "Kế hoạch" + "</div>" * (HTML_MAX_DEPTH - 10) + "</body></html>"
    assert html_to_text(shallow).strip() == "Kế hoạch"
    unclosed = "<html><body>" + "<p>Kế hoạch số một" * 300 + "</body></html>"  # html.parser nests each <p>
    assert html_to_text(unclosed).count("Kế hoạch") == 300


@pytest.mark.parametrize("images,side", [(1, 26_500), (3, 10_000)])
def test_huge_pdf_images_are_refused_before_decoding(tmp_path, images, side):
    """Old code: the renderer decoded the image whatever the OCR scale: 2.29 GB resident (1.38 GB for three)."""
    path = big_image_pdf(tmp_path / "big.pdf", side=side, images=images)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    reason, cpu = _refused(path)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert "million pixels" in reason and "page 1" in reason and cpu < 5 and grown_mb < 100


def test_binary_that_looks_like_tcvn3_is_refused_early(tmp_path):
    """Old code: refused, but after 13 s of CPU per MB converting lines that are no text."""
    reason, cpu = _refused(legacy_looking_binary(tmp_path / "binary.txt"))
    assert "unknown encoding" in reason and cpu < 1.5
