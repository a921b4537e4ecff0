"""Per-craft marketplace data from `data/crafts.csv`: short labels, HSN, GST, common answers.

One row per ODOP product of `odop_districts.csv` (see data/README.md). A product is looked up by
its English name or any of its Hindi names; when a district is known its own product list picks
the row, since several English products share one Hindi name ("textile products" in Hindi).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from bot.services.amount_words import MEASURES
from bot.services.amounts import alike
from bot.services.districts import District, normalize

HOME_DOMAIN = "RET16"
# A typed word this long, this alike to a word of one of the district's crafts, names it.
MISSPELT_MIN, MISSPELT_RATIO = 6, 0.85
WORDS_CSV = "craft_words.csv"  # beside crafts.csv: the words artisans name their work with


@dataclass(frozen=True)
class Craft:
    product_en: str
    products_hi: tuple[str, ...]
    label_hi: str
    label_en: str
    hsn: str | None
    gst_rate: Decimal | None
    materials_hi: tuple[str, ...]
    materials_en: tuple[str, ...]
    colours_hi: tuple[str, ...]
    colours_en: tuple[str, ...]
    ondc_domain: str | None
    ondc_category: str | None
    source: str
    confidence: str
    uncertain: tuple[str, ...]
    sold_by: str | None = None  # amount_words.MEASURES ("kilogram": jaggery, rice); None: pieces

    def label(self, locale: str) -> str:
        return self.label_hi if locale == "hi" else self.label_en

    def materials(self, locale: str) -> tuple[str, ...]:
        return self.materials_hi if locale == "hi" else self.materials_en

    def colours(self, locale: str) -> tuple[str, ...]:
        return self.colours_hi if locale == "hi" else self.colours_en

    @property
    def is_home_decor(self) -> bool:
        return self.ondc_domain == HOME_DOMAIN and bool(self.ondc_category)


class CraftIndex:
    """Lookup of the craft rows by any of the product's names."""

    def __init__(
        self, crafts: list[Craft], words: dict[str, tuple[str, ...]] | None = None
    ) -> None:
        self.crafts = crafts
        self.by_en = {c.product_en: c for c in crafts}
        self._names: dict[str, Craft] = {}
        # The words a typed answer may name a craft with, as normalized words: its names, its
        # labels and `craft_words.csv`'s ("matka"), each with the crafts it may be, in order.
        self._words: dict[tuple[str, ...], list[str]] = {}
        for craft in crafts:
            for name in (craft.product_en, *craft.products_hi):
                self._names.setdefault(normalize(name), craft)
            for name in (craft.product_en, *craft.products_hi, craft.label_hi, craft.label_en):
                self._add_word(name, (craft.product_en,))
        for word, products in (words or {}).items():
            self._add_word(word, products)

    def _add_word(self, word: str, products: tuple[str, ...]) -> None:
        known = self._words.setdefault(tuple(normalize(word).split()), [])
        known.extend(p for p in products if p in self.by_en and p not in known)

    @classmethod
    def load(cls, path: Path) -> CraftIndex:
        """The crafts of `path`, and the words of `craft_words.csv` beside it, if there."""
        with path.open(encoding="utf-8") as f:
            crafts = [_row(row) for row in csv.DictReader(f)]
        words: dict[str, tuple[str, ...]] = {}
        if (path.parent / WORDS_CSV).exists():
            with (path.parent / WORDS_CSV).open(encoding="utf-8") as f:
                words = {row["word"]: _split(row["product_en"]) for row in csv.DictReader(f)}
        return cls(crafts, words)

    def typed(self, text: str, district: District | None) -> Craft | None:
        """The craft a typed answer names ("matka", "mitti ke bartan banata hun": terracotta):
        of the words found in it, those that may be one of the district's own crafts, then the
        longest; of the crafts those words may be, the district's own, else the first."""
        tokens = tuple(normalize(text).split())
        own = district.products_en if district is not None else ()
        found = [
            (any(p in own for p in products), len(words), len(" ".join(words)), products)
            for words, products in self._words.items()
            if products and _contains(tokens, words)
        ]
        if not found:
            return self._misspelt(tokens, own)
        products = max(found, key=lambda f: f[:3])[3]
        return self.by_en[next((p for p in products if p in own), products[0])]

    def _misspelt(self, tokens: tuple[str, ...], own: tuple[str, ...]) -> Craft | None:
        """A long word a letter or two off one word naming one of the district's own crafts
        ("chikankaari" in Lucknow); the answer is said back, so a wrong match shows."""
        for token in (t for t in tokens if len(t) >= MISSPELT_MIN):
            for words, products in self._words.items():
                mine = [p for p in products if p in own]
                if len(words) == 1 and mine and alike(token, words, MISSPELT_RATIO):
                    return self.by_en[mine[0]]
        return None

    @classmethod
    def empty(cls) -> CraftIndex:
        return cls([])

    def get(self, product: str | None, district: District | None = None) -> Craft | None:
        """The row of a product name as stored on a submission (English or Hindi)."""
        if not product:
            return None
        if district is not None:
            key = normalize(product)
            for names in (district.products_en, district.products_hi):
                for i, name in enumerate(names):
                    if normalize(name) == key and i < len(district.products_en):
                        found = self.by_en.get(district.products_en[i])
                        if found is not None:
                            return found
        return self._names.get(normalize(product))

    @staticmethod
    def name_of(craft: Craft, locale: str, district: District | None = None) -> str:
        """The craft's official name in `locale`, as its button stores it: the district's
        product name where the district has it (a craft may have several Hindi names)."""
        if district is not None and craft.product_en in district.products_en:
            return district.products(locale)[district.products_en.index(craft.product_en)]
        return craft.products_hi[0] if locale == "hi" and craft.products_hi else craft.product_en

    def label(self, product: str, locale: str, district: District | None = None) -> str:
        """A short spoken name for a button; the product itself when there is no row."""
        craft = self.get(product, district)
        return craft.label(locale) if craft else product

    def hsn(self, product: str | None, district: District | None = None) -> str | None:
        craft = self.get(product, district)
        return craft.hsn if craft else None

    def gst(self, product: str | None, district: District | None = None) -> Decimal | None:
        craft = self.get(product, district)
        return craft.gst_rate if craft else None


def _contains(tokens: tuple[str, ...], words: tuple[str, ...]) -> bool:
    n = len(words)
    return n > 0 and any(tokens[i : i + n] == words for i in range(len(tokens) - n + 1))


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (cell or "").split("|") if p.strip())


def _rate(cell: str | None) -> Decimal | None:
    try:
        return Decimal(cell.strip()) if cell and cell.strip() else None
    except InvalidOperation:
        return None


def _row(row: dict[str, str]) -> Craft:
    return Craft(
        product_en=row["product_en"].strip(),
        products_hi=_split(row["product_hi"]),
        label_hi=row["label_hi"].strip(),
        label_en=row["label_en"].strip(),
        hsn=(row.get("hsn") or "").strip() or None,
        gst_rate=_rate(row.get("gst_rate")),
        materials_hi=_split(row.get("materials_hi")),
        materials_en=_split(row.get("materials_en")),
        colours_hi=_split(row.get("colours_hi")),
        colours_en=_split(row.get("colours_en")),
        ondc_domain=(row.get("ondc_domain") or "").strip() or None,
        ondc_category=(row.get("ondc_category") or "").strip() or None,
        source=(row.get("source") or "").strip(),
        confidence=(row.get("confidence") or "").strip(),
        uncertain=tuple(p for p in (row.get("uncertain") or "").split(";") if p),
        sold_by=_measure(row.get("sold_by")),
    )


def _measure(cell: str | None) -> str | None:
    """How the product is priced, if not by the piece; only a measure the listing knows."""
    unit = (cell or "").strip() or None
    if unit is not None and unit not in MEASURES:
        raise ValueError(f"crafts.csv: sold_by {unit!r} is not one of {MEASURES}")
    return unit
