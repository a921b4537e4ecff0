"""Long-lived services and the custom CallbackContext that hands them to handlers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from telegram.ext import Application, CallbackContext, ExtBot

from bot.config import Settings
from bot.i18n import Translator
from bot.services.crafts import CraftIndex
from bot.services.districts import DistrictIndex
from bot.services.pincodes import PinIndex


@dataclass
class Services:
    """Created in `post_init`, closed in `post_shutdown`."""

    settings: Settings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    t: Translator
    districts: DistrictIndex
    pins: PinIndex = field(default_factory=lambda: PinIndex([]))  # PIN code -> districts
    offices: dict[str, str] = field(default_factory=dict)  # district -> office phone
    crafts: CraftIndex = field(default_factory=CraftIndex.empty)


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """Adds `context.services` (typed) to PTB's context."""

    @property
    def services(self) -> Services:
        return services_of(self.application)


BotApp = Application[ExtBot[None], BotContext, dict[Any, Any], dict[Any, Any], dict[Any, Any], Any]


def services_of(app: Application[Any, Any, Any, Any, Any, Any]) -> Services:
    services: Services = app.bot_data["services"]
    return services
