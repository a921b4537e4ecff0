"""The artisan-first conversation (issue 20), end to end through the fake Bot API: Hindi first,
amounts as people write them, voice answers, one-tap answers, a short summary."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import select

from bot.context import BotApp
from bot.services import registration as reg
from bot.storage.models import Photo, State, Submission
from fake_telegram import FakeTelegram, FakeUser
from tests.support.factories import artisan_row, photos_of_submission, submissions_of
from tests.support.journey import (
    consent,
    phone_of,
    submit_product,
    to_district,
    to_photos,
    to_price,
)
from tests.support.world import REVIEWER_ID, Sessions


async def to_summary(artisan: FakeUser, photos: int = 1) -> None:
    await to_photos(artisan)
    for _ in range(photos):
        await artisan.send_photo()
    await artisan.press("हो गया")


async def only_draft(db: Sessions, artisan: FakeUser) -> Submission:
    [sub] = await submissions_of(db, artisan.id)
    return sub


# --- Hindi first, English one tap away ---


async def test_artisan_with_an_english_phone_is_greeted_in_hindi(
    fake: FakeTelegram, bot: BotApp
) -> None:
    artisan = fake.user(language_code="en")
    await artisan.send("/start")
    assert "नमस्ते" in artisan.last_text
    assert artisan.buttons == ["✅ हाँ, शुरू करें", "❌ नहीं", "English"]


async def test_artisan_taps_english_once_and_sees_the_first_screen_in_english(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user(language_code="en")
    await artisan.send("/start")
    await artisan.press("English")
    assert "Namaste" in artisan.last_text and "Shall we start?" in artisan.last_text
    assert artisan.buttons[:2] == ["✅ Yes, let's start", "❌ No"]
    row = await artisan_row(db, artisan.id)
    assert row is not None and row.locale == "en" and not row.registered


async def test_artisan_switching_language_mid_way_sees_the_same_question_again(
    fake: FakeTelegram, bot: BotApp
) -> None:
    artisan = fake.user(language_code="en")
    await consent(artisan)
    await artisan.send("सुनीता देवी")
    assert "चरण 2/9" in artisan.last_text and "मोबाइल" in artisan.last_text
    await artisan.send("/language")
    await artisan.press("English")
    assert "Step 2/9" in artisan.last_text and "Your mobile number?" in artisan.last_text


# --- amounts ---


async def test_artisan_writes_price_in_words_and_it_is_stored_and_echoed(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    await to_price(artisan)
    await artisan.send("5 हजार")
    assert artisan.last_text.startswith("दाम: ₹5,000 ✅")
    assert "चरण 8/9" in artisan.last_text  # and the next question, in the same message
    assert (await only_draft(db, artisan)).price == 5000


async def test_artisan_who_sells_by_the_kilo_has_price_and_month_in_kilos_to_the_reviewer(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """ "50 रु किलो" was stored as ₹50 a piece: the price keeps what it is of, and the month's
    count is asked and shown in the same, up to the reviewer's card."""
    artisan = fake.user()
    await to_price(artisan)
    await artisan.send("50 रु किलो")
    assert artisan.last_text.startswith("दाम: ₹50 / किलो ✅")
    assert "महीने में कितने किलो" in artisan.last_text
    await artisan.send("200 नग")  # a count of pieces for a price by the kilo: which is it?
    assert "गिनती भी किलो में" in artisan.last_text
    await artisan.send("200")
    assert artisan.last_text.startswith("महीने में: 200 किलो ✅")
    await artisan.send_photo()
    await artisan.press("हो गया")
    assert "💰 दाम: ₹50 / किलो" in artisan.last_text and "📦 महीने में: 200 किलो" in artisan.last_text
    await artisan.press("जमा करें")
    sub = await only_draft(db, artisan)
    assert (sub.price, sub.price_unit, sub.capacity) == (50, "kilogram", 200)
    reviewer = fake.user(REVIEWER_ID)
    await reviewer.send(f"/review {sub.reference}", expect=2)
    assert "₹50 / किलो" in reviewer.last_text


async def test_a_price_range_per_kilo_is_offered_per_kilo(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    await to_price(artisan)
    await artisan.send("60-70 रु किलो")
    assert artisan.buttons == ["₹60 / किलो", "₹70 / किलो"]
    await artisan.press("₹70 / किलो")
    assert artisan.last_text.startswith("दाम: ₹70 / किलो ✅")
    assert "महीने में कितने किलो" in artisan.last_text


async def test_summary_and_mydata_name_the_work_as_its_button_did(
    fake: FakeTelegram, bot: BotApp
) -> None:
    """ "धातु का सामान" pressed, not the list's "धातु शिल्प" (an office word) shown back."""
    artisan = fake.user()
    await to_district(artisan)
    await artisan.send("Moradabad")
    await artisan.press("धातु का सामान")
    await artisan.send("पीतल का फूलदान")
    await artisan.send("हाथ से बना पीतल का फूलदान, नक्काशी वाला।")
    await artisan.send("1500")
    await artisan.press("छोड़ें")
    await artisan.send_photo()
    await artisan.press("हो गया")
    assert "🛠 काम: धातु का सामान" in artisan.last_text and "शिल्प" not in artisan.last_text
    await artisan.send("/mydata", expect=2)
    assert "काम: धातु का सामान" in artisan.texts[-2]


@pytest.mark.parametrize(
    ("district", "typed", "shown", "stored"),
    [
        ("Gorakhpur", "matka", "टेराकोटा", "टेराकोटा"),
        ("Gorakhpur", "मिट्टी के बर्तन बनाता हूँ", "टेराकोटा", "टेराकोटा"),
        ("Bhadohi", "कालीन", "दरी", "कालीन (दरी)"),
        ("Lucknow", "chikan saree", "चिकनकारी", "चिकनकारी"),
        ("Lucknow", "chikankaari", "चिकनकारी", "चिकनकारी"),  # misspelt: one of Lucknow's own
        ("Gorakhpur", "terracota ka saman", "टेराकोटा", "टेराकोटा"),
        ("Lucknow", "kurte banati hu", "kurte banati hu", "kurte banati hu"),  # none: as typed
    ],
)
async def test_work_typed_in_the_artisans_words_is_the_districts_craft(
    fake: FakeTelegram, bot: BotApp, db: Sessions, district: str, typed: str, shown: str,
    stored: str,
) -> None:  # fmt: skip
    """ "matka" was kept as typed: no HSN, no marketplace category, shown back as "matka"."""
    artisan = fake.user()
    await to_district(artisan)
    await artisan.send(district)
    await artisan.send(typed)
    assert artisan.last_text.startswith(f"काम: {shown} ✅")
    [sub] = await submissions_of(db, artisan.id)
    assert sub.craft == stored


async def test_going_back_shows_what_was_given_and_keeps_it_with_one_tap(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """Back from the price to the product's name: no sign of what was typed, and no way on
    but typing the name and the description again."""
    artisan = fake.user()
    await to_price(artisan)
    await artisan.press("⬅️ पीछे")
    assert "अभी लिखा है:" in artisan.last_text and "बारे में" in artisan.last_text
    await artisan.press("⬅️ पीछे")
    assert "अभी लिखा है: टेराकोटा हाथी" in artisan.last_text
    await artisan.press("✅ यही रहने दें")
    await artisan.press("✅ यही रहने दें")
    assert "दाम" in artisan.last_text and "अभी लिखा है" not in artisan.last_text
    [sub] = await submissions_of(db, artisan.id)
    assert (sub.step, sub.product_name) == ("price", "टेराकोटा हाथी")
    await artisan.press(data="reg:keep:price")  # forged: the price has no answer to keep
    [sub] = await submissions_of(db, artisan.id)
    assert (sub.step, sub.price) == ("price", None) and "दाम" in artisan.last_text


async def test_changing_the_name_from_the_summary_has_a_way_back_and_no_step_number(
    fake: FakeTelegram, bot: BotApp
) -> None:
    """ "चरण 1/9" read as starting over, and the name had no button back to the summary."""
    artisan = fake.user()
    await to_summary(artisan)
    await artisan.press("कुछ बदलना है")
    await artisan.press("नाम")
    assert "चरण" not in artisan.last_text and "⬅️ पीछे" in artisan.buttons
    await artisan.press("⬅️ पीछे")  # the summary again, without its photo this time
    assert "एक बार देख लें" in artisan.last_text
    assert [m.kind for m in artisan.messages].count("photo") == 1  # the first summary's only


async def test_help_is_one_tap_away_at_the_district_and_work_questions(
    fake: FakeTelegram, bot: BotApp
) -> None:
    artisan = fake.user()
    await to_district(artisan)
    assert "🙋 मदद" in artisan.buttons
    await artisan.send("Gorakhpur")
    assert "🙋 मदद" in artisan.buttons and "टेराकोटा" in artisan.buttons


async def test_text_at_the_summary_gets_its_two_buttons_not_the_whole_summary_again(
    fake: FakeTelegram, bot: BotApp
) -> None:
    artisan = fake.user()
    await to_summary(artisan)
    replies = await artisan.send("1000")
    assert [r.method for r in replies] == ["sendMessage"]  # no photo, no summary again
    assert "कुछ बदलना है" in artisan.last_text
    assert artisan.buttons == ["✅ सही है, जमा करें", "✏️ कुछ बदलना है"]


async def test_a_change_typed_at_the_summary_is_made_or_its_question_asked(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """ "दाम 900 कर दो" typed at the summary got the two buttons, and the price stayed."""
    artisan = fake.user()
    await to_summary(artisan)
    await artisan.send("दाम 900 कर दो")  # the summary again: the change on top, no photo again
    assert "दाम: ₹900 ✅" in artisan.last_text
    assert "एक बार देख लें" in artisan.last_text and "₹900" in artisan.last_text
    await artisan.send("नाम गलत है")
    assert "नाम" in artisan.last_text and "⬅️ पीछे" in artisan.buttons
    await artisan.send("सुनीता देवी")
    assert "सुनीता देवी" in artisan.last_text and "एक बार देख लें" in artisan.last_text
    async with db() as session:
        [sub] = (await session.scalars(select(Submission))).all()
    assert sub.price == 900


async def test_help_opened_by_mistake_has_a_way_back_and_the_answer_is_still_taken(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """After "मदद", the next message was the question to the office: a phone number typed then
    went there as a question, and was not saved."""
    artisan = fake.user()
    await consent(artisan)
    await artisan.send("सुनीता देवी")
    await artisan.send("मदद")
    assert "अपना सवाल लिखें" in artisan.last_text and "⬅️ रहने दें" in artisan.buttons
    await artisan.press("⬅️ रहने दें")
    assert "मोबाइल" in artisan.last_text
    await artisan.send("98765 43210")
    assert (await artisan_row(db, artisan.id)).phone == "+919876543210"  # type: ignore[union-attr]


async def test_artisan_who_types_dont_know_for_the_month_skips_it(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    await to_price(artisan)
    await artisan.send("500")
    await artisan.send("पता नहीं")
    assert "फ़ोटो" in artisan.last_text and "चरण 9/9" in artisan.last_text
    assert (await only_draft(db, artisan)).capacity is None


async def test_artisan_writes_a_price_range_and_chooses_with_a_button(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    await to_price(artisan)
    await artisan.send("1200-1500")
    assert "आपका मतलब कौन-सा है?" in artisan.last_text
    assert artisan.buttons == ["₹1,200", "₹1,500"]
    assert (await only_draft(db, artisan)).price is None
    await artisan.press("₹1,500")
    assert artisan.last_text.startswith("दाम: ₹1,500 ✅")
    sub = await only_draft(db, artisan)
    assert (sub.price, sub.step) == (1500, "capacity")


async def test_artisan_capacity_is_echoed_in_pieces(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    await to_price(artisan)
    await artisan.send("1200")
    await artisan.send("पचास नग")
    assert artisan.last_text.startswith("महीने में: 50 नग ✅")
    assert (await only_draft(db, artisan)).capacity == 50


async def test_artisan_says_pieces_per_day_and_confirms_a_months_count(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """The question is per month; "रोज 10" is ten a day: offered as 300 to confirm, not
    stored as 10 a month."""
    artisan = fake.user()
    await to_price(artisan)
    await artisan.send("1200")
    await artisan.send("रोज 10")
    assert "महीने में लगभग" in artisan.last_text
    assert artisan.buttons == ["300 नग"]
    assert (await only_draft(db, artisan)).capacity is None
    await artisan.press("300 नग")
    assert artisan.last_text.startswith("महीने में: 300 नग ✅")
    assert (await only_draft(db, artisan)).capacity == 300


async def test_artisan_types_help_where_a_price_is_asked_and_reaches_a_person(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """ "मदद" typed, not pressed, is no price: it opens the question to the district office."""
    artisan = fake.user()
    await to_price(artisan)
    await artisan.send("मेरी मदद करो भैया")
    assert "अपना सवाल लिखें" in artisan.last_text
    await artisan.send("दाम कितना रखूँ?")
    assert "सवाल भेज दिया" in artisan.last_text and "दाम" in artisan.last_text  # asked again
    assert (await only_draft(db, artisan)).price is None


# --- voice and one-tap answers ---


async def test_artisan_who_types_their_name_in_a_sentence_is_greeted_by_the_name_alone(
    fake: FakeTelegram, bot: BotApp
) -> None:
    artisan = fake.user()
    await consent(artisan)
    await artisan.send("मेरा नाम श्री रामू प्रजापति जी है।")
    await artisan.send("/start")
    assert "नमस्ते रामू प्रजापति जी!" in artisan.last_text
    assert "🙋 मदद" in artisan.buttons  # help from the menu too, not only under a question


async def test_artisan_who_said_their_name_by_voice_is_greeted_without_a_blank(
    fake: FakeTelegram, bot: BotApp
) -> None:
    artisan = fake.user()
    await consent(artisan)
    await artisan.send_voice(duration=3)  # the name, spoken: a reviewer types it in later
    await artisan.send("/start")
    assert "🙏 नमस्ते!" in artisan.last_text and "जी!" not in artisan.last_text


async def test_artisan_who_cannot_type_answers_by_voice_and_the_summary_shows_it(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    await consent(artisan)
    await artisan.send_voice()  # name
    assert "आवाज़ मिल गई ✅" in artisan.last_text and "चरण 2/9" in artisan.last_text
    await artisan.share_contact(phone_of(artisan))
    await artisan.send("273001")
    await artisan.press("कुछ और")
    await artisan.send_voice()  # another craft
    assert "चरण 5/9" in artisan.last_text
    await artisan.send_voice()  # product name
    assert "चरण 6/9" in artisan.last_text
    await artisan.send_voice(duration=20)  # description
    assert "चरण 7/9" in artisan.last_text
    await artisan.send("1200")
    await artisan.press("छोड़ें")
    await artisan.send_photo()
    await artisan.press("हो गया")
    summary = artisan.last_text
    assert summary.count("🎤 (आवाज़ में)") == 4, summary
    sub = await only_draft(db, artisan)
    assert set(sub.voice_answers or {}) == {"name", "craft", "product_name"}
    assert sub.voice_file_id and (sub.craft, sub.product_name, sub.description) == (None,) * 3
    row = await artisan_row(db, artisan.id)
    assert row is not None and row.name is None
    await artisan.press("जमा करें")
    assert "ODOP-" in artisan.last_text
    assert (await only_draft(db, artisan)).state == State.PENDING


async def test_artisan_taps_their_profile_name(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user(first_name="Sunita", last_name="Devi")
    await consent(artisan)
    assert "👤 Sunita Devi" in artisan.buttons
    await artisan.press("👤 Sunita Devi")
    assert "चरण 2/9" in artisan.last_text
    row = await artisan_row(db, artisan.id)
    assert row is not None and row.name == "Sunita Devi"


async def test_profile_name_is_read_from_the_press_not_from_the_button(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user(first_name="Sunita", last_name="Devi")
    await consent(artisan)
    artisan.first_name = "Kamla"  # renamed in Telegram since the button was shown
    await artisan.press("👤 Sunita Devi")
    row = await artisan_row(db, artisan.id)
    assert row is not None and row.name == "Kamla Devi"


# --- district ---


async def test_artisan_types_a_pin_code_and_gets_the_district(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    await to_district(artisan)
    await artisan.send("273001")
    assert "ज़िला: गोरखपुर ✅" in artisan.last_text and "चरण 4/9" in artisan.last_text
    row = await artisan_row(db, artisan.id)
    assert row is not None and (row.district, row.pin) == ("Gorakhpur", "273001")


async def test_a_pin_code_of_two_districts_asks_which(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    await to_district(artisan)
    await artisan.send("247771")
    assert "इस पिन कोड पर" in artisan.last_text
    assert artisan.buttons[:2] == ["मुजफ्फरनगर", "शामली"]
    await artisan.press("शामली")
    row = await artisan_row(db, artisan.id)
    assert row is not None and (row.district, row.pin) == ("Shamli", "247771")


# --- the summary ---


async def test_summary_offers_submit_first_and_one_change_button(
    fake: FakeTelegram, bot: BotApp
) -> None:
    artisan = fake.user()
    await to_summary(artisan)
    assert artisan.buttons == ["✅ सही है, जमा करें", "✏️ कुछ बदलना है"]
    assert "चरण" not in artisan.last_text
    assert "अगर हो तो" in artisan.last_text  # GSTIN, Udyam, Pehchan: extras, not missing


async def test_add_more_photos_keeps_the_photos_sent(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    await to_summary(artisan)
    before = [
        p.file_unique_id
        for p in await photos_of_submission(db, (await only_draft(db, artisan)).id)
    ]
    await artisan.press("कुछ बदलना है")
    await artisan.press("📷 फ़ोटो")
    await artisan.press("➕ और फ़ोटो")
    await artisan.send_photo()
    assert "2/5" in artisan.last_text
    await artisan.press("हो गया")
    assert "📷 फ़ोटो: 2" in artisan.last_text
    after = [
        p.file_unique_id
        for p in await photos_of_submission(db, (await only_draft(db, artisan)).id)
    ]
    assert len(after) == 2 and after[0] == before[0]


async def wait_kept(db: Sessions, submission_id: int, count: int) -> list[Photo]:
    """The photo worker keeps each photo on disk in the background."""
    for _ in range(100):
        photos = await photos_of_submission(db, submission_id)
        if len(photos) == count and all(p.local_path for p in photos):
            return photos
        await asyncio.sleep(0.1)
    raise AssertionError("photos were not kept on disk")


async def test_replace_all_photos_asks_first_and_keeps_them_on_no(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    await to_summary(artisan, photos=2)
    await artisan.press("कुछ बदलना है")
    await artisan.press("📷 फ़ोटो")
    await artisan.press("🔄 सब फ़ोटो बदलें")
    assert "पक्का?" in artisan.last_text
    assert artisan.buttons == ["✅ हाँ, बदलें", "रहने दें"]
    await artisan.press("रहने दें")
    assert "📷 फ़ोटो: 2" in artisan.last_text
    assert len(await photos_of_submission(db, (await only_draft(db, artisan)).id)) == 2


async def test_replace_all_photos_removes_them_and_their_files(
    fake: FakeTelegram, bot: BotApp, db: Sessions, settings: Any
) -> None:
    artisan = fake.user()
    await to_summary(artisan, photos=2)
    sub = await only_draft(db, artisan)
    files = [settings.media_dir / p.local_path for p in await wait_kept(db, sub.id, 2)]
    assert all(f.is_file() for f in files)
    await artisan.press("कुछ बदलना है")
    await artisan.press("📷 फ़ोटो")
    await artisan.press("🔄 सब फ़ोटो बदलें")
    await artisan.press("हाँ, बदलें")
    assert "पुरानी फ़ोटो हटा दीं" in artisan.last_text and "0/5" in artisan.last_text
    assert await photos_of_submission(db, sub.id) == []
    for _ in range(50):  # removed after the commit, off the event loop
        if not any(f.exists() for f in files):
            break
        await asyncio.sleep(0.1)
    assert not any(f.exists() for f in files)
    await artisan.send_photo()
    await artisan.press("हो गया")
    assert "📷 फ़ोटो: 1" in artisan.last_text  # back to the summary, not through every step


# --- how much it takes ---


class Counted:
    """The artisan's sends and presses, counted (an album is one action)."""

    def __init__(self, user: FakeUser) -> None:
        self.user, self.actions = user, 0

    async def __call__(self, method: str, *args: Any, **kwargs: Any) -> None:
        self.actions += 1
        await getattr(self.user, method)(*args, **kwargs)


async def test_registration_in_hindi_with_buttons_and_one_album_takes_13_actions(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    user = fake.user(first_name="Sunita", last_name="Devi")
    do = Counted(user)
    await do("send", "/start")
    await do("press", "हाँ, शुरू करें")
    await do("press", "👤 Sunita Devi")
    await do("share_contact", phone_of(user))
    await do("send", "273001")
    await do("press", "टेराकोटा")
    await do("send", "टेराकोटा हाथी")
    await do("send", "हाथ से बना मिट्टी का हाथी, भट्टी में पका हुआ।")
    await do("send", "1200")
    await do("press", "छोड़ें")
    await do("send_album", 3)
    await do("press", "हो गया")
    await do("press", "जमा करें")
    assert "ODOP-" in user.last_text
    assert do.actions <= 13
    sub = await only_draft(db, user)
    assert sub.state == State.PENDING and len(await photos_of_submission(db, sub.id)) == 3


# --- limits ---


async def test_a_sixth_unfinished_product_is_refused(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    await to_district(artisan)
    await artisan.send("Gorakhpur")
    for _ in range(reg.MAX_OPEN_DRAFTS - 1):
        await artisan.send("/start")
        await artisan.press("नया सामान")
        assert "चरण 1/" in artisan.last_text
        if "टेराकोटा" in artisan.buttons:  # the work, asked until one product has it
            await artisan.press("टेराकोटा")
        await artisan.send("दीया")  # begun: the next "new product" is another one
    await artisan.send("/start")
    await artisan.press("नया सामान")
    assert "5 सामान अधूरे" in artisan.last_text
    assert "आगे बढ़ें" in " ".join(artisan.buttons)
    subs = await submissions_of(db, artisan.id)
    assert [s.state for s in subs] == [State.DRAFT] * reg.MAX_OPEN_DRAFTS


async def test_new_product_tapped_again_on_a_slow_network_opens_one_draft(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    await submit_product(artisan)
    await artisan.send("/start")
    menu = artisan.last
    for _ in range(3):
        await artisan.press("नया सामान", message=menu)
        assert "चरण 1/5" in artisan.last_text
    subs = await submissions_of(db, artisan.id)
    assert [s.state for s in subs] == [State.PENDING, State.DRAFT]
    await artisan.send("मिट्टी का दीया")  # the new product's first answer: now it is begun
    await artisan.press("नया सामान", message=menu)
    subs = await submissions_of(db, artisan.id)
    assert [s.state for s in subs] == [State.PENDING, State.DRAFT, State.DRAFT]


# --- a name change after approval ---


async def test_renaming_in_a_second_product_sends_the_approved_one_back_to_review(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    ref = await submit_product(artisan)
    reviewer = fake.user(REVIEWER_ID)
    await reviewer.send(f"/review {ref}", expect=2)
    await reviewer.press("स्वीकृत करें", expect=2)
    [first] = await submissions_of(db, artisan.id)
    assert first.state == State.APPROVED

    await artisan.send("/start")
    await artisan.press("नया सामान")  # the work, terracotta, is the first product's
    await artisan.send("टेराकोटा दीया")
    await artisan.send("मिट्टी का दीया, हाथ से बना और भट्टी में पका।")
    await artisan.send("150")
    await artisan.press("छोड़ें")
    await artisan.send_photo()
    await artisan.press("हो गया")
    await artisan.press("कुछ बदलना है")
    await artisan.press("नाम")
    await artisan.send("सुनीता कुमारी")
    await artisan.press("जमा करें")
    assert "ODOP-" in artisan.last_text

    first, second = await submissions_of(db, artisan.id)
    assert (first.state, second.state) == (State.PENDING, State.PENDING)
    assert first.last_snapshot is not None and "name" in first.last_snapshot["changed"]
    async with db() as session:
        queued = await session.scalars(
            select(Submission.id).where(Submission.state == State.PENDING)
        )
        assert set(queued) == {first.id, second.id}


async def test_i_dont_remember_is_not_kept_as_an_answer_and_a_rough_one_is_asked(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """ "मुझे याद नहीं" was stored as the product's description."""
    artisan = fake.user()
    await to_district(artisan)
    await artisan.send("Gorakhpur")
    await artisan.press("टेराकोटा")
    await artisan.send("टेराकोटा हाथी")
    await artisan.send("मुझे याद नहीं")
    assert "अंदाज़े से बताइए" in artisan.last_text and "बारे में" in artisan.last_text
    await artisan.send("हाथ से बना हाथी, भट्टी में पका।")
    await artisan.send("yaad nahi")
    assert "अंदाज़े से दाम लिखें" in artisan.last_text and "🎤" not in artisan.last_text
    [sub] = await submissions_of(db, artisan.id)
    assert (sub.description, sub.price, sub.step) == ("हाथ से बना हाथी, भट्टी में पका।", None, "price")


async def test_a_price_given_to_another_question_is_not_kept_as_its_answer(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """ "पाँच सौ रुपये" was kept as the description, "1200 रुपये" and "दाम 300 कर दो" as the
    month's count, and "daam 250 kar do" at the photos was dropped unsaid."""
    artisan = fake.user()
    await to_district(artisan)
    await artisan.send("Gorakhpur")
    await artisan.press("टेराकोटा")
    await artisan.send("टेराकोटा हाथी")
    await artisan.send("पाँच सौ रुपये")
    assert "यह तो दाम लगता है" in artisan.last_text and "बारे में" in artisan.last_text
    await artisan.send("500 रुपये का हाथी, हाथ से बना, भट्टी में पका")  # a description
    await artisan.send("1200")
    for typed in ("1200 रुपये", "दाम 300 कर दो"):
        await artisan.send(typed)
        assert "यह तो दाम लगता है" in artisan.last_text and "महीने" in artisan.last_text
    await artisan.send("40")
    await artisan.send_photo()
    await artisan.send("daam 250 kar do")
    assert "दाम बदलना हो तो" in artisan.last_text and "1/5" in artisan.last_text
    [sub] = await submissions_of(db, artisan.id)
    assert (sub.price, sub.capacity) == (1200, 40)
    assert sub.description == "500 रुपये का हाथी, हाथ से बना, भट्टी में पका"
