"""The `ngvh ask --jsonl` conversation contract: bare lines stand alone, JSON lines with an id are turns of one chat.

A line may be a bare question, or a JSON object {"question": "…", "conversation": "id"}; lines with
the same id are the turns of one conversation, in order, and each is resolved against the earlier
ones (rag.dialogue.resolve) before it is answered. The output object is Answer.to_json() with the
question as typed, the conversation id when given, and "understood" when the turn was rewritten.
"""
from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Callable

from rag.dialogue.state import Conversation
from rag.dialogue.turn import run_turn
from rag.models import Answer

MAX_CONVERSATIONS = 10_000  # a long batch keeps the most recent chats only


class JsonlTurns:
    def __init__(self, ask: Callable[[str], Answer]):
        self.ask = ask
        self.contexts: OrderedDict[str, Conversation] = OrderedDict()

    def answer_line(self, line: str) -> dict:
        question, conversation = parse_line(line)
        if conversation is None:
            return self.ask(question).to_json()
        context = self.contexts.pop(conversation, None) or Conversation()
        turn = run_turn(self.ask, question, context)
        self.contexts[conversation] = turn.context
        while len(self.contexts) > MAX_CONVERSATIONS:
            self.contexts.popitem(last=False)
        out = turn.answer.to_json()
        out["question"] = question
        out["conversation"] = conversation
        if turn.understood:
            out["understood"] = turn.understood
        return out


def parse_line(line: str) -> tuple[str, str | None]:
    """(question, conversation id or None). A line that is not a JSON object is a bare question."""
    text = line.rstrip("\n")
    stripped = text.strip()
    if stripped.startswith("{"):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError:
            return text, None
        if isinstance(data, dict) and isinstance(data.get("question"), str):
            conversation = data.get("conversation")
            return data["question"], (str(conversation) if conversation not in (None, "") else None)
    return text, None
