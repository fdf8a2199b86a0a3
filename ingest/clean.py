"""Remove web-portal boilerplate from the text of a saved page without touching plan content.

Lines are classified one by one. Some boilerplate is recognisable anywhere (visitor counters, share
buttons, QR-code blurbs, language switchers, breadcrumbs, portal footers, "Nguồn: …"). Other lines
are only suspicious where page chrome lives: before the article starts (site names, slogans, menus)
and after its last paragraph (contact blocks, bylines, site links). A "tin khác" list after the
article is cut whole. Lines that carry document identity (emblem header, "Số: …", the metadata
block of legal-document pages, signature block, table rows) are never removed: metadata and
answers rely on them.

Photo captions stay: they sit inside the article and name its events ("Lễ hội Hoa Phượng Đỏ…");
the "(Ảnh: …)" credit is a few words of noise not worth the risk of cutting a sentence.
"""
from __future__ import annotations

import re

from ground import vi
from ground.bylines import byline
from ingest.page_dates import PAGE_DATE_LINE, dated_page

# --- vocabulary -----------------------------------------------------------------------------------

# Whole lines (folded, punctuation removed) that only portals print: menus, widgets, headings of boxes.
PORTAL_LINES = frozenset({
    "tim kiem", "tim kiem tin tuc", "lien ket website", "lien ket web", "lien ket", "so ban nganh",
    "ubnd huyen thi xa thanh pho", "trang chu", "gioi thieu", "tin tuc", "tin tuc su kien", "lien he",
    "so do cong", "so do site", "so do trang", "dang nhap", "dang ky", "hoi dap", "thu vien anh",
    "thu vien video", "xem them", "doc tiep", "binh luan", "y kien ban doc", "gui y kien", "in trang",
    "in bai viet", "ban in", "quay lai", "ve dau trang", "len dau trang", "tro ve", "tien ich",
    "tien ich thong tin", "nguon tin", "chung toi tren mang xa hoi", "mang xa hoi", "theo doi chung toi",
    "ket noi voi chung toi", "chia se", "gui email", "facebook", "twitter", "zalo", "youtube", "print",
    "goc", "xem tin theo ngay", "thong ke truy cap", "van ban moi", "tin moi", "tin moi nhat",
    "tin doc nhieu", "tin noi bat", "tin xem nhieu", "danh ba", "chuyen muc", "du lieu dang cap nhat",
    "ban dang xem", "ban dang o", "vi tri hien tai", "cong dich vu cong", "dich vu cong truc tuyen",
    "email", "top", "menu", "home", "english", "tieng viet", "tieng anh", "toan van", "tai ve", "logo",
    # a page reader's toolbar: text size, contrast, read aloud
    "co chu", "a a", "tuong phan", "vui long cho giay lat",
})
# Headings of the related-news list that follows an article: everything after one is cut.
RELATED_HEADINGS = frozenset({
    "tin khac", "cac tin khac", "tin lien quan", "cac tin lien quan", "bai viet lien quan",
    "cac bai viet lien quan", "tin cung chuyen muc", "cac tin cung chuyen muc", "cac tin da dua",
    "tin da dua", "tin bai khac", "cac tin bai khac", "bai viet khac", "cac bai viet khac", "tin moi hon",
    "tin cu hon", "cac tin cu hon", "cac tin moi hon", "tin bai lien quan", "xem them cac tin khac",
    "van ban lien quan", "cac van ban khac", "tin cung loai",
})
_LANGUAGE_CODES = frozenset({"vi", "vn", "en", "eng", "kr", "ko", "ja", "jp", "cn", "zh", "fr", "ru", "de",
                             "la", "lo", "km", "th", "es", "ch"})
_NAV_SEGMENTS = frozenset({"trang chu", "home", "chi tiet", "chi tiet tin", "tin tuc", "tin tuc su kien",
                           "su kien", "thoi su", "tin hoat dong", "hoat dong", "tin trong tinh",
                           "tin trong nuoc", "tin quoc te", "tin chuyen nganh", "tin tong hop", "van ban"})
_PORTAL_PHRASES = ("he thong cong thong tin dien tu", "cong thong tin dien tu", "trang thong tin dien tu",
                   "ban quyen", "copyright", "giay phep so", "giay phep xuat ban", "giay phep thiet lap",
                   "chiu trach nhiem chinh", "chiu trach nhiem noi dung", "truong ban bien tap", "ghi ro nguon",
                   "thiet ke boi", "phat trien boi", "designed by", "powered by", "all rights reserved",
                   "dang chay thu nghiem", "co quan chu quan", "don vi quan ly", "doc bai viet",
                   "tu viet tat doc bai viet", "bai viet khong co file audio")
_COUNTER_WORDS = ("truy cap", "luot xem", "dang online", "online", "luot truy cap", "thong ke", "hom nay",
                  "hom qua", "trong thang", "tong so")
_CONTACT_LABELS = re.compile(
    r"^(?:dia chi|tru so|dien thoai|dt|đt|tel|fax|email|e-mail|hotline|website|duong day nong|so dien thoai)"
    r"\s*[:.]", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?:\+84|\b0)\s?\d{2,3}[\s.]?\d{3}[\s.]?\d{3,4}\b")
_SOURCE = re.compile(r"^(?:nguon|nguon tin|nguon anh|theo nguon)\s*:", re.IGNORECASE)

# --- protected lines: the identity of a legal document ----------------------------------------------

DOC_NUMBER = re.compile(r"\b\d{1,5}(?:/\d{4})?[/-][A-ZĐÐ]{1,6}[A-Za-zĐđ]*(?:[-/–][A-ZĐÐ][A-Za-zĐđ0-9]*)*")
_PROTECTED = re.compile(
    r"CỘNG H[OÒ]A XÃ HỘI CHỦ NGHĨA|Độc lập\s*[-–]\s*Tự do|^Số\s*:|^Số hiệu\b|"
    r"^(?:CỔNG THÔNG TIN ĐIỆN TỬ|Cổng [Tt]hông tin điện tử) (?:TỈNH|THÀNH PHỐ|tỉnh|thành phố) |"  # whose page it is
    r"^(?:Ngày ban hành|Ngày có hiệu lực|Ngày hết hiệu lực|Ngày công báo|Số công báo|Loại văn bản|"
    r"Cơ quan ban hành|Người ký|Lĩnh vực|Tình trạng(?: hiệu lực)?|Nơi ban hành)\b|"
    r",\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|"
    r"^(?:KẾ HOẠCH|QUYẾT ĐỊNH|CHỈ THỊ|CHƯƠNG TRÌNH|THÔNG BÁO|NGHỊ QUYẾT|CÔNG VĂN|HƯỚNG DẪN|BÁO CÁO|"
    r"TỜ TRÌNH|ĐỀ ÁN|PHỤ LỤC|ĐỀ CƯƠNG|BẢN GHI NHỚ|BIÊN BẢN|THỎA THUẬN|THOẢ THUẬN|QUY CHẾ|QUY ĐỊNH)\b|"
    r"^(?:Về việc|V/v|Kính gửi|Nơi nhận)\b|^\(?Đã ký\)?$|"
    r"^(?:TM|KT|TL|TUQ|Q)\.\s|^(?:T/M|K/T|T/L)\s|"
    r"^(?:PHÓ )?(?:CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|THỨ TRƯỞNG|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|BÍ THƯ|HIỆU TRƯỞNG|"
    r"TỔNG GIÁM ĐỐC|TỔNG THƯ KÝ)$|"
    r"^\|"
)
_EMBLEM_ISSUER = re.compile(r"^(?:ỦY BAN|UỶ BAN|UBND|HỘI ĐỒNG|HĐND|BỘ |TỈNH |THÀNH PHỐ |SỞ |BAN |CHÍNH PHỦ|"
                            r"THỦ TƯỚNG|VĂN PHÒNG|ĐẢNG)")
# the rest of an emblem's name on the next line: upper case, short, no motto
_EMBLEM_CONTINUATION = re.compile(r"^(?!CỘNG H[OÒ]A|ĐỘC LẬP|SỐ\b)[A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ ,\-]{3,40}$")
_BROKEN_DATELINE = re.compile(r"^[^\d,]{2,30},\s*ngày\s+\d{1,2}$")
_SIGNATURE_TITLE = re.compile(r"^(?:(?:TM|KT|TL|TUQ|Q)\.\s|(?:T/M|K/T|T/L)\s|(?:PHÓ )?(?:CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|"
                              r"THỨ TRƯỞNG|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|CHỦ NHIỆM|CỤC TRƯỞNG|VỤ TRƯỞNG|VIỆN TRƯỞNG|BÍ THƯ|"
                              r"HIỆU TRƯỞNG|TỔNG GIÁM ĐỐC|TỔNG THƯ KÝ)(?:\s+THƯỜNG TRỰC)?"  # "PHÓ BÍ THƯ THƯỜNG TRỰC"
                              r"(?:,\s*(?:PHÓ )?(?:CHỦ NHIỆM|CHỦ TỊCH|TRƯỞNG BAN|GIÁM ĐỐC)[^\n,]{0,40})?$|\(?Đã ký\)?$)")
_LIST_ITEM = re.compile(r"^(?:[-+•*–—]\s|\d+(?:\.\d+)*[.)]\s|[a-zđ][).]\s|[IVXLC]+[.)]\s)")
_HEADING = re.compile(r"^(?:[IVXLC]+|\d+)\.\s+\S|^(?:PHẦN|CHƯƠNG|Phần|Chương)\s+[IVXLC\d]+")
_NAME_WORD = f"[{vi.UPPER}][{vi.LOWER}]+"  # "Hòa", "Đỗ"
# (after the degrees written before it: "PGS.TS. Tạ Quang Vịnh")
_PERSON_NAME = re.compile(rf"^(?:(?:GS|PGS|TSKH|TS|ThS|BS|KS|NGND|NGƯT|NSND|NSƯT)\.\s*)*{_NAME_WORD}(?:\s{_NAME_WORD}){{1,4}}$")

# --- dates ----------------------------------------------------------------------------------------

NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)")
_TIME = re.compile(r"\b\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s?[AaPp][Mm](?![a-z]))?")
_DATE_WORDS = frozenset({"ngay", "cap", "nhat", "dang", "thoi", "gian", "luc", "gio", "xuat", "ban", "thu",
                         "hai", "ba", "tu", "nam", "sau", "bay", "chu", "cn", "gmt", "am", "pm", "2", "3", "4", "5", "6", "7"})
_WORDED_DAY = re.compile(r"\b[Nn]gày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}\b")  # "Thứ Sáu, ngày 23 tháng 08 năm 2019"
_WEEKDAY = re.compile(r"^(?:thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])|chu nhat|cn)\b")
_DATELINE_JUNK = re.compile(
    r"\bPrint\b|\bGốc\b|\bBản in\b|\bIn bài\b|\d[\d.,]*\s*lượt xem|lượt xem\s*:?\s*\d[\d.,]*|"
    r"[\w-]*(?:\.[\w-]+)*\.(?:gov|com|org|net|edu)\.vn\b|[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org)\b|\|",
    re.IGNORECASE)

_WORD = re.compile(r"[^\W_]+")
_TRAIL_ARROW = re.compile(r"\s*(?:»|›|>|→)\s*")
_SENTENCE_END = re.compile(r"[.!?…;:][\"”’)\]]*$|\./\.$")
SHORT_LINE_WORDS = 8
BODY_LINE_WORDS = 12


def _key(line: str) -> str:
    """Folded words only: how a line is compared with the vocabulary."""
    return " ".join(vi.fold(w) for w in _WORD.findall(line))


def _word_count(line: str) -> int:
    return len(_WORD.findall(line))


def tidy_dateline(line: str) -> str:
    """'Print Thứ Tư, 31/05/2023 18:30 Gốc' → 'Thứ Tư, 31/05/2023 18:30'; other lines unchanged."""
    if not NUMERIC_DATE.search(line):
        return line
    unglued = re.sub(r"(\d{1,2}:\d{2}\s?[AaPp][Mm])(?=[^\W\d_])", r"\1 ", line)
    tidied = _DATELINE_JUNK.sub(" ", unglued)
    tidied = re.sub(r"\s+", " ", tidied).strip(" -–,|")
    return tidied if is_dateline(tidied) else line


def is_dateline(line: str) -> bool:
    """A line that is only a date (and time, weekday, "Ngày cập nhật"): an article's timestamp."""
    if not (NUMERIC_DATE.search(line) or _WORDED_DAY.search(line)) or _word_count(line) > 12:
        return False
    rest = _TIME.sub(" ", NUMERIC_DATE.sub(" ", _WORDED_DAY.sub(" ", line)))
    return all(w in _DATE_WORDS for w in _key(rest).split())


def is_date_banner(line: str) -> bool:
    """'Chủ nhật, Ngày 27/10/2024': the portal's today's date (no time), not the article's."""
    return is_dateline(line) and bool(_WEEKDAY.match(_key(line))) and not _TIME.search(line)


def is_protected(line: str, has_emblem: bool = False) -> bool:
    if _PROTECTED.search(line) or DOC_NUMBER.search(line):
        return True
    cells = [c.strip() for c in line.split("|") if c.strip()] if "|" in line else []
    if len(cells) > 1:  # signature blocks side by side ("GIÁM ĐỐC | GIÁM ĐỐC"): every cell one to keep
        return all(is_protected(c, has_emblem) for c in cells)
    # Upper-case issuer lines ("ỦY BAN NHÂN DÂN", "TỈNH CAO BẰNG") only where the emblem header is.
    return has_emblem and line.isupper() and bool(_EMBLEM_ISSUER.match(line)) and _word_count(line) <= 12


def _is_breadcrumb(line: str) -> bool:
    parts = [p for p in re.split(r"\s*(?:»|›|>|\s/\s|\s[-–]\s|\|)\s*", line) if p.strip()]
    if len(parts) < 2 or any(_word_count(p) > 6 for p in parts) or _SENTENCE_END.search(line):
        return False
    return any(_key(p) in _NAV_SEGMENTS for p in parts)


def is_trail(line: str) -> bool:
    """A site's path to the page, from its home ("Trang chủ › Văn bản › … › Kế hoạch 24/KH-UBND năm 2025")."""
    parts = [p for p in _TRAIL_ARROW.split(line) if p.strip()]
    # (its last step is the page, which a law library names by the document's whole title and number)
    return len(parts) >= 2 and _key(parts[0]) in _NAV_SEGMENTS and all(_word_count(p) <= 10 for p in parts[:-1]) and (
        _word_count(parts[-1]) <= 10 or DOC_NUMBER.search(parts[-1]) is not None)


def _is_counter(key: str, words: int) -> bool:
    if words > 8 or not any(w in key for w in _COUNTER_WORDS):
        return False
    return bool(re.search(r"\d", key)) or key in PORTAL_LINES


def _is_language_switch(key: str) -> bool:
    words = key.split()
    return len(words) >= 2 and all(w in _LANGUAGE_CODES for w in words)


def classify_line(line: str) -> str | None:
    """Why a line is boilerplate wherever it appears, or None. Protected lines are never boilerplate."""
    stripped = line.strip()
    if not stripped:
        return None
    if not _WORD.search(stripped):
        return "separator"  # "-------", "***", "|"
    if re.fullmatch(r"(?:https?://|www\.)\S+", stripped):
        return "link"  # a page's address on a line of its own: never its title nor an answer
    if is_trail(stripped):
        return "breadcrumb"  # "Trang chủ › … › Kế hoạch 24/KH-UBND": the number it repeats is the title's
    if re.match(r"(?:Trang chủ|TRANG CHỦ|Home)\s+\S", stripped) and _word_count(stripped) <= 12 \
            and not _SENTENCE_END.search(stripped):
        return "breadcrumb"  # "Trang chủ Hữu nghị Bốn phương kết bạn": a site's menu copied without its separators
    if is_protected(stripped):
        return None
    key, words = _key(stripped), _word_count(stripped)
    if key in RELATED_HEADINGS:
        return "related"
    if key in PORTAL_LINES:
        return "portal"
    # "Đăng ký mua gói ấn phẩm|Đăng nhập": a row of a portal's account links, one of them a menu line of its own
    segments = [_key(p) for p in stripped.split("|") if p.strip()]
    if len(segments) >= 2 and words <= 12 and any(seg in PORTAL_LINES for seg in segments):
        return "portal"
    if "qr code" in key or key.startswith("ma qr"):
        return "qr"
    if words <= 12 and (re.search(r"\bA-\s+A\s+A\+", stripped) or re.search(r"\b(?:tang|giam) tuong phan\b|^co chu\b", key)):
        return "portal"  # "A- A A+ | Tăng tương phản Giảm tương phản": the page's text-size and contrast buttons
    if _is_counter(key, words):
        return "counter"
    if re.match(r"(?:chia se|share|tweet|like|gui bai|in bai)\b", key) and words <= 6:
        return "share"
    if _is_language_switch(key):
        return "language"
    if is_date_banner(stripped):
        return "date-banner"
    if _SOURCE.match(vi.fold(stripped)) and words <= 10 and not _SENTENCE_END.search(stripped.rstrip(":")):
        return "source"
    if words <= 14 and (key.startswith(_PORTAL_PHRASES) or "©" in stripped) and not _SENTENCE_END.search(stripped):
        return "portal"
    if _is_breadcrumb(stripped):
        return "breadcrumb"
    if words <= 14 and "tam dung" in key and ("dung doc" in key or "doc tiep" in key):
        return "portal"  # "× Đọc bài viết Tạm dừng Đọc tiếp Dừng đọc Đang tải...": a read-aloud player's buttons
    return None


def _is_contact(line: str) -> bool:
    key = vi.fold(line.strip())
    if _CONTACT_LABELS.match(key):
        return True
    return _word_count(line) <= 16 and bool(_EMAIL.search(line) or _PHONE.search(line))


def _is_body(line: str) -> bool:
    if _is_contact(line):
        return False
    words = _word_count(line)
    return words >= BODY_LINE_WORDS or (words >= SHORT_LINE_WORDS and bool(_SENTENCE_END.search(line)))


_NUMBER_LINE = re.compile(r"^Số\s*:\s*\d")
_MOTTO_PART = re.compile(r"^CỘNG\b|H[OÒ]A XÃ HỘI|CHỦ NGHĨA|ĐỘC LẬP")
EMBLEM_LINES = 4  # an issuer's name in capitals above its number: committee, province, department, a wrapped line


def _issuer_above_number(lines: list[str]) -> list[int]:
    """The capitals naming the issuer right above a document's "Số: 21/KH-SNgV" line, when a copy lost the motto
    beside them ("ỦY BAN NHÂN DÂN TỈNH X" / "SỞ NGOẠI VỤ"): the header, not a portal's banner."""
    at = next((i for i, line in enumerate(lines) if _NUMBER_LINE.match(line.strip())), None)
    if at is None:
        return []
    run: list[int] = []
    for i in range(at - 1, max(-1, at - 1 - EMBLEM_LINES), -1):
        line = lines[i].strip(" |")
        if not line or not line.isupper() or _word_count(line) > 12 or _MOTTO_PART.search(line):
            break  # (a motto broken over lines is beside the issuer, not under it: the header's columns are lost)
        run.append(i)
    # the run's first line must name an issuing body ("ỦY BAN …", "UBND …", "SỞ …", "BỘ …")
    while run and not _EMBLEM_ISSUER.match(lines[run[-1]].strip(" |")):
        run.pop()
    return run


def _is_anchor(line: str) -> bool:
    """Where an article or a document starts: header chrome ends before it."""
    return (_is_body(line) or is_dateline(line) or _HEADING.match(line) is not None
            or re.search(r"CỘNG H[OÒ]A XÃ HỘI|^Số\s*:|^Số hiệu\b", line) is not None
            or _SIGNED_HEAD.match(line) is not None)  # ("BẢN GHI NHỚ" / "VỀ HỢP TÁC …" / "GIỮA" …: its title follows)


# the capitals a signed text's head opens with (ingest.titles reads its title from them too)
SIGNED_HEAD_WORDS = r"(?:BẢN GHI NHỚ|BIÊN BẢN GHI NHỚ|THỎA THUẬN|THOẢ THUẬN)"
_SIGNED_HEAD = re.compile(rf"^{SIGNED_HEAD_WORDS}(?: HỢP TÁC)?$")


_TEXT_NOTE = re.compile(r"\bvan ban (?:gia lap|gia dinh|mo phong|minh hoa)\b|khong phai (?:la )?van ban (?:that|chinh thuc)"
                        r"|\bvan ban (?:nay|duoi day) (?:chi )?(?:mang tinh|co gia tri) (?:chat )?tham khao")
_SEAL = re.compile(r"^\*.+\*$|^(?:ỦY|UỶ) BAN NHÂN DÂN$")


def signature_names(lines: list[str]) -> set[int]:
    """Indexes of the signer's name: a name within a few lines after "CHỦ TỊCH", "KT. …", "(Đã ký)"."""
    names: set[int] = set()
    for i, line in enumerate(lines):
        if not _SIGNATURE_TITLE.match(line.split("|")[0].strip()):  # (the left one of blocks side by side)
            continue
        seen = 0
        for j in range(i + 1, len(lines)):
            candidate = lines[j].split("|")[0].strip()
            if not candidate or _SEAL.match(candidate):
                continue  # the round seal read into the text ("ỦY BAN NHÂN DÂN" / "* TỈNH X *") sits over the name
            seen += 1
            if _PERSON_NAME.match(candidate) or (candidate.isupper() and 2 <= _word_count(candidate) <= 5
                                                 and not _SIGNATURE_TITLE.match(candidate)):
                names.add(j)
                break
            if seen >= 4:
                break
    return names


def _next_content(lines: list[str], i: int) -> str:
    for line in lines[i + 1:]:
        if line.strip():
            return line.strip()
    return ""


_HOUR_ITEM = re.compile(r"^\s*[-•+*]?\s*(?:\d{1,2}\s*(?:h|giờ|g|:)\s*\d{0,2}\b|(?:Buổi\s+)?(?:sáng|chiều|tối|trưa)\b)", re.IGNORECASE)


def clean_text(text: str) -> str:
    text = dated_page(text)
    lines = [tidy_dateline(line) for line in vi.normalize_spaces(text).split("\n")]
    # the State's motto, or the Party's ("ĐẢNG CỘNG SẢN VIỆT NAM" alone on its line, across from a Party body)
    # (a cell of a two-column header counts: "ĐẢNG BỘ TỈNH X | ĐẢNG CỘNG SẢN VIỆT NAM")
    has_emblem = any(re.search(r"CỘNG H[OÒ]A XÃ HỘI CHỦ NGHĨA|Độc lập\s*[-–]\s*Tự do|^ĐẢNG CỘNG SẢN VIỆT NAM$",
                               cell.strip()) for line in lines for cell in line.split("|"))
    reasons: list[str | None] = [classify_line(line) for line in lines]
    for i in range(len(lines)):  # "Thứ Ba, ngày 23/10/2029" over "- 08h00 - 10h30: …": a programme's day, no banner
        if reasons[i] == "date-banner" and _HOUR_ITEM.match(next((ln for ln in lines[i + 1:i + 3] if ln.strip()), "")):
            reasons[i] = None
    protected = [is_protected(line.strip(), has_emblem) for line in lines]
    for i in signature_names(lines):
        protected[i] = True
    for i, line in enumerate(lines):  # the saved page's own date, as ingest.page_dates wrote it: no header chrome
        protected[i] = protected[i] or bool(PAGE_DATE_LINE.match(line))
    if has_emblem:
        for i in range(1, len(lines)):
            # an emblem's name or a dateline broken over two lines ("BỘ VĂN HÓA, THỂ" / "THAO VÀ DU LỊCH";
            # "Hà Nội, ngày 24" / "tháng 01 năm 2025"): the second line belongs to the first
            before, line = lines[i - 1].strip(" |"), lines[i].strip(" |")
            if protected[i - 1] and _EMBLEM_ISSUER.match(before) and _EMBLEM_CONTINUATION.match(line):
                protected[i] = True
            elif _BROKEN_DATELINE.search(before) and re.match(r"^tháng\s+\d{1,2}\s+năm\s+\d{4}", line):
                protected[i - 1] = protected[i] = True
    for i in _issuer_above_number(lines):
        protected[i] = True
    drop = [r is not None for r in reasons]

    def content(i: int) -> bool:
        return bool(lines[i].strip()) and not drop[i]

    # A related-news list after the article: cut it with everything below it.
    bodies = [i for i in range(len(lines)) if content(i) and _is_body(lines[i])]
    if bodies:
        for i in range(bodies[0] + 1, len(lines)):
            if reasons[i] == "related":
                drop[i:] = [True] * (len(lines) - i)
                break

    # A note about the text itself at its very top ("(Văn bản giả lập … – không phải văn bản thật)"): it
    # describes the file, not the plan, and its words ("văn bản", a place) would otherwise answer questions.
    for i in [i for i in range(len(lines)) if content(i)][:2]:
        drop[i] = drop[i] or (not protected[i] and _TEXT_NOTE.search(vi.fold(lines[i])) is not None)
    # Header chrome: site names, slogans, menus before the first anchor line.
    anchor = next((i for i in range(len(lines)) if content(i) and _is_anchor(lines[i].strip())), len(lines))
    head = [i for i in range(anchor) if content(i) and not protected[i]]
    short_head = [i for i in head if _word_count(lines[i]) < SHORT_LINE_WORDS]
    if len(short_head) >= 2 or any(reasons[i] for i in range(anchor)):
        for i in short_head:
            drop[i] = True
    for i in head:
        if _is_contact(lines[i]):
            drop[i] = True

    # Footer chrome: after the last paragraph of the article.
    bodies = [i for i in range(len(lines)) if content(i) and _is_body(lines[i])]
    last = bodies[-1] if bodies else anchor
    for i in range(last + 1, len(lines)):
        if not content(i) or protected[i]:
            continue
        line = lines[i].strip()
        if _is_contact(line):
            drop[i] = True
            continue
        if _word_count(line) >= SHORT_LINE_WORDS or _LIST_ITEM.match(line):
            continue
        if has_emblem and line.isupper():
            continue  # a heading of the document's annex
        following = _next_content(lines, i)
        if following.startswith("|") or _LIST_ITEM.match(following):
            continue  # the caption of a table or list
        if not _SENTENCE_END.search(line) and not byline(line):
            drop[i] = True  # site name, link (a writer's byline is kept: "do ai viết" is asked of it)

    kept = [line for line, dropped in zip(lines, drop, strict=False) if not dropped]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()

