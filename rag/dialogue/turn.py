"""One conversation turn: resolve it against the context, answer it (or expand a point, or refuse), move the context on."""
from __future__ import annotations

from rag.dialogue.resolve import Conversation, Resolution, resolve
from rag.models import Answer, Citation
from rag.understand.mentions import parse_query


def unresolved_answer(resolution: Resolution) -> Answer:
    text = resolution.reason
    if resolution.expand is None:
        text += (" Xin nêu rõ tên tỉnh/thành phố hoặc số hiệu kế hoạch, ví dụ: "
                 "“Kế hoạch của Cao Bằng do ai ký?”.")
    return Answer(resolution.question, False, text, kind="unresolved")


def expanded_answer(resolution: Resolution, context: Conversation) -> Answer:
    """Point n of the last answer with its whole passage, cited."""
    point = context.points[resolution.expand - 1]
    data = dict(point["citation"], n=1)
    citation = Citation(**{k: v for k, v in data.items() if k in Citation.__dataclass_fields__})
    where = ", ".join(x for x in (" ".join(filter(None, (citation.doc_type, citation.plan))) or citation.title,
                                  citation.section) if x)
    passage = " ".join((citation.full_quote or citation.quote).split())
    return Answer(resolution.question, True, f"Ý {resolution.expand} ({where}): {passage} [1]", [citation],
                  kind="expand")


# Facts only a plan's own metadata states: a follow-up asking one of them about a plan that does not
# state it must not be "answered" with passages that merely mention the plan.
_FACT_ONLY = {"signer": "người ký", "date": "ngày ban hành", "number": "số hiệu", "issuer": "cơ quan ban hành"}
_FACT_KINDS = {"metadata", "overview", "catalog"}


def checked(resolution: Resolution, answer: Answer) -> Answer:
    """The answer to a rewritten question, or a refusal when it asked a fact the plan does not state."""
    if not resolution.names_plan or not answer.found or answer.kind in _FACT_KINDS:
        return answer
    intent = parse_query(resolution.question_understood).intent
    if intent not in _FACT_ONLY:
        return answer
    text = f"Văn bản không ghi {_FACT_ONLY[intent]}. (Hiểu câu hỏi là: {resolution.question_understood})"
    return Answer(resolution.question, False, text, kind="refusal")


def answer_turn(ask, question: str, context: Conversation | None) -> tuple[Answer, Resolution, Conversation]:
    """Resolve a turn, answer it with `ask(question) -> Answer`, and return the next context."""
    context = context or Conversation()
    resolution = resolve(question, context)
    if resolution.unresolved:
        answer = unresolved_answer(resolution)
        return answer, resolution, context  # an unresolved turn leaves the context as it was
    if resolution.kind == "expand":
        answer = expanded_answer(resolution, context)
        return answer, resolution, context
    answer = checked(resolution, ask(resolution.question_understood))
    return answer, resolution, context.after(resolution.question_understood, answer)
