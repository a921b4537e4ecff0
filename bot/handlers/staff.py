"""Staff roles: admins grant and remove reviewers and admins. Filled in by the review feature."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler

from bot.context import BotContext

HANDLERS: list[BaseHandler[Update, BotContext, None]] = []
