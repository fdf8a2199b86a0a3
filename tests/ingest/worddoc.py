"""Write a minimal Word 97-2003 .doc at test time: a compound file holding a FIB, UTF-16 text and a piece table.

No tool on the machine writes .doc (LibreOffice and AbiWord are not installed), so the tests build
one by hand, following the published formats ([MS-CFB] compound file, [MS-DOC] FIB and Clx): just
enough structure for antiword and catdoc to read the text back, nothing else (no styles, no fonts).
"""
from __future__ import annotations

import struct
from pathlib import Path

SECTOR = 512
FREE, END_OF_CHAIN, FAT_SECTOR, NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
MINI_CUTOFF = 4096
TEXT_OFFSET = 0x400  # where the text sits in the WordDocument stream, after the FIB


def _fib(text_bytes: int, chars: int, clx_offset: int, clx_size: int, stream_size: int) -> bytes:
    base = struct.pack(
        "<HHHHHHHIBBHHII",
        0xA5EC,  # wIdent
        0x00C1,  # nFib: Word 97
        0,  # nProduct
        0x042A,  # lid: Vietnamese
        0,  # pnNext
        0x0200 | 0x1000,  # fWhichTblStm (text tables in "1Table") | fExtChar
        0x00BF,  # nFibBack
        0,  # lKey
        0, 0,  # envr, flags
        0, 0,  # chs, chsTables
        TEXT_OFFSET, TEXT_OFFSET + text_bytes,  # fcMin, fcMac
    )
    assert len(base) == 32
    rgw = struct.pack("<H", 14) + bytes(28)
    rglw = [0] * 22
    rglw[0] = stream_size  # cbMac
    rglw[3] = chars  # ccpText
    rglw_bytes = struct.pack("<H", 22) + struct.pack("<22I", *rglw)
    pairs = [0] * (93 * 2)
    pairs[33 * 2], pairs[33 * 2 + 1] = clx_offset, clx_size  # fcClx, lcbClx
    rgfclcb = struct.pack("<H", 93) + struct.pack(f"<{93 * 2}I", *pairs)
    return base + rgw + rglw_bytes + rgfclcb + struct.pack("<H", 0)


def _clx(text_bytes: int, chars: int) -> bytes:
    """One piece: characters 0..chars are UTF-16 at TEXT_OFFSET (fCompressed = 0)."""
    plc = struct.pack("<II", 0, chars) + struct.pack("<HIH", 0, TEXT_OFFSET, 0)
    return struct.pack("<BI", 0x02, len(plc)) + plc


def _pad(data: bytes, size: int) -> bytes:
    return data + bytes(size - len(data))


def word97_streams(paragraphs: list[str]) -> dict[str, bytes]:
    text = "\r".join(paragraphs) + "\r"
    encoded = text.encode("utf-16-le")
    clx = _clx(len(encoded), len(text))
    table = _pad(clx, max(MINI_CUTOFF, len(clx)))  # streams of 4096+ bytes keep us out of the mini stream
    size = max(MINI_CUTOFF, TEXT_OFFSET + len(encoded))
    fib = _fib(len(encoded), len(text), 0, len(clx), size)
    word = _pad(_pad(fib, TEXT_OFFSET) + encoded, size)
    return {"WordDocument": word, "1Table": table}


def _dir_entry(name: str, kind: int, start: int, size: int, left=NO_STREAM, right=NO_STREAM,
               child=NO_STREAM) -> bytes:
    encoded = (name + "\0").encode("utf-16-le") if name else b""
    return struct.pack(
        "<64sHBBIII16sIQQIII",
        encoded, len(encoded), kind, 1,  # name, its length, type, colour black
        left, right, child, bytes(16), 0, 0, 0, start, size, 0,
    )


def write_compound_file(path: Path, streams: dict[str, bytes]) -> Path:
    """A version-3 compound file: sector 0 the FAT, sector 1 the directory, then the streams."""
    names = sorted(streams, key=lambda n: (len(n), n.upper()))  # directory order: length, then name
    sector, starts, chains = 2, {}, []
    for name in names:
        count = -(-len(streams[name]) // SECTOR)
        starts[name] = sector
        chains.append((sector, count))
        sector += count
    fat = [FREE] * (SECTOR // 4)
    assert sector <= len(fat), "test documents stay small: one FAT sector"
    fat[0], fat[1] = FAT_SECTOR, END_OF_CHAIN
    for start, count in chains:
        for i in range(count):
            fat[start + i] = start + i + 1 if i < count - 1 else END_OF_CHAIN
    # The directory is a binary tree ordered by (length, name): the root's child is the greatest
    # name and each entry's left sibling the next smaller one.
    directory = _dir_entry("Root Entry", 5, END_OF_CHAIN, 0, child=len(names))
    for index, name in enumerate(names, start=1):
        directory += _dir_entry(name, 2, starts[name], len(streams[name]),
                                left=index - 1 if index > 1 else NO_STREAM)
    directory = _pad(directory, SECTOR)
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", bytes(16), 0x003E, 0x0003, 0xFFFE, 9, 6, bytes(6),
        0,  # directory sectors (0 in version 3)
        1,  # FAT sectors
        1,  # first directory sector
        0,  # transaction signature
        MINI_CUTOFF,
        END_OF_CHAIN, 0,  # mini FAT: none
        END_OF_CHAIN, 0,  # DIFAT sectors: none
    )
    header += struct.pack("<I", 0) + struct.pack("<108I", *([FREE] * 108))  # DIFAT: FAT in sector 0
    assert len(header) == SECTOR
    body = b"".join(_pad(streams[name], -(-len(streams[name]) // SECTOR) * SECTOR) for name in names)
    path.write_bytes(header + struct.pack(f"<{len(fat)}I", *fat) + directory + body)
    return path


def write_doc(path: Path, paragraphs: list[str]) -> Path:
    return write_compound_file(path, word97_streams(paragraphs))
