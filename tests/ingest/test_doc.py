"""Word 97-2003 .doc files, generated at test time, read through antiword (or catdoc) into plans."""
from __future__ import annotations

import shutil

import pytest

from ground import vi
from ingest import office
from ingest.errors import IngestError
from ingest.legacy_fonts import unicode_to_tcvn3
from ingest.pipeline import load_plan
from ingest.readers import find_plan_files, read_document
from tests.conftest import require_system
from tests.ingest.worddoc import write_doc

PARAGRAPHS = [
    "ỦY BAN NHÂN DÂN TỈNH YÊN BÁI",
    "Số: 140/KH-UBND",
    "Yên Bái, ngày 8 tháng 9 năm 2022",
    "KẾ HOẠCH",
    "Triển khai Chiến lược Ngoại giao văn hóa đến năm 2030",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "Quảng bá hình ảnh, con người, văn hóa các dân tộc tỉnh Yên Bái tới bạn bè quốc tế.",
    "II. NHIỆM VỤ",
    "1. Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức Lễ hội Ruộng bậc thang Mù Cang Chải hằng năm.",
    "2. Sở Ngoại vụ phối hợp tổ chức các đoàn công tác đối ngoại.",
    "III. TỔ CHỨC THỰC HIỆN",
    "Các sở, ban, ngành và Ủy ban nhân dân các huyện triển khai thực hiện Kế hoạch này.",
]


def _without(monkeypatch, *programs: str) -> None:
    real_which = shutil.which
    monkeypatch.setattr(office.shutil, "which", lambda name: None if name in programs else real_which(name))


def test_doc_is_read_with_antiword_into_a_plan(tmp_path):
    require_system("antiword", "antiword")
    path = write_doc(tmp_path / "kh-140.doc", PARAGRAPHS)
    assert find_plan_files(tmp_path) == [path]
    raw = read_document(path)
    assert raw.fmt == "doc"
    assert raw.text.split("\n")[:2] == PARAGRAPHS[:2]
    plan = load_plan(path)
    assert plan.meta.number == "140/KH-UBND" and plan.meta.province == "Yên Bái"
    assert "ii nhiem vu" in [vi.collapse(s.label) for s in plan.sections.walk()]
    assert any(vi.collapse(a.agency) == "so ngoai vu" for a in plan.assignments)


def test_doc_falls_back_to_catdoc(tmp_path, monkeypatch):
    require_system("catdoc", "catdoc")
    _without(monkeypatch, "antiword")
    raw = read_document(write_doc(tmp_path / "kh-140.doc", PARAGRAPHS))
    assert "Lễ hội Ruộng bậc thang Mù Cang Chải" in raw.text


def test_doc_typed_in_a_tcvn3_font(tmp_path):
    require_system("antiword", "antiword")
    raw = read_document(write_doc(tmp_path / "old.doc", [unicode_to_tcvn3(p) for p in PARAGRAPHS]))
    assert raw.legacy_encoding == "tcvn3"
    assert "Số: 140/KH-UBND" in raw.text and "KẾ HOẠCH" in raw.text
    # TCVN3 writes ư as byte 0xAD, U+00AD (soft hyphen) to Word: kept by antiword, and by catdoc in our format
    assert "Chiến lược Ngoại giao văn hóa đến năm 2030" in raw.text and "con người" in raw.text


def test_tcvn3_u_horn_survives_catdoc(tmp_path, monkeypatch):
    require_system("catdoc", "catdoc")
    _without(monkeypatch, "antiword")
    raw = read_document(write_doc(tmp_path / "old.doc", [unicode_to_tcvn3(p) for p in PARAGRAPHS]))
    assert raw.legacy_encoding == "tcvn3"
    assert "Triển khai Chiến lược Ngoại giao văn hóa đến năm 2030" in raw.text
    assert "Quảng bá hình ảnh, con người, văn hóa" in raw.text


def test_a_real_soft_hyphen_in_a_unicode_doc_is_dropped(tmp_path, monkeypatch):
    require_system("catdoc", "catdoc")
    _without(monkeypatch, "antiword")
    hyphenated = [p.replace("Chiến lược", "Chiến lư\u00adợc") for p in PARAGRAPHS]
    raw = read_document(write_doc(tmp_path / "kh-140.doc", hyphenated))
    assert raw.legacy_encoding is None
    assert "Chiến lược Ngoại giao" in raw.text and "\u00ad" not in raw.text


def test_without_antiword_and_catdoc_the_error_names_them(tmp_path, monkeypatch):
    _without(monkeypatch, "antiword", "catdoc")
    with pytest.raises(IngestError, match="install the Debian package antiword or catdoc"):
        read_document(write_doc(tmp_path / "kh.doc", PARAGRAPHS))


def test_corrupt_doc(tmp_path):
    require_system("antiword", "antiword")
    path = tmp_path / "broken.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600 + b"garbage" * 100)
    with pytest.raises(IngestError, match="corrupt or unreadable .doc"):
        read_document(path)


def test_docx_named_doc(tmp_path):
    from docx import Document

    document = Document()
    document.add_paragraph("KẾ HOẠCH")
    path = tmp_path / "misnamed.doc"
    document.save(path)
    with pytest.raises(IngestError, match="not a Word 97-2003 .doc file .it is a .docx"):
        read_document(path)
