"""PDF → text: the text layer where a page has one, OCR where it is a scanned image.

Refusals name what the administrator can do: a password, AES without the crypto library, a file
that is not a PDF, one above the size or page caps, a scan longer than OCR reads.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ground.vi import normalize_spaces
from ingest.errors import IngestError
from ingest.legacy_fonts import fix_legacy_text
from ingest.ocr import OCR_MAX_PAGES, OcrCache, OcrInfo, ocr_pdf_pages
from ingest.quality import counted_words, text_quality

PDF_MAX_BYTES = 100 * 1024 * 1024
PDF_MAX_PAGES = 1000
# Pixels of the images one page draws, read from their headers before OCR renders the page: the renderer
# decodes each image at full size whatever the render's own scale (a 26,500² image is 2 GB as RGB).
# 40 million is 120 MB as RGB; an A4 scan at 600 dpi is 35 million.
PAGE_IMAGE_MAX_PIXELS = 40_000_000
_FORM_DEPTH_MAX = 8  # forms drawn inside forms, followed this deep
_MIN_TEXT_PER_PAGE = 20  # characters: below this a page is an image with at most a stamp's worth of text
# A text layer this bad (a scanner's poor hidden OCR layer, a font without a Unicode map) is read again by
# OCR, and the better of the two is kept.
GARBLED_QUALITY = 0.5
_GARBLED_MIN_WORDS = 20


@dataclass
class PdfText:
    text: str
    ocr: OcrInfo | None  # None when every page had a text layer


def pdf_to_text(path: Path, data: bytes, ocr_cache: OcrCache | None = None) -> PdfText:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    source = path.name
    if not data.lstrip().startswith(b"%PDF"):
        raise IngestError(source, "not a PDF file (no PDF header): corrupt, or the extension is wrong")
    if len(data) > PDF_MAX_BYTES:
        raise IngestError(source, f"PDF too large ({len(data) // 2**20} MB; the limit is {PDF_MAX_BYTES // 2**20} MB)")
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except DependencyError as exc:
                raise IngestError(source, "encrypted PDF with AES, which cannot be opened here; "
                                          "save an unencrypted copy") from exc
            if not opened:
                raise IngestError(source, "encrypted PDF protected by a password; save an unencrypted copy")
        count = len(reader.pages)
        if count > PDF_MAX_PAGES:
            raise IngestError(source, f"PDF with {count} pages; the limit is {PDF_MAX_PAGES} pages per file")
        pages = [page.extract_text() or "" for page in reader.pages]
    except IngestError:
        raise
    except FileNotDecryptedError as exc:
        raise IngestError(source, "encrypted PDF protected by a password; save an unencrypted copy") from exc
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise IngestError(source, f"corrupt or unreadable PDF ({exc})") from exc
    if not pages:
        raise IngestError(source, "the PDF has no pages")
    scanned = [i + 1 for i, page in enumerate(pages) if len("".join(page.split())) < _MIN_TEXT_PER_PAGE]
    ocr = None
    if scanned:
        if reader.is_encrypted:
            raise IngestError(source, "encrypted scanned PDF: save an unencrypted copy so that it can be OCR'd")
        refuse_huge_images(reader, scanned, source)
        ocr = ocr_pdf_pages(data, scanned, source, cache=ocr_cache)
        for page in ocr.pages:
            pages[page.number - 1] = page.text
        if not any(p.text.strip() for p in ocr.pages) and len(scanned) == len(pages):
            raise IngestError(source, "scanned PDF in which OCR found no readable text")
    garbled = [i + 1 for i, page in enumerate(pages) if i + 1 not in scanned and is_garbled(page)]
    garbled = [n for n in garbled if image_pixels(reader.pages[n - 1].get("/Resources")) <= PAGE_IMAGE_MAX_PIXELS]
    if garbled and not reader.is_encrypted and len(scanned) + len(garbled) <= OCR_MAX_PAGES:
        ocr = _reread_garbled(data, pages, garbled, source, ocr, ocr_cache)
    return PdfText(text="\n\n".join(unwrap_lines(p) for p in pages), ocr=ocr)


def refuse_huge_images(reader, page_numbers: list[int], source: str) -> None:
    """IngestError naming the first page to be OCR'd whose images are too large to decode."""
    for number in page_numbers:
        pixels = image_pixels(reader.pages[number - 1].get("/Resources"))
        if pixels > PAGE_IMAGE_MAX_PIXELS:
            raise IngestError(source, f"page {number} draws images of {pixels / 1e6:.0f} million pixels; the limit is "
                                      f"{PAGE_IMAGE_MAX_PIXELS / 1e6:.0f} million (scan it again at 300 dpi)")


def image_pixels(resources, depth: int = 0) -> int:
    """Width × height of the image XObjects a page's resources hold (forms followed), from their headers only."""
    try:
        xobjects = resources.get_object().get("/XObject") if resources is not None else None
        if xobjects is None:
            return 0
        xobjects = xobjects.get_object()
        total = 0
        for name in list(xobjects.keys()):
            obj = xobjects[name].get_object()
            subtype = obj.get("/Subtype")
            if subtype == "/Image":
                total += int(obj.get("/Width", 0)) * int(obj.get("/Height", 0))
            elif subtype == "/Form" and depth < _FORM_DEPTH_MAX:
                total += image_pixels(obj.get("/Resources"), depth + 1)
        return total
    except (AttributeError, KeyError, TypeError, ValueError):
        return 0  # a malformed dictionary: the renderer reports what it cannot draw


def is_garbled(page: str) -> bool:
    """A text layer that is mostly glyph codes, replacement marks or non-words."""
    compact = "".join(page.split())
    if not compact:
        return False
    odd = sum(1 for c in compact if c == "\ufffd" or "\ue000" <= c <= "\uf8ff" or ord(c) < 32)
    if odd > 0.1 * len(compact):
        return True
    text = fix_legacy_text(page).text
    return len(counted_words(text)) >= _GARBLED_MIN_WORDS and text_quality(text) < GARBLED_QUALITY


def _reread_garbled(data: bytes, pages: list[str], garbled: list[int], source: str, ocr: OcrInfo | None,
                    cache: OcrCache | None = None):
    """OCR the garbled pages; keep OCR's text where it reads better. Without Tesseract, keep the layer."""
    try:
        reread = ocr_pdf_pages(data, garbled, source, cache=cache)
    except IngestError:
        return ocr  # the quality figure and its warning still tell the administrator
    merged = ocr or OcrInfo()
    for page in reread.pages:
        layer = fix_legacy_text(pages[page.number - 1]).text
        if text_quality(page.text) > text_quality(layer) and not is_garbled(page.text):
            pages[page.number - 1] = page.text
            merged.pages.append(page)
    merged.pages.sort(key=lambda p: p.number)
    return merged if merged.pages else ocr


_SENTENCE_END = re.compile(r"[.:;!?…]$")


def unwrap_lines(text: str) -> str:
    """Join PDF lines that a page width broke: a line continuing in lower case is the same sentence."""
    lines = normalize_spaces(text).split("\n")
    out: list[str] = []
    for line in lines:
        if out and out[-1] and line and line[0].islower() and not _SENTENCE_END.search(out[-1]):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return "\n".join(out)
