"""Per-chat conversation state kept where every answering process sees it: SQLite under NGVH_DATA_DIR, or Redis.

A chat's state is its follow-up context (rag.dialogue.resolve.Conversation), the last answer's citations
(for "1", "2"… and the 📄 buttons) and the logged id of that answer (for 👍/👎, "đúng"/"sai"). It
expires after NGVH_CONVERSATION_TTL seconds (30 min) and is cut to NGVH_CONVERSATION_MAX_BYTES. Both
stores implement ConversationStore; `Turns` answers one turn with them and the question log.
"""
from __future__ import annotations

import asyncio
import json
import sqlite3
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ground.limits import KEPT_PASSAGE_CHARS
from rag.dialogue.resolve import Resolution
from rag.dialogue.state import Conversation
from rag.dialogue.turn import Turn as DialogueTurn
from rag.dialogue.turn import arun_turn, stream_turn
from rag.models import Answer

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


class SqliteConversationStore:
    """One small table in a SQLite file (WAL): processes on one machine share it."""

    PRUNE_EVERY = 200  # saves between removals of expired and surplus rows

    def __init__(self, path: Path, ttl: float = 1800.0, max_bytes: int = 16_000, max_count: int = 20_000,
                 clock=time.time):
        self.path = Path(path)
        self.ttl, self.max_bytes, self.max_count = ttl, max_bytes, max_count
        self._clock = clock
        self._saves = 0
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            conn.execute("CREATE TABLE IF NOT EXISTS conversations (key TEXT PRIMARY KEY, value TEXT NOT NULL, "
                         "expires REAL NOT NULL, updated REAL NOT NULL) WITHOUT ROWID")
            conn.execute("CREATE INDEX IF NOT EXISTS conversations_updated ON conversations(updated)")

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA busy_timeout=30000")
        return conn

    def _run(self, fn):
        conn = self._connect()
        try:
            return fn(conn)
        finally:
            conn.close()

    async def load(self, key: str) -> ChatState:
        def run(conn):
            return conn.execute("SELECT value FROM conversations WHERE key = ? AND expires > ?",
                                (key, self._clock())).fetchone()

        row = await asyncio.to_thread(self._run, run)
        return ChatState.from_json(json.loads(row[0])) if row else ChatState()

    async def save(self, key: str, state: ChatState) -> None:
        value = state.dump(self.max_bytes)
        self._saves += 1
        prune = (self._saves - 1) % self.PRUNE_EVERY == 0  # the first save prunes too (a restart)

        def run(conn):
            now = self._clock()
            conn.execute("INSERT OR REPLACE INTO conversations VALUES (?, ?, ?, ?)", (key, value, now + self.ttl, now))
            if prune:
                conn.execute("DELETE FROM conversations WHERE expires <= ?", (now,))
                conn.execute("DELETE FROM conversations WHERE key IN (SELECT key FROM conversations "
                             "ORDER BY updated DESC LIMIT -1 OFFSET ?)", (self.max_count,))

        await asyncio.to_thread(self._run, run)

    async def reset(self, key: str) -> None:
        await asyncio.to_thread(self._run, lambda conn: conn.execute("DELETE FROM conversations WHERE key = ?", (key,)))

    async def count(self) -> int:
        return await asyncio.to_thread(self._run, lambda c: c.execute("SELECT count(*) FROM conversations").fetchone()[0])

    async def close(self) -> None:
        return None


class RedisConversationStore:
    """One key per chat with a TTL, so every replica behind the load balancer continues the same chat."""

    def __init__(self, url: str, ttl: float = 1800.0, max_bytes: int = 16_000, prefix: str = "ngvh:conv:"):
        import redis.asyncio as aioredis

        self._redis = aioredis.from_url(url, decode_responses=True, socket_timeout=5, socket_connect_timeout=5)
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


def open_conversation_store(settings) -> ConversationStore:
    """Redis when NGVH_REDIS_URL is set (beside the shared intake), else SQLite under NGVH_DATA_DIR/state."""
    if settings.redis_url:
        return RedisConversationStore(settings.redis_url, settings.conversation_ttl, settings.conversation_max_bytes)
    return SqliteConversationStore(settings.state_path / "conversations.sqlite3", settings.conversation_ttl,
                                   settings.conversation_max_bytes, settings.conversation_max_count)


@dataclass
class Turn:
    answer: Answer
    resolution: Resolution
    question_id: int | None = None

    @property
    def understood(self) -> str | None:
        return self.resolution.question_understood if self.resolution.rewritten else None


# the user of a web question asked without a visitor or conversation id: no id the page can send
# (bot.web.ID) matches it, so nobody can rate or delete those questions by claiming it
ANONYMOUS = "(anonymous)"


def chat_key(channel: str, chat_id: str) -> str:
    return f"{channel}:{chat_id}"


class Turns:
    """One conversation turn: resolve against the chat's state, answer, log, remember."""

    def __init__(self, store: ConversationStore, ask: Callable[[str], Awaitable[Answer]], log=None,
                 locate: Callable | None = None, clock=time.time):
        self.store, self.ask, self.log, self.locate = store, ask, log, locate
        self._clock = clock

    async def answer(self, channel: str, chat_id: str, user_id: str, question: str) -> Turn:
        key = chat_key(channel, chat_id)
        state = await self.store.load(key)
        started = time.perf_counter()
        turn = await arun_turn(self.ask, question, state.conversation)
        return await self._remember(channel, chat_id, user_id, question, turn, started, key, state)

    async def _remember(self, channel: str, chat_id: str, user_id: str, question: str, turn: DialogueTurn,
                        started: float, key: str | None, state: ChatState) -> Turn:
        """Log the turn and keep its context and citations for the chat's next turn (none without a key)."""
        latency = int((time.perf_counter() - started) * 1000)
        question_id = await self._log(channel, chat_id, user_id, question, turn.resolution, turn.answer, latency)
        citations = await asyncio.to_thread(self._citations, turn.answer)
        if key:
            await self.store.save(key, state.next(turn.context, citations, turn.answer.found, question_id,
                                                  self._clock()))
        return Turn(turn.answer, turn.resolution, question_id)

    async def answer_stream(self, channel: str, chat_id: str | None, user_id: str | None, question: str,
                            ask_stream: Callable[[str], AsyncIterator[dict]]) -> AsyncIterator[dict]:
        """The same turn for a streaming answerer: its delta events pass through; the final event's answer
        (the `ngvh ask --json` object) gains "understood" when the question was rewritten, and "answer_id"
        (its row in the question log, for 👍/👎) when the asker has an id. Without a chat_id the question
        stands alone (logged, nothing remembered); without a user_id it is logged as anonymous and cannot
        be rated (anyone could claim to be "anonymous")."""
        rateable = user_id is not None
        user_id = user_id if user_id is not None else ANONYMOUS
        key = chat_key(channel, chat_id) if chat_id else None
        state = await self.store.load(key) if key else ChatState()
        started = time.perf_counter()
        async for item in stream_turn(ask_stream, question, state.conversation, alone=key is None):
            if isinstance(item, dict):
                yield item
                continue
            turn = await self._remember(channel, chat_id or "", user_id, question, item, started, key, state)
            yield {"type": "final", "answer": self.final_json(turn, rateable)}
            return

    def final_json(self, turn: Turn, rateable: bool = False) -> dict:
        out = turn.answer.to_json()  # the CLI's object: the page finds a passage by its plan and quote
        out["question"] = turn.resolution.question
        if turn.understood:
            out["understood"] = turn.understood
        if rateable and turn.question_id is not None:
            out["answer_id"] = turn.question_id
        return out

    def _citations(self, answer: Answer) -> list[dict]:
        """Citations as kept and shown: the passage cut to size, and the chunk id when the core can tell."""
        out = []
        for c in answer.citations:
            data = dict(c.to_json(), full_quote=(c.full_quote or c.quote)[:KEPT_PASSAGE_CHARS])
            chunk = self.locate(c) if self.locate else None
            if chunk:
                data["chunk_id"] = chunk
            out.append(data)
        return out

    async def _log(self, channel, chat_id, user_id, question, resolution, answer, latency) -> int | None:
        if self.log is None:
            return None
        from bot.questionlog import Entry, citation_refs

        def record() -> int:
            refs = citation_refs(answer.citations, self.locate)
            return self.log.record(Entry(channel, str(user_id), question, answer.found,
                                         resolution.question_understood if resolution.rewritten else None,
                                         str(chat_id), answer.mode, answer.kind, refs, latency))

        return await asyncio.to_thread(record)

    async def new_conversation(self, channel: str, chat_id: str) -> None:
        await self.store.reset(chat_key(channel, chat_id))

    async def citation(self, channel: str, chat_id: str, n: int) -> dict | None:
        """Citation n of the chat's last answer (Citation.to_json with its passage), or None."""
        state = await self.store.load(chat_key(channel, chat_id))
        return state.citations[n - 1] if 1 <= n <= len(state.citations) else None

    async def last_answer(self, channel: str, chat_id: str) -> ChatState:
        return await self.store.load(chat_key(channel, chat_id))

    async def feedback(self, channel: str, chat_id: str, user_id: str, value: str, question_id: int | None = None) -> bool:
        """👍/👎 on the chat's last answer (or on question_id, from a button under an older one)."""
        if self.log is None:
            return False
        if question_id is None:
            question_id = (await self.store.load(chat_key(channel, chat_id))).question_id
        if question_id is None:
            return False
        return await asyncio.to_thread(self.log.set_feedback, question_id, value, channel, str(user_id))

    async def forget_user(self, channel: str, chat_id: str, user_id: str) -> int:
        """/xoa: the user's logged questions on this channel and the chat's context."""
        await self.store.reset(chat_key(channel, chat_id))
        if self.log is None:
            return 0
        return await asyncio.to_thread(self.log.forget_user, channel, str(user_id))
