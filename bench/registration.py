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
from pathlib import Path

from bench.common import (
    PG_URL,
    Latencies,
    bot_env,
    fake_server,
    first_poll,
    postgres_available,
    process,
    write_section,
)
from bot.fake_telegram import FakeTelegram, FakeUser
from tests.conftest import free_port

Step = Callable[[FakeUser], Awaitable[object]]


def journey(echo: bool) -> list[tuple[Step, int]]:
    """The 13 updates of a full registration, with how many messages our bot answers each with."""

    def n(ours: int) -> int:
        return 1 if echo else ours

    def press(data: str) -> Step:
        return lambda u: u.press(data="ok" if echo else data, expect=n(1), settle=0, timeout=60)

    def say(text: str, ours: int) -> Step:
        return lambda u: u.send(text, expect=n(ours), settle=0, timeout=60)

    return [
        (say("/start", 1), 1),
        (
            lambda u: u.press(data="ok" if echo else "reg:yes", expect=n(2), settle=0, timeout=60),
            2,
        ),
        (say("सुनीता देवी", 1), 1),
        (
            lambda u: u.share_contact(
                f"+9198{u.id % 100_000_000:08d}", expect=n(2), settle=0, timeout=60
            ),
            2,
        ),
        (say("Gorakhpur", 2), 2),
        (press("reg:c:0"), 1),
        (say("टेराकोटा हाथी", 1), 1),
        (say("हाथ से बना मिट्टी का हाथी, भट्टी में पका हुआ।", 1), 1),
        (say("1200", 1), 1),
        (press("reg:skip:capacity"), 1),
        (lambda u: u.send_photo(expect=n(1), settle=0, timeout=60), 1),
        (
            lambda u: u.press(
                data="ok" if echo else "reg:done", expect=n(2), settle=0, timeout=60
            ),
            2,
        ),
        (press("reg:submit"), 1),
    ]


async def run_artisans(fake: FakeTelegram, count: int, echo: bool) -> Latencies:
    users = [fake.user(language_code="hi") for _ in range(count)]
    latencies: list[float] = []

    async def register(user: FakeUser) -> None:
        for step, _ in journey(echo):
            start = time.monotonic()
            calls = await step(user)
            first = min((c.at for c in calls), default=time.monotonic())  # type: ignore[attr-defined]
            latencies.append(first - start)

    started = time.monotonic()
    await asyncio.gather(*(register(u) for u in users))
    return Latencies(latencies, time.monotonic() - started)


async def measure(
    label: str, args: list[str], database_url: str, count: int, echo: bool, webhook: bool = False
) -> tuple[Latencies, float]:
    with tempfile.TemporaryDirectory() as tmp:
        async with fake_server() as fake:
            extra: dict[str, str] = {}
            if webhook:
                port = free_port()
                extra = {
                    "WEBHOOK_URL": f"http://127.0.0.1:{port}/hook",
                    "WEBHOOK_SECRET": "bench-secret",
                    "WEBHOOK_PORT": str(port),
                }
            env = bot_env(Path(tmp), database_url.format(tmp=tmp), fake, **extra)
            async with process(args, env, Path(tmp)):
                startup = await first_poll(fake, 0)
                if webhook:
                    await asyncio.sleep(0.5)  # the webhook server listens just after setWebhook
                if not echo:
                    await run_artisans(fake, 5, echo)  # warm-up: imports, caches, SQLite pages
                result = await run_artisans(fake, count, echo)
        print(f"{label}: {result.row()} (start-up {startup:.2f}s)")
        return result, startup


async def main(count: int) -> None:
    sqlite = "sqlite+aiosqlite:///{tmp}/bench.db"
    ours = ["-m", "bot"]
    echo = [str(Path(__file__).with_name("echo_bot.py"))]
    base, _ = await measure("echo bot (polling)", echo, sqlite, count, echo=True)
    lite, startup = await measure("ours, SQLite (polling)", ours, sqlite, count, echo=False)
    hook, _ = await measure(
        "ours, SQLite (webhook)", ours, sqlite, count, echo=False, webhook=True
    )
    rows = [
        ("bare PTB echo bot, polling", base, "1.00"),
        ("ODOP bot, SQLite, polling", lite, f"{lite.rate / base.rate:.2f}"),
        ("ODOP bot, SQLite, webhook", hook, f"{hook.rate / base.rate:.2f}"),
    ]
    if await postgres_available():
        pg, _ = await measure("ours, PostgreSQL (polling)", ours, PG_URL, count, echo=False)
        rows.append(("ODOP bot, PostgreSQL, polling", pg, f"{pg.rate / base.rate:.2f}"))
    table = "\n".join(f"| {name} | {lat.row()} | {ratio} |" for name, lat, ratio in rows)
    write_section(
        "Registration throughput and latency",
        f"""
`python -m bench registration --artisans {count}`: {count} artisans register at once, each
through the full 13-update journey (consent … photo … submit), waiting for the bot's answer
before the next step as a person does. The bot runs as a `python -m bot` process; the fake Bot
API server and the simulated artisans share the benchmark process (and the same two cores).
Latency: from the update being made available to the bot's first answer reaching the server.

| bot | updates | updates/s | p50 ms | p95 ms | p99 ms | × echo bot |
|---|---|---|---|---|---|---|
{table}

Start-up (process start to first `getUpdates`, SQLite): {startup:.2f} s.
""",
    )


def cli(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--artisans", type=int, default=200)
    args = parser.parse_args(argv)
    asyncio.run(main(args.artisans))


if __name__ == "__main__":
    cli()
