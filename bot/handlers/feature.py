"""What a feature brings to the bot, declared as one typed object."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.ext import Application, BaseHandler

from bot.context import BotContext
from bot.handlers.base import Turn
from bot.jobs import RepeatingJob
from bot.storage.models import Dialogue

AnyApp = Application[Any, Any, Any, Any, Any, Any]
Hook = Callable[[AnyApp], Awaitable[None]]
DialogueHandler = Callable[[Turn, Dialogue], Awaitable[None]]


@dataclass(frozen=True)
class Feature:
    """Commands and buttons (`handlers`), free-text staff dialogues by kind (`dialogues`, see
    `router`), periodic `jobs`, and long-running workers started and stopped with the bot."""

    name: str
    handlers: Sequence[BaseHandler[Update, BotContext, None]]
    dialogues: Mapping[str, DialogueHandler] = field(default_factory=dict)
    jobs: Sequence[RepeatingJob] = ()
    on_startup: Hook | None = None
    on_shutdown: Hook | None = None
