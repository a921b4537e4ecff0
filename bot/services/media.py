"""Product photos kept: downloaded in the background, checked by content, stored by unique id.

Registration only stores the Telegram file id; this worker polls the `photos` table for rows
without a local file and fetches them, so the artisan never waits for a download. A failed
download counts an attempt and is retried later (exponential backoff, see `due`); a file that is
not an image or too big gets a sentinel in `download_attempts` and is never tried again. The
file id is never touched, so nothing is lost whatever happens here.

A kept file is also judged (bot/services/photo_quality.py): its perceptual hash, a match with
another artisan's photo, and a problem worth a retake hint are written with the file name in
the same transaction; the hints go out after the round, through the `hints` callback.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import ColumnElement, and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Bot
from telegram.error import BadRequest, TelegramError

from bot.services import photo_quality as pq
from bot.services.photo_match import find_similar
from bot.storage.models import Photo, utcnow

log = logging.getLogger(__name__)

MAX_DOWNLOAD = 20 * 1024 * 1024  # the Bot API's getFile limit
MAX_ATTEMPTS = 12  # tries at 0, 1, 3, 7 … 2047 minutes: about a day and a half of failures
RETRY_BASE = timedelta(minutes=1)
# Sentinels in download_attempts (>= MAX_ATTEMPTS, so the worker never picks the row again).
NOT_AN_IMAGE = 1000
TOO_BIG = 1001
BATCH = 20
POLL_SECONDS = 3.0
EXTENSIONS = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
_SAFE_ID = re.compile(r"^[A-Za-z0-9_-]{1,100}$")
Hints = Callable[[list[int]], Awaitable[None]]


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


def judge(data: bytes | None) -> pq.Verdict:
    """The photo's verdict; never raises, so one odd file cannot stall the worker."""
    try:
        return pq.judge(data) if data is not None else pq.Verdict(None, None, None)
    except Exception:
        log.exception("judging a photo failed")
        return pq.Verdict(None, None, None)


def read_kept(path: Path) -> bytes | None:
    with suppress(OSError):
        return path.read_bytes()
    return None


class PhotoWorker:
    """Downloads photos whose `local_path` is empty; `run_once` is one bounded round."""

    def __init__(
        self,
        bot: Bot,
        sessions: async_sessionmaker[AsyncSession],
        media_dir: Path,
        active: Callable[[], bool] = lambda: True,
        hints: Hints | None = None,
    ) -> None:
        self.bot = bot
        self.sessions = sessions
        self.media_dir = media_dir
        self.active = active  # False while the bot is not running: failures then don't count
        self.hints = hints  # sends retake hints for these photo ids (after the commit)
        self.started = utcnow()
        self._lock = asyncio.Lock()
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._loop(), name="photo_downloads")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    def kick(self) -> None:
        """Look for new photos now rather than at the next poll."""
        self._wake.set()

    async def _loop(self) -> None:
        while True:
            if not self.active():  # starting (the backlog follows at once) or stopping
                await asyncio.sleep(0.2)
                continue
            outcome = Outcome()
            try:
                outcome = await self.run_once()
            except Exception:
                log.exception("photo download round failed")
            if outcome.picked == BATCH and not outcome.failed:
                continue  # a backlog: keep going
            with suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), POLL_SECONDS)
            self._wake.clear()

    async def run_once(self, now: datetime | None = None) -> Outcome:
        """Fetch the oldest due photos; stop the round at the first failure of Telegram.

        Retake hints go out after the round, outside the lock: a slow Telegram delays them,
        not the next round's downloads.
        """
        outcome = await self._round(now)
        if outcome.hints and self.hints is not None:
            try:
                await self.hints(outcome.hints)
            except Exception:
                log.exception("retake hints failed")
        return outcome

    async def _round(self, now: datetime | None) -> Outcome:
        async with self._lock:
            outcome = Outcome()
            async with self.sessions() as session:
                photos = (
                    await session.scalars(
                        select(Photo)
                        .where(Photo.local_path.is_(None), due(now or utcnow(), self.started))
                        .order_by(Photo.created_at, Photo.id)
                        .limit(BATCH)
                    )
                ).all()
            outcome.picked = len(photos)
            for photo in photos:
                if not await self._fetch(photo, outcome):
                    break
            return outcome

    async def _fetch(self, photo: Photo, outcome: Outcome) -> bool:
        """Download one photo; False when Telegram itself seems to be failing."""
        unique_id = photo.file_unique_id
        if not _SAFE_ID.match(unique_id):
            await self._give_up(photo, NOT_AN_IMAGE, "unexpected file_unique_id", outcome)
            return True
        known = await asyncio.to_thread(find_stored, self.media_dir, unique_id)
        if known is not None:
            data = await asyncio.to_thread(read_kept, self.media_dir / known)
            await self._stored(photo, known, outcome, await asyncio.to_thread(judge, data))
            return True
        try:
            file = await self.bot.get_file(photo.file_id)
            if (file.file_size or 0) > MAX_DOWNLOAD:
                await self._give_up(photo, TOO_BIG, "larger than 20 MB", outcome)
                return True
            data = bytes(await file.download_as_bytearray())
        except BadRequest as exc:
            if "too big" in exc.message.lower():
                await self._give_up(photo, TOO_BIG, "larger than 20 MB", outcome)
            else:  # e.g. a file id Telegram no longer knows: this file only, not all of them
                await self._failed(photo, exc, outcome)
            return True
        except (TelegramError, RuntimeError) as exc:
            if self.active():
                await self._failed(photo, exc, outcome)
            return False
        kind = sniff(data)
        if kind is None or len(data) > MAX_DOWNLOAD:
            reason = "not an image" if kind is None else "larger than 20 MB"
            await self._give_up(photo, NOT_AN_IMAGE if kind is None else TOO_BIG, reason, outcome)
            return True
        name = await asyncio.to_thread(store, self.media_dir, unique_id, kind, data)
        await self._stored(photo, name, outcome, await asyncio.to_thread(judge, data))
        return True

    async def _stored(
        self, photo: Photo, name: str, outcome: Outcome, verdict: pq.Verdict
    ) -> None:
        mime = EXTENSIONS[name.rsplit(".", 1)[1]]
        problem = verdict.problem.value if verdict.problem else None
        values = {
            "local_path": name,
            "mime_type": mime,
            "phash": verdict.phash,
            "quality": problem,
        }
        if await self._update(photo, match=verdict.phash, **values):
            outcome.stored += 1
            if problem is not None:
                outcome.hints.append(photo.id)
            return
        # The row went meanwhile (photos replaced, or the artisan deleted their data): keep no
        # file that no row refers to.
        async with self.sessions() as session:
            used = await session.scalar(select(Photo.id).where(Photo.local_path == name).limit(1))
        if used is None:
            await asyncio.to_thread((self.media_dir / name).unlink, missing_ok=True)

    async def _failed(self, photo: Photo, exc: Exception, outcome: Outcome) -> None:
        attempts = photo.download_attempts + 1
        await self._update(photo, download_attempts=attempts)
        outcome.failed += 1
        final = " (giving up; the file id is kept)" if attempts >= MAX_ATTEMPTS else ""
        log.warning("photo %s: download attempt %s failed: %s%s", photo.id, attempts, exc, final)

    async def _give_up(self, photo: Photo, sentinel: int, reason: str, outcome: Outcome) -> None:
        await self._update(photo, download_attempts=sentinel)
        outcome.rejected += 1
        log.warning(
            "photo %s of submission %s rejected: %s", photo.id, photo.submission_id, reason
        )

    async def _update(self, photo: Photo, match: str | None = None, **values: object) -> bool:
        """Change the row if it is still there and still without a file; with `match` (a
        perceptual hash), also record another artisan's photo that looks the same."""
        async with self.sessions() as session, session.begin():
            if match is not None:
                values["similar_to"] = await find_similar(session, photo, match)
            result = await session.execute(
                update(Photo)
                .where(Photo.id == photo.id, Photo.local_path.is_(None))
                .values(**values)
            )
        return bool(getattr(result, "rowcount", 0))
