"""The artisan's journey: consent, the steps (see `steps`), the menu, reminders."""

from __future__ import annotations

import logging
from datetime import timedelta
from functools import partial

from sqlalchemy import select
from telegram import MessageEntity, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, filters

from bot.context import BotContext
from bot.handlers import account, steps
from bot.handlers import keyboards as kb
from bot.handlers.base import Outgoing, Turn, deliver, handler, send_text
from bot.handlers.photos import on_photo_input
from bot.handlers.summary import submit
from bot.jobs import RepeatingJob
from bot.services import campaigns
from bot.services import registration as reg
from bot.storage.models import Artisan, State, Submission, utcnow

log = logging.getLogger(__name__)
PRIVATE = filters.ChatType.PRIVATE
NO_ARGUMENT = {"yes", "no", "go", "new", "status", "done", "submit"}


async def show_menu(turn: Turn, artisan: Artisan, key: str = "welcome-back") -> None:
    draft = await reg.unfinished(turn.session, artisan)
    turn.say(key, kb.menu(turn.t, draft is not None), name=artisan.name or "")


@handler
async def on_start(turn: Turn) -> None:
    """New artisan: consent first. Returning artisan: greeted by name, offered what to do."""
    artisan = turn.artisan
    if artisan is None or not artisan.registered:
        await _from_poster(turn, artisan)
        steps.consent_prompt(turn)
        return
    await show_menu(turn, artisan)


async def _from_poster(turn: Turn, artisan: Artisan | None) -> None:
    """`/start <payload>` from a poster: record its campaign and pre-select its district.

    An unknown or forged payload is ignored: the start is the normal one.
    """
    args = turn.context.args or []
    campaign = await campaigns.resolve(turn.session, args[0] if args else None)
    district = turn.services.districts.get(campaign.district) if campaign else None
    if campaign is None or district is None:
        return
    if artisan is None:  # the row that consent would create, created now to hold the campaign
        artisan = Artisan(telegram_id=turn.user_id, locale=turn.locale)
        turn.session.add(artisan)
    campaigns.attach(artisan, campaign)
    await turn.session.flush()
    turn.note("campaign-welcome", district=district.name(turn.locale))


@handler
async def on_button(turn: Turn) -> None:
    """Every `reg:` button; each is checked against the artisan's current state."""
    query = turn.update.callback_query
    verb, colon, arg = (
        (query.data or "").removeprefix("reg:").partition(":") if query else ("", "", "")
    )
    artisan = turn.artisan
    if colon and verb in NO_ARGUMENT:  # altered data ("reg:yes:1"): not a button we sent
        turn.answer("button-stale", alert=True)
        return None
    if verb == "yes":
        return await _consent_given(turn)
    if verb == "no":
        turn.answer()
        turn.say("consent-declined")
        return None
    if verb == "del" and artisan is not None:
        turn.answer()
        return await account.delete(turn, artisan, arg)
    if artisan is None or not artisan.registered:
        turn.answer()
        steps.consent_prompt(turn)
        return None
    if verb in MENU_ACTIONS:
        turn.answer()
        return await MENU_ACTIONS[verb](turn, artisan, arg)
    sub = await _active(turn, artisan)
    action = STEP_BUTTONS.get(verb)
    if sub is None or action is None:
        turn.answer("button-stale")
        return await show_menu(turn, artisan, "menu-hint") if sub is None else None
    turn.answer()
    await action(turn, artisan, sub, arg)
    return None


async def _consent_given(turn: Turn) -> None:
    turn.answer()
    artisan = turn.artisan
    if artisan is None:
        artisan = Artisan(telegram_id=turn.user_id, locale=turn.locale)
        turn.session.add(artisan)
        await turn.session.flush()
    if artisan.registered:
        return await show_menu(turn, artisan)
    artisan.consent_at = utcnow()
    sub = await reg.new_draft(turn.session, artisan)
    turn.note("consent-thanks")
    await steps.ask(turn, artisan, sub)


async def _active(turn: Turn, artisan: Artisan) -> Submission | None:
    """The submission being filled in, if it is still editable."""
    if artisan.active_submission_id is None:
        return None
    # Found in the session (`turn.draft`) unless the update changed the active submission.
    sub = await turn.session.get(Submission, artisan.active_submission_id)
    if sub is None or sub.artisan_id != artisan.id or sub.state not in reg.EDITABLE_STATES:
        artisan.active_submission_id = None
        return None
    return sub


async def on_input(turn: Turn) -> None:
    """A message no command took: the answer to the artisan's current step."""
    artisan, msg = turn.artisan, turn.update.message
    if msg is None:
        return
    # A command no handler took (unknown, or meant for another bot) is never an answer.
    first = msg.entities[0] if msg.entities else None
    command = first is not None and first.type == MessageEntity.BOT_COMMAND and first.offset == 0
    if command:
        turn.say("unknown-command")
    if artisan is None or not artisan.registered:
        steps.consent_prompt(turn)
        return
    sub = await _active(turn, artisan)
    if sub is None or sub.step is None:
        await show_menu(turn, artisan, "menu-hint")
        return
    if command:
        await steps.ask(turn, artisan, sub)
    elif sub.step == "photos":
        await on_photo_input(turn, artisan, sub, msg)
    elif sub.step == "summary":
        turn.say("hint-summary")
        await steps.ask(turn, artisan, sub)
    else:
        await steps.STEP_INPUTS[sub.step](turn, artisan, sub, msg)


# --- menu actions (reg:go, reg:new, reg:status, reg:fix:<id>, reg:del:yes|no) ---


async def _continue(turn: Turn, artisan: Artisan, _arg: str) -> None:
    sub = await reg.unfinished(turn.session, artisan)
    if sub is None:
        return await show_menu(turn, artisan, "menu-hint")
    artisan.active_submission_id = sub.id
    sub.step = sub.step or "summary"
    await steps.ask(turn, artisan, sub)
    return None


async def _new_product(turn: Turn, artisan: Artisan, _arg: str) -> None:
    sub = await reg.new_draft(turn.session, artisan)
    turn.note("new-product")
    await steps.ask(turn, artisan, sub)


async def _status(turn: Turn, artisan: Artisan, _arg: str) -> None:
    await account.status_of(turn, artisan)


async def _fix(turn: Turn, artisan: Artisan, arg: str) -> None:
    """Open exactly the submission a reviewer sent back, at its summary."""
    sub = await turn.session.get(Submission, int(arg)) if arg.isdigit() else None
    if sub is None or sub.artisan_id != artisan.id or sub.state != State.CHANGES_REQUESTED:
        turn.say("button-stale")
        return
    artisan.active_submission_id = sub.id
    sub.step, sub.editing = "summary", False
    await steps.ask(turn, artisan, sub)


MENU_ACTIONS = {"go": _continue, "new": _new_product, "status": _status, "fix": _fix}


# --- buttons that act on the current step ---


async def _back(turn: Turn, artisan: Artisan, sub: Submission, step: str) -> None:
    if step != sub.step:
        return await steps.ask(turn, artisan, sub)
    await steps.go_back(turn, artisan, sub, step)
    return None


async def _division_page(turn: Turn, artisan: Artisan, sub: Submission, arg: str) -> None:
    if sub.step != "district":
        return await steps.ask(turn, artisan, sub)
    page = int(arg) if arg.isdigit() else 0
    districts = turn.services.districts
    turn.say("ask-district", kb.divisions(turn.t, turn.locale, districts, page))
    return None


async def _division(turn: Turn, artisan: Artisan, sub: Submission, arg: str) -> None:
    districts = turn.services.districts
    if sub.step != "district" or arg not in districts.divisions:
        return await steps.ask(turn, artisan, sub)
    name = districts.division_name(arg, turn.locale)
    turn.say(
        "ask-district-in", kb.districts_of(turn.t, turn.locale, districts, arg), division=name
    )
    return None


async def _district(turn: Turn, artisan: Artisan, sub: Submission, arg: str) -> None:
    if sub.step != "district" or turn.services.districts.get(arg) is None:
        return await steps.ask(turn, artisan, sub)
    await steps.set_district(turn, artisan, sub, arg)
    return None


async def _craft(turn: Turn, artisan: Artisan, sub: Submission, arg: str) -> None:
    district = turn.services.districts.get(artisan.district)
    products = district.products(turn.locale) if district else ()
    if sub.step != "craft":
        return await steps.ask(turn, artisan, sub)
    if arg == "x":
        turn.say("ask-craft-other")
        return None
    if not arg.isdigit() or int(arg) >= len(products):
        return await steps.ask(turn, artisan, sub)
    await steps.set_craft(turn, artisan, sub, products[int(arg)])
    return None


async def _skip(turn: Turn, artisan: Artisan, sub: Submission, step: str) -> None:
    if step != sub.step or step not in ("capacity", *reg.OPTIONAL_STEPS):
        return await steps.ask(turn, artisan, sub)
    setattr(sub, step, None)
    await steps.advance(turn, artisan, sub, step)
    return None


async def _photos_done(turn: Turn, artisan: Artisan, sub: Submission, _arg: str) -> None:
    if sub.step != "photos" or not await reg.photo_count(turn.session, sub.id):
        return await steps.ask(turn, artisan, sub)
    await steps.advance(turn, artisan, sub, "photos")
    return None


async def _edit(turn: Turn, artisan: Artisan, sub: Submission, field: str) -> None:
    if sub.step != "summary" or field not in kb.SUMMARY_EDITS:
        return await steps.ask(turn, artisan, sub)
    if field == "photos":
        await reg.clear_photos(turn.session, sub.id)
    sub.step, sub.editing = field, True
    reg.touch(sub)
    await steps.ask(turn, artisan, sub)
    return None


async def _submit(turn: Turn, artisan: Artisan, sub: Submission, _arg: str) -> None:
    if sub.step != "summary":
        return await steps.ask(turn, artisan, sub)
    await submit(turn, artisan, sub)
    return None


STEP_BUTTONS = {
    "back": _back,
    "dp": _division_page,
    "dv": _division,
    "d": _district,
    "c": _craft,
    "skip": _skip,
    "done": _photos_done,
    "e": _edit,
    "submit": _submit,
}


async def remind_idle_drafts(context: BotContext) -> None:
    """One gentle reminder for a draft untouched for REMINDER_AFTER_HOURS; never a second."""
    services = context.services
    cutoff = utcnow() - timedelta(hours=services.settings.reminder_after_hours)
    async with services.sessions() as session, session.begin():
        rows = (
            await session.execute(
                select(Submission, Artisan)
                .join(Artisan, Artisan.id == Submission.artisan_id)
                .where(
                    Submission.state == State.DRAFT,
                    Submission.updated_at < cutoff,
                    Submission.reminded_at.is_(None),
                    Artisan.reachable.is_(True),
                )
                .order_by(Submission.updated_at)
                .limit(100)
            )
        ).all()
        outbox = []
        for sub, artisan in rows:
            sub.reminded_at = utcnow()
            locale = services.t.resolve_locale(artisan.locale, None)
            text = services.t(locale, "reminder")
            markup = kb.menu(lambda key, loc=locale, **a: services.t(loc, key, **a), True)
            chat = artisan.telegram_id
            outbox.append(Outgoing(chat, partial(send_text, chat, text, markup)))
    await deliver(context.bot, outbox, services)


JOBS = [RepeatingJob(remind_idle_drafts, timedelta(minutes=10), first=timedelta(seconds=30))]

HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CommandHandler("start", on_start, filters=PRIVATE),
    CallbackQueryHandler(on_button, pattern=r"^reg:"),
]
