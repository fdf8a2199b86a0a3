"""ngvh's channels: Telegram, Zalo Bot, Zalo Official Account and a web chat behind one FastAPI app."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

    from ngvh.config import Settings

__all__ = ["create_app"]


def create_app(settings: "Settings", core: Any, **kwargs: Any) -> "FastAPI":
    from bot.app import create_app as _create_app

    return _create_app(settings, core, **kwargs)
