"""Product photo files: checked by content, stored by unique id, retried on a schedule.

The photo worker (bot/workers/photos.py) downloads in the background; these are its rules.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import ColumnElement, and_, or_

from bot.storage.models import Photo

MAX_DOWNLOAD = 20 * 1024 * 1024  # the Bot API's getFile limit
MAX_ATTEMPTS = 12  # tries at 0, 1, 3, 7 … 2047 minutes: about a day and a half of failures
RETRY_BASE = timedelta(minutes=1)
# Sentinels in download_attempts (>= MAX_ATTEMPTS, so the worker never picks the row again).
NOT_AN_IMAGE = 1000
TOO_BIG = 1001
BATCH = 20
POLL_SECONDS = 3.0
EXTENSIONS = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
SAFE_ID = re.compile(r"^[A-Za-z0-9_-]{1,100}$")


def sniff(data: bytes) -> str | None:
    """The real image type from the first bytes (jpg, png, webp), whatever name or MIME say."""
    if data[:3] == b"\xff\xd8\xff":
        return "jpg"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


def find_stored(media_dir: Path, unique_id: str) -> str | None:
    """The stored name for this unique id, if the same file was kept before."""
    for ext in EXTENSIONS:
        name = f"{unique_id}.{ext}"
        if (media_dir / name).is_file():
            return name
    return None


def store(media_dir: Path, unique_id: str, ext: str, data: bytes) -> str:
    """Write `<unique_id>.<ext>` atomically, readable by the owner only; returns the name."""
    media_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    name = f"{unique_id}.{ext}"
    part = media_dir / f".{name}.{os.getpid()}.part"
    fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(part, media_dir / name)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return name


def due(now: datetime, started: datetime) -> ColumnElement[bool]:
    """Rows whose next try has come: try k waits (2^k - 1) minutes after max(created, started).

    Anchoring on the worker's start as well keeps a restart after a long outage from spending
    every attempt of old rows at once; no extra column is needed.
    """
    levels = []
    for k in range(MAX_ATTEMPTS):
        wait = RETRY_BASE * (2**k - 1)
        if k == 0 or now - started >= wait:
            levels.append(and_(Photo.download_attempts == k, Photo.created_at <= now - wait))
    return or_(*levels)


@dataclass
class Outcome:
    stored: int = 0
    failed: int = 0
    rejected: int = 0
    picked: int = 0
    hints: list[int] = field(default_factory=list)  # photo ids with a problem worth a retake
