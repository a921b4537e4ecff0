"""Webhook mode as an attacker meets it: real HTTP requests to the bot's own webhook server."""

from __future__ import annotations

import hmac
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from pydantic import ValidationError

from bot import webhook
from bot.config import Settings
from bot.context import BotApp
from bot.startup import StartupError
from fake_telegram import FakeTelegram, FakeUser
from tests.support.world import free_port

ROOT = Path(__file__).resolve().parent.parent
SECRET = "Webhook_secret-0123456789abcdefXYZ"  # 34 characters of Telegram's alphabet


@pytest.fixture
async def hook(
    fake: FakeTelegram,
    make_settings: Callable[..., Settings],
    start_bot: Callable[[Settings], AbstractAsyncContextManager[BotApp]],
) -> AsyncIterator[str]:
    """The bot in webhook mode; yields the URL it registered with the fake."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/odop/hook"
    settings = make_settings(webhook_url=url, webhook_secret=SECRET, webhook_port=port)
    async with start_bot(settings):
        assert fake.webhook_url == url and fake.webhook_secret == SECRET
        yield url


def start_update(user: FakeUser, update_id: int, **extra: Any) -> dict[str, Any]:
    """What Telegram would POST when `user` sends /start."""
    chat = {"id": user.id, "type": "private", "first_name": user.first_name}
    message = {
        "message_id": update_id,
        "from": user.to_dict(),
        "chat": chat,
        "date": int(time.time()),
        "text": "/start",
        "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
    }
    return {"update_id": update_id, "message": message, **extra}


async def post(url: str, body: Any, secret: str | None = None) -> int:
    """One POST on a fresh connection; `body` bytes, or an async iterator (sent chunked)."""
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers[webhook.SECRET_HEADER] = secret
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, data=body, headers=headers) as response,
    ):
        await response.read()
        return response.status


async def chunked(payload: bytes, size: int = 16_384) -> AsyncIterator[bytes]:
    for start in range(0, len(payload), size):
        yield payload[start : start + size]


async def test_stranger_posting_without_or_with_a_wrong_secret_is_refused_and_nothing_runs(
    fake: FakeTelegram, hook: str
) -> None:
    artisan = fake.user()
    body = json.dumps(start_update(artisan, 1)).encode()
    near_miss = SECRET[:-1] + ("A" if SECRET[-1] != "A" else "B")  # same length, last char off
    assert await post(hook, body) == 403
    assert await post(hook, body, secret="") == 403
    assert await post(hook, body, secret="wrong") == 403
    assert await post(hook, body, secret=near_miss) == 403
    assert await post(hook, body, secret=SECRET + "x") == 403
    # The right secret: answered. Updates of one user are handled in order, so had any of the
    # refused ones been queued, its answer would have come first.
    assert await post(hook, json.dumps(start_update(artisan, 2)).encode(), secret=SECRET) == 200
    await artisan.wait(expect=1, since=0)
    assert len(artisan.texts) == 1 and "नमस्ते" in artisan.texts[0]


async def test_stranger_posting_an_oversized_body_gets_413_and_nothing_runs(
    fake: FakeTelegram, hook: str
) -> None:
    artisan = fake.user()
    padding = "x" * (webhook.MAX_BODY + 1)
    big = json.dumps(start_update(artisan, 1, padding=padding)).encode()
    assert await post(hook, big, secret=SECRET) == 413  # Content-Length says so up front
    assert await post(hook, chunked(big), secret=SECRET) == 413  # counted as it streams
    huge = b"{" + b" " * (8 * webhook.MAX_BODY) + b"}"  # beyond tornado's own limit too
    assert await post(hook, huge, secret=SECRET) == 413
    assert await post(hook, b"{not json", secret=SECRET) == 400
    assert await post(hook, b"[1, 2]", secret=SECRET) == 400
    small = start_update(artisan, 2, padding="x" * 1000)  # unknown fields are fine
    assert await post(hook, chunked(json.dumps(small).encode(), 100), secret=SECRET) == 200
    await artisan.wait(expect=1, since=0)
    assert len(artisan.texts) == 1 and "नमस्ते" in artisan.texts[0]


async def test_webhook_secret_is_compared_in_constant_time(
    fake: FakeTelegram, hook: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    compared: list[tuple[bytes, bytes]] = []
    compare_digest = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return compare_digest(a, b)

    monkeypatch.setattr(webhook.hmac, "compare_digest", spy)
    body = json.dumps(start_update(fake.user(), 1)).encode()
    assert await post(hook, body, secret="a-guess") == 403
    assert compared == [(b"a-guess", SECRET.encode())]


async def test_operator_whose_webhook_port_is_taken_gets_one_line(
    fake: FakeTelegram,
    make_settings: Callable[..., Settings],
    start_bot: Callable[[Settings], AbstractAsyncContextManager[BotApp]],
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        url = f"http://127.0.0.1:{port}/odop/hook"
        settings = make_settings(webhook_url=url, webhook_secret=SECRET, webhook_port=port)
        with pytest.raises(StartupError) as caught:
            async with start_bot(settings):
                pass
    assert caught.value.code == 2 and f"WEBHOOK_PORT={port}" in caught.value.line
    assert fake.webhook_url is None  # nothing registered with Telegram


@pytest.mark.parametrize(
    "secret",
    [None, "", "short-secret", "x" * 31, "has spaces in it but is long enough ok", "ü" * 40],
)
def test_settings_refuse_webhook_mode_without_a_long_secret(secret: str | None) -> None:
    with pytest.raises(ValidationError) as caught:
        Settings(  # type: ignore[call-arg]
            _env_file=None, webhook_url="https://bot.example.in/tg", webhook_secret=secret
        )
    [error] = caught.value.errors()
    assert error["loc"] == ("webhook_secret",) and "32 characters" in error["msg"]


def test_settings_accept_a_long_secret_and_polling_without_one() -> None:
    hooked = Settings(  # type: ignore[call-arg]
        _env_file=None, webhook_url="https://bot.example.in/tg", webhook_secret="a" * 32
    )
    assert hooked.webhook_secret == "a" * 32
    assert Settings(_env_file=None).webhook_secret is None  # type: ignore[call-arg]


def test_operator_starting_webhook_mode_with_a_short_secret_gets_one_line_and_exit_2(
    tmp_path: Path,
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_"))}
    env.update(
        PYTHONPATH=str(ROOT),
        TELEGRAM_BOT_TOKEN="123456:TEST-token-for-the-fake-api",
        DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'odop.db'}",
        WEBHOOK_URL="https://bot.example.in/tg",
        WEBHOOK_SECRET="guessable-secret",
    )
    result = subprocess.run(
        [sys.executable, "-m", "bot"], env=env, cwd=tmp_path,
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert "WEBHOOK_SECRET" in line and "32 characters" in line
    assert "guessable-secret" not in result.stderr
    assert not (tmp_path / "odop.db").exists()  # refused before touching anything
