"""SQLITE_DRIVER: the fast driver by default, SQLAlchemy's stock aiosqlite adapter as the way back.

The whole suite runs on either: `TEST_SQLITE_DRIVER=stock pytest ...` (tests/conftest.py).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

import pytest
from sqlalchemy import func, select

from bot.config import Settings
from bot.context import BotApp, services_of
from bot.storage import sqlite_driver
from bot.storage.models import State, Submission
from fake_telegram import FakeTelegram
from tests.support.journey import submit_product
from tests.support.world import TEST_DATABASE_URL

pytestmark = pytest.mark.skipif(bool(TEST_DATABASE_URL), reason="SQLite only")


def uses_fast_driver(app: BotApp) -> bool:
    return isinstance(services_of(app).engine.dialect.loaded_dbapi, sqlite_driver._DBAPI)


async def test_artisan_registers_a_product_on_the_stock_sqlite_dialect(
    fake: FakeTelegram,
    make_settings: Callable[..., Settings],
    start_bot: Callable[[Settings], AbstractAsyncContextManager[BotApp]],
) -> None:
    async with start_bot(make_settings(sqlite_driver="stock")) as app:
        assert not uses_fast_driver(app)
        artisan = fake.user()
        reference = await submit_product(artisan)
        async with services_of(app).sessions() as session:
            states = await session.scalars(select(Submission.state))
            count = await session.scalar(select(func.count()).select_from(Submission))
        assert list(states) == [State.PENDING] and count == 1
    assert reference.startswith("ODOP-")


async def test_the_fast_driver_is_the_default(make_settings: Callable[..., Settings]) -> None:
    assert Settings.model_fields["sqlite_driver"].default == "fast"
    assert make_settings(sqlite_driver="fast").sqlite_driver == "fast"


async def test_bot_started_with_the_default_setting_runs_the_fast_driver(
    make_settings: Callable[..., Settings],
    start_bot: Callable[[Settings], AbstractAsyncContextManager[BotApp]],
) -> None:
    async with start_bot(make_settings(sqlite_driver="fast")) as app:
        assert uses_fast_driver(app)


def test_an_unknown_sqlite_driver_is_a_configuration_error() -> None:
    with pytest.raises(ValueError, match="sqlite_driver"):
        Settings(_env_file=None, sqlite_driver="turbo")  # type: ignore[call-arg]
