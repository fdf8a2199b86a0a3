"""TCVN3 (ABC) and VNI text: tables tested both ways, detection, and each format that carries such text."""
from __future__ import annotations

import re
import unicodedata

import pytest

from ground import vi
from ingest.legacy_fonts import (
    fix_legacy_text,
    font_encoding,
    tcvn3_to_unicode,
    unicode_to_tcvn3,
    unicode_to_vni,
    vni_to_unicode,
)
from ingest.pipeline import load_plan
from ingest.readers import read_document
from tests.conftest import SAMPLES

LOWER_LETTERS = sorted(set(re.findall(f"[{vi.LOWER}]", "".join(
    c for c in (chr(i) for i in range(0x20, 0x1F00)) if re.match(f"[{vi.LOWER}]", c)))))
VIETNAMESE_LOWER = [c for c in LOWER_LETTERS if not c.isascii()]

PLAN = """ỦY BAN NHÂN DÂN
TỈNH HÀ GIANG
Số: 88/KH-UBND
Hà Giang, ngày 20 tháng 5 năm 2023
KẾ HOẠCH
Triển khai Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa bàn tỉnh
I. MỤC ĐÍCH, YÊU CẦU
Tăng cường quảng bá hình ảnh con người, văn hóa các dân tộc tỉnh Hà Giang ra thế giới.
II. NHIỆM VỤ CỤ THỂ
1. Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức Lễ hội Hoa tam giác mạch hằng năm.
2. Sở Ngoại vụ phối hợp với các cơ quan đại diện Việt Nam ở nước ngoài giới thiệu di sản của tỉnh.
III. TỔ CHỨC THỰC HIỆN
Các sở, ban, ngành, Ủy ban nhân dân các huyện, thành phố thực hiện nghiêm túc Kế hoạch này."""


def test_every_vietnamese_letter_round_trips_through_tcvn3():
    assert len(VIETNAMESE_LOWER) == 67  # đ and the 66 vowels with marks (12 vowels x 6 tones, less a e i o u y)
    for letter in VIETNAMESE_LOWER:
        encoded = unicode_to_tcvn3(letter)
        assert all(ord(c) < 256 for c in encoded), letter
        assert tcvn3_to_unicode(encoded) == letter
    # capitals: the .VnTimeH convention writes them with the lower-case codes in a word of capitals
    for letter in VIETNAMESE_LOWER:
        word = "TH" + letter.upper() + "NG"
        assert tcvn3_to_unicode(unicode_to_tcvn3(word)) == word


def test_every_vietnamese_letter_round_trips_through_vni():
    for letter in VIETNAMESE_LOWER + [c.upper() for c in VIETNAMESE_LOWER]:
        encoded = unicode_to_vni(letter)
        assert all(ord(c) < 256 for c in encoded), letter
        assert vni_to_unicode(encoded) == letter, (letter, encoded)
    # a modifier in lower case after a capital, as VNI typists write "Uûy"
    assert vni_to_unicode("Uûy ban") == "Ủy ban"


def test_known_spellings():
    assert tcvn3_to_unicode("KÕ ho¹ch") == "Kế hoạch"
    assert tcvn3_to_unicode("QuyÕt ®Þnh") == "Quyết định"
    assert tcvn3_to_unicode("KÕ HO¹CH") == "KẾ HOẠCH"
    assert vni_to_unicode("Keá hoaïch") == "Kế hoạch"
    assert vni_to_unicode("Quyeát ñònh") == "Quyết định"


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.txt")))
def test_clean_unicode_is_never_converted(name):
    text = read_document(SAMPLES / name).text
    result = fix_legacy_text(text)
    assert result.encoding is None and result.text == unicodedata.normalize("NFC", text)


def test_clean_unicode_with_latin1_letters_stays():
    text = "Hà Nội, Huế, Đà Nẵng: văn hóa, hòa bình, giữ gìn bản sắc; München, Österreich, café."
    assert fix_legacy_text(text).encoding is None


def test_mixed_page_converts_only_the_legacy_lines():
    text = "Trang chủ | Tin tức\n" + unicode_to_tcvn3("Kế hoạch thực hiện Chiến lược Ngoại giao văn hóa")
    result = fix_legacy_text(text)
    assert result.text == "Trang chủ | Tin tức\nKế hoạch thực hiện Chiến lược Ngoại giao văn hóa"
    assert result.encoding == "tcvn3" and result.lines == 1


def test_font_names():
    assert font_encoding(".VnTime") == "tcvn3" and font_encoding(".VnTimeH") == "tcvn3"
    assert font_encoding("VNI-Times") == "vni"
    assert font_encoding("Times New Roman") is None and font_encoding(None) is None


def test_tcvn3_text_file_becomes_a_plan(tmp_path):
    path = tmp_path / "kh-88.txt"
    path.write_bytes(unicode_to_tcvn3(PLAN).encode("latin-1"))
    raw = read_document(path)
    assert raw.legacy_encoding == "tcvn3"
    assert "Chiến lược Ngoại giao văn hóa" in raw.text
    plan = load_plan(path)  # used to be refused as if it were not Vietnamese
    assert plan.meta.number == "88/KH-UBND" and plan.meta.province == "Hà Giang"
    assert any("TCVN3" in w for w in plan.warnings)


def test_vni_web_page(tmp_path):
    body = "".join(f"<p>{line}</p>" for line in unicode_to_vni(PLAN).split("\n"))
    html = ('<html><head><meta charset="windows-1252"></head><body><div class="menu">Trang chu</div>'
            f'<article><font face="VNI-Times">{body}</font></article></body></html>')
    path = tmp_path / "kh-88.html"
    path.write_bytes(html.encode("cp1252"))
    raw = read_document(path)
    assert raw.legacy_encoding == "vni"
    assert "Sở Ngoại vụ phối hợp" in raw.text
    assert load_plan(path).meta.number == "88/KH-UBND"


def test_docx_runs_in_legacy_fonts(tmp_path):
    from docx import Document

    document = Document()
    heading = document.add_paragraph()
    heading.add_run(unicode_to_tcvn3("kế hoạch")).font.name = ".VnTimeH"  # drawn in capitals
    mixed = document.add_paragraph()
    mixed.add_run("Unicode: ").font.name = "Times New Roman"
    mixed.add_run(unicode_to_tcvn3("Chiến lược Ngoại giao văn hóa")).font.name = ".VnTime"
    vni = document.add_paragraph()
    vni.add_run(unicode_to_vni("Sở Văn hóa, Thể thao và Du lịch chủ trì")).font.name = "VNI-Times"
    path = tmp_path / "legacy.docx"
    document.save(path)
    lines = read_document(path).text.split("\n")
    assert "KẾ HOẠCH" in lines
    assert "Unicode: Chiến lược Ngoại giao văn hóa" in lines
    assert "Sở Văn hóa, Thể thao và Du lịch chủ trì" in lines


def test_pdf_text_layer_in_a_tcvn3_font(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)  # a core font: its codes are the legacy bytes, as in old PDFs
    for line in PLAN.split("\n"):
        pdf.cell(0, 7, unicode_to_tcvn3(line), new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "kh-88.pdf"
    pdf.output(str(path))
    raw = read_document(path)
    assert raw.legacy_encoding == "tcvn3"
    assert "Triển khai Chiến lược Ngoại giao văn hóa" in raw.text


def test_a_unicode_line_with_latin1_signs_is_never_read_as_a_legacy_font():
    """A reader toolbar "× Đọc bài viết Tạm dừng …" holds "×" and "à", which TCVN3 would turn into "ì" and "Ổ"; its
    "Đ", "ọ", "ạ" are letters no legacy font's bytes read as, so the line is Unicode already."""
    page = ("Tin tức và Sự kiện\n× Đọc bài viết Tạm dừng Đọc tiếp Dừng đọc Đang tải...\n"
            "× Bài viết không có file audio\nKỷ niệm 10 năm kết nghĩa giữa thành phố Hội An và Szentendre\n")
    fixed = fix_legacy_text(page)
    assert fixed.encoding is None and fixed.text == page
    # a TCVN3 line still converts
    assert fix_legacy_text(unicode_to_tcvn3("Kế hoạch triển khai Chiến lược")).text == "Kế hoạch triển khai Chiến lược"
