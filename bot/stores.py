"""The one place that builds the service's stores from Settings: the intake, coordination, conversation state.

Redis when NGVH_REDIS_URL is set (every replica and worker machine shares it); else SQLite files under
NGVH_DATA_DIR/state, shared by the serving process and its worker processes on one machine (memory would
give each process its own pacing, /nguon and conversations).
"""
from __future__ import annotations

from bot.conversations.base import ConversationStore
from bot.coordination.base import Coordination
from bot.intake.base import LEASE_SECONDS, Intake
from ground.config import Settings


def open_intake(settings: Settings, lease: float = LEASE_SECONDS) -> Intake:
    """Redis Streams, or SQLite (WAL) in state/intake.sqlite3."""
    if settings.redis_url:
        from bot.intake.redis import RedisIntake

        return RedisIntake(settings.redis_url, lease=lease)
    from bot.intake.sqlite import SqliteIntake

    return SqliteIntake(settings.state_path / "intake.sqlite3", lease=lease)


def open_coordination(settings: Settings) -> Coordination:
    """Redis, or SQLite in state/coordination.sqlite3."""
    if settings.redis_url:
        from bot.coordination.redis import RedisCoordination

        return RedisCoordination(settings.redis_url)
    from bot.coordination.sqlite import SqliteCoordination

    return SqliteCoordination(settings.state_path / "coordination.sqlite3")


def open_conversations(settings: Settings) -> ConversationStore:
    """Redis (a key per chat with a TTL), or SQLite in state/conversations.sqlite3."""
    if settings.redis_url:
        from bot.conversations.redis import RedisConversationStore

        return RedisConversationStore(settings.redis_url, settings.conversation_ttl, settings.conversation_max_bytes)
    from bot.conversations.sqlite import SqliteConversationStore

    return SqliteConversationStore(settings.state_path / "conversations.sqlite3", settings.conversation_ttl,
                                   settings.conversation_max_bytes, settings.conversation_max_count)
