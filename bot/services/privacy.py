"""/deletemydata: everything the bot holds about an artisan, removed.

Rows: the artisan, their submissions with photos and events, broadcast deliveries to them, and
an open dialogue (`purge_artisan`, inside the update's transaction). Files: every kept photo of
theirs, found by the rows' paths and by every photo unique id the rows and review snapshots
name, then every other orphaned photo file (photos replaced earlier leave no row to find them
by), once the transaction has committed (`erase_leftovers`). Database file: SQLite overwrites
deleted rows with zeros (`PRAGMA secure_delete`, set on every connection in bot/storage/db.py),
and a TRUNCATE checkpoint empties the WAL, whose older frames still hold the rows as they were.
Not reachable from here: copies already sent to staff chats, exported files, backups.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.services.media import EXTENSIONS
from bot.services.media_sweep import sweep_orphans
from bot.storage.models import (
    Artisan,
    Delivery,
    Dialogue,
    Event,
    HelpMessage,
    Listing,
    Photo,
    Submission,
)  # fmt: skip

log = logging.getLogger(__name__)


def _snapshot_photos(snapshot: dict[str, Any] | None) -> set[str]:
    """Photo unique ids a review snapshot names (this version's and the one before)."""
    found: set[str] = set()
    for version in ((snapshot or {}).get("fields"), (snapshot or {}).get("previous")):
        photos = version.get("photos") if isinstance(version, dict) else None
        if isinstance(photos, list):
            found.update(p for p in photos if isinstance(p, str))
    return found


async def purge_artisan(session: AsyncSession, artisan: Artisan, media_dir: Path) -> list[Path]:
    """Delete every row about the artisan; return their media files to remove after commit.

    A file another artisan's photo still uses (the same picture sent by both) is kept.
    """
    submissions = select(Submission.id).where(Submission.artisan_id == artisan.id)
    unique_ids: set[str] = set()
    paths: set[str] = set()
    for unique_id, local_path in await session.execute(
        select(Photo.file_unique_id, Photo.local_path).where(Photo.submission_id.in_(submissions))
    ):
        unique_ids.add(unique_id)
        if local_path:
            paths.add(local_path)
    for snapshot in await session.scalars(
        select(Submission.last_snapshot).where(Submission.artisan_id == artisan.id)
    ):
        unique_ids |= _snapshot_photos(snapshot)

    await session.execute(delete(Dialogue).where(Dialogue.user_id == artisan.telegram_id))
    await session.execute(
        delete(Delivery).where(
            or_(Delivery.artisan_id == artisan.id, Delivery.chat_id == artisan.telegram_id)
        )
    )
    # The foreign keys cascade too; explicit deletes keep the purge whole without them.
    await session.execute(delete(Event).where(Event.submission_id.in_(submissions)))
    await session.execute(delete(Photo).where(Photo.submission_id.in_(submissions)))
    await session.execute(delete(Listing).where(Listing.submission_id.in_(submissions)))
    await session.execute(delete(HelpMessage).where(HelpMessage.artisan_id == artisan.id))
    await session.execute(delete(Submission).where(Submission.artisan_id == artisan.id))
    await session.delete(artisan)
    await session.flush()

    names = paths | {f"{uid}.{ext}" for uid in unique_ids for ext in EXTENSIONS}
    still_used = await session.execute(
        select(Photo.file_unique_id, Photo.local_path).where(
            or_(Photo.file_unique_id.in_(unique_ids), Photo.local_path.in_(paths))
        )
    )
    for unique_id, local_path in still_used:
        names.discard(local_path)
        names -= {f"{unique_id}.{ext}" for ext in EXTENSIONS}
    return [media_dir / name for name in sorted(names) if _own_file(name)]


def _own_file(name: str) -> bool:
    """A name inside MEDIA_DIR (no folders, no way out of it)."""
    return bool(name) and Path(name).name == name and name not in (".", "..")


def remove_files(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


async def truncate_wal(engine: AsyncEngine) -> bool:
    """SQLite: checkpoint and empty the WAL file; True when it was emptied (or not SQLite)."""
    if engine.dialect.name != "sqlite":
        return True
    async with engine.connect() as connection:
        raw = await connection.get_raw_connection()
        driver: Any = raw.driver_connection  # aiosqlite: no transaction is begun for this
        async with driver.execute("PRAGMA wal_checkpoint(TRUNCATE)") as cursor:
            row = await cursor.fetchone()
    busy = bool(row and row[0])
    if busy:
        log.warning("after a purge the WAL could not be emptied (busy); the next checkpoint will")
    return not busy


async def erase_leftovers(
    engine: AsyncEngine,
    sessions: async_sessionmaker[AsyncSession],
    media_dir: Path,
    files: list[Path],
) -> None:
    """After a purge has committed: its files, any orphaned photo file, the WAL's old frames."""
    try:
        await asyncio.to_thread(remove_files, files)
        await sweep_orphans(sessions, media_dir, timedelta(0))
        await truncate_wal(engine)
    except Exception:
        log.exception("removing a purged artisan's files failed; the orphan sweep retries")
