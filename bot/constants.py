"""Named limits and tunables of the webhook service (one place, so tests and docs quote the same numbers)."""
from __future__ import annotations

from telegram.constants import MessageLimit

from ground.limits import MAX_QUESTION_CHARS  # noqa: F401 - one limit for channels and core
from ingest.readers import SUPPORTED_SUFFIXES

# --- message sizes ------------------------------------------------------------------------------
TELEGRAM_TEXT_LIMIT: int = MessageLimit.MAX_TEXT_LENGTH  # 4096, counted after entity parsing
ZALO_TEXT_LIMIT: int = 2000  # Zalo Bot sendMessage and Zalo OA message/cs both cap text at 2,000
QUOTE_PREVIEW_CHARS: int = 300  # quote shown under an answer; the whole passage is behind /nguon n

# --- request bodies -----------------------------------------------------------------------------
MAX_WEBHOOK_BODY: int = 1024 * 1024  # 1 MB: real updates are a few KB; bigger bodies are refused (413)
MAX_UPLOAD_BYTES: int = 20 * 1024 * 1024  # 20 MB: also the Bot API's getFile download limit
UPLOAD_SUFFIXES: frozenset[str] = frozenset(SUPPORTED_SUFFIXES)  # what ingest reads, .doc included

# --- dedupe, pacing, rate -----------------------------------------------------------------------
DEDUPE_TTL_SECONDS: int = 2 * 24 * 3600  # Telegram stops re-delivering within a day, Zalo OA within about an hour
DEDUPE_MEMORY_MAX: int = 200_000  # in-process keys kept at most (oldest dropped first)
RATE_WINDOW_SECONDS: float = 60.0  # NGVH_RATE_PER_MINUTE counts over this sliding window
TELEGRAM_PRIVATE_INTERVAL: float = 1.0  # Telegram: about one message per second in a private chat
TELEGRAM_GROUP_INTERVAL: float = 3.0  # ... and 20 messages per minute in a group
TELEGRAM_GLOBAL_INTERVAL: float = 1 / 30  # ... and about 30 messages per second over all chats
ZALO_CHAT_INTERVAL: float = 1.0  # Zalo publishes no number; one message a second per chat is safe

# --- sending ------------------------------------------------------------------------------------
SEND_ATTEMPTS: int = 5  # first try plus retries for 5xx, timeouts and 429
SEND_BACKOFF_BASE: float = 0.5  # seconds; doubled per retry, with jitter
SEND_BACKOFF_MAX: float = 8.0
SEND_TIMEOUT: float = 10.0  # seconds for one API call
RETRY_AFTER_MAX: float = 60.0  # never sleep longer than this on a 429, even if asked to
TYPING_DELAY_SECONDS: float = 1.0  # quick answers need no "typing…": it would double the API calls
TYPING_REFRESH_SECONDS: float = 4.0  # chat actions last about 5 s; refreshed every 4 s while the model works

# --- work ---------------------------------------------------------------------------------------
JOBS_PER_WORKER: int = 8  # jobs one worker process runs at once (answers run one at a time on its core)
SHUTDOWN_GRACE_SECONDS: float = 10.0
POLL_TIMEOUT_SECONDS: int = 30  # long-polling getUpdates timeout
ASK_DEADLINE_SECONDS: float = 45.0  # a web question not answered by then: 503 with Retry-After
WEB_IN_FLIGHT_MAX: int = 64  # web questions in flight per serve process; more get 503 at once
RETRY_AFTER_SECONDS: int = 5  # what a 503 asks the client to wait
WORKER_NICE: int = 10  # worker processes yield the CPU to the acknowledging process (CFS weight 110 vs 1024)

# --- input limits ---------------------------------------------------------------------------------
MAX_JSON_DEPTH: int = 32  # real updates nest about 6 deep; deeper bodies are refused before parsing
UPLOAD_QUOTA_BYTES: int = 512 * 1024 * 1024  # uploads kept (successful ingests only); oldest go first

# --- Zalo OA tokens -----------------------------------------------------------------------------
ZALO_OA_REFRESH_MARGIN: float = 15 * 60  # refresh the access token this long before it expires
ZALO_OA_INVALID_TOKEN: int = -216  # Open API error: access token invalid or expired
ZALO_OA_TOKEN_FILE: str = "zalo_oa_tokens.json"  # under NGVH_DATA_DIR/state
