"""What a chat message becomes on Telegram and Zalo: a command, a source request, feedback, or a conversation turn.

The dispatcher hands each text message (and each Telegram button tap) here with an Outbox, its own
paced and retried way to send. Order of reading a text: a command (through the registry), a bare
digit ("2": that source of the last answer), "đúng"/"sai" or 👍/👎 right after an answer (feedback),
else a question answered in the light of the conversation (bot.turns.Turns). A rewritten
question's reply starts with one short line saying how it was understood.
"""
from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

from bot import commands, formatting, sources
from bot.faults import is_transient
from bot.models import InboundMessage
from bot.reminders.chat import Follow, note_contact, word_command
from bot.reminders.store import SubscriptionStore
from bot.turns import Turns

log = logging.getLogger("ngvh.bot.chat")

SIDE_WRITE_SECONDS = 1.5  # the longest a message waits for a write that is not its answer


class Outbox(Protocol):
    """How the flow sends in one chat: the channel's renderers and a paced, retried send."""

    async def send(self, parts: list[str], buttons: dict | None = None) -> None:
        """Send the parts in order; buttons go under the last one (where the channel has them)."""

    def render_answer(self, answer: Any) -> list[str]: ...

    def render_text(self, text: str) -> list[str]: ...

    def render_passage(self, citation: dict, link: str | None) -> list[str]: ...

    def answer_buttons(self, question_id: int | None, citations: list) -> dict | None: ...

    async def acknowledge(self, callback_id: str, text: str | None = None) -> None:
        """Answer a button tap (Telegram's answerCallbackQuery); a no-op elsewhere."""


class ChatFlow:
    def __init__(self, turns: Turns, plans: Callable[[], Awaitable[list[dict]]], public_url: str | None,
                 retention_days: int, registry: commands.CommandRegistry | None = None, clock=time.time,
                 subscriptions: SubscriptionStore | None = None, reminder_days: int = 14):
        self.turns, self.plans, self.public_url = turns, plans, public_url
        self.retention_days = retention_days
        self.subscriptions, self.reminder_days = subscriptions, reminder_days
        self.registry = registry or commands.default_commands()
        self._clock = clock

    # -- entry points -----------------------------------------------------------------------------
    async def on_text(self, out: Outbox, message: InboundMessage, text: str) -> str:
        """Handle one text; returns what it was ("command", "source", "feedback", "answer") for metrics."""
        await self._note_contact(message)
        command = commands.parse(text)
        if command is None and (words := word_command(text)):  # Zalo has no slash commands: "theo dõi …"
            command = commands.ParsedCommand(*words, None)
        if command is not None:
            await self.registry.run(_Context(self, out, message), command.name, command.args)
            return "command"
        if commands.deletion_request(text):  # never answered (and so logged) as a question
            await self.registry.run(_Context(self, out, message), "xoa")
            return "command"
        n = sources.digit_request(text)
        if n is not None and await self._show_source(out, message, n, quiet=True):
            return "source"
        value = sources.feedback_word(text)
        if value is not None and await self._recent_answer(message):
            await self._feedback(out, message, value, None)
            return "feedback"
        await self.answer(out, message, text)
        return "answer"

    async def on_callback(self, out: Outbox, message: InboundMessage, callback_id: str, data: str) -> None:
        """A tap on 📄 n or 👍/👎; answerCallbackQuery is always sent, even for stale or unknown data."""
        parsed = sources.parse_callback(data)
        try:
            if parsed is None:
                await out.acknowledge(callback_id, "Nút này không còn dùng được.")
                return
            kind, question_id, value = parsed
            if kind == "source":
                await out.acknowledge(callback_id)
                state = await self.turns.last_answer(message.channel, message.chat_id)
                citations = state.citations_of(question_id)
                if not citations:
                    await out.send(out.render_text(formatting.STALE_SOURCE_TEXT))
                    return
                await self._send_passage(out, citations, int(value))
            else:
                stored = await self.turns.feedback(message.channel, message.chat_id, message.user_id, str(value),
                                                   question_id=question_id)
                await out.acknowledge(callback_id, formatting.FEEDBACK_THANKS_TEXT if stored else
                                      formatting.FEEDBACK_NONE_TEXT)
        except Exception:
            log.exception("button handling failed", extra={"channel": message.channel, "chat": message.chat_id})
            await out.acknowledge(callback_id)

    async def answer(self, out: Outbox, message: InboundMessage, question: str) -> None:
        turn = await self.turns.answer(message.channel, message.chat_id, message.user_id, question)
        answer = turn.answer
        if turn.understood:
            answer = dataclasses.replace(answer, answer=f"{formatting.understood_line(turn.understood)}\n{answer.answer}")
        buttons = out.answer_buttons(turn.question_id, answer.citations) if answer.found else None
        await out.send(out.render_answer(answer), buttons)

    async def _note_contact(self, message: InboundMessage) -> None:
        """Best effort, off the answer path: a database away or frozen costs the answer no error and at most
        SIDE_WRITE_SECONDS (the reply window it records only matters to reminders)."""
        try:
            await asyncio.wait_for(note_contact(self.subscriptions, message), SIDE_WRITE_SECONDS)
        except Exception as exc:
            if not is_transient(exc):
                raise
            log.warning("contact not recorded", extra={"channel": message.channel, "error": f"{type(exc).__name__}: {exc}"[:200]})

    # -- pieces -----------------------------------------------------------------------------------
    async def _show_source(self, out: Outbox, message: InboundMessage, n: int, quiet: bool = False) -> bool:
        """Passage n of the chat's last answer. quiet: say nothing when there is no last answer (a bare
        "2" may then be a question) — returns whether it replied."""
        state = await self.turns.last_answer(message.channel, message.chat_id)
        if not state.citations:
            if quiet:
                return False
            await out.send(out.render_text(formatting.NO_LAST_ANSWER_TEXT))
            return True
        await self._send_passage(out, state.citations, n)
        return True

    async def _send_passage(self, out: Outbox, citations: list[dict], n: int) -> None:
        if not 1 <= n <= len(citations):
            await out.send(out.render_text(formatting.BAD_SOURCE_TEXT.format(count=len(citations))))
            return
        citation = citations[n - 1]
        await out.send(out.render_passage(citation, sources.plan_page_link(self.public_url, citation)))

    async def _recent_answer(self, message: InboundMessage) -> bool:
        state = await self.turns.last_answer(message.channel, message.chat_id)
        return state.question_id is not None and self._clock() - state.answered_at <= sources.FEEDBACK_WINDOW_SECONDS

    async def _feedback(self, out: Outbox, message: InboundMessage, value: str, question_id: int | None) -> None:
        stored = await self.turns.feedback(message.channel, message.chat_id, message.user_id, value, question_id)
        await out.send(out.render_text(formatting.FEEDBACK_THANKS_TEXT if stored else formatting.FEEDBACK_NONE_TEXT))


class _Context:
    """commands.CommandContext for one message."""

    def __init__(self, flow: ChatFlow, out: Outbox, message: InboundMessage):
        self.flow, self.out, self.message = flow, out, message
        self.channel, self.chat_id, self.user_id = message.channel, message.chat_id, message.user_id
        self.retention_days = flow.retention_days
        self.follow = Follow(flow.subscriptions, message, flow.reminder_days) if flow.subscriptions else None

    async def reply(self, text: str) -> None:
        await self.out.send(self.out.render_text(text))

    async def plans(self) -> list[dict]:
        return await self.flow.plans()

    async def show_source(self, n: int) -> None:
        await self.flow._show_source(self.out, self.message, n)

    async def new_conversation(self) -> None:
        await self.flow.turns.new_conversation(self.channel, self.chat_id)

    async def forget_user(self) -> int:
        return await self.flow.turns.forget_user(self.channel, self.chat_id, self.user_id)
