"""Terminal commands for the catalogue: `export`, `mark-listed FILE`, `stats`.

Each loads the settings like the bot (exit 2 with one line when they are wrong), opens the
database (upgrading it, as the bot does on start) and prints one line per result. None needs
TELEGRAM_BOT_TOKEN; with it, `mark-listed` also tells each artisan. Exit codes: 0 done, 1 some
rows failed or Telegram or the database could not be reached, 2 bad input or a rejected token.
Output goes through bot.logs's masking streams, so no secret is printed even in an error.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import logging
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from telegram import Bot
from telegram.error import InvalidToken, TelegramError

from bot.cli_ondc import ondc_command
from bot.config import Settings
from bot.context import Services
from bot.i18n import SUPPORTED, Translator
from bot.outbox import Outbox, send_text
from bot.services import stats as st
from bot.services.catalogue import FORMATS, ExportQuery, export_catalogue
from bot.services.districts import DistrictIndex
from bot.services.listing import ListingRefused, listing_notice, mark_listed, refusal_text
from bot.startup import StartupError, check_database
from bot.storage.db import make_engine, make_sessionmaker, migrate
from bot.storage.models import State


def register(commands: argparse._SubParsersAction[Any]) -> None:
    """Add this module's subcommands."""
    export = commands.add_parser("export", help="write the catalogue and its photos to a folder")
    export.add_argument("--state", default=State.APPROVED.value, choices=[s.value for s in State])
    export.add_argument("--since", type=_date, help="YYYY-MM-DD: approved on or after (UTC)")
    export.add_argument("--district", help="a district name, in English or Hindi")
    export.add_argument("--format", default="csv", choices=(*FORMATS, "ondc"))
    export.add_argument("--out", type=Path, required=True, help="folder to write into")
    export.set_defaults(func=_export)
    # Joined so the locale test does not take the command's name for a message key.
    listed = commands.add_parser(
        "mark-listed", help="mark submissions listed from a CSV of reference,url"
    )
    listed.add_argument("file", type=Path)
    listed.set_defaults(func=_mark_listed)
    stats = commands.add_parser("stats", help="print the statistics admins see with /stats")
    stats.add_argument("--lang", default="en", choices=SUPPORTED)
    stats.add_argument("--chart", type=Path, help="also write the PNG chart to this file")
    stats.set_defaults(func=_stats)


def _date(text: str) -> datetime:
    try:
        return datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _settings() -> Settings:
    from bot.__main__ import load_settings

    return load_settings()


def _export(args: argparse.Namespace) -> int:
    return asyncio.run(export_command(_settings(), args))


def _mark_listed(args: argparse.Namespace) -> int:
    return asyncio.run(mark_listed_command(_settings(), args.file))


def _stats(args: argparse.Namespace) -> int:
    return asyncio.run(stats_command(_settings(), args.lang, args.chart))


@asynccontextmanager
async def opened(settings: Settings) -> AsyncIterator[Services]:
    """The bot's services without the bot: database, translator, districts."""
    logging.getLogger("alembic").setLevel(logging.WARNING)  # the terminal shows results only
    # One line naming DATABASE_URL when it cannot be opened.
    await check_database(settings.database_url, settings.sqlite_driver)
    engine = make_engine(settings.database_url, sqlite_driver_name=settings.sqlite_driver)
    try:
        await migrate(engine)
        yield Services(
            settings=settings,
            engine=engine,
            sessions=make_sessionmaker(engine),
            t=Translator(settings.default_locale),
            districts=DistrictIndex.load(settings.districts_csv),
        )
    finally:
        await engine.dispose()


async def export_command(settings: Settings, args: argparse.Namespace) -> int:
    district = None
    if args.district:
        match = DistrictIndex.load(settings.districts_csv).match(args.district)
        if match.district is None:
            hint = ", ".join(d.key for d in match.suggestions) or "-"
            print(f"unknown district {args.district!r}; did you mean: {hint}", file=sys.stderr)
            return 2
        district = match.district.key
    query = ExportQuery(state=args.state, since=args.since, district=district)
    if args.format == "ondc":  # approved and listed products, as ONDC on_search
        return await ondc_command(settings, query, args.out)
    async with opened(settings) as services:
        result = await export_catalogue(
            services.sessions, services.districts, settings.media_dir, query, args.format, args.out
        )
    for path in result.files:
        print(f"wrote {path}")
    print(f"{result.rows} submissions, {result.photos} photos in {args.out}")
    if result.missing_photos:
        print(f"{result.missing_photos} photos are not downloaded yet: run the export again later")
    return 0


def read_listing_file(path: Path) -> list[tuple[int, str, str]]:
    """(line number, reference, url) rows; a header row and blank lines are skipped."""
    rows: list[tuple[int, str, str]] = []
    with path.open(encoding="utf-8-sig", newline="") as f:
        for number, row in enumerate(csv.reader(f), 1):
            cells = [cell.strip() for cell in row]
            if not any(cells) or (number == 1 and cells[0].lower() == "reference"):
                continue
            rows.append((number, cells[0], cells[1] if len(cells) > 1 else ""))
    return rows


async def mark_listed_command(settings: Settings, path: Path) -> int:
    """One transaction per row: a bad row is reported and the others still go through.

    Each artisan is told right after their row is committed; a re-run skips rows already
    listed with the same URL, so fixing the failed rows and running the file again is safe.
    """
    try:
        rows = read_listing_file(path)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        print(f"cannot read {path}: {exc}", file=sys.stderr)
        return 2
    try:
        bot = await _telegram(settings)
    except StartupError as exc:
        print(exc.line, file=sys.stderr)
        return exc.code
    if bot is None:
        print("no TELEGRAM_BOT_TOKEN: the artisans will not be told", file=sys.stderr)
    failed = 0
    try:
        async with opened(settings) as services:
            for number, reference, url in rows:
                outcome = await _list_one(services, bot, reference, url)
                failed += outcome is None
                print(f"line {number}: {reference}: {outcome or 'refused'}")
    finally:
        if bot is not None:
            await bot.shutdown()
    print(f"{len(rows) - failed} of {len(rows)} rows done")
    return 1 if failed else 0


async def _telegram(settings: Settings) -> Bot | None:
    """A Bot to tell artisans with, None without a token, or StartupError if it is unusable."""
    if not settings.telegram_bot_token:
        return None
    root = settings.telegram_api_url
    bot = Bot(
        settings.telegram_bot_token, base_url=f"{root}/bot", base_file_url=f"{root}/file/bot"
    )
    try:
        await bot.initialize()
    except TelegramError as exc:
        await bot.shutdown()
        if isinstance(exc, InvalidToken):  # its message holds the token: not repeated
            raise StartupError(
                "the Bot API rejected TELEGRAM_BOT_TOKEN: nothing was changed", code=2
            ) from None
        raise StartupError(
            f"cannot reach the Bot API ({exc.message}): nothing was changed", code=1
        ) from None
    return bot


async def _list_one(services: Services, bot: Bot | None, reference: str, url: str) -> str | None:
    """What happened to one row, or None (after printing why) when it was refused."""
    async with services.sessions() as session:
        try:
            listing = await mark_listed(session, reference, url, actor_id=None)
        except ListingRefused as refused:
            print(st.plain(refusal_text(services.t, "en", refused)), file=sys.stderr)
            return None
        await session.commit()
    sub, artisan = listing.submission, listing.artisan
    if not listing.changed:
        return "already listed with this URL"
    if bot is None:
        return "listed (no token: the artisan was not told)"
    told = False
    if artisan is not None:
        chat, text = listing_notice(services.t, artisan, sub)

        async def send(bot: Bot) -> None:
            nonlocal told
            await send_text(chat, text, None, bot)
            told = True

        outbox = Outbox()
        outbox.later(send, chat)
        await outbox.send(bot, services)
    return "listed" if told else "listed (the artisan could not be told)"


async def stats_command(settings: Settings, lang: str, chart: Path | None) -> int:
    async with opened(settings) as services, services.sessions() as session:
        numbers = await st.collect(session)

        def t(key: str, **args: Any) -> str:
            return services.t(lang, key, **args)

        print(st.plain(st.render(numbers, t, services.districts, lang)))
        labels = st.chart_labels(services.t)
    if chart is not None:
        png = await asyncio.to_thread(st.chart_png, numbers.by_district, labels)
        await asyncio.to_thread(chart.write_bytes, png)
        print(f"wrote {chart}")
    return 0
