"""Amounts as people write them: "1200", Devanagari digits, "Rs. 1,200/-", "5 hazar",
"dedh sau", "5k" (the words, in Hindi too, are in data/amount_words.csv).

`read_amount` returns the one whole number the text means, or raises `Unclear` with the
candidates when it could mean more than one ("1200-1500", "5 ya 6 sau"): the caller asks with
buttons instead of guessing. Asked for a month's count, an amount said per day or per week
("roz 10") is offered counted over a month, to confirm the same way. Anything else raises
`validation.Invalid` with a locale key.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher

from bot.services.amount_words import PIECE, Measure, vocabulary
from bot.services.input_words import fold
from bot.services.validation import Invalid, ascii_digits, clean_text

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[-–—~]|[^\s\d.,/₹()\-–—~:;!?'\"+=*]+")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{2,3})+(?:\.\d+)?")  # 1,200 · 1,20,000 · 5,000.00
_LETTER_O = re.compile(r"(?<=\d)[Oo]+(?![^\W\d_])|(?<![^\W\d_])[Oo]+(?=\d)")
_THOUSANDS_DOT = re.compile(r"\d{1,3}\.\d{3}")  # "1.200": a thousand written the European way?


@dataclass(frozen=True)
class Unclear(Exception):
    """The text could mean any of `choices` (e.g. a range): ask which one. `per_month`: the
    choices are an amount said per day or per week, counted over a month."""

    choices: tuple[int, ...]
    per_month: bool = False


def _number(token: str) -> Decimal | None:
    if _GROUPED.fullmatch(token):
        return Decimal(token.replace(",", ""))
    if "," in token:
        return None  # "12,00,0": not how anyone groups digits
    if token.count(".") > 1:
        return None
    return Decimal(token)


def names_a_period(text: str) -> bool:
    """A day, week, month or year named ("mahine me 50 kilo"): a count over time, no price."""
    words = vocabulary()
    return any(t in words.periods or t in words.days for t in _tokens(text))


def days_in(text: str) -> Decimal:
    """How many days one of the periods `text` counts in is: 7 for "2 hafte", 30 for "1
    mahina", 1 for days or nothing said."""
    days = vocabulary().days
    return next((days[t] for t in _tokens(text) if t in days), Decimal(1))


def measure(text: str) -> Measure | None:
    """What the amount in `text` is of, when it says: one of MEASURES ("50 ru kilo", "20
    quintal"), PIECE ("50 nag", "100 rupaye jodi"), or None. Two different ones ("ek piece
    800, darjan 9000") or one that cannot be listed ("meter") raise `Invalid`: asked, not
    guessed."""
    words = vocabulary()
    found: set[Measure] = set()
    for token in _tokens(text):
        if token in words.other_measures:
            raise Invalid("err-measure-other")
        if token in words.measures:
            found.add(words.measures[token])
        elif token in words.units:
            found.add(Measure(PIECE))
    if len({m.unit for m in found}) > 1:
        raise Invalid("err-measure-mixed")
    return max(found, default=None)  # "1 quintal yani 100 kilo": the larger


def quantity(text: str) -> tuple[str, Decimal] | None:
    """A price said for more than one ("500 rupaye 10 kilo", "2 piece 300"): the text without
    the quantity, and the quantity. None when the text says no such second number."""
    words = vocabulary()
    tokens = _tokens(text)
    values = _values(tokens)
    numbered = [i for i, value in enumerate(values) if value is not None]
    if len(numbered) < 2:
        return None
    measured = [i for i, t in enumerate(tokens) if t in words.measures or t in words.units]
    if any(i == 0 or values[i - 1] is None for i in measured):
        return None  # "40 rupaye kilo, 50 kilo minimum": the price is a kilo's already
    for i, value in enumerate(values[:-1]):
        following = tokens[i + 1]
        if value and value != 1 and (following in words.measures or following in words.units):
            return " ".join(tokens[:i] + tokens[i + 1 :]), value
    # "das khilone 500 rupaye": the number of rupees is the price, the other one (before a
    # thing's name) how many it is for.
    priced = [i for i in numbered if _in_rupees(tokens, i, text)]
    if len(numbered) == 2 and len(priced) == 1:
        i = next(n for n in numbered if n not in priced)
        thing = tokens[i + 1] if i + 1 < len(tokens) else ""
        value = values[i]
        if value is not None and value > 1 and _is_word(thing) and thing not in words.known:
            return " ".join(tokens[:i] + tokens[i + 1 :]), value
    return None


def in_rupees(text: str) -> bool:
    """Money is said: a rupee sign or word, or "1200/-" (the answer to a price question)."""
    said = "₹" in text or "/-" in text
    return said or bool(set(_tokens(text)) & vocabulary().rupees)


def only_an_amount(text: str) -> bool:
    """ "paanch sau rupaye", "5 hazaar": an amount's words and nothing else."""
    words = vocabulary()
    amount = words.multipliers.keys() | words.prefixes.keys() | words.rupees | words.fillers
    tokens = _tokens(text)
    pairs = list(zip(tokens, _values(tokens), strict=True))
    numbered = any(v is not None or t in words.multipliers for t, v in pairs)
    return numbered and all(v is not None or t in amount for t, v in pairs)


def _in_rupees(tokens: list[str], i: int, text: str) -> bool:
    """The number at `i` is said in rupees: a rupee word beside it, or the sign before it."""
    rupees = vocabulary().rupees
    beside = {tokens[j] for j in (i - 1, i + 1) if 0 <= j < len(tokens)}
    signed = re.findall(r"₹\s*(\d[\d,.]*)", ascii_digits(text))
    return bool(beside & rupees) or tokens[i] in {s.rstrip(".,") for s in signed}


def counted_in(said: Measure | None, unit: str | None) -> Decimal | None:
    """How many of `unit` (None: pieces) one of what was said makes: a quintal of kilograms
    100, a dozen of pieces 12, nothing said 1; None when one cannot be counted in the other
    (kilos of a product priced by the piece)."""
    product = unit or PIECE
    if said is None:
        return Decimal(1)
    if said.unit == product:
        return said.size
    if (said.unit, product) == ("dozen", PIECE):
        return said.size * 12
    return None


def _tokens(text: str) -> list[str]:
    text = ascii_digits(clean_text(text)).replace("/-", " ")
    text = _LETTER_O.sub(lambda o: "0" * len(o.group()), text)  # "12OO": the letter for a zero
    text = re.sub(r"(\d)(?=[^\W\d_])", r"\1 ", text)  # "5k", "5hazar", "5kg"
    return [fold(t) for t in _TOKEN.findall(text)]


def _values(tokens: list[str]) -> list[Decimal | None]:
    """Each token's value as a number, None for a word ("do" after "kar" is "give": None)."""
    words = vocabulary()
    values: list[Decimal | None] = []
    for i, token in enumerate(tokens):
        if token[0].isdigit():
            values.append(_number(token))
        elif token in words.numbers and not (i and tokens[i - 1] in words.verbs):
            values.append(words.numbers[token])
        else:
            values.append(None)
    return values


def _groups(text: str) -> list[list[Decimal] | str]:
    """Numbers, each with the multipliers that follow it, and range words between them."""
    tokens = _tokens(text)
    words = vocabulary()
    out: list[list[Decimal] | str] = []
    prefix = Decimal(0)
    values = _values(tokens)
    numbers = sum(1 for value in values if value is not None)
    for i, token in enumerate(tokens):
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        previous = tokens[i - 1] if i > 0 else ""
        if token in words.ranges:
            if token in "-–—" and not out:
                raise Invalid("err-amount-negative")
            out.append("range")
            continue
        if token in words.prefixes:
            prefix = words.prefixes[token]
            continue
        if token in words.multipliers:
            if _misspelt_number(previous):  # "chaarr sau": a number word not in the table
                raise Invalid("err-number")
            if out and isinstance(out[-1], list) and not prefix:  # "sau sawa sau": two amounts
                out[-1].append(words.multipliers[token])
            else:  # "sau", "hazar" alone: one of them
                out.append([Decimal(1) + prefix, words.multipliers[token]])
                prefix = Decimal(0)
            continue
        value = values[i]
        if value is None and token[0].isdigit():
            raise Invalid("err-number")
        if value is None:
            if previous[:1].isdigit() and _like_multiplier(token):  # "5 hajjaar": 5? no
                raise Invalid("err-number")
            continue  # a rupee sign, "only", "about": the number is what counts
        each = (  # "ek nag ka", "1 kilo ka", "ek din mein", "ek ka": each, not an amount
            following in words.units
            or following in words.measures
            or following in words.periods
            or following in words.each
            or previous in words.each
        )
        if value == 1 and each and len(tokens) > 2:
            continue  # "ek nag ka", "ka ek": each, not an amount
        if value == 1 and numbers > 1 and _one_of_it(token, previous, following):
            continue  # "ek kurta 1000": one of it, the other number is the amount
        if _THOUSANDS_DOT.fullmatch(token) and not out:
            raise Unclear((int(value * 1000), *_around(value)))
        out.append([value + prefix])
        prefix = Decimal(0)
    return out


def _one_of_it(token: str, previous: str, following: str) -> bool:
    """ "ek" (or a 1 before a thing's name: "1 saree 5000"), not before "sau" nor beside "ya":
    one of the thing priced."""
    words = vocabulary()
    around = (previous, following)
    named = _is_word(following) and following not in words.known
    return (
        (not token[0].isdigit() or named)
        and following not in words.multipliers
        and not any(word in words.ranges for word in around)
    )


def _misspelt_number(token: str) -> bool:
    """A word before a multiplier spelt almost like a number word of the table ("chaarr",
    "tin"): skipped, "chaarr sau" read as a hundred. Other words there ("mahine mein sau")
    change nothing."""
    words = vocabulary()
    return _is_word(token) and token not in words.known and alike(token, words.numbers, 0.65)


def _like_multiplier(token: str) -> bool:
    """A word of four letters or more spelt almost like a multiplier ("hajjaar"; "har" and
    "rakh" are words of their own)."""
    return (
        len(token) >= 4
        and token not in vocabulary().known
        and alike(token, [w for w in vocabulary().multipliers if len(w) >= 3], 0.8)
    )


def alike(token: str, words: Iterable[str], at_least: float) -> bool:
    """`token` spelt almost like one of `words` (a letter or two off)."""
    return any(SequenceMatcher(None, token, word).ratio() >= at_least for word in words)


def _is_word(token: str) -> bool:
    """Letters (and Devanagari's vowel signs), no digits."""
    return bool(token) and all(unicodedata.category(ch)[0] in "LM" for ch in token)


def _around(value: Decimal) -> tuple[int, ...]:
    low = int(value.to_integral_value(rounding="ROUND_FLOOR"))
    return tuple(dict.fromkeys(v for v in (low, low + 1) if v >= 1))


def _value(group: list[Decimal]) -> Decimal:
    total = group[0]
    for multiplier in group[1:]:
        total *= multiplier
    return total


def _combine(groups: list[list[Decimal]]) -> list[Decimal]:
    """ "2 hazar 500" is one amount (a smaller part after a multiplied one); "1200 1500" two."""
    amounts: list[Decimal] = []
    last_scale = Decimal(1)
    for group in groups:
        value = _value(group)
        if amounts and last_scale > 1 and value < last_scale:
            amounts[-1] += value
        else:
            amounts.append(value)
        last_scale = _value([Decimal(1), *group[1:]])
    return amounts


def read_amount(text: str, maximum: int, *, per_month: bool = False) -> int:
    """The whole number `text` means, between 1 and `maximum`; `per_month` when the question
    asked for a month's count (an amount said per day or per week is then offered scaled)."""
    factor = _per_period(text) if per_month else None
    if factor is None:
        return _read(text, maximum)
    try:
        said: tuple[int, ...] = (_read(text, maximum),)
    except Unclear as unclear:
        said = unclear.choices
    month = [(a * factor).to_integral_value() for a in said]  # a year's 1,200: 100, not 99
    scaled = tuple(dict.fromkeys(int(m) for m in month if 1 <= m <= maximum))
    if not scaled:  # "1 saal": less than one a month
        key = "err-amount-small" if all(m < 1 for m in month) else "err-amount-large"
        raise Invalid(key, max=maximum)
    raise Unclear(scaled, per_month=True)


def _per_period(text: str) -> Decimal | None:
    """How many of the period `text` names ("roz", "hafte mein") make a month, if it names one."""
    periods = vocabulary().periods
    tokens = (fold(t) for t in _TOKEN.findall(ascii_digits(clean_text(text))))
    return next((periods[t] for t in tokens if t in periods), None)


def _read(text: str, maximum: int) -> int:
    parts = _groups(text)
    sides: list[list[list[Decimal]]] = [[]]
    for part in parts:
        if part == "range":
            sides.append([])
        else:
            assert isinstance(part, list)
            sides[-1].append(part)
    sides = [side for side in sides if side]
    if not sides:
        raise Invalid("err-number")
    if len(sides) == 2 and len(sides[0]) == 1 and len(sides[0][0]) == 1 and len(sides[1][-1]) > 1:
        sides[0][0] = [sides[0][0][0], *sides[1][-1][1:]]  # "5-6 hazar": both thousands
    amounts = [amount for side in sides for amount in _combine(side)]
    if len(amounts) > 1:  # ask which, offering only the ones that could be right
        choices = tuple(dict.fromkeys(int(a) for a in amounts if 1 <= a <= maximum))
        if not choices:
            raise Invalid("err-number")
        raise Unclear(choices[:4])
    amount = amounts[0]
    if amount != amount.to_integral_value():
        whole = {_whole(amount.to_integral_value(rounding="ROUND_FLOOR"), maximum)}
        whole.add(_whole(amount.to_integral_value(rounding="ROUND_CEILING"), maximum))
        raise Unclear(tuple(sorted(whole)))
    return _whole(amount, maximum)


def _whole(amount: Decimal, maximum: int) -> int:
    if amount < 1:
        raise Invalid("err-amount-small")
    if amount > maximum:
        raise Invalid("err-amount-large", max=maximum)
    return int(amount)
