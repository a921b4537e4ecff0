"""The one ordered place where every handler is registered.

Order matters: the group guard first, then commands, then button presses by prefix, then the
catch-all router that reads the user's current step from the database.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from telegram.ext import Application

from bot.handlers import broadcast, common, registration, review, router

# Feature modules expose HANDLERS (PTB handlers), optional DIALOGUES (staff dialogue kinds ->
# handler) and optional JOBS (periodic work).
FEATURES: list[ModuleType] = [common, registration, review, broadcast]


def register_handlers(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    app.add_handlers(common.GUARDS, group=-1)
    for feature in FEATURES:
        app.add_handlers(feature.HANDLERS)
    app.add_handlers(router.HANDLERS)
    app.add_error_handler(common.on_error)
