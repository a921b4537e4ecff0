"""`python -m bot export --format ondc`: the ONDC catalogue, one line per product left out.

Exit codes as for the other exports: 0 every approved product was written, 1 some were left
out (each printed with what it lacks, and in catalogue_ondc_left_out.csv).
"""

from __future__ import annotations

import sys
from pathlib import Path

from bot.config import Settings
from bot.services.catalogue import ExportQuery
from bot.services.crafts import CraftIndex
from bot.services.districts import DistrictIndex
from bot.services.ondc import export_ondc
from bot.storage.db import make_engine, make_sessionmaker, migrate


async def ondc_command(settings: Settings, query: ExportQuery, out: Path) -> int:
    engine = make_engine(settings.database_url)
    try:
        await migrate(engine)
        result = await export_ondc(
            make_sessionmaker(engine),
            DistrictIndex.load(settings.districts_csv),
            CraftIndex.load(settings.crafts_csv),
            settings.media_base_url,
            query,
            out,
        )
    finally:
        await engine.dispose()
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for path in result.files:
        print(f"wrote {path}")
    for reference, missing in result.left_out:
        print(f"left out {reference}: missing {', '.join(missing)}")
    if result.stock_unknown:
        print(f"stock unknown (no answer twice): {', '.join(result.stock_unknown)}")
    print(
        f"{result.items} items from {result.providers} artisans in {out};"
        f" {len(result.left_out)} left out"
    )
    return 1 if result.left_out else 0
