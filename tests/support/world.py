"""The test world's constants and the wiring of a real bot to the fake Bot API."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import BotApp
from bot.processor import PerUserUpdateProcessor
from bot.storage.db import make_engine
from fake_telegram import FakeTelegram

TOKEN = "123456:TEST-token-for-the-fake-api"
ADMIN_ID = 900_001
REVIEWER_ID = 900_002
REVIEWER_2 = 900_003
SCOPED_ID = 900_004  # a reviewer of Varanasi only (see test_review_permissions)
TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "")

Sessions = Callable[[], AsyncSession]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def admin_sql(url: str, *statements: str) -> None:
    """Run ``statements`` outside a transaction (CREATE/DROP DATABASE and the like)."""
    engine = make_engine(url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            for statement in statements:
                await conn.execute(text(statement))
    finally:
        await engine.dispose()


def report_handled(app: BotApp, fake: FakeTelegram) -> BotApp:
    """Make ``app`` tell ``fake`` each update it finished, so waits end on that, not on quiet."""
    processor = app.update_processor
    assert isinstance(processor, PerUserUpdateProcessor), processor
    signal = fake.handled_signal()
    processor.finished.append(lambda update: signal(getattr(update, "update_id", -1)))
    return app


# "stock" runs the tests on SQLAlchemy's own aiosqlite adapter (SQLITE_DRIVER's way back).
TEST_SQLITE_DRIVER = os.environ.get("TEST_SQLITE_DRIVER", "fast")
