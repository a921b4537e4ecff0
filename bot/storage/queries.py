"""The lookups every update makes, with their statements built once.

Building a SQLAlchemy statement, and the cache key that finds its compiled SQL, costs more
than SQLite takes to run it, and `session.get` builds one whenever the row is not loaded yet.
For a typed answer (claim the update, load the artisan, look for a staff dialogue, load the
draft) these cut the database work's instructions by a quarter (docs/benchmarks.md, fourth
round). Unlike `session.get` they always query (flushing pending changes first): they are for
the first load in a unit of work. Elsewhere statements are built where they are used, and
built once where they run often.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table, bindparam, select, text
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.models import Artisan, Dialogue, ProcessedUpdate, Submission, utcnow

_LOCK_USER = text("SELECT pg_advisory_xact_lock(:user_id)")
_PROCESSED = cast(Table, ProcessedUpdate.__table__)
# On the table, not the entity: an ORM-enabled INSERT takes the ORM's bulk path, which costs
# as much again as the statement's building.
_CLAIM = {
    "sqlite": sqlite_insert(_PROCESSED).on_conflict_do_nothing(),
    "postgresql": postgresql_insert(_PROCESSED).on_conflict_do_nothing(),
}
_ARTISAN = select(Artisan).where(Artisan.telegram_id == bindparam("user_id"))
_DIALOGUE = select(Dialogue).where(Dialogue.user_id == bindparam("user_id"))
_SUBMISSION = select(Submission).where(Submission.id == bindparam("id"))


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


async def artisan_of(session: AsyncSession, user_id: int) -> Artisan | None:
    return await session.scalar(_ARTISAN, {"user_id": user_id})


async def dialogue_of(session: AsyncSession, user_id: int) -> Dialogue | None:
    return await session.scalar(_DIALOGUE, {"user_id": user_id})


async def submission(session: AsyncSession, submission_id: int) -> Submission | None:
    return await session.scalar(_SUBMISSION, {"id": submission_id})
