"""Shared pieces: start the fake server and a bot process, measure, write docs/benchmarks.md."""

from __future__ import annotations

import asyncio
import gc
import os
import platform
import re
import statistics
import sys
import time
from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager, suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from fake_telegram import FakeTelegram

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
TOKEN = "123456:BENCH-token-for-the-fake-api"
PG_URL = os.environ.get("BENCH_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")


def machine() -> str:
    cpu = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return (
        f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, {platform.system()}"
    )


def family(pid: int) -> list[int]:
    """The process and its living descendants (the bot's photo judging process)."""
    found, todo = [], [pid]
    while todo:
        proc = todo.pop()
        try:
            for task in Path(f"/proc/{proc}/task").iterdir():
                todo += [int(child) for child in (task / "children").read_text().split()]
        except FileNotFoundError:  # it ended meanwhile
            continue
        found.append(proc)
    return found


def rss_mb(pid: int) -> float:
    """Resident memory of the process and its children."""
    total = 0
    for proc in family(pid):
        with suppress(FileNotFoundError), open(f"/proc/{proc}/status", encoding="utf-8") as f:
            total += next((int(line.split()[1]) for line in f if line.startswith("VmRSS:")), 0)
    return total / 1024


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process and its living children have used so far."""
    total = 0.0
    for proc in family(pid):
        with suppress(FileNotFoundError):
            fields = Path(f"/proc/{proc}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


@contextmanager
def collector_paused() -> Iterator[None]:
    """This process's garbage collector stopped for a measured run, and run after it.

    The fake Bot API server and the simulated users share this process. Its full collections,
    over everything they keep, took 110–250 ms each, and every answer in flight at that moment
    was timed that much late: the p99 of a steady run measured the load generator, not the bot
    (docs/benchmarks.md, fifth round). The bot process keeps its own collector as in production.
    """
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()


def percentile(values: Sequence[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


@dataclass
class Latencies:
    values: list[float]
    wall: float
    plateau: float | None = None  # answers/s while every paced artisan is mid-journey

    @property
    def rate(self) -> float:
        return len(self.values) / self.wall if self.wall else 0.0

    def row(self) -> str:
        ms = [v * 1000 for v in self.values]
        return (
            f"{len(ms)} | {self.rate:.0f} | {statistics.median(ms):.1f} | "
            f"{percentile(ms, 95):.1f} | {percentile(ms, 99):.1f}"
        )


def bot_env(tmp: Path, database_url: str, fake: FakeTelegram, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_"))}
    env.update(
        TELEGRAM_BOT_TOKEN=fake.token,
        TELEGRAM_API_URL=fake.url,
        DATABASE_URL=database_url,
        MEDIA_DIR=str(tmp / "media"),
        ADMIN_IDS="",
        REVIEWER_IDS="",
        LOG_LEVEL="WARNING",
    )
    env.update(extra)
    return env


@asynccontextmanager
async def fake_server() -> AsyncIterator[FakeTelegram]:
    fake = FakeTelegram(token=TOKEN, settle=0.0)
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()


@asynccontextmanager
async def process(
    args: Sequence[str], env: dict[str, str], cwd: Path, wrapper: Sequence[str] = ()
) -> AsyncIterator[asyncio.subprocess.Process]:
    """`python args…` (under `wrapper`, e.g. valgrind, when given), stopped on the way out."""
    proc = await asyncio.create_subprocess_exec(
        *wrapper, sys.executable, *args, env=env, cwd=cwd,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        yield proc
    finally:
        if proc.returncode is None:
            proc.terminate()
            try:
                await asyncio.wait_for(proc.wait(), 15)
            except TimeoutError:
                proc.kill()
        if proc.stderr is not None:
            errors = (await proc.stderr.read()).decode(errors="replace").strip()
            if errors:
                print(errors[-2000:], file=sys.stderr)


async def first_poll(fake: FakeTelegram, since: int, timeout: float = 60.0) -> float:
    """Seconds until the bot process asks for updates (or sets its webhook)."""
    started = time.monotonic()
    await fake.wait_for(
        lambda: any(c.method in ("getUpdates", "setWebhook") for c in fake.calls[since:]),
        timeout=timeout,
    )
    return time.monotonic() - started


async def postgres_available() -> bool:
    from tests.pg_available import check

    try:
        await check(PG_URL)
    except Exception:
        return False
    return True


def write_section(title: str, body: str) -> None:
    """Replace (or add) the `## title` section of docs/benchmarks.md, keeping the others."""
    DOC.parent.mkdir(parents=True, exist_ok=True)
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    section = f"## {title}\n\n_Measured {date.today()} on {machine()}._\n\n{body.strip()}\n"
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _m: section + "\n", text)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    DOC.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
