"""Listing details asked after approval, and the monthly stock check: rules without Telegram.

A `Listing` row per approved product holds the answers and `step`, the question waiting for an
answer. An artisan answers one product's questions at a time, the oldest open one first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import input_words
from bot.services.amount_words import vocabulary
from bot.services.amounts import (
    Unclear,
    counted_in,
    days_in,
    in_rupees,
    measure,
    names_a_period,
    read_amount,
)
from bot.services.crafts import Craft, CraftIndex
from bot.services.districts import DistrictIndex
from bot.services.input_words import fold
from bot.services.validation import Invalid, ascii_digits, clean_text
from bot.storage.models import Artisan, Listing, State, Submission

STEPS = ("material", "colour", "stock", "ship", "size")
RESTOCK = "restock"  # the monthly check's question
OPTIONAL = frozenset({"size"})
STOCK_BUTTONS = (0, 1, 2, 5, 10, 20)
SHIP_BUTTONS = (2, 5, 7, 15)
STOCK_MAX = 100_000
SHIP_MAX = 120
WORDS_MIN, WORDS_MAX = 2, 80
CHECK_EVERY = timedelta(days=30)
LISTED_STATES = (State.APPROVED, State.LISTED)


def steps_for(craft: Craft | None) -> tuple[str, ...]:
    """Material and colour are not asked for a craft that has none (food, oils)."""
    if craft is not None and not craft.materials_en:
        return tuple(s for s in STEPS if s not in ("material", "colour"))
    return STEPS


def next_step(craft: Craft | None, after: str | None) -> str | None:
    steps = steps_for(craft)
    if after is None or after not in steps:
        return steps[0]
    index = steps.index(after) + 1
    return steps[index] if index < len(steps) else None


def parse_count(text: str, high: int) -> int:
    """A whole number 0..high, written as people write it ("20", Devanagari digits, "do sau")."""
    if ascii_digits(clean_text(text)) == "0":
        return 0  # none ready now
    try:
        return read_amount(text, high)
    except (Invalid, Unclear):
        raise Invalid("ls-err-number") from None


def parse_stock(text: str, unit: str | None) -> int:
    """How many are ready, in what the price is of: "5 quintal" of kilos is 500, "2 darjan" of
    pieces 24, "koi nahin" 0; a count in another measure is asked again, and "order par banate
    hain" is told how to answer."""
    if input_words.said(text, "none_ready"):
        return 0
    if in_rupees(text):  # "1200 rupaye" typed at the count: the price, not 1,200 ready
        raise Invalid("ls-err-stock-price")
    if _word_without_number(text, "to_order"):
        raise Invalid("ls-err-to-order")
    if names_a_period(text):  # "roz 5", "2 hafte": how fast they make, not how many are ready
        raise Invalid("ls-err-stock-period")
    try:
        count = parse_count(text, STOCK_MAX)
    except Invalid:
        if _is_range(text):  # "5-6", "10 se 12": ready ones can be counted, ask for one number
            raise Invalid("ls-err-stock-range") from None
        raise
    factor = counted_in(measure(text), unit)
    if factor is None:
        raise Invalid("ls-err-number")
    total = int((count * factor).to_integral_value())
    if total > STOCK_MAX:
        raise Invalid("ls-err-number")
    return total


def parse_days(text: str) -> int:
    """Days to send an order: a number, or a range ("2-3 din", "2 se 3", "3-4 days") read as
    its larger end, the promise the artisan can keep; "2 hafte" is 14 days, "1 mahina" 30."""
    try:
        if measure(text) is not None:  # "10 inch ooncha, 1 kilo": a size, no days
            raise Invalid("ls-err-number")
    except Invalid:
        raise Invalid("ls-err-number") from None
    try:
        days = parse_count(text, SHIP_MAX)
    except Invalid:
        if _word_without_number(text, "right_away"):  # "turant", "kal hi bhej denge": a day
            return 1
        if input_words.said(text, "dont_know") or _word_without_number(text, "to_order"):
            raise Invalid("ls-err-guess") from None  # "pata nahin", "order ke hisab se"
        if not any(ch.isdigit() for ch in text) and days_in(text) > 1:
            return int(days_in(text))  # "ek hafte me": one week
        days = _range_end(text)
    days *= int(days_in(text))
    if not 0 < days <= SHIP_MAX:
        raise Invalid("ls-err-number")
    return days


def a_price_or_number(text: str) -> bool:
    """ "50 rupaye" or "50": an answer to a price question."""
    return in_rupees(text) or ascii_digits(clean_text(text)).replace(",", "").isdigit()


def _word_without_number(text: str, kind: str) -> bool:
    """A word of data/input_words.csv's `kind` ("turant", "order") in `text`, and no number."""
    return not any(ch.isdigit() for ch in text) and input_words.has_word(text, kind)


def _range_end(text: str, limit: int = SHIP_MAX) -> int:
    """The larger of two counts joined by one range word of data/amount_words.csv, else Invalid."""
    ranges = vocabulary().ranges
    marks = sorted((w for w in ranges if not any(c.isalnum() for c in w)), key=len, reverse=True)
    text = ascii_digits(clean_text(text))
    if marks:  # "2-3": the dash is a word of its own
        text = re.sub("|".join(map(re.escape, marks)), lambda m: f" {m.group()} ", text)
    tokens = text.split()
    cuts = [i for i, token in enumerate(tokens) if fold(token) in ranges]
    if len(cuts) != 1:
        raise Invalid("ls-err-number")
    cut = cuts[0]
    low = parse_count(" ".join(tokens[:cut]), limit)
    high = parse_count(" ".join(tokens[cut + 1 :]), limit)
    if low >= high:  # "3-2", "5 se 5": not a range anyone writes
        raise Invalid("ls-err-number")
    return high


def _is_range(text: str) -> bool:
    try:
        _range_end(text, STOCK_MAX)
    except Invalid:
        return False
    return True


def parse_words(step: str, text: str) -> str:
    """A material, a colour, a size: words, not a "yes", an "I don't know", "samajh nahin aaya"
    (they went into the online listing as its material) or "order par banate hain" (as its
    colour). Refused with an example of the question's own kind of answer."""
    value = clean_text(text)
    letters = sum(1 for ch in value if ch.isalnum())
    unanswered = any(input_words.said(value, kind) for kind in NO_ANSWER)
    if unanswered or _word_without_number(value, "to_order") or value.startswith("/"):
        raise Invalid(f"ls-err-{step}")
    if in_rupees(value) or not any(ch.isalpha() for ch in value):  # "50 rupaye", "12": no words
        raise Invalid(f"ls-err-{step}")
    if letters < WORDS_MIN or len(value) > WORDS_MAX:
        raise Invalid(f"ls-err-{step}")
    return value


NO_ANSWER = ("not_a_name", "confused", "dont_know", "help")  # data/input_words.csv kinds


def parse(step: str, text: str, unit: str | None = None) -> str | int:
    """The answer to a listing question; `unit`: what the product's price is of (the stock is
    counted in it)."""
    if "?" in text or input_words.has_word(text, "question"):  # "mera paisa kab aayega"
        raise Invalid("ls-err-question")  # stored as the material before
    if step in ("stock", RESTOCK):
        return parse_stock(text, unit)
    if step == "ship":
        return parse_days(text)
    return parse_words(step, text)


async def hsn_of(
    session: AsyncSession, crafts: CraftIndex, sub: Submission, districts: DistrictIndex
) -> str | None:
    """The product's HSN: a reviewer's correction, else its craft's."""
    listing = await session.get(Listing, sub.id)
    if listing is not None and listing.hsn:
        return listing.hsn
    return crafts.hsn(sub.craft, districts.get(sub.district))


SPOKEN = ("material", "colour", "size")  # the questions a voice note may answer


def apply_voice(listing: Listing, step: str, file_id: str) -> None:
    """A spoken answer: kept for a reviewer to hear and type in (/setlisting)."""
    listing.voice_answers = {**(listing.voice_answers or {}), step: file_id}


def apply(listing: Listing, step: str, value: str | int | None, now: datetime) -> None:
    """Store one answer (None: an optional question skipped)."""
    if step == "material":
        listing.material = str(value)
    elif step == "colour":
        listing.colour = str(value)
    elif step in ("stock", RESTOCK):
        listing.stock = int(value or 0)
        listing.stock_at = now
        listing.stock_missed = 0
        listing.paused = False
    elif step == "ship":
        listing.ship_days = int(value or 0)
    elif step == "size":
        listing.size = None if value is None else str(value)


async def start(session: AsyncSession, sub: Submission, craft: Craft | None) -> Listing:
    """The product's listing row, its first question waiting (kept answers stay)."""
    listing = await session.get(Listing, sub.id)
    if listing is None:
        listing = Listing(submission_id=sub.id, paused=False, stock_missed=0)
        session.add(listing)
    listing.step = next_step(craft, None)
    await session.flush()
    return listing


async def open_listing(
    session: AsyncSession, artisan_id: int
) -> tuple[Listing, Submission] | None:
    """The artisan's oldest product with a question waiting."""
    row = (
        await session.execute(
            select(Listing, Submission)
            .join(Submission, Submission.id == Listing.submission_id)
            .where(
                Submission.artisan_id == artisan_id,
                Submission.state.in_(LISTED_STATES),
                Listing.step.is_not(None),
            )
            .order_by(Listing.submission_id)
            .limit(1)
        )
    ).first()
    return (row[0], row[1]) if row else None


async def owned(
    session: AsyncSession, artisan: Artisan | None, submission_id: int
) -> tuple[Listing, Submission] | None:
    """The listing of one of this artisan's approved or listed products, else None."""
    if artisan is None:
        return None
    sub = await session.get(Submission, submission_id)
    listing = await session.get(Listing, submission_id)
    if sub is None or listing is None or sub.artisan_id != artisan.id:
        return None
    if sub.state not in LISTED_STATES:
        return None
    return listing, sub


@dataclass(frozen=True)
class Due:
    listing: Listing
    sub: Submission
    artisan: Artisan


async def due_for_check(session: AsyncSession, now: datetime, limit: int = 100) -> list[Due]:
    """Answered products not asked about (nor updated) for a month; oldest first."""
    cutoff = now - CHECK_EVERY
    rows = await session.execute(
        select(Listing, Submission, Artisan)
        .join(Submission, Submission.id == Listing.submission_id)
        .join(Artisan, Artisan.id == Submission.artisan_id)
        .where(
            Submission.state.in_(LISTED_STATES),
            or_(Listing.step.is_(None), Listing.step == RESTOCK),
            Listing.paused.is_(False),
            Artisan.reachable.is_(True),
            or_(Listing.stock_asked_at.is_(None), Listing.stock_asked_at < cutoff),
            or_(Listing.stock_at.is_(None), Listing.stock_at < cutoff),
        )
        .order_by(Listing.submission_id)
        .limit(limit)
    )
    return [Due(listing, sub, artisan) for listing, sub, artisan in rows]


def record_check(listing: Listing, now: datetime) -> None:
    """The check is being sent: the previous one, if unanswered, counts as missed."""
    previous = listing.stock_asked_at
    if previous is not None and (listing.stock_at is None or listing.stock_at < previous):
        listing.stock_missed += 1
    listing.stock_asked_at = now
    listing.step = RESTOCK


async def stock_unknown(session: AsyncSession, after: int = 2) -> list[Submission]:
    """Listed products whose artisan left the stock check unanswered `after` times."""
    rows = await session.scalars(
        select(Submission)
        .join(Listing, Listing.submission_id == Submission.id)
        .where(
            and_(Listing.stock_missed >= after, Submission.state.in_(LISTED_STATES)),
        )
        .order_by(Submission.id)
        .limit(200)
    )
    return list(rows)
