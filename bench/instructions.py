"""CPU instructions per registration update, counted by valgrind's callgrind.

Wall-clock numbers on these shared machines swing by a factor of two between runs (and by 2.6
between machines of the same kind); instruction counts do not. The bot process runs under
callgrind; its counters are zeroed after a warm-up and dumped after N artisans have registered,
so start-up is not counted. All threads of the process are counted (aiosqlite's included); the
PostgreSQL server's own work, in another process, is not. About 2 minutes per bot at the
default 60 artisans (at 200, PTB's default client is too slow under callgrind for the
60-second step timeout).
"""

from __future__ import annotations

import argparse
import asyncio
import re
import shutil
import tempfile
from pathlib import Path

from bench.common import (
    bot_env,
    fake_server,
    first_poll,
    postgres_available,
    process,
    write_section,
)
from bench.registration import fresh_postgres, run_artisans

ECHO = [str(Path(__file__).with_name("echo_bot.py"))]
SQLITE = "sqlite+aiosqlite:///{tmp}/bench.db"


async def callgrind(pid: int, command: str) -> None:
    control = await asyncio.create_subprocess_exec(
        "callgrind_control",
        command,
        str(pid),
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    await control.wait()


async def count(
    args: list[str], database_url: str, artisans: int, echo: bool, **extra: str
) -> float:
    """Instructions per update while `artisans` register at once."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        valgrind = ["valgrind", "-q", "--tool=callgrind", f"--callgrind-out-file={out}"]
        async with fake_server() as fake:
            env = bot_env(Path(tmp), database_url.format(tmp=tmp), fake, **extra)
            env["PYTHONMALLOC"] = "malloc"  # what valgrind expects of CPython
            async with process(args, env, Path(tmp), wrapper=valgrind) as bot:
                await first_poll(fake, 0, timeout=900)  # about 50× slower under callgrind
                await run_artisans(fake, 3, echo)  # warm-up: imports, caches, SQLite pages
                await callgrind(bot.pid, "--zero")
                run = await run_artisans(fake, artisans, echo)
                await callgrind(bot.pid, "--dump")
        return summary(Path(f"{out}.1")) / run.updates


def summary(dump: Path) -> int:
    """The instruction total of a callgrind dump."""
    match = re.search(
        r"^summary: (\d+)$", dump.read_text(encoding="utf-8", errors="replace"), re.M
    )
    if match is None:
        raise RuntimeError(f"{dump}: callgrind wrote no summary")
    return int(match.group(1))


async def main(artisans: int) -> None:
    if shutil.which("valgrind") is None or shutil.which("callgrind_control") is None:
        print("valgrind is not installed: instruction counts skipped")
        return
    runs = [
        ("bare PTB echo bot (httpx, PTB's default)", ECHO, SQLITE, True, {}),
        ("bare PTB echo bot on our transport (aiohttp)", ECHO, SQLITE, True, {"ECHO_TRANSPORT": "aiohttp"}),
        ("ODOP bot, SQLite", ["-m", "bot"], SQLITE, False, {}),
    ]  # fmt: skip
    if await postgres_available():
        runs.append(("ODOP bot, PostgreSQL", ["-m", "bot"], await fresh_postgres(), False, {}))
    counts: list[tuple[str, float]] = []
    for label, args, url, echo, extra in runs:
        counts.append((label, await count(args, url, artisans, echo, **extra)))
        print(f"{label}: {counts[-1][1] / 1e6:.2f} M instructions/update", flush=True)
    base = counts[0][1]
    rows = "\n".join(f"| {label} | {n / 1e6:.2f} | {base / n:.2f} |" for label, n in counts)
    write_section(
        "Instructions per update",
        f"""
`python -m bench instructions --artisans {artisans}`: the bot process under valgrind's callgrind
while {artisans} artisans register at once (15 updates each, as in the registration burst of
200), counters zeroed after a warm-up. These counts repeat within about 2 % from run to run,
however busy or fast the machine, so they compare commits across machines: use them for
before/after. Under callgrind the bot runs about 50 times slower than the simulated artisans, so
it always has a queue, as in the burst. PostgreSQL's count leaves out the server's own work.

| bot | M instructions/update | × default echo |
|---|---|---|
{rows}
""",
    )


def cli(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--artisans", type=int, default=60)
    args = parser.parse_args(argv)
    asyncio.run(main(args.artisans))


if __name__ == "__main__":
    cli()
