"""Files → raw text: plain text, saved web pages, PDFs (text layer or OCR) and Word documents.

Every failure becomes an IngestError whose reason an administrator can act on (empty file,
encrypted PDF, too large, not really a .docx, ...). Web-page chrome that lives in the HTML
structure (menus, footers, share bars) is dropped here; what survives as text is left to clean.py.
Text typed in the legacy TCVN3 / VNI fonts is converted to Unicode here, whatever the format.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ground.vi import normalize_spaces
from ingest.errors import IngestError
from ingest.legacy_fonts import fix_legacy_text
from ingest.markup import unmark
from ingest.ocr import OcrCache, OcrInfo
from ingest.office import DOC_MAX_BYTES, DOCX_MAX_BYTES, doc_to_text, docx_to_text, table_row
from ingest.pdf import PDF_MAX_BYTES, pdf_to_text, unwrap_lines
from ingest.quality import text_quality
from ingest.table_layouts import header_columns, tabs_as_pipes

__all__ = ["MAX_BYTES", "SUPPORTED_SUFFIXES", "TEXT_MAX_BYTES", "RawDocument", "decode_text", "find_plan_files",
           "html_to_text", "looks_like_html", "read_document", "table_row", "unwrap_lines"]

Format = Literal["txt", "html", "pdf", "docx", "doc"]
TEXT_MAX_BYTES = 20 * 1024 * 1024  # .txt and .html: a plan page is well under 1 MB

SUPPORTED_SUFFIXES: dict[str, Format] = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".doc": "doc",
}
# Checked on the file's size before a byte is read: a huge file is refused without loading it.
MAX_BYTES: dict[str, int] = {"txt": TEXT_MAX_BYTES, "html": TEXT_MAX_BYTES, "pdf": PDF_MAX_BYTES,
                             "docx": DOCX_MAX_BYTES, "doc": DOC_MAX_BYTES}
_KINDS = {"txt": "text file", "html": "web page", "pdf": "PDF", "docx": ".docx", "doc": ".doc"}


@dataclass(frozen=True)
class RawDocument:
    text: str
    source: str  # file name
    fmt: Format
    ocr: OcrInfo | None = None  # set when some pages were scanned images
    legacy_encoding: str | None = None  # "tcvn3" / "vni" when legacy-font text was converted


def find_plan_files(path: Path) -> list[Path]:
    """The readable files under a folder (recursive, sorted); a single file is returned as is."""
    path = Path(path)
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise IngestError(str(path), "no such file or folder")
    found = []
    for item in path.rglob("*"):
        parts = item.relative_to(path).parts
        # hidden files and folders, and Word's "~$name.docx" lock files, are never plans
        if any(part.startswith((".", "~$")) for part in parts):
            continue
        if item.is_file() and item.suffix.lower() in SUPPORTED_SUFFIXES:
            found.append(item)
    return sorted(found)


def read_document(path: Path, ocr_cache: OcrCache | None = None) -> RawDocument:
    """One file's text; `ocr_cache` keeps scanned pages' OCR across runs."""
    path = Path(path)
    source = path.name
    fmt = SUPPORTED_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise IngestError(source, f"unsupported file type '{path.suffix or '(none)'}'; supported: {supported}")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES[fmt]:
            raise IngestError(source, f"{_KINDS[fmt]} too large ({size / 2**20:.0f} MB; the limit is "
                                      f"{MAX_BYTES[fmt] // 2**20} MB)")
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(source, f"cannot read the file ({exc.strerror or exc})") from exc
    if not data.strip():
        raise IngestError(source, "the file is empty (0 bytes of text)")
    ocr = None
    if fmt == "txt":
        text = decode_text(data, source)
        if looks_like_html(text) and not markdown_with_html(text):
            fmt, text = "html", html_to_text(check_nesting(text, source))
        else:  # a converter's Markdown (a slide deck, a database's export), HTML tables and comments in it too
            text = unmark(text)
    elif fmt == "html":
        text = html_to_text(check_nesting(decode_text(data, source, declared=_declared_charset(data)), source))
    elif fmt == "pdf":
        pdf = pdf_to_text(path, data, ocr_cache)
        text, ocr = pdf.text, pdf.ocr
    elif fmt == "doc":
        text = doc_to_text(path, data)
    else:
        text = docx_to_text(path, data)
    legacy = fix_legacy_text(text)
    # U+00AD left after the conversion (where it was TCVN3's "ư") is a real soft hyphen: invisible, and
    # it would split a word for search
    # a word processor's table keeps its cells apart with tabs, which the spaces' normalising would lose
    # …and a PDF copy sets the header's columns apart with spaces
    text = _collapse_blank_lines(normalize_spaces(header_columns(tabs_as_pipes(legacy.text.replace("\u00ad", ""))))).strip()
    if not text:
        raise IngestError(source, "no readable text in the file")
    return RawDocument(text=text, source=source, fmt=fmt, ocr=ocr, legacy_encoding=legacy.encoding)


# --- plain text -----------------------------------------------------------------------------------

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode_text(data: bytes, source: str, declared: str | None = None) -> str:
    """UTF-8 (with or without BOM), UTF-16, a declared charset, or the old Vietnamese cp1258."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, source)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16, source)
    if b"\x00" in data:
        raise IngestError(source, "binary data, not text (the file is corrupt or has the wrong extension)")
    candidates = [declared] if declared else []
    candidates += ["utf-8", "cp1258"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _plausible_text(text):
            if encoding == "utf-8":
                return text
            _refuse_unreadable(data, text, source)  # before converting megabytes of what is no text
            return _best_single_byte(data, text)
    raise IngestError(source, "cannot decode the text: not UTF-8, UTF-16 or Windows-1258")


def _best_single_byte(data: bytes, decoded: str) -> str:
    """A single-byte file may be TCVN3 or VNI rather than Windows-1258: keep whichever reads better.

    Legacy text is returned as its Latin-1 look-alikes; read_document converts it (and says so).
    """
    as_latin1 = data.decode("latin-1")
    legacy = fix_legacy_text(as_latin1)
    if legacy.encoding and text_quality(legacy.text) > text_quality(decoded):
        return as_latin1
    return decoded


# A sample of a single-byte file decides early whether it is text at all: binary data that happens to decode
# (few control bytes, many high ones, like TCVN3) reads as words neither as it is nor converted.
SAMPLE_BYTES = 64 * 1024
READABLE_FLOOR = 0.3  # text quality (ingest.quality) of the sample, as decoded or converted from TCVN3/VNI


def _refuse_unreadable(data: bytes, decoded: str, source: str) -> None:
    sample = data[:SAMPLE_BYTES].rsplit(b"\n", 1)[0] if len(data) > SAMPLE_BYTES else data
    as_decoded = decoded[:len(sample)]
    if text_quality(as_decoded) >= READABLE_FLOOR:
        return
    if text_quality(fix_legacy_text(sample.decode("latin-1")).text) >= READABLE_FLOOR:
        return
    raise IngestError(source, "binary data or text in an unknown encoding: its words read neither as "
                              "Windows-1258 nor as TCVN3/VNI")


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise IngestError(source, f"invalid {encoding.upper()} text ({exc.reason})") from exc


def _utf16_without_bom(data: bytes) -> str | None:
    # Mostly-ASCII UTF-16 has a NUL in every other byte; which half tells the byte order.
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _plausible_text(text: str) -> bool:
    """Few control characters: a wrong decoding of binary data is full of them."""
    if not text:
        return False
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    return controls <= max(2, len(text) // 200)


_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]+)", re.IGNORECASE)


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


# --- HTML -----------------------------------------------------------------------------------------

_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"</?(?:p|div|br|span|a|table|tr|td|li|ul|h[1-6]|body|head|meta)\b[^>]*>", re.IGNORECASE)


MARKDOWN_TAG_LINES = 0.5  # a page's lines open with tags; a Markdown text's are text with a table or comment in them


def markdown_with_html(text: str) -> bool:
    """A text written line by line that carries some HTML (a converter's tables, comments), not a saved page."""
    lines = [line.strip() for line in text[:20000].split("\n") if line.strip()]
    return len(lines) >= 10 and sum(line.startswith("<") for line in lines) < MARKDOWN_TAG_LINES * len(lines)


def looks_like_html(text: str) -> bool:
    """A saved page renamed to .txt: starts like HTML, or is dense with block tags."""
    if _HTML_START.match(text[:2000]):
        return True
    tags = len(_HTML_TAG.findall(text[:20000]))
    return tags >= 10 and "</" in text


# Elements that are page chrome by their very name.
_DROP_TAGS = {"script", "style", "noscript", "template", "nav", "form", "aside", "iframe", "svg", "button",
              "select", "input", "textarea", "object", "embed", "canvas", "map", "dialog", "menu"}
# header/footer inside an article belong to it (its title, its date line); elsewhere they are chrome.
_CHROME_TAGS = {"header", "footer"}
# class / id words of menus, share bars, footers, related-news lists, comment boxes, ...
_CHROME_WORDS = re.compile(
    r"(?:^|[\s_-])(?:menu|menus|mainmenu|topmenu|megamenu|nav|navbar|navigation|share|sharing|social|"
    r"footer|breadcrumbs?|sidebar|side-bar|related|tin-?khac|tinkhac|other-news|othernews|comments?|"
    r"binh-?luan|banner|advert|ads|quang-?cao|login|search|tim-?kiem|toolbar|tags|rating|"
    r"counter|thong-?ke|visitor|weblink|lien-?ket)(?:$|[\s_-])",
    re.IGNORECASE,
)
_KEEP_CONTAINERS = ("article", "main", "h1")
_BLOCK_TAGS = {"address", "article", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure", "h1", "h2",
               "h3", "h4", "h5", "h6", "header", "footer", "hr", "li", "main", "ol", "p", "pre", "section",
               "table", "ul", "caption", "center", "tbody", "thead", "tfoot"}
_PARAGRAPH_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "pre", "figure", "ul", "ol"}
_HTML_SPACE = re.compile(r"[ \t\n\r\f\u00a0]+")


HTML_MAX_DEPTH = 500  # elements nested deeper refuse the page (html.parser keeps every unclosed <p>, <li>, <td> open)
_VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                        "track", "wbr", "basefont", "bgsound", "frame", "keygen", "spacer"})


def check_nesting(html: str, source: str) -> str:
    """The page, or IngestError when its elements nest deeper than HTML_MAX_DEPTH as html.parser would build
    them (an unclosed tag stays open until an end tag of an ancestor closes it). One linear pass over the
    tags with a bounded stack: 100,000 nested <div> are refused in well under a second, where building
    and walking their tree costs minutes of CPU and then a RecursionError."""
    from html.parser import HTMLParser

    class Depth(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=False)
            self.open: list[str] = []

        def handle_starttag(self, tag: str, attrs: list) -> None:  # noqa: ARG002 — the attributes do not nest
            if tag not in _VOID_TAGS:
                self.open.append(tag)
                if len(self.open) > HTML_MAX_DEPTH:
                    raise _TooDeep()

        def handle_endtag(self, tag: str) -> None:
            if tag in self.open:
                del self.open[len(self.open) - 1 - self.open[::-1].index(tag):]

    try:
        parser = Depth()
        parser.feed(html)
        parser.close()
    except _TooDeep:
        raise IngestError(source, f"web page whose elements nest more than {HTML_MAX_DEPTH} deep; save the "
                                  "page again from a browser, or as text") from None
    return html


class _TooDeep(Exception):
    pass


def html_to_text(html: str) -> str:
    from bs4 import BeautifulSoup
    from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

    soup = BeautifulSoup(html, "html.parser")
    for node in soup.find_all(string=lambda s: isinstance(s, (Comment, Declaration, Doctype, ProcessingInstruction))):
        node.extract()
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    _drop_chrome(soup)
    root = soup.body or soup
    return "".join(_render(root))


def _drop_chrome(soup) -> None:
    total = len(soup.get_text(" ", strip=True)) or 1
    for tag in soup.find_all(True):
        if getattr(tag, "decomposed", False):
            continue
        if tag.name in ("html", "body", "main", "article"):
            continue
        is_chrome = tag.name in _CHROME_TAGS and tag.find_parent("article") is None
        if not is_chrome:
            words = " ".join([*(tag.get("class") or []), tag.get("id") or "", tag.get("role") or ""])
            is_chrome = bool(words.strip()) and bool(_CHROME_WORDS.search(words))
        if not is_chrome:
            continue
        # A wrapper that holds the article itself ("content-with-sidebar") is not chrome.
        if tag.find(_KEEP_CONTAINERS) is not None or len(tag.get_text(" ", strip=True)) > 0.6 * total:
            continue
        tag.decompose()


def _render(node) -> Iterable[str]:
    from bs4.element import NavigableString, Tag

    for child in node.children:
        if isinstance(child, NavigableString):
            yield _HTML_SPACE.sub(" ", str(child))
        elif isinstance(child, Tag):
            name = child.name
            if name == "br":
                yield "\n"
            elif name == "tr":
                cells = [_HTML_SPACE.sub(" ", c.get_text(" ")).strip() for c in child.find_all(["td", "th"])]
                if any(cells):
                    yield "\n" + table_row(cells)
            elif name in _BLOCK_TAGS:
                gap = "\n\n" if name in _PARAGRAPH_TAGS else "\n"
                yield gap
                yield from _render(child)
                yield gap
            else:
                yield from _render(child)


def _collapse_blank_lines(text: str) -> str:
    return re.sub(r"\n{3,}", "\n\n", text)
