"""Checks before the bot starts, each failing with one line that names what to fix."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from bot.config import Settings

DATABASE_TIMEOUT = 15.0  # seconds for the first connection (an unroutable host hangs long)


class StartupError(Exception):
    """A fault in the machine or the configuration: one line for the operator, an exit code.

    Code 2: configuration the operator must change (a restart will not help);
    code 1: something that may come back by itself (the database server).
    """

    def __init__(self, line: str, code: int = 2) -> None:
        super().__init__(line)
        self.line = line
        self.code = code


def check_media_dir(path: Path) -> None:
    """MEDIA_DIR exists (created owner-only) and a file can be written in it."""
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        with tempfile.NamedTemporaryFile(dir=path, prefix=".write-test-"):
            pass
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise StartupError(
            f"MEDIA_DIR {path} is not writable ({reason}): create it, or give the bot's user "
            "write access, or point MEDIA_DIR elsewhere"
        ) from None


def shown_url(url: str) -> str:
    """DATABASE_URL with its password masked."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<not a database URL>"


def database_reason(exc: BaseException) -> str:
    """The driver's own first line (no SQL, no parameters, no link to SQLAlchemy's docs)."""
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        exc = exc.orig
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    if isinstance(exc, TimeoutError):
        return f"no answer within {DATABASE_TIMEOUT:.0f} s"
    first = str(exc).strip().splitlines()
    return first[0] if first else type(exc).__name__


async def check_database(url: str, sqlite_driver_name: str = "fast") -> None:
    """One connection and `SELECT 1` on DATABASE_URL, or StartupError."""
    from bot.storage.db import make_engine

    try:
        make_url(url)
    except ArgumentError:
        raise StartupError("DATABASE_URL is not a database URL (see .env.example)") from None
    engine = None
    try:
        engine = make_engine(url, sqlite_driver_name=sqlite_driver_name)
        async with asyncio.timeout(DATABASE_TIMEOUT), engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except (SQLAlchemyError, OSError, TimeoutError) as exc:
        raise StartupError(
            f"cannot open the database at DATABASE_URL={shown_url(url)} "
            f"({database_reason(exc)}): check that it is running and reachable",
            code=1,
        ) from None
    finally:
        if engine is not None:
            await engine.dispose()


async def check_machine(settings: Settings) -> None:
    """What the bot needs from this machine before it talks to Telegram."""
    check_media_dir(settings.media_dir)
    await check_database(settings.database_url, settings.sqlite_driver)
