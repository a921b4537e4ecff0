"""Benchmark: one broadcast to 10,000 artisans through `python -m bot` and the fake Bot API.

Reports the achieved send rate ÷ the configured BROADCAST_RATE (raised for the run) and the bot
process's peak memory, and writes them to the `## Broadcast` section of docs/benchmarks.md
(other sections of that file are left alone).

    .venv/bin/python -m bench.broadcast [--recipients 10000] [--rate 50 --rate 400] [--no-write]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sqlite3
import tempfile
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import insert, select

from bench.common import DOC, ROOT, bot_env, cpu_seconds, fake_server, process, write_section
from bot.config import Settings
from bot.services.broadcast import Audience, CraftCatalogue, queue_broadcast
from bot.services.districts import DistrictIndex
from bot.storage.db import make_engine, make_sessionmaker, migrate
from bot.storage.models import Artisan, Broadcast, utcnow
from bot.workers.broadcast_lane import lane_width

ADMIN_ID = 900_001
FIRST_ID = 1_000_000
# BENCH_PROFILE=path runs the bot under cProfile (written when it exits).
BOT_ARGS = (
    ["-m", "cProfile", "-o", os.environ["BENCH_PROFILE"], "-m", "bot"]
    if os.environ.get("BENCH_PROFILE")
    else ["-m", "bot"]
)


def memory_kib(pid: int) -> tuple[int, int]:
    """(current RSS, peak RSS) of a process in KiB, from /proc."""
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    return int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])


async def seed(url: str, count: int) -> None:
    engine = make_engine(url)
    await migrate(engine)
    now = utcnow()
    rows = [
        {
            "telegram_id": FIRST_ID + i,
            "locale": "hi",
            "name": f"कारीगर {i}",
            "district": "Agra",
            "craft": "चमड़ा उत्पाद",
            "consent_at": now,
            "notices_opt_in": True,
            "reachable": True,
            "created_at": now,
            "last_seen_at": now,
        }
        for i in range(count)
    ]
    async with make_sessionmaker(engine)() as session, session.begin():
        await session.execute(insert(Artisan), rows)
    await engine.dispose()


async def queue(url: str) -> int:
    engine = make_engine(url)
    index = DistrictIndex.load(Settings.model_fields["districts_csv"].default)
    async with make_sessionmaker(engine)() as session, session.begin():
        broadcast = await queue_broadcast(
            session,
            created_by=ADMIN_ID,
            text="<b>ODOP शिविर</b> 5 मार्च को आगरा में। ज़रूर आएँ।",
            photo_file_id=None,
            audience=Audience(),
            catalogue=CraftCatalogue(index),
            default_locale="hi",
            ui_locale="hi",
        )
    await engine.dispose()
    return broadcast.id


async def state_of(url: str, broadcast_id: int) -> str:
    engine = make_engine(url)
    async with make_sessionmaker(engine)() as session:
        state = await session.scalar(select(Broadcast.state).where(Broadcast.id == broadcast_id))
    await engine.dispose()
    return state or "?"


async def run(recipients: int, rate: float) -> dict[str, str]:
    async with fake_server() as fake:
        work = Path(tempfile.mkdtemp(prefix="odop-bench-"))
        url = f"sqlite+aiosqlite:///{work / 'odop.db'}"
        await seed(url, recipients)
        fake.user(ADMIN_ID)
        for i in range(recipients):
            fake.user(FIRST_ID + i)
        env = bot_env(work, url, fake, ADMIN_IDS=str(ADMIN_ID), BROADCAST_RATE=str(rate))
        async with process(BOT_ARGS, env, ROOT) as bot:
            await fake.wait_for(lambda: bool(fake.calls_of("getUpdates")), timeout=60)
            await asyncio.sleep(1.0)
            idle_rss, _ = memory_kib(bot.pid)
            cpu_before = cpu_seconds(bot.pid)
            broadcast_id = await queue(url)
            started = time.monotonic()
            while await state_of(url, broadcast_id) != "done":
                assert bot.returncode is None, "the bot exited"
                assert time.monotonic() - started < recipients / rate * 4 + 120, "too slow"
                await asyncio.sleep(0.5)
            _, peak_rss = memory_kib(bot.pid)
            cpu = cpu_seconds(bot.pid) - cpu_before
            load = os.getloadavg()[0]
        calls = [c for c in fake.calls_of("sendMessage") if c.ok and (c.chat_id or 0) >= FIRST_ID]
    sends = sorted(c.at for c in calls)
    copies = Counter(c.chat_id for c in calls)
    achieved = (len(sends) - 1) / (sends[-1] - sends[0])
    return {
        "recipients": f"{recipients:,}",
        "configured rate": f"{rate:g}/s",
        "lane width (sends in flight, max)": str(lane_width(rate)),
        "delivered (distinct chats)": f"{len(copies):,}",
        "duplicates": str(sum(n - 1 for n in copies.values())),
        "first to last send": f"{sends[-1] - sends[0]:.1f} s",
        "achieved rate": f"{achieved:.1f}/s",
        "achieved ÷ configured": f"{achieved / rate:.3f}",
        "bot CPU per notice": f"{cpu / recipients * 1000:.1f} ms",
        "machine load average (1 min) at the end": f"{load:.1f}",
        "bot RSS when idle": f"{idle_rss / 1024:.0f} MiB",
        "bot peak RSS (VmHWM) during the run": f"{peak_rss / 1024:.0f} MiB",
        "peak − idle": f"{(peak_rss - idle_rss) / 1024:.1f} MiB",
    }


def write(runs: list[dict[str, str]]) -> None:
    names = list(runs[0])
    header = "| measure | " + " | ".join(f"run {i + 1}" for i in range(len(runs))) + " |"
    rule = "|---|" + "---|" * len(runs)
    rows = "\n".join(f"| {n} | " + " | ".join(r[n] for r in runs) + " |" for n in names)
    write_section(
        "Broadcast",
        f"""
`python -m bench.broadcast`: one broadcast queued to every artisan; `python -m bot` runs as its
own process against the fake Bot API (served by the benchmark process on the same machine), with
SQLite {sqlite3.sqlite_version}. The rate is measured from the fake's arrival timestamps of the
notices (first to last); memory is the bot process's resident set from `/proc/<pid>/status`.
Each run starts a fresh database and bot.

{header}
{rule}
{rows}

The pacer is a leaky bucket draining at the configured rate that holds two sends, so a late
timer is made up for, and no 1-second window holds more than rate + 1 sends. The achieved rate
falls short once the machine cannot do the work: each notice costs the bot the CPU shown (PTB,
the HTTP client, a share of one SQLite commit per group of results), and the fake server and
the benchmark share the same cores. A run
at a rate above that ceiling measures the ceiling, not the pacing. At Telegram's real limit
(25/s) the lane needs a small share of one core. Memory does not grow with the audience: the
lane reads one lane-width page of pending deliveries at a time and keeps at most that many sends
in flight.
""",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipients", type=int, default=10_000)
    parser.add_argument(
        "--rate", type=float, action="append", help="BROADCAST_RATE; repeat for several runs"
    )
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    runs = [asyncio.run(run(args.recipients, rate)) for rate in args.rate or [50.0, 400.0]]
    for name in runs[0]:
        print(f"{name:40} " + "  ".join(f"{r[name]:>12}" for r in runs))
    if not args.no_write:
        write(runs)
        print(f"written to {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
