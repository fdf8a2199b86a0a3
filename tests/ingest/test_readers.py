"""Reading files: text encodings, saved web pages, PDF text layers, Word documents, and refusals."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from ingest.errors import IngestError
from ingest.readers import SUPPORTED_SUFFIXES, find_plan_files, looks_like_html, read_document, unwrap_lines
from tests.conftest import FIXTURES, require_system

FILES = FIXTURES / "files"
PLAN_LINES = [
    "ỦY BAN NHÂN DÂN TỈNH CAO BẰNG",
    "KẾ HOẠCH HÀNH ĐỘNG",
    "Triển khai thực hiện Chiến lược Ngoại giao văn hóa đến năm 2030",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "- Quảng bá hình ảnh đất nước, con người Việt Nam và tỉnh Cao Bằng.",
]


def _font() -> Path:
    candidates = [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")]
    try:
        import matplotlib

        candidates.append(Path(matplotlib.__file__).parent / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf")
    except ImportError:
        pass
    for path in candidates:
        if path.exists():
            return path
    pytest.skip("no TTF font with Vietnamese glyphs (install fonts-dejavu-core or matplotlib)")


def write_pdf(path: Path, lines: list[str], text_layer: bool = True) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    if text_layer:
        pdf.add_font("DejaVu", fname=str(_font()))
        pdf.set_font("DejaVu", size=12)
        for line in lines:
            pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    else:  # what a scanner produces: drawings, no characters
        pdf.set_fill_color(30, 30, 30)
        for i in range(10):
            pdf.rect(20, 20 + 10 * i, 150, 4, style="F")
    pdf.output(str(path))
    return path


def write_encrypted_pdf(path: Path, user_password: str) -> Path:
    from pypdf import PdfReader, PdfWriter

    plain = write_pdf(path.with_name("plain-" + path.name), PLAN_LINES)
    writer = PdfWriter(clone_from=PdfReader(plain))
    # RC4 needs no extra crypto library; the owner password alone still lets anyone open the file
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="RC4-128")
    with path.open("wb") as handle:
        writer.write(handle)
    plain.unlink()
    return path


def write_docx(path: Path) -> Path:
    from docx import Document

    doc = Document()
    header = doc.add_table(rows=1, cols=2)  # the emblem header is laid out as a two-column table
    left, right = header.rows[0].cells
    left.text = "ỦY BAN NHÂN DÂN"
    left.add_paragraph("TỈNH CAO BẰNG")
    left.add_paragraph("Số: 726/KH-UBND")
    right.text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    right.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    right.add_paragraph("Cao Bằng, ngày 29 tháng 3 năm 2022")
    doc.add_paragraph("KẾ HOẠCH HÀNH ĐỘNG")
    doc.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU")
    doc.add_paragraph("Phụ lục nhiệm vụ:")
    tasks = doc.add_table(rows=3, cols=5)
    rows = [
        ["TT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian"],
        ["1", "Tổ chức Ngày Văn hóa", "Sở Ngoại vụ", "Sở VHTTDL", "2022-2025"],
        ["2", "Quảng bá Công viên địa chất\nNon nước Cao Bằng", "Sở VHTTDL", "", "Hằng năm"],
    ]
    for row, values in zip(tasks.rows, rows, strict=False):
        for cell, value in zip(row.cells, values, strict=False):
            cell.text = value
    doc.add_paragraph("II. MỤC TIÊU")
    doc.save(str(path))
    return path


# --- plain text ---------------------------------------------------------------------------------

def test_sample_text_files_are_read_as_normalised_text(samples_dir):
    raw = read_document(samples_dir / "001_32f94a6958947b77.txt")
    assert raw.fmt == "txt" and raw.source == "001_32f94a6958947b77.txt"
    assert "Số hiệu 726/KH-UBND" in raw.text
    assert raw.text == unicodedata.normalize("NFC", raw.text)
    assert "\u00a0" not in raw.text


def test_utf8_bom_and_old_tone_marks(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "Kế hoạch phát triển văn hoá, khoẻ mạnh".encode())
    assert read_document(path).text == "Kế hoạch phát triển văn hóa, khỏe mạnh"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom(tmp_path, encoding):
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes("Kế hoạch số 12/KH-UBND\nvề ngoại giao văn hóa".encode(encoding))
    assert read_document(path).text == "Kế hoạch số 12/KH-UBND\nvề ngoại giao văn hóa"


def _cp1258(text: str) -> bytes:
    """How old Windows editors saved Vietnamese: base letters precomposed, tone marks combining."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        try:
            out.append(char.encode("cp1258"))
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", char)
            tones = "".join(c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
            out.append((base + tones).encode("cp1258"))
    return b"".join(out)


def test_windows_1258_text(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes(_cp1258("Kế hoạch thực hiện Chiến lược Ngoại giao văn hóa"))
    assert read_document(path).text == "Kế hoạch thực hiện Chiến lược Ngoại giao văn hóa"


def test_binary_data_in_a_text_file_is_refused(tmp_path):
    path = tmp_path / "binary.txt"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(IngestError, match="binary|decode"):
        read_document(path)


def test_empty_and_blank_files_are_refused(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b"  \n\n \t")
    for path in (empty, blank):
        with pytest.raises(IngestError, match="empty") as err:
            read_document(path)
        assert err.value.source == path.name


def test_unsupported_suffix(tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(IngestError, match="unsupported file type '.xlsx'"):
        read_document(path)
    assert ".docx" in SUPPORTED_SUFFIXES and ".pdf" in SUPPORTED_SUFFIXES


def test_missing_file(tmp_path):
    with pytest.raises(IngestError, match="cannot read"):
        read_document(tmp_path / "gone.txt")


def test_non_plan_text_is_still_read():
    # deciding that it is not a plan is the pipeline's job; the reader just reads
    raw = read_document(FILES / "not_a_plan.txt")
    assert raw.fmt == "txt" and raw.text.startswith("Cách nấu phở bò")


# --- HTML ---------------------------------------------------------------------------------------

def test_saved_web_page_keeps_the_article_and_drops_the_chrome():
    raw = read_document(FILES / "news_page.html")
    assert raw.fmt == "html"
    lines = raw.text.split("\n")
    assert lines[0] == "Lạng Sơn ban hành Kế hoạch thực hiện Chiến lược Ngoại giao văn hóa đến năm 2030"
    assert "15/05/2022 08:30" in lines
    assert any(line.startswith("Ngày 12/5/2022, Ủy ban nhân dân tỉnh Lạng Sơn ban hành") for line in lines)
    assert lines[-1].startswith("Sở Ngoại vụ là cơ quan thường trực")
    # table rows in the same form as Word tables
    assert "| 1 | Tổ chức Ngày Văn hóa Việt Nam | Sở Ngoại vụ |" in lines
    assert lines.index("| TT | Nhiệm vụ | Cơ quan chủ trì |") + 1 == lines.index(
        "| 1 | Tổ chức Ngày Văn hóa Việt Nam | Sở Ngoại vụ |")
    for chrome in ["tracking", "color:red", "CỔNG THÔNG TIN ĐIỆN TỬ", "Xứ Lạng anh hùng", "Trang chủ",
                   "Giới thiệu", "Chia sẻ", "Facebook", "Tin đọc nhiều", "Các tin khác", "Quảng Tây",
                   "Ý kiến bạn đọc", "Địa chỉ", "Điện thoại", "comment that must not appear"]:
        assert chrome not in raw.text, chrome


def test_html_saved_with_a_txt_suffix_is_read_as_html(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text((FILES / "news_page.html").read_text(encoding="utf-8"), encoding="utf-8")
    raw = read_document(path)
    assert raw.fmt == "html"
    assert "<p>" not in raw.text and "Kế hoạch số 58/KH-UBND" in raw.text


def test_html_detection():
    assert looks_like_html("<!DOCTYPE html><html><body><p>x</p></body></html>")
    assert looks_like_html("\n<html lang='vi'><p>x</p>")
    assert not looks_like_html("Kế hoạch số 12/KH-UBND\nNội dung <không phải> thẻ HTML")


def test_html_with_a_declared_legacy_charset(tmp_path):
    path = tmp_path / "old.htm"
    html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head>'
    path.write_bytes(html.encode("ascii") + b"<body><p>" + _cp1258("Ngoại giao văn hóa") + b"</p></body></html>")
    assert read_document(path).text == "Ngoại giao văn hóa"


def test_page_with_only_chrome_has_no_text(tmp_path):
    path = tmp_path / "menu.html"
    path.write_text("<html><body><nav>Trang chủ</nav><script>x()</script></body></html>", encoding="utf-8")
    with pytest.raises(IngestError, match="no readable text"):
        read_document(path)


# --- PDF ----------------------------------------------------------------------------------------

def test_pdf_text_layer(tmp_path):
    raw = read_document(write_pdf(tmp_path / "plan.pdf", PLAN_LINES))
    assert raw.fmt == "pdf"
    for line in PLAN_LINES:
        assert line in raw.text


def test_pdf_line_wraps_are_joined():
    text = "- Quảng bá hình ảnh đất nước, con người\nViệt Nam và tỉnh Cao Bằng đến\nbạn bè quốc tế.\n2. Yêu cầu"
    assert unwrap_lines(text) == (
        "- Quảng bá hình ảnh đất nước, con người\nViệt Nam và tỉnh Cao Bằng đến bạn bè quốc tế.\n2. Yêu cầu")


def test_scanned_pdf_with_nothing_to_read(tmp_path):
    require_system("tesseract", "tesseract-ocr")
    path = write_pdf(tmp_path / "scan.pdf", [], text_layer=False)
    with pytest.raises(IngestError, match="scanned PDF in which OCR found no readable text"):
        read_document(path)


def test_password_protected_pdf(tmp_path):
    path = write_encrypted_pdf(tmp_path / "locked.pdf", user_password="secret")
    with pytest.raises(IngestError, match="encrypted"):
        read_document(path)


def test_pdf_encrypted_with_an_empty_user_password_opens(tmp_path):
    raw = read_document(write_encrypted_pdf(tmp_path / "owner-only.pdf", user_password=""))
    assert "KẾ HOẠCH HÀNH ĐỘNG" in raw.text


def test_garbage_with_a_pdf_suffix(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"\x89\x13garbage\x00\xff" * 50)
    with pytest.raises(IngestError, match="not a PDF"):
        read_document(path)


def test_truncated_pdf(tmp_path):
    whole = write_pdf(tmp_path / "whole.pdf", PLAN_LINES).read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(whole[:200])
    with pytest.raises(IngestError, match="PDF"):
        read_document(path)


# --- DOCX ---------------------------------------------------------------------------------------

def test_docx_paragraphs_and_tables_in_document_order(tmp_path):
    raw = read_document(write_docx(tmp_path / "plan.docx"))
    assert raw.fmt == "docx"
    lines = [line for line in raw.text.split("\n") if line]
    # the layout table of the emblem header becomes plain lines, left column first
    assert lines[:6] == ["ỦY BAN NHÂN DÂN", "TỈNH CAO BẰNG", "Số: 726/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Độc lập - Tự do - Hạnh phúc", "Cao Bằng, ngày 29 tháng 3 năm 2022"]
    assert lines[6:] == [
        "KẾ HOẠCH HÀNH ĐỘNG",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Phụ lục nhiệm vụ:",
        "| TT | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian |",
        "| 1 | Tổ chức Ngày Văn hóa | Sở Ngoại vụ | Sở VHTTDL | 2022-2025 |",
        "| 2 | Quảng bá Công viên địa chất Non nước Cao Bằng | Sở VHTTDL | | Hằng năm |",
        "II. MỤC TIÊU",
    ]


def test_docx_merged_cells_appear_once(tmp_path):
    from docx import Document

    doc = Document()
    table = doc.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = "Nhiệm vụ trọng tâm"
    for cell, value in zip(table.rows[1].cells, ["1", "Tổ chức hội thảo", "Sở Ngoại vụ"], strict=False):
        cell.text = value
    doc.save(str(tmp_path / "merged.docx"))
    text = read_document(tmp_path / "merged.docx").text
    assert text.split("\n") == ["| Nhiệm vụ trọng tâm |", "| 1 | Tổ chức hội thảo | Sở Ngoại vụ |"]


def test_text_file_named_docx(tmp_path):
    path = tmp_path / "fake.docx"
    path.write_text("Kế hoạch số 12/KH-UBND", encoding="utf-8")
    with pytest.raises(IngestError, match="not a real .docx"):
        read_document(path)


def test_old_word_file_named_docx(tmp_path):
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    with pytest.raises(IngestError, match=r"old \.doc"):
        read_document(path)


def test_corrupt_docx_zip(tmp_path):
    path = tmp_path / "corrupt.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 100)
    with pytest.raises(IngestError, match="corrupt"):
        read_document(path)


# --- folders ------------------------------------------------------------------------------------

def test_find_plan_files_walks_a_folder(tmp_path):
    for name in ["b/2.docx", "a.txt", "b/c/3.PDF", "b/page.htm", "notes.md", ".hidden.txt", ".git/x.txt",
                 "b/~$2.docx", "z.html"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in find_plan_files(tmp_path)]
    assert found == ["a.txt", "b/2.docx", "b/c/3.PDF", "b/page.htm", "z.html"]


def test_find_plan_files_single_file_and_missing_path(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("x", encoding="utf-8")
    assert find_plan_files(path) == [path]
    with pytest.raises(IngestError, match="no such file"):
        find_plan_files(tmp_path / "missing")
