"""Command menus (setMyCommands) in Hindi and English, per role."""

from __future__ import annotations

import logging
from typing import Any

from telegram import BotCommand, BotCommandScopeChat, BotCommandScopeDefault
from telegram.error import TelegramError
from telegram.ext import Application

from bot.context import services_of
from bot.i18n import SUPPORTED, Translator
from bot.services.roles import StaffView

log = logging.getLogger(__name__)

ARTISAN_COMMANDS = (
    "start", "status", "language", "help", "cancel", "mydata", "stopnotices", "startnotices",
)  # fmt: skip
REVIEWER_COMMANDS = ("queue", "review", "history", "reopen", "poster", "hsn", "setlisting")
ADMIN_COMMANDS = (
    "broadcast", "broadcasts", "cancelbroadcast", "stats", "export", "listed",
    "addreviewer", "removereviewer", "addadmin", "removeadmin", "staff", "stock",
)  # fmt: skip
FIELD_HELPER_COMMANDS = ("newartisan", "myartisans")
FIELD_ADMIN_COMMANDS = ("addhelper", "removehelper")


def _commands(t: Translator, locale: str, names: tuple[str, ...]) -> list[BotCommand]:
    return [BotCommand(name, t(locale, f"cmd-{name}")) for name in names]


def commands_for(t: Translator, locale: str, view: StaffView | None) -> list[BotCommand]:
    names: tuple[str, ...] = ARTISAN_COMMANDS
    if view is not None and view.is_reviewer:
        names = REVIEWER_COMMANDS + names
    if view is not None and view.is_helper:
        names = FIELD_HELPER_COMMANDS + names
    if view is not None and view.is_admin:
        names = ADMIN_COMMANDS + names
        names = FIELD_ADMIN_COMMANDS + names
    return _commands(t, locale, names)


async def publish_commands(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """The artisans' menu for everyone, in Hindi whatever the phone's language: a Hindi
    reader's phone almost always reports `en` (`Translator.resolve_locale`), and Telegram
    shows a menu by that. Whoever chooses English gets an English menu of their own
    (`publish_chat_menu`). Menus by phone language published before are taken back."""
    t = services_of(app).t
    try:
        for locale in SUPPORTED:
            await app.bot.delete_my_commands(BotCommandScopeDefault(), language_code=locale)
        await app.bot.set_my_commands(commands_for(t, t.default_locale, None))
    except TelegramError as exc:
        log.warning("could not publish the command menu: %s", exc)


async def publish_chat_menu(
    app: Application[Any, Any, Any, Any, Any, Any], view: StaffView, locale: str
) -> None:
    """A person's own menu in their private chat, in the language they read: a staff member's
    commands, or the artisans' ones (after a language is chosen, or when demoted)."""
    t = services_of(app).t
    try:
        await app.bot.set_my_commands(
            commands_for(t, locale, view), BotCommandScopeChat(view.user_id)
        )
    except TelegramError as exc:
        log.warning("could not publish a staff menu: %s", exc)
