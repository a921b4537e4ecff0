"""Catalogue: photos kept, export, listing, stats. Filled in by the catalogue feature."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler

from bot.context import BotContext

HANDLERS: list[BaseHandler[Update, BotContext, None]] = []
