"""`python -m bot` started on a machine where something is wrong: one clear line, right exit code.

Each test runs the real process, as systemd would, and reads what the operator would read.
"""

from __future__ import annotations

import asyncio
import io
import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

from telegram import Bot
from telegram.error import InvalidToken

from bot.logs import LOG_FORMAT, RedactingFormatter, Redactor
from bot.runner import RETRY_CAP, backoff
from fake_telegram import FakeTelegram
from tests.support.world import TOKEN, free_port

ROOT = Path(__file__).resolve().parent.parent
OTHER_TOKEN = "654321:AAother-valid-looking-token_xyz"  # well formed, unknown to the fake
NOISE = ("Traceback", "Unclosed", "Error in sys.excepthook", "Task exception")


def env_for(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The operator's environment: no token unless given, this checkout's code."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_"))}
    env.update(
        PYTHONPATH=str(ROOT),
        DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'odop.db'}",
        MEDIA_DIR=str(tmp_path / "media"),
        ADMIN_IDS="",
        REVIEWER_IDS="",
        LOG_LEVEL="INFO",
    )
    env.update(extra)
    return env


def run(env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], env=env, cwd=cwd,
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    """The single line the process printed, after checking it printed nothing else."""
    output = result.stdout + result.stderr
    assert not any(noise in output for noise in NOISE), output
    lines = output.strip().splitlines()
    assert len(lines) == 1, output
    return lines[0]


def a_file(tmp_path: Path) -> Path:
    """A plain file: nothing can be created beneath it, not even by root."""
    path = tmp_path / "a-file"
    path.write_text("")
    return path


async def test_wrong_token_exits_2_with_one_line_that_does_not_show_it(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    env = env_for(tmp_path, TELEGRAM_BOT_TOKEN=OTHER_TOKEN, TELEGRAM_API_URL=fake.url)
    result = await asyncio.to_thread(run, env, tmp_path)
    assert result.returncode == 2
    line = one_line(result)
    assert "TELEGRAM_BOT_TOKEN" in line and "rejected" in line
    assert OTHER_TOKEN.split(":")[1] not in result.stderr + result.stdout


async def test_unreachable_bot_api_is_retried_with_a_line_per_attempt_until_stopped(
    tmp_path: Path,
) -> None:
    nowhere = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    env = env_for(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_URL=nowhere)
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", env=env, cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    assert process.stdout is not None
    lines: list[str] = []
    try:
        async with asyncio.timeout(30):
            while not any("attempt 2" in line for line in lines):
                lines.append((await process.stdout.readline()).decode())
                assert lines[-1], f"the bot exited: {lines}"
    finally:
        process.send_signal(signal.SIGTERM)
        rest, _ = await process.communicate()
    output = "".join(lines) + rest.decode()
    assert process.returncode == 0, output  # stopped by its operator: a clean exit
    attempts = [line for line in lines if "cannot reach the Bot API" in line]
    assert len(attempts) == 2, output
    assert "attempt 1" in attempts[0] and "retrying in 1 s" in attempts[0]
    assert "attempt 2" in attempts[1] and "retrying in 2 s" in attempts[1]  # backing off
    assert nowhere in attempts[0] and "TELEGRAM_API_URL" in attempts[0]
    assert not any(noise in output for noise in NOISE), output
    assert TOKEN.split(":")[1] not in output


def test_waits_between_attempts_double_and_stop_at_the_cap() -> None:
    assert [backoff(n) for n in range(1, 9)] == [1, 2, 4, 8, 16, 32, RETRY_CAP, RETRY_CAP]


def test_unreachable_database_gets_one_line_naming_database_url(tmp_path: Path) -> None:
    port = free_port()
    url = f"postgresql+asyncpg://odop:hunter2-password@127.0.0.1:{port}/odop"
    for args in ((), ("migrate",), ("stats",)):
        token = {"TELEGRAM_BOT_TOKEN": TOKEN} if not args else {}
        result = run(env_for(tmp_path, DATABASE_URL=url, **token), tmp_path, *args)
        assert result.returncode == 1, args
        line = one_line(result)
        assert "DATABASE_URL=" in line and f"127.0.0.1:{port}" in line, line
        assert "hunter2" not in line


def test_sqlite_file_that_cannot_be_created_gets_one_line_naming_database_url(
    tmp_path: Path,
) -> None:
    url = f"sqlite+aiosqlite:///{a_file(tmp_path) / 'odop.db'}"
    result = run(env_for(tmp_path, DATABASE_URL=url, TELEGRAM_BOT_TOKEN=TOKEN), tmp_path)
    assert result.returncode == 1
    assert "DATABASE_URL=" in one_line(result)


def test_unwritable_media_dir_exits_2_with_one_line(tmp_path: Path) -> None:
    media = a_file(tmp_path) / "media"
    env = env_for(tmp_path, MEDIA_DIR=str(media), TELEGRAM_BOT_TOKEN=TOKEN)
    result = run(env, tmp_path)
    assert result.returncode == 2
    line = one_line(result)
    assert "MEDIA_DIR" in line and str(media) in line


def test_database_commands_run_without_a_telegram_token(tmp_path: Path) -> None:
    env = env_for(tmp_path)  # no TELEGRAM_BOT_TOKEN at all
    assert run(env, tmp_path, "migrate").returncode == 0
    stats = run(env, tmp_path, "stats")
    assert stats.returncode == 0 and stats.stdout.strip(), stats.stderr
    export = run(env, tmp_path, "export", "--out", str(tmp_path / "out"))
    assert export.returncode == 0 and "0 submissions" in export.stdout, export.stderr
    sheet = tmp_path / "listed.csv"
    sheet.write_text("reference,url\nODOP-000001,https://example.com/p/1\n", encoding="utf-8")
    listed = run(env, tmp_path, "mark-listed", str(sheet))
    assert "line 2: ODOP-000001: refused" in listed.stdout, listed.stderr  # no such product
    assert "TELEGRAM_BOT_TOKEN" not in listed.stderr.replace("no TELEGRAM_BOT_TOKEN", "")
    assert not any(noise in listed.stderr for noise in NOISE)
    running = run(env, tmp_path)  # the bot itself does need it
    assert running.returncode == 2 and "TELEGRAM_BOT_TOKEN" in one_line(running)


async def test_mark_listed_with_a_rejected_token_does_not_print_it(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    sheet = tmp_path / "listed.csv"
    sheet.write_text("reference,url\n", encoding="utf-8")
    env = env_for(tmp_path, TELEGRAM_BOT_TOKEN=OTHER_TOKEN, TELEGRAM_API_URL=fake.url)
    result = await asyncio.to_thread(run, env, tmp_path, "mark-listed", str(sheet))
    assert result.returncode == 2
    assert "rejected TELEGRAM_BOT_TOKEN" in one_line(result)
    assert OTHER_TOKEN.split(":")[1] not in result.stdout + result.stderr


async def test_invalid_token_traceback_in_the_log_shows_no_token(fake: FakeTelegram) -> None:
    """PTB's InvalidToken repeats the token in its message; the log shows neither half."""
    root = fake.url
    bot = Bot(OTHER_TOKEN, base_url=f"{root}/bot", base_file_url=f"{root}/file/bot")
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(RedactingFormatter(LOG_FORMAT, Redactor([OTHER_TOKEN, "AAother-valid"])))
    logger = logging.getLogger("test.redaction")
    logger.addHandler(handler)
    try:
        try:
            await bot.initialize()
        except InvalidToken as exc:
            assert OTHER_TOKEN in str(exc)  # the message really carries it
            logger.exception("start failed for +919876543210: %s", exc)
        finally:
            await bot.shutdown()
    finally:
        logger.removeHandler(handler)
    logged = stream.getvalue()
    assert "Traceback" in logged and "InvalidToken" in logged
    assert "AAother-valid" not in logged and "9876543210" not in logged
    assert "<secret>" in logged and "<phone>" in logged
