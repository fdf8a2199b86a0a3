"""Conversation state in one process's memory (with the TTL and size bound of the real stores): a fake for tests."""
from __future__ import annotations

import json
import time

from bot.conversations.base import ChatState, ConversationStore


class MemoryConversationStore(ConversationStore):
    """Saves go through ChatState.dump, as in the real stores, so size cuts behave the same."""

    def __init__(self, ttl: float = 1800.0, max_bytes: int = 16_000, clock=time.time):
        self.ttl, self.max_bytes = ttl, max_bytes
        self._clock = clock
        self._values: dict[str, tuple[float, str]] = {}  # key → (expires, JSON)

    async def load(self, key: str) -> ChatState:
        item = self._values.get(key)
        if item is None or item[0] <= self._clock():
            return ChatState()
        return ChatState.from_json(json.loads(item[1]))

    async def save(self, key: str, state: ChatState) -> None:
        self._values[key] = (self._clock() + self.ttl, state.dump(self.max_bytes))

    async def reset(self, key: str) -> None:
        self._values.pop(key, None)

    async def count(self) -> int:
        return len(self._values)

    async def close(self) -> None:
        return None
