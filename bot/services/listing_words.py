"""A listing's material and colour as artisans type them, stored as the buttons store them.

The buttons store a craft's English value (data/crafts.csv materials_en, colours_en); a typed
"mitti" (in either script) was stored as typed, so one listing said "Clay" and the next
"mitti". The Hindi names come from crafts.csv (every craft's pairs), the Hinglish ones from
data/listing_words.csv. A word found in neither is kept as typed.
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path

from bot.services.crafts import CraftIndex
from bot.services.districts import normalize

WORDS_CSV = Path(__file__).resolve().parents[2] / "data" / "listing_words.csv"
STEPS = ("material", "colour")


@functools.cache
def _typed_words(path: Path = WORDS_CSV) -> dict[str, dict[str, str]]:
    """Hinglish words: step -> normalized word -> English value."""
    found: dict[str, dict[str, str]] = {step: {} for step in STEPS}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            found[row["step"]][normalize(row["word"])] = row["value_en"]
    return found


def value_of(crafts: CraftIndex, step: str, typed: str, locale: str) -> tuple[str, str]:
    """(stored, shown) for a typed material or colour: the English value and its name in
    `locale` when the word is known, else the typed text twice."""
    known, pairs = _tables(crafts, step)
    found = known.get(normalize(typed))
    if found is None:
        return typed, typed
    return found, pairs.get(found, found) if locale == "hi" else found


def answers_the_other(crafts: CraftIndex, step: str, typed: str) -> bool:
    """A colour typed at the material question ("lal"), or a material at the colour's: a word
    known to the other question only, kept as this one's answer before."""
    other = STEPS[1 - STEPS.index(step)]
    word = normalize(typed)
    return word not in _tables(crafts, step)[0] and word in _tables(crafts, other)[0]


@functools.lru_cache(maxsize=8)
def _tables(crafts: CraftIndex, step: str) -> tuple[dict[str, str], dict[str, str]]:
    """Built once per craft index: normalized word -> English value, English value -> Hindi."""
    pairs: dict[str, str] = {}
    known: dict[str, str] = dict(_typed_words()[step])
    for craft in crafts.crafts:
        names_hi, names_en = (
            (craft.materials_hi, craft.materials_en)
            if step == "material"
            else (craft.colours_hi, craft.colours_en)
        )
        for hindi, english in zip(names_hi, names_en, strict=False):
            pairs.setdefault(english, hindi)
            known.setdefault(normalize(hindi), english)
            known.setdefault(normalize(english), english)
    return known, pairs
