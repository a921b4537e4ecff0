"""Registration throughput and latency: N artisans registering at once, against a bare echo bot.

Latency is measured from the moment an update is made available (queued for getUpdates, or
POSTed to the webhook) to the bot's first answer reaching the fake server.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from bench.common import (
    PG_URL,
    Latencies,
    bot_env,
    collector_paused,
    cpu_seconds,
    fake_server,
    first_poll,
    postgres_available,
    process,
    write_section,
)
from fake_telegram import FakeTelegram, FakeUser
from tests.support.journey import Step as JourneyStep
from tests.support.journey import registration
from tests.support.world import free_port

Step = Callable[[FakeUser], Awaitable[object]]


def journey(echo: bool) -> list[tuple[Step, int]]:
    """The 13 updates of a full registration, with how many messages our bot answers each with.

    The steps are the tests' happy path; buttons are pressed by their callback data ("ok" for
    the echo bot, which answers every update with one message).
    """

    def run(step: JourneyStep) -> Step:
        wait = {"expect": 1 if echo else step.answers, "settle": 0, "timeout": 60}
        if echo and step.kind == "press":
            return lambda u: u.press(data="ok", **wait)
        return lambda u: step.run(u, by_data=True, **wait)

    return [(run(step), step.answers) for step in registration()]


async def run_artisans(
    fake: FakeTelegram, count: int, echo: bool, pace: float | None = None, pause: float = 1.0
) -> Latencies:
    """`count` artisans register; all at once, or (`pace` updates/s) arriving steadily.

    Paced, each artisan starts (journey length / `pace`) seconds after the previous one and waits `pause`
    seconds (reading, typing) after each answer, so about `pace` updates/s arrive in all.
    """
    users = [fake.user(language_code="hi") for _ in range(count)]
    latencies: list[float] = []
    answered: list[float] = []
    finished: list[float] = []
    steps = journey(echo)

    async def register(index: int, user: FakeUser) -> None:
        if pace:
            await asyncio.sleep(index * len(steps) / pace)
        for step, _ in steps:
            start = time.monotonic()
            calls = await step(user)
            first = min((c.at for c in calls), default=time.monotonic())  # type: ignore[attr-defined]
            latencies.append(first - start)
            answered.append(first)
            if pace:
                await asyncio.sleep(pause)
        finished.append(time.monotonic())

    with collector_paused():
        started = time.monotonic()
        await asyncio.gather(*(register(i, u) for i, u in enumerate(users)))
        result = Latencies(latencies, time.monotonic() - started)
    if pace:
        # From the first artisan's last step to the last artisan's first: the full pace arrives.
        low, high = min(finished), started + (count - 1) * len(steps) / pace
        if high > low:
            result.plateau = sum(low <= t <= high for t in answered) / (high - low)
    return result


@dataclass
class Run:
    burst: Latencies
    paced: dict[float, Latencies]
    startup: float
    cpu: float  # the bot process's CPU seconds per update in the burst


async def measure(
    label: str,
    args: list[str],
    database_url: str,
    count: int,
    paces: list[float],
    echo: bool,
    webhook: bool = False,
    **env_extra: str,
) -> Run:
    with tempfile.TemporaryDirectory() as tmp:
        async with fake_server() as fake:
            extra: dict[str, str] = dict(env_extra)
            if webhook:
                port = free_port()
                extra |= {
                    "WEBHOOK_URL": f"http://127.0.0.1:{port}/hook",
                    "WEBHOOK_SECRET": "bench-secret-" * 3,  # 39 characters: the minimum is 32
                    "WEBHOOK_PORT": str(port),
                }
            env = bot_env(Path(tmp), database_url.format(tmp=tmp), fake, **extra)
            async with process(args, env, Path(tmp)) as bot:
                startup = await first_poll(fake, 0)
                if webhook:
                    await asyncio.sleep(0.5)  # the webhook server listens just after setWebhook
                await run_artisans(fake, 5, echo)  # warm-up: imports, caches, SQLite pages
                cpu = cpu_seconds(bot.pid)
                burst = await run_artisans(fake, count, echo)
                cpu = (cpu_seconds(bot.pid) - cpu) / len(burst.values)
                paced = {}
                for pace in paces:
                    paced_count = max(1, round(pace * PACED_SECONDS / len(journey(echo))))
                    paced[pace] = await run_artisans(fake, paced_count, echo, pace=pace)
        steady = "; ".join(
            f"{p:g}/s: {run.row()}, {run.plateau or 0:.0f}/s" for p, run in paced.items()
        )
        print(
            f"{label}: burst {burst.row()}, {cpu * 1000:.1f} ms CPU/update; "
            f"paced {steady} (start-up {startup:.2f}s)"
        )
        return Run(burst, paced, startup, cpu)


PACED_SECONDS = 30


async def fresh_postgres() -> str:
    """A database of its own for the PostgreSQL run, so earlier runs' rows do not count."""
    import asyncpg  # type: ignore[import-untyped]

    server = PG_URL.replace("postgresql+asyncpg", "postgresql").rsplit("/", 1)[0]
    conn = await asyncpg.connect(f"{server}/postgres")
    try:
        await conn.execute("DROP DATABASE IF EXISTS odop_bench")
        await conn.execute("CREATE DATABASE odop_bench")
    finally:
        await conn.close()
    return PG_URL.rsplit("/", 1)[0] + "/odop_bench"


async def main(count: int, paces: list[float]) -> None:
    sqlite = "sqlite+aiosqlite:///{tmp}/bench.db"
    ours = ["-m", "bot"]
    echo = [str(Path(__file__).with_name("echo_bot.py"))]
    base = await measure("echo bot (polling)", echo, sqlite, count, paces, echo=True)
    same = await measure(
        "echo bot, aiohttp (polling)", echo, sqlite, count, paces, echo=True,
        ECHO_TRANSPORT="aiohttp",
    )  # fmt: skip
    rows = [
        ("bare PTB echo bot (httpx, PTB's default), polling", base),
        ("bare PTB echo bot on our transport (aiohttp), polling", same),
        (
            "ODOP bot, SQLite, polling",
            await measure("ours, SQLite", ours, sqlite, count, paces, False),
        ),
        (
            "ODOP bot, SQLite, webhook",
            await measure(
                "ours, SQLite, webhook", ours, sqlite, count, paces, False, webhook=True
            ),
        ),
    ]
    if await postgres_available():
        pg = await fresh_postgres()
        rows.append(
            (
                "ODOP bot, PostgreSQL, polling",
                await measure("ours, PG", ours, pg, count, paces, False),
            )
        )
    burst = "\n".join(
        f"| {name} | {run.burst.row()} | {run.cpu * 1000:.1f} | "
        f"{run.burst.rate / base.burst.rate:.2f} | {run.burst.rate / same.burst.rate:.2f} |"
        for name, run in rows
    )
    paced = "\n".join(
        f"| {name} | {pace:g} | {run.row()} | {run.plateau or 0:.0f} |"
        for name, measured in rows
        for pace, run in measured.paced.items()
    )
    startup = rows[2][1].startup
    write_section(
        "Registration throughput and latency",
        f"""
`python -m bench registration --artisans {count} --pace {" ".join(f"{p:g}" for p in paces)}`. Each simulated artisan goes
through the full 13-update journey (consent … photo … submit) and waits for the bot's answer
before the next step. The bot runs as a `python -m bot` process; the fake Bot API server and the
artisans share the benchmark process (its garbage collector stopped while a run is measured)
and the same two cores. Latency: from the update being made available (queued for getUpdates,
or POSTed to the webhook) to the bot's first answer reaching the server.

**Burst:** {count} artisans at once, no pauses: the most the bot can do (latency here is
mostly waiting in line behind the other {count - 1}).

| bot | updates | updates/s | p50 ms | p95 ms | p99 ms | bot CPU ms/update | × default echo | × echo, same transport |
|---|---|---|---|---|---|---|---|---|
{burst}

**Steady:** for {PACED_SECONDS} s artisans arrive so that about `pace` updates/s come in, each
pausing 1 s after an answer (for scale: a district camp registering 300 artisans in an hour is
about 1 update/s). "updates/s" averages over the ramp up and down; "at full pace" counts
answers only while every artisan of the run is mid-journey.

| bot | pace | updates | updates/s | p50 ms | p95 ms | p99 ms | updates/s at full pace |
|---|---|---|---|---|---|---|---|
{paced}

Start-up (process start to first `getUpdates`, SQLite): {startup:.2f} s.
""",
    )


def cli(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--artisans", type=int, default=200)
    parser.add_argument(
        "--pace", type=float, nargs="+", default=[40.0, 300.0], help="updates/s, steady runs"
    )
    args = parser.parse_args(argv)
    asyncio.run(main(args.artisans, args.pace))


if __name__ == "__main__":
    cli()
