"""`python -m bot` runs the bot; `python -m bot migrate` only upgrades the database."""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys

from pydantic import ValidationError

from bot.config import Settings
from bot.logs import setup_logging


def load_settings() -> Settings:
    try:
        return Settings()  # type: ignore[call-arg]
    except ValidationError as exc:
        first = exc.errors()[0]
        name = str(first["loc"][0]).upper() if first["loc"] else "settings"
        print(f"configuration error: {name}: {first['msg']} (see .env.example)", file=sys.stderr)
        raise SystemExit(2) from None


async def serve(settings: Settings) -> None:
    from bot.app import build_application
    from bot.runner import running

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with running(build_application(settings), settings):
        await stop.wait()


async def migrate_only(settings: Settings) -> None:
    from bot.storage.db import make_engine, migrate

    engine = make_engine(settings.database_url)
    await migrate(engine)
    await engine.dispose()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bot", description="ODOP artisan bot")
    parser.add_argument("command", nargs="?", default="run", choices=["run", "migrate"])
    args = parser.parse_args(argv)
    settings = load_settings()
    setup_logging(settings)
    if args.command == "migrate":
        asyncio.run(migrate_only(settings))
    else:
        asyncio.run(serve(settings))


if __name__ == "__main__":
    main()
