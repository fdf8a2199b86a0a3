"""Undo the damage sites and converters do to a text: broken lines, glued words, stuck footnote marks.

- A line broken inside a sentence (a PDF's page width, a <br> in a web page) is joined to the line
  before it when it continues in lower case and the line before ends without punctuation; headings
  in capitals, list items ("a)", "- ") and table rows ("| … |") keep their own lines.
- Words glued by the source site are split where the syllable inventory shows it: "địnhsố" is not a
  syllable but "định" + "số" are ("Quyết địnhsố" → "Quyết định số", "NGOẠIGIAO" → "NGOẠI GIAO",
  "TTgngày" → "TTg ngày"). Only words with Vietnamese letters are touched: "Hanoi" stays as written.
- A footnote mark stuck to a word ("Việt Nam1", "đề ra(1)") is removed, and the footnote's own line
  ("1 Quyết định số …") is kept as a note: "Ghi chú (1): Quyết định số …".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ground import vi
from ground.places import canonical_province
from ground.syllables import is_syllable, parse_syllable
from ingest.dates import mend_dates
from ingest.quality import known_word

# --- broken lines ---------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?;:…][\"”’)\]]*$")
_LIST_ITEM = re.compile(r"^(?:[-+•*–—]\s|\d+(?:\.\d+)*[.)]\s|[a-zđ][).]\s|[ivx]+[.)]\s)")


# Words that never end a sentence or a heading: a line ending with one goes on in the next, whatever its first
# letter ("… có hiệu lực thi hành kể từ ngày" / "01 tháng 07 năm 2017", "… về công tác người Việt" / "Nam ở …")
_GOES_ON = frozenset("của và về với các những số ngày tháng tại cho trong theo từ đến là được bị để do bởi hoặc "
                     "nhằm gồm như tới giữa trên dưới người đoạn kỳ".split())  # "giai đoạn" / "2028 - 2030"
# a document's kind before its name in quotes: "Điều 1. Phê duyệt Đề án" / "“Phát huy nguồn lực …”"
SHORT_CELL_WORDS = 3  # a line this short before a bare row number is a cell of a table copied one cell per line
_KIND_BEFORE_NAME = re.compile(r"\b(?:Đề án|Kế hoạch|Chương trình|Chiến lược|Quy chế|Quy định|Dự án)$", re.IGNORECASE)
_STRUCTURE = re.compile(r"^(?:Điều\s+\d|Chương\s+[IVXLC\d]|Mục\s+\d|Phần\s|[IVXLC]+\.\s|\d+(?:\.\d+)*[.)]\s|[a-zđ]\)\s|[-+•*–—])")


_HEADING_WORD = re.compile(r"^(?:PHẦN|CHƯƠNG|MỤC|Mục)\b")  # a heading opens on its own line, whatever the width
_CELLS = re.compile(r"\t|\S {2,}\S|\|")  # a table's row: cells set apart by tabs, runs of spaces or bars
_RULE = re.compile(r"[_\-=─]{5,}")  # a rule drawn under a table's header or a page's footer
_FIGURE_GOES_ON = re.compile(r"\d[\d.,]*\s+[a-zà-ỹđ]")  # "02 năm đạt …", not "18 Thương vụ …" nor "1.[4] Tuần …"
QUOTED_NAME = 120  # characters: a quote opened this near a line's end and left open names something on the next line
LONG_LINE = 60  # characters: a line this long ending in a bare word was cut, not ended
MIN_WRAPPED_LINES = 8  # full lines that make a text hard-wrapped
MIN_WRAP_WIDTH = 50  # characters: narrower "lines" are a list's or a header's
FULL_SHARE = 4  # one line in this many at least is full in a hard-wrapped text (the rest: items, headings, ends)
FULL_LINE = 0.85  # of the wrap width: a line this long was broken by the width, not by its author
_OPEN_RANGE = re.compile(r"\b(?:19|20)\d\d\s*[-–]$")
# a full line broken between a key and its value: "… năm 2028: 14.200 triệu đồng; năm 2029:" / "6.000 triệu đồng; …"
_KEYED_BREAK = re.compile(r"\w:$")


_OPEN_LABEL = re.compile(r"\((?:[^()]*;\s*)?[\w ]{2,20}:$")  # "(Chủ trì:", "(Chủ trì: Sở X; phối hợp:"
_CLOSES = re.compile(r"^[^()]{1,120}\)")  # the value and the bracket closed, in the line's first words


def _goes_on(previous: str, line: str) -> bool:
    """`previous` cannot end there: the line after it is the rest (not a new article, item or heading)."""
    if _STRUCTURE.match(line) or line.startswith("|") or previous.startswith("|"):
        return False
    if _OPEN_LABEL.search(previous) and _CLOSES.match(line):
        return True  # "… trước ngày 31/3/2028 (Chủ trì:" / "Văn phòng UBND tỉnh).": a bracket's label and its value
    if _SENTENCE_END.search(previous):
        return False
    words = previous.split()
    if not words or (len(words) > 1 and all(c.isupper() for c in previous if c.isalpha())):
        return False
    if previous.count("(") > previous.count(")") and ")" in line and line.find(")") < len(line) // 2 + 1 \
            and line.count("(") < line.count(")"):
        return True  # "… tỉnh Preah Vihear (Vương quốc" / "Campuchia) và …": a bracket closes on the next line
    opened = previous.rfind("“")
    if opened > previous.rfind("”") and len(previous) - opened <= QUOTED_NAME:
        return True  # "Phê duyệt Đề án “Nâng cao hiệu quả công tác" / "Thông tin đối ngoại …”": a quoted name goes on
    if _OPEN_RANGE.search(previous) and line[:1].isdigit():
        return True  # "… giai đoạn 2013 -" / "2020;": a period broken after its dash
    if len(previous) >= LONG_LINE and words[-1].isalpha() and words[-1].islower() and _FIGURE_GOES_ON.match(line) \
            and not _CELLS.search(previous) and not _CELLS.search(line) and previous.count(";") < 3:
        return True  # "… năm 2027 đạt 3,4 triệu USD; tổng" / "02 năm đạt 6,2 triệu USD": a figure the sentence goes on with
    if line[:1] in "“\"«" and words[-1].isalpha() and words[-1].islower():
        return True  # "… duy trì chuyên mục" / "“Nhịp cầu bè bạn” phát sóng …": a quoted name the sentence goes on with
    if _name_broken(words, line):
        return True  # "… Giám đốc Sở Ngoại vụ tỉnh Quảng" / "Nam tại Tờ trình …": a province's name broken in two
    if len(words) <= SHORT_CELL_WORDS and re.fullmatch(r"\d{1,3}", line.strip()) or " | " in previous and " | " in line:
        return False  # "Cả giai đoạn" / "1", "… | Cả giai đoạn" / "1 | …": a table's header, then its first row
    return words[-1].lower() in _GOES_ON or (line[:1] in "“\"«" and bool(_KIND_BEFORE_NAME.search(previous)))


def _name_broken(words: list[str], line: str) -> bool:
    """The line before ends inside a province's name that the line goes on with."""
    first = line.split()[0].strip(",.;:") if line.split() else ""
    if not first[:1].isupper() or not words[-1][:1].isupper():
        return False
    ends = [" ".join(words[-n:]) for n in (1, 2) if len(words) >= n]
    return any(canonical_province(f"{end} {first}") and not canonical_province(end) for end in ends)


def _continues(previous: str, line: str) -> bool:
    """Is `line` the rest of the sentence that `previous` started?"""
    if previous and line and _goes_on(previous, line):
        return True
    if not previous or not line or not line[0].islower() or _LIST_ITEM.match(line):
        return False
    if line.startswith("|") or previous.startswith("|") or _SENTENCE_END.search(previous):
        return False
    letters = [c for c in previous if c.isalpha()]
    return not (letters and all(c.isupper() for c in letters))  # a heading in capitals ends there


def _wrap_width(lines: list[str]) -> int | None:
    """The width a text is hard-wrapped at (a PDF's laid-out lines, a fixed-width copy): most long lines end near
    one width; None when the text is not wrapped so."""
    # (a table's rows, cells set apart by runs of spaces, tabs or bars, are as wide as the table, not the text)
    lengths = sorted(len(line.strip()) for line in lines if line.strip() and not _CELLS.search(line.strip()))
    if len(lengths) < MIN_WRAPPED_LINES:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    full = sum(1 for n in lengths if n >= FULL_LINE * width)
    return width if width >= MIN_WRAP_WIDTH and full >= MIN_WRAPPED_LINES and full * FULL_SHARE >= len(lengths) else None


def _ended(last: str, line: str) -> bool:
    """A full line ends its sentence there, unless only a key broke from its value ("năm 2029:" / "6.000 triệu đồng")
    or a colon from the lower-case words it introduces."""
    if not _SENTENCE_END.search(last):
        return False
    if _KEYED_BREAK.search(last) and line[:1].isdigit():
        return False
    return not (last.endswith(":") and line[:1].islower())


LIST_HEAD_WORDS = 8


def _heads_list(line: str, following: str) -> bool:
    """A short line in its own words ending in a colon, over a list's first item: a list's heading."""
    return (line.endswith(":") and line[:1].isupper() and len(line.split()) <= LIST_HEAD_WORDS
            and bool(_STRUCTURE.match(following.strip())))


_ADDRESS = re.compile(r"(?:https?://|www\.)\S+$")  # a page's address alone on its line goes on into nothing


def join_broken_lines(text: str) -> str:
    lines = text.split("\n")
    width = _wrap_width(lines)
    out: list[str] = []
    last = ""  # the physical line before, as it was (a joined line grows; its last piece tells whether it was full)
    for i, line in enumerate(lines):
        stripped = line.strip()
        # a full line of a hard-wrapped text goes on in the next whatever its first letter ("… đồng chí Lã Quang Vinh,
        # Phó" / "Chủ tịch …", "… Kế hoạch số 26/KH-UBND có" / "18 nhiệm vụ"), unless the next opens an item or heads a
        # list ("Văn bản được hướng dẫn:" over "- Chương trình …"); a table's rows are its reader's to join
        wrapped = width is not None and len(last) >= FULL_LINE * width and stripped and not _STRUCTURE.match(stripped) \
            and not _CELLS.search(stripped) and not _CELLS.search(last) and not _RULE.search(last) \
            and not _capitals(last) and not _capitals(stripped) \
            and not _HEADING_WORD.match(stripped) and not _ended(last, stripped) \
            and not _heads_list(stripped, lines[i + 1] if i + 1 < len(lines) else "")
        if out and not _ADDRESS.match(last) and (wrapped or _continues(out[-1].strip(), stripped) and not _heads_list(
                stripped, lines[i + 1] if i + 1 < len(lines) else "")):
            out[-1] = f"{out[-1].rstrip()} {stripped}"
        else:
            out.append(line)
        last = stripped
    return "\n".join(out)


# A header set in a PDF's narrow columns breaks names between lines in capitals ("UBND TỈNH TÙNG" / "LÂM",
# "SỞ VĂN HÓA, THỂ THAO" / "VÀ DU LỊCH"). Two such lines are one name when the text itself writes the words
# either side of the break together in running text ("tỉnh Tùng Lâm", "Thể thao và Du lịch"); a line that opens
# another body or the motto ("SỞ …", "CỘNG HÒA …") never continues the one above.
_HEADER_LINES = 40
_OPENS_BODY = re.compile(r"^(?:SỞ|BỘ|BAN|CỤC|VỤ|ỦY BAN|UỶ BAN|UBND|HĐND|HỘI|LIÊN HIỆP|LIÊN ĐOÀN|TRUNG TÂM|VĂN PHÒNG|"
                         r"PHÒNG|ĐOÀN|ĐẢNG|TỈNH ỦY|THÀNH ỦY|CỘNG H[OÒ]A|ĐỘC LẬP|SỐ|KẾ HOẠCH|QUYẾT ĐỊNH|BÁO CÁO|"
                         r"THÔNG BÁO|CHỈ THỊ|NGHỊ QUYẾT|CHƯƠNG TRÌNH|ĐỀ ÁN|HƯỚNG DẪN|CÔNG VĂN)\b")
_MAX_CONTINUATION_WORDS = 4


def _capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _written_together(text: str, left: str, right: str) -> bool:
    pattern = re.compile(rf"(?<!\w){re.escape(left)}\s+{re.escape(right)}(?!\w)", re.IGNORECASE)
    return any(not m.group().isupper() for m in pattern.finditer(text))


# a line that is complete by itself: the national motto, whatever column runs into the next line
_WHOLE_LINE = re.compile(r"CỘNG H[OÒ]A XÃ HỘI CHỦ NGHĨA VIỆT NAM$|^ĐẢNG CỘNG SẢN VIỆT NAM$")


def join_broken_capitals(text: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    for i, line in enumerate(lines):
        stripped = line.strip()
        previous = out[-1].strip() if out else ""
        if (i < _HEADER_LINES and _capitals(previous) and _capitals(stripped) and "|" not in previous + stripped
                # a lone word opens no name of its own ("ỦY" / "BAN NHÂN DÂN")
                and len(stripped.split()) <= _MAX_CONTINUATION_WORDS
                and (len(previous.split()) == 1 or not _OPENS_BODY.match(stripped))
                and previous[-1:].isalpha() and not _WHOLE_LINE.search(previous)
                and _written_together(text, previous.split()[-1], stripped.split()[0])):
            out[-1] = f"{out[-1].rstrip()} {stripped}"
        else:
            out.append(line)
    return "\n".join(out)


# --- glued words ----------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+")
_MAX_SYLLABLE = 7  # "nghiêng", "khuyếch"
_MAX_PARTS = 4


def _has_vietnamese_letter(word: str) -> bool:
    return any(not c.isascii() for c in word)


def _segment(word: str) -> list[str] | None:
    """Fewest valid syllables that spell `word`, preferring parts that start with a consonant."""
    n = len(word)
    # best[i] = (parts, vowel-initial parts, split) for word[:i]
    best: list[tuple[int, int, list[str]] | None] = [None] * (n + 1)
    best[0] = (0, 0, [])
    for end in range(1, n + 1):
        for start in range(max(0, end - _MAX_SYLLABLE), end):
            reached = best[start]
            if reached is None:
                continue
            part = word[start:end]
            parsed = parse_syllable(part)
            if parsed is None:
                continue
            parts, vowels, split = reached
            candidate = (parts + 1, vowels + (parsed[0] == ""), split + [part])
            current = best[end]
            if current is None or candidate[:2] < current[:2]:
                best[end] = candidate
    found = best[n]
    if found is None or not 2 <= found[0] <= _MAX_PARTS:
        return None
    return found[2]


def split_glued_word(word: str) -> str | None:
    """'địnhsố' → 'định số', 'TTgngày' → 'TTg ngày'; None when the word is fine or cannot be split safely."""
    if is_syllable(word) or known_word(word):
        return None
    # an abbreviation glued to the next word: "UBNDtỉnh", "TTgngày"
    for i in range(2, len(word) - 1):
        head, tail = word[:i], word[i:]
        if tail[0].islower() and known_word(head) and not head.istitle() and is_syllable(tail):
            return f"{head} {tail}"
    if not _has_vietnamese_letter(word):
        return None
    # a syllable glued to a body's initials: "tịchUBND", "tỉnhHĐND"
    if (m := re.fullmatch(rf"([{vi.LOWER}]+)([{vi.UPPER}]{{2,}})", word)) and is_syllable(m.group(1)) and known_word(m.group(2)):
        return f"{m.group(1)} {m.group(2)}"
    # a case change inside a word is a boundary: "tộcViệt"
    for i in range(1, len(word)):
        if word[i - 1].islower() and word[i].isupper() and is_syllable(word[:i]) and is_syllable(word[i:]):
            return f"{word[:i]} {word[i:]}"
    parts = _segment(word)
    if parts is None or any(p[0].isupper() and not p.isupper() and i for i, p in enumerate(parts)):
        return None  # "khóaNam"-like mixtures are names or code, not glued prose
    return " ".join(parts)


def split_glued_words(text: str) -> tuple[str, int]:
    count = 0
    lowered = text.lower()

    def fix(match: re.Match) -> str:
        nonlocal count
        word = match.group(0)
        split = split_glued_word(word)
        if split is None:
            return word
        if word[:1].isupper() and word[1:].islower() and split.lower() not in lowered:
            return word  # "Titốp", "Ixtanbun": a name written as one word, unless the text writes it apart elsewhere
        count += 1
        return split

    return _WORD.sub(fix, text), count


# --- footnote marks -------------------------------------------------------------------------------

# Numbered things: "Điều1" is "Điều 1" missing its space, never a footnote.
_NUMBERED_NOUNS = frozenset({
    "điều", "khoản", "mục", "phần", "chương", "điểm", "số", "khóa", "lần", "ngày", "tháng", "năm", "quý",
    "lục", "tập", "bước", "đợt", "kỳ", "tuần", "vòng", "nhóm", "loại", "hạng", "cấp", "tổ", "phòng", "tầng",
    "lô", "thôn", "xóm", "ấp", "khu", "phường", "quận", "huyện", "trang", "câu", "bảng", "hình", "biểu", "mẫu",
    "đoạn", "lớp", "buổi", "mức", "bài", "tiết", "chí", "phụ", "đội", "tờ",
})
_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_SUPERSCRIPT_VALUE = str.maketrans(_SUPERSCRIPTS, "1234567890")
_STUCK_MARK = re.compile(
    rf"(?P<word>[^\W\d_]{{2,}})(?P<mark>\(\d{{1,2}}\)|\[\d{{1,2}}\]|[{_SUPERSCRIPTS}]+|\d{{1,2}})"
    r"(?=$|[\s,;:!?)”\"]|\.(?!\d))", re.MULTILINE)


@dataclass
class Repair:
    text: str
    joined_lines: int = 0
    split_words: int = 0
    footnotes: list[str] = field(default_factory=list)  # the numbers of the marks removed


# a web page's reference after a space ("Quyết định 31/2023/QĐ-TTg [2] quy định …"): its note is not in the text
_REFERENCE_MARK = re.compile(r"(?<=\S) \[\d{1,2}\](?=[\s,.;:]|$)", re.MULTILINE)


def strip_footnote_marks(text: str) -> tuple[str, list[str]]:
    marks: list[tuple[int, str]] = []  # (line index, number)

    def fix(match: re.Match) -> str:
        word, mark = match.group("word"), match.group("mark")
        number = mark.strip("()[]").translate(_SUPERSCRIPT_VALUE)
        if word.lower() in _NUMBERED_NOUNS:
            return f"{word} {mark}"
        if mark.isdigit() and (word.isupper() or not is_syllable(word) or number.startswith("0")):
            return match.group(0)  # "G20", "CO2", "km2", "A05": codes and units, not marks
        marks.append((match.string.count("\n", 0, match.start()), number))
        return word

    text = _REFERENCE_MARK.sub("", _STUCK_MARK.sub(fix, text))
    # (saying each note where its mark stood was measured: it moved the store's other answers, −3 against +1)
    if marks:
        text = _label_notes(text, marks)
    return text, list(dict.fromkeys(n for _, n in marks))


_NOTE_LINE = re.compile(rf"^(?:\((\d{{1,2}})\)|\[(\d{{1,2}})\]|(\d{{1,2}}|[{_SUPERSCRIPTS}]{{1,2}}))\s+(?=[^\W\d_])(.+)$")


def _label_notes(text: str, marks: list[tuple[int, str]]) -> str:
    """'1 Quyết định số …' below its mark becomes 'Ghi chú (1): Quyết định số …'.

    A bare "1 …" line (never a list style) is taken first; failing that the last "(1) …" line
    after the mark, since a numbered list in the body ("(1) Tổ chức …") comes before its notes.
    """
    lines = text.split("\n")
    first_line: dict[str, int] = {}
    for line_index, number in marks:
        first_line.setdefault(number, line_index)
    for number, line_index in first_line.items():
        # (line index, note text) of the bare and the last bracketed candidate
        bare: tuple[int, str] | None = None
        bracketed: tuple[int, str] | None = None
        for i in range(line_index + 1, len(lines)):
            match = _NOTE_LINE.match(lines[i].strip())
            said = [g.translate(_SUPERSCRIPT_VALUE) if g else g for g in match.groups()[:3]] if match else []
            if not match or number not in said or lines[i].startswith("Ghi chú"):
                continue
            if match.group(3) and bare is None:
                bare = (i, match.group(4))
            elif not match.group(3):
                bracketed = (i, match.group(4))
        target = bare if bare is not None else bracketed
        if target is not None:
            target_index, note = target
            lines[target_index] = f"Ghi chú ({number}): {note}"
    return "\n".join(lines)


# a word cut at the line's end by a hyphen when the page was typeset ("thiết lậ-" / "p quan hệ", "từ Pra-" / "ha đến"):
# a hyphen glued to the letters before it, the line going on in lowercase ("Việt -" / "Lào" and "Việt-" / "Lào" are
# a pair of names, not a cut word)
_CUT_WORD = re.compile(r"(?<=[^\W\d_])-[ \t]*\n[ \t]*(?=[a-zà-ỹđ])")


def join_cut_words(text: str) -> str:
    return _CUT_WORD.sub("", text)


# a province's first word typed twice ("UBND tỉnh Bình Bình Định"): the province once, as every reader takes it
_DOUBLED_WORD = re.compile(rf"\b([{vi.UPPER}][{vi.LOWER}]+) \1 ([{vi.UPPER}][{vi.LOWER}]+)\b")


def mend_doubled_names(text: str) -> str:
    return _DOUBLED_WORD.sub(lambda m: f"{m.group(1)} {m.group(2)}" if canonical_province(f"{m.group(1)} {m.group(2)}")
                             else m.group(0), text)


def repair_text(text: str) -> Repair:
    before = text.count("\n")
    joined = join_broken_lines(join_broken_capitals(join_cut_words(mend_doubled_names(mend_dates(text)))))
    joined_lines = before - joined.count("\n")
    split, count = split_glued_words(joined)
    unmarked, notes = strip_footnote_marks(split)
    return Repair(text=unmarked, joined_lines=joined_lines, split_words=count, footnotes=notes)
