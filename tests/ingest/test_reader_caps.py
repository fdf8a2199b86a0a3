"""Reader caps: zip bombs, huge PDFs and web pages are refused early with a clear reason."""
from __future__ import annotations

import tracemalloc
import zipfile

import pytest

from ingest import pdf as pdf_reader
from ingest import readers
from ingest.errors import IngestError
from ingest.office import DOCX_MAX_RATIO, DOCX_MAX_UNCOMPRESSED
from ingest.readers import read_document
from tests.ingest.test_readers import PLAN_LINES, write_pdf


def _zip_bomb(path, inflated_mib: int, level: int = 9):
    """A .docx-shaped zip whose document part inflates to `inflated_mib` MiB of zeros."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            chunk = b"\0" * (1 << 20)
            for _ in range(inflated_mib):
                part.write(chunk)
    return path


def test_a_zip_bomb_docx_is_refused_without_inflating_it(tmp_path):
    path = _zip_bomb(tmp_path / "bomb.docx", inflated_mib=1024)  # about 1 MB on disk, 1 GB inflated
    assert path.stat().st_size < 2 * 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(IngestError, match="zip bomb"):
            read_document(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024 * 1024


def test_a_highly_compressed_part_is_refused_even_under_the_size_cap(tmp_path):
    path = _zip_bomb(tmp_path / "ratio.docx", inflated_mib=64)
    assert 64 * 2**20 < DOCX_MAX_UNCOMPRESSED
    with zipfile.ZipFile(path) as archive:
        part = archive.getinfo("word/document.xml")
        assert part.file_size / part.compress_size > DOCX_MAX_RATIO
    with pytest.raises(IngestError, match=f"compressed .* times \\(the limit is {DOCX_MAX_RATIO}\\)"):
        read_document(path)


def test_a_real_docx_passes_the_caps(tmp_path):
    from docx import Document

    document = Document()
    for line in PLAN_LINES * 200:
        document.add_paragraph(line)
    path = tmp_path / "long.docx"
    document.save(path)
    assert "Cao Bằng" in read_document(path).text


def test_pdf_page_cap(tmp_path, monkeypatch):
    from pypdf import PdfReader, PdfWriter

    one = PdfReader(write_pdf(tmp_path / "one.pdf", PLAN_LINES))
    writer = PdfWriter()
    for _ in range(3):
        writer.add_page(one.pages[0])
    path = tmp_path / "three.pdf"
    writer.write(path)
    monkeypatch.setattr(pdf_reader, "PDF_MAX_PAGES", 2)
    with pytest.raises(IngestError, match="PDF with 3 pages; the limit is 2 pages per file"):
        read_document(path)


def test_pdf_byte_cap_is_checked_before_reading(tmp_path, monkeypatch):
    path = write_pdf(tmp_path / "plan.pdf", PLAN_LINES)
    monkeypatch.setitem(readers.MAX_BYTES, "pdf", 1000)
    monkeypatch.setattr(type(path), "read_bytes", lambda self: pytest.fail("must not be read"))
    with pytest.raises(IngestError, match="PDF too large .* the limit is 0 MB"):
        read_document(path)


@pytest.mark.parametrize("suffix, kind", [(".html", "web page"), (".txt", "text file")])
def test_text_and_html_size_cap(tmp_path, suffix, kind):
    path = tmp_path / f"huge{suffix}"
    with path.open("wb") as handle:  # sparse: costs no disk, and must cost no memory either
        handle.truncate(readers.TEXT_MAX_BYTES + 1)
    with pytest.raises(IngestError, match=f"{kind} too large .*the limit is 20 MB"):
        read_document(path)
