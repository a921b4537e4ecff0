"""The catalogue for marketplaces: rows read from the database, written by `catalogue_files`.

Photos come from MEDIA_DIR only: Telegram file ids are valid for this bot alone, so a catalogue
never carries them. Reading never holds the database's write lock: rows are read a page at a
time in short read-only transactions (`read_only`), and photos are copied with no transaction
open, so the bot keeps answering while a large export runs, in this process or another. A
submission its artisan can no longer edit is exported as it was sent for review
(`Submission.last_snapshot`), not with a name or phone typed since in a later draft.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from bot.services import amount_words, input_words
from bot.services.campaigns import campaign_labels
from bot.services.catalogue_files import WRITERS, copy_photos
from bot.services.districts import DistrictIndex
from bot.services.registration import EDITABLE_STATES
from bot.storage.db import READ_ONLY
from bot.storage.models import Artisan, Photo, State, Submission

FORMATS = tuple(WRITERS)  # csv, json, xlsx
STREAM_BATCH = 200


@dataclass(frozen=True)
class ExportQuery:
    state: str = State.APPROVED
    since: datetime | None = None  # decided (approved) at or after; submitted for undecided
    district: str | None = None  # a district key


def state_named(words: str) -> str | None:
    """A state as its code ("approved") or as staff type it: data/input_words.csv's kinds
    state_* ("svikrit", "lambit", "jaanch mein", in either script)."""
    folded = " ".join(input_words.words_in(words))
    return next(
        (s.value for s in State if folded == s.value or folded in input_words.words(f"state_{s}")),
        None,
    )


@dataclass
class ExportResult:
    rows: int = 0
    photos: int = 0
    missing_photos: int = 0  # not downloaded yet (or rejected): run the export again later
    files: list[Path] = field(default_factory=list)


@asynccontextmanager
async def read_only(engine: AsyncEngine) -> AsyncIterator[AsyncSession]:
    """A short read-only transaction: one consistent snapshot that blocks no writer.

    On SQLite a plain BEGIN (not our usual BEGIN IMMEDIATE, see `bot.storage.db`) on a
    connection of its own, outside this process's writer gate: in WAL mode a reader sees the
    database as of its first statement and never stops a writer. On PostgreSQL, REPEATABLE READ
    gives the transaction's statements one snapshot.
    """
    options: dict[str, Any] = {READ_ONLY: True}
    if engine.dialect.name == "postgresql":
        options.update(isolation_level="REPEATABLE READ", postgresql_readonly=True)
    async with engine.connect() as connection:
        await connection.execution_options(**options)
        async with connection.begin(), _session(connection) as session:
            yield session


def _session(connection: AsyncConnection) -> AsyncSession:
    return AsyncSession(bind=connection, expire_on_commit=False)


def engine_of(sessions: async_sessionmaker[AsyncSession]) -> AsyncEngine:
    """The engine behind the bot's sessions (readers here bypass the sessions' writer gate)."""
    bind = sessions.kw.get("bind")
    if not isinstance(bind, AsyncEngine):
        raise TypeError("the session factory is not bound to an AsyncEngine")
    return bind


async def stream_records(
    engine: AsyncEngine, districts: DistrictIndex, query: ExportQuery
) -> AsyncIterator[tuple[dict[str, Any], list[str | None]]]:
    """(catalogue fields, photo paths relative to MEDIA_DIR) per submission, a page at a time.

    Each page (its submissions, artisans and photos) is read in one short read-only transaction
    and closed before the caller sees its rows, so nothing is held while photos are copied.
    Submissions created after the export began are left out (ids up to the newest at the start);
    each row is exported as it was when its page was read.
    """
    async with read_only(engine) as session:
        newest = await session.scalar(select(func.max(Submission.id)))
    after = 0
    while newest is not None and after < newest:
        async with read_only(engine) as session:
            page = await _page(session, districts, query, after, newest)
        if not page:
            return
        for record in page:
            yield record[1:]
        after = page[-1][0]


async def _page(
    session: AsyncSession, districts: DistrictIndex, query: ExportQuery, after: int, upto: int
) -> list[tuple[int, dict[str, Any], list[str | None]]]:
    stmt = (
        select(Submission, Artisan)
        .join(Artisan, Artisan.id == Submission.artisan_id)
        .where(Submission.state == query.state, Submission.id > after, Submission.id <= upto)
        .order_by(Submission.id)
        .limit(STREAM_BATCH)
    )
    if query.district:
        stmt = stmt.where(Submission.district == query.district)
    if query.since:
        stmt = stmt.where(
            func.coalesce(Submission.decided_at, Submission.submitted_at) >= query.since
        )
    chunk = (await session.execute(stmt)).all()
    photos: dict[int, list[str | None]] = {}
    rows = await session.execute(
        select(Photo.submission_id, Photo.local_path)
        .where(Photo.submission_id.in_([sub.id for sub, _ in chunk]))
        .order_by(Photo.submission_id, Photo.position)
    )
    for submission_id, local_path in rows:
        photos.setdefault(submission_id, []).append(local_path)
    camps = await campaign_labels(session, [artisan.campaign_id for _, artisan in chunk])
    return [
        (
            sub.id,
            {**_fields(sub, artisan, districts), "campaign": camps.get(artisan.campaign_id or 0)},
            photos.get(sub.id, []),
        )
        for sub, artisan in chunk
    ]


def _submitted(sub: Submission) -> dict[str, Any]:
    """The answers as sent for review, for a submission no longer editable by its artisan.

    Name and phone live on the artisan and can be changed in a later draft; product answers
    cannot change once submitted. The snapshot taken at submission is what the reviewer decided
    on, so an approved or listed product keeps the name and phone it was approved with.
    """
    if sub.state in EDITABLE_STATES or not sub.last_snapshot:
        return {}
    fields = sub.last_snapshot.get("fields")
    return fields if isinstance(fields, dict) else {}


def _fields(sub: Submission, artisan: Artisan, districts: DistrictIndex) -> dict[str, Any]:
    submitted = _submitted(sub)

    def answer(name: str, current: Any) -> Any:
        return submitted.get(name, current)

    district_key = answer("district", sub.district) or artisan.district
    district = districts.get(district_key)
    return {
        "reference": sub.reference,
        "state": sub.state,
        "artisan_name": answer("name", artisan.name),
        "mobile": answer("phone", artisan.phone),
        "district": district.key if district else district_key,
        "district_hi": district.name_hi if district else None,
        "odop_product": "; ".join(district.products_en) if district else None,
        "odop_product_hi": "; ".join(district.products_hi) if district else None,
        **{name: answer(name, getattr(sub, name)) for name in _PRODUCT_ANSWERS},
        "price_unit": answer("price_unit", sub.price_unit)
        or amount_words.PIECE,  # price and capacity are of
        "approved_at": sub.decided_at.isoformat(timespec="seconds") if sub.decided_at else None,
        "reviewer_id": sub.decided_by,
        "listing_url": sub.listing_url,
    }


_PRODUCT_ANSWERS = (
    "craft", "product_name", "description", "price", "capacity", "gstin", "udyam", "pehchan",
)  # fmt: skip


async def export_catalogue(
    sessions: async_sessionmaker[AsyncSession],
    districts: DistrictIndex,
    media_dir: Path,
    query: ExportQuery,
    fmt: str,
    out_dir: Path,
) -> ExportResult:
    """Write the catalogue and its photos into `out_dir` (created owner-only: it has phones).

    No transaction is open while photos are copied or rows written (see `stream_records`).
    """
    await asyncio.to_thread(out_dir.mkdir, parents=True, exist_ok=True, mode=0o700)
    writer = WRITERS[fmt](out_dir)
    result = ExportResult()
    try:
        async for fields, stored in stream_records(engine_of(sessions), districts, query):
            paths, missing = await asyncio.to_thread(
                copy_photos, media_dir, out_dir, fields["reference"], stored
            )
            writer.write(fields, paths)
            result.rows += 1
            result.photos += len(paths)
            result.missing_photos += missing
    finally:
        writer.close()
    result.files = writer.files
    return result
