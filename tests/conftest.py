"""The world for end-to-end tests: a fake Bot API server and the real bot pointed at it.

Set TEST_DATABASE_URL=postgresql+asyncpg://... to run the same tests on PostgreSQL.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession

from bot.app import build_application
from bot.config import Settings
from bot.context import BotApp, services_of
from bot.runner import running
from bot.storage.db import make_engine, migrate
from fake_telegram import FakeTelegram

# The playground page's fixtures, for the playground tests.
from tests.support.playground_page import http, playground  # noqa: F401
from tests.support.world import (
    ADMIN_ID,
    REVIEWER_ID,
    TEST_DATABASE_URL,
    TEST_SQLITE_DRIVER,
    TOKEN,
    admin_sql,
    report_handled,
)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A database of this test run's own on the TEST_DATABASE_URL server, dropped at the end.

    Several runs (developers, CI) can share one server without resetting each other's tables.
    """
    if not TEST_DATABASE_URL:
        yield ""
        return
    name = f"odop_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    own = make_url(TEST_DATABASE_URL).set(database=name).render_as_string(hide_password=False)
    asyncio.run(admin_sql(TEST_DATABASE_URL, f'CREATE DATABASE "{name}"'))
    yield own
    asyncio.run(admin_sql(TEST_DATABASE_URL, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


async def _migrated(url: str) -> None:
    engine = make_engine(url)
    try:
        await migrate(engine)
    finally:
        await engine.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite database migrated once per run; each test starts from a copy of it."""
    path = tmp_path_factory.mktemp("template") / "odop.db"
    asyncio.run(_migrated(f"sqlite+aiosqlite:///{path}"))
    return path


@pytest.fixture
async def database_url(tmp_path: Path, postgres_url: str, sqlite_template: Path) -> str:
    if postgres_url:
        await admin_sql(postgres_url, "DROP SCHEMA public CASCADE", "CREATE SCHEMA public")
        return postgres_url
    path = tmp_path / "odop.db"
    # The bot migrates on start anyway; a migrated copy saves each test ~0.3 s of Alembic.
    shutil.copyfile(sqlite_template, path)
    return f"sqlite+aiosqlite:///{path}"


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    # Quiet time that ends a wait only for a bot in another process (an in-process bot reports
    # each handled update, see start_bot); generous because CI machines are shared.
    server = FakeTelegram(token=TOKEN, settle=0.15)
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
def make_settings(
    fake: FakeTelegram, database_url: str, tmp_path: Path
) -> Callable[..., Settings]:
    def make(**overrides: Any) -> Settings:
        values: dict[str, Any] = {
            "telegram_bot_token": TOKEN,
            "telegram_api_url": fake.url,
            "database_url": database_url,
            "media_dir": tmp_path / "media",
            "admin_ids": [ADMIN_ID],
            "reviewer_ids": [REVIEWER_ID],
            "default_locale": "hi",
            "webhook_url": None,
            "webhook_secret": None,
            "sqlite_driver": TEST_SQLITE_DRIVER,
        }
        values.update(overrides)
        return Settings(_env_file=None, **values)  # type: ignore[call-arg]

    return make


@pytest.fixture
def settings(make_settings: Callable[..., Settings]) -> Settings:
    return make_settings()


@pytest.fixture
def start_bot(fake: FakeTelegram) -> Callable[[Settings], AbstractAsyncContextManager[BotApp]]:
    """`async with start_bot(settings) as app:` runs the real bot (for restarts within a test).

    The bot reports each update it finished to the fake, so a user's step returns as soon as
    the bot is done with it rather than after a quiet period.
    """

    def start(settings: Settings) -> AbstractAsyncContextManager[BotApp]:
        return running(report_handled(build_application(settings), fake), settings)

    return start


@pytest.fixture
async def bot(
    settings: Settings, start_bot: Callable[[Settings], AbstractAsyncContextManager[BotApp]]
) -> AsyncIterator[BotApp]:
    async with start_bot(settings) as app:
        yield app


@pytest.fixture
def db(bot: BotApp) -> Callable[[], AsyncSession]:
    """A session on the bot's own database, for assertions about what was stored."""
    return services_of(bot).sessions
