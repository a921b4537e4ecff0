"""An artisan registers a product in Hindi or English, end to end over the fake Bot API."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.context import BotApp
from bot.handlers.artisan_menu import remind_idle_drafts
from bot.services.validation import readable_phone
from bot.storage.models import Artisan, Photo, State, Submission, utcnow
from fake_telegram import FakeTelegram
from tests.support.factories import artisan_row, photos_of_submission, submissions_of, waiting
from tests.support.journey import consent, phone_of, submit_product, to_district, to_photos
from tests.support.world import REVIEWER_ID

Sessions = Callable[[], AsyncSession]


async def test_artisan_registers_in_hindi_with_album_voice_and_fuzzy_district(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user(language_code="hi")
    await consent(artisan)
    assert "चरण 1/9" in artisan.last_text
    await artisan.send("  सुनीता  देवी\u200b ")
    assert "चरण 2/9" in artisan.last_text
    await artisan.send("९८७६५ ४३२१०")
    assert "चरण 3/9" in artisan.last_text
    await artisan.send("varansi")
    assert "वाराणसी" in artisan.buttons
    await artisan.press("वाराणसी")
    assert "बनारसी साड़ी" in artisan.last_text  # the short spoken name
    await artisan.press("लकड़ी के खिलौने")
    await artisan.send("लाख के खिलौने")
    await artisan.send_voice(duration=12)
    assert "चरण 7/9" in artisan.last_text and "दाम" in artisan.last_text
    await artisan.send("₹ १,२००")
    assert "दाम: ₹1,200 ✅" in artisan.last_text and "चरण 8/9" in artisan.last_text
    await artisan.send("50 नग")
    assert "महीने में: 50 नग ✅" in artisan.last_text
    assert "फ़ोटो" in artisan.last_text and "चरण 9/9" in artisan.last_text
    replies = await artisan.send_album(3)
    assert len([r for r in replies if r.method == "sendMessage"]) == 1
    assert "3/5" in artisan.last_text
    await artisan.press("हो गया")
    assert "सुनीता देवी" in artisan.last_text and "₹1,200" in artisan.last_text
    assert "चरण" not in artisan.last_text
    await artisan.press("जमा करें")
    assert "ODOP-" in artisan.last_text

    [sub] = await submissions_of(db, artisan.id)
    row = await artisan_row(db, artisan.id)
    assert row is not None
    assert (row.name, row.phone, row.district) == ("सुनीता देवी", "+919876543210", "Varanasi")
    assert sub.state == State.PENDING and sub.district == "Varanasi"
    assert (sub.craft, sub.product_name, sub.price, sub.capacity) == (
        "लकड़ी के खिलौने",
        "लाख के खिलौने",
        1200,
        50,
    )
    assert sub.voice_file_id and sub.description is None
    photos = await photos_of_submission(db, sub.id)
    assert [p.position for p in photos] == [1, 2, 3]
    assert all(p.file_id and p.file_unique_id for p in photos)
    assert sub.reference in artisan.last_text


async def test_artisan_registers_in_english(fake: FakeTelegram, bot: BotApp, db: Sessions) -> None:
    artisan = fake.user(language_code="en")
    ref = await submit_product(artisan, lang="en", craft="Terracotta")
    assert "Submitted" in artisan.last_text
    [sub] = await submissions_of(db, artisan.id)
    assert sub.reference == ref and sub.state == State.PENDING and sub.craft == "Terracotta"


async def test_every_prompt_shows_its_step(fake: FakeTelegram, bot: BotApp) -> None:
    artisan = fake.user()
    await to_photos(artisan)
    steps = [m.group(0) for t in artisan.texts if (m := re.search(r"चरण \d+/\d+", t))]
    assert steps == [f"चरण {n}/9" for n in range(1, 10)]  # each prompt once, 1 to N


async def test_declining_consent_stores_nothing(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    await artisan.send("/start")
    await artisan.press("नहीं")
    assert "/start" in artisan.last_text
    assert await artisan_row(db, artisan.id) is None


async def test_bad_name_is_explained_and_asked_again(fake: FakeTelegram, bot: BotApp) -> None:
    artisan = fake.user()
    await consent(artisan)
    await artisan.send("R2D2")
    assert "अंक" in artisan.last_text and "चरण 1/9" in artisan.last_text
    await artisan.send_sticker()
    assert "नाम" in artisan.last_text and "चरण 1/9" in artisan.last_text


async def test_someone_elses_contact_is_refused(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    await consent(artisan)
    await artisan.send("सुनीता देवी")
    await artisan.share_contact("+919999999999", own=False)
    assert "किसी और का नंबर" in artisan.last_text and "चरण 2/9" in artisan.last_text
    row = await artisan_row(db, artisan.id)
    assert row is not None and row.phone is None and row.name == "सुनीता देवी"


async def test_invalid_phone_numbers_are_refused(fake: FakeTelegram, bot: BotApp) -> None:
    artisan = fake.user()
    await consent(artisan)
    await artisan.send("सुनीता देवी")
    for wrong in ("12345", "+1 202 555 0123"):
        await artisan.send(wrong)
        assert "पूरा नहीं लगा" in artisan.last_text and "चरण 2/9" in artisan.last_text
    await artisan.send("5876543210")  # ten digits: not "incomplete", but not a mobile number
    assert "मोबाइल नंबर नहीं लगता" in artisan.last_text and "चरण 2/9" in artisan.last_text
    await artisan.send("+91 98765-43210")
    assert "चरण 3/9" in artisan.last_text


async def test_district_by_division_buttons_and_unknown_name(
    fake: FakeTelegram, bot: BotApp
) -> None:
    artisan = fake.user()
    await to_district(artisan)
    await artisan.send("zzzz qqq")
    assert "नहीं मिला" in artisan.last_text
    await artisan.press("सूची से चुनें")
    divisions = artisan.buttons[:-1]  # all on one page, by their Hindi names; then "back"
    assert len(divisions) == 18 and divisions == sorted(divisions)
    await artisan.press("लखनऊ")
    await artisan.press("लखनऊ")
    assert "चिकनकारी" in artisan.last_text


async def test_a_place_outside_up_is_answered_as_such_not_with_look_alike_districts(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    await to_district(artisan)
    await artisan.send("Patna")
    assert "Patna उत्तर प्रदेश में नहीं है" in artisan.last_text
    assert "किस ज़िले" in artisan.last_text and artisan.buttons  # asked again, list offered
    await artisan.send("गोरखपुर")
    assert (await artisan_row(db, artisan.id)).district == "Gorakhpur"  # type: ignore[union-attr]


async def test_a_town_typed_for_the_district_offers_its_district(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """ "कुंडा" (a tehsil of Pratapgarh) offered गोंडा, and pressed, Gonda's office and work."""
    artisan = fake.user()
    await to_district(artisan)
    await artisan.send("कुंडा")
    assert artisan.last_text.startswith("कुंडा प्रतापगढ़ ज़िले में है।")
    assert artisan.buttons[0] == "प्रतापगढ़"
    await artisan.press("प्रतापगढ़")
    assert (await artisan_row(db, artisan.id)).district == "Pratapgarh"  # type: ignore[union-attr]


async def test_hindi_spelling_variants_and_old_names_match_exactly(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    await to_district(artisan)
    await artisan.send("allahabad")
    assert "प्रयागराज" in artisan.last_text and "चरण 4/9" in artisan.last_text
    row = await artisan_row(db, artisan.id)
    assert row is not None and row.district == "Prayagraj"


async def test_price_bad_inputs_keep_the_step(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    await to_district(artisan)
    await artisan.send("Gorakhpur")
    await artisan.press("टेराकोटा")
    await artisan.send("टेराकोटा हाथी")
    await artisan.send("हाथ से बना मिट्टी का हाथी।")
    for wrong, reason in (
        ("0", "1 से कम"),
        ("-5", "घटाने का निशान"),
        ("50,00,000", "बहुत बड़ी"),
        ("सस्ता", "समझ नहीं"),
    ):
        await artisan.send(wrong)
        assert reason in artisan.last_text and "दाम" in artisan.last_text
        assert "चरण 7/9" in artisan.last_text
    await artisan.send("1200 रुपये")
    assert "दाम: ₹1,200 ✅" in artisan.last_text and "महीने" in artisan.last_text
    [sub] = await submissions_of(db, artisan.id)
    assert sub.price == 1200 and sub.product_name == "टेराकोटा हाथी"


async def test_photo_step_refuses_video_sticker_small_and_sixth_photo(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    await to_photos(artisan)
    await artisan.send_video()
    assert "वीडियो" in artisan.last_text
    await artisan.send_sticker()
    assert "फ़ोटो नहीं" in artisan.last_text
    await artisan.send_photo(width=200, height=150)
    assert "बहुत छोटी" in artisan.last_text
    await artisan.send_document(mime_type="image/png", file_name="pot.png")
    assert "1/5" in artisan.last_text
    await artisan.send_album(4)
    assert "5/5" in artisan.last_text and "और भेजें" not in artisan.last_text  # full: "done"
    await artisan.send_photo()
    assert "पहली 5 फ़ोटो रख लीं" in artisan.last_text and "5/5" in artisan.last_text
    [sub] = await submissions_of(db, artisan.id)
    assert len(await photos_of_submission(db, sub.id)) == 5


async def test_an_album_sent_before_the_photo_question_is_kept_and_answered_once(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """Photos are what an artisan has at hand: sent early, they are not refused part by part
    (one hint and the question again per photo flooded the chat) but kept for the photo step."""
    artisan = fake.user()
    await to_district(artisan)
    replies = await artisan.send_album(3, settle=0.5)
    assert len([r for r in replies if r.method == "sendMessage"]) == 1  # one answer, not three
    assert "फ़ोटो मिल गईं ✅" in artisan.last_text and "किस ज़िले" in artisan.last_text
    await artisan.send_photo()
    assert "फ़ोटो मिल गई ✅" in artisan.last_text
    await artisan.send("Gorakhpur")
    assert "काम" in artisan.last_text
    [sub] = await submissions_of(db, artisan.id)
    photos = await photos_of_submission(db, sub.id)
    assert [p.position for p in photos] == [1, 2, 3, 4] and sub.district == "Gorakhpur"
    assert len({p.album for p in photos[:3]}) == 1 and photos[3].album is None


async def test_an_album_sent_before_the_welcome_or_after_submitting_is_answered_once(
    fake: FakeTelegram, bot: BotApp
) -> None:
    """Photos sent first thing (or once the product is sent) are no answer to anything: the
    album gets one welcome (one menu), not one per photo."""
    artisan = fake.user()
    replies = await artisan.send_album(3, settle=0.5)
    assert [r.method for r in replies] == ["sendMessage"]
    assert "शुरू करने के लिए" in artisan.last_text and "क्या आप तैयार हैं" in artisan.last_text
    await submit_product(artisan)
    replies = await artisan.send_album(4, settle=0.5)
    assert [r.method for r in replies] == ["sendMessage"], [r.params.get("text") for r in replies]
    assert "किसी सामान के साथ नहीं रखी" in artisan.last_text  # not kept: said, once


async def test_an_album_answered_at_its_first_part_stays_answered_across_a_restart(
    fake: FakeTelegram,
    settings: Settings,
    start_bot: Callable[[Settings], AbstractAsyncContextManager[BotApp]],
) -> None:
    """What an album's first part said is noted in the database, not in one process: a part
    handled after a restart (or by a second instance) does not welcome the artisan again."""
    artisan = fake.user()
    async with start_bot(settings):
        await artisan.send_photo(media_group_id="g7")
        assert "क्या आप तैयार हैं" in artisan.last_text
    welcomed = len(artisan.texts)
    async with start_bot(settings):
        await artisan.send_photo(media_group_id="g7", expect=0)
        await artisan.assert_quiet(0.5)
        assert len(artisan.texts) == welcomed
        await artisan.send_photo(media_group_id="g8")  # another album is answered
        assert len(artisan.texts) == welcomed + 1


async def test_a_captioned_photo_at_the_product_question_answers_it_and_is_kept(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    await to_district(artisan)
    await artisan.send("Gorakhpur")
    await artisan.press("टेराकोटा")
    await artisan.send_photo(caption="मिट्टी का मटका")
    assert "फ़ोटो मिल गई ✅" in artisan.last_text and "बारे में" in artisan.last_text
    assert "फ़ोटो के नीचे लिखा नाम ले लिया: मिट्टी का मटका ✅" in artisan.last_text
    [sub] = await submissions_of(db, artisan.id)
    assert sub.product_name == "मिट्टी का मटका" and sub.step == "description"
    assert len(await photos_of_submission(db, sub.id)) == 1


async def test_a_captioned_photo_at_the_name_question_keeps_the_photo_not_the_caption_as_name(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """ "आम का अचार" under a photo at the name question was stored as the artisan's name."""
    artisan = fake.user()
    await consent(artisan)
    await artisan.send_photo(caption="आम का अचार")
    assert "फ़ोटो मिल गई ✅" in artisan.last_text and "नाम" in artisan.last_text
    assert (await artisan_row(db, artisan.id)).name is None  # type: ignore[union-attr]
    await artisan.send("कमला देवी")
    assert "नाम: कमला देवी ✅" in artisan.last_text and "मोबाइल" in artisan.last_text


async def test_done_before_any_photo_says_a_photo_comes_first(
    fake: FakeTelegram, bot: BotApp
) -> None:
    """ "हो गया" with no photo repeated the photo question without a word why."""
    artisan = fake.user()
    await to_photos(artisan)
    await artisan.send("हो गया")
    assert artisan.last_text.startswith("पहले कम से कम एक फ़ोटो भेजें")


async def test_the_parts_of_an_early_album_left_out_are_told_once(
    fake: FakeTelegram, bot: BotApp
) -> None:
    artisan = fake.user()
    await to_district(artisan)
    await artisan.send_album(3, settle=0.5)
    told = len(artisan.texts)
    await artisan.send_album(4, settle=0.8)  # two kept, two left out
    full = [t for t in artisan.texts[told:] if "इससे ज़्यादा नहीं रख सकता" in t]
    assert len(full) == 1, artisan.texts[told:]


async def test_a_refused_first_photo_asks_for_photos_again_not_zero_received(
    fake: FakeTelegram, bot: BotApp
) -> None:
    """ "0/5 फ़ोटो मिल गईं ✅ … या "✅ हो गया" दबाएँ" under a refusal, with no such button."""
    artisan = fake.user()
    await to_photos(artisan)
    await artisan.send_photo(width=200, height=150)
    assert "बहुत छोटी" in artisan.last_text and "0/5 फ़ोटो मिल गईं" not in artisan.last_text
    assert "साफ़ फ़ोटो भेजें" in artisan.last_text and "हो गया" not in " ".join(artisan.buttons)


async def test_an_early_album_beyond_five_photos_says_the_rest_were_not_kept(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    await to_district(artisan)
    await artisan.send_photo()
    await artisan.send_album(5, expect=2, settle=0.5)  # the album's answer, then the 6th's
    said = " ".join(artisan.texts[-2:])
    assert "फ़ोटो मिल गईं ✅" in said and "5 फ़ोटो मिल चुकी हैं" in said
    [sub] = await submissions_of(db, artisan.id)
    assert len(await photos_of_submission(db, sub.id)) == 5


async def test_artisan_typing_done_at_the_photo_question_is_done(
    fake: FakeTelegram, bot: BotApp
) -> None:
    artisan = fake.user()
    await to_photos(artisan)
    await artisan.send("हो गया")
    assert "अभी तक: 0/5" in artisan.last_text and "फ़ोटो नहीं है" not in artisan.texts[-2]
    await artisan.send_photo()
    await artisan.send("बस इतनी ही फोटो है")
    assert "एक बार देख लें" in artisan.last_text  # the summary


async def test_photo_used_by_another_artisan_is_flagged(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    first, second = fake.user(), fake.user()
    await submit_product(first)
    [sub] = await submissions_of(db, first.id)
    [original] = await photos_of_submission(db, sub.id)
    await to_photos(second)
    await second.send_raw({"photo": [{"file_id": original.file_id,
                                       "file_unique_id": original.file_unique_id,
                                       "width": 1280, "height": 960}]})  # fmt: skip
    [draft] = await submissions_of(db, second.id)
    [copy] = await photos_of_submission(db, draft.id)
    assert copy.reused_elsewhere and not original.reused_elsewhere


async def test_edits_from_the_summary_return_to_the_summary(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    await to_photos(artisan)
    await artisan.send_photo()
    await artisan.press("हो गया")
    await artisan.press("कुछ बदलना है")
    await artisan.press("दाम")
    assert "दाम" in artisan.last_text
    await artisan.send("950")
    assert "₹950" in artisan.last_text and "जमा करें" in artisan.buttons[0]
    await artisan.press("कुछ बदलना है")
    await artisan.press("GST, उद्यम")
    await artisan.press("GSTIN")
    await artisan.send("09ABCDE1234F1Z5")
    assert "09ABCDE1234F1Z5" in artisan.last_text
    await artisan.press("कुछ बदलना है")
    await artisan.press("नाम")
    await artisan.send("सुनीता कुमारी")
    assert "सुनीता कुमारी" in artisan.last_text
    [sub] = await submissions_of(db, artisan.id)
    assert (sub.price, sub.gstin, sub.step) == (950, "09ABCDE1234F1Z5", "summary")


async def test_back_button_returns_one_step_keeping_answers(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    await to_district(artisan)
    await artisan.send("Gorakhpur")
    await artisan.press("पीछे")
    assert "चरण 3/9" in artisan.last_text and "✅ गोरखपुर" in artisan.buttons
    row = await artisan_row(db, artisan.id)
    assert row is not None and row.district == "Gorakhpur"


async def test_change_pressed_on_a_sent_products_summary_says_how_to_change_it(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """It got "this button no longer works" and the menu, with no word on how to fix a
    mistake noticed just after sending."""
    artisan = fake.user()
    await submit_product(artisan)
    await artisan.press("✏️ कुछ बदलना है")
    assert "जाँच के लिए भेजा जा चुका है" in artisan.last_text
    await artisan.send_photo()  # one more photo for it: not kept, and said so
    assert "किसी सामान के साथ नहीं रखी" in artisan.last_text
    assert "🙋 मदद" in artisan.buttons and not artisan.alerts
    subs = await submissions_of(db, artisan.id)
    assert [s.state for s in subs] == [State.PENDING]


async def test_a_craft_button_of_the_district_chosen_before_picks_nothing(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """Buttons carried only a position: Gorakhpur's "टेराकोटा" pressed after changing to
    Lucknow stored Lucknow's first craft, chikankari, with no word said."""
    artisan = fake.user()
    await to_district(artisan)
    await artisan.send("Gorakhpur")
    gorakhpur = artisan.last
    await artisan.press("⬅️ पीछे")
    await artisan.send("Lucknow")
    assert "चिकनकारी" in " ".join(artisan.buttons)
    await artisan.press("टेराकोटा", message=gorakhpur)
    assert "चिकनकारी" in " ".join(artisan.buttons)  # Lucknow's question again
    (sub,) = await submissions_of(db, artisan.id)
    assert sub.craft is None and sub.step == "craft"
    await artisan.send("Lucknow")  # a district typed at the craft question
    assert artisan.last_text.startswith("यह तो ज़िले का नाम है")


async def test_a_craft_button_pressed_after_the_craft_was_spoken_is_taken(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    await to_district(artisan)
    await artisan.send("Gorakhpur")
    question = artisan.last
    await artisan.send_voice()  # the craft said: the product's name asked next
    assert "सामान" in artisan.last_text
    await artisan.press("टेराकोटा", message=question)
    assert "काम: टेराकोटा ✅" in artisan.last_text and "सामान" in artisan.last_text
    (sub,) = await submissions_of(db, artisan.id)
    assert sub.craft == "टेराकोटा" and "craft" not in (sub.voice_answers or {})
    assert sub.step == "product_name"


async def test_a_summary_pressed_after_cancel_is_not_said_to_be_sent(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """After /cancel at the summary, its buttons said "already sent for review"."""
    artisan = fake.user()
    await to_photos(artisan)
    await artisan.send_photo()
    await artisan.press("हो गया", expect=2)
    await artisan.send("/cancel")
    await artisan.press("✏️ कुछ बदलना है")
    assert "भेजा जा चुका" not in artisan.last_text and "▶️ आगे बढ़ें" in artisan.buttons
    (sub,) = await submissions_of(db, artisan.id)
    assert sub.state == State.DRAFT


async def test_second_product_skips_what_the_artisan_already_told(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    await submit_product(artisan)
    await artisan.send("/start")
    assert "सुनीता देवी" in artisan.last_text
    await artisan.press("नया सामान")  # the work of the first product, said and not asked
    assert "काम: टेराकोटा" in artisan.last_text and "चरण 1/5" in artisan.last_text
    await artisan.press("⬅️ पीछे")  # another work
    await artisan.press("सिले कपड़े")  # the spoken name of रेडीमेड वस्त्र
    assert "चरण 1/5" in artisan.last_text and "नाम" in artisan.last_text
    subs = await submissions_of(db, artisan.id)
    assert [s.state for s in subs] == [State.PENDING, State.DRAFT]
    assert subs[1].craft == "रेडीमेड वस्त्र" and subs[1].district == "Gorakhpur"


async def test_cancel_keeps_answers_and_start_offers_to_continue(
    fake: FakeTelegram, bot: BotApp
) -> None:
    artisan = fake.user()
    await to_district(artisan)
    await artisan.send("/cancel")
    assert "सुरक्षित" in artisan.last_text
    await artisan.send("Gorakhpur")
    assert "आगे बढ़ें" in " ".join(artisan.buttons)
    await artisan.send("/start")
    await artisan.press("आगे बढ़ें")
    assert "चरण 3/9" in artisan.last_text


async def test_restart_resumes_at_the_same_step(
    fake: FakeTelegram,
    settings: Settings,
    start_bot: Callable[[Settings], AbstractAsyncContextManager[BotApp]],
) -> None:
    artisan = fake.user()
    async with start_bot(settings):
        await to_district(artisan)
        await artisan.send("Gorakhpur")
    async with start_bot(settings):
        await artisan.press("टेराकोटा")
        assert "चरण 5/9" in artisan.last_text


async def test_status_and_mydata_show_what_is_stored(fake: FakeTelegram, bot: BotApp) -> None:
    artisan = fake.user()
    ref = await submit_product(artisan)
    await artisan.send("/status")
    assert ref in artisan.last_text and "देखा जा रहा है" in artisan.last_text
    await artisan.send("/mydata")
    assert any(readable_phone(phone_of(artisan)) in text for text in artisan.texts[-2:])


async def test_a_typed_yes_to_the_first_screen_is_its_yes_button(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """ "क्या आप तैयार हैं?" — "हाँ" typed got the whole first screen again, each time."""
    artisan = fake.user()
    await artisan.send("/start")
    await artisan.send("mera naam Pooja Verma hai")  # not a yes: what to press, then the screen
    assert artisan.last_text.startswith('शुरू करने के लिए नीचे "✅ हाँ, शुरू करें" दबाएँ।')
    assert "✅ हाँ, शुरू करें" in artisan.buttons
    await artisan.send("haan ji")
    assert "आपका पूरा नाम" in artisan.last_text
    row = await artisan_row(db, artisan.id)
    assert row is not None and row.consent_at is not None


async def test_asking_what_happens_now_after_submitting_shows_the_products_state(
    fake: FakeTelegram, bot: BotApp
) -> None:
    """ "अब क्या होगा?" got "नीचे के बटन से चुनें कि क्या करना है।"."""
    artisan = fake.user()
    ref = await submit_product(artisan)
    await artisan.send("अब क्या होगा?")
    assert ref in artisan.last_text and "देखा जा रहा है" in artisan.last_text
    await artisan.send("धन्यवाद")
    assert "नीचे के बटन से चुनें" in artisan.last_text


async def test_an_old_no_pressed_after_registering_says_nothing_untrue(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """ "❌ नहीं" of the first screen, pressed mid-way, answered "nothing about you was kept"
    while the name and the draft were kept."""
    artisan = fake.user()
    await to_district(artisan)
    await artisan.press(data="reg:no", expect=0)
    await fake.wait_for(lambda: bool(artisan.alerts))
    assert "काम का नहीं" in artisan.alerts[-1]
    assert (await artisan_row(db, artisan.id)).name is not None  # type: ignore[union-attr]


async def test_status_shows_a_reviewers_reason_only_while_it_stands(
    fake: FakeTelegram, bot: BotApp
) -> None:
    artisan = fake.user()
    ref = await submit_product(artisan)
    reviewer = fake.user(REVIEWER_ID)
    await reviewer.send(f"/review {ref}", expect=2)
    await reviewer.press("सुधार चाहिए")
    await reviewer.press("दाम ठीक नहीं", expect=2)
    await artisan.send("/status")
    assert "वजह:" in artisan.last_text
    await artisan.press("सुधार करें", expect=2)
    await artisan.send("1500")
    await artisan.press("जमा करें")
    await artisan.send("/status")
    assert "देखा जा रहा है" in artisan.last_text and "वजह:" not in artisan.last_text


async def test_status_names_a_product_just_started_as_new_not_a_dash(
    fake: FakeTelegram, bot: BotApp
) -> None:
    artisan = fake.user()
    await submit_product(artisan)
    await artisan.press("➕ नया सामान")
    await artisan.send("/status")
    assert "नया सामान, नाम अभी नहीं" in artisan.last_text and "· — ·" not in artisan.last_text


@pytest.mark.parametrize(
    ("locale", "consented", "shown"),
    [
        # 20:00 UTC is already the next morning in Gorakhpur: the day the artisan said yes.
        ("hi", datetime(2026, 11, 30, 20, 0, tzinfo=UTC), "सहमति दी: 1 दिसंबर 2026"),
        ("en", datetime(2026, 11, 30, 6, 0, tzinfo=UTC), "Consent given: 30 November 2026"),
    ],
)
async def test_artisan_sees_consent_day_in_mydata_as_a_date_in_own_language(
    fake: FakeTelegram, bot: BotApp, db: Sessions, locale: str, consented: datetime, shown: str
) -> None:
    artisan, _sid = await waiting(fake, db, locale=locale)
    async with db() as session, session.begin():
        await session.execute(
            update(Artisan).where(Artisan.telegram_id == artisan.id).values(consent_at=consented)
        )
    await artisan.send("/mydata", expect=2)
    [mydata] = [text for text in artisan.texts[-2:] if readable_phone(phone_of(artisan)) in text]
    assert shown in mydata
    assert not re.search(r"\d{4}-\d{2}-\d{2}", mydata)


async def test_deletemydata_purges_rows_and_files(
    fake: FakeTelegram, bot: BotApp, db: Sessions, settings: Settings
) -> None:
    artisan = fake.user()
    await submit_product(artisan)
    [sub] = await submissions_of(db, artisan.id)
    stray = settings.media_dir / "photo.jpg"
    stray.write_bytes(b"jpeg")
    async with db() as session, session.begin():
        await session.execute(
            update(Photo).where(Photo.submission_id == sub.id).values(local_path="photo.jpg")
        )
    await artisan.send("/deletemydata")
    await artisan.press("हाँ, मिटाएँ")
    assert "मिटा दी" in artisan.last_text
    async with db() as session:
        for model in (Artisan, Submission, Photo):
            assert await session.scalar(select(func.count()).select_from(model)) == 0
    assert not stray.exists()
    await artisan.send("/start")
    assert "✅ हाँ, शुरू करें" in artisan.buttons


async def test_idle_draft_gets_one_reminder(fake: FakeTelegram, bot: BotApp, db: Sessions) -> None:
    artisan = fake.user()
    await to_district(artisan)
    async with db() as session, session.begin():
        await session.execute(update(Submission).values(updated_at=utcnow() - timedelta(hours=25)))
    assert bot.job_queue is not None
    bot.job_queue.run_once(remind_idle_drafts, 0.1)
    await fake.wait_for(lambda: "अधूरा" in artisan.last_text, timeout=5)
    bot.job_queue.run_once(remind_idle_drafts, 0.1)
    await asyncio.sleep(1.0)  # time for a wrongly sent second reminder to arrive
    assert sum("अधूरा" in t for t in artisan.texts) == 1


async def test_an_album_part_arriving_as_its_timer_fires_is_saved(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """The album's timer has left the scheduler (it fired) but not yet its own list when the
    next part is handled: the part is saved and the album answered, not an error."""
    from bot.handlers.photos import ALBUM_TIMERS

    artisan = fake.user()
    await to_photos(artisan)
    assert bot.job_queue is not None

    async def nothing(_context: object) -> None:
        return None

    fired = bot.job_queue.run_once(nothing, 60, name=f"album:{artisan.id}:g1")
    fired.schedule_removal()  # as the scheduler does when a one-off job fires
    bot.bot_data.setdefault(ALBUM_TIMERS, {})[f"album:{artisan.id}:g1"] = fired
    await artisan.send_photo(media_group_id="g1")  # answered after the settle
    [sub] = await submissions_of(db, artisan.id)
    assert len(await photos_of_submission(db, sub.id)) == 1
    assert "1" in artisan.last_text and "गड़बड़" not in artisan.last_text


async def test_an_album_a_restart_left_unanswered_is_answered_once_after_it(
    fake: FakeTelegram,
    settings: Settings,
    start_bot: Callable[[Settings], AbstractAsyncContextManager[BotApp]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The bot stops while an album's answer waits for its settle (a crash or a deploy): the
    answer is not lost with the timer, the next start gives it, once."""
    from bot.handlers import photos

    artisan = fake.user()
    settle = photos.ALBUM_SETTLE
    monkeypatch.setattr(photos, "ALBUM_SETTLE", timedelta(minutes=5))  # stopped within it
    async with start_bot(settings):
        await to_photos(artisan)
        before = len(artisan.texts)
        await artisan.send_album(3, expect=0)  # returns when its parts are handled
        assert len(artisan.texts) == before  # not answered yet
    monkeypatch.setattr(photos, "ALBUM_SETTLE", settle)
    async with start_bot(settings):
        await fake.wait_for(lambda: len(artisan.texts) > before, timeout=5)
        assert len(artisan.texts) == before + 1 and "3/5" in artisan.last_text
        assert "हो गया" in " ".join(artisan.buttons)
        await artisan.assert_quiet(1.0)  # no second answer
