"""Registration against the best bare bot: N artisans registering at once, on the same fake server.

Each artisan walks the tests' happy path, with an album of three full-size photos where the
tests send one: 15 updates (13 steps). A step's answer time runs from the update being queued
for getUpdates to the bot's *last* reply of that step reaching the fake server (for an album,
from its parts being queued to its one answer). The run ends when every artisan has their
last answer and every photo is kept on disk: the downloads are part of our bot's work.

The baselines are PTB echo bots on the same server, in the four ways PTB can run one (one
update at a time, PTB's default, or 64 at once; httpx, PTB's default client, or our aiohttp
transport). Each answers every update with one message (a button press: the answer and one
message), so an album gets three answers. The headline ratio is against the fastest of them.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import (
    PG_URL,
    bot_env,
    collector_paused,
    cpu_seconds,
    fake_server,
    first_poll,
    percentile,
    postgres_available,
    process,
    write_section,
)
from fake_telegram import Call, FakeTelegram, FakeUser
from tests.support.journey import Step as JourneyStep
from tests.support.journey import registration

ALBUM = 3
SQLITE = "sqlite+aiosqlite:///{tmp}/bench.db"
ECHOES = {
    "PTB default: httpx, one update at a time": {"ECHO_CONCURRENT": "0"},
    "httpx, 64 updates at once": {"ECHO_CONCURRENT": "64"},
    "our aiohttp transport, one at a time": {"ECHO_CONCURRENT": "0", "ECHO_TRANSPORT": "aiohttp"},
    "our aiohttp transport, 64 at once": {"ECHO_CONCURRENT": "64", "ECHO_TRANSPORT": "aiohttp"},
}
Do = Callable[[FakeUser], Awaitable[list[Call]]]


@dataclass(frozen=True)
class Action:
    kind: str  # a journey step's kind, or "album"
    updates: int
    do: Do


def photos(count: int) -> list[bytes]:
    """`count` different phone-like JPEGs of 1280x960 (about 200 KB each).

    Each is a mosaic of four quarters taken from 24 generated product photos, so no two
    artisans send the same picture (perceptual hashes apart) and making them stays cheap.
    """
    from random import Random

    from PIL import Image

    from tests.support.photo_samples import jpeg, product_photo

    bases = [product_photo(seed) for seed in range(1, 25)]
    width, height = bases[0].size
    quarters = [
        (x, y, x + width // 2, y + height // 2) for x in (0, width // 2) for y in (0, height // 2)
    ]
    rnd, out = Random(7), []
    for _ in range(count):
        mosaic = Image.new("RGB", (width, height))
        for box in quarters:
            mosaic.paste(rnd.choice(bases).crop(box), box[:2])
        out.append(jpeg(mosaic))
    return out


def journey(echo: bool, pool: list[bytes]) -> list[Action]:
    """The happy path with an album; each action waits for all of its answers."""

    def wait(answers: int) -> dict[str, float]:
        return {"expect": answers, "settle": 0, "timeout": 120}

    def album(user: FakeUser) -> Awaitable[list[Call]]:
        first = user.id * ALBUM
        contents = [pool[(first + i) % len(pool)] for i in range(ALBUM)] if pool else None
        return user.send_album(ALBUM, contents=contents, **wait(ALBUM if echo else 1))

    def step(s: JourneyStep) -> Do:
        if echo and s.kind == "press":
            return lambda u: u.press(data="ok", **wait(1))
        return lambda u: s.run(u, by_data=True, **wait(1 if echo else s.answers))

    return [
        Action("album", ALBUM, album) if s.kind == "photo" else Action(s.kind, 1, step(s))
        for s in registration()
    ]


@dataclass
class Run:
    count: int
    updates: int = 0
    wall: float = 0.0  # to the last answer and the last photo kept
    answered: float = 0.0  # to the last answer
    cpu: float = 0.0  # bot process CPU seconds per update, photo work included
    times: dict[str, list[float]] = field(default_factory=dict)  # answer times by step kind

    @property
    def rate(self) -> float:
        return self.updates / self.wall if self.wall else 0.0

    def median(self, kind: str | None = None) -> float:
        values = self._values(kind)
        return statistics.median(values) * 1000 if values else float("nan")

    def p95(self, kind: str | None = None) -> float:
        return percentile(self._values(kind), 95) * 1000

    def _values(self, kind: str | None) -> list[float]:
        if kind is not None:
            return self.times.get(kind, [])
        return [v for values in self.times.values() for v in values]


async def burst(
    fake: FakeTelegram, media: Path | None, count: int, echo: bool, pool: list[bytes]
) -> Run:
    """`count` artisans register at once; `media` is where our bot keeps photos (None: echo)."""
    users = [fake.user(language_code="hi") for _ in range(count)]
    actions = journey(echo, pool)
    run = Run(count, updates=count * sum(a.updates for a in actions))
    kept_before = _kept(media)

    async def register(user: FakeUser) -> None:
        for action in actions:
            start = time.monotonic()
            calls = await action.do(user)
            last = max((c.at for c in calls), default=time.monotonic())
            run.times.setdefault(action.kind, []).append(last - start)

    async def all_kept() -> None:
        # The files are written by another process: look at the folder now and then.
        while media is not None and _kept(media) - kept_before < count * ALBUM:  # noqa: ASYNC110
            await asyncio.sleep(0.05)

    with collector_paused():
        started = time.monotonic()
        await asyncio.gather(*(register(u) for u in users))
        run.answered = time.monotonic() - started
        await asyncio.wait_for(all_kept(), 300)
        run.wall = time.monotonic() - started
    return run


async def run_artisans(fake: FakeTelegram, count: int, echo: bool) -> Run:
    """A burst with small generated photos, not waiting for downloads (for the other benches)."""
    return await burst(fake, None, count, echo, [])


def _kept(media: Path | None) -> int:
    if media is None or not media.exists():
        return 0
    return sum(1 for name in os.listdir(media) if not name.startswith("."))  # .part: unfinished


async def measure(
    label: str, args: list[str], database_url: str, counts: list[int], pool: list[bytes],
    echo: bool, **env_extra: str,
) -> list[Run]:  # fmt: skip
    """One bot process: a warm-up, then a burst of each size in turn."""
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        async with fake_server() as fake:
            env = bot_env(Path(tmp), database_url.format(tmp=tmp), fake, **env_extra)
            media = None if echo else Path(tmp) / "media"
            async with process(args, env, Path(tmp)) as bot:
                await first_poll(fake, 0)
                await burst(fake, media, 5, echo, pool)  # imports, caches, SQLite pages
                for count in counts:
                    cpu = cpu_seconds(bot.pid)
                    run = await burst(fake, media, count, echo, pool)
                    run.cpu = (cpu_seconds(bot.pid) - cpu) / run.updates
                    runs.append(run)
                    print(
                        f"{label}, {count} artisans: {run.rate:.0f} updates/s "
                        f"(answers done {run.answered:.2f}s, photos kept {run.wall:.2f}s), "
                        f"{run.cpu * 1000:.2f} ms CPU/update, median {run.median():.0f} ms, "
                        f"press {run.median('press'):.0f} ms, album {run.median('album'):.0f} ms",
                        flush=True,
                    )
    return runs


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


async def main(counts: list[int], rounds: int) -> None:
    pool = photos(ALBUM * max(counts))
    ours, echo = ["-m", "bot"], [str(Path(__file__).with_name("echo_bot.py"))]
    results: dict[str, list[list[Run]]] = {}
    for _ in range(rounds):  # interleaved, so that a noisy minute hits every bot alike
        for name, env in ECHOES.items():
            runs = await measure(name, echo, SQLITE, counts, pool, True, **env)
            results.setdefault(f"echo: {name}", []).append(runs)
        runs = await measure("ODOP bot, SQLite", ours, SQLITE, counts, pool, False)
        results.setdefault("ODOP bot, SQLite", []).append(runs)
        if await postgres_available():
            pg = await fresh_postgres()
            runs = await measure("ODOP bot, PostgreSQL", ours, pg, counts, pool, False)
            results.setdefault("ODOP bot, PostgreSQL", []).append(runs)
    write_section("Registration against the best bare bot", report(results, counts, rounds))


def report(results: dict[str, list[list[Run]]], counts: list[int], rounds: int) -> str:
    def best(name: str, i: int) -> Run:  # a bot's best round at counts[i]
        return max((runs[i] for runs in results[name]), key=lambda r: r.rate)

    echoes = [n for n in results if n.startswith("echo: ")]
    rows = []
    for i, count in enumerate(counts):
        fastest = max((best(n, i) for n in echoes), key=lambda r: r.rate)
        for name in results:
            run = best(name, i)
            rows.append(
                f"| {count} | {name.removeprefix('echo: ')} | {run.rate:.0f} | "
                f"{run.rate / fastest.rate:.2f} | {run.cpu * 1000:.2f} | {run.median():.0f} | "
                f"{run.median('press'):.0f} | {run.p95('press'):.0f} | "
                f"{run.median('album'):.0f} | {run.p95('album'):.0f} | {run.wall:.2f} |"
            )
    table = "\n".join(rows)
    return f"""
`python -m bench registration --artisans {" ".join(map(str, counts))} --rounds {rounds}`: each
bot in its own process against the same fake Bot API server; the artisans and the server share
the benchmark process and the same two cores. Every artisan walks the whole registration (15
updates: /start, consent, name, phone, district, craft, product, description, price, capacity,
an album of {ALBUM} JPEGs of 1280x960, about 200 KB each, "done", "submit"), all at once. Each bot
ran {rounds} round(s), interleaved with the others; the table has each bot's best round.

- *updates/s*: updates over the time until the last answer and (our bot) the last photo kept.
- *× best echo*: against the fastest echo configuration at the same number of artisans.
- *answer*: from an update being queued to the bot's last reply of that step. *press*: the
  button presses. *album*: from the album's parts being queued to its one answer (an echo bot
  answers each part).

| artisans | bot | updates/s | × best echo | CPU ms/update | answer p50 ms | press p50 ms | press p95 ms | album p50 ms | album p95 ms | run s |
|---|---|---|---|---|---|---|---|---|---|---|
{table}
"""


def cli(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--artisans", type=int, nargs="+", default=[50, 100, 200, 400])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    asyncio.run(main(args.artisans, args.rounds))


if __name__ == "__main__":
    cli()
