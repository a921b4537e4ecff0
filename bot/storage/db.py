"""Engine, sessions and migrations."""

from __future__ import annotations

import asyncio
import os
import re
from collections import deque
from contextvars import ContextVar
from enum import IntEnum
from pathlib import Path
from typing import Any, cast

from sqlalchemy import event, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import QueuePool

from bot.storage import sqlite_driver

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Execution option for a connection that only reads: on SQLite it begins with a plain BEGIN.
READ_ONLY = "odop_read_only"


def _prepare_sqlite_file(database: str | None) -> None:
    """Create the folder and the file readable by the owner only (it holds phone numbers)."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # We issue BEGIN ourselves (below); the driver's implicit transactions would start as readers.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # Deleted rows are overwritten with zeros, so a purged artisan's data does not linger in
    # free pages of the file (the WAL's old frames go at the purge's TRUNCATE checkpoint).
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def _begin_immediate(connection: Connection) -> None:
    """Take SQLite's write lock when the transaction starts.

    Every update writes (at least its processed-update row). A transaction that starts as a
    reader and upgrades later fails at once with "database is locked" when another writer
    committed meanwhile; waiting for the lock up front (busy_timeout) serialises writers
    instead. Transactions stay short because replies are sent after the commit. A connection
    marked READ_ONLY (the catalogue export) begins as a reader: in WAL mode it sees one snapshot
    and never holds up a writer.
    """
    if connection.get_execution_options().get(READ_ONLY):
        connection.exec_driver_sql("BEGIN")
        return
    connection.exec_driver_sql("BEGIN IMMEDIATE")


SQLITE_DRIVERS = ("fast", "stock")


def make_engine(url: str, *, sqlite_driver_name: str = "fast", **kwargs: Any) -> AsyncEngine:
    """An engine for DATABASE_URL; on SQLite with aiosqlite, `sqlite_driver_name` (the
    SQLITE_DRIVER setting) picks bot/storage/sqlite_driver.py ("fast") or SQLAlchemy's own
    adapter ("stock"), the way back should an upgrade of either library break the fast one."""
    if sqlite_driver_name not in SQLITE_DRIVERS:
        raise ValueError(f"unknown SQLite driver {sqlite_driver_name!r}")
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        _prepare_sqlite_file(parsed.database)
        if parsed.get_driver_name() == "aiosqlite" and sqlite_driver_name == "fast":
            kwargs.setdefault("module", sqlite_driver.dbapi())
        engine = create_async_engine(url, hide_parameters=True, **kwargs)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        event.listen(engine.sync_engine, "begin", _begin_immediate)
        return engine
    # hide_parameters: errors in logs must not carry artisans' answers or phone numbers.
    return create_async_engine(url, pool_pre_ping=True, hide_parameters=True, **kwargs)


class Rank(IntEnum):
    """Where a task's sessions queue at the SessionGate (`gate_rank`), first to last."""

    # The next update of a user whose earlier updates were just handled (bot/processor.py):
    # the parts of an album are handled one after another, not each after every other
    # artisan's update in turn.
    CONTINUING = 0
    # A worker's short round (the photo worker's): its work then overlaps the updates'.
    BACKGROUND = 1
    NEW = 2


gate_rank: ContextVar[Rank] = ContextVar("gate_rank", default=Rank.NEW)


class SessionGate:
    """At most `capacity` sessions open at a time in this process, queued fairly in asyncio.

    SQLite has one writer at a time anyway (capacity 1): letting transactions wait here instead
    of in SQLite's busy handler (which sleeps in growing steps) keeps latency low under load.
    On PostgreSQL the capacity is the pool's size, so sessions queue here rather than in the
    pool, where every waiter is alike.
    First come, first served within each `Rank` (the task's `gate_rank`), ranks in order.
    Re-entrant per task, so a nested session in the same task cannot deadlock on it.
    """

    def __init__(self, capacity: int = 1) -> None:
        self.capacity = capacity
        # Each holder (a task, or the future of a waiter it was just handed to) and its depth.
        self._holders: dict[object, int] = {}
        self._queues: tuple[deque[asyncio.Future[None]], ...] = tuple(deque() for _ in Rank)

    async def acquire(self) -> object:
        """Wait for a place; returns the holder to give back to `release` (the task)."""
        task = asyncio.current_task()
        if task in self._holders:
            self._holders[task] += 1
            return task
        if len(self._holders) < self.capacity and not any(self._queues):
            self._holders[task] = 1
            return task
        waiter = asyncio.get_running_loop().create_future()
        self._queues[gate_rank.get()].append(waiter)
        try:
            await waiter
        except asyncio.CancelledError:
            if self._holders.pop(waiter, None):  # handed over just as it was cancelled: pass on
                self._wake_next()
            raise
        del self._holders[waiter]
        self._holders[task] = 1
        return task

    def release(self, holder: object) -> None:
        """Give back a place; `holder` is what `acquire` returned (a session may be closed by
        another task than the one that opened it, e.g. a test fixture's finalizer)."""
        self._holders[holder] -= 1
        if self._holders[holder] == 0:
            del self._holders[holder]
            self._wake_next()

    def _wake_next(self) -> None:
        for queue in self._queues:
            while queue and len(self._holders) < self.capacity:
                waiter = queue.popleft()
                if not waiter.done():  # a cancelled waiter is skipped
                    self._holders[waiter] = 1
                    waiter.set_result(None)


class GatedSession(AsyncSession):
    """An AsyncSession that holds its engine's SessionGate while open (`async with`)."""

    gate: SessionGate
    _holder: object

    async def __aenter__(self) -> GatedSession:
        self._holder = await self.gate.acquire()
        try:
            return cast(GatedSession, await super().__aenter__())
        except BaseException:
            self.gate.release(self._holder)
            raise

    async def __aexit__(self, *exc: object) -> None:
        try:
            await super().__aexit__(*exc)
        finally:
            self.gate.release(self._holder)


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions for one unit of work each, queued at a SessionGate: for SQLite's single writer,
    or for PostgreSQL's pool (its overflow left to nested sessions and other engines' users)."""
    pool, capacity = engine.pool, 1
    if engine.dialect.name != "sqlite" and isinstance(pool, QueuePool):
        capacity = pool.size()
    gated = type("GatedSession", (GatedSession,), {"gate": SessionGate(capacity)})
    return async_sessionmaker(engine, class_=gated, expire_on_commit=False)


def alembic_config(connection: Connection | None = None) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


_REVISION = re.compile(r"^(down_revision|revision)\b[^=]*=\s*['\"]?([\w-]+|None)", re.M)


def head_revision() -> str | None:
    """The newest migration, read from the files (importing Alembic costs a second at start)."""
    revisions, parents = set(), set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        found = dict(_REVISION.findall(path.read_text(encoding="utf-8")))
        revisions.add(found.get("revision"))
        parents.add(found.get("down_revision"))
    heads = revisions - parents - {None}
    return heads.pop() if len(heads) == 1 else None


async def current_revision(engine: AsyncEngine) -> str | None:
    async with engine.connect() as connection:
        try:
            return await connection.scalar(text("SELECT version_num FROM alembic_version"))
        except DBAPIError:
            return None  # no schema yet


async def migrate(engine: AsyncEngine, revision: str = "head") -> None:
    """Upgrade the schema to `revision` (runs on every start; cheap when already current)."""
    if revision == "head" and (head := head_revision()) and await current_revision(engine) == head:
        return

    def upgrade(connection: Connection) -> None:
        from alembic import command

        command.upgrade(alembic_config(connection), revision)

    async with engine.begin() as connection:
        await connection.run_sync(upgrade)


async def downgrade(engine: AsyncEngine, revision: str) -> None:
    def run(connection: Connection) -> None:
        from alembic import command

        command.downgrade(alembic_config(connection), revision)

    async with engine.begin() as connection:
        await connection.run_sync(run)
