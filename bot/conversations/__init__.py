"""Per-chat conversation state (follow-up context, the last answer's citations); bot.stores opens a store."""
from bot.conversations.base import ChatState, ConversationStore

__all__ = ["ChatState", "ConversationStore"]
