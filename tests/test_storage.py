"""The SQLite driver adapter (bot/storage/sqlite_driver.py) behaves as a DB-API cursor must."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import aiosqlite
import pytest
from sqlalchemy import select, text, update
from sqlalchemy.exc import IntegrityError

from bot.storage.db import make_engine, make_sessionmaker, migrate
from bot.storage.models import Artisan


async def test_each_statement_is_one_call_on_the_driver_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Any] = []
    original = aiosqlite.Connection._execute

    async def counting(self: aiosqlite.Connection, fn: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(fn)
        return await original(self, fn, *args, **kwargs)

    monkeypatch.setattr(aiosqlite.Connection, "_execute", counting)
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'one.db'}")
    try:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))  # opens the transaction first
            calls.clear()
            rows = (await connection.execute(text("SELECT 1 UNION ALL SELECT 2"))).all()
            assert len(calls) == 1
        assert [tuple(r) for r in rows] == [(1,), (2,)]
    finally:
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
