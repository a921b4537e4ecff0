"""The catch-all: every message not taken by a command goes where the database says the user is."""

from __future__ import annotations

from collections.abc import Mapping

from telegram import Update
from telegram.ext import BaseHandler, MessageHandler, filters

from bot.context import BotContext
from bot.handlers import common, help_desk, listing_questions, registration
from bot.handlers.base import Turn, handler
from bot.handlers.feature import DialogueHandler


def handlers(
    dialogues: Mapping[str, DialogueHandler],
) -> list[BaseHandler[Update, BotContext, None]]:
    """The catch-all for messages, given every feature's staff dialogues by kind."""

    @handler
    async def on_message(turn: Turn) -> None:
        """Help asked for by an artisan first, then a dialogue (staff, or the listing questions),
        else the artisan's registration step, else the menu."""
        dialogue = turn.dialogue
        # Not a staff dialogue: the listing questions, a helper registering someone, a link offer.
        kind = dialogue.kind if dialogue is not None else None
        artisans = kind is None or kind not in dialogues or kind == listing_questions.DIALOGUE
        if artisans and help_desk.asks_for_help(turn):  # "help" typed, not pressed: no answer
            await help_desk.open_question(turn)
            return
        if dialogue is not None and dialogue.kind in dialogues:
            await dialogues[dialogue.kind](turn, dialogue)
            return
        await registration.on_input(turn)

    return [MessageHandler(filters.ChatType.PRIVATE, on_message), common.STALE]
