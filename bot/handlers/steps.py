"""Each registration step: its prompt, its answer, and its wrong-input twin (a hint, re-ask)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Message, ReplyKeyboardRemove

from bot.handlers import keyboards as kb
from bot.handlers.base import Markup, Turn
from bot.services import registration as reg
from bot.services import validation as v
from bot.storage.models import Artisan, Submission

PROMPT_KEYS = {
    "name": "ask-name",
    "phone": "ask-phone",
    "district": "ask-district",
    "craft": "ask-craft",
    "product_name": "ask-product-name",
    "description": "ask-description",
    "price": "ask-price",
    "capacity": "ask-capacity",
    "photos": "ask-photos",
    "gstin": "ask-gstin",
    "udyam": "ask-udyam",
    "pehchan": "ask-pehchan",
}


def consent_prompt(turn: Turn) -> None:
    """Step 1: what we collect and why, with Agree / Decline and the language choice."""
    names = turn.services.t.native_names()
    turn.say("welcome-consent", kb.consent(turn.t, turn.locale, names))


def header(turn: Turn, step: str) -> str:
    number = reg.STEP_NUMBER.get(step)
    return turn.t("step-label", n=number, total=reg.TOTAL_STEPS) + "\n" if number else ""


async def ask(turn: Turn, artisan: Artisan, sub: Submission) -> None:
    """Show the prompt for the submission's current step."""
    step = sub.step or "summary"
    if step == "summary":
        from bot.handlers.summary import show_summary

        await show_summary(turn, artisan, sub)
        return
    markup: Markup = kb.inline(kb.back(turn.t, step)) if reg.previous_step(step) else None
    args: dict[str, Any] = {}
    if step == "phone":
        markup = kb.phone(turn.t)
    elif step == "district":
        markup = kb.divisions(turn.t, turn.locale, turn.services.districts)
    elif step == "craft":
        district = turn.services.districts.get(artisan.district)
        products = district.products(turn.locale) if district else ()
        markup = kb.crafts(turn.t, products)
        args["odop"] = products[0] if products else turn.t("value-missing")
    elif step in ("capacity", *reg.OPTIONAL_STEPS):
        markup = kb.skip(turn.t, step)
    elif step == "photos":
        count = await reg.photo_count(turn.session, sub.id)
        markup = kb.photos(turn.t, count)
        args.update(count=count, max=reg.MAX_PHOTOS)
    turn.send_text(header(turn, step) + turn.t(PROMPT_KEYS[step], **args), markup)


async def advance(turn: Turn, artisan: Artisan, sub: Submission, done_step: str) -> None:
    """Save progress: move to the next step (or back to the summary) and ask it."""
    sub.step = reg.next_step(artisan, sub, done_step)
    sub.editing = False if sub.step == "summary" else sub.editing
    reg.touch(sub)
    await ask(turn, artisan, sub)


async def on_name(turn: Turn, artisan: Artisan, sub: Submission, msg: Message) -> None:
    if not msg.text:
        turn.say("hint-name")
        return await ask(turn, artisan, sub)
    try:
        artisan.name = v.parse_name(msg.text)
    except v.Invalid as exc:
        turn.say(exc.key, **exc.args_)
        return await ask(turn, artisan, sub)
    await advance(turn, artisan, sub, "name")


async def on_phone(turn: Turn, artisan: Artisan, sub: Submission, msg: Message) -> None:
    if msg.contact is not None:
        if msg.contact.user_id != turn.user_id:
            turn.say("err-phone-not-own")
            return await ask(turn, artisan, sub)
        raw = msg.contact.phone_number
    elif msg.text and msg.text.strip() == turn.t("btn-back"):
        return await go_back(turn, artisan, sub, "phone")
    elif msg.text:
        raw = msg.text
    else:
        turn.say("hint-phone")
        return await ask(turn, artisan, sub)
    try:
        artisan.phone = v.parse_phone(raw)
    except v.Invalid as exc:
        turn.say(exc.key)
        return await ask(turn, artisan, sub)
    turn.send_text(turn.t("phone-saved"), ReplyKeyboardRemove())
    await advance(turn, artisan, sub, "phone")


async def on_district(turn: Turn, artisan: Artisan, sub: Submission, msg: Message) -> None:
    if not msg.text:
        turn.say("hint-district")
        return await ask(turn, artisan, sub)
    match = turn.services.districts.match(msg.text)
    if match.district is not None:
        return await set_district(turn, artisan, sub, match.district.key)
    if match.suggestions:
        turn.say("district-did-you-mean", kb.suggestions(turn.t, turn.locale, match.suggestions))
        return None
    turn.say("err-district-unknown")
    await ask(turn, artisan, sub)


async def set_district(turn: Turn, artisan: Artisan, sub: Submission, key: str) -> None:
    district = turn.services.districts.get(key)
    if district is None:
        turn.answer("button-stale")
        return
    changed = artisan.district != key
    artisan.district = key
    sub.district = key
    turn.note("district-saved", district=district.name(turn.locale))
    if changed and sub.craft and sub.editing:
        sub.craft = None  # the craft offered depends on the district: ask it again
        sub.step = "craft"
        return await ask(turn, artisan, sub)
    await advance(turn, artisan, sub, "district")


async def on_craft(turn: Turn, artisan: Artisan, sub: Submission, msg: Message) -> None:
    if not msg.text:
        turn.say("hint-craft")
        return await ask(turn, artisan, sub)
    try:
        await set_craft(
            turn, artisan, sub, v.parse_bounded(msg.text, v.CRAFT_MIN, v.CRAFT_MAX, "err-craft")
        )
    except v.Invalid as exc:
        turn.say(exc.key, **exc.args_)
        await ask(turn, artisan, sub)


async def set_craft(turn: Turn, artisan: Artisan, sub: Submission, craft: str) -> None:
    sub.craft = craft
    artisan.craft = craft
    await advance(turn, artisan, sub, "craft")


def _text_step(
    field: str, lo: int, hi: int, error: str, hint: str
) -> Callable[[Turn, Artisan, Submission, Message], Awaitable[None]]:
    async def on_text(turn: Turn, artisan: Artisan, sub: Submission, msg: Message) -> None:
        if not msg.text:
            turn.say(hint)
            return await ask(turn, artisan, sub)
        try:
            setattr(sub, field, v.parse_bounded(msg.text, lo, hi, error))
        except v.Invalid as exc:
            turn.say(exc.key, **exc.args_)
            return await ask(turn, artisan, sub)
        await advance(turn, artisan, sub, sub.step or field)

    return on_text


on_product_name = _text_step(
    "product_name", v.PRODUCT_MIN, v.PRODUCT_MAX, "err-product-name", "hint-product-name"
)


async def on_description(turn: Turn, artisan: Artisan, sub: Submission, msg: Message) -> None:
    voice = msg.voice or msg.audio
    if voice is not None:
        sub.voice_file_id = voice.file_id
        turn.note("voice-saved")
        return await advance(turn, artisan, sub, "description")
    if not msg.text:
        turn.say("hint-description")
        return await ask(turn, artisan, sub)
    try:
        sub.description = v.parse_bounded(
            msg.text, v.DESCRIPTION_MIN, v.DESCRIPTION_MAX, "err-description"
        )
    except v.Invalid as exc:
        turn.say(exc.key, **exc.args_)
        return await ask(turn, artisan, sub)
    await advance(turn, artisan, sub, "description")


def _number_step(
    field: str, parse: Callable[[str], int], hint: str
) -> Callable[[Turn, Artisan, Submission, Message], Awaitable[None]]:
    async def on_number(turn: Turn, artisan: Artisan, sub: Submission, msg: Message) -> None:
        if not msg.text:
            turn.say(hint)
            return await ask(turn, artisan, sub)
        try:
            setattr(sub, field, parse(msg.text))
        except v.Invalid as exc:
            turn.say(exc.key, **exc.args_)
            return await ask(turn, artisan, sub)
        await advance(turn, artisan, sub, field)

    return on_number


on_price = _number_step("price", v.parse_price, "hint-price")
on_capacity = _number_step("capacity", v.parse_capacity, "hint-capacity")


def _optional_step(
    field: str, parse: Callable[[str], str]
) -> Callable[[Turn, Artisan, Submission, Message], Awaitable[None]]:
    async def on_optional(turn: Turn, artisan: Artisan, sub: Submission, msg: Message) -> None:
        try:
            setattr(sub, field, parse(msg.text or ""))
        except v.Invalid as exc:
            turn.say(exc.key)
            return await ask(turn, artisan, sub)
        await advance(turn, artisan, sub, field)

    return on_optional


async def go_back(turn: Turn, artisan: Artisan, sub: Submission, step: str) -> None:
    """Back one step (from an optional detail: back to the summary); nothing is erased."""
    previous = "summary" if sub.editing else reg.previous_step(step)
    if previous is None:
        return await ask(turn, artisan, sub)
    if step == "phone":
        turn.send_text(turn.t("going-back"), ReplyKeyboardRemove())
    sub.step = previous
    sub.editing = False
    reg.touch(sub)
    await ask(turn, artisan, sub)


StepInput = Callable[[Turn, Artisan, Submission, Message], Awaitable[None]]
STEP_INPUTS: dict[str, StepInput] = {
    "name": on_name,
    "phone": on_phone,
    "district": on_district,
    "craft": on_craft,
    "product_name": on_product_name,
    "description": on_description,
    "price": on_price,
    "capacity": on_capacity,
    "gstin": _optional_step("gstin", v.parse_gstin),
    "udyam": _optional_step("udyam", v.parse_udyam),
    "pehchan": _optional_step("pehchan", v.parse_pehchan),
}
