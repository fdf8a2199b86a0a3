"""Scanned PDF pages → text: render the page (pypdfium2) and read it with Tesseract's Vietnamese model.

Tesseract runs as a subprocess (`tesseract … -l vie tsv`), one page at a time, each under a time limit;
its TSV output gives the words with their line layout and a confidence per word, so one call yields
both the text and the figure the ingest table reports. The page is rendered at OCR_DPI, scaled down
when that would exceed OCR_MAX_PIXELS (a poster-sized page must not take gigabytes).

OCR is slow (seconds to tens of seconds a page) and administrators feed the same folders again, so a
result can be kept in an `OcrCache` the caller passes in (the shell keeps one under the data folder),
keyed by the file's bytes, the pages asked for and everything about the engine that changes its output.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from ingest.errors import IngestError

OCR_LANGUAGE = "vie"
OCR_MAX_PAGES = 40  # pages OCR'd per file; a longer scan is refused, not half read
OCR_MAX_PIXELS = 12_000_000  # rendered pixels per page (A4 at 300 dpi is 8.7 million)
OCR_SECONDS_PER_PAGE = 120  # Tesseract is stopped after this long on one page
OCR_DPI = 300
OCR_CONFIDENCE_FLOOR = 60.0  # mean word confidence (0-100) under which a page is reported
TESSERACT_PACKAGES = "tesseract-ocr tesseract-ocr-vie"
# Part of every cache key: bump when rendering or parse_tsv changes what a page reads as.
OCR_READER_VERSION = 1


class OcrCache(Protocol):
    """OCR results kept across ingest runs; an entry is plain JSON data, a missing or bad one is None."""

    def get(self, key: str) -> dict | None: ...

    def put(self, key: str, entry: dict) -> None: ...


@dataclass
class OcrPage:
    number: int  # 1-based page number in the PDF
    text: str
    confidence: float | None  # mean word confidence, None when no word was read
    words: int
    seconds: float
    cached: bool = False  # read from an OcrCache, not by Tesseract in this run


@dataclass
class OcrInfo:
    """What OCR did for one file: which pages, how sure it was, how long it took."""

    pages: list[OcrPage] = field(default_factory=list)

    @property
    def page_numbers(self) -> list[int]:
        return [p.number for p in self.pages]

    @property
    def confidence(self) -> float | None:
        """Mean word confidence over all OCR'd pages, weighted by words."""
        words = sum(p.words for p in self.pages if p.confidence is not None)
        if not words:
            return None
        return round(sum(p.confidence * p.words for p in self.pages if p.confidence is not None) / words, 1)

    @property
    def low_pages(self) -> list[int]:
        return [p.number for p in self.pages if p.confidence is None or p.confidence < OCR_CONFIDENCE_FLOOR]

    @property
    def seconds(self) -> float:
        return sum(p.seconds for p in self.pages)

    @property
    def cached_pages(self) -> int:
        return sum(1 for p in self.pages if p.cached)

    def to_entry(self) -> dict:
        """The JSON form an OcrCache keeps."""
        return {"pages": [{"number": p.number, "text": p.text, "confidence": p.confidence, "words": p.words,
                           "seconds": round(p.seconds, 3)} for p in self.pages]}

    @classmethod
    def from_entry(cls, entry: object, page_numbers: list[int]) -> OcrInfo | None:
        """The cached result for exactly these pages, or None when the entry is not one (damaged, edited)."""
        if not isinstance(entry, dict):
            return None
        try:
            pages = [OcrPage(number=int(p["number"]), text=str(p["text"]),
                             confidence=None if p["confidence"] is None else float(p["confidence"]),
                             words=int(p["words"]), seconds=0.0, cached=True)
                     for p in entry["pages"]]
        except (KeyError, TypeError, ValueError):
            return None
        if [p.number for p in pages] != list(page_numbers):
            return None
        return cls(pages=pages)


@lru_cache(maxsize=4)
def _list_langs(binary: str) -> tuple[str, ...]:
    """`tesseract --list-langs`, run once: the data folder (first line) and the languages installed."""
    result = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30)
    return tuple((result.stdout + result.stderr).splitlines())


def _tesseract_languages(binary: str) -> frozenset[str]:
    return frozenset(line.strip() for line in _list_langs(binary) if line.strip() and " " not in line.strip())


@lru_cache(maxsize=4)
def engine_fingerprint(binary: str) -> str:
    """What decides Tesseract's output besides the image: its version, the language data, our settings."""
    from importlib.metadata import version

    result = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=30)
    lines = (result.stdout + result.stderr).splitlines()
    data = [line.split('"')[1] for line in _list_langs(binary) if line.count('"') >= 2]
    model = Path(data[0]) / f"{OCR_LANGUAGE}.traineddata" if data else None
    stat = model.stat() if model is not None and model.exists() else None
    return json.dumps({
        "tesseract": lines[0].strip() if lines else "",
        "leptonica": lines[1].strip() if len(lines) > 1 else "",
        "model": [OCR_LANGUAGE, stat.st_size, stat.st_mtime_ns] if stat else [OCR_LANGUAGE],
        "pdfium": version("pypdfium2"),
        "settings": [OCR_DPI, OCR_MAX_PIXELS, "psm3", "tsv", "grayscale", OCR_READER_VERSION],
    }, sort_keys=True)


def cache_key(data: bytes, page_numbers: list[int], binary: str) -> str:
    """<sha256 of the file>-<digest of engine and pages>: the file's hash first, so an entry is findable."""
    engine = hashlib.sha256(f"{engine_fingerprint(binary)}|{page_numbers}".encode()).hexdigest()[:16]
    return f"{hashlib.sha256(data).hexdigest()}-{engine}"


def tesseract(source: str) -> str:
    """The tesseract program, with Vietnamese data; otherwise an IngestError naming the packages."""
    binary = shutil.which("tesseract")
    if binary is None:
        raise IngestError(source, "scanned PDF: OCR needs Tesseract, which is not installed "
                                  f"(install the Debian packages {TESSERACT_PACKAGES})")
    if OCR_LANGUAGE not in _tesseract_languages(binary):
        raise IngestError(source, "scanned PDF: Tesseract has no Vietnamese data "
                                  "(install the Debian package tesseract-ocr-vie)")
    return binary


def render_scale(width_pt: float, height_pt: float, dpi: int = OCR_DPI, max_pixels: int = OCR_MAX_PIXELS) -> float:
    """Points → pixels factor: OCR_DPI, or less when the page would exceed max_pixels."""
    scale = dpi / 72
    pixels = width_pt * scale * height_pt * scale
    if pixels > max_pixels:
        scale *= math.sqrt(max_pixels / pixels)
    return scale


def ocr_pdf_pages(data: bytes, page_numbers: list[int], source: str, cache: OcrCache | None = None) -> OcrInfo:
    """OCR the given 1-based pages of a PDF, or take them from `cache` when this file was read before."""
    if len(page_numbers) > OCR_MAX_PAGES:
        raise IngestError(source, f"scanned PDF with {len(page_numbers)} pages without text; OCR reads at "
                                  f"most {OCR_MAX_PAGES} pages per file: split the file")
    binary = tesseract(source)
    key = None  # None: nothing to read from or write to a cache
    if cache is not None:
        try:
            key = cache_key(data, page_numbers, binary)
        except (OSError, subprocess.SubprocessError):  # the engine cannot say what it is: read, do not cache
            pass
    if cache is not None and key is not None:
        cached = OcrInfo.from_entry(cache.get(key), page_numbers)
        if cached is not None:
            return cached
    info = _read_pages(binary, data, page_numbers, source)
    if cache is not None and key is not None:
        cache.put(key, info.to_entry())
    return info


def _read_pages(binary: str, data: bytes, page_numbers: list[int], source: str) -> OcrInfo:
    import pypdfium2 as pdfium

    info = OcrInfo()
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise IngestError(source, f"scanned PDF that cannot be rendered for OCR ({exc})") from exc
    try:
        with tempfile.TemporaryDirectory(prefix="ngvh-ocr-") as tmp:
            for number in page_numbers:
                page = document[number - 1]
                width, height = page.get_size()
                image = page.render(scale=render_scale(width, height), grayscale=True).to_pil()
                page.close()
                png = Path(tmp) / f"page-{number}.png"
                image.save(png)
                info.pages.append(ocr_image(binary, png, number, source))
                png.unlink()
    finally:
        document.close()
    return info


def ocr_image(binary: str, image: Path, number: int, source: str) -> OcrPage:
    started = time.perf_counter()
    # One thread per Tesseract: its OpenMP threads fight each other (and the embedder) on small machines.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        result = subprocess.run([binary, str(image), "stdout", "-l", OCR_LANGUAGE, "--psm", "3", "tsv"],
                                capture_output=True, timeout=OCR_SECONDS_PER_PAGE, env=env)
    except subprocess.TimeoutExpired as exc:
        raise IngestError(source, f"OCR of page {number} took longer than {OCR_SECONDS_PER_PAGE} s; "
                                  "the scan is too large or too noisy") from exc
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
        raise IngestError(source, f"OCR of page {number} failed (tesseract: {detail[0]})")
    text, confidence, words = parse_tsv(result.stdout.decode("utf-8", "replace"))
    return OcrPage(number=number, text=text, confidence=confidence, words=words,
                   seconds=time.perf_counter() - started)


def parse_tsv(tsv: str) -> tuple[str, float | None, int]:
    """Tesseract TSV → (text with its lines and blocks, mean word confidence, words)."""
    lines: dict[tuple[int, int, int], list[str]] = {}
    confidences: list[float] = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        if row.get("level") != "5":
            continue
        word = (row.get("text") or "").strip()
        conf = float(row.get("conf") or -1)
        if not word or conf < 0:
            continue
        confidences.append(conf)
        key = (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        lines.setdefault(key, []).append(word)
    # Lines as Tesseract found them; a blank line only between blocks (columns, separate regions):
    # its paragraphs are often one heading each, and a blank line would cut "KẾ HOẠCH" from its title.
    out: list[str] = []
    previous_block = None
    for key in sorted(lines):
        if previous_block is not None and key[0] != previous_block:
            out.append("")
        out.append(" ".join(lines[key]))
        previous_block = key[0]
    mean = round(sum(confidences) / len(confidences), 1) if confidences else None
    return "\n".join(out), mean, len(confidences)
