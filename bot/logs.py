"""Structured JSON logs that never carry a secret.

Secrets leak through URLs more than through our own messages (httpx logs `.../bot<TOKEN>/sendMessage`),
so redaction runs on the final line: configured secret values and anything shaped like a bot token.
"""
from __future__ import annotations

import json
import logging
import re
import sys
import time
from collections.abc import Iterable

from ground.config import Settings

_URL_CREDENTIALS = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@:\"']*(?::[^/\s@\"']*)?@")  # scheme://user:pass@
_TOKEN_SHAPES = [
    re.compile(r"bot\d{5,}:[A-Za-z0-9_-]{20,}"),  # Telegram/Zalo Bot token inside an API URL
    re.compile(r"\b\d{5,}:[A-Za-z0-9_-]{30,}\b"),  # the same token on its own
    re.compile(r"(?i)(access_token|refresh_token|secret_key|secret_token)([\"']?\s*[:=]\s*[\"']?)[^\s\"'&,}]+"),
]
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime", "color_message"}


def secret_values(settings: Settings) -> list[str]:
    names = (
        "telegram_token", "telegram_secret", "zalo_bot_token", "zalo_bot_secret", "zalo_oa_secret_key",
        "zalo_oa_app_secret", "zalo_oa_access_token", "zalo_oa_refresh_token", "admin_token", "llm_api_key",
    )
    values = [getattr(settings, n, None) for n in names]
    for url in (settings.redis_url, settings.chroma_url, settings.llm_base_url, settings.public_url):
        if url and "@" in url:  # redis://:password@host, http://user:password@chroma:8000
            values.append(url.split("@", 1)[0].rsplit(":", 1)[-1])
    return [v for v in values if v and len(v) >= 4]


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """text without configured secrets, bot tokens, token parameters or credentials inside any URL."""
    text = _URL_CREDENTIALS.sub(lambda m: m.group(1) + "***@", text)
    for value in sorted(set(secrets), key=len, reverse=True):
        text = text.replace(value, "***")
    text = _TOKEN_SHAPES[0].sub("bot***", text)
    text = _TOKEN_SHAPES[1].sub("***", text)
    return _TOKEN_SHAPES[2].sub(lambda m: f"{m.group(1)}{m.group(2)}***", text)


class JsonFormatter(logging.Formatter):
    def __init__(self, secrets: Iterable[str] = ()):
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def add_secret(self, value: str | None) -> None:
        # refreshed Zalo OA tokens are secrets too, and they appear after start-up
        if value and len(value) >= 4 and value not in self.secrets:
            self.secrets.append(value)

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, str | int | float | bool | None] = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for key, value in record.__dict__.items():  # extra={...} fields
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value if isinstance(value, (str, int, float, bool, type(None))) else repr(value)
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return redact(json.dumps(entry, ensure_ascii=False), self.secrets)


_formatter: JsonFormatter | None = None


def configure_logging(settings: Settings, level: int = logging.INFO, stream=None) -> JsonFormatter:
    """Route every logger (ours, uvicorn's, httpx's, PTB's) through one JSON handler on stderr."""
    global _formatter
    _formatter = JsonFormatter(secret_values(settings))
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(_formatter)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logger = logging.getLogger(name)
        logger.handlers[:] = []
        logger.propagate = True
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per API call is noise at INFO
    return _formatter


def register_secret(value: str | None) -> None:
    if _formatter is not None:
        _formatter.add_secret(value)
