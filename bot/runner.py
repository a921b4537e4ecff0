"""Start and stop the bot in polling or webhook mode (one path for production and tests)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import timedelta
from urllib.parse import urlparse

from telegram import Update
from telegram.error import BadRequest, InvalidToken, NetworkError, RetryAfter, TelegramError

from bot.config import Settings
from bot.context import BotApp
from bot.startup import StartupError
from bot.webhook import WebhookServer

log = logging.getLogger(__name__)

# Waits between attempts to reach the Bot API: doubling from the first, never above the cap.
RETRY_FIRST = 1.0
RETRY_CAP = 60.0


def backoff(attempt: int) -> float:
    """Seconds to wait after failed attempt number `attempt` (1, 2, …)."""
    return min(RETRY_FIRST * 2 ** (attempt - 1), RETRY_CAP)


async def retrying(action: Callable[[], Awaitable[object]], settings: Settings) -> None:
    """Run `action` until the Bot API answers it: a line per failed attempt, growing waits.

    Telegram out of reach is a passing state for a service (systemd would restart us anyway);
    a rejected token is not, and ends the start with exit code 2.
    """
    attempt = 0
    while True:
        attempt += 1
        delay = backoff(attempt)
        try:
            await action()
            return
        except InvalidToken:
            raise StartupError(
                f"the Bot API at TELEGRAM_API_URL={settings.telegram_api_url} rejected "
                "TELEGRAM_BOT_TOKEN: copy the token again from @BotFather (and check the URL)"
            ) from None
        except RetryAfter as exc:
            after = exc.retry_after  # seconds, or a timedelta in later PTB releases
            seconds = after.total_seconds() if isinstance(after, timedelta) else float(after)
            reason, wait = "asked to wait", max(delay, seconds)
        except BadRequest as exc:  # a request of ours it refuses: retrying will not help
            raise StartupError(f"the Bot API refused to start the bot: {exc.message}", 1) from None
        except NetworkError as exc:  # includes TimedOut
            reason, wait = exc.message or type(exc).__name__, delay
        except TelegramError as exc:
            raise StartupError(f"the Bot API refused to start the bot: {exc.message}", 1) from None
        log.warning(
            "cannot reach the Bot API at TELEGRAM_API_URL=%s (attempt %d: %s); retrying in %.0f s",
            settings.telegram_api_url, attempt, reason, wait,
        )  # fmt: skip
        await asyncio.sleep(wait)


@asynccontextmanager
async def running(app: BotApp, settings: Settings) -> AsyncIterator[BotApp]:
    """Like PTB's run_polling/run_webhook, but awaitable inside an existing event loop.

    Raises StartupError (one line for the operator) when the token is rejected.
    """
    server: WebhookServer | None = None
    post_init_ran = False
    try:
        await retrying(app.initialize, settings)
        if app.post_init:
            post_init_ran = True
            await app.post_init(app)
        if settings.webhook_url:
            server = await _start_webhook(app, settings)
        else:
            updater = app.updater
            assert updater is not None  # the builder makes one

            async def poll() -> None:
                await updater.start_polling(allowed_updates=Update.ALL_TYPES)

            await retrying(poll, settings)
            log.info("long polling started")
        await app.start()
        yield app
    finally:
        if server is not None:
            await server.stop()
        if app.updater and app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        await app.shutdown()
        # Closes the HTTP client sessions when initialize() failed half-way (a no-op otherwise).
        await app.bot.shutdown()
        if app.post_shutdown and post_init_ran:
            await app.post_shutdown(app)


async def _start_webhook(app: BotApp, settings: Settings) -> WebhookServer:
    """Listen first (Telegram may deliver at once), then register the URL with the secret."""
    assert settings.webhook_url and settings.webhook_secret  # Settings refuses otherwise
    url, secret = settings.webhook_url, settings.webhook_secret
    server = WebhookServer(app, secret, urlparse(url).path)
    try:
        server.start(settings.webhook_listen, settings.webhook_port)
    except OSError as exc:
        raise StartupError(
            f"cannot listen on WEBHOOK_LISTEN={settings.webhook_listen} "
            f"WEBHOOK_PORT={settings.webhook_port} ({exc.strerror})"
        ) from None

    async def register() -> None:
        await app.bot.set_webhook(url, secret_token=secret, allowed_updates=Update.ALL_TYPES)

    try:
        await retrying(register, settings)
    except BaseException:
        await server.stop()
        raise
    log.info("webhook server listening on %s:%s", settings.webhook_listen, settings.webhook_port)
    return server
