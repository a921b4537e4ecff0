"""Memory and start-up with 100,000 artisans and 300,000 submissions in the database.

RSS of the `python -m bot` process and its photo judging process after start and after a camp's
hour of traffic (every hundred artisans registering and the rest checking /status), for growing
numbers of artisans to show it stays flat: nothing loads all users or all submissions into memory.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

from bench.common import bot_env, fake_server, first_poll, process, rss_mb, write_section
from bench.registration import run_artisans
from bench.seed import seed
from bot.storage.db import make_engine, migrate


async def measure(artisans: int, registrations: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite+aiosqlite:///{Path(tmp) / 'memory.db'}"
        engine = make_engine(url)
        await migrate(engine)
        await seed(engine, artisans=artisans, submissions=artisans * 3, pending_share=0.05)
        await engine.dispose()
        async with fake_server() as fake:
            started = time.monotonic()
            async with process(["-m", "bot"], bot_env(Path(tmp), url, fake), Path(tmp)) as proc:
                await first_poll(fake, 0)
                startup = time.monotonic() - started
                await asyncio.sleep(1.0)
                after_start = rss_mb(proc.pid)
                traffic = await run_artisans(fake, registrations, echo=False)
                for artisan_id in range(5_000_001, 5_000_001 + registrations):
                    await fake.user(artisan_id).send("/status", settle=0, timeout=60)
                after_traffic = rss_mb(proc.pid)
    print(
        f"{artisans} artisans: start {startup:.2f}s, RSS {after_start:.0f} -> {after_traffic:.0f} MB"
    )
    return {
        "startup": startup,
        "after_start": after_start,
        "after_traffic": after_traffic,
        "updates": traffic.updates + registrations,
    }


async def main(sizes: list[int], registrations: int) -> None:
    rows = [(n, await measure(n, registrations)) for n in sizes]
    table = "\n".join(
        f"| {n:,} | {n * 3:,} | {r['startup']:.2f} | {r['after_start']:.0f} | "
        f"{r['after_traffic']:.0f} | {r['updates']:.0f} |"
        for n, r in rows
    )
    write_section(
        "Memory and start-up",
        f"""
`python -m bench memory`: the database holds N artisans and 3·N submissions (built with SQL);
the bot starts as a `python -m bot` process on SQLite. Start-up is process start to the first
`getUpdates`. "After traffic": {registrations} artisans register at once and {registrations}
existing artisans ask for /status. RSS is the bot's and, once photos came, its photo judging
process's (about 26 MB; bot/workers/judging.py).

| artisans | submissions | start-up s | RSS after start MB | RSS after traffic MB | updates |
|---|---|---|---|---|---|
{table}
""",
    )


def cli(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--registrations", type=int, default=200)
    args = parser.parse_args(argv)
    asyncio.run(main(args.sizes, args.registrations))


if __name__ == "__main__":
    cli()
