"""Hostile ingest inputs written by the tests themselves: deep HTML, a PDF page with a huge image, binary .txt."""
from __future__ import annotations

import random
import zlib
from pathlib import Path


def nested_html(path: Path, depth: int = 100_000) -> Path:
    """About 1 MB of <div> nested `depth` deep around one word."""
    path.write_text("<html><body>" + "<div>" * depth + "Kế hoạch" + "</div>" * depth + "</body></html>", encoding="utf-8")
    return path


def big_image_pdf(path: Path, side: int = 26_500, images: int = 1) -> Path:
    """A one-page PDF with no text layer whose page draws `images` grayscale images of side² pixels (all
    zeros, deflated: a few MB on disk, side² bytes each once decoded). Written without decoding anything."""
    squeezer = zlib.compressobj(9)
    row = bytes(side)
    stream = b"".join(squeezer.compress(row) for _ in range(side)) + squeezer.flush()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"]
    names = b" ".join(b"/Im%d %d 0 R" % (i, 5 + i) for i in range(images))
    draws = b" ".join(b"q 595 0 0 842 0 0 cm /Im%d Do Q" % i for i in range(images))
    objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << " + names
                   + b" >> >> /Contents 4 0 R >>")
    objects.append(b"<< /Length %d >>\nstream\n" % len(draws) + draws + b"\nendstream")
    for _ in range(images):
        objects.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                       b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (side, side, len(stream))
                       + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def legacy_looking_binary(path: Path, size: int = 1_000_000, seed: int = 20) -> Path:
    """Bytes that decode as Windows-1258 with few control characters (high bytes as in TCVN3, some ASCII
    letters and spaces, a line break every 3,000 bytes), yet are no text in any encoding."""
    rng = random.Random(seed)
    alphabet = bytes(range(0xA1, 0x100)) + b"abcdefghiklmnopqrstuvxy "
    data = bytes(rng.choice(alphabet) for _ in range(size))
    path.write_bytes(b"\n".join(data[i:i + 3000] for i in range(0, len(data), 3000)))
    return path
