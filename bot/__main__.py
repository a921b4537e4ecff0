"""`python -m bot` runs the bot; subcommands: migrate, and those the feature modules add."""

from __future__ import annotations

import argparse
import asyncio
import gc
import importlib
import logging
import signal
import sys
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from pydantic import ValidationError

from bot.config import Settings
from bot.logs import setup_logging
from bot.startup import StartupError, check_database, check_machine

# Modules exposing `register(subparsers)`: each adds its subcommands with `set_defaults(func=...)`,
# where func(args) -> int is the exit code.
COMMAND_MODULES = ("bot.cli_catalogue", "bot.cli_poster")
PLAYGROUND_HELP = "try the bot in a browser, without Telegram (no token, no internet)"

log = logging.getLogger("bot")


def load_settings(need_token: bool = False) -> Settings:
    """Settings from the environment and .env, or one clear line and exit code 2.

    Only running the bot needs TELEGRAM_BOT_TOKEN; commands that touch the database alone do not.
    """
    try:
        settings = Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        name = str(first["loc"][0]).upper() if first["loc"] else "settings"
        print(f"configuration error: {name}: {first['msg']} (see .env.example)", file=sys.stderr)
        raise SystemExit(2) from None
    if need_token and not settings.telegram_bot_token:
        print(
            "configuration error: TELEGRAM_BOT_TOKEN: required to run the bot "
            "(the token @BotFather gave you; see .env.example)",
            file=sys.stderr,
        )
        raise SystemExit(2)
    setup_logging(settings)
    return settings


async def serve(settings: Settings) -> None:
    """Run until SIGINT/SIGTERM; a signal while still trying to reach Telegram ends the wait."""
    from bot.app import build_application
    from bot.runner import running

    await check_machine(settings)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    started = False

    async def run() -> None:
        nonlocal started
        async with running(build_application(settings), settings):
            started = True
            _settle_gc()
            await stop.wait()

    bot_task = asyncio.create_task(run())
    stop_task = asyncio.create_task(stop.wait())
    await asyncio.wait({bot_task, stop_task}, return_when=asyncio.FIRST_COMPLETED)
    stop_task.cancel()
    if not started and not bot_task.done():
        bot_task.cancel()
        log.info("stopped before the bot could start")
    with suppress(asyncio.CancelledError):
        await bot_task


def _settle_gc() -> None:
    """Keep the collector off what start-up built, and let it run less often.

    Modules, handlers, locale bundles and the district index live as long as the process;
    freezing them spares every full collection from walking them again. Each update allocates
    thousands of short-lived objects (PTB's Update, ORM rows), and the default gen-0 threshold
    of 700 runs a collection several times per update. Measured in docs/benchmarks.md.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 50, 100)


async def migrate_only(settings: Settings) -> None:
    from bot.storage.db import make_engine, migrate

    await check_database(settings.database_url, settings.sqlite_driver)
    engine = make_engine(settings.database_url, sqlite_driver_name=settings.sqlite_driver)
    await migrate(engine)
    await engine.dispose()


def _run(args: argparse.Namespace) -> int:
    asyncio.run(serve(load_settings(need_token=True)))
    return 0


def _migrate(args: argparse.Namespace) -> int:
    asyncio.run(migrate_only(load_settings()))
    return 0


def _playground(argv: list[str]) -> int:
    # The playground is its own package (top-level `playground/`), imported only when asked for.
    from playground import main as playground_main

    return playground_main(argv)


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["playground"]:
        raise SystemExit(_playground(argv[1:]))
    parser = argparse.ArgumentParser(prog="python -m bot", description="ODOP artisan bot")
    parser.set_defaults(func=_run)
    commands = parser.add_subparsers(title="commands")
    commands.add_parser("run", help="run the bot (the default)").set_defaults(func=_run)
    commands.add_parser("migrate", help="upgrade the database and exit").set_defaults(
        func=_migrate
    )
    for name in COMMAND_MODULES:
        register: Callable[[argparse._SubParsersAction[Any]], None]
        register = importlib.import_module(name).register
        register(commands)
    commands.add_parser("playground", help=PLAYGROUND_HELP, add_help=False)  # see _playground
    args = parser.parse_args(argv)
    try:
        code = args.func(args)
    except StartupError as exc:
        print(exc.line, file=sys.stderr)
        code = exc.code
    raise SystemExit(code)


if __name__ == "__main__":
    main()
