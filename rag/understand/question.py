"""Question analysis: what a Vietnamese question asks for (answer type), its coordinated parts, ordinals,
section navigation, and the filters of a question about the catalog of plans. Works with and without
diacritics: every pattern is matched on the folded question (ground.vi.collapse)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ground import vi
from ground.limits import MAX_QUESTION_CHARS
from ground.numbers import DOC_KINDS
from rag.understand import shorthand
from rag.understand.catalog_asks import CatalogFilter, catalog_filter
from rag.understand.joins import (
    CLAUSE_ASKS,
    LAST_ASKS,
    SAME_KIND_CONTENT,
    content_syllables,
    counted_after,
    nao_after_join,
    opens_own_clause,
    question_join,
    untyped_clause_cut,
)
from rag.understand.names import SUBJECT_ASKED, ParsedQuery, fact_asked, parse_query
from rag.understand.ordinals import ordinal, part_ref, quarter

# offices whose holder a question may ask for, folded ("Tổng lãnh sự … tên gì", "Bí thư … là ai")
OFFICES = (r"chu tich|giam doc|bo truong|thu truong|dai su|bi thu|truong doan|hieu truong|tong lanh su|chu nhiem|"
           r"tong thu ky|cuc truong|vu truong|truong phong|truong ban|thong doc|tinh truong(?! doan| ban| phong| nhom)|thi truong(?! doan| ban| phong| nhom)|tong bien tap|"
           r"chanh van phong|thu tuong|to truong|to pho|thu ky|truong nhom|truong tieu ban|tong thong|quoc vuong|tong giam doc")

# "mấy" asking how many, not "mấy đơn vị đó" (those few units, pointed back at); "mấy đoàn đến đó" still counts
# ("mấy" counts the noun after it: not "bản Mây ở Sa Pa" typed plainly, a name before a word no noun is)
FEW = r"may(?! (?:(?!den |toi |sang |ve |o |tai |co )[a-z]+ ){1,2}(?:do|nay|ay|kia)\b)(?! (?:o|tai|la|va|cua|thi|da|se|voi|tu)\b)"

# "số hiệu các tàu cá …": the number of a ship, a vehicle or a border marker, not of a document
NOT_OF_A_CRAFT = r"(?! (?:cua |cac |nhung |hai |ba )?(?:tau|xe|may bay|chuyen bay|thuyen|ca no|moc|cot moc)\b)"
# Answer types, most specific first: "số mấy" is a document number before "mấy" is a number.
ANSWER_TYPES: list[tuple[str, re.Pattern]] = [
    ("subject", SUBJECT_ASKED),  # "KH 582 là kế hoạch gì": its title, no document's number
    ("document", re.compile(
        r"\b((?<!tau )(?<!bien )(?<!xe )(?<!may bay )so hieu" + NOT_OF_A_CRAFT + r"|(?<!\bty )(?<!\bti )(?<!\bdan )(?<!\bdoanh )(?<!\bchi )(?<!\bhe )(?<!\btong )(?<!\bcon )(?<!\bdiem )(?:(?:la |co |mang )?so may|so bao nhieu)|ky hieu|(?<!ky )(?<!ky ket )(?:van ban|quyet dinh|chi thi|cong van|ke hoach"
        r"|nghi quyet|chuong trinh|thong bao|ket luan|thong tu|nghi dinh|to trinh|huong dan|de an) (?:nao|gi|so may)|van ban so)\b")),
    # "lúc mấy giờ": the hour of an event, which its line says ("20h00"); no deadline, where "bao nhiêu giờ" counts hours
    ("time", re.compile(r"\b((?:luc |vao )?may gio|gio nao)\b")),
    ("date", re.compile(
        r"\b(khi nao|ngay nao|(?<!viet )(?<!quang )(?<!ha )(?<!mien )nam nao|thang nao|bao gio|(?<!chau )luc nao|thoi gian nao|ngay may|thang may|thoi diem nao"
        r"|ngay bao nhieu|vao ngay(?: nao)?|ngay ban hanh|thoi gian ban hanh|quy may|quy nao|hom nao|bua nao)\b")),
    ("period", re.compile(r"\b(giai doan nao|(?:den|toi) nam (?:nao|bao nhieu|may)|thoi han (?:nao|den|la)|(?:trong )?bao lau|thoi ky nao|cho giai doan)\b")),
    # ("nộp hồ sơ ở đâu": where a file goes is the body that receives it)
    ("agency", re.compile(r"\b(co quan nao|don vi nao|cong ty nao|doanh nghiep nao|tap doan nao|so nao|bo nao|nganh nao|to chuc nao|ben nao|(?<!phien )ban nao|phong nao"
                          r"|cuc nao"
                          r"|(?:nop|gui)(?: [a-z]+){0,3} (?:o dau|tai dau|cho ai|cho co quan nao))\b")),
    ("person", re.compile(r"\b(ai|nhung ai|nguoi nao|nguoi ky|do ai|(?:pho )?(?:thu tuong|thu truong|bo truong|chu tich"
                          r"|giam doc|bi thu|dong chi|lanh dao|pct|dai su(?! quan)|hieu truong|truong ban|truong phong|chu nhiem"
                          r"|uy vien|thanh vien)"  # ("ủy viên nào chịu trách nhiệm …": a member, by name)
                          # (not "Đại sứ những nước nào": the countries are asked)
                          r"(?! (?:nhung|cac) (?:nuoc|quoc gia|dia phuong) nao)(?: [a-z]+){0,3}(?<! the) nao"  # (not "thế nào")
                          rf"|(?:{OFFICES})(?: [a-z0-9]+){{0,16}} (?:ten (?:la )?gi|ho ten|ten day du)"
                          r"|(?:vdv|van dong vien|tac gia|nghe si|nghe nhan|ca si|dien vien|tinh nguyen vien|chuyen gia|co giao|thay giao"
                          r"|giao vien|giang vien|bac si|phong vien|nha bao|doanh nhan)"  # a person of a calling ("VĐV nam nào")
                          r"(?: (?!nuoc\b|quoc\b|tinh\b|truong\b|dia\b|don\b|co\b|nhung\b|cac\b|linh\b)[a-z]+){0,2} nao)\b")),
    # ("Chủ tịch nước nào"; "Tổng lãnh sự … tại Vladivostok tên gì": the holder of an office asked by name)
    # "PCT UBND tỉnh nào phát biểu": a holder of an office, whichever body follows it
    ("place", re.compile(
        r"\b(o dau|tai dau|noi nao|dia phuong nao|nuoc nao|quoc gia nao|thanh pho nao|tinh nao|khu vuc nao|vung nao"
        r"|dia diem nao|dia chi nao|dia chi gi|dia ban nao|(?<!truong )(?<!hoc )doi tac nao|chau luc nao|chau nao|khach san nao|hoi truong nao|thu do nao"
        r"|(?:thon|xa|huyen|phuong|quan|lang|thi xa|thi tran|bang|thanh pho) nao)\b")),
    ("number", re.compile(rf"\b(bao nhieu|lan thu may|thu may|{FEW})\b")),
    ("manner", re.compile(r"\b(nhu the nao|the nao|ra sao|bang cach nao|cach nao)\b")),
    ("purpose", re.compile(r"\b(vi sao|tai sao|de lam gi|nham (?:muc dich )?gi|voi muc dich gi|muc dich gi)\b")),
    ("list", re.compile(
        r"\b(nhung gi|gom (?:nhung )?(?:gi|nao)|bao gom|(?:nhung|cac) (?:[a-z]+ ){1,4}nao|nhung noi dung)\b")),
    # "ban hành quy chế gì": what a decision issues, a part of its own beside "do ai ký"
    ("issued", re.compile(r"\b((?:ban hanh|phe duyet) (?:kem theo )?(?:cai )?(?:ke hoach|van ban|chuong trinh|de an|quy che"
                          r"|quy dinh|chien luoc|dieu le|quy hoach)? ?(?:gi|nao))\b")),
    ("content", re.compile(r"\b(gi|nao|noi dung|the nao)\b")),
]
# question words whose folded form other words share ("danh thắng nào", "quỹ nào tài trợ" asks no quarter)
_ASKING = {"may": "mấy", "thang": "tháng", "ky": "ký", "quy": "quý", "nam": "năm"}  # ("VĐV nam nào": a man, no year)
_BARE_TOO = frozenset({"ký", "quý"})  # …typed bare, these are the question word still ("ky ngay nao", "quy may")
# A later part that points back at what the earlier part answered: "quyết định đó", "công văn này".
# Any kind of document the store keeps, and those only cited ("Kết luận 57-KL/TW …, kết luận đó ngày nào?").
_CITED_KINDS = ("van ban", "ket luan", "bao cao", "to trinh", "thong tu", "nghi dinh", "chien luoc", "hiep dinh",
                "ban ghi nho", "thoa thuan")
_BACK_REFERENCE = re.compile(r"\b(" + "|".join((*DOC_KINDS, *_CITED_KINDS)) + r") (do|nay|ay|tren)\b")

# Section headings a question may name ("mục đích", "yêu cầu", "quan điểm", …), folded.
SECTION_WORDS = ("muc dich", "yeu cau", "quan diem", "muc tieu tong quat", "muc tieu cu the", "muc tieu",
                 "nhiem vu", "giai phap", "to chuc thuc hien", "kinh phi", "dinh huong", "noi dung")

_COMPARE = re.compile(r"\b(khac nhau|so sanh|giong nhau|diem chung|khac biet|giong va khac|moi tinh|moi ben|moi noi|tung tinh"
                      r"|ca hai tinh|lan luot)\b")
# What a question asks about one plan's standing: still in force, replaced by what, replacing what.
_STANDING = [
    ("replaces", re.compile(r"\bthay the (?:cho )?(?:nhung |cac )?(?:van ban|ke hoach|quyet dinh|chuong trinh|chi thi)? ?(?:nao|gi|so may)\b"
                            # "quyết định bị thay thế đó ban hành ngày nào": the one replaced, named by it
                            r"|\b(?:van ban|ke hoach|quyet dinh|chuong trinh|chi thi|quy che) (?:bi|da bi"
                            r"|duoc) thay the (?!boi|bang|chua|khong|nao)"
                            # "QĐ 41 làm hết hiệu lực văn bản nào", "… bãi bỏ quyết định nào": what it ends
                            r"|\b(?:lam het hieu luc|bai bo|thay the va bai bo) (?:nhung |cac )?(?:van ban|ke hoach|quyet dinh"
                            r"|chuong trinh|chi thi|quy dinh)? ?(?:nao|gi|so may)\b")),
    ("replaced_by", re.compile(r"\b(bi thay the|duoc thay the|da thay the|thay the boi|van ban nao thay the)\b")),
    ("amended_by", re.compile(r"\b(?:van ban|quyet dinh|ke hoach)? ?nao (?:da )?sua doi\b|\b(?:duoc|bi|da duoc) sua doi"
                              r"(?:,? bo sung)? (?:boi|bang|tai|theo) (?:van ban|quyet dinh)? ?nao\b")),  # "… sửa đổi bởi …"
    # (not a figure of what is still in force: "tổng giá trị cam kết viện trợ còn hiệu lực … là bao nhiêu")
    # (…nor an agreement's term, which its text or a report states: "Bản ghi nhớ … hết hiệu lực từ khi nào")
    ("in_force", re.compile(r"^(?!.*\b(?:bao nhieu|may|ban ghi nho|bien ban ghi nho|thoa thuan|hiep dinh)\b)"
                            r".*\b(con hieu luc|het hieu luc|con ap dung|con duoc ap dung"
                            r"|hieu luc (?:den|toi) (?:khi nao|bao gio))\b")),
]


@dataclass(frozen=True)
class Part:
    """One question of a coordinated question: its words, what it asks for, and a metadata intent."""

    text: str
    answer_type: str  # document | date | period | agency | person | place | number | manner | purpose | list | content
    intent: str = "general"  # a fact of the plan itself (names.PLAN_FACTS) or "general"
    refers_back: bool = False  # "quyết định đó …": about the document the previous part answered
    asked_kind: str | None = None  # "Công văn" in "căn cứ công văn nào"


OWN_SUBJECT_SYLLABLES = 5  # a part saying this much besides its question words names what it asks of


def stands_alone(part: Part) -> bool:
    """"… còn năm 2025 Bộ dẫn nghị định nào về mỹ thuật?" can be asked on its own; "ai ký" cannot."""
    own = [s for s in vi.folded_syllables(without_question_words(part.text)) if s not in _QUESTION_SYLLABLES]
    return not part.refers_back and len(own) >= OWN_SUBJECT_SYLLABLES


_QUESTION_SYLLABLES = frozenset("ai gi nao dau sao may bao nhieu lau khi the con va".split())  # ("bầu ai làm chủ tịch")


@dataclass(frozen=True)
class Question:
    pq: ParsedQuery
    answer_type: str
    parts: list[Part]
    ordinal: int | None = None  # 1 for "đầu tiên", -1 for "cuối cùng"
    ordinal_noun: str | None = None  # folded: "quan diem", "muc tieu"
    part_ref: tuple[str, int] | None = None  # ("phan", 3) for "phần III"
    section_words: list[str] = field(default_factory=list)  # folded heading words the question names
    catalog: CatalogFilter | None = None
    compare: bool = False
    standing: str | None = None  # "in_force" | "replaced_by" | "replaces" | "amended_by": about one plan's validity

    @property
    def text(self) -> str:
        return self.pq.text

    def read_against(self, years: list[int], provinces: list[str] | None = None) -> Question:
        """The same question as the store reads it — the years it tells apart from document numbers ("kế hoạch
        2014" is a year unless a stored plan is numbered 2014), the places it knows that the gazetteer does not —
        as a new value; a parsed question is never changed."""
        provinces = self.pq.provinces if provinces is None else provinces
        if years == self.pq.years and provinces == self.pq.provinces:
            return self
        pq = replace(self.pq, years=years, provinces=provinces)
        compare = _compares(pq)
        # a place only the store knows says whose documents, not what they are about: no topic word of a catalog
        unplaced = replace(pq, content=_without_places(pq.content, [p for p in provinces if p not in self.pq.provinces]))
        return replace(self, pq=pq, compare=compare, catalog=None if compare else catalog_filter(unplaced))


def _without_places(content: str, places: list[str]) -> str:
    """The content words without places only the store knows ("Tùng Lâm"), as the gazetteer's are already left out."""
    for place in places:
        folded = vi.fold_same_length(content).lower()
        for m in reversed(list(re.finditer(rf"(?:\b(?:tinh|thanh pho|tp\.?) )?\b{re.escape(vi.collapse(place))}\b",
                                           folded))):
            content = content[:m.start()] + content[m.end():]
    return " ".join(content.split())


def answer_type(folded: str) -> str:
    """The answer type of one (part of a) question, from its question words; "content" by default."""
    best: tuple[int, str] | None = None
    for name, pattern in ANSWER_TYPES:
        m = pattern.search(folded)
        if m and name != "content":
            return name
        if m and best is None:
            best = (m.start(), name)
    return best[1] if best else "content"


def _wh_spans(folded: str) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for name, pattern in ANSWER_TYPES:
        if name in ("content", "list"):
            continue
        for m in pattern.finditer(folded):
            if not any(m.start() < e and s < m.end() for s, e, _ in spans):
                spans.append((m.start(), m.end(), name))
    return sorted(spans)


# "có nhắc tới … không", "có nói gì về …", "đều đề cập … đúng không": a yes/no question's frame asks whether
# the plan mentions something; the plan says the thing, never "nhắc tới" it.
_MENTION_FRAME = re.compile(
    r"\b(?:(?:co|deu|co duoc|duoc) )?(?:nhac (?:toi|den)|nhac|de cap(?: (?:toi|den))?|noi (?:gi )?(?:ve|toi|den)"
    r"|noi gi)\b|\b(?:dung|phai) (?:khong|chua)\b"
    # "lễ hội gì nổi bật", "hoạt động tiêu biểu nào": the asker's judgement, not words a plan uses of itself
    r"|\b(?:noi bat(?: nhat)?|tieu bieu(?: nhat)?|dang chu y(?: nhat)?|quan trong nhat|dac sac nhat)\b"
    # "ai giới thiệu đoàn hôm đó?": a follow-up pointing back at the day or the occasion told of, no words of it
    r"|\b(?:hom|buoi|luc|khi|dip|ngay) (?:do|ay)\b"
    # "ai đại diện Tổng Lãnh sự quán …": who stood for the body named, not lines saying "đại diện lãnh đạo các Sở"
    r"|(?<=\bai )dai dien(?: cho)?\b")


# "nói rõ hơn về di sản", "giải thích thêm về …", "cho tôi biết …": a request to say more, not words of the answer
_REQUEST_FRAME = re.compile(
    r"^(?:(?:hay|xin|vui long|ban|ban oi)\s+)*(?:noi ro hon|noi ro|noi them|noi cu the(?: hon)?|giai thich(?: ro)?"
    r"(?: them| hon)?|trinh bay(?: ro)?(?: hon)?|chi tiet hon|cu the hon|cho (?:toi|minh|em|tui) (?:biet|hoi)(?: them)?)"
    r"(?:\s+(?:them|hon))?(?:\s+(?:ve|cac|nhung))*\s+(?=\S)")


def without_request_frame(text: str) -> str:
    """The question without a leading request to say more ("nói rõ hơn về di sản" → "di sản")."""
    m = _REQUEST_FRAME.match(_same_length_fold(text).lower())
    return text[m.end():] if m else text


def without_question_words(text: str) -> str:
    """The question minus its question phrases ("tỉnh nào", "ngày nào", "cơ quan nào"): the noun of a
    question phrase names what is asked for, not words the answering passage must contain."""
    folded = _same_length_fold(text)
    spans = [(s, e) for s, e, kind in _wh_spans(folded) if kind in ("place", "agency", "date", "period", "document", "number")]
    spans += [m.span() for m in _MENTION_FRAME.finditer(folded.lower())
              if not any(s < m.end() and m.start() < e for s, e in spans)]
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " + text[end:]
    return " ".join(text.split())


def _not_asking(text: str) -> str:  # typed with diacritics: "Mây", "máy", "thắng" masked (same length)
    if not vi.has_diacritics(text):  # typed bare, only where the word's neighbours make it a noun: "nha may" is "nhà máy"
        return _BARE_NOUN.sub(lambda m: "x" * len(m.group()), text)
    return re.sub(r"\w+", lambda m: "x" * len(m.group()) if _masked(m.group()) else m.group(), text)


# "nha may", "xe may", "may bay", "may moc": "máy" in a compound, never "mấy" (how many)
_BARE_NOUN = re.compile(r"(?:(?<=\bnha )|(?<=\bxe ))may\b|\bmay(?= (?:bay|moc|bom|phat|xuc|giat|lanh|in|khau)\b)",
                        re.IGNORECASE)


def _masked(word: str) -> bool:
    """A word that folds to a question word without being it; "ky" typed bare beside an accented code ("QĐ") is "ký"."""
    asking = _ASKING.get(vi.fold(word).lower(), word.lower())
    return asking != word.lower() and (asking not in _BARE_TOO or vi.has_diacritics(word))


def split_parts(text: str) -> list[str]:
    """A coordinated question cut at the joins between its question words; one piece when it is simple."""
    # "Số đoàn vào … năm 2024? Lượng khách tăng bao nhiêu …?": a question mark ends a question, with a question word
    # or without one (a noun phrase asks its value)
    # (two questions each with its question word are parted by the joins below, which keep "… bao nhiêu lượt khách? Năm
    # 2028 đón được bao nhiêu?" one question of one count)
    asked = [piece for piece in re.split(r"\?\s+(?=\S)", text) if len(piece.split()) >= MARKED_QUESTION_SYLLABLES]
    if len(asked) > 1 and not all(_wh_spans(_same_length_fold(_not_asking(piece))) for piece in asked):
        return [part for piece in asked for part in split_parts(piece)]
    folded = _same_length_fold(_not_asking(text))
    # "Thứ trưởng … và Thống đốc tỉnh Yamaguchi … là ai?": two offices asked each (not "Trưởng ban và Phó Trưởng ban …")
    if (two := _TWO_OFFICES.match(folded.lower())) and not _wh_spans(folded[:two.start(2)]) and len(two.group(1).split()) > 3:
        return [f"{text[:two.end(1)].strip(' ,')} {text[two.start(3):two.end(3)]}", text[two.start(2):].strip(" ?")]
    spans = _wh_spans(folded)
    # "thành lập ban gì và do ai ký?": a "gì"/"nào" closing a clause before a join asks a thing of its own; a yes/no
    # clause parts a question only from another ("có kế hoạch … không, tổng kinh phí bao nhiêu?" is one question)
    clauses = [m.span(1) if m.group(1) else m.span(2) for m in CLAUSE_ASKS.finditer(folded)]
    yes_no = sum(1 for m in CLAUSE_ASKS.finditer(folded) if m.group(2)) >= 2
    # …and one closing the question after a comma that ends another clause ("… bao nhiêu, lấy từ nguồn nào?")
    last = LAST_ASKS.search(folded)
    # (…or after a "và" opening a clause of its own verb: "… ngày nào và hướng dẫn chế biến những món gì?")
    if last and spans and last.start(1) > spans[-1][1] and (
            "," in folded[spans[-1][1]:last.start(1)] or re.match(r"\s+va\s+(?!cac\b|nhung\b|ve\b|o\b|tai\b|cua\b|cho\b|voi\b|thuoc\b)\S+\s+\S+",
                                                              folded[spans[-1][1]:last.start(1)])):
        clauses.append(last.span(1))
    if spans and not (last and last.start(1) > spans[-1][1]) and (inner := nao_after_join(folded, spans[-1][1])):
        clauses.append(inner)  # (…or inside a clause ", và" opens after the last one: "…, và năm 2025 tàu cá nào …?")
    # (…or after a clause whose question word no type names: "Công ty nào xuất khẩu … đi Mỹ, và chọn giống nhãn nào?")
    if last and not spans and (cut := untyped_clause_cut(folded, last.start(1))):
        return [p for p in (text[:cut[0]].strip(" ,;?"), text[cut[1]:].strip(" ,;?")) if p]
    # (…or a yes/no clause closing the question after a comma, "… gửi về địa chỉ nào, có gửi qua email được không?")
    closing = [m for m in CLAUSE_ASKS.finditer(folded) if m.group(2) and not folded[m.end(2):].strip(" ?")]
    if closing and spans and closing[-1].start() > spans[-1][1] and "," in folded[spans[-1][1]:closing[-1].start()]:
        clauses.append(closing[-1].span(2))
        yes_no = True
    spans = sorted(spans + [(s, e, "content") for s, e in clauses if (yes_no or folded[s:e] in ("gi", "nao"))
                            and not any(a <= s < b for a, b, _ in spans)])
    # two question words of one meaning ("ngày nào … vào ngày nào") do not make two parts, unless the second
    # asks about something else ("báo cáo năm trước ngày nào, và báo cáo sơ kết hạn khi nào?")
    cuts: list[tuple[int, int]] = []
    for (s0, e0, t0), (s1, e1, t1) in zip(spans, spans[1:], strict=False):
        if {t0, t1} == {"time", "date"} and not content_syllables(folded[e0:s1]):
            continue  # "khai mạc lúc mấy giờ, ngày nào": one moment, its hour and its day
        join = question_join(folded, e0, s1)
        if not join and t0 != t1 and not folded[e0:s1].strip() and "number" not in (t0, t1) and "document" not in (t0, t1):
            cuts.append((e0, s1))  # "khai mạc ngày nào ở đâu": two question words side by side ask two things
            continue
        if not join:
            continue
        counted = t0 == t1 == "number" and counted_after(folded, e0) != counted_after(folded, e1) and counted_after(folded, e1)
        again = folded[s0:e0].lower() == folded[s1:e1].lower() == "ai" and not folded[join.end():s1].strip() \
            and re.match(r"\s*lam\b", folded[e1:].lower()) is not None  # "ai làm X và ai làm Y": two roles asked
        if t0 == t1 and t0 != "document" and not counted and not again \
                and content_syllables(folded[join.end():s1]) < SAME_KIND_CONTENT \
                and not opens_own_clause(folded, join.end(), s1, e1, spans):
            continue
        cuts.append((join.start(), join.end()))
    bounds = [0] + [x for cut in cuts for x in cut] + [len(text)]
    pieces = [text[a:b].strip(" ,;?") for a, b in zip(bounds[::2], bounds[1::2], strict=True)]
    return [p for p in pieces if p] if cuts else [text]


_TWO_OFFICES = re.compile(rf"^((?:[a-z0-9]+ ){{0,3}}(?:pho )?(?:{OFFICES})\b[^?]*?)\s+va\s+((?:pho )?(?:{OFFICES})\b[^?]*?\s+"
                          r"(la ai|ten (?:la )?gi|ho ten la gi))\s*\??\s*$")
MARKED_QUESTION_SYLLABLES = 3  # a piece this long before a question mark is a question of its own


def asking_fold(text: str) -> str:
    """The question folded with the words that only fold to a question word masked ("Mây Đảo" is no "mấy")."""
    return vi.collapse(_not_asking(text))


def _same_length_fold(text: str) -> str:
    return "".join((vi.fold(c) or " ")[0] if c.strip() else " " for c in text)


def _intent(folded: str) -> str:
    return fact_asked(folded)


_ASKED_KIND = re.compile(r"\b(quyet dinh|chi thi|cong van|nghi quyet|ke hoach|chuong trinh) (nao|gi|so may)\b")
# the kind of a ground asked with words describing it: "căn cứ kế hoạch thông tin đối ngoại số mấy"
_GROUND_KIND = re.compile(r"\b(?:can cu|thuc hien|trien khai|theo) (quyet dinh|chi thi|cong van|nghi quyet|ke hoach|chuong trinh)"
                          r"(?: (?!co\b|nhung\b|cac\b|la\b|gom\b|nay\b)[a-z0-9]+){1,4} (so may)\b")


_IMPLEMENTS_VERB = re.compile(r"\b(?:can cu|thuc hien|trien khai|cu the hoa)\b")


# "Số đoàn vào … năm 2024?", "tổng số lượt khách?": a noun phrase of a count asks its figure ("Sở …" is a body)
_NOMINAL_COUNT = re.compile(r"^(?:(?i:tổng )?(?i:số)(?! hiệu| ký hiệu)\b|(?i:tong so|so luong)\b)")


def make_part(text: str) -> Part:
    folded = asking_fold(text)
    kind = _ASKED_KIND.search(folded) or _GROUND_KIND.search(folded)
    typed = answer_type(folded)
    if typed == "content" and _NOMINAL_COUNT.match(text.strip()) and not ANSWER_TYPES[-1][1].search(folded):
        typed = "number"
    return Part(text, typed, _intent(folded), bool(_BACK_REFERENCE.search(folded)),
                DOC_KINDS.get(kind.group(1)) if kind else None)


def document_fact(part: Part) -> Part:
    """A part asking for a document about a named plan asks its number or what it implements, whatever other
    fact words it holds ("… tầm nhìn 2030 bằng quyết định nào?" is no horizon question)."""
    if part.answer_type != "document" or part.intent in ("number", "implements", "issues"):
        return part
    return replace(part, intent="implements" if _IMPLEMENTS_VERB.search(vi.collapse(part.text)) else "number")


def as_typed(question: str | None, limit: int | None = MAX_QUESTION_CHARS) -> str:
    """A typed question as analysis reads it: NFC, one line, spaces collapsed, within the question limit,
    chat shorthand written out ("kh 726 ai ky" → "kế hoạch 726 ai ký"). Every stage starts from this text."""
    text = vi.normalize_spaces(question or "").replace("\n", " ").strip()
    return shorthand.expand(text[:limit] if limit else text)


def _compares(pq: ParsedQuery) -> bool:
    return len(pq.provinces) >= 2 and bool(_COMPARE.search(pq.folded))


def analyze(question: str) -> Question:
    pq = parse_query(question)
    pieces = split_parts(pq.text)
    parts = [make_part(p) for p in pieces]
    folded = pq.folded
    n, noun = ordinal(folded)
    sections = [w for w in SECTION_WORDS if re.search(rf"\b{w}\b", folded)]
    sections = [w for w in sections if not any(w != o and w in o for o in sections)]
    sections = [asked for asked in [quarter(folded)] if asked] + sections  # "quý II/2028 …": its heading first
    compare = _compares(pq)
    return Question(
        pq=pq,
        answer_type=parts[0].answer_type if len(parts) == 1 else "multi",
        parts=parts,
        ordinal=n,
        ordinal_noun=noun,
        part_ref=part_ref(folded),
        section_words=sections,
        catalog=None if compare else catalog_filter(pq),
        compare=compare,
        standing=next((name for name, pattern in _STANDING if pattern.search(folded)), None),
    )
