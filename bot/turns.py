"""One conversation turn: resolve the question against the chat's state, answer, log, remember."""
from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass

from bot.conversations.base import ChatState, ConversationStore
from ground.limits import KEPT_PASSAGE_CHARS
from rag.dialogue.resolve import Resolution
from rag.dialogue.turn import Turn as DialogueTurn
from rag.dialogue.turn import arun_turn, stream_turn
from rag.models import Answer


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
