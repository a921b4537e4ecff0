"""The one ordered place where every handler is registered.

Order matters: the group guard first, then commands, then button presses by prefix, then the
catch-all router that reads the user's current step from the database.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from telegram.ext import Application

from bot.handlers import (
    account,
    broadcast,
    catalogue,
    common,
    listing_details,
    outreach,
    photo_hints,
    registration,
    review,
    router,
    staff,
)

# Feature modules expose HANDLERS (PTB handlers) and optionally DIALOGUES (staff dialogue kind ->
# handler, see `router`), JOBS (periodic work, see `bot.jobs`), and `async def on_startup(app)` /
# `async def on_shutdown(app)` for long-running workers.
FEATURES: list[ModuleType] = [
    common,
    registration,
    account,
    staff,
    review,
    broadcast,
    catalogue,
    listing_details,
    outreach,
    photo_hints,
]


def register_handlers(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    guards = common.guards()
    for group, guard in enumerate(guards, start=-len(guards)):
        app.add_handler(guard, group=group)
    for feature in FEATURES:
        app.add_handlers(feature.HANDLERS)
        router.DIALOGUES.update(getattr(feature, "DIALOGUES", {}))
    app.add_handlers(router.HANDLERS)
    app.add_error_handler(common.on_error)
