"""Admin broadcasts. Filled in by the broadcast feature."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import BaseHandler

from bot.context import BotContext

HANDLERS: list[BaseHandler[Update, BotContext, None]] = []
DIALOGUES: dict[str, Any] = {}
