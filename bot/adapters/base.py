"""The one small interface every messaging channel implements."""
from __future__ import annotations

import abc
import asyncio
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, ClassVar

from bot import sources
from bot.models import Attachment, InboundMessage, Verdict, WorkItem

# Where long-polled messages go: the durable intake. It returns once the item is stored (or was a
# duplicate) and raises when the store is unreachable, so the poller fetches the same updates again.
Sink = Callable[[WorkItem], Awaitable[bool]]


class SendError(Exception):
    """A platform API call that did not succeed."""

    def __init__(self, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.retry_after = retry_after


class RetryLater(SendError):
    """429: the platform told us how long to wait."""


class TransientError(SendError):
    """5xx, timeouts, connection errors: worth retrying with backoff."""


class PermanentError(SendError):
    """4xx other than 429 (blocked by the user, bad chat id...): retrying cannot help."""


class ReplyWindowClosed(PermanentError):
    """The platform refused a reply because the user's reply window is closed (Zalo OA -230 and kin)."""

    def __init__(self, code: int, reason: str = "reply window closed"):
        super().__init__(f"error {code}: {reason}")
        self.code = code


def bot_id(token: str) -> str:
    """The numeric part of a "<id>:<secret>" bot token: dedupe and pacing keys stay unique per bot without
    containing the secret (Telegram and Zalo Bot tokens share this shape)."""
    return token.split(":", 1)[0]


async def cancel_task(task: asyncio.Task | None) -> None:
    """Cancel a background task (long polling, token refresh) and wait until it has stopped."""
    if task is None:
        return
    task.cancel()
    try:
        await task
    except (asyncio.CancelledError, Exception):
        pass


class ChannelAdapter(abc.ABC):
    name: ClassVar[str]  # also the metrics label and the route suffix
    text_limit: ClassVar[int]
    supports_polling: ClassVar[bool] = False  # long-polls under `ngvh serve --polling` (else keeps its webhook)

    # -- receiving ----------------------------------------------------------------------------------
    @abc.abstractmethod
    def verify(self, headers: Mapping[str, str], body: bytes) -> Verdict:
        """Check the request's secret header or signature (constant time)."""

    @abc.abstractmethod
    def parse(self, payload: Any) -> list[InboundMessage]:
        """Messages in one decoded payload; unknown events give []."""

    # -- sending ------------------------------------------------------------------------------------
    @abc.abstractmethod
    async def send_text(self, chat_id: str, text: str, *, reply_to: str | None = None,
                        buttons: dict | None = None) -> None:
        """Send one message already within text_limit; raise a SendError subclass on failure.

        reply_to: the user's message this answers (Zalo OA bills a reply without it as proactive);
        buttons: an inline keyboard (sources.telegram_keyboard) where the channel has one."""

    def answer_buttons(self, question_id: int | None, citations: list) -> dict | None:
        """Buttons under an answer (📄 n, 👍/👎); None where the platform has none for replies."""
        return None

    def render_passage(self, citation: Any, link: str | None) -> list[str]:
        """One cited passage (plan, section, the quote, a link to its page) as messages."""
        return self.render_text(sources.passage_text(citation, link))

    async def acknowledge(self, callback_id: str, text: str | None = None) -> None:
        """Answer a button tap (Telegram's answerCallbackQuery); channels without buttons have none."""

    @abc.abstractmethod
    async def show_typing(self, chat_id: str) -> None: ...

    async def fetch_attachment(self, attachment: Attachment) -> bytes:
        raise PermanentError(f"{self.name} cannot fetch attachments")

    @abc.abstractmethod
    def render_answer(self, answer: Any) -> list[str]:
        """An Answer as messages in this channel's format, each within text_limit."""

    @abc.abstractmethod
    def render_text(self, text: str) -> list[str]:
        """Plain text (escaped if the channel uses markup), split to text_limit."""

    def pacing(self, chat_id: str, is_group: bool) -> list[tuple[str, float]]:
        """(key, minimum interval) pairs a send must respect: per chat, and per bot where it applies."""
        return [(f"{self.name}:{chat_id}", 1.0)]

    # -- lifecycle ----------------------------------------------------------------------------------
    async def open(self) -> None:
        """Open the clients replies go through (a worker process: sending only, no intake)."""

    async def start(self, sink: Sink, polling: bool = False) -> None:
        """Open clients; when polling is True (and supported), long-poll into sink."""

    async def register_webhook(self, public_url: str) -> None:
        """Tell the platform where to deliver (only when NGVH_PUBLIC_URL is set)."""

    async def stop_intake(self) -> None:
        """Stop receiving (long polling, background tasks); sending still works."""

    async def stop(self) -> None:
        """Close clients."""
