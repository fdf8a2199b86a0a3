"""Follow-up questions: the offline rewrite of a turn into a stand-alone question, given the context (rag.dialogue.state).

People ask the way they talk: "Kế hoạch của Cao Bằng do ai ký?", then "ban hành ngày nào?", then "còn Huế thì sao?".
`resolve` turns such a turn into the question it stands for, using only the context (deterministic, no model): ellipsis
takes the previous question with the new entity in the old one's place; references ("kế hoạch đó", "ở đó") name the last
plan or place; a bare question ("ai ký?") is about the last plan, or the text the last, unanswered question named; "nói
rõ hơn ý 2" expands a point of the last answer; a question naming a new plan or province starts afresh. What the
context cannot resolve is refused, never guessed. `Conversation` is plain data (to_json/from_json) so any store keeps it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ground import vi
from ground.places import canonical_province
from rag.dialogue import labels
from rag.dialogue.antecedents import (
    AMOUNT_REF,
    GROUP_REF,
    PERSON_REF,
    amount_asked,
    asked_of,
    carried_places,
    context_places,
    group_named,
    item_followup,
    kind_before,
    one_item,
    owner_start,
    person_named,
    year_pointed,
)
from rag.dialogue.cues import EXPAND, EXPAND_VERB, GLOBAL, IT, PLACE_REF, PLAN_REF, PLAN_REF_BARE, UNIT_REF, search
from rag.dialogue.frames import (
    MAX_NAME_SYLLABLES,
    asked_again,
    between,
    country_asked,
    names_own_document,
    new_name,
    other_year,
    places_reached,
    repeats_previous,
    swapped_occasion,
    swapped_partner,
    swapped_side,
    swapped_subject,
    unit_named,
    unknown_name,
    year_for_year,
)
from rag.dialogue.labels import as_typed_as, keep_preposition, place_name, target_label, unanswered_subject
from rag.dialogue.state import Conversation
from rag.understand.entities import Entity, venues
from rag.understand.named import find_entities, replace_spans
from rag.understand.names import parse_query
from rag.understand.question import as_typed, without_question_words

METADATA_INTENTS = {"signer", "date", "number", "issuer", "horizon", "field", "implements", "doc_type"}
_EFFECT = re.compile(r"\bhieu luc\b")  # "hiệu lực khi nào?": asked of the document, not of the line shown last
SHORT_QUESTION_SYLLABLES = 5  # "mục tiêu là gì?": too short to stand alone in a conversation
_NUMERALS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9}


@dataclass
class Resolution:
    question: str  # as typed
    question_understood: str  # what is asked of the answerer
    rewritten: bool = False
    kind: str = "standalone"  # standalone | topic | ellipsis | side | reference | bare | continuation | expand | unresolved
    expand: int | None = None  # "nói rõ hơn ý 2" → 2
    reason: str = ""  # why it could not be resolved
    names_plan: bool = False  # the rewrite put the conversation's plan into the question
    # "còn Sở Y tế?" after "Sở Tài chính phải bổ sung bao nhiêu tiền?": the new body's duties, asked when the
    # swapped question finds nothing said of that body
    fallback: str | None = None
    subject: str | None = None  # the body the fallback is about

    @property
    def unresolved(self) -> bool:
        return self.kind == "unresolved"


# Thanks and greetings are no follow-up questions: they go to the answerer as they are.
_SOCIAL = set("cam on thanks thank you ok oke okay vang da uh um hi hello xin chao chao ban tot qua hay lam".split())
# Words around an elliptical turn ("thế còn Huế thì sao?") and the fillers that may surround its entity.
_LEAD = re.compile(r"^(?:(?:ua|u|a|nhung|vay|the|va|con|roi|ok|oke|vang|da|cam on|cho hoi|hoi them|the thi)\s+)+")
_LEAD_MARKERS = {"con", "the con", "vay con", "con ve", "va", "the", "vay"}
_TRAIL = re.compile(r"(?:\s+(?:thi sao|thi the nao|thi nhu the nao|the nao|nhu the nao|ra sao|thi ra sao|sao|nua|nhi|thi|a|vay|the|khong|di|co khong))+$")
_FILLERS = set("ke hoach cua tinh thanh pho tp o tai voi ben nuoc van ban so ve phia doi cong quyet dinh kh dia "
               "nam chuong trinh bo so nganh trong cai".split())


def _tokens(text: str) -> list[str]:
    return vi.collapse(text).split()


def _strip_entities(text: str, entities: list[Entity]) -> str:
    return replace_spans(text, [(e.start, e.end, " ") for e in entities])


def _shape(text: str, entities: list[Entity]) -> tuple[str, str, str]:
    """(lead markers, the folded rest without entities, trailing markers)."""
    rest = " ".join(_tokens(_strip_entities(text, entities))) + " "
    lead = _LEAD.match(rest)
    lead_s = lead.group(0).strip() if lead else ""
    rest = rest[lead.end():] if lead else rest
    rest = " " + rest.strip()
    trail = _TRAIL.search(rest)
    trail_s = trail.group(0).strip() if trail else ""
    rest = rest[:trail.start()] if trail else rest
    return lead_s, rest.strip(), trail_s


def resolve(question: str, context: Conversation | None) -> Resolution:
    """The stand-alone question a turn stands for, given the conversation so far."""
    text = as_typed(question, limit=None)
    context = context or Conversation()
    same = Resolution(question, text)
    if not text:
        return same
    entities = find_entities(text)
    if context.plan and places_reached(text, entities):  # "ngày nào về tới Hà Nội?": the same document goes on
        entities = [e for e in entities if e.kind != "province"]
    kinds = {e.kind for e in entities}
    lead, rest, trail = _shape(text, entities)
    content = [t for t in rest.split() if t not in _FILLERS]

    expand = search(EXPAND, text)
    if expand and (search(EXPAND_VERB, text) or len(_tokens(text)) <= 4) and not kinds - {"year"}:
        return _resolve_expand(question, text, expand, context)

    # "còn Tân Cảng thì sao?": a name no gazetteer knows is still the new place of an ellipsis when the frame says so
    if not entities and lead in _LEAD_MARKERS and trail and 1 <= len(content) <= MAX_NAME_SYLLABLES:
        named = unknown_name(text, content)
        if named is not None:
            entities, content = [named], []
    if not context.empty and (partner := swapped_partner(text, context.question) or swapped_occasion(text, context.question)):
        return Resolution(question, _capital(partner), True, "ellipsis")  # the same, asked of the new partner
    if not context.empty and (side := swapped_side(text, context.question)):  # "còn phía Trung Quốc?"
        return Resolution(question, _capital(side), True, "side")  # …of the other side of the same event
    if lead in _LEAD_MARKERS and trail and len(content) >= 2 and not context.empty:
        swapped = swapped_subject(between(text, lead, trail), context.question, one_item(context))
        if swapped:  # "còn ngày hội … thì sao?" after "<activity> kinh phí bao nhiêu?": that field of the new one
            return Resolution(question, _capital(swapped), True, "ellipsis")
    if lead in _LEAD_MARKERS and not trail and not entities and len(content) >= 2 and not context.empty \
            and (again := asked_again(_drop_lead(text, lead), context.question)):  # "còn phó trưởng ban?": "… là ai?"
        return _resolve_bare(question, again, context, False, "")
    repeated = bool(entities and content and not context.empty and not kinds & {"agency"}
                    and (repeats_previous(text, content, context.question)  # "Sở X được bao nhiêu?": the agency's share
                         or kinds == {"year"} and year_for_year(text, content, context.question)))
    if repeated:
        content = []  # "năm 2030 thì bao nhiêu?": the previous question, asked of the new entity
    if entities and not content and (lead or trail or repeated):  # ellipsis: only new entities in "còn … thì sao"
        if context.empty:
            return _unresolved(question, text, "Chưa rõ bạn muốn hỏi gì về " + ", ".join(e.name for e in entities) + ".")
        return _resolve_ellipsis(question, text, entities, context)

    person = PERSON_REF.search(text) if not context.empty else None
    if person and (name := person_named(context)):  # "ông ấy còn kiêm chức gì?": the person the last answer named
        said = _capital(_tidy(replace_spans(text, [(person.start(), person.end(), as_typed_as(name, text))])))
        # …in the document it was named in, else wherever the store says it of that person ("bà ấy được khen thưởng gì")
        return replace(_resolve_bare(question, said, context, False, ""), fallback=said, subject=asked_of(said, name))
    group = GROUP_REF.search(text) if not context.empty and not person else None
    if group and (party := group_named(context)):  # "Họ biểu diễn tiết mục gì?": the delegation asked of last
        said = _tidy(replace_spans(text, [(group.start(), group.end(), as_typed_as(party, text))]))
        return _resolve_bare(question, _capital(said.strip()), context, False, "")
    amount = AMOUNT_REF.search(text) if not context.empty else None
    if amount and (sum_named := amount_asked(context)):  # "xã dùng khoản đó làm gì?": the sum asked before
        sum_named = sum_named if vi.has_diacritics(text) else vi.strip_marks(sum_named)  # typed as the user types
        said = _tidy(replace_spans(text, [(amount.start(), amount.end(), sum_named)]))
        return _resolve_bare(question, _capital(said), context, False, "")
    plan_ref = r if (r := search(PLAN_REF, text) or search(PLAN_REF_BARE, text)) and not labels.named_before(text, r) else None
    place_ref = search(PLACE_REF, text)
    if place_ref and any(v.end <= place_ref.start() for v in venues(text)):
        place_ref = None  # "… gặp cộng đồng người Việt ở Kansai, ai là chủ tịch hội ở đó?": there is Kansai
    unit_ref = search(UNIT_REF, text)
    it_ref = IT.search(text)
    if kinds & {"province", "number"} and not (plan_ref or place_ref or unit_ref):
        # a new plan or place starts afresh; "còn kế hoạch của Huế thì …" loses its "còn"
        return Resolution(question, _capital(_drop_lead(text, lead)) if lead in _LEAD_MARKERS else text, kind="topic")
    if unit_ref and place_ref and unit_ref.start() < place_ref.end() and place_ref.start() < unit_ref.end():
        unit_ref = None  # "ở địa phương đó": one reference, not two
    if it_ref and not (plan_ref or place_ref or unit_ref) and (item := one_item(context)) \
            and item_followup(text[:it_ref.start()] + text[it_ref.end():]):
        said = _tidy(replace_spans(text, [(it_ref.start(), it_ref.end(), item[:1].lower() + item[1:])]))  # "hạn chót
        return Resolution(question, _capital(said), True, "continuation", names_plan=False)  # của nó" is the task named
    if plan_ref or place_ref or unit_ref or it_ref:
        return _resolve_reference(question, text, context, plan_ref or it_ref, place_ref, unit_ref)

    if kinds & {"province", "number"} or search(GLOBAL, text) or set(_tokens(text)) <= _SOCIAL:
        return same
    owner = context.plan.province or context.plan.issuer if context.plan else None
    if not context.empty and (names_own_document(_drop_lead(text, lead), owner) or other_year(text, context.plan)):
        # "còn chương trình của Hội … thì ai ký?": a document of its own, not the conversation's
        return Resolution(question, _capital(_drop_lead(text, lead)) if lead in _LEAD_MARKERS else text, kind="topic")
    pq = parse_query(text)
    metadata = (pq.intent in METADATA_INTENTS or _EFFECT.search(pq.folded) is not None) and not kinds & {"agency", "foreign"}
    short = len(content) <= SHORT_QUESTION_SYLLABLES
    continuation = lead in _LEAD_MARKERS or bool(lead) and lead.split()[-1] in {"con", "va", "the", "vay"}
    if context.empty:  # the first turn: only a question that needs a subject cannot stand alone
        if metadata and not kinds and short:  # "ai ký?"; "Trại hè … tổ chức khi nào?" names its own subject
            return _unresolved(question, text, "Bạn hỏi về kế hoạch nào?")
        return same
    if target_label(context, text) is None and not (metadata or short or continuation):
        return same  # the context names several plans: a full question is asked of all of them
    if new_name(text, context):  # "còn hội đàm với Sạ-vẳn-na-khệt …?": a partner the last passages never named
        return Resolution(question, _capital(_drop_lead(text, lead)) if lead in _LEAD_MARKERS else text, kind="topic")
    # A question without its own plan or place, in a conversation about one, is about that one.
    return _resolve_bare(question, text, context, metadata, lead)


def _unresolved(question: str, text: str, reason: str) -> Resolution:
    return Resolution(question, text, kind="unresolved", reason=reason)


def _resolve_expand(question: str, text: str, m: re.Match, context: Conversation) -> Resolution:
    raw = vi.fold(m.group(1))
    n = int(raw) if raw.isdigit() else _NUMERALS.get(raw, 0)
    if not context.points or not 1 <= n <= len(context.points):
        reason = (f"Câu trả lời trước chỉ có {len(context.points)} ý." if context.points
                  else "Chưa có câu trả lời nào để nói rõ hơn.")
        return Resolution(question, text, kind="unresolved", expand=n, reason=reason)
    return Resolution(question, f"Nói rõ hơn ý {n}: {context.points[n - 1]['text']}", True, "expand", expand=n)


_OWNER_BEFORE = re.compile(r"\d[^\s]*\s+(?:của|cua)\s+$")  # "Kế hoạch 1203/KH-BHTVH của ": the document's owner next


def _resolve_ellipsis(question: str, text: str, entities: list[Entity], context: Conversation) -> Resolution:
    prev = context.question
    plan = context.plan
    years = [e for e in entities if e.kind == "year"]
    prev_years = [e for e in find_entities(prev) if e.kind == "year"]
    if plan and years and len(years) == len(entities) and (plan.province or plan.issuer) and not prev_years:
        # "còn năm 2020?" after a turn about a plan named by our label: that owner's plan of that year
        owner = plan.province or plan.issuer
        for label in {plan.label(), as_typed_as(plan.label(), prev)}:
            at = prev.lower().find(label.lower())
            if at >= 0:
                new = as_typed_as(f"kế hoạch của {owner} năm {years[0].name}", prev)
                rewritten = _capital(_tidy(replace_spans(prev, [(at, at + len(label), new)])))
                return Resolution(question, rewritten, True, "ellipsis")
        pinned = [e for e in find_entities(prev) if e.kind in ("number", "province", "year")]
        if any(e.kind == "number" for e in pinned):  # the typed number pins the old plan: name owner and year
            cut = [(e.start, e.end, "") for e in pinned]
            first = min(pinned, key=lambda e: e.start)
            cut[pinned.index(first)] = (first.start, first.end, as_typed_as(f"của {owner} năm {years[0].name}", prev))
            return Resolution(question, _capital(_tidy(replace_spans(prev, cut))), True, "ellipsis")
    identity = [e for e in entities if e.kind in ("province", "number")]
    if plan and identity and len(identity) == len(entities):
        # the previous turn named its plan by our label ("Kế hoạch 726/KH-UBND của Cao Bằng"): swap it whole
        for label in {plan.label(), as_typed_as(plan.label(), prev)}:
            at = prev.find(label)
            if at < 0:
                at = prev.lower().find(label.lower())
            if at >= 0:
                names = " và ".join(dict.fromkeys(e.name for e in identity))
                new = f"kế hoạch {names}" if identity[0].kind == "number" else f"kế hoạch của {names}"
                new = as_typed_as(new, prev)
                rewritten = _capital(_tidy(replace_spans(prev, [(at, at + len(label), new)])))
                return Resolution(question, rewritten, True, "ellipsis")
    places = context_places(prev, context)
    old = [e for e in find_entities(prev) if all(p.start != e.start for p in places)] + places
    spans: list[tuple[int, int, str]] = []
    appended: list[str] = []
    for kind in dict.fromkeys(e.kind for e in entities):
        new = as_typed_as(" và ".join(dict.fromkeys(e.name for e in entities if e.kind == kind)), prev)  # the rewrite keeps the previous question's typing
        same_kind = [e for e in old if e.kind == kind]
        if kind == "agency":  # "<Liên hiệp …> chủ trì tổ chức Diễn đàn … kinh phí?": a task's lead is no subject to swap
            # (…nor the body whose document it is: "… trong Kế hoạch 1203/KH-BHTVH của Bộ Hợp tác Văn hóa?")
            same_kind = [e for e in same_kind if not _ROLE_AFTER.match(vi.fold(prev[e.end:e.end + 20]).lower())
                         and not _OWNER_BEFORE.search(prev[:e.start])]
        if not same_kind and (kind == "foreign" or kind == "province" and not canonical_province(new)):
            same_kind = [e for e in old if e.kind == "venue"]  # "còn ở Perth?" after "… ở Houston?": the venue asked
        if kind == "province":
            # the old plan's number pins the old plan: it goes with the old province
            numbers = [e for e in old if e.kind == "number"]
            if same_kind:
                spans += [(e.start, e.end, new if i == 0 else "") for i, e in enumerate(same_kind)]
                spans += [(e.start, e.end, "") for e in numbers]
            elif numbers:
                spans += [(e.start, e.end, f"của {new}" if i == 0 else "") for i, e in enumerate(numbers)]
            else:
                appended.append(f"ở {new}")
        elif kind == "number":
            provinces = [e for e in old if e.kind == "province"]
            named = new if "/" in new else f"số {new}"
            if same_kind:
                # "còn quyết định 2013?" after "… trong Chỉ thị 25/CT-TTg?": the typed kind replaces the old one
                typed = [kind_before(text, e.start) for e in entities if e.kind == "number"][0]
                for i, e in enumerate(same_kind):
                    was = kind_before(prev, e.start)
                    start = was.start() if typed and was else e.start
                    spans.append((start, e.end, (f"{typed.group(1)} {new}" if typed and was else new) if i == 0 else ""))
            elif provinces:
                spans += [(owner_start(prev, e.start), e.end, named if i == 0 else "") for i, e in enumerate(provinces)]
            else:
                appended.append(f"(văn bản {named})")
        elif same_kind:  # ("năm 2027" read as one year entity: "năm 2030" in its place, not a bare "2030")
            said = as_typed_as("năm ", prev) + new if kind == "year" and vi.fold(prev[same_kind[0].start:]).startswith("nam") else new
            spans += [(e.start, e.end, said if i == 0 else "") for i, e in enumerate(same_kind)]
        elif kind == "agency" and len(entities) == 1:
            # "còn Sở Ngoại vụ thì sao?" after a question with no agency: what that agency must do
            target = target_label(context, prev)
            scope = f" trong {target}" if target else ""
            return Resolution(question, _capital(f"{new} có nhiệm vụ gì{scope}?"), True, "ellipsis")
        elif kind == "foreign" and len(entities) == 1:  # "còn ở Hàn Quốc?": in the place of "nước nào", else its activities
            subject = _capital(target) if (target := target_label(context, prev)) else "Các kế hoạch"
            return Resolution(question, country_asked(prev, new) or f"{subject} có hoạt động gì với {new}?", True, "ellipsis")
        else:
            appended.append(f"năm {new}" if kind == "year" else f"ở {new}" if kind == "province" else new)
    rewritten = _tidy(replace_spans(prev, spans))
    if appended:
        rewritten = rewritten.rstrip(" ?") + " " + " ".join(appended) + "?"
    swapped = [e for e in entities if e.kind == "agency"]
    if len(swapped) == 1 and len(entities) == 1:
        target = target_label(context, prev)
        duties = f"{swapped[0].name} có nhiệm vụ gì{f' trong {target}' if target else ''}?"
        return Resolution(question, rewritten, True, "ellipsis", fallback=as_typed_as(duties, prev),
                          subject=swapped[0].name)
    return Resolution(question, rewritten, True, "ellipsis")


_ROLE_AFTER = re.compile(r"\s*(?:chu tri|phoi hop|thuc hien|duoc giao)\b")


def _tidy(text: str) -> str:
    text = re.sub(r"\bcủa\s+của\b", "của", text)
    text = re.sub(r"\s+([?,.])", r"\1", text)
    return " ".join(text.split())


def _resolve_reference(question, text, context, plan_ref, place_ref, unit_ref) -> Resolution:
    spans: list[tuple[int, int, str]] = []
    other = labels.other_document(context, text[plan_ref.start():plan_ref.end()]) if plan_ref else None
    if plan_ref:
        label = other or target_label(context, text)
        if not label:
            return _unresolved(question, text, "Chưa rõ bạn nói về kế hoạch nào.")
        spans.append((plan_ref.start(), plan_ref.end(), keep_preposition(text, plan_ref, label)))
    for ref in (place_ref, unit_ref):
        if ref:
            named = (unit_named(text[ref.start():ref.end()], context) if ref is unit_ref else None) \
                or place_name(context, where=ref is place_ref)
            if not named:
                return _unresolved(question, text, "Chưa rõ bạn nói về địa phương nào.")
            place = as_typed_as(named, text)
            spans.append((ref.start(), ref.end(), keep_preposition(text, ref, place, unit=ref is unit_ref)))
    rewritten = _capital(_tidy(replace_spans(text, spans)))
    return Resolution(question, rewritten, True, "reference", names_plan=bool(plan_ref) and not other)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _resolve_bare(question: str, text: str, context: Conversation, metadata: bool, lead: str) -> Resolution:
    label = target_label(context, text)
    named = None if label else unanswered_subject(context)
    if named:  # "còn tin, bài tiếng nước ngoài?" after a refused "Chỉ tiêu … của Sở Ngoại vụ Thu Lĩnh: …?"
        named = as_typed_as(named, text)  # (typed plainly, the whole rewrite is: the answerer weighs such questions apart)
        return Resolution(question, _tidy(_capital(f"{_drop_lead(text, lead).rstrip(' ?.!')} ({named})?")), True, "continuation")
    body = year_pointed(_drop_lead(text, lead), context)  # ("năm đó": the year the last question named)
    if not label and _own_content(body) >= STANDALONE_SYLLABLES:
        # "còn hội nghị sơ kết giai đoạn 2013-2017 thì tổ chức ở đâu?" after turns that found nothing: a question of
        # its own, asked as it stands
        return Resolution(question, _tidy(_capital(body)), True, "standalone")
    if not label:
        return _unresolved(question, text, "Chưa rõ bạn hỏi về kế hoạch nào.")
    item = one_item(context)
    if metadata:
        rewritten = f"{_capital(label)} {body[:1].lower()}{body[1:]}"
    elif item and item_followup(body):
        # "kinh phí bao nhiêu?" after an answer that named one activity: that activity's ("nhiệm vụ đó" is it)
        body = re.sub(r"^(?:nhiệm vụ|hoạt động|việc|sự kiện|nhiem vu|hoat dong|viec|su kien) (?:đó|này|ấy|do|nay|ay)\s+",
                      "", body, flags=re.IGNORECASE)
        rewritten = _capital(f"{item} {body[:1].lower()}{body[1:]}")
        return Resolution(question, _tidy(rewritten), True, "continuation", names_plan=False)
    else:
        rewritten = _capital(f"{body.rstrip(' ?.!')}{carried_places(body, context)} trong {label}?")
    return Resolution(question, _tidy(rewritten), True, "bare" if metadata else "continuation",
                      names_plan=context.asked_document is None)


STANDALONE_SYLLABLES = 4  # words of its own a follow-up needs to stand as a question where no plan is being talked of


def _own_content(body: str) -> int:
    """The syllables of a question beyond its asking words and the follow-up's filler ("thì", "sao")."""
    return sum(1 for s in vi.folded_syllables(without_question_words(body)) if s not in ("thi", "sao", "nua", "con"))


def _drop_lead(text: str, lead: str) -> str:
    """Remove the first len(lead.split()) words ("thế còn") from the typed question."""
    n = len(lead.split())
    words = text.split()
    body = " ".join(words[n:]) if n < len(words) else text
    return body.strip() or text
