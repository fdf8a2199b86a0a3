"""A document's title as its page shows it: the page heading, the upper-case title under the emblem, or
the way an article names the plan.

Site banners above a document are not its title; a decision's authority line ("CHỦ TỊCH ỦY BAN NHÂN DÂN
TỈNH …") ends its title; a decision that issues a plan is catalogued under the plan's title.
"""
from __future__ import annotations

import re

from ground import vi
from ground.numbers import JOINT_KINDS, DocNumber, find_numbers
from ground.places import iter_mentions
from ingest.clean import SIGNED_HEAD_WORDS, is_dateline, is_trail
from ingest.dates import DATE_CLOCK, PLACE_DATE

TYPE_CODES = {
    "KH": "Kế hoạch", "QĐ": "Quyết định", "CT": "Chỉ thị", "CTr": "Chương trình", "CTR": "Chương trình",
    "NQ": "Nghị quyết", "TB": "Thông báo", "HD": "Hướng dẫn", "BC": "Báo cáo", "NĐ": "Nghị định",
    "TT": "Thông tư", "CV": "Công văn", "TTr": "Tờ trình", "ĐA": "Đề án", "KL": "Kết luận",
    "QC": "Quy chế", "QCPH": "Quy chế", "BB": "Biên bản", "CTrPH": "Chương trình", "CTPH": "Chương trình", "ĐC": "Đề cương",  # "02/QCPH-SNgV-SVHTTDL": a Quy chế phối hợp between two bodies
    # two bodies' plans and programmes (ground.numbers.JOINT_KINDS), catalogued under their kind: "Kế hoạch"
    **{code: " ".join(kind.split()[:2]) for code, kind in JOINT_KINDS.items()},
}
DOC_TYPES = ("Kế hoạch", "Quyết định", "Công văn", "Chỉ thị", "Chương trình", "Thông báo", "Nghị quyết",
             "Hướng dẫn", "Đề án", "Báo cáo", "Nghị định", "Thông tư", "Kết luận")
# kinds a text may be, but never the plan a decision carries nor a title read from a citing clause
SIGNED_TYPES = ("Thỏa thuận", "Biên bản ghi nhớ", "Bản ghi nhớ", "Quy chế", "Tờ trình")
# a signed text's own title in capitals, at its head ("BẢN GHI NHỚ / VỀ HỢP TÁC … / GIỮA …")
_SIGNED_HEAD = re.compile(rf"^{SIGNED_HEAD_WORDS}(?:\s|$)")
# kinds whose title line heads the text although no plan is ever catalogued under them: "BIÊN BẢN HỘI ĐÀM" / "giữa …"
# (a Phụ lục's capitals further down are not the title of a record of talks)
HEADED_KINDS = ("Biên bản", "Tờ trình", "Công điện", "Giấy mời")
_HEADED_KIND = re.compile(r"^(?:" + "|".join(k.upper() for k in HEADED_KINDS) + r")(?:\s|$)")
_DOC_TYPE_WORD = re.compile(r"\b(" + "|".join(DOC_TYPES + SIGNED_TYPES) + r")\b", re.IGNORECASE)
_ISSUED_TYPE_WORD = re.compile(r"\b(" + "|".join(DOC_TYPES) + r")\b", re.IGNORECASE)
_TITLE_STOP = re.compile(r"\s+(?:vừa|đã|được|do|nhằm|với mục tiêu|như sau)\b|\s*[.;:!?“”\"(\n]|$")
_NOT_A_HEADLINE = re.compile(r"^(?:Số|Ngày|Loại văn bản|Cơ quan|Người ký|Lĩnh vực|Tình trạng|Thực hiện|Căn cứ)\b"
                             # a mail's header fields over the document it forwards
                             r"|^(?:Chủ đề|Tiêu đề|Subject|Fwd?|Re|Từ|From|Gửi tới|Đến|To|Cc|Date)\s*:", re.IGNORECASE)


_CAPTION = re.compile(r"\((?:Ảnh|Nguồn ảnh|Ảnh minh họa|Ảnh minh hoạ)\s*:[^)]*\)\W*$|^\W*Ảnh\s*:|[.:]\s+Ảnh\s*:\s*[^.]{2,60}$",
                      re.IGNORECASE)
_SECTION_HEADING = re.compile(r"^(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s+\S")
_EMBLEM = re.compile(r"CỘNG H[OÒ]A XÃ HỘI|^(?:ỦY|UỶ) BAN NHÂN DÂN\s*\|?$|^(?:ĐOÀN TNCS HỒ CHÍ MINH|MẶT TRẬN TỔ QUỐC VIỆT NAM)$")
# The line under a decision's title that names who decides: it ends the title.
_AUTHORITY = re.compile(r"^(?:(?:PHÓ )?CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|THỦ TƯỚNG|(?:ỦY|UỶ) BAN NHÂN DÂN|"
                        r"HỘI ĐỒNG NHÂN DÂN|TRƯỞNG BAN)\b|^(?:CHÍNH PHỦ|BAN BÍ THƯ|BỘ CHÍNH TRỊ)$")  # who enacts, before "Căn cứ"


def _names_a_document(line: str) -> bool:
    return bool(_DOC_TYPE_WORD.search(line) or find_numbers(line))


_TYPED_LINE = re.compile(r"^(" + "|".join(t.upper() for t in DOC_TYPES) + rf")\s+([{vi.UPPER}][{vi.LOWER}][^\n]{{10,250}})$")


_WHOLE_TEXT = re.compile(r"^(?:Toàn văn|Nội dung toàn văn)\s*:?\s+(?=" + _DOC_TYPE_WORD.pattern + ")", re.IGNORECASE)
CAPS_TITLE_LINES = 5  # a title in capitals stands among the first lines
# a site's menu or section banner, items between stars or bars ("CHƯƠNG TRÌNH 1719 * NÔNG THÔN MỚI * GIẢM NGHÈO …")
_MENU_LINE = re.compile(r"\S\s+[*|•·]\s+\S.*\s[*|•·]\s+\S")


def headline(text: str) -> str | None:
    """A page heading: a line of some length before the article's first paragraph or the emblem.

    Above a document's emblem, only a line naming a document (a type word or a number) is its page
    heading; anything else there is the site's banner ("Dịch vụ doanh nghiệp online toàn quốc")."""
    lines = text.split("\n")
    for line in lines[:25]:
        # "CHƯƠNG TRÌNH Hành động của Bộ … thực hiện Nghị quyết …": the type in capitals and its subject on one line
        typed = _TYPED_LINE.match(line.strip())
        letters = [c for c in typed.group(2) if c.isalpha()] if typed else []
        if typed and sum(c.islower() for c in letters) >= 0.7 * len(letters):  # its subject in mixed case
            return f"{sentence_case(typed.group(1))} {typed.group(2)[:1].lower()}{typed.group(2)[1:]}".rstrip(" .")
    emblem_at = next((i for i, line in enumerate(lines[:40]) if _EMBLEM.search(line.strip())), None)
    for i, line in enumerate(lines[:25]):
        line = line.strip()
        if not line:
            continue
        if line.startswith("(") and line.endswith(")") or _MENU_LINE.search(line):
            continue  # a note set in brackets, a site's menu: no heading
        if re.search(r"CỘNG H[OÒ]A XÃ HỘI|^Độc lập\s*[-–]\s*Tự do|^(?:ỦY|UỶ) BAN NHÂN DÂN$|ĐẢNG CỘNG SẢN VIỆT NAM", line) or (
                line.isupper() and _DOC_TYPE_WORD.match(line)):
            return None  # the document itself starts: its title is the upper-case one
        if is_trail(line) or _SECTION_HEADING.match(line) or _CAPTION.search(line):
            continue  # a site's path to the page; a section heading of an excerpt that starts mid-document; a photo's caption
        words = len(line.split())
        if line.isupper() and words >= 6 and emblem_at is None and find_numbers(line) and i < CAPS_TITLE_LINES:
            # "HỘI NGHỊ TRIỂN KHAI KẾ HOẠCH SỐ 76/KH-UBND VỀ …": a slide deck's or report's title in capitals, naming
            # the document it is about by number, opens a text without an emblem
            return sentence_case(line)
        if re.search(r"[.;:!?…]$", line):
            if words >= 8 and (emblem_at is None or i > emblem_at):
                return None  # reached the body: headlines carry no final full stop
            continue
        # (a headline opens with a capital: a run of words in lower case above it is a site's hidden keywords)
        if (words >= 6 and not line.isupper() and not is_dateline(line) and not _NOT_A_HEADLINE.match(line)
                and not PLACE_DATE.search(line) and not line[:1].islower()):
            if emblem_at is not None and i < emblem_at and not _names_a_document(line):
                continue  # a banner above the document
            # (a portal's posting stamp after it is no part of it, nor its "Toàn văn" over a text it posts whole)
            return _WHOLE_TEXT.sub("", DATE_CLOCK.sub("", line)).rstrip(". ")
    return None


def upper_title(text: str) -> str | None:
    """'KẾ HOẠCH HÀNH ĐỘNG' + 'TRIỂN KHAI …' of a full text, in sentence case; under a bare 'KẾ HOẠCH' the
    subject written in mixed case ('Công tác đối ngoại … năm 2018') completes it."""
    lines = [line.strip() for line in text.split("\n")]
    for i, line in enumerate(lines):
        heads = _ISSUED_TYPE_WORD.match(line) or _SIGNED_HEAD.match(line) or _HEADED_KIND.match(line)
        if line.isupper() and heads and not _RECEIVED.match(line) and not _MENU_LINE.search(line):
            parts = [line]
            following = [nxt for nxt in lines[i + 1:] if nxt]
            for nxt in following:
                if not nxt.isupper() or re.match(r"^[IVXLC]+\.", nxt) or _AUTHORITY.match(nxt):
                    break
                parts.append(nxt)
            title = sentence_case(" ".join(parts))
            subject = _subject_lines(lines, i + 1) if _KIND_ONLY.match(" ".join(parts)) or _KIND_SHORT.match(" ".join(parts)) \
                else None
            if subject:
                first = re.sub(r"^V/v\b", "về việc", subject)
                return f"{title.rstrip(' :')} {first[:1].lower() if first[1:2].islower() else first[:1]}{first[1:]}"
            rest = following[len(parts) - 1:]
            if rest and re.match(r"(?:Về việc|V/v)\b", rest[0]):  # "QUYẾT ĐỊNH" / "Về việc ban hành …"
                title += " " + re.sub(r"^V/v\b", "về việc", rest[0][:1].lower() + rest[0][1:])
            return title
    return None


# the stamp a receiving office puts on a document ("CÔNG VĂN ĐẾN / Số: 1203 / Ngày: 19/1/2026"), no title of it
_RECEIVED = re.compile(r"^(?:CÔNG VĂN|VĂN BẢN)\s+ĐẾN\b")
# a kind with no subject of its own: "KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG", "QUYẾT ĐỊNH"
_KIND_ONLY = re.compile(r"^(?:" + "|".join(t.upper() for t in DOC_TYPES + HEADED_KINDS) + r")(?:\s+(?:HÀNH ĐỘNG|LIÊN TỊCH|LIÊN NGÀNH|PHỐI HỢP))?\s*:?$")
# what follows a title, never part of it: "(Ban hành kèm theo …)", a heading, the preamble, the first article
_NOT_SUBJECT = re.compile(r"^(?:\(|[IVXLC]+\.|\d+(?:\.\d+)*[.)]\s|[A-ZĐ][.)]\s|Căn cứ\b|Kính gửi\b|Nơi nhận\b|"
                          r"Điều\s+\d|Số\s*:|-)")
# …or with a word or two saying what kind of one: "KẾT LUẬN THANH TRA" / "Việc quản lý, sử dụng kinh phí đoàn ra …"
_KIND_SHORT = re.compile(r"^(?:" + "|".join(t.upper() for t in DOC_TYPES + HEADED_KINDS) + r")(?:\s+[^\s:]+){1,2}\s*:?$")
SUBJECT_MAX_WORDS = 70  # a longer run of lines under the kind is the document's first paragraph


def _subject_lines(lines: list[str], start: int) -> str | None:
    """The mixed-case lines right under a bare kind line, up to a blank line: the document's subject. Text
    that ends like a sentence or a preamble (".", ":", ";") is the body, not a subject."""
    parts: list[str] = []
    for line in lines[start:]:
        if not line:
            if parts:
                break
            continue
        if line.isupper() or _NOT_SUBJECT.match(line) or PLACE_DATE.search("\n" + line):
            break
        parts.append(line)
        if len(" ".join(parts).split()) > SUBJECT_MAX_WORDS:
            return None
    subject = " ".join(parts)
    return subject if parts and not re.search(r"[.:;,]$", subject) else None


_SUBJECT_LINE = re.compile(r"^[ \t|]*(?:V/v|Về việc)[ \t]+([^\n|]{8,200}?)[ \t|]*$", re.MULTILINE)
SUBJECT_LINE_CHARS = 1500  # a letter's subject line sits under its number, at the top


def subject_title(text: str, doc_type: str | None) -> str | None:
    """A letter's subject line under its number ("Số: 207/VPCP-QHQT" / "V/v địa điểm tổ chức …"): its title is
    'Công văn về việc địa điểm tổ chức …'."""
    m = _SUBJECT_LINE.search(text[:SUBJECT_LINE_CHARS])
    if not m:
        return None
    subject = m.group(1).strip()
    # (a subject broken over the lines under it: "V/v đăng tải toàn văn Diễn văn của Chủ tịch" / "UBND tỉnh tại Lễ kỷ
    # niệm 20 năm quan hệ" / "Xuân Viễn – Luông Nậm Thà", up to the blank line or the addressees)
    for line in text[m.end():m.end() + SUBJECT_LINE_CHARS].split("\n")[1:SUBJECT_MAX_LINES]:
        line = line.strip()
        # (a subject set beside the place and date, or a line in columns: the next line is the other column's)
        if not line or line.isupper() or _NOT_CONTINUED.match(line) or PLACE_DATE.search("\n" + line) \
                or _COLUMNS.search(line) or _COLUMNS.search(subject) or subject.endswith((".", ";", ":")):
            break
        subject += " " + line
    return f"{doc_type or 'Công văn'} về việc {subject.rstrip('.')}"


SUBJECT_MAX_LINES = 4  # a subject line's continuations under it
_COLUMNS = re.compile(r"\S {4,}\S|\|")
_NOT_CONTINUED = re.compile(r"(?:Kính gửi|Nơi nhận|Căn cứ|Thực hiện|Độc lập|Số\s*:|[-–+•*]|[IVX]+\.|\d+\.)")


def header_title(text: str, doc_type: str | None) -> str | None:
    """The upper-case title line under the number and date when the page lost the "KẾ HOẠCH" line:
    'TRIỂN KHAI CHIẾN LƯỢC …' → 'Kế hoạch triển khai chiến lược …'."""
    lines = [line.strip().strip("|").strip() for line in text.split("\n")[:40]]
    header_end = next((i for i, line in enumerate(lines) if PLACE_DATE.search("\n" + line)), None)
    if header_end is None:
        return None
    parts: list[str] = []
    for line in lines[header_end + 1:]:
        if not line or re.fullmatch(r"[-_=*\s]+", line):
            if parts:
                break
            continue
        if not line.isupper() or _AUTHORITY.match(line) or re.match(r"^[IVXLC]+\.", line):
            break
        parts.append(line)
    if not parts or len(" ".join(parts).split()) < 4:
        return None
    title = sentence_case(" ".join(parts))
    if doc_type and not _DOC_TYPE_WORD.match(title):
        title = f"{doc_type} {title[:1].lower()}{title[1:]}"
    return title


_CARRIES = re.compile(r"^Quyết định\s+(?:về việc\s+|v/v\s+)?(?:ban hành|phê duyệt)\s+(?:kèm theo\s+)?"
                      r"(kế hoạch|chương trình|đề án)\b\s*(.*)$", re.IGNORECASE)


_ARTICLE_ONE = re.compile(r"(?m)^\s*Điều\s+1\s*[.:]\s*(?:Ban hành|Phê duyệt)\s+(?:kèm theo Quyết định này\s+)?"
                          r"(?:((?:Kế hoạch|Chương trình|Đề án)\b[^\n]{10,300}?)\s*(?:\.\s*$|\.\s+(?=[A-ZĐ])|$)"
                          # (…or its name in quotes, the article going on: 'Ban hành "Chương trình …" nhằm …')
                          r"|[\"“]((?:Kế hoạch|Chương trình|Đề án)\b[^\"”\n]{10,300})[\"”])")


def article_one_title(text: str) -> str | None:
    """'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai …' → 'Kế hoạch triển khai …': the plan a
    decision issues, named by its first article (when the plan's own title line is lost)."""
    match = _ARTICLE_ONE.search(text)
    return (match.group(1) or match.group(2)).strip(" .") if match else None


def carried_plan_title(title: str) -> str | None:
    """'Quyết định về việc ban hành Kế hoạch X' → 'Kế hoạch X': the plan a decision issues."""
    match = _CARRIES.match(title)
    if not match or len(match.group(2).split()) < 2:
        return None
    kind = match.group(1)
    return kind[:1].upper() + kind[1:].lower() + " " + match.group(2)


def sentence_case(text: str) -> str:
    """'KẾ HOẠCH … TỈNH CAO BẰNG' → 'Kế hoạch … tỉnh Cao Bằng' (place names, Việt Nam and document numbers
    keep their capitals)."""
    lower = text.lower()
    out = lower[:1].upper() + lower[1:]
    for mention in iter_mentions(out):
        out = out[:mention.start] + mention.text.title() + out[mention.end:]
    if len(out) == len(text):
        for number in find_numbers(text):
            out = out[:number.start] + text[number.start:number.end] + out[number.end:]
    return re.sub(r"\bviệt nam\b", "Việt Nam", out)


_AFTER_LABEL = re.compile(r"[:.]\s+$")


_CARRIES_OUT = re.compile(r"(?i:thực hiện|triển khai|quán triệt|căn cứ|theo)\s*$")  # "…, thực hiện Nghị quyết Đại hội …"
MENTION_REACH = 400  # characters from the top within which a page without a number of its own names its subject


def mentioned_title(text: str, number: DocNumber | None) -> str | None:
    """'Kế hoạch 141/KH-UBND về triển khai …' as an article words it."""
    starts: list[int] = []
    if number:
        words = list(_DOC_TYPE_WORD.finditer(text[max(0, number.start - 40):number.start]))
        if words:
            starts.append(max(0, number.start - 40) + words[-1].start())
    national = [n for n in find_numbers(text) if n.national]
    for m in re.finditer(r"\b(?:" + "|".join(DOC_TYPES) + r")\b", text):  # capitalised: a name, not "kế hoạch"
        # a national document, or one cited by a bare number ("Chỉ thị 26 về …", "Kết luận số 16"), is another one
        if _AFTER_LABEL.search(text, max(0, m.start() - 3), m.start()) and not find_numbers(text[m.end():m.end() + 20]):
            continue  # "Ngày 23/8: Chương trình đi khảo sát …": a capital after a label or a full stop is grammar, no name
        if not any(n.start - m.end() < 12 and n.start >= m.end() for n in national) \
                and not ((cited := re.match(r"\s+(?:số\s*)?(\d+)", text[m.end():m.end() + 16]))
                         and not (number and re.split(r"[/-]", number.number)[0] == cited.group(1))):
            starts.append(m.start())
    for start in starts:
        if number is None and (start > MENTION_REACH or _CARRIES_OUT.search(text, max(0, start - 24), start)):
            continue  # a page of no number of its own names other documents further down, or as what it carries out
        stop = _TITLE_STOP.search(text, start + 10)
        fragment = text[start:stop.start() if stop else len(text)].strip(" ,")
        if len(fragment.split()) >= 6:
            return fragment
    return None




TITLE_MAX_WORDS = 24  # a title-length phrase: what a page heading usually runs to
_WHOLE_SENTENCE_WORDS = 30  # a first sentence up to this long is kept whole
_QUOTE_SLACK_WORDS = 12  # words a cut may run on to close a quoted name it started
_LEAD_MIN_WORDS = 8
# what opens an article's first sentence without saying what it is about: the paper's tag "(HG) -", "BHG -",
# and its date "Ngày 20/12,", "Chiều 22/9/2020,"
_LEAD_TAG = re.compile(r"^\(?[A-ZĐ][A-ZĐa-z0-9.]{0,7}\)?\s*[-–:]\s*|^\([A-ZĐ][A-ZĐa-z0-9.]{0,7}\)\s*")  # "(VOV5) -"
_LEAD_DATE = re.compile(r"^date\s+\d{4}-\d{2}(?:-\d{2})?\s+|^(?:(?:Sáng|Chiều|Tối|Trưa|Đêm)\s+(?:ngày\s+)?|Ngày\s+)\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{4})?\s*,\s*",
                        re.IGNORECASE)
# a word tying the excerpt's first sentence to what came before ("Theo đó, Hội nghị … sẽ diễn ra …")
_LEAD_LINK = re.compile(r"^(?:Theo đó|Trước đó|Ngoài ra|Bên cạnh đó|Đồng thời|Tiếp đó|Sau đó|Cũng theo đó)\s*,\s*",
                        re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")
_FIELD_ROW = re.compile(r"^(?:Số hiệu|Ngày ban hành|Loại văn bản|Cơ quan ban hành|Nơi ban hành|Người ký|Lĩnh vực|"
                        r"Tình trạng)\b")
_CLAUSE_END = re.compile(r"[,;:](?=\s)")


def lead_title(text: str) -> str | None:
    """A page without a title line: its first sentence, cut to a title-length phrase ('Ngày 20/12, Bộ Ngoại giao
    tổ chức hội nghị “…” theo hình thức …' → 'Bộ Ngoại giao tổ chức hội nghị “…”')."""
    for line in text.split("\n")[:40]:
        line = line.strip()
        if len(line.split()) < _LEAD_MIN_WORDS or is_dateline(line) or _FIELD_ROW.match(line):
            continue
        end = _SENTENCE_END.search(line)
        sentence = _LEAD_DATE.sub("", _LEAD_TAG.sub("", line[:end.start()] if end else line)).strip()
        sentence = _LEAD_LINK.sub("", sentence)
        if len(sentence.split()) < _LEAD_MIN_WORDS // 2:
            continue
        return title_length(sentence[:1].upper() + sentence[1:])
    return None


def title_length(sentence: str) -> str:
    """`sentence` whole when it is short, else cut at the last clause end within TITLE_MAX_WORDS (a quoted name
    it opens is closed first), else at TITLE_MAX_WORDS words with '…'."""
    words = list(re.finditer(r"\S+", sentence))
    if len(words) <= _WHOLE_SENTENCE_WORDS:
        return sentence
    limit = words[TITLE_MAX_WORDS - 1].end()
    opened = sentence.rfind("“", 0, limit)
    if opened > sentence.rfind("”", 0, limit):  # inside a quoted name: end with it when it closes soon
        closed = sentence.find("”", limit)
        if closed >= 0 and len(sentence[limit:closed].split()) <= _QUOTE_SLACK_WORDS:
            return sentence[:closed + 1]
        limit = opened
    clause_ends = [m.start() for m in _CLAUSE_END.finditer(sentence, 0, limit)]
    if clause_ends and len(sentence[:clause_ends[-1]].split()) >= TITLE_MAX_WORDS * 2 // 3:
        return sentence[:clause_ends[-1]]
    return sentence[:limit].rstrip(" ,;:") + " …"
