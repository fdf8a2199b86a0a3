"""One conversation turn: resolve it against the context, answer it (or expand a point, or refuse), move the context on."""
from __future__ import annotations

from .conversation import Conversation, Resolution, resolve
from .models import Answer, Citation


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
    answer = ask(resolution.question_understood)
    return answer, resolution, context.after(resolution.question_understood, answer)
