"""The local playground (`python -m bot playground`): the whole bot in a browser, no Telegram.

Not part of the bot: `bot/__main__.py` hands `playground ...` to `main` here with a lazy import.

It runs the project's fake Bot API server, the real bot pointed at it (the production code path,
SQLite in a temporary or chosen folder) and a chat page on 127.0.0.1. See `server.run_playground`.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
from pathlib import Path

DEFAULT_PORT = 8765


def main(argv: list[str]) -> int:
    """`python -m bot playground [options]`; returns the exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m bot playground",
        description="Run the bot against a local fake Telegram and chat with it from a web page "
        "on 127.0.0.1, as an artisan, a reviewer or an admin. Ctrl+C stops it.",
    )
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port of the page (default {DEFAULT_PORT})"
    )
    parser.add_argument(
        "--data",
        type=Path,
        metavar="DIR",
        help="keep the SQLite database and photos in DIR (default: a temporary folder "
        "removed on exit)",
    )
    parser.add_argument(
        "--log-level", default="WARNING", help="the bot's log level (default WARNING)"
    )
    return _main(parser.parse_args(argv))


def _main(args: argparse.Namespace) -> int:
    logging.basicConfig(
        level=str(args.log_level).upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        force=True,
    )
    for noisy in ("httpx", "httpcore", "apscheduler"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    try:
        asyncio.run(_serve(args.port, args.data))
    except OSError as exc:  # typically: the port is taken (try --port)
        print(f"playground: could not start: {exc}", file=sys.stderr)
        return 1
    return 0


async def _serve(port: int, data_dir: Path | None) -> None:
    from playground.server import run_playground

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with run_playground(port, data_dir) as playground:
        where = f"database in {playground.data_dir}" if data_dir else "temporary database"
        print(f"ODOP playground: open {playground.url}  ({where}; Ctrl+C stops)", flush=True)
        await stop.wait()
    print("ODOP playground stopped.", flush=True)
