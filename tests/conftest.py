"""The world for end-to-end tests: a fake Bot API server and the real bot pointed at it.

Set TEST_DATABASE_URL=postgresql+asyncpg://... to run the same tests on PostgreSQL.
"""

from __future__ import annotations

import asyncio
import os
import socket
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession

from bot.app import build_application
from bot.config import Settings
from bot.context import BotApp, services_of
from bot.fake_telegram import FakeTelegram
from bot.runner import running
from bot.storage.db import make_engine

TOKEN = "123456:TEST-token-for-the-fake-api"
ADMIN_ID = 900_001
REVIEWER_ID = 900_002
TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "")
# "stock" runs the tests on SQLAlchemy's own aiosqlite adapter (SQLITE_DRIVER's way back).
TEST_SQLITE_DRIVER = os.environ.get("TEST_SQLITE_DRIVER", "fast")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _admin(url: str, *statements: str) -> None:
    engine = make_engine(url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            for statement in statements:
                await conn.execute(text(statement))
    finally:
        await engine.dispose()


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
    asyncio.run(_admin(TEST_DATABASE_URL, f'CREATE DATABASE "{name}"'))
    yield own
    asyncio.run(_admin(TEST_DATABASE_URL, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
async def database_url(tmp_path: Path, postgres_url: str) -> str:
    if postgres_url:
        await _admin(postgres_url, "DROP SCHEMA public CASCADE", "CREATE SCHEMA public")
        return postgres_url
    return f"sqlite+aiosqlite:///{tmp_path / 'odop.db'}"


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    # Quiet time that ends a wait for the bot's answer; generous because CI machines are shared.
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
def start_bot() -> Callable[[Settings], AbstractAsyncContextManager[BotApp]]:
    """`async with start_bot(settings) as app:` runs the real bot (for restarts within a test)."""

    def start(settings: Settings) -> AbstractAsyncContextManager[BotApp]:
        return running(build_application(settings), settings)

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
