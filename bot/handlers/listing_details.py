"""After approval: material, colour, how many are ready, days to send, size — and every month,
"how many are ready now?". Buttons `ls:<verb>:<submission id>[:<arg>]`; typed answers reach
`on_typed` through the catch-all router (a dialogue row of kind `ls:ask` on the artisan).

The staff's side (/setlisting, /hsn, /stock) is `bot.handlers.listing_staff`.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, filters

from bot.context import BotContext
from bot.handlers import artisan_menu, registration
from bot.handlers import keyboards as kb
from bot.handlers.base import Turn, handler
from bot.handlers.callback_data import number
from bot.handlers.listing_questions import (
    DIALOGUE,
    artisan_t,
    ask_open,
    craft_of,
    keep_dialogue,
    question,
)
from bot.jobs import RepeatingJob
from bot.outbox import unit_of_work
from bot.services import input_words, listing_words
from bot.services import listing_details as svc
from bot.services.crafts import Craft
from bot.services.registration import EDITABLE_STATES
from bot.services.validation import Invalid
from bot.storage.models import (
    Artisan,
    Dialogue,
    Listing,
    Submission,
    utcnow,
)  # fmt: skip

log = logging.getLogger(__name__)
PRIVATE = filters.ChatType.PRIVATE
# Button verb -> the question it answers.
VERB_STEPS = {"m": "material", "c": "colour", "q": "stock", "d": "ship", "z": "size"}
VERB_STEPS |= {"k": svc.RESTOCK, "p": svc.RESTOCK}


async def start(turn: Turn, sub: Submission, artisan: Artisan) -> None:
    """Just approved: open the product's questions; asked now unless another product's are."""
    waiting = await svc.open_listing(turn.session, artisan.id)
    await svc.start(turn.session, sub, craft_of(turn.services, sub))
    if waiting is None and artisan.telegram_id is not None:  # None: no Telegram (yet)
        await ask_open(turn, artisan, "ls-intro")


def _echo(turn: Turn, step: str, shown: str, sub: Submission) -> None:
    key = f"ls-echo-{'stock' if step == svc.RESTOCK else step}"
    value: str | int = int(shown) if shown.isdigit() else shown  # "1 day", "1,200"
    turn.note(key, value=value, **kb.measure(turn.t, sub.price_unit))


def _registration(turn: Turn) -> Submission | None:
    """The product the artisan is registering at a question, if any."""
    draft = turn.draft
    if draft is not None and draft.state in EDITABLE_STATES and draft.step:
        return draft
    return None


def _registering_since(turn: Turn, listing: Listing) -> bool:
    """A registration question was asked (or answered) after the listing's question."""
    draft = _registration(turn)
    return draft is not None and draft.updated_at >= listing.updated_at


async def _answered(
    turn: Turn, artisan: Artisan, listing: Listing, sub: Submission, step: str, shown: str | None
) -> None:
    """Echo the answer, then the next question (or the thanks)."""
    if shown is not None:
        _echo(turn, step, shown, sub)
    if step == svc.RESTOCK:
        listing.step = None
    else:
        listing.step = svc.next_step(craft_of(turn.services, sub), step)
        if listing.step is None:
            change = kb.inline([kb.button(turn.t("ls-btn-change"), f"ls:e:{sub.id}")])
            turn.say(
                "ls-done",
                change,
                product=sub.product_name or "",
                **kb.measure(turn.t, sub.price_unit),
            )
    await ask_open(turn, artisan)
    if _registration(turn) and await svc.open_listing(turn.session, artisan.id) is None:
        await artisan_menu.show_where(turn)  # back to the product being registered


@handler
async def on_button(turn: Turn) -> None:
    """Every `ls:` button; re-checked against the product's owner and waiting question."""
    query = turn.update.callback_query
    parts = (query.data or "").split(":") if query else []
    verb = parts[1] if len(parts) > 1 else ""
    sid = (number(parts[2]) if len(parts) > 2 else None) or 0
    arg = parts[3] if len(parts) > 3 else ""
    found = await svc.owned(turn.session, turn.artisan, sid)
    if (
        found is None
        or turn.artisan is None
        or (verb not in VERB_STEPS and verb not in ("r", "e"))
    ):
        turn.answer("button-stale", alert=True)
        return
    artisan, (listing, sub) = turn.artisan, found
    if verb == "r":  # resume a paused listing: ask how many are ready
        turn.answer()
        turn.drop_buttons()
        listing.step = svc.RESTOCK
        await ask_open(turn, artisan)
        return
    if verb == "e":  # an answer to change: the questions again, each answer kept until given
        turn.answer()
        turn.drop_buttons()
        listing.step = svc.next_step(craft_of(turn.services, sub), None)
        await ask_open(turn, artisan)
        return
    if verb == "p":  # off sale: from any monthly check, answered or not
        turn.answer()
        turn.drop_buttons()
        await _pause(turn, artisan, listing, sub)
        return
    step = VERB_STEPS[verb]
    if listing.step != step:
        turn.answer("button-stale")
        await ask_open(turn, artisan)
        return
    value, shown = _button_value(turn, verb, arg, craft_of(turn.services, sub))
    if value is None and verb != "z":
        turn.answer("button-stale")
        await ask_open(turn, artisan)
        return
    turn.answer()
    turn.drop_buttons()  # answered: no button left under the thanks to press again
    svc.apply(listing, step, value, utcnow())
    await _answered(turn, artisan, listing, sub, step, shown)


async def _pause(turn: Turn, artisan: Artisan, listing: Listing, sub: Submission) -> None:
    """ "⏸ Pause" (or "band kar do" typed at the monthly check): off sale until resumed."""
    listing.paused, listing.step, listing.stock_missed = True, None, 0
    listing.stock_at = utcnow()
    resume = kb.inline([kb.button(turn.t("ls-btn-resume"), f"ls:r:{sub.id}")])
    turn.say("ls-paused", resume, product=sub.product_name or "")
    await ask_open(turn, artisan)


def _button_value(
    turn: Turn, verb: str, arg: str, craft: Craft | None
) -> tuple[str | int | None, str | None]:
    """(stored value, what the artisan is shown) for a pressed option; (None, None) if bad."""
    index = number(arg)
    index = -1 if index is None else index
    if verb in ("m", "c") and craft is not None:
        stored = craft.materials_en if verb == "m" else craft.colours_en
        shown = craft.materials(turn.locale) if verb == "m" else craft.colours(turn.locale)
        if 0 <= index < min(len(stored), len(shown)):
            return stored[index], shown[index]
    if verb in ("q", "k") and index in svc.STOCK_BUTTONS:
        return index, str(index)
    if verb == "d" and index in svc.SHIP_BUTTONS:
        return index, str(index)
    return None, None


async def on_typed(turn: Turn, dialogue: Dialogue) -> None:
    """A typed answer to the waiting question, or to the registration in progress: whichever
    was asked last (a monthly "how many are ready?" arriving at the price question took "15"
    as the new product's price)."""
    artisan, message = turn.artisan, turn.update.message
    found = await svc.open_listing(turn.session, artisan.id) if artisan else None
    if artisan is None or found is None or _registering_since(turn, found[0]):
        if found is None:
            await turn.session.delete(dialogue)
        await registration.on_input(turn)
        return
    listing, sub = found
    step = listing.step or ""
    voice = (message.voice or message.audio) if message is not None else None
    if voice is not None and step in svc.SPOKEN:
        svc.apply_voice(listing, step, voice.file_id)
        await _answered(turn, artisan, listing, sub, step, turn.t("value-voice"))
        return
    text = message.text if message is not None else None
    if step == svc.RESTOCK and input_words.said(text or "", "pause"):  # "band kar do"
        await _pause(turn, artisan, listing, sub)
        return
    if step == "size" and input_words.said(text or "", "dont_know"):  # its skip button, typed
        svc.apply(listing, step, None, utcnow())
        await _answered(turn, artisan, listing, sub, step, None)
        return
    try:
        if not text:
            raise Invalid("ls-err-type")
        value = svc.parse(step, text, sub.price_unit)
        if step in listing_words.STEPS and listing_words.answers_the_other(
            turn.services.crafts, step, str(value)
        ):  # "lal" at the material question, "lakdi" at the colour's
            raise Invalid(f"ls-err-{step}")
    except Invalid as bad:
        draft = _registration(turn)
        if draft is not None and draft.step == "price" and svc.a_price_or_number(text or ""):
            await registration.on_input(turn)  # "50 rupaye": the new product's price, asked too
            return
        turn.note(bad.key)  # above the question asked again: one message
        await ask_open(turn, artisan)
        return
    shown = str(value)
    if step in listing_words.STEPS:  # "mitti": stored as the button would ("Clay")
        value, shown = listing_words.value_of(turn.services.crafts, step, shown, turn.locale)
    svc.apply(listing, step, value, utcnow())
    await _answered(turn, artisan, listing, sub, step, shown)


async def check_stock(context: BotContext) -> None:
    """Monthly, per product: "how many are ready now?" (a missed check is counted)."""
    services = context.services
    now = utcnow()
    async with unit_of_work(context.bot, services) as work:
        for due in await svc.due_for_check(work.session, now):
            chat = due.artisan.telegram_id
            if chat is None:  # no Telegram (a field helper's artisan): not reachable anyway
                continue
            svc.record_check(due.listing, now)
            await keep_dialogue(work.session, chat)
            t, locale = artisan_t(services, due.artisan)
            text, markup = question(t, locale, due.listing, due.sub, craft_of(services, due.sub))
            work.outbox.text(chat, text, markup)


JOBS = [RepeatingJob(check_stock, timedelta(hours=6), first=timedelta(minutes=2))]
DIALOGUES = {DIALOGUE: on_typed}
HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CallbackQueryHandler(on_button, pattern=r"^ls:"),
]
