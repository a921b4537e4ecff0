"""Fill a database with many artisans and submissions quickly, in SQL (no ORM round trips)."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Settings
from bot.services.districts import DistrictIndex

STATES = ("approved", "approved", "approved", "rejected", "draft", "listed", "changes_requested")


def _series(dialect: str, count: int) -> str:
    if dialect == "postgresql":
        return f"SELECT n FROM generate_series(1, {count}) AS n"
    return (
        f"WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < {count}) "
        "SELECT n FROM seq"
    )


async def seed(engine: AsyncEngine, artisans: int, submissions: int, pending_share: float) -> None:
    """`artisans` registered artisans; `submissions` spread over them, `pending_share` waiting."""
    districts = DistrictIndex.load(Settings.model_fields["districts_csv"].default).districts
    keys = [d.key.replace("'", "''") for d in districts]
    case = " ".join(f"WHEN {i} THEN '{k}'" for i, k in enumerate(keys))
    # (n / 20) rather than n: pending rows are every 20th, and they must cover every district.
    district = f"(CASE ((n / 20) % {len(keys)}) {case} END)"
    states = " ".join(f"WHEN {i} THEN '{s}'" for i, s in enumerate(STATES))
    every = max(1, round(1 / pending_share)) if pending_share else 0
    state = (
        f"(CASE WHEN n % {every} = 0 THEN 'pending' ELSE (CASE (n % {len(STATES)}) {states} END) END)"
        if every
        else f"(CASE (n % {len(STATES)}) {states} END)"
    )
    now = "CURRENT_TIMESTAMP"
    dialect = engine.dialect.name
    async with engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO artisans (telegram_id, locale, name, phone, district, craft, consent_at,"
                " notices_opt_in, reachable, created_at, last_seen_at) "
                f"SELECT 5000000 + n, 'hi', 'Artisan ' || n, '+9198' || (10000000 + n), {district},"
                f" 'craft', {now}, true, true, {now}, {now} FROM ({_series(dialect, artisans)}) s"
            )
        )
        await conn.execute(
            text(
                "INSERT INTO submissions (artisan_id, state, editing, district, craft, product_name,"
                " price, version, created_at, updated_at, submitted_at) "
                f"SELECT (n % {artisans}) + 1, {state}, false, {district}, 'craft', 'product ' || n,"
                f" 100 + n % 5000, 1, {now}, {now}, {now} FROM ({_series(dialect, submissions)}) s"
            )
        )
    if dialect == "postgresql":
        async with engine.connect() as conn:
            await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.execute(text("VACUUM ANALYZE"))
    else:
        async with engine.begin() as conn:
            await conn.execute(text("ANALYZE"))
