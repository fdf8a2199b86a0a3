"""Following an agency from a chat: /theodoi, /huytheodoi on Telegram; "theo dõi …", "hủy theo dõi …" on Zalo.

"/theodoi Sở Ngoại vụ" (optionally with a province: "/theodoi SNgV Cao Bằng") subscribes the chat;
"/theodoi" alone lists its subscriptions; "/huytheodoi [cơ quan]" removes one agency's, or all. The agency is
read the way task questions read agencies (ground.agencies: no diacritics needed, abbreviations such as
"SNgV", "Sở VHTTDL"). On Zalo the same words come without the slash; "theo dõi …" is a command only when an
agency follows it, so a question that starts with "theo dõi" is still answered.
"""
from __future__ import annotations

import asyncio
import re
from typing import TYPE_CHECKING

from bot.models import InboundMessage
from bot.reminders import messages
from bot.reminders.store import Subscription, SubscriptionStore
from ground import vi
from ground.agencies import agency_matches, clean_name, find_agencies
from ground.places import find_provinces

if TYPE_CHECKING:
    from bot.commands import CommandContext, CommandRegistry

FOLLOW, UNFOLLOW = "theodoi", "huytheodoi"
REPLY_WINDOW_CHANNELS = frozenset({"zalo-oa"})  # where a reminder must answer the user's last message
_UNFOLLOW_WORDS = re.compile(r"^\s*(?:huy|bo|ngung|thoi)\s+theo\s+doi\b[\s:,.-]*", re.IGNORECASE)
_FOLLOW_WORDS = re.compile(r"^\s*theo\s+doi\b[\s:,.-]*", re.IGNORECASE)
_AGENCY_START_SLACK = 2  # characters allowed before the agency ("- Sở …", "“Sở …")


def parse_target(text: str) -> tuple[str, str | None] | None:
    """'Sở Ngoại vụ Cao Bằng' → ('Sở Ngoại vụ', 'Cao Bằng'); None when no agency leads the text."""
    text = " ".join(text.split())
    mentions = find_agencies(text)
    if not mentions or mentions[0].start > _AGENCY_START_SLACK:
        return None
    first = mentions[0]
    agency = first.canonical if first.known else clean_name(first.raw)
    provinces = find_provinces(text)
    return (agency, provinces[0] if provinces else None) if agency else None


def word_command(text: str) -> tuple[str, str] | None:
    """"theo dõi Sở Ngoại vụ" → ("theodoi", "Sở Ngoại vụ"); "hủy theo dõi" → ("huytheodoi", ""); else None."""
    folded = vi.fold_same_length(text or "")
    if m := _UNFOLLOW_WORDS.match(folded):
        return UNFOLLOW, text[m.end():].strip()
    if m := _FOLLOW_WORDS.match(folded):
        rest = text[m.end():].strip()
        if not rest or parse_target(rest) is not None:
            return FOLLOW, rest
    return None


class Follow:
    """One message's view of its chat's subscriptions: what /theodoi and /huytheodoi do, as reply texts."""

    def __init__(self, store: SubscriptionStore, message: InboundMessage, days: int):
        self.store, self.message, self.days = store, message, days

    async def follow(self, args: str) -> str:
        m = self.message
        if not args.strip():
            return messages.list_text(m.channel, await asyncio.to_thread(self.store.of_chat, m.channel, m.chat_id))
        target = parse_target(args)
        if target is None:
            return messages.unknown_agency_text(m.channel, args)
        agency, province = target
        added = await asyncio.to_thread(self.store.subscribe, m.channel, m.chat_id, m.user_id, agency, province,
                                        m.is_group, m.message_id or None)
        return messages.subscribed_text(m.channel, agency, province, added, self.days)

    async def unfollow(self, args: str) -> str:
        m = self.message
        if not args.strip():
            return messages.unsubscribed_text(m.channel, await asyncio.to_thread(self.store.unsubscribe, m.channel, m.chat_id))
        target = parse_target(args)
        if target is None:
            return messages.unknown_agency_text(m.channel, args)
        agency, province = target
        subs = await asyncio.to_thread(self.store.of_chat, m.channel, m.chat_id)
        gone: list[Subscription] = []
        for sub in [s for s in subs if _same(s, agency, province)]:
            gone += await asyncio.to_thread(self.store.unsubscribe, m.channel, m.chat_id, sub.agency, sub.province)
        return messages.unsubscribed_text(m.channel, gone)


def _same(sub: Subscription, agency: str, province: str | None) -> bool:
    return agency_matches(agency, sub.agency) and (province is None or sub.province == province)


async def note_contact(store: SubscriptionStore | None, message: InboundMessage) -> None:
    """Zalo OA: remember a subscribed chat's last message (its id and time open the free reply window)."""
    if store is not None and message.channel in REPLY_WINDOW_CHANNELS and message.message_id:
        await asyncio.to_thread(store.seen, message.channel, message.chat_id, message.message_id)


def register_follow_commands(registry: CommandRegistry) -> None:
    @registry.register(FOLLOW, "follow", help="theo dõi nhắc hạn nhiệm vụ của một cơ quan, ví dụ /theodoi Sở Ngoại vụ "
                                             "(gõ /theodoi để xem các đăng ký)")
    async def follow(ctx: CommandContext, args: str) -> None:
        await ctx.reply(await ctx.follow.follow(args) if ctx.follow else messages.not_here_text())

    @registry.register(UNFOLLOW, "unfollow", help="thôi theo dõi một cơ quan, hoặc tất cả")
    async def unfollow(ctx: CommandContext, args: str) -> None:
        await ctx.reply(await ctx.follow.unfollow(args) if ctx.follow else messages.not_here_text())
