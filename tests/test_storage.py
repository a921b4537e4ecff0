"""The SQLite adapter (bot/storage/sqlite_driver.py): a correct DB-API cursor that never blocks."""

from __future__ import annotations

import asyncio
import os
import sqlite3
from pathlib import Path
from typing import Any

import aiosqlite
import pytest
from sqlalchemy import select, text, update
from sqlalchemy.exc import IntegrityError

from bot.storage import sqlite_driver
from bot.storage.db import make_engine, make_sessionmaker, migrate
from bot.storage.models import Artisan


def count_thread_calls(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """What reaches aiosqlite's worker thread: the SQL for statements, else the function."""
    calls: list[Any] = []
    original = aiosqlite.Connection._execute

    async def counting(self: aiosqlite.Connection, fn: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(args[1] if len(args) > 1 else fn)
        return await original(self, fn, *args, **kwargs)

    monkeypatch.setattr(aiosqlite.Connection, "_execute", counting)
    return calls


async def test_a_transaction_nobody_else_holds_up_never_leaves_the_loop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = count_thread_calls(monkeypatch)
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'one.db'}")
    await migrate(engine)
    sessions = make_sessionmaker(engine)
    try:
        calls.clear()
        async with sessions() as session, session.begin():
            session.add(Artisan(telegram_id=1))
            await session.flush()
            names = (await session.scalars(select(Artisan.telegram_id))).all()
            await session.execute(update(Artisan).values(name="Ram"))
        assert names == [1]
        assert calls == []  # BEGIN, the statements and COMMIT ran on the loop; no ROLLBACK
        other = sqlite3.connect(tmp_path / "one.db")  # committed for everyone
        assert other.execute("SELECT name FROM artisans").fetchall() == [("Ram",)]
        other.close()
    finally:
        await engine.dispose()


async def wal_after_commits(path: Path, commits: int) -> int:
    """Pages in the WAL file after `commits` small transactions on a new database."""
    engine = make_engine(f"sqlite+aiosqlite:///{path}")
    await migrate(engine)
    sessions = make_sessionmaker(engine)
    try:
        for n in range(commits):
            async with sessions() as session, session.begin():
                session.add(Artisan(telegram_id=n, name="x" * 2000))
        async with sessions() as session:
            page = (await session.execute(text("PRAGMA page_size"))).scalar_one()
            # COMMIT, on the loop thread, never checkpoints.
            assert (await session.execute(text("PRAGMA wal_autocheckpoint"))).scalar_one() == 0
        return await asyncio.to_thread(os.path.getsize, f"{path}-wal") // page
    finally:
        await engine.dispose()


async def test_checkpoints_run_on_the_thread_and_keep_the_wal_small(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite_driver, "CHECKPOINT_EVERY", 1_000_000)
    unchecked = await wal_after_commits(tmp_path / "never.db", 200)
    monkeypatch.setattr(sqlite_driver, "CHECKPOINT_EVERY", 10)
    calls = count_thread_calls(monkeypatch)
    checked = await wal_after_commits(tmp_path / "every10.db", 200)
    checkpoints = [c for c in calls if c is sqlite_driver._checkpoint]
    assert len(checkpoints) == 20  # every 10th commit, on the thread, none inside a COMMIT
    # No automatic checkpoint either way: without ours the WAL holds every commit's pages.
    assert unchecked > 200
    assert checked < unchecked / 3


async def test_a_failed_checkpoint_does_not_fail_the_committed_transaction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(_connection: sqlite3.Connection) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(sqlite_driver, "CHECKPOINT_EVERY", 1)
    monkeypatch.setattr(sqlite_driver, "_checkpoint", broken)
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'io.db'}")
    await migrate(engine)
    sessions = make_sessionmaker(engine)
    try:
        async with sessions() as session, session.begin():
            session.add(Artisan(telegram_id=5))
        async with sessions() as session:
            assert await session.scalar(select(Artisan.telegram_id)) == 5
        assert "WAL checkpoint failed" in caplog.text
    finally:
        await engine.dispose()


async def test_waiting_for_another_writer_does_not_block_the_loop(tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    engine = make_engine(f"sqlite+aiosqlite:///{path}")
    await migrate(engine)
    sessions = make_sessionmaker(engine)
    other = sqlite3.connect(path, isolation_level=None)  # another process, say
    other.execute("BEGIN IMMEDIATE")
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    async def write() -> None:
        async with sessions() as session, session.begin():
            session.add(Artisan(telegram_id=7))

    ticker, writer = asyncio.create_task(tick()), asyncio.create_task(write())
    try:
        await asyncio.sleep(0.3)
        assert not writer.done() and ticks >= 10  # the loop ran while BEGIN waited
        other.execute("COMMIT")
        await asyncio.wait_for(writer, 5)
        async with sessions() as session:
            assert await session.scalar(select(Artisan.telegram_id)) == 7
    finally:
        ticker.cancel()
        other.close()
        await engine.dispose()


async def test_rowcount_ids_and_errors_reach_sqlalchemy(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'odop.db'}")
    await migrate(engine)
    sessions = make_sessionmaker(engine)
    try:
        async with sessions() as session, session.begin():
            first, second = Artisan(telegram_id=1), Artisan(telegram_id=2)
            session.add_all([first, second])
            await session.flush()
            assert first.id is not None and second.id == first.id + 1
            # Guarded writes (review claims, leases) decide by the rows an UPDATE matched.
            matched = await session.execute(
                update(Artisan).where(Artisan.telegram_id == 1).values(name="Ram")
            )
            missed = await session.execute(
                update(Artisan).where(Artisan.telegram_id == 99).values(name="Sita")
            )
            assert (matched.rowcount, missed.rowcount) == (1, 0)  # type: ignore[attr-defined]

        with pytest.raises(IntegrityError):
            async with sessions() as session, session.begin():
                session.add(Artisan(telegram_id=1))

        # The failed transaction rolled back and the connection serves the next one.
        async with sessions() as session:
            names = (await session.scalars(select(Artisan.name).order_by(Artisan.id))).all()
        assert names == ["Ram", None]
    finally:
        await engine.dispose()
