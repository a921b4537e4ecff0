"""Start and stop the bot in polling or webhook mode (one path for production and tests)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import urlparse

from telegram import Update

from bot.config import Settings
from bot.context import BotApp

log = logging.getLogger(__name__)


@asynccontextmanager
async def running(app: BotApp, settings: Settings) -> AsyncIterator[BotApp]:
    """Like PTB's run_polling/run_webhook, but awaitable inside an existing event loop."""
    await app.initialize()
    if app.post_init:
        await app.post_init(app)
    try:
        if settings.webhook_url:
            await app.updater.start_webhook(  # type: ignore[union-attr]
                listen=settings.webhook_listen,
                port=settings.webhook_port,
                url_path=urlparse(settings.webhook_url).path.lstrip("/"),
                webhook_url=settings.webhook_url,
                secret_token=settings.webhook_secret,
                allowed_updates=Update.ALL_TYPES,
            )
            log.info(
                "webhook server listening on %s:%s", settings.webhook_listen, settings.webhook_port
            )
        else:
            await app.updater.start_polling(allowed_updates=Update.ALL_TYPES)  # type: ignore[union-attr]
            log.info("long polling started")
        await app.start()
        yield app
    finally:
        if app.updater and app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        await app.shutdown()
        if app.post_shutdown:
            await app.post_shutdown(app)
