"""Kept photo files that no photo row refers to any more, removed.

A file stays behind when its row goes without it: photos replaced from the summary, a row
deleted while its download was running, a crash between writing a file and recording it.
Files are named by Telegram's file_unique_id (`bot.services.media.store`), and a row's
`local_path` is always its own unique id's file, so a file is in use while any photo row has
that unique id — including a row whose download has not finished, which is why an in-flight
download is never taken for an orphan. The check and the removal run inside one write
transaction that holds new photo rows back (SQLite's write lock; a SHARE lock on PostgreSQL),
so a photo sent again at that very moment cannot be given a file that is about to go.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import or_, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.media import EXTENSIONS
from bot.storage.models import Photo

log = logging.getLogger(__name__)

ORPHAN_AGE = timedelta(hours=1)  # the periodic sweep leaves younger files alone
PART_AGE = timedelta(hours=1)  # a half-written download (".name.pid.part") older than this
SWEEP_BATCH = 500
_KINDS = "|".join(EXTENSIONS)
STORED = re.compile(rf"^([A-Za-z0-9_-]{{1,100}})\.({_KINDS})$")
PART = re.compile(rf"^\.[A-Za-z0-9_-]{{1,100}}\.({_KINDS})\.\d+\.part$")


def _listing(media_dir: Path, min_age: timedelta) -> tuple[list[str], list[str]]:
    """(stored photo names at least `min_age` old, half-written files older than PART_AGE).

    Files of any other name are not ours and are left alone.
    """
    stored: list[str] = []
    parts: list[str] = []
    now = time.time()
    try:
        entries = list(os.scandir(media_dir))
    except FileNotFoundError:
        return stored, parts
    for entry in entries:
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            age = now - entry.stat(follow_symlinks=False).st_mtime
        except FileNotFoundError:
            continue
        if STORED.match(entry.name) and age >= min_age.total_seconds():
            stored.append(entry.name)
        elif PART.match(entry.name) and age >= PART_AGE.total_seconds():
            parts.append(entry.name)
    return sorted(stored), parts


def _unlink(media_dir: Path, names: list[str]) -> int:
    removed = 0
    for name in names:
        try:
            (media_dir / name).unlink()
            removed += 1
        except FileNotFoundError:
            pass
    return removed


async def _hold_new_photos(session: AsyncSession) -> None:
    """Keep photo rows from being added or changed until this transaction ends."""
    if (await session.connection()).dialect.name == "postgresql":
        await session.execute(text("LOCK TABLE photos IN SHARE MODE"))
    # SQLite: every transaction here begins with BEGIN IMMEDIATE, the database's write lock.


async def _in_use(session: AsyncSession, names: list[str]) -> set[str]:
    """The names among `names` that a photo row refers to, by unique id or by stored path."""
    stems = {name: name.rsplit(".", 1)[0] for name in names}
    rows = await session.execute(
        select(Photo.file_unique_id, Photo.local_path).where(
            or_(Photo.file_unique_id.in_(set(stems.values())), Photo.local_path.in_(names))
        )
    )
    ids, paths = set(), set()
    for unique_id, local_path in rows:
        ids.add(unique_id)
        paths.add(local_path)
    return {name for name, stem in stems.items() if stem in ids or name in paths}


async def sweep_orphans(
    sessions: async_sessionmaker[AsyncSession],
    media_dir: Path,
    min_age: timedelta = ORPHAN_AGE,
) -> int:
    """Remove stored photos no row refers to (at least `min_age` old); returns how many."""
    stored, parts = await asyncio.to_thread(_listing, media_dir, min_age)
    removed = await asyncio.to_thread(_unlink, media_dir, parts)
    for start in range(0, len(stored), SWEEP_BATCH):
        batch = stored[start : start + SWEEP_BATCH]
        async with sessions() as session, session.begin():
            await _hold_new_photos(session)
            used = await _in_use(session, batch)
            orphans = [name for name in batch if name not in used]
            removed += await asyncio.to_thread(_unlink, media_dir, orphans)
    if removed:
        log.info("removed %s media files no photo refers to", removed)
    return removed
