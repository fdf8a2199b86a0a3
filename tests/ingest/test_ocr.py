"""Scanned PDFs: a plan rendered to an image and wrapped as an image-only PDF comes out through OCR."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ground import vi
from ingest import ocr
from ingest.errors import IngestError
from ingest.pipeline import load_plan
from ingest.readers import read_document
from tests.conftest import require_system

# A plan written for this test, in the layout provincial offices print and then scan.
SCANNED_PLAN = """ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN
Số: 57/KH-UBND
Lạng Sơn, ngày 12 tháng 3 năm 2024
KẾ HOẠCH
Thực hiện Chiến lược Ngoại giao văn hóa đến năm 2030
I. MỤC ĐÍCH, YÊU CẦU
Quảng bá hình ảnh đất nước, con người Lạng Sơn ra thế giới;
nâng cao hiệu quả công tác đối ngoại của tỉnh.
II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức lễ hội
văn hóa biên giới hằng năm.
2. Sở Ngoại vụ phối hợp giới thiệu di sản của tỉnh với
các đoàn khách quốc tế.
III. TỔ CHỨC THỰC HIỆN
Các sở, ngành triển khai thực hiện kế hoạch này."""


def vietnamese_font() -> Path:
    for candidate in (Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
                      Path("/usr/share/fonts/dejavu/DejaVuSans.ttf")):
        if candidate.exists():
            return candidate
    try:
        import matplotlib

        bundled = Path(matplotlib.__file__).parent / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"
        if bundled.exists():
            return bundled
    except ImportError:
        pass
    pytest.skip("no TTF font with Vietnamese glyphs (install the Debian package fonts-dejavu-core)")


def write_scanned_pdf(path: Path, text: str, pages: int = 1, noise: bool = False) -> Path:
    """Each page an A4 image at 200 dpi with the text drawn on it; no text layer at all."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(vietnamese_font()), 34)
    images = []
    for _ in range(pages):
        image = Image.new("L", (1654, 2339), 255)
        draw = ImageDraw.Draw(image)
        for i, line in enumerate(text.split("\n")):
            draw.text((140, 150 + 60 * i), line, font=font, fill=0)
        if noise:  # a stamp-like smear: unreadable, low confidence
            import random

            rng = random.Random(7)
            for _ in range(60000):
                draw.point((rng.randrange(1654), rng.randrange(2339)), fill=0)
        images.append(image)
    images[0].save(path, "PDF", resolution=200, save_all=True, append_images=images[1:])
    return path


def test_scanned_pdf_is_read_by_ocr_into_a_plan(tmp_path):
    require_system("tesseract", "tesseract-ocr tesseract-ocr-vie")
    path = write_scanned_pdf(tmp_path / "scan.pdf", SCANNED_PLAN)
    raw = read_document(path)
    assert raw.ocr is not None and raw.ocr.page_numbers == [1]
    assert raw.ocr.confidence is not None and raw.ocr.confidence > 60

    plan = load_plan(path)
    assert plan.meta.number == "57/KH-UBND"
    assert plan.meta.ocr_pages == [1] and plan.meta.ocr_confidence == raw.ocr.confidence
    labels = [vi.collapse(s.label) for s in plan.sections.walk()]
    assert "ii nhiem vu va giai phap" in labels
    assert "iii to chuc thuc hien" in labels
    duty = next(a for a in plan.assignments if vi.collapse(a.agency) == "so van hoa the thao va du lich")
    assert "le hoi van hoa bien gioi" in vi.collapse(duty.task)
    assert plan.meta.quality is not None and plan.meta.quality >= 0.9


def test_a_text_layer_pdf_is_not_ocrd(tmp_path):
    from tests.ingest.test_readers import PLAN_LINES, write_pdf

    raw = read_document(write_pdf(tmp_path / "text.pdf", PLAN_LINES))
    assert raw.ocr is None


def test_too_many_scanned_pages_are_refused_before_any_ocr(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr, "OCR_MAX_PAGES", 2)
    monkeypatch.setattr(ocr, "tesseract", lambda source: pytest.fail("OCR must not start"))
    path = write_scanned_pdf(tmp_path / "long.pdf", "Trang", pages=3)
    with pytest.raises(IngestError, match="OCR reads at most 2 pages per file"):
        read_document(path)


def test_without_tesseract_the_error_names_the_packages(tmp_path, monkeypatch):
    real_which = shutil.which
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None if name == "tesseract" else real_which(name))
    path = write_scanned_pdf(tmp_path / "scan.pdf", "KẾ HOẠCH")
    with pytest.raises(IngestError, match="tesseract-ocr tesseract-ocr-vie"):
        read_document(path)


def test_a_page_read_badly_is_reported(tmp_path, monkeypatch):
    require_system("tesseract", "tesseract-ocr tesseract-ocr-vie")
    monkeypatch.setattr(ocr, "OCR_CONFIDENCE_FLOOR", 101.0)  # no page can reach it
    plan = load_plan(write_scanned_pdf(tmp_path / "scan.pdf", SCANNED_PLAN))
    assert plan.meta.ocr_low_pages == [1]
    assert any("OCR confidence" in w and "page(s) 1" in w for w in plan.warnings)


def test_render_scale_respects_the_pixel_cap():
    a4 = (595.0, 842.0)
    assert ocr.render_scale(*a4) == pytest.approx(300 / 72)
    poster = (595.0 * 8, 842.0 * 8)
    scale = ocr.render_scale(*poster)
    assert poster[0] * scale * poster[1] * scale <= ocr.OCR_MAX_PIXELS * 1.0001


def test_tsv_parsing_keeps_lines_and_averages_confidence():
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [
        "5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t90\tKẾ",
        "5\t1\t1\t1\t1\t2\t0\t0\t1\t1\t80\tHOẠCH",
        "4\t1\t1\t1\t2\t0\t0\t0\t1\t1\t-1\t",
        "5\t1\t1\t1\t2\t1\t0\t0\t1\t1\t70\tThực",
        "5\t1\t2\t1\t1\t1\t0\t0\t1\t1\t60\tI.",
    ]
    text, confidence, words = ocr.parse_tsv("\n".join([header, *rows]))
    assert text == "KẾ HOẠCH\nThực\n\nI."
    assert confidence == 75.0 and words == 4


def test_a_page_over_the_time_limit_is_refused(tmp_path, monkeypatch):
    require_system("tesseract", "tesseract-ocr tesseract-ocr-vie")
    monkeypatch.setattr(ocr, "OCR_SECONDS_PER_PAGE", 0.01)
    with pytest.raises(IngestError, match="OCR of page 1 took longer than"):
        read_document(write_scanned_pdf(tmp_path / "scan.pdf", SCANNED_PLAN))


def test_a_garbled_hidden_text_layer_is_read_again_by_ocr(tmp_path):
    """A scan whose hidden text layer is junk (a poor scanner OCR): OCR's reading replaces it."""
    require_system("tesseract", "tesseract-ocr tesseract-ocr-vie")
    from fpdf import FPDF

    scan = write_scanned_pdf(tmp_path / "scan.pdf", SCANNED_PLAN)
    import pypdfium2 as pdfium

    image = pdfium.PdfDocument(str(scan))[0].render(scale=200 / 72).to_pil()
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.image(image, x=0, y=0, w=210, h=297)
    pdf.set_font("helvetica", size=11)
    pdf.text_mode = "INVISIBLE"
    for i in range(12):
        pdf.text(20, 20 + 8 * i, "Kzxq hvbt rrnm Ovlq xzp fkwg qqhz Tprn vvlk zzbt xqrm")
    path = tmp_path / "bad-layer.pdf"
    pdf.output(str(path))

    raw = read_document(path)
    assert raw.ocr is not None and raw.ocr.page_numbers == [1]
    assert "Sở Ngoại vụ phối hợp" in raw.text and "Kzxq" not in raw.text


def test_a_good_text_layer_is_kept_as_it_is(tmp_path, monkeypatch):
    from tests.ingest.test_readers import PLAN_LINES, write_pdf

    monkeypatch.setattr(ocr, "tesseract", lambda source: pytest.fail("a readable layer needs no OCR"))
    raw = read_document(write_pdf(tmp_path / "text.pdf", PLAN_LINES * 5))
    assert raw.ocr is None and "Cao Bằng" in raw.text


def test_an_ocr_cache_entry_serves_only_the_pages_it_was_made_for():
    import json

    info = ocr.OcrInfo(pages=[ocr.OcrPage(number=2, text="Kế hoạch", confidence=91.5, words=2, seconds=3.0)])
    entry = json.loads(json.dumps(info.to_entry(), ensure_ascii=False))  # as a cache keeps it
    back = ocr.OcrInfo.from_entry(entry, [2])
    assert back is not None and back.cached_pages == 1 and back.seconds == 0
    assert (back.pages[0].text, back.pages[0].confidence, back.confidence) == ("Kế hoạch", 91.5, 91.5)
    assert ocr.OcrInfo.from_entry(entry, [1, 2]) is None  # asked for other pages
    for damaged in (None, [], {"pages": [{"number": "two"}]}, {"pages": [{"number": 2, "text": "x"}]}):
        assert ocr.OcrInfo.from_entry(damaged, [2]) is None
