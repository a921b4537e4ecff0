"""Settings from the environment or `.env` (names are an operator contract: keep them)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

TOKEN_RE = re.compile(r"^\d{3,20}:[A-Za-z0-9_-]{10,100}$")
# Telegram's alphabet for secret_token (1-256 characters); 32 makes guessing hopeless.
WEBHOOK_SECRET_RE = re.compile(r"^[A-Za-z0-9_-]{32,256}$")


def _id_list(value: object) -> list[int]:
    if value is None or value == "":
        return []
    if isinstance(value, int):
        return [value]
    if isinstance(value, list | tuple):
        return [int(v) for v in value]
    return [int(part) for part in str(value).replace(";", ",").split(",") if part.strip()]


class Settings(BaseSettings):
    """Everything the bot reads from its environment."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # Empty only for the terminal commands that touch the database alone (export, stats, …);
    # running the bot requires it (bot/__main__.py).
    telegram_bot_token: str = Field(default="", repr=False)
    telegram_api_url: str = "https://api.telegram.org"
    database_url: str = "sqlite+aiosqlite:///data/odop.db"
    media_dir: Path = Path("data/media")
    admin_ids: Annotated[list[int], NoDecode] = []
    reviewer_ids: Annotated[list[int], NoDecode] = []
    default_locale: str = "hi"
    webhook_url: str | None = None
    webhook_secret: str | None = Field(default=None, repr=False, validate_default=True)
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8080
    broadcast_rate: float = Field(default=25.0, gt=0)
    broadcast_inflight: int | None = Field(default=None, ge=1, le=64)
    review_lease_minutes: int = Field(default=30, gt=0)
    reminder_after_hours: float = Field(default=24.0, gt=0)
    districts_csv: Path = Path(__file__).resolve().parent.parent / "data" / "odop_districts.csv"
    pincodes_csv: Path = Path(__file__).resolve().parent.parent / "data" / "up_pincodes.csv"
    offices_csv: Path = Path(__file__).resolve().parent.parent / "data" / "district_offices.csv"
    crafts_csv: Path = Path(__file__).resolve().parent.parent / "data" / "crafts.csv"
    # Public URL of MEDIA_DIR for marketplace catalogues; unset: relative photo paths.
    media_base_url: str | None = None
    log_level: str = "INFO"
    # "fast": bot/storage/sqlite_driver.py; "stock": SQLAlchemy's own aiosqlite adapter, the way
    # back should a SQLAlchemy or aiosqlite upgrade break the fast one.
    sqlite_driver: Literal["fast", "stock"] = "fast"
    # Processes judging kept photos (bot/workers/judging.py); 0: a thread of the bot instead.
    photo_processes: int = Field(default=1, ge=0, le=8)

    @field_validator("telegram_bot_token")
    @classmethod
    def _token_shape(cls, value: str) -> str:
        value = value.strip()
        if value and not TOKEN_RE.match(value):
            raise ValueError("malformed token (expected digits:secret, as given by @BotFather)")
        return value

    @field_validator("admin_ids", "reviewer_ids", mode="before")
    @classmethod
    def _ids(cls, value: object) -> list[int]:
        return _id_list(value)

    @field_validator("telegram_api_url")
    @classmethod
    def _strip_slash(cls, value: str) -> str:
        return value.rstrip("/")

    @field_validator(
        "webhook_url", "webhook_secret", "broadcast_inflight", "media_base_url", mode="before"
    )
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("webhook_secret")
    @classmethod
    def _webhook_secret(cls, value: str | None, info: ValidationInfo) -> str | None:
        """Webhook mode needs a secret: without it anyone reaching the URL can forge updates."""
        if info.data.get("webhook_url") and not (value and WEBHOOK_SECRET_RE.match(value)):
            raise ValueError(
                "webhook mode (WEBHOOK_URL set) needs WEBHOOK_SECRET of at least 32 characters "
                "from A-Z a-z 0-9 _ - (e.g. the output of: openssl rand -hex 32)"
            )
        return value

    @field_validator("default_locale")
    @classmethod
    def _locale(cls, value: str) -> str:
        if value not in ("hi", "en"):
            raise ValueError("DEFAULT_LOCALE must be 'hi' or 'en'")
        return value
