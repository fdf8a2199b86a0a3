"""Word files → text: .docx through python-docx, Word 97-2003 .doc through antiword (or catdoc).

A .docx is a zip: its parts are checked against size and compression-ratio caps before python-docx
inflates anything, so a zip bomb is refused in milliseconds with little memory. Runs set in the
legacy Vietnamese fonts (.VnTime, VNI-Times) are converted to Unicode where they are read, since
only the run knows its font.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path

from ingest.errors import IngestError
from ingest.legacy_fonts import decode_run, font_encoding

DOCX_MAX_BYTES = 50 * 1024 * 1024  # the file as stored
DOCX_MAX_UNCOMPRESSED = 200 * 1024 * 1024  # all parts inflated
DOCX_MAX_RATIO = 100  # inflated / compressed size of one part (text XML is 5-20x)
_RATIO_MIN_SIZE = 1024 * 1024  # small parts may compress very well and cost nothing
DOC_MAX_BYTES = 50 * 1024 * 1024
DOC_SECONDS = 60

# Emblem headers and signature blocks are laid out as tables; their cells are lines, not task rows.
# Case matters: "Chủ tịch UBND tỉnh" in a data table is not a signature block.
_LAYOUT_MARKERS = re.compile(r"CỘNG HÒA XÃ HỘI CHỦ NGHĨA|Độc lập\s*[-–]\s*Tự do|Nơi nhận|\bTM\.|\bKT\.|CHỦ TỊCH")


def table_row(cells: list[str]) -> str:
    """One table row as one line; the task-table parser relies on exactly this form."""
    return "| " + " | ".join(cells) + " |"


# --- DOCX -----------------------------------------------------------------------------------------

def check_docx_zip(path: Path, source: str) -> None:
    """Refuse a .docx whose parts would inflate beyond the caps, reading only the zip directory."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise IngestError(source, f"corrupt or unreadable .docx ({exc})") from exc
    total = 0
    for member in members:
        total += member.file_size
        if total > DOCX_MAX_UNCOMPRESSED:
            raise IngestError(source, f"the .docx would inflate to more than {DOCX_MAX_UNCOMPRESSED // 2**20} MB "
                                      "(a zip bomb or a document far larger than a plan); refused")
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > _RATIO_MIN_SIZE and ratio > DOCX_MAX_RATIO:
            raise IngestError(source, f"part {member.filename} of the .docx is compressed {ratio:.0f} times "
                                      f"(the limit is {DOCX_MAX_RATIO}): a zip bomb; refused")


def docx_to_text(path: Path, data: bytes) -> str:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    source = path.name
    if not data.startswith(b"PK"):
        hint = " (it looks like an old .doc file: save it as .docx or name it .doc)" if data.startswith(
            b"\xd0\xcf\x11\xe0") else ""
        raise IngestError(source, f"not a real .docx file{hint}")
    if len(data) > DOCX_MAX_BYTES:
        raise IngestError(source, f".docx too large ({len(data) // 2**20} MB; the limit is "
                                  f"{DOCX_MAX_BYTES // 2**20} MB)")
    check_docx_zip(path, source)
    try:
        document = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise IngestError(source, f"corrupt or unreadable .docx ({exc})") from exc
    return "\n\n".join(_docx_blocks(document))


def _docx_blocks(document) -> Iterable[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = document.element.body
    for element in body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield paragraph_text(Paragraph(element, document))
        elif tag == "tbl":
            yield _docx_table(Table(element, document))


def _run_font(run, paragraph) -> str | None:
    """The font a run is set in: its own, else its character style's, else the paragraph style's."""
    styles = [style for style in (run.style, paragraph.style) if style is not None]
    for font in [run.font, *(style.font for style in styles)]:
        if font.name:
            return font.name
    return None


def paragraph_text(paragraph) -> str:
    """The paragraph's text, with runs in .VnTime / VNI-Times fonts converted to Unicode."""
    runs = list(paragraph.runs)
    if not runs:
        return paragraph.text
    if not any(font_encoding(_run_font(r, paragraph)) for r in runs):
        return paragraph.text
    parts = []
    for run in runs:
        font = _run_font(run, paragraph)
        encoding = font_encoding(font)
        parts.append(decode_run(run.text, encoding, font or "") if encoding else run.text)
    return "".join(parts)


def _docx_table(table) -> str:
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is returned once per grid column it spans
                continue
            seen.add(id(cell._tc))
            cells.append(cell)
        rows.append(cells)
    # a cell is one field of the row: its paragraphs and line breaks become spaces
    texts = [[" ".join(" ".join(paragraph_text(p) for p in c.paragraphs).split()) for c in cells] for cells in rows]
    flat = " ".join(t for row in texts for t in row)
    if max((len(r) for r in rows), default=0) <= 2 and _LAYOUT_MARKERS.search(flat):
        # layout table: left column then right column, one line per paragraph
        columns = max(len(r) for r in rows)
        return "\n".join(
            paragraph_text(p) for col in range(columns) for cells in rows if col < len(cells)
            for p in cells[col].paragraphs
        )
    return "\n".join(table_row(row) for row in texts if any(row))


# --- DOC (Word 97-2003) ---------------------------------------------------------------------------

def doc_to_text(path: Path, data: bytes) -> str:
    """Text of a Word 97-2003 file, through antiword (UTF-8, no wrapping), else catdoc."""
    source = path.name
    if not data.startswith(b"\xd0\xcf\x11\xe0"):
        hint = " (it is a .docx: name it .docx)" if data.startswith(b"PK") else ""
        raise IngestError(source, f"not a Word 97-2003 .doc file{hint}")
    if len(data) > DOC_MAX_BYTES:
        raise IngestError(source, f".doc too large ({len(data) // 2**20} MB; the limit is "
                                  f"{DOC_MAX_BYTES // 2**20} MB)")
    found = [(shutil.which("antiword"), ["-m", "UTF-8.txt", "-w", "0"]),  # UTF-8 out, no line wrapping
             (shutil.which("catdoc"), ["-d", "utf-8", "-w"])]
    tools = [(binary, args) for binary, args in found if binary]
    if not tools:
        raise IngestError(source, "old Word .doc files need antiword or catdoc, neither is installed "
                                  "(install the Debian package antiword or catdoc)")
    failures = []
    for binary, args in tools:
        try:
            result = _run_doc_tool(binary, args, path)
        except subprocess.TimeoutExpired:
            failures.append(f"{Path(binary).name}: no answer after {DOC_SECONDS} s")
            continue
        text = result.stdout.decode("utf-8", "replace")
        if result.returncode == 0 and text.strip():
            return text.replace("\r", "\n")
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no text"]
        failures.append(f"{Path(binary).name}: {message[0]}")
    raise IngestError(source, "corrupt or unreadable .doc (" + "; ".join(failures) + ")")


# catdoc's stock output format ("ascii") maps U+00AD to nothing. In a file typed in .VnTime that byte is
# TCVN3's "ư" ("lược" would become "lợc"), so catdoc runs with a format of our own that keeps it; real
# soft hyphens are dropped by read_document after the legacy-font conversion. antiword keeps U+00AD.
_CATDOC_FORMAT = "ngvh"
_CATDOC_SPECCHARS = '001C "\\t"\n001E "\\n"\n'  # tables and line breaks as the stock format does


def _run_doc_tool(binary: str, args: list[str], path: Path) -> subprocess.CompletedProcess:
    if Path(binary).name != "catdoc":
        return subprocess.run([binary, *args, str(path)], capture_output=True, timeout=DOC_SECONDS)
    with tempfile.TemporaryDirectory(prefix="ngvh-catdoc-") as home:
        # catdoc reads its map directories only from $HOME/.catdocrc (after the system one)
        Path(home, f"{_CATDOC_FORMAT}.specchars").write_text(_CATDOC_SPECCHARS, encoding="ascii")
        Path(home, f"{_CATDOC_FORMAT}.replchars").write_text("", encoding="ascii")
        Path(home, ".catdocrc").write_text(f"map_path = {home}\n", encoding="ascii")
        env = {**os.environ, "HOME": home}
        return subprocess.run([binary, *args, "-f", _CATDOC_FORMAT, str(path)], capture_output=True,
                              timeout=DOC_SECONDS, env=env)
