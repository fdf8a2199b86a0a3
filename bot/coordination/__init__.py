"""Coordination shared by everything that answers (dedupe, rate, pacing, small values); bot.stores opens one."""
from bot.coordination.base import Coordination

__all__ = ["Coordination"]
