"""A sum of money asked: the question's words that ask one, and the figure that answers it."""
from __future__ import annotations

import re

from ground import vi
from rag.decide.events import as_typed
from rag.find.firsts import MONEY_FIGURE, SUM

# "bao nhiêu tiền / kinh phí / tỷ đồng": a sum of money is asked, and only a sum of money answers it
# (a clause of any length between: "kinh phí tổ chức Hội nghị … lần thứ V ở Lan Khê là bao nhiêu"; a price too)
ASKS_MONEY = re.compile(r"\b(?:bao nhieu|may) (?:tien|ty|trieu|dong|usd|do la|euro|yen|kinh phi|chi phi)\b|\b(?:kinh phi|ngan sach|tong kinh phi|du toan"
                        r"|chi phi|kim ngach|gia (?:ve|thue|ban|mua|tri|phong|dich vu)|tien (?:thue|ve)|phi thue|hoi phi|le phi|hoc phi|muc phi|muc chi|phat tien|tien phat|muc phat"
                        r"|(?<!chi )(?<!le )(?<!hoi )(?<!hoc )(?<!muc )phi(?! (?:chinh phu|loi nhuan|vat the|quan su|thuong mai)\b))\b(?:(?: [a-z0-9]+){0,30} (?:bao nhieu|la bao nhieu)|(?: [a-z0-9]+){0,2} the nao)\b"
                        r"(?! (?:luu hoc sinh|hoc sinh|sinh vien|nguoi|luot|doan|hoc vien|can bo|dai bieu|giang vien|chuyen gia"
                        r"|noi dung|nhiem vu|hoat dong|du an|chuong trinh|van ban)\b)"  # ("mức chi … bao nhiêu nội dung chi")
                        r"|(?<!tham )(?<!quoc )\bgia (?:la )?bao nhieu\b"  # (not "quốc gia", "tham gia")
                        r"|\b(?:chi|giai ngan)(?: het| tong cong| duoc)? bao nhieu\b")  # "năm 2023 chi bao nhiêu" (not "chỉ tiêu")
MONEY = re.compile(MONEY_FIGURE)
# a rate asked ("bao nhiêu đồng một người một ngày", "mỗi người"): a sum per another thing ("… đồng/suất") is no answer
RATE_ASKED = re.compile(r"\b(?:mot|moi|/)\s*(nguoi|ngay|luot|khach|suat|thang)\b")
_UNIT_NAMES = {"nguoi": "người", "ngay": "ngày", "thang": "tháng"}


def rate_unsaid(folded_question: str, said: str) -> str | None:
    """A sum per person, day or month asked ("bao nhiêu tiền một tháng") of lines giving no sum per it ("… đồng/tháng",
    "mỗi tháng"): a total is no rate."""
    per = RATE_ASKED.search(folded_question) if ASKS_MONEY.search(folded_question) else None
    if per is None or re.search(rf"(?:/\s*|\bmoi |\bmot |\bhang ){per.group(1)}\b", vi.fold_same_length(said).lower()):
        return None
    return f"mức chi cho mỗi {_UNIT_NAMES.get(per.group(1), per.group(1))}"  # "1.500.000 đồng/suất"

# "kinh phí … được bố trí từ nguồn nào?": the source of money asked, which a line of goals or duties does not name
_ASKS_SOURCE = re.compile(r"\b(?:tu )?nguon (?:kinh phi |von |tien )?nao\b")
_NAMES_SOURCE = re.compile(r"\b(?:nguon|ngan sach|xa hoi hoa|kinh phi|von|tai tro|vien tro|dong gop)\b")


def unsaid_source(folded_question: str, folded_shown: str) -> str | None:
    """The source of money asked, of lines naming no source nor budget at all."""
    if _ASKS_SOURCE.search(folded_question) and not _NAMES_SOURCE.search(folded_shown):
        return "nguồn kinh phí được hỏi"
    return None


# a name the question writes in capitals ("SH TECH", "HuM&C"): the one whose sum it asks, not its legal form
_CAPITAL_NAME = re.compile(r"(?<![\w&])[A-Z][A-Za-z0-9&]*[A-Z0-9&](?:\s+[A-Z][A-Za-z0-9&]*[A-Z0-9&])*(?![\w&])")
_FORMS = frozenset("TNHH CP MTV JSC UBND HĐND VN KH QĐ TP".split())
_ASKS_CAPITAL = re.compile(r"\bbao nhieu (?:von|tien)\b|\bvon(?: dau tu)? (?:la )?bao nhieu\b")


def sum_of_another(question: str, lines: list[str]) -> str | None:
    """"Công ty TNHH SH TECH đầu tư bao nhiêu vốn?" of a line whose clause of SH TECH gives no sum while the clauses of
    other firms do ("…, tổng vốn đầu tư 6 triệu USD; Công ty TNHH SH TECH đầu tư dự án tại …"): those sums are theirs."""
    folded = vi.collapse(question)
    if not (ASKS_MONEY.search(folded) or _ASKS_CAPITAL.search(folded)):
        return None
    # (a table's row says its label once, "JATA Tourism Expo: kinh phí: …; NSTW: …": the whole row is the label's)
    clauses = [c for line in lines for c in ([line] if re.match(r"^[^;:]{2,150}:\s", line) else re.split(r";\s*|\.\s+", line))]
    for m in _CAPITAL_NAME.finditer(question):
        name = " ".join(w for w in m.group(0).split() if w not in _FORMS)
        own = [c for c in clauses if name and len(name) > 1 and name in c]
        if own and not any(SUM.search(c) for c in own) and any(MONEY.search(c) for c in clauses):  # ("kinh phí: 760")
            return f"số tiền của {name}"
    return None


# "lệ phí cấp giấy thông hành … bao nhiêu": the fee of a thing the question names (folded)
# ("phi chính phủ": no fee — "Chủ tịch … cơ quan đầu mối về công tác phi chính phủ nước ngoài, là ai?")
_FEE_OF = re.compile(r"\b(?:le phi|(?<!kinh )(?<!chi )phi(?! (?:chinh phu|loi nhuan|vat the|quan su|thuong mai)\b)|muc thu|muc phi)"
                     r"(?: (?:cap moi|cap lai|cap|lam|xin|lam thu tuc))? "
                     r"((?:[a-z]+ ){1,4}?)(?:la |het |mat |o |tai |cho |khi |bao nhieu)")
_FEE_GENERIC = frozenset("ho so thu tuc moi lai mot lan nguoi quyen ban la".split())


def fee_of_unsaid(question: str, shown: str) -> str | None:
    """"lệ phí cấp giấy thông hành bao nhiêu" of lines giving only the passport's fee: the thing whose fee is asked is
    named in them, or its fee is not stated."""
    m = _FEE_OF.search(vi.collapse(question))
    if m and not re.search(r"\b(?:bao nhieu|the nao|muc nao|het may|mat may)\b", vi.collapse(question)):
        m = None  # a fee named in a question asking something else ("… là ai?") is no fee asked
    words = [w for w in m.group(1).split() if w not in _FEE_GENERIC] if m else []
    folded_shown = vi.collapse(shown)
    if len(words) < 2 or all(re.search(rf"\b{w}\b", folded_shown) for w in words):
        return None
    return f"lệ phí của {as_typed(question, ' '.join(m.group(1).split()))}" if m else None


_COST_ASKED = re.compile(r"\b(?:kinh phi|chi phi|du toan)\b")
# (typed with its marks: folded, "xúc tiến" would say "tiền")
_COST_SAID = re.compile(r"(?<!\w)(?:kinh phí|chi phí|dự toán|ngân sách|chi trả|tổng mức|tiền|thanh toán|phí|chi)(?!\w)",
                        re.IGNORECASE)


_SUM_ASKED = re.compile(r"\b(?:(?<!so )(?<!thu )bao nhieu|(?<!so )(?<!thu )may|het bao nhieu|tong cong|the nao|nhu the nao)\b")


def cost_unsaid(question: str, shown: str) -> str | None:
    """"Tổng kinh phí tổ chức Hội nghị …" of lines whose sums are no cost ("… tổng vốn đầu tư dự kiến 1,26 tỷ USD"): a
    cost asked is one a line calls so."""
    folded = vi.collapse(question)
    if not _COST_ASKED.search(folded) or _COST_SAID.search(shown) or not _SUM_ASKED.search(folded):
        return None  # ("Báo cáo … về kinh phí đối ngoại do ai ký": a cost named, no sum asked)
    return "kinh phí được hỏi"
