"""Who signed a document: the "Người ký" field of a law-library page, else the signature block.

The block is the authority line(s) then the name: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH /
(Đã ký) / Nguyễn Văn A". Pages that flatten the closing table with "|" interleave it with the "Nơi nhận"
list ("- Như Điều 3; | KT. CHỦ TỊCH"), so the block is read cell by cell, list items skipped.
"""
from __future__ import annotations

import re

from ground import vi
from ground.surnames import SURNAMES
from ingest.columns import signature_cells
from ingest.dates import labelled

_TITLE = re.compile(
    r"^(?:(?:TM|KT|TL|TUQ|Q)\.\s*\S|T/M\s+\S|(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|THỨ TRƯỞNG|TRƯỞNG BAN|"
    r"CHÁNH VĂN PHÒNG|TRƯỞNG PHÒNG|BÍ THƯ|THỦ TƯỚNG|CHỦ NHIỆM|CỤC TRƯỞNG|VỤ TRƯỞNG|VIỆN TRƯỞNG|HIỆU TRƯỞNG"
    r"|TỔNG GIÁM ĐỐC|TỔNG THƯ KÝ|CHÁNH THANH TRA|CHÁNH ÁN|TRƯỞNG ĐOÀN|CHỈ HUY TRƯỞNG|TỔNG CỤC TRƯỞNG|ĐẠI SỨ"
    r"|TỔNG LÃNH SỰ|THỐNG ĐỐC|THỊ TRƯỞNG|TỈNH TRƯỞNG)\b)")
_ROLE_THEN_NAME = re.compile(
    r"^(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|THỨ TRƯỞNG|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|BÍ THƯ)\s+"
    rf"([{vi.UPPER}][{vi.LOWER}]+(?:\s[{vi.UPPER}][{vi.LOWER}]+){{1,4}})$")
_SIGNED_NOTE = re.compile(r"^\(?\s*(?:đã ký|Đã ký|ĐÃ KÝ|ký)[^)]*\)?$|^\(?(?:Đã ký|đã ký) và đóng dấu\)?$")
_NAME_WORD = f"[{vi.UPPER}][{vi.LOWER}]+"
_PERSON = re.compile(rf"^{_NAME_WORD}(?:\s{_NAME_WORD}){{1,4}}$")
_UPPER_WORD = f"[{vi.UPPER}]+"
_PERSON_UPPER = re.compile(rf"^{_UPPER_WORD}(?:\s{_UPPER_WORD}){{1,4}}$")
# Upper-case words that are never part of a person's name in a signature block.
_NOT_NAME = re.compile(r"\b(?:ỦY|UỶ|BAN|NHÂN|DÂN|TỈNH|THÀNH|PHỐ|SỞ|BỘ|HỘI|ĐỒNG|CHỦ|TỊCH|GIÁM|ĐỐC|VĂN|PHÒNG|"
                       r"KẾ|HOẠCH|QUYẾT|ĐỊNH|NƠI|NHẬN|PHỤ|LỤC|UBND|CỘNG|HÒA|HUYỆN)\b")
_WINDOW = 8  # cells after an authority line in which the name must appear
# each party's head over a signed record of talks or agreement ("ĐẠI DIỆN ỦY BAN NHÂN DÂN TỈNH X | ĐẠI DIỆN CHÍNH
# QUYỀN TỈNH SAGA"): the names side by side under them are all its signers, a foreign one too
_PARTY = re.compile(r"^(?:ĐẠI DIỆN|THAY MẶT)\s+\S")


def _parties_over(cells: list[str], at: int) -> int:
    """How many parties' heads stand over the name at `at` (the cells of its block above it)."""
    return sum(1 for c in cells[max(0, at - 3 * _WINDOW):at] if _PARTY.match(c))


def _party_name(cell: str) -> str | None:
    """A name under a foreign party's head, in its own letters ("Nakahara Shūji"): capitalised words, no figure."""
    words = cell.strip(" .,;").split()
    return " ".join(words) if 2 <= len(words) <= 5 and all(
        w[:1].isupper() and (w[1:].islower() or len(w) == 1) and w.isalpha() for w in words) else None


def _cells(text: str) -> list[str]:
    cells: list[str] = []
    for line in text.split("\n"):
        for cell in (c.strip() for c in line.split("|") if c.strip()):
            cells.extend(signature_cells(cell, _right_column))
    return _joined_titles(cells)


def _joined_titles(cells: list[str]) -> list[str]:
    """A title a page broke over its lines ("BỘ" / "TRƯỞNG", "KT. BỘ" / "TRƯỞNG") read whole: upper-case cells of a
    word or two that, joined to the next, make a signer's title."""
    out: list[str] = []
    for cell in cells:
        if out and cell.isupper() and len(cell.split()) <= 2 and out[-1].isupper() and len(out[-1].split()) <= 3 \
                and not _TITLE.match(out[-1]) and _TITLE.match(joined := f"{out[-1]} {cell}") \
                and not _TITLE.match(cell):
            out[-1] = joined
        else:
            out.append(cell)
    return out


def _right_column(tail: str) -> bool:
    """What starts the signature column on a line it shares with the "Nơi nhận" list: a signer's title,
    "(Đã ký)", or a person's name that starts with a family name."""
    if _TITLE.match(tail) or _SIGNED_NOTE.match(tail):
        return True
    name = _as_name(tail)
    return name is not None and name.split()[0] in SURNAMES


# Academic degrees and ranks written before a signer's name ("PGS.TS. Tạ Minh Luân", "Thiếu tướng Lê Văn A"):
# the name is what follows them.
_HONORIFIC = re.compile(r"^(?:(?:GS|PGS|TSKH|TS|ThS|BS|KS|NGND|NGƯT|NSND|NSƯT)\.\s*)+|^(?:Đại tướng|Thượng tướng|"
                        r"Trung tướng|Thiếu tướng|Đại tá|Thượng tá|Trung tá|Thiếu tá)\s+")


def _as_name(cell: str) -> str | None:
    cell = _HONORIFIC.sub("", cell.strip(" .,;"))
    if _PERSON.match(cell):
        return cell
    if _PERSON_UPPER.match(cell) and not _NOT_NAME.search(cell):
        return " ".join(w.capitalize() for w in cell.split())
    role = _ROLE_THEN_NAME.match(cell)
    return role.group(1) if role else None


# the body a head signs for, under the title in a joint text's blocks ("GIÁM ĐỐC" / "SỞ NGOẠI VỤ")
_BODY_UNDER_TITLE = re.compile(r"^(?:SỞ|BỘ|BAN|ỦY BAN|UỶ BAN|UBND|HỘI|LIÊN HIỆP|TRUNG TÂM|VĂN PHÒNG|ĐÀI|BÁO|TRƯỜNG)\b")


def block_signers(text: str) -> list[tuple[int, str]]:
    """(cell index, name) of every signature block, in reading order."""
    cells = _cells(text)
    found: list[tuple[int, str]] = []
    i = 0
    while i < len(cells):
        if not _TITLE.match(cells[i]):
            i += 1
            continue
        inline = _ROLE_THEN_NAME.match(cells[i])
        if inline:
            found.append((i, inline.group(1)))
            i += 1
            continue
        seen = 0
        for j in range(i + 1, min(len(cells), i + 1 + 3 * _WINDOW)):
            cell = cells[j]
            if re.match(r"^[-+•*–]\s*|^Nơi nhận\b", cell) or _SIGNED_NOTE.match(cell):
                continue  # the "Nơi nhận" list interleaved by a flattened table, or "(Đã ký)"
            if _TITLE.match(cell) or _BODY_UNDER_TITLE.match(cell) and cell.isupper():
                continue  # "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH", "GIÁM ĐỐC" / "SỞ NGOẠI VỤ": the block goes on
            seen += 1
            name = _as_name(cell)
            if name:
                found.append((j, name))
                # "Dương Thị Mỹ Linh | Vương Hữu Tâm": blocks side by side end in names side by side
                # (a name under a rank, "Đại tá Ân Văn Hưởng", is one whatever its surname)
                parties = _parties_over(cells, j)
                while j + 1 < len(cells) and (beside := _as_name(cells[j + 1]) or (
                        _party_name(cells[j + 1]) if parties > 1 else None)) and (
                        beside.split()[0] in SURNAMES or _HONORIFIC.match(cells[j + 1].strip()) or parties > 1):
                    j += 1
                    found.append((j, beside))
                i = j
                break
            if seen >= 2:
                break
        i += 1
    return found


_ADDRESSEE = re.compile(r"^[-+•]\s|.*[;,]$")


def signer_title(text: str, name: str | None) -> str | None:
    """The office the signer signs in, from the title lines of the block closing with `name` ("KT. CHỦ TỊCH" /
    "PHÓ CHỦ TỊCH" → "Phó Chủ tịch"; "GIÁM ĐỐC" → "Giám đốc"); None when no block names it."""
    if not name:
        return None
    cells = _cells(text)
    blocks = block_signers(text)
    at = next((j for j, found in reversed(blocks) if found == name), None)
    if at is None:
        return None
    titles = []
    # (the addressees set beside the block, "- Công an tỉnh;", "Công Thương, …;", come between its lines: not counted)
    own_lines = [c for c in cells[max(0, at - 8 * _WINDOW):at] if not _ADDRESSEE.match(c)][-3 * _WINDOW:]
    for cell in reversed(own_lines):
        if _TITLE.match(cell):
            titles.append(cell)
        elif titles:
            break
    own = next((t for t in titles if not re.match(r"^(?:TM|KT|TL|TUQ|Q)\.|^T/M\b", t)), None)
    if own is None:
        return None
    words = " ".join(own.split()).lower()
    return words[:1].upper() + words[1:].replace("chủ tịch", "Chủ tịch").replace("giám đốc", "Giám đốc") \
        .replace("bí thư", "Bí thư").replace("bộ trưởng", "Bộ trưởng").replace("trưởng ban", "Trưởng ban")


def document_signer(text: str, first: bool = False, signatories: int = 1) -> str | None:
    """The declared signer, else the name closing the last (or `first`) signature block; a text issued jointly by
    `signatories` bodies ("02/QCPH-SNgV-SVHTTDL", a Kế hoạch liên tịch) is signed by the heads closing its last
    blocks, each once ("Hứa Thị Ngọc Trâm và Trương Minh Khôi")."""
    declared = labelled(text, "Người ký")
    if declared and _PERSON.match(declared.strip(" .")):
        return declared.strip(" .")
    # ("KT.CHỦ TỊCH" / "PHÓ CH": a page cut inside the office under which the name would stand names no one)
    blocks = [(title, name) for title, name in block_signers(text) if name.split()[0].lower() not in _OFFICE_WORDS]
    if not blocks:
        return declared or _listed_signer(text)
    if first:
        return blocks[0][1]
    # (a record signed by two parties, each under its "ĐẠI DIỆN …": both sign it)
    signatories = max(signatories, min(_parties_over(_cells(text), blocks[-1][0]), len(blocks)))
    names = list(dict.fromkeys(name for _, name in blocks[-signatories:])) if signatories > 1 else []
    return f"{', '.join(names[:-1])} và {names[-1]}" if len(names) > 1 else blocks[-1][1]


_OFFICE_WORDS = frozenset({"phó", "chủ", "trưởng", "giám", "bí", "tổng", "chánh"})  # as typed: "Tống", "Trương" are names
_BULLET = re.compile(r"^\s*[•·▪◦*-]\s+(.+?)\s*$")
_LISTED_NUMBER = re.compile(r"^\d{1,5}(?:/\d{4})?\s*[-/–]\s*[A-ZĐ]")
FIELD_LIST_LINES = 25  # a page's field list sits under its title


def _listed_signer(text: str) -> str | None:
    """The person in a page's unlabelled field list under its title ("• 28-HD/BTGTW" / "• Hướng dẫn" / "• 27/03/2017"
    / "• Ban Tuyên giáo Trung ương" / "• Phạm Văn Linh"): a list that gives the number gives its signer too."""
    items = [m.group(1) for line in text.split("\n")[:FIELD_LIST_LINES] if (m := _BULLET.match(line))]
    if not any(_LISTED_NUMBER.match(item) for item in items):
        return None
    people = [item for item in items if _PERSON.match(item) and item.split()[0] in SURNAMES]
    return people[0] if len(people) == 1 else None


_RUN_WORD = re.compile(rf"[{vi.UPPER}][{vi.LOWER}]*")


def person_before(fragment: str) -> str | None:
    """The person's name that ends a fragment ('… Phó Thủ tướng Chính phủ Phạm Bình Minh' → 'Phạm Bình Minh'):
    from the last family name of the trailing run of capitalised words, two to four words long."""
    words = fragment.split()
    run: list[str] = []
    for word in reversed(words):
        if not _RUN_WORD.fullmatch(word):
            break
        run.insert(0, word)
    for i in range(max(0, len(run) - 4), len(run) - 1):  # the longest name: "Trịnh Văn Quân", not "Văn Quân"
        if run[i] in SURNAMES:
            return " ".join(run[i:])
    return None
