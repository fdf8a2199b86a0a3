"""What a conversation remembers between turns: the plans, places, documents and points of the last answer
(plain data, to_json/from_json, so any store can keep it)."""
from __future__ import annotations

import re
import time
from dataclasses import asdict, dataclass, field

from ground import vi
from ground.limits import KEPT_PASSAGE_CHARS
from ground.numbers import DOC_KINDS
from rag.models import Answer, Citation
from rag.understand.names import ParsedQuery, number_matches

MAX_POINTS = 8
TITLE_WORDS = 12  # of a page's title, to name it in a rewritten question
MIN_TITLE_WORDS = 4


@dataclass
class PlanRef:
    """A plan the conversation is about, with what is needed to name it in a rewritten question."""

    plan_id: str
    number: str | None = None
    doc_type: str | None = None
    issuer: str | None = None
    province: str | None = None
    year: int | None = None
    title: str | None = None  # a page with neither number nor owner is named by its title

    def label(self) -> str:
        kind = self.doc_type or "Kế hoạch"
        owner = self.province or self.issuer
        if self.number:
            return f"{kind} {self.number}" + (f" của {owner}" if owner else "")
        # "bài viết “Hội đàm giữa … với huyện Mã Quan”": its words find it again (its years would be read as asked)
        words = [w for w in (self.title or "").split()[:TITLE_WORDS] if not any(c.isdigit() for c in w)]
        # (a page of no kind with an owner too: "kế hoạch của Sóc Trăng" is no name for a page on its friendship society,
        # nor "kế hoạch của Bộ Ngoại giao" for one of the ministry's briefing pages)
        if (not owner or not self.doc_type) and len(words) >= MIN_TITLE_WORDS:
            return f"bài viết “{' '.join(words)}”"
        year = f" năm {self.year}" if self.year else ""
        return f"{kind.lower()} của {owner}{year}" if owner else f"{kind.lower()}{year}"


@dataclass
class Conversation:
    """What a conversation remembers between turns (small, JSON-serialisable)."""

    question: str = ""  # the last question as understood
    plans: list[PlanRef] = field(default_factory=list)  # plans cited (or named) last, most relevant first
    sections: list[str] = field(default_factory=list)
    provinces: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)  # other documents the last answer named: "Quyết định 2013/QĐ-TTg"
    points: list[dict] = field(default_factory=list)  # the last answer's points: text + its citation
    found: bool = False
    kind: str = ""  # the last answer's kind ("records", "metadata", …): a fact of the plan is no activity
    turns: int = 0
    updated: float = 0.0

    @property
    def empty(self) -> bool:
        return not self.question

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict | None) -> Conversation:
        if not data:
            return cls()
        data = dict(data)
        data["plans"] = [PlanRef(**p) for p in data.get("plans") or []]
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})

    def after(self, pq: ParsedQuery, answer: Answer) -> Conversation:
        """The context once the understood question (`pq`, parsed once by the turn) has been answered."""
        understood = pq.text
        cited = _cited_plans(answer.citations)
        named = [p for p in cited if _named_by(p, pq.numbers + pq.bare_numbers, pq.provinces)]
        plans = named or cited
        if not plans:  # a refusal: keep the plans the question still points at
            # (…the same plan named by its number: "… kinh phí … trong Chỉ thị 09/CT-UBND?" said "không ghi")
            same_scope = all(any(number_matches(n, p.number) for p in self.plans)
                             for n in pq.numbers + pq.bare_numbers) and all(
                any(p.province == prov for p in self.plans) for prov in pq.provinces)
            plans = list(self.plans) if same_scope else []
        provinces = pq.provinces or list(dict.fromkeys(p.province for p in plans if p.province))
        return Conversation(
            question=understood,
            plans=plans[:4],
            sections=list(dict.fromkeys(c.section for c in answer.citations if c.section))[:MAX_POINTS],
            provinces=provinces[:4],
            agencies=pq.agencies[:4],
            numbers=(pq.numbers + pq.bare_numbers)[:4],
            documents=_documents(answer, plans) if answer.found else self.documents,
            points=_points(answer) if answer.found else self.points,  # "ý 2" after a refusal: the last answer given
            found=answer.found,
            kind=answer.kind if answer.found else self.kind,
            turns=self.turns + 1,
            updated=time.time(),
        )

    @property
    def asked_document(self) -> str | None:
        """The document the last question asked about when it is no stored plan ("Quyết định 2013 …?" answered
        from a plan that cites it): a bare follow-up ("ai ký?") is about that document, not the citing plan."""
        which = _ASKS_WHICH_DOCUMENT.search(vi.collapse(self.question))
        # (…unless a cited plan is itself of the kind asked: "… ban hành kèm quyết định số mấy?" of Quyết định 183)
        if not self.numbers and self.found and len(self.documents) == 1 and which and not any(
                vi.collapse(p.doc_type or "") == which.group(1) for p in self.plans):
            return self.documents[0]  # "… được phê duyệt bằng quyết định nào?" answered "Quyết định 930/QĐ-TTg": that one
        if not self.numbers or any(number_matches(n, p.number) for n in self.numbers for p in self.plans):
            return None
        return next((d for d in self.documents
                     if any(number_matches(n, d.rsplit(" ", 1)[-1]) for n in self.numbers)), None)

    @property
    def plan(self) -> PlanRef | None:
        """The one plan a reference can mean; None when there is none or several."""
        ids = list(dict.fromkeys(p.plan_id for p in self.plans))
        return self.plans[0] if len(ids) == 1 else None


_ASKS_WHICH_DOCUMENT = re.compile(r"\b(quyet dinh|van ban|nghi quyet|nghi dinh|chi thi|thong tu|cong van)"
                                  r" (?:nao|so may|so bao nhieu|gi)\b")


def _province_of(text: str | None) -> str | None:
    from ground.places import find_provinces

    found = find_provinces(text or "")
    return found[0] if found else None


_COMMITTEE_PLACE = re.compile(r"^(?:UBND|Ủy ban nhân dân|Sở .+?|Liên hiệp các tổ chức hữu nghị|Hội .+?) (?:tỉnh|thành phố) "
                              r"([A-ZĐÂĂÊÔƠƯ].+)$")


def issuer_place(issuer: str | None) -> str | None:
    """The place an issuer "UBND tỉnh X" names, known to a gazetteer or not (a province only the store holds is what
    "còn tỉnh Y thì sao?" replaces)."""
    m = _COMMITTEE_PLACE.match(vi.normalize_spaces(issuer or ""))
    return m.group(1) if m else None


def _cited_plans(citations: list[Citation]) -> list[PlanRef]:
    seen: dict[str, PlanRef] = {}
    for c in citations:
        if c.plan_id and c.plan_id not in seen:
            year = int(c.date[:4]) if c.date and c.date[:4].isdigit() else None
            seen[c.plan_id] = PlanRef(c.plan_id, c.plan, c.doc_type, c.issuer,
                                      _province_of(c.issuer) or _province_of(c.title) or issuer_place(c.issuer), year,
                                      c.title or None)
    return list(seen.values())


def _named_by(plan: PlanRef, numbers: list[str], provinces: list[str]) -> bool:
    from rag.understand.names import number_matches

    if numbers:
        return any(number_matches(n, plan.number) for n in numbers)
    return bool(provinces) and plan.province in provinces


_NAMED_DOC = re.compile(r"\b(Quyết định|Chỉ thị|Công văn|Nghị quyết|Kế hoạch|Chương trình|Thông báo|Đề án)"
                        r"\s+(?:số\s+)?(\d{1,5}\s*[/-]\s*[A-Za-zĐđ][\w./-]*(?:\s*[-–]\s*[A-ZĐ]{2,}\b)*)", re.IGNORECASE)


def _documents(answer: Answer, plans: list[PlanRef]) -> list[str]:
    """Documents other than the cited plans that the answer names, last first ("chỉ thị đó" means them)."""
    own = {p.number for p in plans if p.number}
    found: list[str] = []
    for m in _NAMED_DOC.finditer(answer.answer):
        number = re.sub(r"\s+", "", m.group(2)).replace("–", "-").rstrip(".,;")  # "430/QĐ – BNV"
        if number not in own:
            found.append(f"{DOC_KINDS[vi.collapse(m.group(1))]} {number}")
    return list(dict.fromkeys(reversed(found)))[:4]


def _points(answer: Answer) -> list[dict]:
    """The answer's cited points, in order ('ý 2' is the second), each with its citation and passage."""
    by_n = {c.n: c for c in answer.citations}
    out: list[dict] = []
    for point in answer.points:
        if point.n not in by_n:
            continue
        cit = by_n[point.n].to_json()
        cit["full_quote"] = (cit.get("full_quote") or cit.get("quote") or "")[:KEPT_PASSAGE_CHARS]
        out.append({"text": point.text, "citation": cit})
        if len(out) >= MAX_POINTS:
            break
    return out
