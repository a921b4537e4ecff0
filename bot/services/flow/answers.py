"""The answers an artisan types, speaks, shares or sends at each step."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bot.services import input_words
from bot.services import registration as reg
from bot.services import validation as v
from bot.services.amounts import in_rupees, only_an_amount
from bot.services.flow import photos, prices, reading
from bot.services.flow.steps import HINTS, advance, goto, with_error, with_hint
from bot.services.flow.terms import (
    Contact,
    Draft,
    Image,
    Input,
    Outcome,
    Say,
    Text,
    Voice,
)
from bot.services.pincodes import normalize_pin

SUMMARY_HINT = "summary_hint"  # a screen: what to press at the summary


async def answer(d: Draft, given: Input) -> Outcome:
    """The artisan's message at their current step."""
    step = d.sub.step or "summary"
    if step == "photos":
        return await photos.at_photo_step(d, given)
    if isinstance(given, Image) and step == "summary":  # one more photo of the product
        return await photos.at_summary(d, given)
    if isinstance(given, Image):  # kept, and the question at hand (or being changed) waits
        return await _with_caption(d, given, await photos.ahead(d, given))
    if step == "summary":
        return await _at_summary(d, given)
    if isinstance(given, Voice) and step in reg.VOICE_STEPS:
        return _spoken(d, step, given.file_id)
    if isinstance(given, Text) and input_words.said(given.value, "confused"):
        return with_hint(d, HINTS[step]) if step in HINTS else d.reprompt()  # "samajh nahin aaya"
    if isinstance(given, Text) and reading.someone_else_types(given.value):  # "beta likhega"
        return with_hint(d, "hint-someone-types")
    if step in reg.SKIPPABLE and isinstance(given, Text) and reading.not_known(given.value):
        setattr(d.sub, step, None)  # "pata nahin", "order pe banate hain": the skip button's
        return advance(d, step)
    if isinstance(given, Text) and _a_price_elsewhere(step, given.value):  # "500 rupaye"
        return d.reprompt(Outcome().ack(f"err-price-at-{step}"))  # kept as the description
    if (
        step in GUESSABLE
        and isinstance(given, Text)
        and input_words.said(given.value, "dont_know")
    ):
        key = "hint-dont-know-price" if step == "price" else "hint-dont-know"  # typed only
        return with_hint(d, key)  # "yaad nahin" was kept as the description
    return await ANSWERS[step](d, given)


# Answers that cannot be skipped but can be given roughly: "I don't remember" is met with that.
GUESSABLE = ("craft", "product_name", "description", "price")


def _a_price_elsewhere(step: str, text: str) -> bool:
    """A price given to another question: an amount alone for the product's name or its
    description, rupees or "daam 300 kar do" for the month's count (taken as 300 made)."""
    if step in ("product_name", "description"):
        return only_an_amount(text)
    if step == "capacity":
        return in_rupees(text) or reading.field_named(text) == "price"
    return False


async def _at_summary(d: Draft, given: Input) -> Outcome:
    """Text at the summary that names one answer changes it: "daam 900 kar do" is read as the
    price, "naam Abdul Rashid kar do" as the name (echoed, then the summary again), "naam galat
    hai" or "kaam galat hai" asks that answer's question (with its way back), and "photo badalni
    hai" opens the photos' choices. "sab sahi hai", a message about the product, and anything
    else get the summary's two buttons again."""
    text = given.value if isinstance(given, Text) else ""
    words = set(input_words.words_in(text))
    if words & input_words.words("fine"):
        return Outcome().show(SUMMARY_HINT)
    field = reading.field_named(text)
    wrong = bool(words & input_words.words("wrong"))
    if field is None and wrong and words & input_words.words("field_craft"):  # "kaam galat"
        d.sub.editing = True
        return goto(d, "craft")
    if field is None and words & input_words.words("field_photos"):  # "photo badalni hai"
        return Outcome().show("photo_edits")
    if field is None or words & input_words.words("not_a_field"):
        return Outcome().show(SUMMARY_HINT)
    d.sub.editing = True
    value = reading.without_request(text)
    if field == "name" and not words & input_words.words("wrong"):
        name = reading.name_in(value)
        if name is not None:  # "papa ka naam Abdul Rasheed hai"
            d.sub.step = "name"
            return set_name(d, name)
    if not reading.has_new_value(
        field, value
    ):  # no new value given ("naam galat hai"): its question
        return goto(d, field)
    d.sub.step = field
    if field == "price":
        return await prices.price(d, Text(value), keep_unit=True)
    return await ANSWERS[field](d, Text(value))


# The questions a photo's caption answers: it names or describes the product. At the name
# step "aam ka achaar" under a photo was stored as the artisan's name.
CAPTION_STEPS = ("product_name", "description")


async def _with_caption(d: Draft, given: Image, kept: Outcome) -> Outcome:
    """A photo's caption ("matka") answers the product's question at hand, as if typed."""
    if not given.caption or kept.screen is None:  # no caption, or a later part of its album
        return kept
    step = d.sub.step
    if step not in CAPTION_STEPS:
        return kept
    typed = await answer(d, Text(given.caption))
    if d.sub.step != step:  # taken: said, since nothing was typed to the question
        typed.says.insert(0, Say(f"caption-taken-{step}", {"value": getattr(d.sub, step)}, True))
    typed.says[:0] = kept.says  # "photo kept" (or why not), then what the caption answered
    typed.photo_saved = kept.photo_saved
    return typed


def _spoken(d: Draft, step: str, file_id: str) -> Outcome:
    """A voice note answers a free-text step; a reviewer listens and types it in."""
    if step == "description":
        d.sub.voice_file_id = file_id
    else:
        d.sub.voice_answers = {**(d.sub.voice_answers or {}), step: file_id}
    # The voice note replaces what was typed before: the reviewer types it in afresh.
    if step == "name":
        d.artisan.name = None
    else:
        setattr(d.sub, step, None)
    return advance(d, step, Outcome().ack("voice-saved"))


def _forget_voice(d: Draft, step: str) -> None:
    """A typed answer replaces one given by voice earlier."""
    if d.sub.voice_answers and step in d.sub.voice_answers:
        d.sub.voice_answers = {k: f for k, f in d.sub.voice_answers.items() if k != step}


async def _name(d: Draft, given: Input) -> Outcome:
    if not isinstance(given, Text):
        return with_hint(d, HINTS["name"])
    return set_name(d, given.value)


def set_name(d: Draft, typed: str) -> Outcome:
    """A typed name, or the name on their Telegram profile (one tap)."""
    if d.sub.step != "name":
        return d.reprompt()
    try:
        name = v.parse_name(typed)
        if reading.not_known(name):  # "nahi pata": no name at all
            raise v.Invalid("err-name-length")
        if _a_district(d, name):  # "gorakhpur"
            raise v.Invalid("err-name-is-district")
    except v.Invalid as exc:
        return with_error(d, exc)
    d.artisan.name = name
    _forget_voice(d, "name")
    return advance(d, "name", Outcome().ack("name-saved", name=d.artisan.name))


def _a_district(d: Draft, name: str) -> bool:
    """One word that names a district ("Kanpur", "Banaras"), unless people are named so too
    ("Kashi": data/input_words.csv's kind also_a_name)."""
    if " " in name or input_words.said(name, "also_a_name"):
        return False
    return d.districts.match(name).district is not None


async def _phone(d: Draft, given: Input) -> Outcome:
    if isinstance(given, Contact):
        if not given.own:
            return with_hint(d, "err-phone-not-own")
        raw = given.phone
    elif isinstance(given, Text):
        raw = given.value
    else:
        return with_hint(d, HINTS["phone"])
    try:
        d.artisan.phone = v.parse_phone(raw)
    except v.Invalid as exc:
        return with_error(d, exc)
    saved = Say("phone-saved", {"phone": v.readable_phone(d.artisan.phone)}, drop_keyboard=True)
    return advance(d, "phone", Outcome(says=[saved]))


async def _district(d: Draft, given: Input) -> Outcome:
    """A district's name in any script, or a 6-digit PIN code."""
    if not isinstance(given, Text):
        return with_hint(d, HINTS["district"])
    pin = normalize_pin(given.value)
    if pin is not None:
        found = [key for key in d.pins.districts(pin) if d.districts.get(key) is not None]
        if not found:
            return with_hint(d, "err-pin-unknown")
        d.artisan.pin = pin
        if len(found) == 1 and not d.pins.uncertain(pin):
            return set_district(d, found[0])
        return Outcome().show("pins", found)  # a PIN on a border, or an unsure mapping
    match = d.districts.match(given.value)
    if match.district is not None:
        return set_district(d, match.district.key)
    if match.outside:
        return d.reprompt(Outcome().ack("err-district-outside", place=given.value.strip()))
    if match.suggestions:
        keys = [found.key for found in match.suggestions]
        if match.town:  # "Malihabad is in Lucknow district": that one, to confirm
            out = Outcome().ack("district-town", place=given.value.strip(), district=keys[0])
            return out.show("suggest", keys)
        return Outcome().show("suggest", keys)
    return with_hint(d, "err-district-unknown")


def set_district(d: Draft, key: str) -> Outcome:
    district = d.districts.get(key)
    if district is None or d.sub.step != "district":
        return d.reprompt()
    if d.districts_allowed and key not in d.districts_allowed:  # told now, not at the submit
        return d.reprompt(Outcome().ack("fh-district-not-yours", district=key))
    artisan, sub = d.artisan, d.sub
    changed = artisan.district != key
    if changed and artisan.pin and key not in d.pins.districts(artisan.pin):
        artisan.pin = None  # a PIN of another district is not theirs any more
    artisan.district = sub.district = key
    out = Outcome().ack("district-saved", district=key)
    if changed and sub.editing:
        sub.craft = None  # the crafts offered depend on the district: ask again
    if sub.editing and not reg.craft_given(sub):
        sub.step = "craft"
        return d.reprompt(out)
    return advance(d, "district", out)


async def _craft(d: Draft, given: Input) -> Outcome:
    if not isinstance(given, Text):
        return with_hint(d, HINTS["craft"])
    try:
        craft = v.parse_words(given.value, v.CRAFT_MIN, v.CRAFT_MAX, "err-craft")
    except v.Invalid as exc:
        return with_error(d, exc)
    district = d.districts.get(d.artisan.district)
    if d.districts.match(craft).district is not None:  # "Lucknow": to change the district?
        return with_error(d, v.Invalid("err-craft-is-district"))
    known = d.crafts.typed(craft, district)  # "matka": terracotta, with its HSN and category
    if known is not None:
        craft = d.crafts.name_of(known, d.locale, district)
    # Echoed: a product's name typed here by mistake would shift every later answer.
    shown = d.crafts.label(craft, d.locale, district)
    return set_craft(d, craft, Outcome().ack("craft-saved", craft=shown))


def craft_pressed_late(d: Draft, craft: str) -> Outcome:
    """A craft button pressed after the question moved on. Taken where the craft was said by
    voice (the press tells a reviewer what the voice note said), with the question at hand
    asked again; otherwise an old button, and only the question at hand again."""
    if not reg.spoken(d.sub, "craft"):
        return d.reprompt()
    d.sub.craft = d.artisan.craft = craft
    _forget_voice(d, "craft")
    shown = d.crafts.label(craft, d.locale, d.districts.get(d.artisan.district))
    return d.reprompt(Outcome().ack("craft-saved", craft=shown))


def set_craft(d: Draft, craft: str, out: Outcome | None = None) -> Outcome:
    d.sub.craft = d.artisan.craft = craft
    _forget_voice(d, "craft")
    return advance(d, "craft", out)


def _text_step(
    field_name: str, lo: int, hi: int, error: str, parse: Parse = v.parse_bounded
) -> Answer:
    async def on_text(d: Draft, given: Input) -> Outcome:
        if not isinstance(given, Text):
            return with_hint(d, HINTS[field_name])
        try:
            setattr(d.sub, field_name, parse(given.value, lo, hi, error))
        except v.Invalid as exc:
            return with_error(d, exc)
        if field_name == "description":
            d.sub.voice_file_id = None
        _forget_voice(d, field_name)
        return advance(d, field_name)

    return on_text


def _optional_step(field_name: str, parse: Callable[[str], str]) -> Answer:
    async def on_optional(d: Draft, given: Input) -> Outcome:
        try:
            setattr(d.sub, field_name, parse(given.value if isinstance(given, Text) else ""))
        except v.Invalid as exc:
            return d.reprompt(Outcome().ack(exc.key))
        return advance(d, field_name)

    return on_optional


Answer = Callable[[Draft, Input], Awaitable[Outcome]]
Parse = Callable[[str, int, int, str], str]
ANSWERS: dict[str, Answer] = {
    "name": _name,
    "phone": _phone,
    "district": _district,
    "craft": _craft,
    "product_name": _text_step(
        "product_name", v.PRODUCT_MIN, v.PRODUCT_MAX, "err-product-name", parse=v.parse_words
    ),
    "description": _text_step(
        "description", v.DESCRIPTION_MIN, v.DESCRIPTION_MAX, "err-description"
    ),
    "price": prices.price,
    "capacity": prices.capacity,
    "gstin": _optional_step("gstin", v.parse_gstin),
    "udyam": _optional_step("udyam", v.parse_udyam),
    "pehchan": _optional_step("pehchan", v.parse_pehchan),
}
EDITABLE = (*ANSWERS, "photos")
