"""The 75 districts of Uttar Pradesh and their ODOP products, loaded from `data/` CSV files."""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process

from bot.services import input_words

SUGGEST_MIN_SCORE = 60
SUGGEST_SPREAD = 10  # suggest only names nearly as good as the best one
_NON_WORD = re.compile(r"[^\w\u0900-\u097f]+")  # \w alone drops the vowel signs
# Long vowels and their signs (II, UU, AI, AU) as the short ones (I, U, E, O).
_VOWEL_LENGTH = str.maketrans(
    "\u0908\u090a\u0910\u0914\u0940\u0942\u0948\u094c",
    "\u0907\u0909\u090f\u0913\u093f\u0941\u0947\u094b",
)


@dataclass(frozen=True)
class District:
    key: str  # English name, the stored value
    name_hi: str
    division: str
    products_en: tuple[str, ...]
    products_hi: tuple[str, ...]

    def name(self, locale: str) -> str:
        return self.name_hi if locale == "hi" else self.key

    def products(self, locale: str) -> tuple[str, ...]:
        return self.products_hi if locale == "hi" else self.products_en


@dataclass
class Match:
    district: District | None  # set when certain
    suggestions: list[District] = field(default_factory=list)
    outside: bool = False  # a place known to be outside Uttar Pradesh ("Patna")
    town: bool = False  # a town or tehsil of the one suggested district ("Malihabad")


def normalize(text: str) -> str:
    """Fold spelling variants: case, nukta, chandrabindu/anusvara, long and short vowels
    ("Gorakhpoor" in Devanagari), joiners, punctuation. The vowel signs stay: without them
    "Malihabad" and "Banda" were alike enough to be suggested for each other."""
    text = unicodedata.normalize("NFD", text.casefold())
    text = text.replace("\u093c", "").replace("\u0901", "\u0902").translate(_VOWEL_LENGTH)
    text = "".join(
        ch for ch in text if unicodedata.category(ch) not in ("Cf", "Mn") or ch > "\u08ff"
    )
    return _NON_WORD.sub(" ", unicodedata.normalize("NFC", text)).strip()


@functools.cache
def _district_words() -> frozenset[str]:
    """The words around a district's name ("Gorakhpur jila"), compared after `normalize`."""
    return frozenset(normalize(word) for word in input_words.words("district"))


@functools.cache
def _outside_up() -> frozenset[str]:
    """Places outside Uttar Pradesh people type for their district, after `normalize`."""
    return frozenset(normalize(word) for word in input_words.words("outside_up"))


class DistrictIndex:
    """Lookup by key, by division, and tolerant matching of typed names."""

    def __init__(
        self,
        districts: list[District],
        divisions_hi: dict[str, str],
        aliases: dict[str, str],
        towns: dict[str, str] | None = None,
    ) -> None:
        self.districts = sorted(districts, key=lambda d: d.key)
        self.by_key = {d.key: d for d in self.districts}
        self.divisions_hi = divisions_hi
        self.divisions = sorted({d.division for d in self.districts})
        self._names: dict[str, str] = {}
        for d in self.districts:
            self._names[normalize(d.key)] = d.key
            self._names[normalize(d.name_hi)] = d.key
            self._names[normalize(d.key.split(" (")[0])] = d.key
        for alias, key in aliases.items():
            if key in self.by_key:
                self._names[normalize(alias)] = key
        self._choices = list(self._names)
        # Towns and tehsils (data/towns.csv) are offered, never taken: the row is a judgement.
        self._towns = {
            normalize(town): key
            for town, key in (towns or {}).items()
            if key in self.by_key and normalize(town) not in self._names
        }

    @classmethod
    def load(cls, csv_path: Path) -> DistrictIndex:
        folder = csv_path.parent
        with csv_path.open(encoding="utf-8") as f:
            districts = [
                District(
                    key=row["district_en"].strip(),
                    name_hi=row["district_hi"].strip(),
                    division=row["division_en"].strip(),
                    products_en=_split(row["products_en"]),
                    products_hi=_split(row["products_hi"]),
                )
                for row in csv.DictReader(f)
            ]
        return cls(
            districts,
            _pairs(folder / "divisions.csv"),
            _pairs(folder / "district_aliases.csv"),
            _pairs(folder / "towns.csv"),
        )

    def division_name(self, division: str, locale: str) -> str:
        return self.divisions_hi.get(division, division) if locale == "hi" else division

    def in_division(self, division: str) -> list[District]:
        return [d for d in self.districts if d.division == division]

    def get(self, key: str | None) -> District | None:
        return self.by_key.get(key or "")

    def number(self, key: str | None) -> int | None:
        """The district's place in the index: a short tag for a button made for it."""
        found = self.by_key.get(key or "")
        return None if found is None else self.districts.index(found)

    def match(self, typed: str, limit: int = 3) -> Match:
        """An exact (normalised) name or alias is certain; a town's district and anything else
        only suggest."""
        words = [w for w in typed.split() if normalize(w) not in _district_words()]
        query = normalize(" ".join(words))
        if not query:
            return Match(None)
        if query in self._names:
            return Match(self.by_key[self._names[query]])
        if query in self._towns:  # "Malihabad": Lucknow's, offered to confirm
            return Match(None, [self.by_key[self._towns[query]]], town=True)
        named = [normalize(w) for w in words]
        if query in _outside_up() or (  # "Patna Bihar": not a misspelt UP district
            any(w in _outside_up() for w in named) and not any(w in self._names for w in named)
        ):
            return Match(None, outside=True)
        hits = process.extract(
            query,
            self._choices,
            scorer=fuzz.WRatio,
            limit=limit * 4,
            score_cutoff=SUGGEST_MIN_SCORE,
        )
        found: list[District] = []
        for _choice, score, index in hits:
            district = self.by_key[self._names[self._choices[index]]]
            if score >= hits[0][1] - SUGGEST_SPREAD and district not in found:
                found.append(district)
        return Match(None, found[:limit])


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split("|") if p.strip())


def _pairs(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader, None)
        return {row[0].strip(): row[1].strip() for row in reader if len(row) >= 2}
