"""Telegram groups: is a message for this bot? Mentioned, replied to, or a command addressed to it.

In a private chat every text is a question. In a group the bot answers only when its @username is
mentioned (the mention is cut from the question), when the message replies to one of its messages, or
for a command that names it or no bot; service messages (members joining, titles changing) and
"/start@otherbot" get no reply.
"""
from __future__ import annotations

from typing import Any

from bot import commands

GROUP_TYPES = {"group", "supergroup"}


def question_for_bot(message: dict[str, Any], username: str | None, bot_user_id: int | None) -> str | None:
    """The text to handle (mention removed), or None when the message is not for this bot."""
    text = message.get("text") or message.get("caption") or ""
    if not isinstance(text, str):
        return None
    chat = message.get("chat") or {}
    if chat.get("type") not in GROUP_TYPES:
        return text.strip()  # a private chat: everything is for us (no text gets the "send text" hint)
    if not text.strip():
        return None  # service messages (new_chat_members, pinned_message…) and bare media in groups
    command = commands.parse(text)
    if command is not None:
        return text.strip() if commands.addressed_to(command, username) else None
    mentioned, stripped = _mentions(message, text, username, bot_user_id)
    if mentioned:
        return stripped
    reply = message.get("reply_to_message") or {}
    author = reply.get("from") or {}
    if bot_user_id is not None and author.get("id") == bot_user_id:
        return text.strip()
    return None


def _mentions(message: dict, text: str, username: str | None, bot_user_id: int | None) -> tuple[bool, str]:
    entities = message.get("entities") or message.get("caption_entities") or []
    spans: list[tuple[int, int]] = []
    utf16 = text.encode("utf-16-le")  # entity offsets count UTF-16 code units
    for entity in entities:
        if not isinstance(entity, dict):
            continue
        start, length = int(entity.get("offset", 0)), int(entity.get("length", 0))
        piece = utf16[2 * start:2 * (start + length)].decode("utf-16-le", errors="ignore")
        if entity.get("type") == "mention" and username and piece.lower() == "@" + username.lower():
            spans.append((start, start + length))
        elif entity.get("type") == "text_mention" and bot_user_id is not None and \
                (entity.get("user") or {}).get("id") == bot_user_id:
            spans.append((start, start + length))
    if not spans:
        return False, text.strip()
    for start, end in sorted(spans, reverse=True):
        utf16 = utf16[:2 * start] + utf16[2 * end:]
    return True, " ".join(utf16.decode("utf-16-le", errors="ignore").split()).strip(" ,:")
