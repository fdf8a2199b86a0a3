"""Conversation state in Redis: one key per chat with a TTL, shared by every replica."""
from __future__ import annotations

import json

from bot import redis_client
from bot.conversations.base import ChatState, ConversationStore


class RedisConversationStore(ConversationStore):
    """One key per chat with a TTL, so every replica behind the load balancer continues the same chat."""

    def __init__(self, url: str, ttl: float = 1800.0, max_bytes: int = 16_000, prefix: str = "ngvh:conv:"):
        self._redis = redis_client.connect(url)
        self.ttl, self.max_bytes, self._prefix = ttl, max_bytes, prefix

    async def load(self, key: str) -> ChatState:
        raw = await self._redis.get(self._prefix + key)
        return ChatState.from_json(json.loads(raw)) if raw else ChatState()

    async def save(self, key: str, state: ChatState) -> None:
        await self._redis.set(self._prefix + key, state.dump(self.max_bytes), px=max(1, int(self.ttl * 1000)))

    async def reset(self, key: str) -> None:
        await self._redis.delete(self._prefix + key)

    async def close(self) -> None:
        await self._redis.aclose()
