"""The catch-all: every message not taken by a command goes where the database says the user is."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from telegram import Update
from telegram.ext import BaseHandler, MessageHandler, filters

from bot.context import BotContext
from bot.handlers import common, registration
from bot.handlers.base import Turn, handler
from bot.storage.models import Dialogue

DialogueHandler = Callable[[Turn, Dialogue], Awaitable[None]]

# Staff dialogues by kind (e.g. "rv:reason", "bc:compose"), collected from the features by
# `register_handlers`.
DIALOGUES: dict[str, DialogueHandler] = {}


@handler
async def on_message(turn: Turn) -> None:
    """Staff dialogue first, else the artisan's registration step, else the menu."""
    dialogue = turn.dialogue
    if dialogue is not None and dialogue.kind in DIALOGUES:
        await DIALOGUES[dialogue.kind](turn, dialogue)
        return
    await registration.on_input(turn)


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    MessageHandler(filters.ChatType.PRIVATE, on_message),
    common.STALE,
]
