"""One conversation turn, for every channel and the CLI: resolve it against the context, answer it (or expand a
point, or refuse), move the context on.

The logic lives in two pure steps — `settle` (a turn answered from the context alone, or None when the
answerer must be asked) and `finish` (the answer checked against the rewrite, the next context) — and three
thin drivers share them: `run_turn` (a blocking answerer: `ngvh ask --jsonl`, `ngvh chat`), `arun_turn` (an
awaitable one: Telegram, Zalo) and `stream_turn` (a streaming one: the web chat)."""
from __future__ import annotations

import re
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from ground import vi
from ground.places import find_provinces
from rag.compose.facts import about_the_plan
from rag.dialogue.antecedents import NOT_ITEM_KINDS, item_followup
from rag.dialogue.focus import focused_answer, nearer_answer
from rag.dialogue.resolve import METADATA_INTENTS, Resolution, resolve
from rag.dialogue.state import Conversation
from rag.models import Answer, Citation
from rag.understand.entities import agencies, foreign_places
from rag.understand.names import ParsedQuery, parse_query
from rag.understand.question import OFFICES, without_question_words
from rag.understand.terms import FOLDED_STOPWORDS


@dataclass(frozen=True)
class Turn:
    """What one turn produced: the answer, how the question was understood, and the context after it."""

    answer: Answer
    resolution: Resolution
    context: Conversation

    @property
    def understood(self) -> str | None:
        """The rewritten question, when the turn was rewritten ("còn Huế?" → "… của Thừa Thiên Huế …")."""
        return self.resolution.question_understood if self.resolution.rewritten else None


def unresolved_answer(resolution: Resolution) -> Answer:
    text = resolution.reason
    if resolution.expand is None:
        text += (" Xin nêu rõ tên tỉnh/thành phố hoặc số hiệu kế hoạch, ví dụ: "
                 "“Kế hoạch của Cao Bằng do ai ký?”.")
    return Answer(resolution.question, False, text, kind="unresolved")


def expanded_answer(resolution: Resolution, context: Conversation) -> Answer:
    """Point n of the last answer with its whole passage, cited."""
    assert resolution.expand is not None
    point = context.points[resolution.expand - 1]
    citation = Citation.from_json(dict(point["citation"], n=1))
    where = ", ".join(x for x in (" ".join(filter(None, (citation.doc_type, citation.plan))) or citation.title,
                                  citation.section) if x)
    passage = " ".join((citation.full_quote or citation.quote).split())
    return Answer(resolution.question, True, f"Ý {resolution.expand} ({where}): {passage} [1]", [citation],
                  kind="expand")


# Facts only a plan's own metadata states: a follow-up asking one of them about a plan that does not
# state it must not be "answered" with passages that merely mention the plan.
_FACT_ONLY = {"signer": "người ký", "date": "ngày ban hành", "number": "số hiệu", "issuer": "cơ quan ban hành"}
_FACT_KINDS = {"metadata", "overview", "catalog"}
_FOCUSED = {"bare", "continuation", "side"}  # follow-ups with no subject of their own (the other side of one event)


def checked(resolution: Resolution, answer: Answer, understood: ParsedQuery) -> Answer:
    """The answer to a rewritten question, or a refusal when it asked a fact the plan does not state."""
    if not resolution.names_plan or not answer.found or answer.kind in _FACT_KINDS:
        return answer
    if understood.intent not in _FACT_ONLY or not about_the_plan(understood, []):
        return answer  # "hạn báo cáo … khi nào?" asks a date of the text, not the plan's own date
    text = f"Văn bản không ghi {_FACT_ONLY[understood.intent]}. (Hiểu câu hỏi là: {resolution.question_understood})"
    return Answer(resolution.question, False, text, kind="refusal")


def _cites_the_point(answer: Answer, context: Conversation) -> bool:
    """The answer quotes a passage of the last answer's points (after one point, that point's own line: another row
    of the same table is another record)."""
    if len(context.points) == 1:
        line = " ".join(str(context.points[0].get("citation", {}).get("quote") or "").split())
        return bool(line) and bool(answer.citations) and all(" ".join((c.quote or "").split()) == line
                                                             for c in answer.citations)
    quotes = {" ".join(str(p.get("citation", {}).get("full_quote") or "").split()) for p in context.points}
    return any(c.full_quote and " ".join(c.full_quote.split()) in quotes for c in answer.citations)


def settle(question: str, context: Conversation) -> tuple[Resolution, Turn | None]:
    """The turn's resolution, and the whole turn when the context alone answers it (an unresolved reference,
    "nói rõ hơn ý 2"); None when the answerer must be asked `resolution.question_understood`."""
    resolution = resolve(question, context)
    if resolution.unresolved:  # an unresolved turn leaves the context as it was
        return resolution, Turn(unresolved_answer(resolution), resolution, context)
    if resolution.kind == "expand":
        return resolution, Turn(expanded_answer(resolution, context), resolution, context)
    return resolution, None


def finish(resolution: Resolution, context: Conversation, answer: Answer) -> Turn:
    """The turn once the answerer has answered the understood question (parsed once here for both the check
    and the next context)."""
    understood = parse_query(resolution.question_understood)
    answer = checked(resolution, answer, understood)
    if resolution.kind in _FOCUSED and understood.intent not in METADATA_INTENTS:
        if not answer.found:
            # "ai dẫn đầu đoàn?": the delegation is the one the last answer's passage told of, not one of the plan's
            # (the other side's "còn phía Trung Quốc?" asks what the rewrite asks: "phía Trung Quốc ai chủ trì?")
            asked = resolution.question_understood if resolution.kind == "side" else resolution.question
            answer = focused_answer(asked, context) or answer
        elif context.points and context.kind not in NOT_ITEM_KINDS and item_followup(resolution.question) \
                and not _cites_the_point(answer, context):  # (a fact of a document is no item a field is asked of)
            # after an answer of one point, a field asked of it ("phối hợp với ai, hạn khi nào?") is that point's
            # when its passage holds every asked kind of value; after several, the point that also shares the
            # follow-up's own words ("ở đâu, có khoảng bao nhiêu đại biểu?" after the programme's date and venue)
            answer = focused_answer(resolution.question, context, require_own=len(context.points) > 1) or answer
        elif resolution.kind == "continuation" and context.points and not _cites_the_point(answer, context):
            # …and one with no subject of its own goes on in the passage just shown when a line there answers it better
            answer = nearer_answer(resolution.question, context, answer) or answer
    if answer.found and context.points and _POINTS_BACK.search(vi.normalize(resolution.question)) \
            and _repeats_last(answer, context) and (near := focused_answer(resolution.question, context, require_own=False)) \
            and not _shown_before(near, context):
        answer = near  # "Ban xử lý mấy đơn vị đó ra sao?": the line just shown, shown again, is no answer; its passage goes on
    return Turn(answer, resolution, context.after(understood, answer))


def _repeats_last(answer: Answer, context: Conversation) -> bool:
    """Every line the answer quotes is one the last answer showed."""
    shown = {" ".join(str(p.get("citation", {}).get("quote") or "").split()) for p in context.points}
    return bool(answer.citations) and all(" ".join((c.quote or "").split()) in shown for c in answer.citations)


def _shown_before(answer: Answer, context: Conversation) -> bool:
    """The answer's sentence is one the last answer showed (a focused answer cites the passage the last answer cited)."""
    said = " ".join(re.sub(r"\s*\[\d+\]", "", answer.answer).split())
    return any(said in " ".join(str(p.get("text") or "").split()) for p in context.points)


# the frame of a follow-up that switches subject ("còn … thì sao?", "thế còn …"), dropped when it is asked alone
_SWITCH_FRAME = re.compile(r"^\s*(?:(?:thế|vậy|the|vay)\s+)?(?:còn|con)\s+|\s*(?:thì|thi)\s+(?:sao|thế nào|the nao)\s*\??\s*$",
                           re.IGNORECASE)
# words that point back to what the conversation is about: a follow-up holding one is never asked alone
_POINTS_BACK = re.compile(r"\b(?:đó|đấy|này|ấy|trên|do|day|(?<!đến )(?<!den )(?<!hiện )(?<!hien )nay|ay)\b",
                          re.IGNORECASE)  # ("đến nay", "hiện nay": up to now, pointing back at nothing)
OWN_SUBJECT_SYLLABLES = 3
_FUNCTION_WORDS = frozenset("voi cua cho trong thi la co va tai ve nhung cac duoc nay khi nuoc tinh".split())
_TIME_WORDS = frozenset("nam thang ngay quy tuan giai doan ca toan ky".split())  # "còn cả giai đoạn?" names no subject
_OWN_THING = re.compile(r"\b(?:le hoi|hoi nghi|hoi cho|hoi thao|dai hoi|lien hoan|festival|trien lam|tuan le|tuan phim|"
                        r"ngay hoi|ngay van hoa|nhung ngay|giai thuong|cuoc thi|trai he|dien dan|lop hoc|lop|chuong trinh|"
                        r"quyet dinh|ke hoach|cong van|chi thi|nghi quyet|thong bao|de an|bao cao|doan|hoi huu nghi|hoat dong)\b")  # a follow-up with this many words of its own beyond question words names its own subject


def standalone(resolution: Resolution) -> Resolution | None:
    """The follow-up asked on its own, for when the rewrite tied to the conversation's document finds nothing: "còn
    Lễ hội Việt Nam tại Nhật Bản 2017 là lần thứ mấy?" after a page about Mexico names its own subject, which the
    store may hold in another text. None when it was not rewritten or points back ("hội đó thành lập năm nào?")."""
    if not resolution.rewritten or _POINTS_BACK.search(vi.normalize(resolution.question)):
        return None
    text = _SWITCH_FRAME.sub(" ", resolution.question).strip()
    # words of its own, not a partner of the conversation's subject alone ("còn với tỉnh nào của Hàn Quốc?")
    partners = {w for e in foreign_places(text) for w in vi.folded_syllables(e.text)}  # "Hàn Quốc": a partner
    # …nor a body alone ("còn Sở Xây dựng?" is the conversation's question of that body, not a search for its name)
    partners |= {w for e in agencies(text) for w in vi.folded_syllables(e.text)}
    # …nor an office alone ("ai làm trưởng đoàn?" asks who led the conversation's delegation)
    partners |= {w for m in re.finditer(rf"\b(?:{OFFICES})\b", vi.collapse(text)) for w in m.group(0).split()}
    # a year is no subject of its own: "còn năm 2029 thì kinh phí bao nhiêu?" asks the conversation's owner's
    own = [s for s in vi.folded_syllables(without_question_words(text))
           if len(s) > 1 and s not in _FUNCTION_WORDS and s not in partners and not s.isdigit() and s not in _TIME_WORDS]
    if len(own) < OWN_SUBJECT_SYLLABLES or text == resolution.question_understood:
        return None
    # (its first word as typed: "vụ du khách …" capitalised would read as a ministry's department, "Vụ …")
    return Resolution(resolution.question, text, rewritten=True, kind="standalone")


def names_own_thing(resolution: Resolution) -> bool:
    """The follow-up names a thing of its own (an event, a meeting, a class, a document, an activity) the store may hold
    anywhere, or asks its own question of a place ("Còn ở Hội An, hoạt động … chọn chủ đề gì?")."""
    return _OWN_THING.search(vi.collapse(resolution.question)) is not None or bool(find_provinces(resolution.question))


def turned_away(question: str, context: Conversation, answer: Answer) -> bool:
    """"còn <a subject in words the conversation never said> thì …" ("còn vụ du khách Nhật bị lạc ở núi Hàm Rồng thì ai
    tìm thấy?") answered by lines that say none of those words: the answer is of the conversation's text, not the
    subject turned to, which the store may hold in another."""
    unsaid = _unsaid_words(question, context)
    if len(unsaid) < NEW_SUBJECT_WORDS:
        return False
    said = set(vi.folded_syllables(answer.answer)) if answer.found else set()
    return len(unsaid & said) * 2 < len(unsaid)


NEW_SUBJECT_WORDS = 3  # words of a switched-to subject the conversation never said that make it a subject of its own
_SUBJECT = re.compile(r"^\s*(?:(?:the|vay)\s+)?con\s+(.+?)(?:\s+thi\b|\s*[,?]|$)")


def _unsaid_words(question: str, context: Conversation) -> set[str]:
    """The content words of the subject a "còn …" turns to that neither the last question nor its answer said."""
    m = _SUBJECT.match(vi.collapse(question))
    if not m:
        return set()
    said = set(vi.folded_syllables(" ".join([context.question, *(str(p.get("text", "")) for p in context.points)])))
    words = set(without_question_words(m.group(1)).split()) - FOLDED_STOPWORDS
    return {w for w in words if w not in said and w.isalpha()}


def switches(question: str) -> bool:
    """"còn …", "thế còn …": the follow-up turns to something else, asked first on its own."""
    return re.match(r"^\s*(?:(?:thế|vậy|the|vay)\s+)?(?:còn|con)\s+", question, re.IGNORECASE) is not None


def said_of(answer: Answer, subject: str | None) -> bool:
    """The answer is found and says something of the body asked ("còn Sở Y tế?": a line of Sở Tài chính is not)."""
    return answer.found and (subject is None or vi.collapse(subject) in vi.collapse(answer.answer))


def fallback_reading(resolution: Resolution) -> Resolution | None:
    if resolution.fallback is None:
        return None
    return Resolution(resolution.question, resolution.fallback, True, resolution.kind, subject=resolution.subject)


def run_turn(ask: Callable[[str], Answer], question: str, context: Conversation | None = None) -> Turn:
    context = context or Conversation()
    resolution, settled = settle(question, context)
    if settled:
        return settled
    alone = standalone(resolution)
    if alone is not None and switches(question) and names_own_thing(alone) \
            and (first := ask(alone.question_understood)).found:
        return finish(alone, context, first)  # "còn <a thing of its own> thì …": that thing, wherever it is stored
    answer = ask(resolution.question_understood)
    duties = fallback_reading(resolution)
    if duties is not None and not said_of(answer, resolution.subject) and (third := ask(duties.question_understood)).found:
        return finish(duties, context, third)
    if alone is not None and (not answer.found or switches(question) and turned_away(question, context, answer)) \
            and (second := ask(alone.question_understood)).found and not turned_away(question, context, second):
        resolution, answer = alone, second  # the store holds the follow-up's own subject in another text
    return finish(resolution, context, answer)


async def arun_turn(ask: Callable[[str], Awaitable[Answer]], question: str,
                    context: Conversation | None = None) -> Turn:
    context = context or Conversation()
    resolution, settled = settle(question, context)
    if settled:
        return settled
    alone = standalone(resolution)
    if alone is not None and switches(question) and names_own_thing(alone) \
            and (first := await ask(alone.question_understood)).found:
        return finish(alone, context, first)
    answer = await ask(resolution.question_understood)
    duties = fallback_reading(resolution)
    if duties is not None and not said_of(answer, resolution.subject) \
            and (third := await ask(duties.question_understood)).found:
        return finish(duties, context, third)
    if alone is not None and (not answer.found or switches(question) and turned_away(question, context, answer)) \
            and (second := await ask(alone.question_understood)).found and not turned_away(question, context, second):
        resolution, answer = alone, second
    return finish(resolution, context, answer)


async def stream_turn(ask_stream: Callable[[str], AsyncIterator[dict[str, Any]]], question: str,
                      context: Conversation | None = None, alone: bool = False) -> AsyncIterator[dict[str, Any] | Turn]:
    """The answerer's events as they come ({"type": "delta", …}), then the Turn as the last item. The final
    event's answer (the `ngvh ask --json` object, kind included) becomes the turn's Answer. `alone`: a question
    outside any conversation (a web page without a chat id) is asked as typed, never resolved."""
    context = context or Conversation()
    if alone:
        resolution, settled = Resolution(question, question), None
    else:
        resolution, settled = settle(question, context)
    if settled is not None:
        yield settled
        return
    untied = standalone(resolution)
    duties = fallback_reading(resolution)
    if untied is None and duties is None:
        async for event in ask_stream(resolution.question_understood):
            if event.get("type") != "final":
                yield event
                continue
            yield finish(resolution, context, Answer.from_json(event["answer"]))
            return
        return
    # a follow-up that may be asked alone: each reading's events wait for its answer, the one found is shown
    # (asked alone first after "còn …", the rewrite first otherwise); none found, the rewrite's refusal
    # (the body's duties after the swapped question, when that one says nothing of it)
    if untied is not None and switches(question) and names_own_thing(untied):
        order = [untied, resolution]
    else:
        order = [r for r in (resolution, duties, untied) if r is not None]
    tried: list[tuple[Resolution, list[dict[str, Any]], Answer]] = []
    switching = untied is not None and switches(question)
    for reading in order:
        events: list[dict[str, Any]] = []
        async for event in ask_stream(reading.question_understood):
            if event.get("type") != "final":
                events.append(event)
                continue
            tried.append((reading, events, Answer.from_json(event["answer"])))
            break
        if tried and tried[-1][0] is reading and said_of(tried[-1][2], reading.subject) \
                and not (switching and turned_away(question, context, tried[-1][2])):
            break
    # (after "còn <a subject the chat never named>", the reading whose lines say it)
    chosen = next((t for t in tried if said_of(t[2], t[0].subject) and not (switching and turned_away(question, context, t[2]))),
                  next((t for t in tried if said_of(t[2], t[0].subject)),
                       next((t for t in tried if t[2].found), next((t for t in tried if t[0] is resolution), None))))
    if chosen is None:
        return
    for held_event in chosen[1]:
        yield held_event
    yield finish(chosen[0], context, chosen[2])
