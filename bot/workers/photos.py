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
from dataclasses import dataclass
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
    sniff,
    store,
)  # fmt: skip
from bot.services.photo_match import find_similar
from bot.storage.db import Rank, gate_rank
from bot.storage.models import Photo, utcnow
from bot.workers.judging import Judges
from bot.workers.pacing import sleep_unless

log = logging.getLogger(__name__)
# Downloads at once: a round of BATCH takes a few round trips to Telegram instead of BATCH.
PARALLEL = 4
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
        processes: int = 1,
    ) -> None:
        self.bot = bot
        self.sessions = sessions
        self.media_dir = media_dir
        self.active = active  # False while the bot is not running: failures then don't count
        self.hints = hints  # sends retake hints for these photo ids (after the commit)
        self.judges = Judges(processes)  # bot/workers/judging.py; 0 processes: a thread
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
        await self.judges.stop()

    def kick(self) -> None:
        """Look for new photos now rather than at the next poll."""
        self._wake.set()

    async def _loop(self) -> None:
        # A round's two short transactions go before new updates (not before an album's next
        # part): photos are then judged while the artisans answer, in the judging process,
        # instead of all after them (docs/benchmarks.md, eleventh round).
        gate_rank.set(Rank.BACKGROUND)
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
            await sleep_unless(self._wake, POLL_SECONDS)
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
        """Download up to BATCH photos, PARALLEL at a time, then record them all in one
        transaction (one wait for SQLite's writer instead of one per photo)."""
        async with self._lock:
            async with self.sessions() as session:
                photos = (
                    await session.scalars(
                        select(Photo)
                        .where(Photo.local_path.is_(None), due(now or utcnow(), self.started))
                        .order_by(Photo.created_at, Photo.id)
                        .limit(BATCH)
                    )
                ).all()
            failing = asyncio.Event()  # Telegram itself seems to be failing: start no more
            slots = asyncio.Semaphore(PARALLEL)

            async def fetch(photo: Photo) -> _Result | None:
                async with slots:
                    if failing.is_set():
                        return None
                    result = await self._fetch(photo)
                    if result.telegram_failed:
                        failing.set()
                    return result

            results = [r for r in await asyncio.gather(*map(fetch, photos)) if r is not None]
            outcome = await self._record(results)
            outcome.picked = len(photos)
            return outcome

    async def _fetch(self, photo: Photo) -> _Result:
        """Download and judge one photo; nothing is written here."""
        unique_id = photo.file_unique_id
        if not SAFE_ID.match(unique_id):
            return _Result.rejected(photo, NOT_AN_IMAGE, "unexpected file_unique_id")
        known = await asyncio.to_thread(find_stored, self.media_dir, unique_id)
        if known is not None:
            verdict = await self.judges.judge(self.media_dir / known)
            return _Result.stored(photo, known, verdict)
        try:
            file = await self.bot.get_file(photo.file_id)
            if (file.file_size or 0) > MAX_DOWNLOAD:
                return _Result.rejected(photo, TOO_BIG, "larger than 20 MB")
            data = bytes(await file.download_as_bytearray())
        except BadRequest as exc:
            if "too big" in exc.message.lower():
                return _Result.rejected(photo, TOO_BIG, "larger than 20 MB")
            # e.g. a file id Telegram no longer knows: this file only, not all of them
            return _Result.failure(photo, exc, counts=True)
        except (TelegramError, RuntimeError) as exc:
            result = _Result.failure(photo, exc, counts=self.active())
            result.telegram_failed = True
            return result
        kind = sniff(data)
        if kind is None:
            return _Result.rejected(photo, NOT_AN_IMAGE, "not an image")
        if len(data) > MAX_DOWNLOAD:
            return _Result.rejected(photo, TOO_BIG, "larger than 20 MB")
        name = await asyncio.to_thread(store, self.media_dir, unique_id, kind, data)
        return _Result.stored(photo, name, await self.judges.judge(self.media_dir / name))

    async def _record(self, results: list[_Result]) -> Outcome:
        """Write every result in one transaction; a row changes only if it is still there and
        still without a file. A kept file that no row refers to any more (photos replaced, or
        the artisan deleted their data meanwhile) is removed."""
        outcome = Outcome()
        unused: list[str] = []
        async with self.sessions() as session, session.begin():
            for result in results:
                if result.values is None:  # a failure while the bot was not running
                    continue
                values = dict(result.values)
                if result.phash is not None:
                    values["similar_to"] = await find_similar(session, result.photo, result.phash)
                changed = await session.execute(
                    update(Photo)
                    .where(Photo.id == result.photo.id, Photo.local_path.is_(None))
                    .values(**values)
                )
                if result.kept is None:
                    result.count(outcome)
                elif getattr(changed, "rowcount", 0):
                    outcome.stored += 1
                    if values.get("quality") is not None:
                        outcome.hints.append(result.photo.id)
                else:
                    unused.append(result.kept)
            if unused:
                used = set(
                    await session.scalars(
                        select(Photo.local_path).where(Photo.local_path.in_(unused))
                    )
                )
                unused = [name for name in unused if name not in used]
        for name in unused:
            await asyncio.to_thread((self.media_dir / name).unlink, missing_ok=True)
        return outcome


@dataclass
class _Result:
    """What one download came to: the values for its row (None: nothing to write)."""

    photo: Photo
    values: dict[str, object] | None
    kept: str | None = None  # the stored file's name
    phash: str | None = None  # look for another artisan's look-alike photo by it
    telegram_failed: bool = False
    count: Callable[[Outcome], None] = lambda _outcome: None

    @classmethod
    def stored(cls, photo: Photo, name: str, verdict: pq.Verdict) -> _Result:
        values: dict[str, object] = {
            "local_path": name,
            "mime_type": EXTENSIONS[name.rsplit(".", 1)[1]],
            "phash": verdict.phash,
            "quality": verdict.problem.value if verdict.problem else None,
        }
        return cls(photo, values, kept=name, phash=verdict.phash)

    @classmethod
    def failure(cls, photo: Photo, exc: Exception, counts: bool) -> _Result:
        """A failed try; it counts towards MAX_ATTEMPTS only while the bot is running."""
        attempts = photo.download_attempts + 1

        def count(outcome: Outcome) -> None:
            outcome.failed += 1
            final = " (giving up; the file id is kept)" if attempts >= MAX_ATTEMPTS else ""
            log.warning(
                "photo %s: download attempt %s failed: %s%s", photo.id, attempts, exc, final
            )

        return cls(photo, {"download_attempts": attempts} if counts else None, count=count)

    @classmethod
    def rejected(cls, photo: Photo, sentinel: int, reason: str) -> _Result:
        def count(outcome: Outcome) -> None:
            outcome.rejected += 1
            log.warning(
                "photo %s of submission %s rejected: %s", photo.id, photo.submission_id, reason
            )

        return cls(photo, {"download_attempts": sentinel}, count=count)
