"""Exit 0 when the PostgreSQL server for the second test leg answers, else say why and exit 1."""

from __future__ import annotations

import asyncio
import sys

from sqlalchemy import text

from bot.storage.db import make_engine


async def check(url: str) -> None:
    engine = make_engine(url, connect_args={"timeout": 3})
    try:
        async with engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
    finally:
        await engine.dispose()


if __name__ == "__main__":
    try:
        asyncio.run(check(sys.argv[1]))
    except Exception as exc:
        print(f"PostgreSQL leg skipped: {sys.argv[1]} is not reachable ({type(exc).__name__})")
        sys.exit(1)
