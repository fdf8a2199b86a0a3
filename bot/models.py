"""What every channel adapter turns a platform request into."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


@dataclass(frozen=True)
class Attachment:
    file_id: str  # platform handle used to fetch the bytes
    file_name: str
    mime_type: str | None = None
    size: int | None = None  # bytes, when the platform says


@dataclass(frozen=True)
class InboundMessage:
    channel: str  # "telegram" | "zalo-bot" | "zalo-oa"
    chat_id: str  # where the reply goes
    user_id: str  # who asked (rate limits and admin checks use it)
    message_id: str
    dedupe_key: str  # unique per delivery source; a second delivery with the same key is dropped
    text: str = ""
    attachments: tuple[Attachment, ...] = field(default_factory=tuple)
    is_group: bool = False  # groups get slower pacing on Telegram
    callback_id: str = ""  # a tap on a button under an answer (Telegram callback_query), not a text
    callback_data: str = ""


@dataclass(frozen=True)
class RawUpdate:
    """A verified, deduplicated payload parsed by the worker, not on the ack path.

    Decoding a Telegram update with PTB costs about half a millisecond; during a burst of a thousand
    deliveries a second that work would compete with acknowledging them, so it waits in the queue.
    """

    channel: str
    payload: dict
    dedupe_key: str


WorkItem = InboundMessage | RawUpdate


class Verdict(str, Enum):
    """Outcome of checking a webhook request's secret or signature."""

    OK = "ok"
    MISSING = "missing"  # no secret/signature header: 401
    FORGED = "forged"  # present but wrong: 403
    MALFORMED = "malformed"  # the signature cannot even be computed (bad JSON): 400
