"""Alembic builds the same schema on SQLite and PostgreSQL, matching the models, both ways."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import event, inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.storage.db import downgrade, make_engine, migrate
from bot.storage.models import Base

Schema = dict[str, Any]
# SQLite's reflection skips expression indexes (with this warning); `expression_indexes` lists
# them from the catalogues instead.
pytestmark = [
    pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index"),
    pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based"),
]


def expression_indexes(connection: Connection, table: str) -> list[str]:
    """Names of the indexes on an expression (e.g. the hash pieces of photos)."""
    if connection.dialect.name == "sqlite":
        found = connection.execute(
            text("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = :t"),
            {"t": table},
        )
        return sorted(name for name, sql in found if sql and "(" in sql.split("(", 1)[1])
    found = connection.execute(
        text("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = :t"), {"t": table}
    )
    return sorted(name for name, sql in found if "((" in sql)


def describe(connection: Connection) -> Schema:
    """Tables, columns (name, nullability), indexes, uniques and foreign keys.

    Types are compared against the models by `drift`, per engine.
    """
    inspector = inspect(connection)
    schema: Schema = {}
    for table in sorted(set(inspector.get_table_names()) - {"alembic_version"}):
        schema[table] = {
            "columns": sorted((c["name"], c["nullable"]) for c in inspector.get_columns(table)),
            "indexes": sorted(
                (i["name"], tuple(i["column_names"]), bool(i["unique"]))
                for i in inspector.get_indexes(table)
                # PostgreSQL lists a UNIQUE twice, and reflects expression indexes
                if not i.get("duplicates_constraint") and None not in i["column_names"]
            ),
            "expression_indexes": expression_indexes(connection, table),
            "uniques": sorted(
                tuple(u["column_names"]) for u in inspector.get_unique_constraints(table)
            ),
            "foreign_keys": sorted(
                (tuple(fk["constrained_columns"]), fk["referred_table"])
                for fk in inspector.get_foreign_keys(table)
            ),
        }
    return schema


def drift(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, Base.metadata))


async def run(engine: AsyncEngine, fn: Any) -> Any:
    async with engine.connect() as conn:
        return await conn.run_sync(fn)


@pytest.fixture
async def sqlite_engine(tmp_path: Path) -> Any:
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'schema.db'}")
    yield engine
    await engine.dispose()


@pytest.fixture
async def postgres_engine(postgres_url: str) -> Any:
    if not postgres_url:
        pytest.skip("TEST_DATABASE_URL is not set: PostgreSQL schema comparison skipped")
    engine = make_engine(postgres_url)
    async with engine.begin() as conn:
        await conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        await conn.exec_driver_sql("CREATE SCHEMA public")
    yield engine
    await engine.dispose()


async def test_migrations_match_the_models_on_sqlite(sqlite_engine: AsyncEngine) -> None:
    await migrate(sqlite_engine)
    assert await run(sqlite_engine, drift) == []


async def test_downgrade_to_nothing_and_upgrade_again_on_sqlite(
    sqlite_engine: AsyncEngine,
) -> None:
    await migrate(sqlite_engine)
    first = await run(sqlite_engine, describe)
    await downgrade(sqlite_engine, "base")
    assert await run(sqlite_engine, describe) == {}
    await migrate(sqlite_engine)
    assert await run(sqlite_engine, describe) == first


async def test_sqlite_and_postgresql_get_the_same_schema(
    sqlite_engine: AsyncEngine, postgres_engine: AsyncEngine
) -> None:
    await migrate(sqlite_engine)
    await migrate(postgres_engine)
    assert await run(postgres_engine, drift) == []
    sqlite_schema, postgres_schema = (
        await run(sqlite_engine, describe),
        await run(postgres_engine, describe),
    )
    assert sqlite_schema.keys() == postgres_schema.keys()
    for table in sqlite_schema:
        for aspect in ("indexes", "expression_indexes", "uniques", "foreign_keys"):
            assert sqlite_schema[table][aspect] == postgres_schema[table][aspect], (table, aspect)
        assert sqlite_schema[table]["columns"] == postgres_schema[table]["columns"], table


async def test_downgrade_and_upgrade_again_on_postgresql(postgres_engine: AsyncEngine) -> None:
    await migrate(postgres_engine)
    first = await run(postgres_engine, describe)
    await downgrade(postgres_engine, "base")
    assert await run(postgres_engine, describe) == {}
    await migrate(postgres_engine)
    assert await run(postgres_engine, describe) == first


async def test_look_alike_photos_are_found_through_the_hash_piece_indexes(
    sqlite_engine: AsyncEngine,
) -> None:
    """The lookup's expressions must be the indexes' (literal positions, not parameters)."""
    from sqlalchemy.ext.asyncio import AsyncSession

    from bot.services.photo_match import find_similar
    from bot.storage.models import Photo

    await migrate(sqlite_engine)
    assert len(await run(sqlite_engine, lambda c: expression_indexes(c, "photos"))) == 8
    statements: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        statements.append((statement, params))

    event.listen(sqlite_engine.sync_engine, "before_cursor_execute", keep)
    async with AsyncSession(sqlite_engine) as session:
        photo = Photo(id=1, submission_id=1, file_unique_id="x")
        assert await find_similar(session, photo, "c3e1559687815913") is None
        statement, params = statements[-1]
        connection = await session.connection()
        plan = await connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", params)
        used = " ".join(str(row[-1]) for row in plan)
    assert all(f"ix_photos_phash_{i}" in used for i in range(8)), used
