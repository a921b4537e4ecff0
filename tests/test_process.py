"""`python -m bot` as operators run it: bad configuration, secrets in logs, kill -9, restart."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from bot.storage.db import make_engine, make_sessionmaker
from bot.storage.models import Artisan, Submission
from fake_telegram import FakeTelegram
from tests.support.journey import to_photos
from tests.support.process import bot_env, start_process
from tests.support.world import TOKEN


def run_bot(env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot"], env=env, cwd=cwd, capture_output=True, text=True, timeout=60
    )


def test_missing_token_exits_2_with_one_clear_line(tmp_path: Path) -> None:
    result = run_bot(bot_env(tmp_path), tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "TELEGRAM_BOT_TOKEN" in lines[0]
    assert "Traceback" not in result.stderr


def test_malformed_token_exits_2_without_echoing_it(tmp_path: Path) -> None:
    result = run_bot(bot_env(tmp_path, TELEGRAM_BOT_TOKEN="not a token"), tmp_path)
    assert result.returncode == 2
    assert "TELEGRAM_BOT_TOKEN" in result.stderr and "not a token" not in result.stderr


async def test_kill_9_mid_registration_resumes_at_the_same_step(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    env = bot_env(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_URL=fake.url)
    artisan = fake.user()
    process = await start_process(env, tmp_path)
    try:
        await artisan.send("/start", timeout=30)
        await artisan.press("हाँ, शुरू करें")
        await artisan.send("सुनीता देवी")
        assert "मोबाइल" in artisan.last_text
    finally:
        process.send_signal(signal.SIGKILL)
        output, _ = await process.communicate()
    log = output.decode()
    assert TOKEN not in log and TOKEN.split(":")[1] not in log

    process = await start_process(env, tmp_path)
    try:
        await artisan.send("9876543210", timeout=30)
        assert "चरण 3/9" in artisan.last_text
    finally:
        process.terminate()
        output, _ = await process.communicate()
    assert "+919876543210" not in output.decode() and TOKEN not in output.decode()

    engine = make_engine(env["DATABASE_URL"])
    async with make_sessionmaker(engine)() as session:
        saved = await session.scalar(select(Artisan).where(Artisan.telegram_id == artisan.id))
        assert saved is not None
        assert (saved.name, saved.phone) == ("सुनीता देवी", "+919876543210")
        draft = await session.get(Submission, saved.active_submission_id)
        assert draft is not None and draft.step == "district"
    await engine.dispose()
    assert (tmp_path / "odop.db").stat().st_mode & 0o077 == 0


async def test_the_photo_judging_process_ends_with_a_killed_bot(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    env = bot_env(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_URL=fake.url)
    artisan = fake.user()
    # Its output is not read: a judging process left behind would hold that pipe open.
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", env=env, cwd=tmp_path, stdout=subprocess.DEVNULL
    )
    try:
        await artisan.send("/start", timeout=30)
        await to_photos(artisan)
        await artisan.send_photo()
        children = await _judging_processes(process.pid)
        assert children, "a photo was kept without a judging process"
    finally:
        process.send_signal(signal.SIGKILL)
        await process.wait()
    for _ in range(50):
        if not _alive(children):
            break
        await asyncio.sleep(0.2)
    left = _alive(children)
    for pid in left:  # not to outlive the test either
        os.kill(pid, signal.SIGKILL)
    assert not left


async def _judging_processes(bot: int) -> list[int]:
    """The bot's child processes, once its photo has been judged (it then has some)."""
    for _ in range(100):
        if children := _children(bot):
            return children
        await asyncio.sleep(0.1)
    return []


def _children(pid: int) -> list[int]:
    tasks = Path(f"/proc/{pid}/task").iterdir()
    return [int(child) for task in tasks for child in (task / "children").read_text().split()]


def _alive(pids: list[int]) -> list[int]:
    return [pid for pid in pids if Path(f"/proc/{pid}").exists()]
