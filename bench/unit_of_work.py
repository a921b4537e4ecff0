"""What SQLAlchemy costs: one registration step's database work, four ways.

The unit of work the bot does for an artisan's typed answer (claim the update id, load the
artisan with their draft and any staff dialogue, save the answer, commit) runs against one
SQLite file through: the bot's own path (async ORM session on our driver), Core statements on
the same session, Core on a synchronous connection, and the sqlite3 module with hand-written
SQL, all with the bot's connection settings and statements built once. CPU time of the whole
process (the async ways also use aiosqlite's thread) per unit of work, best of five
interleaved rounds.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import sqlite3
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, cast

from sqlalchemy import BigInteger, Table, bindparam, create_engine, event, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bench.common import write_section
from bot.storage import queries
from bot.storage.db import _sqlite_pragmas, make_engine, make_sessionmaker, migrate
from bot.storage.models import Artisan, Dialogue, ProcessedUpdate, Submission, utcnow

TELEGRAM_ID = 42
ROUNDS = 5
update_ids = itertools.count(1)


async def seed(sessions: async_sessionmaker[AsyncSession]) -> None:
    """One registered artisan with a draft at the product-name step."""
    async with sessions() as session:
        artisan = Artisan(telegram_id=TELEGRAM_ID, locale="hi", name="Sunita", consent_at=utcnow())
        session.add(artisan)
        await session.flush()
        draft = Submission(artisan_id=artisan.id, state="draft", step="product_name")
        session.add(draft)
        await session.flush()
        artisan.active_submission_id = draft.id
        await session.commit()


# The same unit of work as Core statements, built once as the bot's are, for the Core ways.
ARTISANS = cast(Table, Artisan.__table__)
DIALOGUES = cast(Table, Dialogue.__table__)
PROCESSED = cast(Table, ProcessedUpdate.__table__)
SUBMISSIONS = cast(Table, Submission.__table__)
CLAIM = insert(PROCESSED).on_conflict_do_nothing()
ASKER = select(bindparam("user_id", type_=BigInteger).label("user_id")).subquery("asker")
USER_ROWS = (
    select(ARTISANS, SUBMISSIONS, DIALOGUES)
    .select_from(ASKER)
    .outerjoin(ARTISANS, ARTISANS.c.telegram_id == ASKER.c.user_id)
    .outerjoin(SUBMISSIONS, SUBMISSIONS.c.id == ARTISANS.c.active_submission_id)
    .outerjoin(DIALOGUES, DIALOGUES.c.user_id == ASKER.c.user_id)
)
SAVE_ANSWER = (
    update(SUBMISSIONS)
    .where(SUBMISSIONS.c.id == bindparam("draft_id"))
    .values(product_name=bindparam("answer"), updated_at=bindparam("now"))
)
ME = {"user_id": TELEGRAM_ID}


def claim_params() -> dict[str, Any]:
    return {"update_id": next(update_ids), "at": utcnow()}


def answer_params(draft_id: int) -> dict[str, Any]:
    return {"draft_id": draft_id, "answer": f"terracotta {time.monotonic()}", "now": utcnow()}


def orm(sessions: async_sessionmaker[AsyncSession]) -> Callable[[], Awaitable[None]]:
    async def step() -> None:
        async with sessions() as session:
            await queries.claim_update(session, next(update_ids))
            _, draft, _ = await queries.user_rows(session, TELEGRAM_ID)
            assert draft is not None
            draft.product_name = f"terracotta {time.monotonic()}"
            draft.updated_at = utcnow()
            await session.commit()

    return step


def session_core(sessions: async_sessionmaker[AsyncSession]) -> Callable[[], Awaitable[None]]:
    async def step() -> None:
        async with sessions() as session:
            await session.execute(CLAIM, claim_params())
            row = (await session.execute(USER_ROWS, ME)).one()
            await session.execute(SAVE_ANSWER, answer_params(row.active_submission_id))
            await session.commit()

    return step


def sync_core(path: Path) -> Callable[[], None]:
    engine = create_engine(f"sqlite:///{path}")

    event.listen(engine, "connect", _sqlite_pragmas)  # the bot's: WAL, synchronous=NORMAL…

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    def step() -> None:
        with engine.begin() as connection:
            connection.execute(CLAIM, claim_params())
            row = connection.execute(USER_ROWS, ME).one()
            connection.execute(SAVE_ANSWER, answer_params(row.active_submission_id))

    return step


def raw(path: Path) -> Callable[[], None]:
    connection = sqlite3.connect(path)
    _sqlite_pragmas(connection, None)
    connection.row_factory = sqlite3.Row

    def now() -> str:
        return utcnow().replace(tzinfo=None).isoformat(" ")

    def step() -> None:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute(
            "INSERT INTO processed_updates (update_id, at) VALUES (?, ?) ON CONFLICT DO NOTHING",
            (next(update_ids), now()),
        )
        row = connection.execute(
            "SELECT * FROM (SELECT ? AS user_id) AS asker"
            " LEFT JOIN artisans a ON a.telegram_id = asker.user_id"
            " LEFT JOIN submissions s ON s.id = a.active_submission_id"
            " LEFT JOIN dialogues d ON d.user_id = asker.user_id",
            (TELEGRAM_ID,),
        ).fetchone()
        connection.execute(
            "UPDATE submissions SET product_name = ?, updated_at = ? WHERE id = ?",
            (f"terracotta {time.monotonic()}", now(), row["active_submission_id"]),
        )
        connection.execute("COMMIT")

    return step


async def measure(steps: int) -> dict[str, float]:
    """Best CPU milliseconds (all threads of this process) per unit of work, by way."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "uow.db"
        engine = make_engine(f"sqlite+aiosqlite:///{path}")
        await migrate(engine)
        sessions = make_sessionmaker(engine)
        await seed(sessions)
        async_ways = {"orm": orm(sessions), "session_core": session_core(sessions)}
        sync_ways = {"sync_core": sync_core(path), "raw": raw(path)}
        best: dict[str, float] = {}
        for round_ in range(ROUNDS + 1):  # the first round warms caches and is not counted
            for name, async_step in async_ways.items():
                started = time.process_time()
                for _ in range(steps):
                    await async_step()
                if round_:
                    best[name] = min(best.get(name, 1e9), time.process_time() - started)
            for name, sync_step in sync_ways.items():
                started = time.process_time()
                for _ in range(steps):
                    sync_step()
                if round_:
                    best[name] = min(best.get(name, 1e9), time.process_time() - started)
        await engine.dispose()
    return {name: seconds / steps * 1000 for name, seconds in best.items()}


LABELS = {
    "orm": "the bot's way: async ORM session on our SQLite driver",
    "session_core": "Core statements on the same async session",
    "sync_core": "Core on a synchronous connection (pysqlite)",
    "raw": "sqlite3 module, hand-written SQL",
}


async def main(steps: int) -> None:
    result = await measure(steps)
    for name, ms in result.items():
        print(f"{LABELS[name]}: {ms:.3f} ms")
    rows = "\n".join(
        f"| {LABELS[name]} | {ms:.3f} | {ms / result['raw']:.0f} |" for name, ms in result.items()
    )
    write_section(
        "Unit of work: what SQLAlchemy costs",
        f"""
`python -m bench unit_of_work --steps {steps}`: one registration step's database work (claim
the update id, load the artisan with their draft and any staff dialogue, save the answer,
commit: BEGIN, three statements, COMMIT) on one SQLite file, four ways, each with its
statements built once. CPU time of the whole process per unit of work, best of {ROUNDS}
interleaved rounds of {steps}.

| way | CPU ms per unit of work | × sqlite3 |
|---|---|---|
{rows}
""",
    )


def cli(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=1000)
    args = parser.parse_args(argv)
    asyncio.run(main(args.steps))


if __name__ == "__main__":
    cli()
