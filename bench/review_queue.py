"""Reviewer queue with 1,000,000 submissions: claiming the next one and counting by district."""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import text

from bench.common import PG_URL, postgres_available, write_section
from bench.seed import seed
from bot.services import review, review_queries
from bot.services.roles import StaffView
from bot.storage.db import make_engine, make_sessionmaker, migrate

LEASE = timedelta(minutes=30)


async def timed(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        await fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


async def measure(url: str, total: int, repeat: int) -> dict[str, float | str]:
    engine = make_engine(url)
    if engine.dialect.name == "postgresql":
        async with engine.begin() as conn:
            await conn.execute(text("DROP SCHEMA public CASCADE"))
            await conn.execute(text("CREATE SCHEMA public"))
    await migrate(engine)
    started = time.perf_counter()
    await seed(engine, artisans=100_000, submissions=total, pending_share=0.05)
    seeded = time.perf_counter() - started
    sessions = make_sessionmaker(engine)
    admin = StaffView(1, is_admin=True, is_reviewer=True)
    scoped = StaffView(2, is_reviewer=True, districts=frozenset({"Varanasi", "Gorakhpur"}))

    async def claim(view: StaffView) -> None:
        async with sessions() as session, session.begin():
            assert await review.claim_next(session, view, LEASE) is not None

    async def count(view: StaffView) -> None:
        async with sessions() as session:
            lines, _ = await review_queries.queue(session, view)
            assert lines

    result: dict[str, float | str] = {
        "seed_s": seeded,
        "claim_admin_ms": await timed(lambda: claim(admin), repeat),
        "claim_scoped_ms": await timed(lambda: claim(scoped), repeat),
        "count_admin_ms": await timed(lambda: count(admin), repeat),
        "count_scoped_ms": await timed(lambda: count(scoped), repeat),
    }
    await engine.dispose()
    return result


async def main(total: int, repeat: int) -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        lite = await measure(f"sqlite+aiosqlite:///{Path(tmp) / 'queue.db'}", total, repeat)
        rows.append(("SQLite", lite))
    if await postgres_available():
        rows.append(("PostgreSQL", await measure(PG_URL, total, repeat)))
    for name, r in rows:
        print(name, r)
    table = "\n".join(
        f"| {name} | {r['claim_admin_ms']:.1f} | {r['claim_scoped_ms']:.1f} | "
        f"{r['count_admin_ms']:.1f} | {r['count_scoped_ms']:.1f} |"
        for name, r in rows
    )
    write_section(
        "Reviewer queue",
        f"""
`python -m bench review_queue --submissions {total}`: {total:,} submissions (5 % pending, spread over the
75 districts) and 100,000 artisans, built with SQL. Median of {repeat} runs, in milliseconds:
claiming the next pending submission (an admin sees all districts, a reviewer two) and counting
the queue by district, each in its own transaction as the bot does it.

| database | claim next (admin) | claim next (2 districts) | count by district (admin) | count (2 districts) |
|---|---|---|---|---|
{table}
""",
    )


def cli(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--submissions", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    asyncio.run(main(args.submissions, args.repeat))


if __name__ == "__main__":
    cli()
