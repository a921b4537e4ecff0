"""The words people write amounts with, from data/amount_words.csv: numbers, multipliers,
measures, periods and the words around them. An administrator adds a spelling there and
restarts the bot; `bot/services/amounts.py` reads amounts with them."""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from bot.services.input_words import fold

WORDS_CSV = Path(__file__).resolve().parents[2] / "data" / "amount_words.csv"
# What a price and a month's count may be of, besides pieces (None): the values of the
# `measure` rows, each one of ONDC's units (item quantity.unitized.measure.unit).
MEASURES = ("kilogram", "dozen")
PIECE = "piece"  # what `measure` says of "50 nag"; stored as None


class Measure(NamedTuple):
    """What an amount is of: one of MEASURES or PIECE, and how many of it one is (a quintal is
    100 kilograms: `Measure("kilogram", 100)`)."""

    unit: str
    size: Decimal = Decimal(1)


@dataclass(frozen=True)
class Vocabulary:
    """The words people write amounts with, from `data/amount_words.csv` (Hindi, Hinglish,
    English): an administrator adds a spelling there, not in code."""

    multipliers: dict[str, Decimal]  # "hundred", "thousand", "lakh"…
    numbers: dict[str, Decimal]  # "one" … "ninety", and one and a half, two and a half
    prefixes: dict[str, Decimal]  # a quarter more, a half more, a quarter less: 2¼ × 100
    ranges: frozenset[str]  # "to", "or": two amounts, ask which
    units: frozenset[str]  # "pieces": the number before it counts pieces
    each: frozenset[str]  # "one" after these means "each", not an amount
    periods: dict[str, Decimal]  # "daily", "weekly": how many of them make a month
    measures: dict[str, Measure]  # "kilo", "quintal", "dozen": what an amount is of
    other_measures: frozenset[str]  # "metre", "litre": an amount of what cannot be listed
    days: dict[str, Decimal]  # "day", "week", "month": how many days one of them is
    fillers: frozenset[str]  # "only", "about": words around an amount that change nothing
    rupees: frozenset[str]  # "rupaye", "rs": the number beside one is a price
    verbs: frozenset[str]  # "kar", "bhej": "do" after one is "give", not two

    @functools.cached_property
    def known(self) -> frozenset[str]:
        """Every word of the table, of whatever kind."""
        kinds = (self.multipliers, self.numbers, self.prefixes, self.ranges, self.units,
                 self.each, self.periods, self.measures, self.other_measures, self.days,
                 self.fillers, self.rupees, self.verbs)  # fmt: skip
        return frozenset(word for kind in kinds for word in kind)

    @classmethod
    def load(cls, path: Path = WORDS_CSV) -> Vocabulary:
        found: dict[str, dict[str, Decimal]] = {}
        measures: dict[str, Measure] = {}
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                if row["kind"] == "measure":  # "kilogram", "100 kilogram" (a quintal)
                    size, _, unit = row["value"].rpartition(" ")
                    if unit not in MEASURES:  # texts and the ONDC export know only these
                        raise ValueError(f"{path}: {row['word']}: measure not in {MEASURES}")
                    measures[fold(row["word"])] = Measure(unit, Decimal(size or 1))
                    continue
                value = Decimal(row["value"]) if row["value"] else Decimal(0)
                found.setdefault(row["kind"], {})[fold(row["word"])] = value
        return cls(
            multipliers=found.get("multiplier", {}),
            numbers=found.get("number", {}),
            prefixes=found.get("prefix", {}),
            ranges=frozenset(found.get("range", {})),
            units=frozenset(found.get("unit", {})),
            each=frozenset(found.get("each", {})),
            periods=found.get("period", {}),
            measures=measures,
            other_measures=frozenset(found.get("other_measure", {})),
            days=found.get("days", {}),
            fillers=frozenset(found.get("filler", {})),
            rupees=frozenset(found.get("rupee", {})),
            verbs=frozenset(found.get("verb", {})),
        )


@functools.cache
def vocabulary() -> Vocabulary:
    return Vocabulary.load()
