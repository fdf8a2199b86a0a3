"""The channel registry: each channel says which settings turn it on and how its adapter is built, opened, closed."""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from bot.adapters.base import ChannelAdapter
from bot.constants import ZALO_OA_TOKEN_FILE
from bot.coordination import Coordination
from bot.logs import redact
from bot.options import BotOptions
from ground.config import Settings

log = logging.getLogger("ngvh.bot")

# (settings, coordination, options) → the adapter; imported lazily so an unused channel costs nothing
Factory = Callable[[Settings, Coordination, BotOptions], ChannelAdapter]


@dataclass(frozen=True)
class Channel:
    name: str
    enabled: Callable[[Settings], bool]
    build: Factory


CHANNELS: dict[str, Channel] = {}


def register_channel(name: str, enabled: Callable[[Settings], bool]) -> Callable[[Factory], Factory]:
    def decorator(factory: Factory) -> Factory:
        CHANNELS[name] = Channel(name, enabled, factory)
        return factory

    return decorator


def build_adapters(settings: Settings, coordination: Coordination, options: BotOptions) -> dict[str, ChannelAdapter]:
    """One adapter per channel whose credentials are set."""
    return {name: channel.build(settings, coordination, options) for name, channel in CHANNELS.items() if channel.enabled(settings)}


async def open_adapters(adapters: dict[str, ChannelAdapter], secrets: list[str]) -> list[str]:
    """Open each adapter's client for sending; the names of those that failed (logged, secrets redacted)."""
    failed = []
    for name, adapter in adapters.items():
        try:
            await adapter.open()
        except Exception as exc:
            log.error("channel client failed to open", extra={"channel": name, "error": redact(str(exc), secrets)})
            failed.append(name)
    return failed


async def close_adapters(adapters: dict[str, ChannelAdapter]) -> None:
    """Close every adapter; one that fails to close is logged and the others still close."""
    for name, adapter in adapters.items():
        try:
            await adapter.stop()
        except Exception as exc:
            log.warning("channel close failed", extra={"channel": name, "error": str(exc)})


@register_channel("telegram", lambda s: bool(s.telegram_token))
def _telegram(settings: Settings, _coordination: Coordination, options: BotOptions) -> ChannelAdapter:
    from bot.adapters.telegram import TelegramAdapter

    return TelegramAdapter(settings.telegram_token or "", settings.telegram_secret, settings.telegram_api_base, options.send_timeout)


@register_channel("zalo-bot", lambda s: bool(s.zalo_bot_token))
def _zalo_bot(settings: Settings, _coordination: Coordination, options: BotOptions) -> ChannelAdapter:
    from bot.adapters.zalo_bot import ZaloBotAdapter

    return ZaloBotAdapter(settings.zalo_bot_token or "", settings.zalo_bot_secret, settings.zalo_bot_api_base, options.send_timeout)


@register_channel("zalo-oa", lambda s: bool(s.zalo_oa_app_id))
def _zalo_oa(settings: Settings, coordination: Coordination, options: BotOptions) -> ChannelAdapter:
    from bot.adapters.zalo_oa import OATokenManager, ZaloOAAdapter

    tokens = OATokenManager(
        settings.state_path / ZALO_OA_TOKEN_FILE,
        settings.zalo_oa_app_id or "",
        settings.zalo_oa_app_secret,
        settings.zalo_oa_oauth_base,
        settings.zalo_oa_access_token,
        settings.zalo_oa_refresh_token,
        coordination,
    )
    return ZaloOAAdapter(settings.zalo_oa_app_id or "", settings.zalo_oa_secret_key or "", settings.zalo_oa_api_base, tokens, options.send_timeout)
