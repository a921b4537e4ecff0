"""The word tables an administrator edits: well formed, sourced, naming rows that exist."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from bot.services import listing_words
from bot.services.crafts import CraftIndex
from bot.services.districts import DistrictIndex, normalize

DATA = Path(__file__).resolve().parent.parent / "data"


def rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_towns_name_our_districts_once_each_and_are_sourced() -> None:
    districts = DistrictIndex.load(DATA / "odop_districts.csv")
    names = {normalize(d.key) for d in districts.districts}
    names |= {normalize(d.name_hi) for d in districts.districts}
    towns = rows("towns.csv")
    assert towns and list(towns[0]) == ["town", "district_en", "source", "uncertain"]
    seen: dict[str, str] = {}  # spellings alike once folded ("sikri", "sikari") are one town
    for row in towns:
        town = normalize(row["town"])
        assert row["district_en"] in districts.by_key, row
        assert row["source"] and row["uncertain"] in ("", "yes"), row
        assert town not in names, f"{row['town']} is a district's own name"
        assert seen.setdefault(town, row["district_en"]) == row["district_en"], row


def test_every_town_is_offered_as_its_district() -> None:
    districts = DistrictIndex.load(DATA / "odop_districts.csv")
    for row in rows("towns.csv"):
        match = districts.match(row["town"])
        assert match.town and [d.key for d in match.suggestions] == [row["district_en"]], row


def test_craft_words_name_crafts_of_the_table() -> None:
    crafts = CraftIndex.load(DATA / "crafts.csv")
    words = rows("craft_words.csv")
    assert words and list(words[0]) == ["word", "product_en", "source", "note"]
    for row in words:
        products = row["product_en"].split("|")
        assert all(p in crafts.by_en for p in products), row
        assert row["source"], row
        assert crafts.typed(row["word"], None) is not None, row


@pytest.mark.parametrize(
    ("typed", "district", "craft"),
    [
        ("matka", "Gorakhpur", "Terracotta"),
        ("मिट्टी के बर्तन बनाता हूँ", "Azamgarh", "Black Pottery"),
        ("पीतल के बर्तन", "Moradabad", "Metal Craft"),  # the district's own, not a longer label's
        ("लकड़ी का काम", "Saharanpur", "Wood Craft (Wood Carving)"),
        ("कपड़े पर चिकन की कढ़ाई", "Lucknow", "Chikankari"),
        ("lakdi ke khilone", "Varanasi", "Wooden Lacquerware & Toys"),
        ("कालीन", "Bhadohi (Sant Ravidas Nagar)", "Carpet (Dari)"),
        ("कुछ नहीं", "Gorakhpur", None),
    ],
)
def test_typed_work_is_the_districts_own_craft_where_it_may_be(
    typed: str, district: str, craft: str | None
) -> None:
    crafts = CraftIndex.load(DATA / "crafts.csv")
    districts = DistrictIndex.load(DATA / "odop_districts.csv")
    found = crafts.typed(typed, districts.get(district))
    assert (found.product_en if found else None) == craft


@pytest.mark.parametrize(
    ("step", "typed", "stored", "shown"),
    [
        ("material", "lakdi", "Wood", "लकड़ी"),
        ("material", "मिट्टी", "Clay", "मिट्टी"),
        ("colour", "laal", "Red", "लाल"),
        ("colour", "हल्का नीला", "हल्का नीला", "हल्का नीला"),  # not in the tables: as typed
    ],
)
def test_a_typed_material_or_colour_is_stored_as_its_button_stores_it(
    step: str, typed: str, stored: str, shown: str
) -> None:
    crafts = CraftIndex.load(DATA / "crafts.csv")
    assert listing_words.value_of(crafts, step, typed, "hi") == (stored, shown)


def test_listing_words_name_values_of_the_crafts_table() -> None:
    crafts = CraftIndex.load(DATA / "crafts.csv")
    values = {v for c in crafts.crafts for v in (*c.materials_en, *c.colours_en)}
    for row in rows("listing_words.csv"):
        assert row["step"] in listing_words.STEPS and row["source"], row
        assert row["value_en"] in values, row  # a value the buttons can store
