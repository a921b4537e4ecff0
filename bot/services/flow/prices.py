"""A price and the month's count, as artisans say them: what they are of (a piece, a kilo, a
dozen), worked out when said for several ("500 rupaye 10 kilo"), asked when unclear."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from bot.services import validation as v
from bot.services.amount_words import PIECE
from bot.services.amounts import (
    Unclear,
    counted_in,
    measure,
    names_a_period,
    quantity,
    read_amount,
)
from bot.services.flow.steps import HINTS, advance, goto, with_error, with_hint
from bot.services.flow.terms import Draft, Input, Outcome, Text

AMOUNT_LIMITS = {"price": v.PRICE_MAX, "capacity": v.CAPACITY_MAX}
AMOUNT_SAVED = {"price": "price-saved", "capacity": "capacity-saved"}


async def price(d: Draft, given: Input, *, keep_unit: bool = False) -> Outcome:
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


async def capacity(d: Draft, given: Input) -> Outcome:
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
