"""The lookups every update makes, with their statements built once.

Building a SQLAlchemy statement, and the cache key that finds its compiled SQL, costs more
than SQLite takes to run it, and `session.get` builds one whenever the row is not loaded yet.
For a typed answer (claim the update, load the artisan, look for a staff dialogue, load the
draft) these cut the database work's instructions by a quarter (docs/benchmarks.md, fourth
round), and one statement for the user's rows instead of three cut them further (fifth round).
Unlike `session.get` they always query (flushing pending changes first): they are for the
first load in a unit of work, whose handlers then take the rows from the `Turn`. Elsewhere
statements are built where they are used, and built once where they run often.
"""

from __future__ import annotations

from typing import NamedTuple, cast

from sqlalchemy import BigInteger, Table, bindparam, select, text
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.models import AlbumNote, Artisan, Dialogue, ProcessedUpdate, Submission, utcnow

_LOCK_USER = text("SELECT pg_advisory_xact_lock(:user_id)")
_PROCESSED = cast(Table, ProcessedUpdate.__table__)
_ALBUM_NOTES = cast(Table, AlbumNote.__table__)
# On the table, not the entity: an ORM-enabled INSERT takes the ORM's bulk path, which costs
# as much again as the statement's building.
_CLAIM = {
    "sqlite": sqlite_insert(_PROCESSED).on_conflict_do_nothing(),
    "postgresql": postgresql_insert(_PROCESSED).on_conflict_do_nothing(),
}
_NOTE_ALBUM = {
    "sqlite": sqlite_insert(_ALBUM_NOTES).on_conflict_do_nothing(),
    "postgresql": postgresql_insert(_ALBUM_NOTES).on_conflict_do_nothing(),
}
# Exactly one row whoever asks: a one-row table of the user id, outer-joined to their rows.
_ASKER = select(bindparam("user_id", type_=BigInteger).label("user_id")).subquery("asker")
_USER_ROWS = (
    select(Artisan, Submission, Dialogue)
    .select_from(_ASKER)
    .outerjoin(Artisan, Artisan.telegram_id == _ASKER.c.user_id)
    .outerjoin(Submission, Submission.id == Artisan.active_submission_id)
    .outerjoin(Dialogue, Dialogue.user_id == _ASKER.c.user_id)
)


class UserRows(NamedTuple):
    """A user's rows as an update finds them; each None when there is none."""

    artisan: Artisan | None
    draft: Submission | None  # the artisan's active submission, whatever its state
    dialogue: Dialogue | None  # a staff member's open dialogue


async def lock_user(session: AsyncSession, user_id: int) -> None:
    """Serialise one user's updates across instances for the length of this transaction.

    SQLite needs nothing: every transaction there holds the one write lock from its start.
    """
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(_LOCK_USER, {"user_id": user_id})


async def claim_update(session: AsyncSession, update_id: int) -> bool:
    """Record the update as handled; False when it was already (or is being) handled."""
    dialect = session.get_bind().dialect.name
    result = await session.execute(_CLAIM[dialect], {"update_id": update_id, "at": utcnow()})
    return bool(getattr(result, "rowcount", 1))


async def note_album(session: AsyncSession, user_id: int, album: str, said: str) -> bool:
    """Record that `said` was said for this user's album; False when it was already."""
    dialect = session.get_bind().dialect.name
    values = {"user_id": user_id, "media_group_id": album, "said": said, "at": utcnow()}
    result = await session.execute(_NOTE_ALBUM[dialect], values)
    return bool(getattr(result, "rowcount", 1))


async def user_rows(session: AsyncSession, user_id: int) -> UserRows:
    """The user's artisan row, active submission and staff dialogue, in one statement."""
    artisan, draft, dialogue = (await session.execute(_USER_ROWS, {"user_id": user_id})).one()
    return UserRows(artisan, draft, dialogue)


async def stored_locale(session: AsyncSession, user_id: int) -> str | None:
    """The language a user chose, for work outside an update (a guard, an error, a job)."""
    return await session.scalar(select(Artisan.locale).where(Artisan.telegram_id == user_id))
