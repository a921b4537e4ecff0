"""`python -m bot` in a child process, as operators run it."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path


def bot_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_"))}
    env.update(
        DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'odop.db'}",
        MEDIA_DIR=str(tmp_path / "media"),
        ADMIN_IDS="",
        REVIEWER_IDS="",
    )
    env.update(extra)
    return env


async def start_process(env: dict[str, str], cwd: Path) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", env=env, cwd=cwd,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
