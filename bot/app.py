"""Build the Application exactly as production runs it; tests only change TELEGRAM_API_URL."""

from __future__ import annotations

import logging
from typing import Any

from telegram.constants import ParseMode
from telegram.ext import Application, ContextTypes, Defaults

from bot.config import Settings
from bot.context import BotApp, BotContext, Services
from bot.handlers import FEATURES, register_handlers
from bot.i18n import Translator
from bot.jobs import schedule_jobs
from bot.menus import publish_commands
from bot.processor import PerUserUpdateProcessor
from bot.services.crafts import CraftIndex
from bot.services.districts import DistrictIndex
from bot.services.help_desk import load_office_phones
from bot.services.pincodes import PinIndex
from bot.storage.db import make_engine, make_sessionmaker, migrate
from bot.transport import AiohttpRequest

log = logging.getLogger(__name__)


def build_application(settings: Settings) -> BotApp:
    """Wire the bot: API location, context type, per-user ordering, handlers, lifecycle."""
    root = settings.telegram_api_url
    app: BotApp = (
        Application.builder()
        .token(settings.telegram_bot_token)
        .base_url(f"{root}/bot")
        .base_file_url(f"{root}/file/bot")
        .request(AiohttpRequest())
        .get_updates_request(AiohttpRequest(pool_size=1))
        .context_types(ContextTypes(context=BotContext))
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .concurrent_updates(PerUserUpdateProcessor(64))
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .build()
    )
    app.bot_data["settings"] = settings
    register_handlers(app)
    return app


async def _post_init(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    settings: Settings = app.bot_data["settings"]
    engine = make_engine(settings.database_url, sqlite_driver_name=settings.sqlite_driver)
    await migrate(engine)
    settings.media_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    districts = DistrictIndex.load(settings.districts_csv)
    app.bot_data["services"] = Services(
        settings=settings,
        engine=engine,
        sessions=make_sessionmaker(engine),
        t=Translator(settings.default_locale),
        districts=districts,
        pins=PinIndex.load(settings.pincodes_csv, known=districts.by_key),
        offices=load_office_phones(settings.offices_csv),
        crafts=CraftIndex.load(settings.crafts_csv),
    )
    await publish_commands(app)
    schedule_jobs(app, [job for feature in FEATURES for job in feature.jobs])
    for feature in FEATURES:
        if feature.on_startup is not None:
            await feature.on_startup(app)


async def _post_shutdown(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    for feature in reversed(FEATURES):
        if feature.on_shutdown is not None:
            await feature.on_shutdown(app)
    services: Services | None = app.bot_data.pop("services", None)
    if services is not None:
        await services.engine.dispose()
