"""The durable intake: every channel stores a job here before it acknowledges; workers take jobs from it."""
from __future__ import annotations

from bot.intake.base import LEASE_SECONDS, Intake, Job, JobKind
from ground.config import Settings

__all__ = ["Intake", "Job", "JobKind", "open_intake"]


def open_intake(settings: Settings, lease: float = LEASE_SECONDS) -> Intake:
    """Redis Streams when NGVH_REDIS_URL is set, else SQLite (WAL) under NGVH_DATA_DIR/state."""
    if settings.redis_url:
        from bot.intake.redis_streams import RedisIntake

        return RedisIntake(settings.redis_url, lease=lease)
    from bot.intake.sqlite import SqliteIntake

    return SqliteIntake(settings.state_path / "intake.sqlite3", lease=lease)
