"""The answers an artisan types, speaks, shares or sends at each step."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from decimal import Decimal

from bot.services import input_words
from bot.services import registration as reg
from bot.services import validation as v
from bot.services.amounts import (
    PIECE,
    Unclear,
    counted_in,
    measure,
    names_a_period,
    quantity,
    read_amount,
    vocabulary,
)
from bot.services.flow import photos
from bot.services.flow.steps import advance, goto, with_error, with_hint
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
# The line said above a question asked again when the answer was of the wrong kind (a voice
# note for a price) or no answer at all ("samajh nahin aaya").
HINTS = {
    "name": "hint-name",
    "phone": "hint-phone",
    "district": "hint-district",
    "craft": "hint-craft",
    "product_name": "hint-product-name",
    "description": "hint-description",
    "price": "hint-price",
    "capacity": "hint-capacity",
}


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
    if isinstance(given, Text) and _someone_else_types(given.value):  # "beta likhega"
        return with_hint(d, "hint-someone-types")
    if step in reg.SKIPPABLE and isinstance(given, Text) and _not_known(given.value):
        setattr(d.sub, step, None)  # "pata nahin", "order pe banate hain": the skip button's
        return advance(d, step)
    return await ANSWERS[step](d, given)


def _not_known(text: str) -> bool:
    """ "pata nahin", or made to order ("jitna order ho") with no number: no count to give."""
    no_number = not any(ch.isdigit() for ch in text)
    return input_words.said(text, "dont_know") or (
        no_number and input_words.has_word(text, "to_order")
    )


def _someone_else_types(text: str) -> bool:
    """A short message with a word of data/input_words.csv's kind someone_types."""
    words = input_words.words_in(text)
    return len(words) <= SOMEONE_WORDS and bool(set(words) & input_words.words("someone_types"))


SOMEONE_WORDS = 5  # "mera beta likhega": longer is an answer that happens to hold the word


# Answers an artisan may name in a message typed at the summary ("daam 900 kar do"): words of
# data/input_words.csv's kinds field_price, field_phone...
SUMMARY_FIELDS = ("price", "capacity", "phone", "name", "district")


async def _at_summary(d: Draft, given: Input) -> Outcome:
    """Text at the summary that names one answer changes it: "daam 900 kar do" is read as the
    price, "naam Abdul Rashid kar do" as the name (echoed, then the summary again), "naam galat
    hai" asks the name's question (with its way back). "sab sahi hai", a message about the
    product or its photos, and anything else get the summary's two buttons again."""
    text = given.value if isinstance(given, Text) else ""
    words = set(input_words.words_in(text))
    if words & (input_words.words("fine") | input_words.words("not_a_field")):
        return Outcome().show(SUMMARY_HINT)
    field = field_named(text)
    if field is None:
        return Outcome().show(SUMMARY_HINT)
    d.sub.editing = True
    value = _without_request(text)
    if field == "name" and not words & input_words.words("wrong"):
        name = _name_in(value)
        if name is not None:  # "papa ka naam Abdul Rasheed hai"
            d.sub.step = "name"
            return set_name(d, name)
    if not _has_number(field, value):  # no new value given ("naam galat hai"): its question
        return goto(d, field)
    d.sub.step = field
    if field == "price":
        return await _price(d, Text(value), keep_unit=True)
    return await ANSWERS[field](d, Text(value))


def _name_in(text: str) -> str | None:
    """The name a correction gives ("naam Abdul Rashid"), if it gives one."""
    try:
        name = v.parse_name(text)
    except v.Invalid:
        return None
    named = set(input_words.words_in(name))
    return None if named & input_words.words("field_name") else name


def field_named(text: str) -> str | None:
    """The one answer `text` names, if it names exactly one."""
    words = set(input_words.words_in(text))
    named = [f for f in SUMMARY_FIELDS if words & input_words.words(f"field_{f}")]
    return named[0] if len(named) == 1 else None


def _has_number(field: str, text: str) -> bool:
    """A new price, count or mobile number in `text` ("do sau" too); a name or a district is
    asked for by its question."""
    if field in ("name", "district"):
        return False
    words = vocabulary()
    spoken = {*words.numbers, *words.multipliers} if field != "phone" else set()
    return any(ch.isdigit() for ch in text) or bool(spoken & set(input_words.words_in(text)))


def _without_request(text: str) -> str:
    """ "daam 900 kar do" without its closing "kar do" (whose "do" would read as a 2)."""
    kept = text.split()
    request = input_words.words("request")
    while kept and input_words.words_in(kept[-1])[0] in request:
        kept.pop()
    return " ".join(kept)


# The questions a photo's caption answers: it names or describes the product. At the name
# step "aam ka achaar" under a photo was stored as the artisan's name.
CAPTION_STEPS = ("product_name", "description")


async def _with_caption(d: Draft, given: Image, kept: Outcome) -> Outcome:
    """A photo's caption ("matka") answers the product's question at hand, as if typed."""
    if not given.caption or kept.screen is None:  # no caption, or a later part of its album
        return kept
    if d.sub.step not in CAPTION_STEPS:
        return kept
    typed = await answer(d, Text(given.caption))
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
        d.artisan.name = v.parse_name(typed)
    except v.Invalid as exc:
        return with_error(d, exc)
    _forget_voice(d, "name")
    return advance(d, "name", Outcome().ack("name-saved", name=d.artisan.name))


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
    artisan, sub = d.artisan, d.sub
    changed = artisan.district != key
    if changed and artisan.pin and key not in d.pins.districts(artisan.pin):
        artisan.pin = None  # a PIN of another district is not theirs any more
    artisan.district = sub.district = key
    out = Outcome().ack("district-saved", district=key)
    if changed and sub.craft and sub.editing:
        sub.craft = None  # the crafts offered depend on the district: ask again
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
    if d.districts.match(craft).district is not None:  # "Allahabad": a place, not a work
        return with_error(d, v.Invalid("err-craft"))
    known = d.crafts.typed(craft, district)  # "matka": terracotta, with its HSN and category
    if known is not None:
        craft = d.crafts.name_of(known, d.locale, district)
    # Echoed: a product's name typed here by mistake would shift every later answer.
    shown = d.crafts.label(craft, d.locale, district)
    return set_craft(d, craft, Outcome().ack("craft-saved", craft=shown))


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


AMOUNT_LIMITS = {"price": v.PRICE_MAX, "capacity": v.CAPACITY_MAX}
AMOUNT_SAVED = {"price": "price-saved", "capacity": "capacity-saved"}


async def _price(d: Draft, given: Input, *, keep_unit: bool = False) -> Outcome:
    """A price, and what it is of ("₹50 kilo"); a price of a quintal, or of ten kilos, is offered
    per kilogram."""
    if not isinstance(given, Text):
        return with_hint(d, HINTS["price"])
    if names_a_period(given.value):  # the month's count typed while a price waits for a tap
        return with_error(d, v.Invalid("err-price-period"))
    try:
        said = measure(given.value)
        amounts, sure, size = _price_of_one(given.value, said.size if said else Decimal(1))
    except v.Invalid as exc:
        return with_error(d, exc)
    if min(amounts) < 1:  # "₹40 a quintal": less than a rupee a kilo
        return with_error(d, v.Invalid("err-amount-small"))
    prices = _whole(amounts)
    out = Outcome()
    if size != 1:  # "₹4,000 quintal": ₹40 a kilo, to confirm, with how it was worked out
        sure = False
        if len(prices) == 1:
            unit = said.unit if said else PIECE
            out.ack("price-worked-out", typed=given.value.strip(), value=prices[0], measure=unit)
    # Not said: how the work is sold, as the question said; a change typed at the summary
    # ("daam 60 kar do" of a kilo's price) keeps what it was of.
    kept = d.sub.price_unit if keep_unit else None
    dropped = _set_price_unit(d, said.unit if said else kept or d.sold_by)
    if not sure:
        d.sub.price = None  # the choice pressed next is a price of what was said
        return out.show("amount", prices)
    if dropped:  # a month's count of what the price is of no more: asked again
        d.sub.price = prices[0]
        out = Outcome().ack("price-saved", value=prices[0], measure=d.sub.price_unit)
        return goto(d, "capacity", out)
    return _set_amount(d, "price", prices[0])


def _price_of_one(text: str, size: Decimal) -> tuple[tuple[Decimal, ...], bool | None, Decimal]:
    """The amounts `text` may mean as the price of one of what it names, whether sure, and
    what they were divided by: "₹500 of 10 kilos" is ₹50 a kilo. A quantity that would leave
    less than a rupee ("50 kilo ka 40") is not one: the amounts are asked as said."""
    found = quantity(text)
    if found is not None:
        amounts, sure = _read(found[0], v.PRICE_MAX)
        if all(a / (found[1] * size) >= 1 for a in amounts):
            return tuple(a / (found[1] * size) for a in amounts), sure, found[1] * size
    amounts, sure = _read(text, v.PRICE_MAX)
    return tuple(a / size for a in amounts), sure, size


async def _capacity(d: Draft, given: Input) -> Outcome:
    """A month's count in what the price is of: "20 quintal" of kilos is 2,000, "300 darjan"
    of pieces 3,600; a day's or a week's count is offered over a month."""
    if not isinstance(given, Text):
        return with_hint(d, HINTS["capacity"])
    try:
        said = measure(given.value)
        amounts, sure = _read(given.value, v.CAPACITY_MAX, per_month=True)
    except v.Invalid as exc:
        return with_error(d, exc)
    factor = counted_in(said, d.sub.price_unit)
    if factor is None:  # "50 kilo" of a product priced by the piece: which was meant?
        said_unit = said.unit if said else PIECE
        out = Outcome().ack("err-capacity-measure", measure=d.sub.price_unit, said=said_unit)
        return d.reprompt(out)
    counts = _whole(a * factor for a in amounts)
    if not all(1 <= c <= v.CAPACITY_MAX for c in counts):
        key = "err-amount-small" if min(counts) < 1 else "err-amount-large"
        return with_error(d, v.Invalid(key, max=v.CAPACITY_MAX))
    if not sure:
        return Outcome().show("amount_month" if sure is None else "amount", counts)
    return _set_amount(d, "capacity", counts[0])


def _read(
    text: str, limit: int, *, per_month: bool = False
) -> tuple[tuple[int, ...], bool | None]:
    """The amounts `text` may mean, and whether it is sure (False: which of them? None: a day's
    or a week's count over a month, to confirm)."""
    try:
        return (read_amount(text, limit, per_month=per_month),), True
    except Unclear as unclear:
        return unclear.choices, None if unclear.per_month else False


def _whole(amounts: Iterable[Decimal | int]) -> tuple[int, ...]:
    """Whole amounts, rounded, each once."""
    return tuple(dict.fromkeys(int(Decimal(a).to_integral_value()) for a in amounts))


def _set_price_unit(d: Draft, unit: str | None) -> bool:
    """Store what the price is of (None for pieces, said or not); True when a month's count
    given in the former unit was dropped."""
    unit = None if unit == PIECE else unit
    changed = unit != d.sub.price_unit
    d.sub.price_unit = unit
    if changed and d.sub.capacity is not None:
        d.sub.capacity = None
        return True
    return False


def choose_amount(d: Draft, step: str, value: int | None) -> Outcome:
    """One of the amounts offered for `step` when the typed one could mean several; a button
    of an earlier question (a price's, pressed at the month's count) changes nothing."""
    if step != d.sub.step:
        return d.reprompt(Outcome().ack("button-stale"))
    if step not in AMOUNT_LIMITS or value is None or not 1 <= value <= AMOUNT_LIMITS[step]:
        return d.reprompt()
    return _set_amount(d, step, value)


def _set_amount(d: Draft, field_name: str, value: int) -> Outcome:
    setattr(d.sub, field_name, value)
    out = Outcome().ack(AMOUNT_SAVED[field_name], value=value, measure=d.sub.price_unit)
    return advance(d, field_name, out)


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
    "price": _price,
    "capacity": _capacity,
    "gstin": _optional_step("gstin", v.parse_gstin),
    "udyam": _optional_step("udyam", v.parse_udyam),
    "pehchan": _optional_step("pehchan", v.parse_pehchan),
}
EDITABLE = (*ANSWERS, "photos")
