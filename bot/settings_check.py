"""Start-up checks: refuse settings that would expose an unauthenticated route or a guessable secret."""
from __future__ import annotations

import re

from bot.security import valid_secret_token
from ground.config import Settings

MIN_SECRET_CHARS = 12
MIN_DISTINCT_CHARS = 6  # "aaaaaaaaaaaa" and "abababababab" are long and still guessable
MAX_RUN = 4  # the same character more than this many times in a row
# words copied from examples and never replaced
_PLACEHOLDER = re.compile(r"secret|token|changeme|change[-_]?me|change[-_]?this|password|passwd|example|placeholder|"
                          r"your[-_ ].*[-_ ]?here|^admin$|^xxx", re.IGNORECASE)


class ConfigError(RuntimeError):
    """Settings that would make the service unsafe or unable to work; raised before it starts."""


def weak_secret(value: str | None) -> str | None:
    """Why value is too weak to be a secret, or None when it is fine."""
    if value is None or not value.strip():
        return "empty"
    value = value.strip()
    if len(value) < MIN_SECRET_CHARS:
        return f"shorter than {MIN_SECRET_CHARS} characters"
    if len(set(value)) < MIN_DISTINCT_CHARS:
        return f"fewer than {MIN_DISTINCT_CHARS} different characters"
    if re.search(rf"(.)\1{{{MAX_RUN},}}", value):
        return "a character repeated many times"
    if _PLACEHOLDER.search(value):
        return "a placeholder word (secret, token, changeme, your-…-here…)"
    return None


def check_settings(settings: Settings, polling: bool = False) -> None:
    """Raise ConfigError naming every problem at once."""
    problems = []
    if settings.admin_token is not None and (why := weak_secret(settings.admin_token)):
        problems.append(
            f"NGVH_ADMIN_TOKEN is too weak ({why}): set a random value (e.g. `openssl rand -hex 32`) "
            "or remove the variable to disable /admin"
        )
    for enabled, name, value in (
        (settings.telegram_token and not polling, "NGVH_TELEGRAM_SECRET", settings.telegram_secret),
        (settings.zalo_bot_token and not polling, "NGVH_ZALO_BOT_SECRET", settings.zalo_bot_secret),
    ):
        if not enabled:
            continue
        if not valid_secret_token(value):
            problems.append(f"{name} must be 12-256 characters of A-Z a-z 0-9 _ - (or use --polling)")
        elif why := weak_secret(value):
            problems.append(f"{name} is too weak ({why}): use `openssl rand -hex 24`")
    if settings.zalo_oa_app_id:
        if why := weak_secret(settings.zalo_oa_secret_key):
            problems.append(f"NGVH_ZALO_OA_SECRET_KEY (the OA secret key that signs webhooks) is required with "
                            f"NGVH_ZALO_OA_APP_ID and must not be weak ({why})")
        if not settings.zalo_oa_access_token and not (settings.zalo_oa_refresh_token and settings.zalo_oa_app_secret):
            problems.append("Zalo OA needs NGVH_ZALO_OA_ACCESS_TOKEN or NGVH_ZALO_OA_REFRESH_TOKEN + NGVH_ZALO_OA_APP_SECRET")
    if problems:
        raise ConfigError("; ".join(problems))
