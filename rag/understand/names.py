"""Question → ParsedQuery: the places, document numbers, years and agencies a question names, and what it asks about the plan."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ground import vi
from ground.agencies import find_agencies

# "Kế hoạch 173", "công văn số 404", "KH số 141" → a number without its suffix
# "kế hoạch 10 năm" is a plan of ten years, "Kế hoạch 59 năm 2020" the plan numbered 59 ("… 809 lần lượt": respectively)
_BARE_NUMBER = re.compile(
    r"\b(?:(?:ke hoach|chuong trinh)(?: hanh dong)?|cong van|quyet dinh|chi thi|thong bao|nghi quyet|van ban|ket luan|huong dan"
    r"|bao cao|de an|de cuong|to trinh|kh|cv|qd|ct|ctr|nq|hd|bc)"
    r"\s+(?:so\s+)?(\d{1,5})\b(?!\s*/)(?!\s*(?:nam|thang|ngay|tuan|ky|lan(?! luot)|dot|quy|nguoi)\b(?!\s*(?:19|20)\d\d))"
)
# "Nghị định 72/2015", "thông tư 22/2016": a legal text named by its number and year, without its code
_NUMBER_YEAR = re.compile(r"\b(?:nghi dinh|thong tu|quyet dinh|nghi quyet|luat|nd|tt|qd|nq)\s+(?:so\s+)?"
                          r"(\d{1,4}/(?:19|20)\d\d)\b(?!\s*/)")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")

# "về việc gì", "về vấn đề gì", "nói về gì", "trích yếu là gì": what a document is about (its title)
SUBJECT_ASKED = re.compile(r"\b(?:ve (?:viec|van de|chu de|noi dung) (?:gi|nao)|noi ve (?:viec |van de )?gi|ve cai gi"
                           r"|quy dinh (?:ve )?(?:dieu|viec|van de|noi dung) gi"
                           r"|trich yeu(?: (?:la|noi dung))? gi|ten (?:day du )?(?:cua )?(?:van ban|ke hoach|quyet dinh"
                           r"|cong van|chi thi|de an) (?:la )?gi)\b"
                           # "KH 582 là kế hoạch gì?": what a document named is, its title
                           r"|\bla (?:mot )?(?:ke hoach|van ban|quyet dinh|chi thi|cong van|de an|chuong trinh|nghi quyet"
                           r"|thong bao|bao cao) (?:ve )?gi\b")

# The facts of a plan itself a question may ask (its "intent"), matched on the folded question; read by the
# question analysis for each part too.
PLAN_FACTS: list[tuple[str, re.Pattern]] = [
    ("signer", re.compile(r"\b(ai ky|nguoi ky|ky boi|do ai ky|ky ban hanh la ai|ai la nguoi ky|ai xac thuc|nguoi xac thuc"
                          r"|(?:pho )?(?:thu tuong|thu truong|bo truong|chu tich|giam doc|bi thu|lanh dao|dong chi) nao"
                          r" (?:da |dung ra )?ky)\b(?! ket| chung nhan| hop phap hoa| xac nhan| hop dong| giay| bien lai)")),
    # ("Thứ trưởng nào ký …?"; "ký kết": signing an agreement; "người ký chứng nhận": who certifies papers, no signer)
    ("field", re.compile(r"\blinh vuc (gi|nao)\b|\bthuoc linh vuc\b")),
    # "kính gửi những cơ quan nào", "công văn được gửi tới những đơn vị nào": the text's addressees
    ("recipients", re.compile(r"\bkinh gui\b|\b(?:duoc )?gui (?:toi |den |cho )?(?:nhung |cac )?(?:co quan|don vi|bo|noi)"
                              r" (?:nao|gi)\b|\bgui (?:toi |den |cho )(?:nhung )?ai\b")),
    # "Kế hoạch thực hiện Chiến lược … được ban hành theo quyết định số mấy": the decision issuing the plan, its own number
    ("number", re.compile(r"\b(?:ban hanh|phe duyet) (?:theo|tai|kem theo|bang) (?:quyet dinh|van ban)(?: so)? (?:may|nao"
                          r"|bao nhieu)\b")),
    # "… thực hiện Chiến lược … là kế hoạch số mấy": the text asked is the one the question describes, its own number
    # (…also with words describing it between: "căn cứ kế hoạch thông tin đối ngoại số mấy")
    ("implements", re.compile(r"\b(can cu|thuc hien|trien khai|cu the hoa)\b.*\b(?<!\bla )(quyet dinh|chi thi|van ban|ke hoach"
                              r"|chuong trinh|nghi quyet|cong van|de an)(?: (nao|gi|so may)|(?: (?!co\b|nhung\b|cac\b|la\b|gom\b"
                              r"|nay\b)[a-z0-9]+){1,4} so may)\b|\bcan cu vao (dau|gi|van ban nao)\b")),
    # ("những ngày nào trong tuần": the days a service is open, not a document's date)
    ("date", re.compile(r"\b((?<!nhung )ngay nao(?! trong tuan)|hom nao|khi nao|bao gio|ngay ban hanh|thoi gian ban hanh|thoi gian nao|thang nao|ban hanh (vao )?(ngay|nam|thang) (nao|may|bao nhieu)|ngay may|nam nao ban hanh"
                         r"|(?:cai|ke hoach|van ban|ben) nao (?:duoc )?ban hanh (?:truoc|som hon|sau|muon hon))\b")),
    # ("tỷ số bao nhiêu", "tổng số bao nhiêu", "con số …": a figure, not a document's number)
    ("number", re.compile(r"\b((?<!tau )(?<!bien )(?<!xe )(?<!may bay )so hieu|(?<!\bty )(?<!\btong )(?<!\bcon )(?<!\bdiem )so (may|bao nhieu|ky hieu)|ky hieu)\b")),
    ("issuer", re.compile(r"\b(co quan nao|ai|don vi nao|cap nao) ban hanh\b|\bdo (ai|co quan nao) ban hanh\b")),
    ("horizon", re.compile(r"\b(tam nhin|(?:den|toi) nam (?:nao|bao nhieu|may)|giai doan nao|thoi han (den|la)"
                          r"|muc tieu den nam nao)\b")),
    ("doc_type", re.compile(r"\bloai van ban\b")),
    ("subject", SUBJECT_ASKED),  # "… về việc gì?": what the document is about, its title
    ("issues", re.compile(r"\b(?:ban hanh|phe duyet) (?:(?:kem theo )?(?:cai )|kem theo |(?:kem theo )?(?:ke hoach|van ban|chuong trinh"
                          r"|de an|quy che|quy dinh|chien luoc|dieu le|quy hoach) ?)(?:gi|nao)\b")),  # what a decision issues
]

# what happens on a date a passage gives, as against the document's own issuing
_EVENT_VERB = re.compile(r"\b(khanh thanh|to chuc|dien ra|khai mac|be mac|phat song|ky ket|thanh lap|bat dau|ket thuc"
                         r"|ket nghia|hoi dam|lam viec|giao luu|tiep don|thiet lap|ky niem|ra doi"
                         r"|hop|gap|tham|don|len song|ra mat|khoi cong|hoan thanh|trien lam"
                         # (a work's showing, handing over, paying: "phim công chiếu ngày nào", "bàn giao khi nào")
                         r"|cong chieu|trinh chieu|ban giao|nghiem thu|thanh toan|giai ngan|kiem tra|thanh tra|khao sat"
                         # a stage's rehearsals and shows, a contest's rounds: "tổng duyệt ngày nào?"
                         r"|tong duyet|so duyet|tap duyet|bieu dien|trinh dien|phong van|thi tuyen"
                         # a journey: "đoàn bay đi ngày nào?", "ngày nào về tới Hà Nội?"
                         r"|bay|khoi hanh|xuat phat|xuat canh|nhap canh|ve toi|ve den|tro ve|quay ve|ha canh"
                         # a deadline or a product's release: "hạn khi nào?", "bao giờ phát hành?", "nộp báo cáo"
                         r"|han(?! quoc| che)|thoi han|phat hanh|xuat ban|ra so|nop|gui|trinh|bao cao|so ket|tong ket"
                         # an occasion named: "Hội … đại hội nhiệm kỳ 2024 - 2029 vào ngày nào?"
                         r"|dai hoi|hoi nghi|hoi thao|le hoi|lien hoan|hoi cho|ngay hoi|dien dan"
                         # …or taking effect, which its own article says ("có hiệu lực sau 10 ngày, kể từ ngày ký")
                         r"|hieu luc)\b")
# a document is issued on a day, not over days nor by a deadline ("từ ngày nào", "trước ngày nào")
_SPAN_ASKED = re.compile(r"\b(?:tu|truoc|cham nhat|han chot) (?:ngay|thang|nam) nao\b|\b(?:tu|den) (?:khi nao|bao gio)\b"
                         r"|\bmay gio\b|\bgio nao\b")  # …nor at an hour ("lúc mấy giờ")
_SOURCE_NAMED = re.compile(r"^(?:theo|trong|tai) (?:noi dung )?(?:huong dan|ke hoach|quyet dinh|van ban|chi thi|nghi quyet"
                           r"|cong van|bao cao|thong bao|chuong trinh|de an|bai viet|trang)\b")
# ("ký", not "nhiệm kỳ", "học kỳ", "định kỳ", "kỷ niệm", "ký kết", "kỳ họp", "kỳ đánh giá")
_ISSUING_VERB = re.compile(r"\b(ban hanh|(?<!nhiem )(?<!hoc )(?<!dinh )(?<!thoi )ky(?! niem| hop| danh gia| bao cao)"
                           r"|phe duyet|(?<!cao )dang|cong bo|(?<!thanh )lap(?= ngay| vao| khi| luc))\b(?! ket)")  # "biên bản được lập ngày nào"


# a signing with a party ("với Daegu ký ngày nào?", "ký với ai, ngày nào?"), or of an agreement: an event between two
# sides a passage dates, not the document's own signing
_SIGNED_WITH = re.compile(r"^(?:(?!\b(?:ke hoach|quy che|chuong trinh|quyet dinh|cong van|van ban|bao cao|nghi quyet)\b).)*"
                          r"\bvoi\b.{0,40}?\bky\b(?! niem| hop)|\bky\b(?: ket)? (?:voi|thoa thuan|ban ghi nho|hiep dinh|mou)\b"
                          r"|\b(?:thoa thuan|ban ghi nho|hiep dinh|ket nghia|mou)\b(?:(?! ban hanh).)*\bky\b")
_WHEN = re.compile(r"\b(?:thoi gian nao|vao thoi gian nao|khi nao|bao gio|luc nao)\b")


def fact_asked(folded: str) -> str:
    """Which fact of a document a (folded) question asks, or "general"."""
    intent = next((name for name, pattern in PLAN_FACTS if pattern.search(folded)), "general")
    # "Theo Hướng dẫn 28-HD/BTGTW, … ngày nào?": the document named is where the answer is read, not what is dated
    source_named = _SOURCE_NAMED.match(folded) and not _ISSUING_VERB.search(folded)
    # ("vào thời gian nào, kinh phí bao nhiêu?": when a thing is done; a document is asked "ban hành/ký khi nào")
    if intent == "date" and ((_EVENT_VERB.search(folded) or _WHEN.search(folded)) and not _ISSUING_VERB.search(folded)
                             or _SPAN_ASKED.search(folded) or source_named or _SIGNED_WITH.search(folded)):
        # "… khánh thành ngày nào?", "từ ngày nào đến ngày nào?": an event's dates, which a passage gives, not the text's
        return "general"
    # "những lần tái công nhận trước đó là cho giai đoạn nào?": the period of a thing the text tells of, which a passage
    # gives; a document's own period is asked of the document ("kế hoạch … giai đoạn nào", "tầm nhìn đến năm nào")
    if intent == "horizon" and not _OF_A_DOCUMENT.search(folded) and len(folded.split()) > HORIZON_BARE_SYLLABLES:
        return "general"
    return intent


# what names a document or its aims, whose period a question then asks
_OF_A_DOCUMENT = re.compile(r"\b(?:ke hoach|kh|chuong trinh|de an|chien luoc|van ban|nghi quyet|quyet dinh|qd|chi thi|huong dan"
                            r"|thoa thuan|bien ban|quy che|tam nhin|muc tieu|thuc hien|trien khai|ap dung|hieu luc)\b")
HORIZON_BARE_SYLLABLES = 6  # "giai đoạn nào?", "đến năm nào vậy?": a follow-up about the text in play


@dataclass(frozen=True)
class ParsedQuery:
    text: str  # normalised question
    folded: str  # collapsed, without diacritics
    accented: bool
    provinces: list[str] = field(default_factory=list)  # canonical names
    numbers: list[str] = field(default_factory=list)  # "726/KH-UBND" as typed (normalised case)
    bare_numbers: list[str] = field(default_factory=list)  # "404" from "Công văn 404"
    years: list[int] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    content: str = ""  # the question without the place names and numbers that set its scope
    intent: str = "general"  # general | date | signer | number | issuer | horizon | field | implements | doc_type


_CONTEXT_END = re.compile(r"\s\(([^()]+)\)\s*\??\s*$")
CONTEXT_WORDS = 3  # "(họ tên)" is part of what is asked; "(Lễ khai mạc ngày hội ở Tùng Lĩnh)" the chat's subject


def without_chat_subject(text: str) -> str:
    """The question without the subject a follow-up was rewritten with at its end, in brackets."""
    context = _CONTEXT_END.search(text)
    return text[:context.start()].rstrip() + "?" if context and len(context.group(1).split()) >= CONTEXT_WORDS else text


def parse_query(question: str) -> ParsedQuery:
    from ground.agencies import find_agencies
    from ground.numbers import find_numbers
    from ground.places import iter_mentions

    text = vi.normalize_spaces(question).replace("\n", " ").strip()
    folded = vi.collapse(text)
    # "726/kh-ubnd", "2013/qd-ttg", "25-ct/tw": read with the rule ingest stores numbers by
    found = find_numbers(text, typed=True)
    numbers = list(dict.fromkeys(n.number for n in found))
    yearly = [m.group(1) for m in _NUMBER_YEAR.finditer(vi.fold(text).lower())]
    if not numbers:  # next to a full number ("Thông tư 05/2012/TT-BNG mà quyết định 13/2017 căn cứ") it only qualifies it
        numbers = yearly
    bare = [m.group(1) for m in _BARE_NUMBER.finditer(folded)]
    # a year inside a document's number ("83/2008/QĐ-BVHTTDL") dates that document, not what is asked
    unnumbered = "".join(" " if any(n.start <= i < n.end for n in found) else c for i, c in enumerate(text))
    years = sorted({int(y) for y in _YEAR.findall(unnumbered)} - {int(n.split("/")[1]) for n in yearly})
    # ("Kỳ Lam", "Tam Kỳ", "nhiệm kỳ": typed with diacritics, "kỳ" is no "ký" of signing)
    intent = fact_asked(vi.collapse(re.sub(r"(?i)\bkỳ\b", "kyy", text)) if vi.has_diacritics(text) else folded)
    places = list(iter_mentions(text))
    # a Party number ("25-CT/TW") names a document the plans cite, seldom a stored plan: its words stay in
    # the content that passages are matched on
    cut = [(n.start, n.end) for n in found if not n.party]
    # "Quyết định 1631/QĐ-BVHTTDL của Bộ Văn hóa, Thể thao và Du lịch": the issuer after a number names the document
    agencies = find_agencies(text)
    label = [a for _, end in list(cut) for a in agencies if re.fullmatch(r"\s+của\s+", text[end:a.start], re.IGNORECASE)]
    cut += [(a.start, a.end) for a in label]
    agencies = [a for a in agencies if a not in label]
    # (the subject a follow-up was rewritten with, in brackets at its end, finds the text but is no words a line must hold)
    context = _CONTEXT_END.search(text)
    cut += [(context.start(), context.end())] if context and len(context.group(1).split()) >= CONTEXT_WORDS else []
    content = _PARTICLE_END.sub("", _cut_spans(text, [(m.start, m.end) for m in places] + cut))
    return ParsedQuery(
        text=text,
        folded=folded,
        accented=vi.has_diacritics(text),
        provinces=list(dict.fromkeys(m.province for m in places)),
        numbers=numbers,
        bare_numbers=[b for b in bare if b not in {re.split("[/-]", n)[0] for n in numbers}],
        years=years,
        # "05/KH-SNgV" names a document, not the Sở Ngoại vụ: an agency inside a number is none the question names
        agencies=list(dict.fromkeys(m.canonical for m in agencies if not any(n.start <= m.start < n.end for n in found))),
        content=" ".join(content.split()),
        intent=intent,
    )


# a chat's closing particle ("ai ký vậy?", "hạn khi nào nhỉ", "… nhé"): a tone, no word of what is asked
_PARTICLE_END = re.compile(r"\s+(?:vậy|vay|nhỉ|nhi|nhé|nhe|nha|ạ|à|hả|hử|thế|đấy)(?:\s+(?:ạ|à|nhỉ|nhi|nhé|nhe))?\s*[?.!]*\s*$",
                           re.IGNORECASE)


def _cut_spans(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " + text[end:]
    return text


def number_matches(query_number: str, plan_number: str | None) -> bool:
    """'726/kh-ubnd' matches '726/KH-UBND'; a bare '404' matches '404/BNG-NGVH-UNESCO'."""
    from ground.numbers import same_number

    return same_number(query_number, plan_number)


def issuers_named(pq: ParsedQuery) -> list[str]:
    """Agencies named as the issuer of documents: "Bộ Văn hóa, Thể thao và Du lịch ban hành kế hoạch …", "Bộ Công
    Thương có kế hoạch … nào không?" (a department with "có" is asked about its duties: "Sở Ngoại vụ có nhiệm vụ gì")."""
    out = []
    for m in find_agencies(pq.text):
        after = vi.collapse(pq.text[m.end:m.end + 40])
        if re.match(r"(da |co |duoc )?ban hanh\b", after) or (
                m.canonical.startswith("Bộ ") and _HOLDS_DOCUMENTS.match(after)):
            out.append(m.canonical)
    return out


_HOLDS_DOCUMENTS = re.compile(r"(?:da |hien )?co (?:nhung |cac )?(?:ke hoach|quyet dinh|van ban|chuong trinh|de an|"
                              r"chi thi|thong tu|cong van)\b")


def of_place(question: str, place: str) -> str:
    """A question naming several provinces, asked of one of them: the clauses about the others left out ("Bình Định
    tiếp …, Bình Dương tiếp …: ai tiếp đoàn?" of Bình Định), and the others' names where a clause names both."""
    from ground.places import iter_mentions

    def others(text: str) -> list:
        return [m for m in iter_mentions(text) if m.province != place]

    kept = [c for c in re.split(r"(?<=[,;:])\s+", question)
            if not others(c) or any(m.province == place for m in iter_mentions(c))]
    text = " ".join(kept)
    for m in sorted(others(text), key=lambda m: -m.start):
        lead = re.search(r"(?:\s*,|\s+(?:và|va))?\s*(?:(?:tỉnh|tinh|thành phố|thanh pho|TP\.?)\s+)?$", text[:m.start])
        joined = lead is not None and bool(re.match(r"\s*(?:,|và\b|va\b)", lead.group(0)))
        after = re.match(r"(?:\s*,|\s+(?:và|va)\b)?", text[m.end:])
        tail = 0 if joined or after is None else len(after.group(0))  # "X và Y": its "và"
        text = text[:lead.start() if lead else m.start] + text[m.end + tail:]
    return " ".join(text.split())
