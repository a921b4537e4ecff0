"""The one ordered place where every entry point of the bot is listed and registered.

Order matters: the guards first (each in a handler group of its own), then each feature's
commands and buttons, then the catch-all router that reads the user's current step from the
database and hands free text to a staff dialogue or the registration flow.
"""

from __future__ import annotations

from typing import Any

from telegram.ext import Application

from bot.handlers import (
    account,
    artisan_menu,
    broadcast,
    catalogue,
    common,
    field_helpers,
    help_desk,
    listing_details,
    listing_staff,
    outreach,
    photo_hints,
    photos,
    registration,
    review,
    router,
    staff,
    transcribe,
)
from bot.handlers.feature import Feature

FEATURES: list[Feature] = [
    Feature("common", common.HANDLERS),
    Feature(
        "registration",
        registration.HANDLERS,
        jobs=artisan_menu.JOBS,
        on_startup=photos.on_startup,  # albums a restart left unanswered
    ),
    Feature("account", account.HANDLERS),
    Feature("help", help_desk.HANDLERS, dialogues=help_desk.DIALOGUES),
    Feature("staff", staff.HANDLERS, on_startup=staff.on_startup),
    Feature("review", review.HANDLERS, dialogues=review.DIALOGUES, jobs=review.JOBS),
    Feature("transcribe", transcribe.HANDLERS, dialogues=transcribe.DIALOGUES),
    Feature(
        "broadcast",
        broadcast.HANDLERS,
        dialogues=broadcast.DIALOGUES,
        on_startup=broadcast.on_startup,
        on_shutdown=broadcast.on_shutdown,
    ),
    Feature(
        "catalogue",
        catalogue.HANDLERS,
        on_startup=catalogue.on_startup,
        on_shutdown=catalogue.on_shutdown,
    ),
    Feature(
        "listing details",
        listing_details.HANDLERS,
        dialogues=listing_details.DIALOGUES,
        jobs=listing_details.JOBS,
    ),
    Feature("listing staff", listing_staff.HANDLERS, dialogues=listing_staff.DIALOGUES),
    Feature("outreach", outreach.HANDLERS),
    Feature("photo hints", photo_hints.HANDLERS),
    Feature("field helpers", field_helpers.HANDLERS),
]


def register_handlers(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    guards = common.guards()
    for group, guard in enumerate(guards, start=-len(guards)):
        app.add_handler(guard, group=group)
    for feature in FEATURES:
        app.add_handlers(feature.handlers)
    dialogues = {kind: fn for feature in FEATURES for kind, fn in feature.dialogues.items()}
    app.add_handlers(router.handlers(dialogues))
    app.add_error_handler(common.on_error)
