"""Conversation state's seam: ChatState and the Protocol its stores (memory, SQLite, Redis) implement.

A chat's state is its follow-up context (rag.dialogue.resolve.Conversation), the last answer's citations
(for "1", "2"… and the 📄 buttons) and the logged id of that answer (for 👍/👎, "đúng"/"sai"). It
expires after NGVH_CONVERSATION_TTL seconds (30 min) and is cut to NGVH_CONVERSATION_MAX_BYTES.
bot.stores opens a store from Settings; bot.turns answers one turn with it and the question log.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Protocol

from ground.limits import KEPT_PASSAGE_CHARS
from rag.dialogue.state import Conversation

KEEP_EARLIER = 3  # answers before the last whose 📄 buttons still open their passage


@dataclass
class ChatState:
    conversation: Conversation = field(default_factory=Conversation)
    citations: list[dict] = field(default_factory=list)  # the last answer's citations (Citation.to_json)
    question_id: int | None = None  # the last answer in the question log
    answered_at: float = 0.0
    earlier: list[dict] = field(default_factory=list)  # {"question_id", "citations"} of a few answers before

    def to_json(self) -> dict:
        return {"conversation": self.conversation.to_json(), "citations": self.citations,
                "question_id": self.question_id, "answered_at": self.answered_at, "earlier": self.earlier}

    @classmethod
    def from_json(cls, data: dict | None) -> ChatState:
        if not data:
            return cls()
        return cls(Conversation.from_json(data.get("conversation")), list(data.get("citations") or []),
                   data.get("question_id"), float(data.get("answered_at") or 0.0), list(data.get("earlier") or []))

    def citations_of(self, question_id: int | None) -> list[dict] | None:
        """The citations of the answer a button belongs to (this one or a few before); None when forgotten."""
        if question_id is None or question_id == self.question_id:
            return self.citations
        return next((e["citations"] for e in self.earlier if e.get("question_id") == question_id), None)

    def next(self, conversation: Conversation, citations: list[dict], found: bool, question_id: int | None,
             at: float) -> ChatState:
        """The state after an answer: its citations (a refusal keeps the last ones) and the earlier ones."""
        earlier = self.earlier
        if self.question_id is not None and self.citations:
            earlier = [{"question_id": self.question_id, "citations": self.citations}, *earlier][:KEEP_EARLIER]
        return ChatState(conversation, citations if found else self.citations, question_id, at, earlier)

    def dump(self, max_bytes: int) -> str:
        """JSON within max_bytes: long passages are cut first, then the oldest detail goes."""
        data = self.to_json()
        text = json.dumps(data, ensure_ascii=False)
        for limit in (KEPT_PASSAGE_CHARS, 600, 200, 0):
            if len(text.encode()) <= max_bytes:
                return text
            for cit in data["citations"] + [c for e in data["earlier"] for c in e["citations"]]:
                cit["full_quote"] = (cit.get("full_quote") or "")[:limit]
            for point in data["conversation"]["points"]:
                point["citation"]["full_quote"] = (point["citation"].get("full_quote") or "")[:limit]
            text = json.dumps(data, ensure_ascii=False)
        data["earlier"] = []  # buttons under older answers matter least
        data["conversation"]["points"] = []
        data["conversation"]["sections"] = []
        text = json.dumps(data, ensure_ascii=False)
        if len(text.encode()) > max_bytes:
            data["citations"] = []
            text = json.dumps(data, ensure_ascii=False)
        return text


class ConversationStore(Protocol):
    async def load(self, key: str) -> ChatState: ...

    async def save(self, key: str, state: ChatState) -> None: ...

    async def reset(self, key: str) -> None: ...

    async def close(self) -> None: ...
