"""Cross-cutting handlers: private-chat guard, /help, /language, /cancel, errors, stale buttons."""

from __future__ import annotations

import logging

from sqlalchemy.exc import StatementError
from telegram import Update
from telegram.error import TelegramError
from telegram.ext import (
    ApplicationHandlerStop,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    TypeHandler,
    filters,
)

from bot.context import BotContext
from bot.flood import FloodGuard
from bot.handlers import artisan_menu, keyboards, listing_questions, review_decide, steps
from bot.handlers.base import Turn, handler
from bot.i18n import SUPPORTED
from bot.menus import publish_chat_menu
from bot.outbox import unit_of_work
from bot.services import field_helpers, flow, help_desk
from bot.services.dialogues import close_dialogue
from bot.storage.models import Artisan
from bot.storage.queries import stored_locale

log = logging.getLogger(__name__)
PRIVATE = filters.ChatType.PRIVATE


async def guard_private(update: Update, context: BotContext) -> None:
    """Artisans' data never appear in a group: leave groups and channels, answer nothing."""
    chat = update.effective_chat
    if chat is None or chat.type == chat.PRIVATE:
        return
    try:
        await context.bot.leave_chat(chat.id)
    except TelegramError as exc:
        log.info("could not leave chat %s: %s", chat.id, exc.message)
    raise ApplicationHandlerStop


@handler
async def on_edited(turn: Turn) -> None:
    """An edited message is never read, not even a command in it: ask for a new message."""
    turn.say("edit-ignored")


async def guard_edits(update: Update, context: BotContext) -> None:
    """Telegram marks commands in edited messages too; acting on one would redo an old step."""
    if update.edited_message is None:
        return
    await on_edited(update, context)
    raise ApplicationHandlerStop


@handler
async def on_help(turn: Turn) -> None:
    """Explain what the bot does and the commands for this user's role."""
    staff = await turn.staff()
    if not await steps.staff_outside(turn, turn.artisan):  # an official: their commands only
        turn.say("help-artisan", keyboards.inline(keyboards.help_row(turn.t)))
    if staff.is_reviewer:
        turn.say("help-reviewer")
    if staff.is_helper:
        turn.say("fh-help")
    if staff.is_admin:
        turn.say("help-admin")


@handler
async def on_language(turn: Turn) -> None:
    """Offer Hindi and English as buttons."""
    turn.say("language-choose", keyboards.languages(turn.services.t.native_names()))


@handler
async def on_language_chosen(turn: Turn) -> None:
    """Remember the chosen language (a bare artisan row holds it until consent)."""
    query = turn.update.callback_query
    code = (query.data or "").removeprefix("lang:") if query else ""
    if code not in SUPPORTED:
        turn.answer("button-stale")
        return
    if turn.artisan is None:
        turn.artisan = Artisan(telegram_id=turn.user_id)
        turn.session.add(turn.artisan)
    turn.artisan.locale = code
    turn.locale = code
    turn.answer()
    turn.note("language-set")
    staff = await turn.staff()
    if not staff.is_staff or turn.artisan.registered:
        await artisan_menu.show_where(turn)  # the same question again, in the new language
    app = turn.context.application
    turn.later(lambda _bot: publish_chat_menu(app, staff, code))  # the "/" menu in it too


# What /cancel says for the dialogue it closed: how to go on from there.
CANCELLED = {
    field_helpers.ASSIST: "fh-cancelled",
    listing_questions.DIALOGUE: "ls-cancelled",
    help_desk.ASK: "cancel-saved",  # an artisan's question not sent: their answers wait
    review_decide.REASON_DIALOGUE: "rv-reason-cancelled",  # the card is still theirs
}


@handler
async def on_cancel(turn: Turn) -> None:
    """Stop whatever is in progress; saved answers stay and /start continues."""
    kind = turn.dialogue.kind if turn.dialogue is not None else None
    if await close_dialogue(turn.session, turn.user_id):
        turn.say(CANCELLED.get(kind or "", "cancel-done"))
        return
    if turn.artisan is not None and flow.leave(turn.artisan):
        turn.say("cancel-saved")
        return
    turn.say("cancel-nothing")


@handler
async def on_stale_button(turn: Turn) -> None:
    """A button we no longer recognise (old message, altered data): say so, change nothing."""
    turn.answer("button-stale", alert=True)


async def on_error(update: object, context: BotContext) -> None:
    """Log with the update id only (never the user's text) and apologise in their language."""
    update_id = update.update_id if isinstance(update, Update) else None
    _hide_parameters(context.error)
    log.error("error while handling update %s", update_id, exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    chat = update.effective_chat
    if chat.type != chat.PRIVATE:
        return
    async with unit_of_work(context.bot, context.services) as work:
        locale = await stored_locale(work.session, chat.id)
        work.outbox.text(chat.id, work.t(locale, "error-generic"))


def _hide_parameters(error: BaseException | None) -> None:
    """SQLAlchemy quotes a failed statement's parameters (artisans' answers) in its message."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, StatementError):
            error.hide_parameters = True
        error = error.__cause__ or error.__context__


def guards() -> list[BaseHandler[Update, BotContext, None]]:
    """Checks every update passes first, in this order (each in a handler group of its own)."""
    return [
        TypeHandler(Update, guard_private),
        TypeHandler(Update, FloodGuard()),
        TypeHandler(Update, guard_edits),
    ]


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CommandHandler("help", on_help, filters=PRIVATE),
    CommandHandler("language", on_language, filters=PRIVATE),
    CommandHandler("cancel", on_cancel, filters=PRIVATE),
    CallbackQueryHandler(on_language_chosen, pattern=r"^lang:"),
]

# Registered last by `bot.handlers.router`.
STALE: CallbackQueryHandler[BotContext, None] = CallbackQueryHandler(on_stale_button)
