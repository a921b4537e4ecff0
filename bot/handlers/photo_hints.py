"""Retake hints: a very blurry or very dark photo comes back at once with a friendly hint.

The photo worker (bot/services/media.py) judges each kept photo and, after its commit, calls
`send_hints`. The artisan sees the photo again with the hint and two buttons: take a new one
(the photo is removed, the photo step asks again) or keep it as it is.
"""

from __future__ import annotations

from functools import partial

from telegram import Bot, InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot.context import BotContext, Services
from bot.handlers import keyboards as kb
from bot.handlers.base import Turn, handler
from bot.handlers.callback_data import number
from bot.handlers.keyboards import T
from bot.handlers.steps import ask
from bot.outbox import Outbox
from bot.services import photo_hints as ph
from bot.services import registration as reg

HINT_KEYS = {"blurry": "photoq-hint-blurry", "dark": "photoq-hint-dark"}


def hint_keyboard(t: T, photo_id: int) -> InlineKeyboardMarkup:
    return kb.inline(
        [kb.button(t("photoq-btn-retake"), f"pq:new:{photo_id}")],
        [kb.button(t("photoq-btn-keep"), f"pq:keep:{photo_id}")],
    )


async def send_hints(services: Services, bot: Bot, photo_ids: list[int]) -> None:
    """After the worker's commit: each photo back to its artisan, with the hint and buttons."""
    async with services.sessions() as session:
        hints = await ph.hints_due(session, photo_ids)
    outbox = Outbox()
    for hint in hints:
        locale = services.t.resolve_locale(hint.locale)
        t = partial(services.t, locale)
        caption = t(HINT_KEYS[hint.problem]) + "\n" + t("photoq-hint-choose")
        outbox.photo(hint.chat_id, hint.file_id, caption, hint_keyboard(t, hint.photo_id))
    await outbox.send(bot, services)


@handler
async def on_button(turn: Turn) -> None:
    """`pq:new:<photo>` (remove it, ask for a new one) or `pq:keep:<photo>`; re-checked here."""
    query = turn.update.callback_query
    verb, _, arg = (query.data or "").removeprefix("pq:").partition(":") if query else ("", "", "")
    artisan = turn.artisan
    found = None
    photo_id = number(arg)
    if verb in ("new", "keep") and photo_id is not None and artisan is not None:
        found = await ph.own_photo(turn.session, artisan, photo_id)
    if artisan is None or found is None:
        turn.answer("photoq-gone", alert=True)
        return
    photo, sub = found
    if verb == "keep":
        turn.answer()
        _close(turn, "photoq-kept")
        return
    if sub.step != "photos" and not reg.before_photos(sub):  # moved on: changed at the summary
        turn.answer("photoq-retake-later", alert=True)
        return
    await ph.remove_photo(turn.session, photo)
    turn.answer()
    _close(turn, "photoq-removed")
    await ask(turn, artisan, sub)


def _close(turn: Turn, key: str) -> None:
    """Replace the hint under the photo with the outcome, without the buttons."""
    query = turn.update.callback_query
    if query is None:
        return
    text = turn.t(key)
    turn.later(
        lambda _bot: query.edit_message_caption(caption=text, reply_markup=None), turn.chat_id
    )


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CallbackQueryHandler(on_button, pattern=r"^pq:"),
]
