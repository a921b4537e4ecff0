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
from collections.abc import Awaitable, Callable
from contextlib import suppress
from datetime import datetime
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Bot
from telegram.error import BadRequest, TelegramError

from bot.services import photo_quality as pq
from bot.services.media import (
    BATCH,
    EXTENSIONS,
    MAX_ATTEMPTS,
    MAX_DOWNLOAD,
    NOT_AN_IMAGE,
    POLL_SECONDS,
    SAFE_ID,
    TOO_BIG,
    Outcome,
    due,
    find_stored,
    judge,
    read_kept,
    sniff,
    store,
)  # fmt: skip
from bot.services.photo_match import find_similar
from bot.storage.models import Photo, utcnow

log = logging.getLogger(__name__)
Hints = Callable[[list[int]], Awaitable[None]]


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
        if not SAFE_ID.match(unique_id):
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
