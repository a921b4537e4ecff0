"""The artisan's journey: Telegram input becomes a flow input; the flow's outcome is shown.

The rules (which step comes next, what an answer changes, when a draft may be submitted) live
in `bot.services.flow`; this module only translates and renders.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import Message, MessageEntity, ReplyKeyboardRemove, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, filters

from bot.context import BotContext
from bot.handlers import account, artisan_menu, assist, outreach, steps
from bot.handlers import keyboards as kb
from bot.handlers.base import Turn, handler
from bot.handlers.catalogue import kick_photo_worker
from bot.handlers.photos import album_part, answered_album, image_of
from bot.handlers.step_buttons import STEP_BUTTONS
from bot.services import flow, input_words, privacy
from bot.services import registration as reg
from bot.storage.models import Artisan, Submission, utcnow

log = logging.getLogger(__name__)
PRIVATE = filters.ChatType.PRIVATE
NO_ARGUMENT = {"yes", "no", "go", "new", "status", "done", "submit", "sa", "pn"}
# Screens that are a keyboard under a short title: flow screen -> (title key; keyboard of
# the same name in `keyboards`).
EDIT_SCREENS = {
    "edits": "edit-choose",
    "photo_edits": "edit-photos",
    "extras": "edit-extras",
    "replace_photos": "photos-replace-sure",
    "unchanged": "fix-unchanged-sure",
}


@handler
async def on_start(turn: Turn) -> None:
    """New artisan: consent first. Returning artisan: greeted by name, offered what to do. A
    field helper registering someone: that artisan's question again (their own menu would
    mix the two up)."""
    if assist.for_other(turn, await assist.acting_for(turn)):  # their session still open
        turn.note("fh-still-registering")
        await artisan_menu.show_where(turn)
        return
    artisan = turn.artisan
    if await steps.staff_outside(turn, artisan):  # their commands; their own product a tap away
        turn.say("staff-start", kb.inline([kb.button(turn.t("btn-new-product"), "reg:new")]))
        return
    if artisan is None or not artisan.registered:
        await outreach.from_poster(turn, artisan)
        steps.consent_prompt(turn)
        return
    await artisan_menu.show_menu(turn, artisan)


async def render(turn: Turn, d: flow.Draft, out: flow.Outcome, again: bool = False) -> None:
    """Show an outcome: its messages, then its screen (`again`: the summary was on screen or
    being changed, so it comes back without its photo)."""
    for said in out.says:
        if await answered_album(turn, said.key):  # the album's earlier parts said it already
            continue
        args = dict(said.args)
        if "district" in args:
            district = turn.services.districts.get(args["district"])
            args["district"] = district.name(turn.locale) if district else args["district"]
        if "measure" in args:
            args.update(kb.measure(turn.t, args["measure"]))
        if said.ack:
            turn.note(said.key, **args)
        elif said.drop_keyboard:
            turn.send_text(turn.t(said.key, **args), ReplyKeyboardRemove())
        else:
            turn.say(said.key, **args)
    if out.photo_saved:
        app = turn.context.application
        turn.later(lambda _bot: kick_photo_worker(app))  # keep it on the server at once
    if out.remove_files:
        paths = out.remove_files
        turn.later(lambda _bot: asyncio.to_thread(privacy.remove_files, paths))
    screen = out.screen
    if screen is None:
        return
    t, locale, districts = turn.t, turn.locale, turn.services.districts
    if screen.kind == flow.PROMPT:
        await steps.ask(turn, d.artisan, d.sub, photo=not again)
    elif screen.kind in ("suggest", "pins"):
        found = [districts.by_key[key] for key in screen.arg]
        key = "district-did-you-mean" if screen.kind == "suggest" else "district-which-of-pin"
        key = "district-is-it" if key == "district-did-you-mean" and len(found) == 1 else key
        turn.say(key, kb.suggestions(t, locale, found))
    elif screen.kind == "divisions":
        turn.say("ask-division", kb.divisions(t, locale, districts))
    elif screen.kind == "division":
        markup = kb.districts_of(t, locale, districts, screen.arg)
        turn.say("ask-district-in", markup, division=districts.division_name(screen.arg, locale))
    elif screen.kind == flow.SUMMARY_HINT:
        turn.say("hint-summary", kb.summary(t))
    elif screen.kind == "craft_other":
        turn.say("ask-craft-other")
    elif screen.kind == "album":
        await album_part(turn, d.sub, *screen.arg)
    elif screen.kind == "photo_count":
        turn.send_text(steps.photo_count_text(t, d.sub, screen.arg), kb.photos(t, screen.arg))
    elif screen.kind in ("amount", "amount_month"):
        key = "amount-per-month" if screen.kind == "amount_month" else "amount-which"
        key = "amount-confirm" if key == "amount-which" and len(screen.arg) == 1 else key
        unit = d.sub.price_unit
        turn.say(key, kb.amounts(t, d.sub.step or "", screen.arg, unit), **kb.measure(t, unit))
    elif screen.kind in EDIT_SCREENS:
        turn.say(EDIT_SCREENS[screen.kind], getattr(kb, screen.kind)(t))
    elif screen.kind == "submitted" and assist.for_other(turn, d.artisan):
        await assist.submitted(turn, d.artisan, d.sub)
    elif screen.kind == "submitted":
        ref, key = screen.arg
        turn.say(key, kb.menu(t, has_unfinished=False), ref=ref)


@handler
async def on_button(turn: Turn) -> None:
    """Every `reg:` button; each is checked against the artisan's current state."""
    query = turn.update.callback_query
    data = (query.data or "") if query else ""
    verb, colon, arg = data.removeprefix("reg:").partition(":")
    artisan = await assist.acting_for(turn)  # a field helper's buttons fill in someone else's
    if colon and verb in NO_ARGUMENT:  # altered data ("reg:yes:1"): not a button we sent
        turn.answer("button-stale", alert=True)
        return
    if artisan is not None and artisan is not turn.artisan:
        refusal = await assist.refusal(turn, artisan, verb)  # what a helper may not press
        if refusal is not None:
            turn.answer(refusal, alert=True)
            return
    if verb == "yes":
        await _consent_given(turn)
        return
    if verb == "no" and turn.artisan is not None and turn.artisan.registered:
        turn.answer("button-stale", alert=True)  # "nothing was kept" would be untrue now
        return
    if verb == "no":
        turn.answer()
        turn.say("consent-declined")
        return
    if verb == "del" and artisan is not None:
        turn.answer()
        await account.delete(turn, artisan, arg)
        return
    if artisan is None or not artisan.registered:
        turn.answer()
        steps.consent_prompt(turn)
        return
    if verb in artisan_menu.MENU_ACTIONS:
        turn.answer()
        await artisan_menu.MENU_ACTIONS[verb](turn, artisan, arg)
        return
    sub = await flow.active(turn.session, artisan)
    press = STEP_BUTTONS.get(verb)
    # A sent product's summary pressed; after /cancel it is unfinished: the menu, with Continue.
    summary = sub is None and verb in ("ed", "submit")
    if summary and await reg.unfinished(turn.session, artisan) is None:
        turn.answer()
        await artisan_menu.show_menu(turn, artisan, "summary-already-sent")
        return
    if sub is None or press is None:
        turn.answer("button-stale")
        if sub is None:
            await artisan_menu.show_menu(turn, artisan, "menu-hint")
        return
    turn.answer()
    d, again = await _draft(turn, artisan, sub), _at_summary(sub)
    await render(turn, d, await press(d, arg), again)


def _at_summary(sub: Submission) -> bool:
    """At the summary, or changing an answer from it: the summary it comes back to was seen
    with its photo already (new photos are shown again)."""
    return (sub.step == "summary" or sub.editing) and sub.step != "photos"


async def _draft(turn: Turn, artisan: Artisan, sub: Submission) -> flow.Draft:
    services = turn.services
    user, allowed = turn.update.effective_user, frozenset[str]()
    if assist.for_other(turn, artisan):
        user = None  # a field helper's own profile name is not the artisan's
        allowed = (await turn.staff()).helper_districts
    return flow.Draft(
        turn.session,
        artisan,
        sub,
        services.districts,
        turn.user_id,
        turn.locale,
        services.settings.media_dir,
        profile_name=user.full_name if user else None,
        pins=services.pins,
        crafts=services.crafts,
        sold_by=steps.sold_by(turn, artisan, sub),
        districts_allowed=allowed,
    )


async def _consent_given(turn: Turn) -> None:
    turn.answer()
    artisan = turn.artisan
    if artisan is None:
        artisan = Artisan(telegram_id=turn.user_id, locale=turn.locale)
        turn.session.add(artisan)
        await turn.session.flush()
    if artisan.registered:
        await artisan_menu.show_menu(turn, artisan)
        return
    artisan.consent_at = utcnow()
    await artisan_menu.start_product(turn, artisan, "consent-thanks")


def message_input(turn: Turn, msg: Message) -> flow.Input:
    """What the artisan sent, as the flow reads it."""
    if msg.contact is not None:
        return flow.Contact(msg.contact.phone_number, msg.contact.user_id == turn.user_id)
    voice = msg.voice or msg.audio
    if voice is not None:
        return flow.Voice(voice.file_id)
    image = image_of(msg)
    if image is not None:
        return image
    if msg.text:
        return flow.Text(msg.text)
    return flow.Other(video=bool(msg.video or msg.animation))


async def on_input(turn: Turn) -> None:
    """A message no command took: the answer to the artisan's current step."""
    artisan, msg = await assist.acting_for(turn), turn.update.message
    if msg is None:
        return
    # A command no handler took (unknown, or meant for another bot) is never an answer.
    first = msg.entities[0] if msg.entities else None
    command = first is not None and first.type == MessageEntity.BOT_COMMAND and first.offset == 0
    if command:
        turn.say("unknown-command")
    if await steps.staff_outside(turn, artisan):
        if not command and not await answered_album(turn):
            turn.say("staff-hint")
        return
    if (artisan is None or not artisan.registered) and input_words.said(msg.text or "", "yes"):
        await _consent_given(turn)  # "haan" typed to the first screen: its yes button
        return
    if artisan is None or not artisan.registered:
        if await answered_album(turn):
            return
        turn.note("consent-hint")  # what to press, above the welcome (it came word for word)
        steps.consent_prompt(turn)
        return
    sub = await flow.active(turn.session, artisan)
    if sub is None or sub.step is None:
        if await answered_album(turn):
            return
        if not command and input_words.has_word(msg.text or "", "what_next"):  # "ab kya hoga?"
            await account.status_of(turn, artisan)
            return
        # A photo with no product open to take it is not kept: said, not dropped in silence.
        key = "menu-photo" if image_of(msg) is not None else "menu-hint"
        await artisan_menu.show_menu(turn, artisan, key)
        return
    if command:
        await steps.ask(turn, artisan, sub)
        return
    if msg.contact is not None and assist.for_other(turn, artisan):
        turn.say("fh-phone-typed")  # a helper types the artisan's number; never their own
        await steps.ask(turn, artisan, sub)
        return
    d, again = await _draft(turn, artisan, sub), _at_summary(sub)
    given, asked = message_input(turn, msg), sub.step
    if sub.step == "phone" and msg.text and msg.text.strip() == turn.t("btn-back"):
        out = flow.back(d, "phone")  # the phone step's reply keyboard sends its label
    else:
        out = await flow.answer(d, given)
    if asked == "phone" and artisan.phone and assist.for_other(turn, artisan):
        await assist.warn_twin(turn, artisan, out)
    await render(turn, d, out, again)
    if isinstance(given, flow.Contact) and given.own:  # their number, verified by Telegram
        await assist.offer_link(turn, artisan, given.phone)


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CommandHandler("start", on_start, filters=PRIVATE),
    CallbackQueryHandler(on_button, pattern=r"^reg:"),
]
