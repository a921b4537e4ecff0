"""After approval: material, colour, how many are ready, days to send, size — and every month,
"how many are ready now?". Buttons `ls:<verb>:<submission id>[:<arg>]`; typed answers reach
`on_typed` through the catch-all router (a dialogue row of kind `ls:ask` on the artisan).

The staff's side (/setlisting, /hsn, /stock) is `bot.handlers.listing_staff`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from functools import partial

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, filters

from bot.context import BotContext, Services
from bot.handlers import artisan_menu, registration
from bot.handlers import keyboards as kb
from bot.handlers.base import Turn, handler
from bot.handlers.callback_data import number
from bot.jobs import RepeatingJob
from bot.outbox import unit_of_work
from bot.services import input_words, listing_words
from bot.services import listing_details as svc
from bot.services.crafts import Craft
from bot.services.dialogues import close_dialogue
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
DIALOGUE = "ls:ask"
T = Callable[..., str]
# Button verb -> the question it answers.
VERB_STEPS = {"m": "material", "c": "colour", "q": "stock", "d": "ship", "z": "size"}
VERB_STEPS |= {"k": svc.RESTOCK, "p": svc.RESTOCK}


def _t(services: Services, artisan: Artisan) -> tuple[T, str]:
    locale = services.t.resolve_locale(artisan.locale)
    return partial(services.t, locale), locale


def craft_of(services: Services, sub: Submission) -> Craft | None:
    district = services.districts.get(sub.district)
    return services.crafts.get(sub.craft, district)


def question(
    t: T, locale: str, listing: Listing, sub: Submission, craft: Craft | None
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The waiting question's text and buttons, in the artisan's language."""
    step, sid, product = listing.step, sub.id, sub.product_name or ""
    b = kb.button
    if step in ("material", "colour"):
        options: tuple[str, ...] = ()
        if craft is not None:
            options = craft.materials(locale) if step == "material" else craft.colours(locale)
        verb = "m" if step == "material" else "c"
        buttons = [b(name, f"ls:{verb}:{sid}:{i}") for i, name in enumerate(options[:6])]
        return t(f"ls-ask-{step}", product=product), kb.inline(*kb.rows(buttons))
    if step in ("stock", svc.RESTOCK):
        verb = "q" if step == "stock" else "k"
        buttons = [b(str(n), f"ls:{verb}:{sid}:{n}") for n in svc.STOCK_BUTTONS]
        extra = [b(t("ls-btn-pause"), f"ls:p:{sid}")] if step == svc.RESTOCK else []
        key = "ls-ask-stock" if step == "stock" else "ls-ask-restock"
        args = kb.measure(t, sub.price_unit)  # a count of what the price is of
        text = t(key, product=product, ref=sub.reference, **args)
        return text, kb.inline(*kb.rows(buttons, 3), extra)
    if step == "ship":
        buttons = [b(t("ls-days", days=n), f"ls:d:{sid}:{n}") for n in svc.SHIP_BUTTONS]
        return t("ls-ask-ship"), kb.inline(*kb.rows(buttons, 4))
    return t("ls-ask-size"), kb.inline([b(t("btn-skip"), f"ls:z:{sid}")])


async def _keep_dialogue(session: AsyncSession, user_id: int) -> None:
    """Route the artisan's typed messages here (a staff member's own dialogue stays)."""
    if await session.get(Dialogue, user_id) is None:
        session.add(Dialogue(user_id=user_id, kind=DIALOGUE, payload={}))


async def _drop_dialogue(session: AsyncSession, user_id: int) -> None:
    await close_dialogue(session, user_id, DIALOGUE)


async def ask_open(turn: Turn, artisan: Artisan, intro: str | None = None) -> None:
    """Send the artisan's waiting question, if any; otherwise stop routing typed text here."""
    session, services = turn.session, turn.services
    chat = artisan.telegram_id
    found = await svc.open_listing(session, artisan.id)
    if chat is None:  # registered by a field helper, no Telegram yet: nobody to ask
        return
    if found is None:
        await _drop_dialogue(session, chat)
        return
    listing, sub = found
    await _keep_dialogue(session, chat)
    t, locale = _t(services, artisan)
    text, markup = question(t, locale, listing, sub, craft_of(services, sub))
    turn.send_text(f"{intro}\n\n{text}" if intro else text, markup, chat_id=chat)


async def start(turn: Turn, sub: Submission, artisan: Artisan) -> None:
    """Just approved: open the product's questions; asked now unless another product's are."""
    waiting = await svc.open_listing(turn.session, artisan.id)
    await svc.start(turn.session, sub, craft_of(turn.services, sub))
    if waiting is None and artisan.telegram_id is not None:  # None: no Telegram (yet)
        t, _locale = _t(turn.services, artisan)
        await ask_open(turn, artisan, t("ls-intro", product=sub.product_name or ""))


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
            turn.say(
                "ls-done",
                None,
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
    if found is None or turn.artisan is None or (verb not in VERB_STEPS and verb != "r"):
        turn.answer("button-stale", alert=True)
        return
    artisan, (listing, sub) = turn.artisan, found
    if verb == "r":  # resume a paused listing: ask how many are ready
        turn.answer()
        turn.drop_buttons()
        listing.step = svc.RESTOCK
        await ask_open(turn, artisan)
        return
    step = VERB_STEPS[verb]
    if listing.step != step:
        turn.answer("button-stale")
        await ask_open(turn, artisan)
        return
    if verb == "p":
        turn.answer()
        turn.drop_buttons()
        await _pause(turn, artisan, listing, sub)
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
    except Invalid as bad:
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
            await _keep_dialogue(work.session, chat)
            t, locale = _t(services, due.artisan)
            text, markup = question(t, locale, due.listing, due.sub, craft_of(services, due.sub))
            work.outbox.text(chat, text, markup)


JOBS = [RepeatingJob(check_stock, timedelta(hours=6), first=timedelta(minutes=2))]
DIALOGUES = {DIALOGUE: on_typed}
HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CallbackQueryHandler(on_button, pattern=r"^ls:"),
]
