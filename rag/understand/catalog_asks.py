"""The filters of a question about the catalog of plans ("những kế hoạch nào của X, năm Z", "có bao nhiêu văn bản …"):
which plans the store holds, rather than what one text says. Matched on the folded question."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ground.numbers import DOC_KINDS
from rag.understand.names import ParsedQuery, issuers_named
from rag.understand.topics import catalog_topic, topic_alternatives

# A question about the catalog of plans rather than the text of one: its subject is "which plans / places" (not "… mà
# các văn bản viện dẫn được ban hành ngày nào": a date asked of one document)
_CATALOG_SUBJECT = re.compile(
    r"\b(nhung (?:tinh|dia phuong|tinh thanh|tinh, thanh pho|thanh pho)(?: [a-z]+){0,3} nao|tinh nao|dia phuong nao"
    r"|tinh thanh nao|tinh, thanh pho nao|(?:nhung|cac) (?:ke hoach|van ban|chuong trinh|tai lieu|tin|bai viet|"
    r"quyet dinh|chi thi|nghi quyet|de an|thong tu|cong van)(?: [a-z]+){0,6} (?<!ngay )(?<!khi )nao"
    r"|bao nhieu (?:ke hoach|van ban|tinh|dia phuong|chuong trinh)|danh sach|co nhung ke hoach"
    r"|cac ke hoach (?:trong kho|dang co)|may (?:ke hoach|van ban|tinh))\b")
# "những/các/bao nhiêu/mấy kế hoạch", "có kế hoạch nào", "danh sách": a list of one place's plans is asked
_LIST_OF_PLANS = re.compile(r"\b(?:bao nhieu|(?:nhung|cac|may) (?:ke hoach|van ban|chuong trinh|tai lieu|tin|bai viet|"
                            r"quyet dinh|chi thi|nghi quyet|de an|thong tu|cong van)"
                            r"|co (?:nhung )?(?:ke hoach|van ban|tai lieu|tin|bai viet)"
                            r"(?: [a-z]+){0,6} nao|danh sach)\b")
_DOCUMENT_WORD = re.compile(r"\b(ke hoach|van ban|chuong trinh|quyet dinh|chi thi|nghi quyet|de an|cong van|thong tu"
                            r"|ban hanh|tai lieu|bai viet|tin)\b")
_PLAN_VERB = re.compile(r"\b(ban hanh|co|trien khai|lam|xay dung|thuc hien|dua ra|phe duyet)\b")
_COUNT = re.compile(r"\b(bao nhieu|may|so luong)\b")
_SUPERLATIVE = re.compile(r"\b(som nhat|dau tien|truoc nhat|cu nhat|muon nhat|moi nhat|gan day nhat|gan nhat|sau cung)\b")
_EARLIEST = ("som nhat", "dau tien", "truoc nhat", "cu nhat")
_HORIZON = re.compile(r"\b(?:den|toi|tam nhin(?: den)?) nam (\d{4})\b")
_PROVINCES_ABROAD = re.compile(r"\b(?:tinh|dia phuong|thanh pho|vung|bang)(?: [a-z]+){0,2} nao (?:cua|o|tai|thuoc|ben) "
                               r"(?:nuoc )?(?!viet nam\b)[a-z]")
_RELATION = re.compile(r"\b(con hieu luc|het hieu luc|thay the|bi thay|da duoc thay)\b")

@dataclass(frozen=True)
class CatalogFilter:
    provinces: list[str] = field(default_factory=list)
    doc_type: str | None = None
    years: list[int] = field(default_factory=list)  # year of issue
    horizon: int | None = None  # "đến năm 2030"
    implements: list[str] = field(default_factory=list)  # national documents named ("208/QĐ-TTg", "25")
    relation: str | None = None  # "replaces" | "in_force"
    superlative: str | None = None  # "earliest" | "latest"
    count: bool = False  # "có bao nhiêu kế hoạch"
    topic: list[str] = field(default_factory=list)  # folded words naming what the plans are about ("thông tin đối ngoại")
    # topics named side by side ("về quản lý hoạt động đối ngoại và hội nghị, hội thảo quốc tế"): a plan on any is listed
    alternatives: list[list[str]] = field(default_factory=list)
    issuers: list[str] = field(default_factory=list)  # "Bộ Văn hóa, Thể thao và Du lịch có những quyết định nào"


def catalog_filter(pq: ParsedQuery) -> CatalogFilter | None:
    """The filters of a question about which plans exist; None when the question is about a text."""
    folded = pq.folded
    subject = _CATALOG_SUBJECT.search(folded)
    superlative = _SUPERLATIVE.search(folded)
    asks_plans = bool(subject) or bool(superlative and re.search(r"\b(tinh|dia phuong|ke hoach|van ban)\b", folded))
    if not asks_plans or not _PLAN_VERB.search(folded):
        return None
    if not _DOCUMENT_WORD.search(folded):
        return None  # "… đến từ tỉnh nào?" asks a place the text gives, not which provinces have plans
    if pq.intent == "implements":
        return None  # "Kế hoạch … căn cứ những công văn nào?" asks what one plan cites, not what the store holds
    if _PROVINCES_ABROAD.search(folded):
        return None  # "… quan hệ với những tỉnh nào của Lào và Campuchia?": partner provinces a text names
    if len(pq.provinces) == 1 and not superlative and not _LIST_OF_PLANS.search(folded):
        return None  # "Thanh Hóa ban hành kế hoạch nào …": the plan of one place, not the catalog
    kind = next((v for k, v in DOC_KINDS.items() if re.search(rf"\b(?:nhung|cac|bao nhieu|may) {k}\b", folded)), None)
    horizon = _HORIZON.search(folded)
    horizon_year = int(horizon.group(1)) if horizon else None
    prefixes = {re.split(r"[/-]", n)[0] for n in pq.numbers}  # "2013/QĐ-TTg" names no year
    years = [y for y in pq.years if y != horizon_year and str(y) not in prefixes]
    relation = _RELATION.search(folded)
    return CatalogFilter(
        provinces=list(pq.provinces),
        doc_type=kind,
        years=years,
        horizon=horizon_year,
        implements=list(pq.numbers) + list(pq.bare_numbers),
        relation=("in_force" if relation and "hieu luc" in relation.group(1) else "replaces") if relation else None,
        superlative=("earliest" if superlative.group(1) in _EARLIEST else "latest") if superlative else None,
        count=bool(_COUNT.search(folded)) and not superlative,
        topic=catalog_topic(pq),
        alternatives=topic_alternatives(pq),
        issuers=issuers_named(pq),
    )
