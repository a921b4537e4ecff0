"""Amounts as people write them: "1200", "१२००₹", "Rs. 1,200/-", "5 हजार", "डेढ़ सौ", "5k".

`read_amount` returns the one whole number the text means, or raises `Unclear` with the
candidates when it could mean more than one ("1200-1500", "5 या 6 सौ"): the caller asks with
buttons instead of guessing. Anything else raises `validation.Invalid` with a locale key.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from bot.services.validation import Invalid, ascii_digits, clean_text

MULTIPLIERS = {
    "सौ": 100, "sau": 100, "hundred": 100,
    "हजार": 1000, "hazar": 1000, "hazaar": 1000, "hajar": 1000, "thousand": 1000, "k": 1000,
    "लाख": 100_000, "lakh": 100_000, "lakhs": 100_000, "lac": 100_000, "lacs": 100_000,
    "करोड": 10_000_000, "crore": 10_000_000, "cr": 10_000_000,
}  # fmt: skip
HALVES = {
    "डेढ": Decimal("1.5"),
    "dedh": Decimal("1.5"),
    "ढाई": Decimal("2.5"),
    "dhai": Decimal("2.5"),
}
# "सवा दो सौ" = 2¼ × 100, "साढ़े तीन सौ" = 3½ × 100, "पौने दो सौ" = 1¾ × 100.
PREFIXES = {
    "सवा": Decimal("0.25"), "sawa": Decimal("0.25"),
    "साढे": Decimal("0.5"), "sadhe": Decimal("0.5"),
    "पौने": Decimal("-0.25"), "paune": Decimal("-0.25"),
}  # fmt: skip
WORDS = {
    "एक": 1, "दो": 2, "तीन": 3, "चार": 4, "पांच": 5, "छह": 6, "छः": 6, "छे": 6, "सात": 7,
    "आठ": 8, "नौ": 9, "दस": 10, "ग्यारह": 11, "बारह": 12, "तेरह": 13, "चौदह": 14,
    "पंद्रह": 15, "पन्द्रह": 15, "सोलह": 16, "सत्रह": 17, "अठारह": 18, "उन्नीस": 19, "बीस": 20,
    "पच्चीस": 25, "पचीस": 25, "तीस": 30, "पैंतीस": 35, "चालीस": 40, "पचास": 50, "साठ": 60, "सत्तर": 70,
    "पचहत्तर": 75, "अस्सी": 80, "नब्बे": 90,
    "ek": 1, "do": 2, "teen": 3, "char": 4, "paanch": 5, "panch": 5, "chhe": 6, "saat": 7,
    "aath": 8, "nau": 9, "das": 10, "gyarah": 11, "barah": 12, "pandrah": 15, "bees": 20,
    "pachees": 25, "tees": 30, "chalees": 40, "pachas": 50,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip
RANGE_WORDS = {"-", "–", "—", "~", "से", "to", "या", "or", "se", "ya"}
UNITS = {"नग", "piece", "pieces", "pcs", "pc", "पीस"}
# "One" around a price means "each": "एक नग का दाम 1200", "5 हजार का एक", "1200 per piece".
EACH_BEFORE = {"का", "की", "के", "per", "for", "a"}

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[-–—~]|[^\s\d.,/₹()\-–—~:;!?'\"+=*]+")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{2,3})+(?:\.\d+)?")  # 1,200 · 1,20,000 · 5,000.00
_THOUSANDS_DOT = re.compile(r"\d{1,3}\.\d{3}")  # "1.200": a thousand written the European way?


@dataclass(frozen=True)
class Unclear(Exception):
    """The text could mean any of `choices` (e.g. a range): ask which one."""

    choices: tuple[int, ...]


def _fold(word: str) -> str:
    """One spelling for हज़ार/हजार, पाँच/पांच, साढ़े/साढे; lower case."""
    word = unicodedata.normalize("NFD", word.casefold())
    word = word.replace("\u093c", "").replace("\u0901", "\u0902")
    return unicodedata.normalize("NFC", word)


def _number(token: str) -> Decimal | None:
    if _GROUPED.fullmatch(token):
        return Decimal(token.replace(",", ""))
    if "," in token:
        return None  # "12,00,0": not how anyone groups digits
    if token.count(".") > 1:
        return None
    return Decimal(token)


def _groups(text: str) -> list[list[Decimal] | str]:
    """Numbers, each with the multipliers that follow it, and range words between them."""
    text = ascii_digits(clean_text(text)).replace("/-", " ")
    text = re.sub(r"(\d)(?=[^\W\d_])", r"\1 ", text)  # "5k", "5हजार"
    tokens = [_fold(t) for t in _TOKEN.findall(text)]
    out: list[list[Decimal] | str] = []
    prefix = Decimal(0)
    for i, token in enumerate(tokens):
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        previous = tokens[i - 1] if i > 0 else ""
        if token in RANGE_WORDS:
            if token in "-–—" and not out:
                raise Invalid("err-amount-negative")
            out.append("range")
            continue
        if token in PREFIXES:
            prefix = PREFIXES[token]
            continue
        if token in MULTIPLIERS:
            if out and isinstance(out[-1], list):
                out[-1].append(Decimal(MULTIPLIERS[token]))
            else:
                out.append([Decimal(1) + prefix, Decimal(MULTIPLIERS[token])])  # "सौ", "हजार"
                prefix = Decimal(0)
            continue
        value: Decimal | None = None
        if token[0].isdigit():
            value = _number(token)
            if value is None:
                raise Invalid("err-number")
        elif token in HALVES:
            value = HALVES[token]
        elif token in WORDS:
            value = Decimal(WORDS[token])
        if value is None:
            continue  # a rupee sign, "only", "लगभग": the number is what counts
        if value == 1 and (following in UNITS or previous in EACH_BEFORE) and len(tokens) > 2:
            continue  # "एक नग का", "का एक": each, not an amount
        if _THOUSANDS_DOT.fullmatch(token) and not out:
            raise Unclear((int(value * 1000), *_around(value)))
        out.append([value + prefix])
        prefix = Decimal(0)
    return out


def _around(value: Decimal) -> tuple[int, ...]:
    low = int(value.to_integral_value(rounding="ROUND_FLOOR"))
    return tuple(dict.fromkeys(v for v in (low, low + 1) if v >= 1))


def _value(group: list[Decimal]) -> Decimal:
    total = group[0]
    for multiplier in group[1:]:
        total *= multiplier
    return total


def _combine(groups: list[list[Decimal]]) -> list[Decimal]:
    """ "2 हजार 500" is one amount (a smaller part after a multiplied one); "1200 1500" two."""
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


def read_amount(text: str, maximum: int) -> int:
    """The whole number `text` means, between 1 and `maximum`."""
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
        sides[0][0] = [sides[0][0][0], *sides[1][-1][1:]]  # "5-6 हजार": both thousands
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
