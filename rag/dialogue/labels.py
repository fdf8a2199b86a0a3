"""How a rewritten follow-up names what the conversation is about: its one plan or page, the document it asked
about, its one province — typed as the follow-up was (without diacritics when it was)."""
from __future__ import annotations

import re

from ground import vi
from ground.numbers import DOC_KINDS, find_numbers
from rag.dialogue.frames import numbered
from rag.dialogue.state import Conversation
from rag.understand.entities import foreign_places


def target_label(context: Conversation, text: str) -> str | None:
    """How to name what the conversation is about: its one plan, else its one province."""
    document = context.asked_document
    if document:
        return as_typed_as(document, text)
    plan = context.plan
    if plan and not (plan.number or plan.province or plan.issuer) and context.documents:
        # a page with neither number nor owner answered with the document it reports ("Quyết định 173/QĐ-TTg"):
        # a follow-up is about that document ("tầm nhìn đến năm nào?"), not about "kế hoạch"
        return as_typed_as(context.documents[0], text)
    if plan:
        return as_typed_as(plan.label(), text)
    if len(context.provinces) == 1:
        return as_typed_as(f"kế hoạch của {context.provinces[0]}", text)
    if len(context.numbers) == 1:  # the last question named a document by number and was not answered
        return as_typed_as(numbered(context.question, context.numbers[0]), text)
    return None


def as_typed_as(name: str, text: str) -> str:
    """Without diacritics when the question was typed so (the answerer weighs such questions apart)."""
    return name if vi.has_diacritics(text) else vi.strip_marks(name)


def place_name(context: Conversation, where: bool = False) -> str | None:
    """The place a follow-up points back to. `where`: "ở đó", a place where something is, which is the one country the
    last question named ("… Bangladesh …?" then "người Việt ở đó có bao nhiêu?"), else the conversation's province."""
    countries = list(dict.fromkeys(e.name for e in foreign_places(context.question or ""))) if where else []
    if len(countries) == 1:
        return countries[0]
    provinces = context.provinces or list(dict.fromkeys(p.province for p in context.plans if p.province))
    if len(provinces) == 1:
        return provinces[0]
    plan = context.plan  # a place no gazetteer knows is still the plan's own ("tỉnh đó": tỉnh Ngọc Viên, not its committee)
    return (plan.province or plan.issuer) if plan else None


_ASKING_FROM = re.compile(r"[:?]|\b(?:bao nhiêu|bao nhieu|mấy|may|là gì|la gi|gì|gi|nào|nao|ai|khi nào|khi nao|"
                          r"ở đâu|o dau|không|khong|ko)\b", re.IGNORECASE)


def asked_subject(question: str) -> str | None:
    """What a question names before it asks ("Chỉ tiêu thi đua năm 2027 của Sở Ngoại vụ Thu Lĩnh"), when that is
    several words."""
    m = _ASKING_FROM.search(question)
    subject = question[:m.start()].strip(" ,") if m else ""
    return subject if len(subject.split()) >= 4 else None


def unanswered_subject(context: Conversation) -> str | None:
    """The last question's subject when it named a text the store knows by no place or number and was not answered
    ("Chỉ tiêu thi đua năm 2027 của Sở Ngoại vụ Thu Lĩnh: …?" refused): a bare follow-up is asked of the same text,
    named as the last question named it."""
    if not context.question or context.provinces or context.plans or not context.turns:
        return None
    return asked_subject(context.question)


_PREPOSITION = re.compile(r"^(ở|tại|của|đến|tới|cho|trong|theo|o|tai|cua|den|toi|trong|theo)\s", re.IGNORECASE)


def keep_preposition(text: str, m: re.Match, name: str, unit: bool = False) -> str:
    """`name` in place of the reference `m` ("ở đó" → "ở Bangladesh"), its preposition kept; a unit's kind word too."""
    said = text[m.start():m.end()]
    prep = _PREPOSITION.match(said)
    if unit:
        word = said.split()[0]
        return f"{word} {name}" if name[:1].isupper() else name
    return f"{prep.group(1)} {name}" if prep else name


def other_document(context: Conversation, said: str) -> str | None:
    """"chỉ thị đó" after an answer naming Chỉ thị 25/CT-TTg means that one, not the plan (a Kế hoạch)."""
    folded = vi.collapse(said)
    kind = next((name for key, name in DOC_KINDS.items() if folded.startswith(key) or f" {key} " in f" {folded} "), None)
    plan = context.plan
    if kind is None or (plan and (plan.doc_type or "Kế hoạch").lower() == kind.lower()):
        return None
    by_number = next((d for d in context.documents if d.startswith(kind + " ")), None)
    if by_number:
        return by_number
    # "Đề án đó" after an answer naming "Đề án quảng bá hình ảnh … giai đoạn 2026 - 2030, trình …": that one, by its name
    named = (re.search(rf"\b{kind}\s+[^\W\d_][^,;:.()\n\[]{{4,120}}", str(p.get("text") or "")) for p in context.points)
    return next((m.group(0).strip() for m in named if m), None)


_NAMED_DOCUMENT = re.compile(r"\b(?:quyết định|quyet dinh|kế hoạch|ke hoach|nghị quyết|nghi quyet|công văn|cong van|chỉ thị"
                             r"|chi thi|thông báo|thong bao|qđ|qd|kh)\s+(?:số\s+|so\s+)?\d", re.IGNORECASE)


def named_before(text: str, ref: re.Match) -> bool:
    """"Phú Yên có quyết định số 92 …, quyết định đó ban hành ngày nào?": the document pointed at is named before, in
    the same question, not in the conversation."""
    before = text[:ref.start()]
    return bool(_NAMED_DOCUMENT.search(before) or find_numbers(before))
