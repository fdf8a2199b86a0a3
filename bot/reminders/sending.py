"""One reminder pass: for each subscribed chat, claim what it is owed, send one message, record it as sent.

The claim comes first (bot.reminders.store): two passes at once — `ngvh remind` twice, or the daily pass on
two machines — never send the same (chat, task, due date) twice; a message that fails to go releases its
claims for the next pass. Messages go through each channel's paced, retried send (bot.dispatcher).

Zalo OA: an OA may message a follower without being asked only as a reply — within 48 hours of the
follower's last message, quoting that message — and gets a few such replies per message. A reminder is
sent to a Zalo OA chat only inside that window, quoting the follower's last message, at most once per
message they sent (the rest of the quota stays for answers); otherwise it is skipped and logged, its tasks
stay unclaimed, and it goes out after their next message if still due. Nothing is sent as a paid proactive
("tin chủ động") message or a broadcast.
"""
from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Protocol

from bot.adapters.base import ChannelAdapter
from bot.core import CoreRunner
from bot.models import InboundMessage
from bot.options import BotOptions
from bot.reminders.due import ChatReminder, DueTask, reminders_for
from bot.reminders.messages import MAX_DUE_LINES, reminder_text
from bot.reminders.store import SubscriptionStore
from ground.config import Settings

log = logging.getLogger("ngvh.bot.reminders")

ZALO_OA = "zalo-oa"
ZALO_OA_REPLY_WINDOW = timedelta(hours=48)


class Outbound(Protocol):
    def has(self, channel: str) -> bool: ...

    async def deliver(self, channel: str, chat_id: str, is_group: bool, text: str, reply_to: str | None) -> bool:
        """Send one reminder (split to the channel's limit); False when it finally did not go."""


class PacedSender(Protocol):
    async def send(self, adapter: ChannelAdapter, message: InboundMessage, text: str, buttons: dict | None = None) -> bool:
        """bot.dispatcher.Dispatcher.send: paced per chat and bot, retried on 429/5xx/timeouts."""


class ChannelOutbound:
    """Outbound over the channels' adapters and a paced, retried sender."""

    def __init__(self, adapters: Mapping[str, ChannelAdapter], sender: PacedSender):
        self.adapters, self.sender = adapters, sender

    def has(self, channel: str) -> bool:
        return channel in self.adapters

    async def deliver(self, channel: str, chat_id: str, is_group: bool, text: str, reply_to: str | None) -> bool:
        adapter = self.adapters[channel]
        message = InboundMessage(channel, chat_id, chat_id, reply_to or "", f"reminder:{channel}:{chat_id}", is_group=is_group)
        for part in adapter.render_text(text):
            if not await self.sender.send(adapter, message, part):
                return False
        return True


@dataclass
class PassReport:
    today: date
    dry_run: bool
    messages: list[dict] = field(default_factory=list)  # sent, or (dry run) to be sent: channel, chat_id, tasks, text
    skipped: list[dict] = field(default_factory=list)  # channel, chat_id, reason
    failed: list[dict] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"today": self.today.isoformat(), "dry_run": self.dry_run, "messages": self.messages,
                "skipped": self.skipped, "failed": self.failed}


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class ReminderPass:
    def __init__(self, store: SubscriptionStore, outbound: Outbound | None, days: int, public_url: str | None,
                 clock=_utcnow):
        self.store, self.outbound, self.days, self.public_url = store, outbound, days, public_url
        self._clock = clock
        self.owner = uuid.uuid4().hex[:16]

    async def run(self, rows: list[dict], today: date, dry_run: bool = False) -> PassReport:
        """Remind every subscribed chat of what falls due in (today, today + days] and of new plans."""
        report = PassReport(today, dry_run)
        tasks = [DueTask.from_row(r) for r in rows]
        subs = await asyncio.to_thread(self.store.all)
        if not subs:
            return report
        ingested = {t.plan_id: t.ingested_at for t in tasks}
        first_seen = await asyncio.to_thread(self.store.sightings, ingested, not dry_run)
        for chat in reminders_for(subs, tasks, first_seen, today, self.days):
            reason = self.skip_reason(chat, dry_run)
            if reason:
                report.skipped.append({"channel": chat.channel, "chat_id": chat.chat_id, "reason": reason,
                                       "tasks": len(chat.due), "new_plans": len(chat.new_plans)})
                log.info("reminder skipped", extra={"channel": chat.channel, "chat": chat.chat_id, "reason": reason,
                                                    "tasks": len(chat.due)})
                continue
            await (self._preview(chat, report) if dry_run else self._send(chat, report))
        return report

    def skip_reason(self, chat: ChatReminder, dry_run: bool) -> str | None:
        if self.outbound is not None and not self.outbound.has(chat.channel):
            return "channel not configured"
        if self.outbound is None and not dry_run:
            return "no channel to send through"
        if chat.channel == ZALO_OA:
            contact = max((s.last_contact_at for s in chat.subscriptions if s.last_contact_at), default=None)
            reminded = max((s.reminded_at for s in chat.subscriptions if s.reminded_at), default=None)
            if contact is None or self._clock() - contact > ZALO_OA_REPLY_WINDOW:
                return "zalo oa: no message from the follower in the last 48 hours (a reminder would be a paid proactive message)"
            if reminded is not None and reminded >= contact:
                return "zalo oa: already reminded since the follower's last message"
        return None

    async def _preview(self, chat: ChatReminder, report: PassReport) -> None:
        pending = set(await asyncio.to_thread(self.store.unsent, chat.channel, chat.chat_id, chat.claims))
        chat = _listed(chat.keep(pending))
        if chat:
            report.messages.append(self._entry(chat))

    async def _send(self, chat: ChatReminder, report: PassReport) -> None:
        assert self.outbound is not None
        wanted = _listed(chat)
        claims = await asyncio.to_thread(self.store.claim, chat.channel, chat.chat_id, wanted.claims, self.owner)
        mine = wanted.keep(set(claims))
        if not mine:
            return  # another pass sent (or is sending) all of it
        entry = self._entry(mine)
        try:
            ok = await self.outbound.deliver(chat.channel, chat.chat_id, chat.is_group, entry["text"], _reply_to(mine))
        except Exception:
            log.exception("reminder send raised", extra={"channel": chat.channel, "chat": chat.chat_id})
            ok = False
        if not ok:
            await asyncio.to_thread(self.store.release, chat.channel, chat.chat_id, claims, self.owner)
            report.failed.append({k: entry[k] for k in ("channel", "chat_id", "tasks", "new_plans")})
            log.warning("reminder not delivered; will be tried again", extra={"channel": chat.channel, "chat": chat.chat_id})
            return
        await asyncio.to_thread(self.store.mark_sent, chat.channel, chat.chat_id, claims, self.owner)
        await asyncio.to_thread(self.store.reminded, chat.channel, chat.chat_id)
        report.messages.append(entry)
        log.info("reminder sent", extra={"channel": chat.channel, "chat": chat.chat_id, "tasks": entry["tasks"],
                                         "new_plans": entry["new_plans"]})

    def _entry(self, chat: ChatReminder) -> dict:
        return {"channel": chat.channel, "chat_id": chat.chat_id, "tasks": len(chat.due), "new_plans": len(chat.new_plans),
                "due": [{"task": d.task.task, "plan": d.task.plan, "due": d.when.isoformat(), "key": d.task.key}
                        for d in chat.due],
                "text": reminder_text(chat, self.days, self.public_url)}


def _listed(chat: ChatReminder) -> ChatReminder:
    """What one message lists: the soonest MAX_DUE_LINES due tasks (the others wait for the next pass)."""
    return ChatReminder(chat.channel, chat.chat_id, chat.is_group, chat.subscriptions, chat.due[:MAX_DUE_LINES],
                        chat.new_plans)


def _reply_to(chat: ChatReminder) -> str | None:
    """Zalo OA: the follower's last message, which makes the reminder a (free) reply; elsewhere none."""
    if chat.channel != ZALO_OA:
        return None
    latest = max((s for s in chat.subscriptions if s.last_contact_at), key=lambda s: s.last_contact_at or datetime.min,
                 default=None)
    return latest.last_message_id if latest else None


@asynccontextmanager
async def channel_outbound(settings: Settings, core: CoreRunner, options: BotOptions | None = None):
    """The configured channels' adapters opened for sending, behind a Dispatcher's paced, retried send
    (`ngvh remind` outside the workers); closed on exit."""
    from bot.channels import build_adapters, close_adapters, open_adapters
    from bot.dispatcher import Dispatcher
    from bot.logs import secret_values
    from bot.metrics import Metrics
    from bot.stores import open_coordination

    options = options or BotOptions()
    coordination = open_coordination(settings)
    adapters = build_adapters(settings, coordination, options)
    try:
        for name in await open_adapters(adapters, secret_values(settings)):
            del adapters[name]  # a pass sends nothing through it; the next pass tries again
        dispatcher = Dispatcher(settings, adapters, core, coordination, Metrics(), options)
        yield ChannelOutbound(adapters, dispatcher)
    finally:
        await close_adapters(adapters)
        await coordination.close()

