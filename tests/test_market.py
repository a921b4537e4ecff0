"""Marketplace-ready listings (issue 21): craft data, questions after approval, ONDC catalogue,
the monthly stock check."""

from __future__ import annotations

import csv
import json
from argparse import Namespace
from collections.abc import Callable
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bot.cli_catalogue import export_command
from bot.config import Settings
from bot.context import BotApp, BotContext, services_of
from bot.handlers.catalogue import photo_worker
from bot.handlers.listing_details import check_stock
from bot.handlers.listing_questions import question
from bot.i18n import Translator
from bot.services import listing_details
from bot.services.crafts import CraftIndex
from bot.services.districts import DistrictIndex
from bot.services.ondc import Builder, Row
from bot.services.validation import Invalid
from bot.storage.models import Artisan, Dialogue, Listing, State, Submission, format_reference
from fake_telegram import FakeTelegram, FakeUser
from tests.support.factories import (
    add_scoped_reviewer,
    approved_product,
    submission_id,
    submissions_of,
    waiting,
)
from tests.support.journey import choose_language, english, submit_product, to_district, to_price
from tests.support.world import ADMIN_ID, REVIEWER_ID, Sessions

DATA = Path(__file__).resolve().parent.parent / "data"
MEDIA_URL = "https://media.example.org/odop"


@pytest.fixture
def settings(make_settings: Callable[..., Settings]) -> Settings:
    return make_settings(media_base_url=MEDIA_URL)


def test_every_odop_product_has_a_craft_row_with_short_labels_and_hsn() -> None:
    crafts = CraftIndex.load(DATA / "crafts.csv")
    districts = DistrictIndex.load(DATA / "odop_districts.csv")
    for district in districts.districts:
        for en, hi in zip(district.products_en, district.products_hi, strict=True):
            craft = crafts.get(hi, district)
            assert craft is not None and craft.product_en == en, (district.key, en)
            assert crafts.get(en) is not None
    for craft in crafts.crafts:
        assert len(craft.label_hi) <= 20 and len(craft.label_en) <= 20, craft.product_en
        assert craft.hsn and len(craft.hsn) == 4 and craft.hsn.isdigit(), craft.product_en
        assert craft.gst_rate is not None and craft.source and craft.confidence
        assert len(craft.materials_hi) == len(craft.materials_en)
        assert len(craft.colours_hi) == len(craft.colours_en)
    terracotta = crafts.get("टेराकोटा", districts.get("Gorakhpur"))
    assert terracotta is not None and terracotta.hsn == "6913" and terracotta.is_home_decor
    assert crafts.label("काष्ठ शिल्प", "hi") == "लकड़ी की नक्काशी"


async def approve(fake: FakeTelegram, reference: str) -> None:
    reviewer = await english(fake.user(REVIEWER_ID))
    await reviewer.send(f"/review {reference}", expect=2)
    await reviewer.press("Approve", expect=2)


async def approve_and_wait(fake: FakeTelegram, artisan: FakeUser) -> str:
    """The artisan's product sent and approved: the first listing question is on screen."""
    reference = await submit_product(artisan)
    await approve(fake, reference)
    assert "किस चीज़ से बना है" in artisan.last_text
    return reference


async def answer_questions(artisan: FakeUser) -> None:
    """Material by button, colour typed, stock typed in Devanagari digits, days by button."""
    await artisan.press("मिट्टी")
    assert "किस चीज़ से बना: मिट्टी ✅" in artisan.last_text and "रंग" in artisan.last_text
    await artisan.send("लाल-भूरा")
    assert "रंग: लाल-भूरा ✅" in artisan.last_text and "कितने नग तैयार" in artisan.last_text
    await artisan.send("१२")
    assert "तैयार: 12 नग ✅" in artisan.last_text
    await artisan.press("5 दिन")
    await artisan.send("30 सेमी ऊँचा")
    assert "पूरी जानकारी मिल गई" in artisan.last_text


async def ondc(bot: BotApp, out: Path) -> tuple[int, dict[str, Any]]:
    args = Namespace(state="approved", since=None, district=None, format="ondc", out=out)
    code = await export_command(services_of(bot).settings, args)
    document = json.loads((out / "catalogue_ondc.json").read_text(encoding="utf-8"))
    return code, document


def only_item(document: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    (provider,) = document["message"]["catalog"]["bpp/providers"]
    (item,) = provider["items"]
    return provider, item


def attributes(item: dict[str, Any]) -> dict[str, str]:
    tags = {tag["code"]: tag["list"] for tag in item["tags"]}
    return {entry["code"]: entry["value"] for entry in tags["attribute"]}


async def test_artisan_answers_listing_questions_and_ondc_item_has_every_field(
    fake: FakeTelegram, bot: BotApp, db: Sessions, tmp_path: Path
) -> None:
    artisan = fake.user(language_code="hi")
    reference = await submit_product(artisan)
    await approve(fake, reference)
    assert "किस चीज़ से बना है" in artisan.last_text
    assert artisan.buttons == ["मिट्टी", "टेराकोटा"]
    await answer_questions(artisan)
    await photo_worker(bot).run_once()

    code, document = await ondc(bot, tmp_path / "ondc")

    assert code == 0
    assert document["context"]["domain"] == "ONDC:RET16"
    assert document["context"]["action"] == "on_search"
    provider, item = only_item(document)
    assert provider["descriptor"]["name"] == "सुनीता देवी"
    assert provider["locations"][0]["address"]["city"] == "Gorakhpur"
    assert provider["fulfillments"][0]["contact"]["phone"].isdigit()
    assert item["id"] == reference
    descriptor = item["descriptor"]
    assert descriptor["name"] == "टेराकोटा हाथी" and descriptor["code"] == "4:6913"
    assert descriptor["short_desc"] and descriptor["long_desc"].startswith("हाथ से बना")
    assert descriptor["images"] and descriptor["images"][0].startswith(MEDIA_URL + "/")
    assert item["price"] == {"currency": "INR", "value": "1200.00", "maximum_value": "1200.00"}
    assert item["quantity"]["available"]["count"] == "12"
    assert item["quantity"]["maximum"]["count"] == "12"
    assert item["category_id"] == "Home Decor"
    assert item["@ondc/org/time_to_ship"] == "P5D"
    assert item["@ondc/org/returnable"] is False
    assert item["@ondc/org/cancellable"] is True
    statutory = item["@ondc/org/statutory_reqs_packaged_commodities"]
    assert statutory["manufacturer_or_packer_name"] == "सुनीता देवी"
    assert "Gorakhpur" in statutory["manufacturer_or_packer_address"]
    tags = {tag["code"]: tag["list"] for tag in item["tags"]}
    assert tags["origin"] == [{"code": "country", "value": "IND"}]
    assert attributes(item) == {
        "brand": "सुनीता देवी",
        "colour": "Red-brown",  # typed in Hindi, stored as its button stores it
        "material": "Clay",
        "size": "30 सेमी ऊँचा",
    }
    with (tmp_path / "ondc" / "catalogue_ondc_tax.csv").open(encoding="utf-8") as f:
        assert list(csv.DictReader(f)) == [
            {"reference": reference, "hsn": "6913", "gst_rate": "5", "uncertain": "gst"}
        ]


async def test_product_sold_by_the_kilo_is_counted_in_kilos_and_listed_per_kilogram(
    fake: FakeTelegram, bot: BotApp, db: Sessions, tmp_path: Path
) -> None:
    artisan = fake.user(language_code="hi")
    await to_price(artisan)
    await artisan.send("₹80 किलो")
    await artisan.send("500")
    await artisan.send_photo()
    await artisan.press("हो गया")
    await artisan.press("जमा करें")
    async with db() as session:
        [sub] = (await session.scalars(select(Submission))).all()
    await approve(fake, sub.reference)
    await artisan.press("मिट्टी")
    await artisan.send("लाल")
    assert "अभी कितने किलो तैयार हैं?" in artisan.last_text
    await artisan.send("1 क्विंटल")  # counted in kilos, what the price is of
    assert "तैयार: 100 किलो ✅" in artisan.last_text
    await artisan.press("5 दिन")
    await artisan.press("छोड़ें")
    assert "कितने किलो तैयार हैं" in artisan.last_text  # asked every month, in kilos
    await photo_worker(bot).run_once()
    _code, document = await ondc(bot, tmp_path / "ondc")
    _provider, item = only_item(document)
    assert item["quantity"]["unitized"] == {"measure": {"unit": "kilogram", "value": "1"}}
    assert item["price"]["value"] == "80.00" and item["quantity"]["available"]["count"] == "100"


async def test_a_jaggery_maker_is_asked_the_price_of_a_kilo_and_a_bare_number_is_per_kilo(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """Jaggery is sold by the kilo (data/crafts.csv sold_by): "one piece's price" made no sense
    to its maker, and "40" was stored as ₹40 a piece."""
    artisan = fake.user()
    await to_district(artisan)
    await artisan.send("Muzaffarnagar")
    await artisan.press("गुड़")
    await artisan.send("देसी गुड़")
    await artisan.send("गन्ने के रस से बना देसी गुड़, बिना केमिकल।")
    assert "एक किलो का दाम" in artisan.last_text
    await artisan.send("40")
    assert artisan.last_text.startswith("दाम: ₹40 / किलो ✅")
    assert "महीने में कितने किलो" in artisan.last_text
    await artisan.send("20 क्विंटल")
    assert artisan.last_text.startswith("महीने में: 2,000 किलो ✅")
    async with db() as session:
        [sub] = (await session.scalars(select(Submission))).all()
    assert (sub.price, sub.price_unit, sub.capacity) == (40, "kilogram", 2000)


async def test_a_price_said_for_ten_kilos_is_offered_as_a_kilos_price(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """ "500 रुपये 10 किलो" offered ₹500 or ₹10 a kilo: neither is what the maker meant."""
    artisan = fake.user()
    await to_district(artisan)
    await artisan.send("Muzaffarnagar")
    await artisan.press("गुड़")
    await artisan.send("देसी गुड़")
    await artisan.send("गन्ने के रस से बना देसी गुड़, बिना केमिकल।")
    await artisan.send("500 रुपये 10 किलो")
    assert artisan.last_text.startswith("“500 रुपये 10 किलो” = ₹50 / किलो")  # how, then which
    assert artisan.buttons == ["₹50 / किलो"]
    await artisan.press("₹50 / किलो")
    assert artisan.last_text.startswith("दाम: ₹50 / किलो ✅")
    async with db() as session:
        [sub] = (await session.scalars(select(Submission))).all()
    assert (sub.price, sub.price_unit) == (50, "kilogram")


async def test_a_month_counted_in_kilos_for_a_price_per_piece_says_how_to_change_the_price(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """A pickle maker wrote "250" (a kilo's price) and then "50 किलो": asked again and again to
    count in pieces, never told how to make the price a kilo's."""
    artisan = fake.user()
    await to_price(artisan)
    await artisan.send("250")
    await artisan.send("50 किलो")
    assert 'या "⬅️ पीछे" दबाकर दाम किलो का लिखें।' in artisan.last_text
    await artisan.press("⬅️ पीछे")
    await artisan.send("दो सौ का पाव")  # a quarter kilo's price: a kilo's offered
    await artisan.press("₹800 / किलो")
    await artisan.send("50 किलो")
    assert artisan.last_text.startswith("महीने में: 50 किलो ✅")
    async with db() as session:
        [sub] = (await session.scalars(select(Submission))).all()
    assert (sub.price, sub.price_unit, sub.capacity) == (800, "kilogram", 50)


async def test_english_artisan_is_asked_in_english_after_approval(
    fake: FakeTelegram, bot: BotApp
) -> None:
    artisan = fake.user(language_code="en")
    reference = await submit_product(artisan, lang="en", craft="Terracotta")
    await approve(fake, reference)
    assert "What is it made of?" in artisan.last_text
    assert artisan.buttons == ["Clay", "Terracotta"]


async def test_a_yes_or_dont_know_is_no_material_and_help_typed_reaches_a_person(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """ "ok", "पता नहीं", "समझ नहीं आया" went into the online listing as its material."""
    artisan = fake.user(language_code="hi")
    reference = await submit_product(artisan)
    await approve(fake, reference)
    for typed in ("ok", "पता नहीं", "समझ नहीं आया"):
        await artisan.send(typed)
        assert "किस चीज़ से बना है" in artisan.last_text
    await artisan.send("मेरी मदद करो")
    assert "अपना सवाल लिखें" in artisan.last_text
    async with db() as session:
        listing = await session.get(Listing, submission_id(reference))
        assert listing is not None and listing.material is None


async def test_artisan_typing_nonsense_for_stock_is_asked_again_in_own_language(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user(language_code="hi")
    reference = await submit_product(artisan)
    await approve(fake, reference)
    await artisan.press("मिट्टी")
    await artisan.press("काला")
    await artisan.send("बहुत सारे")  # one message: why, then the question again
    assert "गिनती अंकों में लिखें" in artisan.last_text
    assert "कितने नग तैयार" in artisan.last_text
    await artisan.send("समझ नहीं आया")
    assert "कितने नग तैयार" in artisan.last_text
    async with db() as session:
        listing = await session.get(Listing, submission_id(reference))
        assert listing is not None and (listing.step, listing.stock) == ("stock", None)


@pytest.mark.parametrize(
    ("lang", "craft", "answers", "typed", "days", "echo", "asked_next"),
    [
        ("hi", "टेराकोटा", ("मिट्टी", "लाल"), "2-3 दिन", 3, "भेजने में: 3 दिन ✅", "नाप या वज़न"),
        ("en", "Terracotta", ("Clay", "Red"), "3-4 days", 4, "Sent within: 4 days ✅", "size"),
        ("hi", "टेराकोटा", ("मिट्टी", "लाल"), "2 हफ़्ते", 14, "भेजने में: 14 दिन ✅", "नाप या वज़न"),
    ],
)  # fmt: skip
async def test_artisan_typing_days_as_a_range_gets_its_larger_end_echoed_and_kept(
    fake: FakeTelegram,
    bot: BotApp,
    db: Sessions,
    lang: str,
    craft: str,
    answers: tuple[str, str],
    typed: str,
    days: int,
    echo: str,
    asked_next: str,
) -> None:
    artisan = fake.user(language_code=lang)
    reference = await submit_product(artisan, lang=lang, craft=craft)
    await approve(fake, reference)
    for answer in (*answers, "12"):  # material, colour, how many are ready
        await artisan.send(answer)
    await artisan.send(typed)
    assert echo in artisan.last_text and asked_next in artisan.last_text
    async with db() as session:
        listing = await session.get(Listing, submission_id(reference))
        assert listing is not None and (listing.step, listing.ship_days) == ("size", days)


@pytest.mark.parametrize(
    ("typed", "unit", "count"),
    [("12", None, 12), ("2 दर्जन", None, 24), ("5 क्विंटल", "kilogram", 500),
     ("40 किलो", "kilogram", 40), ("3 दर्जन", "dozen", 3), ("50 किलो", None, "ls-err-number"),
     ("कोई नहीं", None, 0), ("सब बिक गया।", "kilogram", 0), ("पता नहीं", None, "ls-err-number"),
     ("ऑर्डर पर बनाते हैं", None, "ls-err-to-order"), ("order milne par", None, "ls-err-to-order"),
     ("10 आर्डर के लिए तैयार", None, 10), ("band kar do", None, "ls-err-number"),
     ("ek bhi nahi", None, 0), ("sab bik gaya", "kilogram", 0),
     ("6 inch", None, "err-measure-other"), ("2 हफ़्ते", None, "ls-err-stock-period"),
     ("roz 5", None, "ls-err-stock-period"), ("mahine me 50", None, "ls-err-stock-period")],
)  # fmt: skip
def test_stock_is_counted_in_what_the_price_is_of(
    typed: str, unit: str | None, count: int | str
) -> None:
    try:
        assert listing_details.parse_stock(typed, unit) == count
    except Invalid as invalid:
        assert invalid.key == count


@pytest.mark.parametrize(
    ("typed", "days"),
    [("2-3 दिन", 3), ("2 से 3 दिन", 3), ("2 - 3", 3), ("२-३ दिन", 3), ("3-4 days", 4),
     ("दो से तीन दिन", 3), ("2 se 3 din", 3), ("0-2", 2), ("7", 7), ("७ दिन", 7),
     ("2 हफ्ते", 14), ("1-2 week", 14), ("ek hafta", 7), ("2 weeks", 14), ("2 हफ़्तों", 14),
     ("1 महीना", 30), ("ek mahina", 30), ("तुरंत", 1), ("कल ही भेज देंगे", 1),
     ("ek hafte me", 7), ("एक हफ़्ते में", 7)],
)  # fmt: skip
def test_days_to_send_typed_as_a_range_are_its_larger_end(typed: str, days: int) -> None:
    assert listing_details.parse("ship", typed) == days


@pytest.mark.parametrize(
    "typed",
    ["0", "3-2", "2-2", "2-3-4", "1.5-2", "100-130", "2.5", "2 3", "10 inch ooncha, 1 kilo"],
)
def test_days_to_send_that_are_no_range_nor_count_are_still_refused(typed: str) -> None:
    with pytest.raises(Invalid):
        listing_details.parse("ship", typed)


async def test_artisan_who_makes_to_order_or_does_not_know_the_days_is_told_what_to_answer(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """ "ऑर्डर पर बनाते हैं" and "पता नहीं" were answered "गिनती अंकों में लिखें": no way on."""
    artisan = fake.user(language_code="hi")
    reference = await submit_product(artisan)
    await approve(fake, reference)
    await artisan.press("मिट्टी")
    await artisan.send("लाल")
    await artisan.send("ऑर्डर पर बनाते हैं")
    assert artisan.last_text.startswith("ठीक है, आप ऑर्डर पर बनाते हैं।")
    assert "कितने नग तैयार" in artisan.last_text and "0" in artisan.buttons
    await artisan.send("कोई नहीं")
    assert "तैयार: 0 नग ✅" in artisan.last_text
    await artisan.send("पता नहीं")
    assert artisan.last_text.startswith("अंदाज़े से बताएँ")
    assert "कितने दिन लगेंगे" in artisan.last_text and "7 दिन" in artisan.buttons
    await artisan.press("7 दिन")
    async with db() as session:
        listing = await session.get(Listing, submission_id(reference))
        assert listing is not None and (listing.stock, listing.ship_days) == (0, 7)


async def test_no_answer_to_the_question_asked_is_stored_as_one(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """ "ऑर्डर पर बनाते हैं" went into the listing as the colour, "roz 5" as 5 ready; "pata
    nahi" at the size (a question one may skip) was refused with a material as the example."""
    artisan = fake.user(language_code="hi")
    reference = await submit_product(artisan)
    await approve(fake, reference)
    await artisan.press("मिट्टी")
    await artisan.send("ऑर्डर पर बनाते हैं")
    assert artisan.last_text.startswith("रंग लिखें, जैसे: लाल") and "इसका रंग" in artisan.last_text
    await artisan.send("लाल")
    await artisan.send("roz 5")
    assert artisan.last_text.startswith("यह तो रोज़ या हफ़्ते की गिनती लगती है")
    await artisan.send("12")
    await artisan.press("7 दिन")
    await artisan.send("pata nahi")
    assert "नाप या वज़न" not in artisan.last_text  # the size skipped: the thanks
    async with db() as session:
        listing = await session.get(Listing, submission_id(reference))
        assert listing is not None
        assert (listing.colour, listing.stock, listing.size, listing.step) == (
            "Red",
            12,
            None,
            None,
        )


async def test_another_questions_answer_is_not_stored_as_this_ones(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """A price typed for a second product went in as the material ("50 rupaye"), a colour at
    the material question as the material ("lal"), a price at the count as 1,200 ready, and the
    Hinglish "chhodo" as the size."""
    artisan = fake.user(language_code="hi")
    reference = await approve_and_wait(fake, artisan)
    for typed in ("50 rupaye", "lal", "12"):
        await artisan.send(typed)
        assert artisan.last_text.startswith("किस चीज़ से बना है, वह लिखें"), typed
    await artisan.send("mitti")

    await artisan.send("कई रंग")  # as the colour's own error message suggests
    assert "रंग: रंगीन ✅" in artisan.last_text
    await artisan.send("१२००₹")
    assert artisan.last_text.startswith("यह तो दाम लगता है")
    await artisan.send("12")
    await artisan.press("7 दिन")
    await artisan.send("chhodo")
    assert "पूरी जानकारी मिल गई" in artisan.last_text
    async with db() as session:
        listing = await session.get(Listing, submission_id(reference))
    assert listing is not None
    assert (listing.material, listing.colour, listing.stock, listing.size) == (
        "Clay", "Multicolour", 12, None
    )  # fmt: skip


@pytest.mark.parametrize("step", ["material", "colour"])
def test_a_craft_without_options_is_asked_to_type_not_to_press(step: str) -> None:
    craft = CraftIndex.load(DATA / "crafts.csv").get("Jaggery")
    assert craft is not None and not craft.colours("hi") and not craft.materials("hi")
    sub = Submission(id=1, product_name="गुड़")
    text, markup = question(partial(Translator(), "hi"), "hi", Listing(step=step), sub, craft)
    assert "बटन" not in text and "लिखें" in text and "जैसे: मिट्टी" not in text
    assert markup is not None and markup.inline_keyboard == ()


@pytest.mark.parametrize("typed", ["सब बिक गए", "sab bik gaye", "खत्म हो गए", "abhi koi nahi"])
def test_sold_out_is_none_ready(typed: str) -> None:
    assert listing_details.parse_stock(typed, None) == 0


@pytest.mark.parametrize("typed", ["5-6", "10 se 12", "20 से 25", "100-120"])
def test_a_range_of_ready_pieces_is_asked_as_one_count(typed: str) -> None:
    with pytest.raises(Invalid) as refused:
        listing_details.parse_stock(typed, None)
    assert refused.value.key == "ls-err-stock-range"


@pytest.mark.parametrize("typed", ["१२००₹", "1200/-", "500 rupaye", "Rs. 300", "₹ 40"])
def test_a_price_is_no_count_of_pieces_ready(typed: str) -> None:
    with pytest.raises(Invalid) as refused:
        listing_details.parse_stock(typed, None)
    assert refused.value.key == "ls-err-stock-price"


@pytest.mark.parametrize(
    ("step", "typed", "ok"),
    [("material", "50 rupaye", False), ("colour", "12", False), ("size", "300 रुपये", False),
     ("size", "30 सेमी ऊँचा", True), ("material", "पीतल और लकड़ी", True)],
)  # fmt: skip
def test_words_answers_hold_words_not_a_price_or_a_bare_number(
    step: str, typed: str, ok: bool
) -> None:
    if ok:
        assert listing_details.parse(step, typed) == typed
    else:
        with pytest.raises(Invalid):
            listing_details.parse(step, typed)


async def test_listing_questions_survive_a_restart(
    fake: FakeTelegram,
    settings: Settings,
    start_bot: Callable[[Settings], Any],
) -> None:
    artisan = fake.user(language_code="hi")
    async with start_bot(settings):
        reference = await submit_product(artisan)
        await approve(fake, reference)
        await artisan.press("मिट्टी")
    async with start_bot(settings):
        await artisan.send("लाल")
        assert "रंग: लाल ✅" in artisan.last_text and "कितने नग तैयार" in artisan.last_text


async def test_admin_export_leaves_out_product_without_details_and_exits_1(
    fake: FakeTelegram, bot: BotApp, db: Sessions, tmp_path: Path, capsys: Any
) -> None:
    _artisan, reference = await approved_product(fake, db)  # approved without the questions
    await photo_worker(bot).run_once()

    code, document = await ondc(bot, tmp_path / "ondc")

    assert code == 1
    assert document["message"]["catalog"]["bpp/providers"] == []
    printed = capsys.readouterr().out
    assert f"left out {reference}: missing time_to_ship, colour, material" in printed
    with (tmp_path / "ondc" / "catalogue_ondc_left_out.csv").open(encoding="utf-8") as f:
        assert [row["reference"] for row in csv.DictReader(f)] == [reference]


async def test_admin_gets_ondc_catalogue_in_chat(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    await approved_product(fake, db)
    admin = await english(fake.user(ADMIN_ID))
    calls = await admin.send("/export ondc", expect=4)
    documents = [c for c in calls if c.method == "sendDocument"]
    assert len(documents) == 2  # the catalogue and the left-out sheet
    assert "0 products written, 1 left out" in admin.last_text
    assert "days to dispatch, colour, material" in admin.last_text  # not ONDC's field names


async def month_passes(db: Sessions, reference: str) -> None:
    """The listing's stock dates move a month back, keeping their order."""
    month = timedelta(days=31)
    async with db() as session:
        listing = await session.get(Listing, submission_id(reference))
        assert listing is not None
        if listing.stock_at is not None:
            listing.stock_at -= month
        if listing.stock_asked_at is not None:
            listing.stock_asked_at -= month
        await session.commit()


async def listed_artisan(fake: FakeTelegram, db: Sessions) -> tuple[FakeUser, str]:
    artisan = fake.user(language_code="hi")
    reference = await submit_product(artisan)
    await approve(fake, reference)
    await answer_questions(artisan)
    return artisan, reference


async def test_a_stock_check_arriving_mid_registration_takes_the_typed_count(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """The monthly "how many are ready?" came at a new product's price question: "15" became
    its price, and the price typed next its month's count."""
    artisan, reference = await listed_artisan(fake, db)
    await artisan.send("/start")
    await artisan.press("➕ नया सामान")
    await artisan.send("मिट्टी का घोड़ा")
    await artisan.send("हाथ से बना मिट्टी का घोड़ा, भट्टी में पका।")
    assert "दाम" in artisan.last_text
    await month_passes(db, reference)
    await check_stock(BotContext(bot))
    assert "अभी कितने नग तैयार हैं?" in artisan.last_text
    await artisan.send("15")  # the count, above the price question again
    assert artisan.last_text.startswith("तैयार: 15 नग ✅") and "दाम" in artisan.last_text
    await artisan.send("900")
    assert artisan.last_text.startswith("दाम: ₹900 ✅")
    async with db() as session:
        listing = await session.get(Listing, submission_id(reference))
        assert listing is not None and listing.stock == 15
        subs = (await session.scalars(select(Submission).order_by(Submission.id))).all()
    assert subs[-1].price == 900


async def test_a_price_typed_at_an_approval_s_question_is_the_new_product_s_price(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """Approval came while the artisan was at a second product's price: "50 rupaye" went into
    the first product's listing as its material."""
    artisan = fake.user(language_code="hi")
    reference = await submit_product(artisan)
    await artisan.send("/start")
    await artisan.press("➕ नया सामान")
    await artisan.send("मिट्टी का दीया")
    await artisan.send("हाथ से बना मिट्टी का दीया, भट्टी में पका।")
    assert "दाम" in artisan.last_text
    await approve(fake, reference)
    assert "किस चीज़ से बना है" in artisan.last_text
    await artisan.send("50 rupaye")
    assert "₹50" in artisan.last_text
    subs = await submissions_of(db, artisan.id)
    assert subs[-1].price == 50
    async with db() as session:
        listing = await session.get(Listing, submission_id(reference))
    assert listing is not None and listing.material is None and listing.step == "material"


async def test_a_metal_is_a_colour_too(fake: FakeTelegram, bot: BotApp) -> None:
    """The material-or-colour check refused "सोना" (gold) at the colour question."""
    artisan = fake.user(language_code="hi")
    await approve_and_wait(fake, artisan)
    await artisan.press("मिट्टी")
    await artisan.send("सोना")
    assert "रंग: सुनहरा ✅" in artisan.last_text  # stored as its colour, "Golden"


async def test_a_question_or_a_material_at_the_colour_question_is_not_stored(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """ "mera paisa kab aayega" was stored as the material, "लकड़ी" at the colour question as
    the colour: both went into the online listing."""
    artisan = fake.user(language_code="hi")
    reference = await approve_and_wait(fake, artisan)
    await artisan.send("mera paisa kab aayega")
    assert "सवाल लगता है" in artisan.last_text and "किस चीज़ से बना है" in artisan.last_text
    await artisan.press("मिट्टी")
    await artisan.send("लकड़ी")
    assert "रंग लिखें" in artisan.last_text and "रंग: लकड़ी" not in artisan.last_text
    async with db() as session:
        listing = await session.get(Listing, submission_id(reference))
    assert listing is not None and (listing.material, listing.colour) == ("Clay", None)


async def test_continue_after_start_makes_the_registration_question_the_one_answered(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """/start asked the listing's question again; "Continue" then showed the price question,
    and "900" typed to it went into the listing as 900 ready."""
    artisan = fake.user(language_code="hi")
    reference = await submit_product(artisan)
    await artisan.send("/start")
    await artisan.press("➕ नया सामान")
    await artisan.send("मिट्टी का दीया")
    await artisan.send("हाथ से बना मिट्टी का दीया, भट्टी में पका।")
    await approve(fake, reference)
    await artisan.send("/start", expect=2)
    await artisan.press("▶️ आगे बढ़ें")
    assert "दाम" in artisan.last_text
    await artisan.send("900")
    subs = await submissions_of(db, artisan.id)
    assert subs[-1].price == 900
    async with db() as session:
        listing = await session.get(Listing, submission_id(reference))
    assert listing is not None and listing.stock is None and listing.step == "material"


async def test_a_pressed_listing_answer_takes_its_buttons_away(
    fake: FakeTelegram, bot: BotApp
) -> None:
    artisan = fake.user(language_code="hi")
    await approve(fake, await submit_product(artisan))
    await artisan.press("मिट्टी")
    await artisan.send("लाल")
    await artisan.send("12")
    await artisan.press("5 दिन")
    await artisan.press("⏭ छोड़ें")  # the size, the last question
    assert "पूरी जानकारी मिल गई" in artisan.last_text
    pressed = [m for m in artisan.visible if m.edited]
    assert len(pressed) == 3  # material, days and size: their questions kept, buttons gone
    assert all(not m.buttons for m in pressed)
    (size,) = [m for m in artisan.visible if "नाप या वज़न" in m.plain]
    assert size in pressed


async def test_listing_questions_come_back_after_help_cancel_and_start(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """Help, /cancel and /start took the question's dialogue away: every later answer got the
    menu, and the listing never got its details."""
    artisan = fake.user(language_code="hi")
    reference = await approve_and_wait(fake, artisan)
    await artisan.send("madad")
    await artisan.press("⬅️ रहने दें")
    assert "टेराकोटा हाथी के कुछ सवाल बाकी हैं" in artisan.last_text
    assert "किस चीज़ से बना है" in artisan.last_text
    await artisan.send("मिट्टी")  # typed: it reaches the question again
    assert "किस चीज़ से बना: मिट्टी ✅" in artisan.last_text and "रंग" in artisan.last_text

    await artisan.send("madad")
    await artisan.send("भट्टी कहाँ मिलेगी?")  # a question sent to the office
    assert "सवाल भेज दिया" in artisan.last_text and "रंग क्या है" in artisan.last_text
    await artisan.send("/cancel")
    assert "बाकी सवालों के जवाब देने हों, तो /start दबाएँ" in artisan.last_text
    await artisan.send("लाल")  # after /cancel: the menu, not an answer
    await artisan.send("/start", expect=2)
    assert "नमस्ते" in artisan.texts[-2] and "रंग" in artisan.last_text
    await artisan.send("लाल")
    assert "रंग: लाल ✅" in artisan.last_text
    async with db() as session:
        listing = await session.get(Listing, submission_id(reference))
    assert listing is not None and (listing.material, listing.colour) == ("Clay", "Red")


async def test_artisan_changes_a_listing_answer_after_the_thanks(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """A wrong answer stayed in the catalogue: the questions had no way back."""
    artisan = fake.user(language_code="hi")
    reference = await approve_and_wait(fake, artisan)
    await answer_questions(artisan)
    await artisan.press("✏️ जवाब बदलें")
    assert "किस चीज़ से बना है" in artisan.last_text
    await artisan.press("टेराकोटा")
    await artisan.send("लाल")
    await artisan.send("8")
    await artisan.press("7 दिन")
    await artisan.send("40 सेमी ऊँचा")
    assert "पूरी जानकारी मिल गई" in artisan.last_text
    async with db() as session:
        listing = await session.get(Listing, submission_id(reference))
    assert listing is not None and listing.step is None
    assert (listing.material, listing.colour, listing.stock, listing.ship_days) == (
        "Terracotta", "Red", 8, 7
    )  # fmt: skip
    assert listing.size == "40 सेमी ऊँचा"


async def test_artisan_answers_monthly_stock_check_and_pauses_listing(
    fake: FakeTelegram, bot: BotApp, db: Sessions, tmp_path: Path
) -> None:
    artisan, reference = await listed_artisan(fake, db)
    await photo_worker(bot).run_once()
    await month_passes(db, reference)
    await check_stock(BotContext(bot))
    assert "अभी कितने नग तैयार हैं?" in artisan.last_text
    assert "⏸ बंद करें" in artisan.buttons
    await artisan.send("20")  # typed: the check's buttons stay under it
    _code, document = await ondc(bot, tmp_path / "one")
    assert only_item(document)[1]["quantity"]["available"]["count"] == "20"

    old_check = next(m for m in reversed(artisan.visible) if "⏸ बंद करें" in m.buttons)
    await artisan.press("⏸ बंद करें", message=old_check)  # answered already: still pauses
    assert "बिक्री अभी बंद" in artisan.last_text
    await artisan.press("▶️ फिर शुरू करें")
    await artisan.press("20")
    await month_passes(db, reference)
    await check_stock(BotContext(bot))
    await artisan.send("बंद कर दो")  # typed, as the button
    assert "बिक्री अभी बंद" in artisan.last_text
    _code, document = await ondc(bot, tmp_path / "two")
    item = only_item(document)[1]
    assert item["time"]["label"] == "disable"
    assert item["quantity"]["available"]["count"] == "0"
    async with db() as session:
        assert await session.get(Dialogue, artisan.id) is None  # typed text is free again


async def test_artisan_silent_twice_is_shown_to_admin_as_stock_unknown(
    fake: FakeTelegram, bot: BotApp, db: Sessions, tmp_path: Path, capsys: Any
) -> None:
    _artisan, reference = await listed_artisan(fake, db)
    for _ in range(3):  # the second and third checks each find the previous one unanswered
        await month_passes(db, reference)
        await check_stock(BotContext(bot))
    admin = await english(fake.user(ADMIN_ID))
    await admin.send("/stock")
    assert "Stock unknown (1)" in admin.last_text and reference in admin.last_text
    await ondc(bot, tmp_path / "ondc")
    assert f"stock unknown (no answer twice): {reference}" in capsys.readouterr().out


async def test_reviewer_sets_hsn_and_export_uses_it(
    fake: FakeTelegram, bot: BotApp, db: Sessions, tmp_path: Path
) -> None:
    _artisan, reference = await listed_artisan(fake, db)
    await photo_worker(bot).run_once()
    reviewer = await english(fake.user(REVIEWER_ID))
    await reviewer.send(f"/hsn {reference} 691390")
    assert "HSN code 691390" in reviewer.last_text
    await reviewer.send(f"/hsn {reference} 69x")
    assert "Usage: /hsn" in reviewer.last_text
    await reviewer.send(f"/hsn {reference} 69")
    assert "4, 6 or 8 digits — “69” has 2" in reviewer.last_text

    _code, document = await ondc(bot, tmp_path / "ondc")
    assert only_item(document)[1]["descriptor"]["code"] == "4:691390"


async def test_staff_commands_naming_a_product_refuse_it_alike(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """/hsn, /setlisting and /history: "not in your districts" for another district's product,
    "not found" for none, and /setlisting names the state of a product not yet approved."""
    _artisan, reference = await approved_product(fake, db)
    _waiting_artisan, waiting_id = await waiting(fake, db)
    await add_scoped_reviewer(db, 900_021, ["Varanasi"])
    varanasi = await english(fake.user(900_021))
    for command in (f"/hsn {reference} 6913", f"/setlisting {reference} days 7",
                    f"/history {reference}"):  # fmt: skip
        await varanasi.send(command)
        assert varanasi.last_text == f"{reference} is not in your districts."
    for command in ("/hsn ODOP-999999 6913", "/setlisting ODOP-999999 days 7"):
        await varanasi.send(command)
        assert varanasi.last_text == "ODOP-999999 was not found."
    reviewer = await english(fake.user(REVIEWER_ID))
    await reviewer.send(f"/setlisting {format_reference(waiting_id)} days 7")
    assert 'is "in the queue"' in reviewer.last_text
    assert "approved products only" in reviewer.last_text
    async with db() as session:
        assert await session.get(Listing, waiting_id) is None
        listing = await session.get(Listing, submission_id(reference))
    assert listing is None or (listing.hsn, listing.ship_days) == (None, None)


async def test_artisan_cannot_press_another_artisans_listing_button(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    _owner, reference = await listed_artisan(fake, db)
    other = fake.user(language_code="hi")
    await other.send("/start")
    await other.press(data=f"ls:q:{submission_id(reference)}:5", expect=0)
    async with db() as session:
        listing = await session.get(Listing, submission_id(reference))
        assert listing is not None and listing.stock == 12


async def test_artisan_starting_a_new_product_types_into_registration_not_the_questions(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user(language_code="hi")
    reference = await submit_product(artisan)
    await approve(fake, reference)  # the material question waits
    await artisan.send("/start")
    await artisan.press("➕ नया सामान")
    await artisan.send("मिट्टी का घोड़ा")
    async with db() as session:
        listing = await session.get(Listing, submission_id(reference))
        assert listing is not None and (listing.step, listing.material) == ("material", None)
    await artisan.press("मिट्टी")  # the question's button still answers it
    assert "किस चीज़ से बना: मिट्टी ✅" in artisan.last_text


def test_saree_is_left_out_as_not_home_decor_and_images_stay_relative_without_base_url() -> None:

    crafts = CraftIndex.load(DATA / "crafts.csv")
    districts = DistrictIndex.load(DATA / "odop_districts.csv")
    artisan = Artisan(id=7, name="रमेश", phone="+919876543210", district="Varanasi")
    sub = Submission(
        id=42, state=State.APPROVED, district="Varanasi", craft="बनारसी रेशम साड़ी",
        product_name="साड़ी", description="हाथ से बुनी रेशम साड़ी", price=5000,
    )  # fmt: skip
    listing = Listing(
        submission_id=42, material="Silk", colour="Red", stock=2, ship_days=7, paused=False,
        stock_missed=0,
    )  # fmt: skip
    builder = Builder(districts, crafts, None)
    item, missing = builder.item(Row(sub, artisan, listing, ["photos/42/1.jpg"]))
    assert missing == ["category_id (not home & décor)"]
    assert item["descriptor"]["images"] == ["photos/42/1.jpg"]
    assert item["descriptor"]["code"] == "4:5007"


async def test_reviewer_fills_listing_details_for_an_artisan(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    _artisan, reference = await approved_product(fake, db)
    reviewer = await english(fake.user(REVIEWER_ID))
    await reviewer.send(f"/setlisting {reference} material मिट्टी")
    assert "Made of: मिट्टी ✅" in reviewer.last_text
    await reviewer.send(f"/setlisting {reference} days 7")
    await reviewer.send(f"/setlisting {reference} days soon")
    assert "days" not in reviewer.last_text  # asked again, nothing stored
    await reviewer.send(f"/setlisting {reference} weight 2")
    assert "Usage: /setlisting" in reviewer.last_text
    hindi = fake.user(REVIEWER_ID)  # the same official, in Hindi now
    await choose_language(hindi, "hi")
    await hindi.send(f"/setlisting {reference} रंग लाल")  # the field in Hindi, said back so
    assert hindi.last_text == f"{reference}: रंग: लाल ✅"
    async with db() as session:
        listing = await session.get(Listing, submission_id(reference))
    assert listing is not None and (listing.material, listing.ship_days) == ("मिट्टी", 7)


async def test_forged_listing_button_number_is_stale(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    owner, reference = await listed_artisan(fake, db)
    await owner.press(data=f"ls:q:{submission_id(reference)}:²", expect=0)
    await owner.press(data="ls:q:²:5", expect=0)
    await owner.assert_quiet(0.3)
    assert not any("गड़बड़" in text for text in owner.texts)  # no traceback apology
    async with db() as session:
        listing = await session.get(Listing, submission_id(reference))
    assert listing is not None and listing.stock != 2


async def test_artisan_answers_material_by_voice_and_reviewer_hears_and_fills_it(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user(language_code="hi")
    reference = await submit_product(artisan)
    await approve(fake, reference)
    assert "किस चीज़ से बना" in artisan.last_text
    await artisan.send_voice()
    assert "🎤" in artisan.last_text and "रंग" in artisan.last_text  # on to the next question
    reviewer = fake.user(REVIEWER_ID)  # already speaks English (see approve)
    calls = await reviewer.send(f"/setlisting {reference}", expect=2)
    assert [c.method for c in calls] == ["sendVoice", "sendMessage"]
    await reviewer.send(f"/setlisting {reference} material टेराकोटा मिट्टी")
    async with db() as session:
        listing = await session.get(Listing, submission_id(reference))
    assert listing is not None and listing.material == "टेराकोटा मिट्टी"
    assert set(listing.voice_answers or {}) == {"material"}


async def test_reviewer_corrects_hsn_from_the_review_card(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    reference = await submit_product(fake.user(language_code="hi"))
    reviewer = await english(fake.user(REVIEWER_ID))
    await reviewer.send(f"/review {reference}", expect=2)
    await reviewer.press("🏷 HSN code")
    assert "6913" in reviewer.last_text  # terracotta's code, from the crafts data
    await reviewer.send("691310")
    assert "HSN code 691310" in reviewer.last_text
    async with db() as session:
        listing = await session.get(Listing, submission_id(reference))
    assert listing is not None and listing.hsn == "691310"
