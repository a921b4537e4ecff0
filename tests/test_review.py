"""Reviewers work the queue from Telegram; every decision reaches the artisan with its reason."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.config import Settings
from bot.context import BotApp
from bot.storage.models import Artisan, State
from fake_telegram import FakeTelegram, FakeUser
from tests.support.factories import events, reference, submission, waiting
from tests.support.journey import choose_language, submit_product
from tests.support.world import ADMIN_ID, REVIEWER_2, REVIEWER_ID, Sessions

CHANGES = "✏️ सुधार चाहिए"  # the card's button
NOTICES = {
    "hi": {
        "approved": "पास हो गया ✅",
        "rejected": "नामंज़ूर हुआ",
        "changes": "सुधार चाहिए",
        "blurry": "फ़ोटो साफ़ नहीं हैं",
        "district": "आपके ज़िले के ODOP काम का नहीं",
        "fix": "सुधार करें",
    },
    "en": {
        "approved": "is approved ✅",
        "rejected": "was not accepted",
        "changes": "needs a small change",
        "blurry": "The photos are not clear",
        "district": "your district's ODOP work",
        "fix": "Make changes",
    },
}


@pytest.fixture
def settings(make_settings: Callable[..., Settings]) -> Settings:
    return make_settings(reviewer_ids=[REVIEWER_ID, REVIEWER_2])


async def test_reviewer_sees_queue_by_district_oldest_first(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    await waiting(fake, db, district="Varanasi", craft="लकड़ी के खिलौने", age=timedelta(days=2))
    await waiting(fake, db, age=timedelta(hours=3))
    await waiting(fake, db, age=timedelta(hours=1))
    reviewer = fake.user(REVIEWER_ID, language_code="en")
    await choose_language(reviewer)
    await reviewer.send("/queue")
    text = reviewer.last_text
    assert "3 waiting" in text and "Review next" in reviewer.buttons[0]
    assert text.index("Varanasi: 1") < text.index("Gorakhpur: 2")


async def test_reviewer_opens_next_as_album_card_with_phone_and_buttons(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan, sub_id = await waiting(fake, db, photos=3)
    reviewer = fake.user(REVIEWER_ID, language_code="en")
    await choose_language(reviewer)
    await reviewer.send("/queue")
    calls = await reviewer.press("Review next", expect=2)
    assert [c.method for c in calls] == ["sendMediaGroup", "sendMessage"]
    assert reference(sub_id) in reviewer.last_text
    assert f"+91 98765 {artisan.id % 100000:05d}" in reviewer.last_text
    assert reviewer.buttons == ["✅ Approve", "✏️ Needs changes", "❌ Reject", "🏷 HSN code"]
    sub = await submission(db, sub_id)
    assert sub.state == State.IN_REVIEW and sub.claimed_by == REVIEWER_ID
    assert sub.lease_until is not None


async def test_card_forwards_voice_and_flags_a_photo_of_another_artisan(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    _, original = await waiting(fake, db)
    _, sub_id = await waiting(fake, db, voice=True, copy_photo_of=original)
    reviewer = fake.user(REVIEWER_ID, language_code="en")
    await choose_language(reviewer)
    calls = await reviewer.send(f"/review {reference(sub_id)}", expect=3)
    assert [c.method for c in calls] == ["sendMediaGroup", "sendVoice", "sendMessage"]
    assert "1 photo also appears in another artisan's submission" in reviewer.last_text
    assert "(voice note)" in reviewer.last_text


@pytest.mark.parametrize("lang", ["hi", "en"])
async def test_reviewer_approves_and_artisan_is_told_in_own_language(
    fake: FakeTelegram, bot: BotApp, db: Sessions, lang: str
) -> None:
    artisan, sub_id = await waiting(fake, db, locale=lang)
    reviewer = fake.user(REVIEWER_ID, language_code="en")
    await choose_language(reviewer)
    await reviewer.send(f"/review {reference(sub_id)}", expect=2)
    await reviewer.press("Approve", expect=2)
    assert "approved" in reviewer.last_text
    assert NOTICES[lang]["approved"] in artisan.texts[-2]  # then the listing questions
    sub = await submission(db, sub_id)
    assert (sub.state, sub.decided_by) == (State.APPROVED, REVIEWER_ID)
    assert [(e.from_state, e.to_state) for e in await events(db, sub_id)] == [
        ("pending", "in_review"),
        ("in_review", "approved"),
    ]


@pytest.mark.parametrize("lang", ["hi", "en"])
async def test_reviewer_rejects_with_one_tap_reason_in_artisans_language(
    fake: FakeTelegram, bot: BotApp, db: Sessions, lang: str
) -> None:
    artisan, sub_id = await waiting(fake, db, locale=lang)
    reviewer = fake.user(REVIEWER_ID, language_code="hi")  # reviewer's language differs
    await reviewer.send("/review next", expect=2)
    await reviewer.press("अस्वीकार करें")
    await reviewer.press("दूसरे ज़िले का", expect=2)
    assert "अस्वीकृत" in reviewer.last_text
    assert NOTICES[lang]["rejected"] in artisan.last_text
    assert NOTICES[lang]["district"] in artisan.last_text
    sub = await submission(db, sub_id)
    assert sub.state == State.REJECTED and NOTICES[lang]["district"] in (sub.decision_reason or "")
    assert (await events(db, sub_id))[-1].reason == "reason-not-from-district"


@pytest.mark.parametrize("lang", ["hi", "en"])
async def test_reviewer_requests_changes_and_artisan_gets_fix_button(
    fake: FakeTelegram, bot: BotApp, db: Sessions, lang: str
) -> None:
    artisan, sub_id = await waiting(fake, db, locale=lang)
    reviewer = fake.user(REVIEWER_ID, language_code="en")
    await choose_language(reviewer)
    await reviewer.send("/review next", expect=2)
    await reviewer.press("Needs changes")
    await reviewer.press("Blurry photos", expect=2)
    assert NOTICES[lang]["changes"] in artisan.last_text
    assert NOTICES[lang]["blurry"] in artisan.last_text
    assert artisan.buttons == [f"✏️ {NOTICES[lang]['fix']}"]
    assert artisan.last.reply_markup is not None
    [[button]] = artisan.last.reply_markup["inline_keyboard"]
    assert button["callback_data"] == f"reg:fix:{sub_id}"
    assert (await submission(db, sub_id)).state == State.CHANGES_REQUESTED


async def test_reviewer_types_own_reason_which_artisan_reads_verbatim(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan, sub_id = await waiting(fake, db, locale="en")
    reviewer = fake.user(REVIEWER_ID, language_code="en")
    await choose_language(reviewer)
    await reviewer.send("/review next", expect=2)
    await reviewer.press("Reject")
    await reviewer.press("Write a reason")
    assert "type the reason" in reviewer.last_text
    await reviewer.send("no")
    assert "3 to 500 characters — this one has 2" in reviewer.last_text
    await reviewer.send("/cancel")  # not /start, the artisans' sign-up: the card is still open
    assert "The card is still yours" in reviewer.last_text
    assert (await submission(db, sub_id)).state == State.IN_REVIEW
    await reviewer.press("Write a reason")
    await reviewer.send("Machine-made <copy> of a Moradabad brass item")
    assert "Machine-made <copy> of a Moradabad brass item" in artisan.last_text
    events_ = await events(db, sub_id)
    assert events_[-1].reason == "Machine-made <copy> of a Moradabad brass item"


async def test_a_reason_typed_after_the_hsn_button_is_the_reason(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """HSN pressed, then "needs changes": the reason typed next was read as an HSN code."""
    artisan, sub_id = await waiting(fake, db, locale="hi")
    reviewer = fake.user(REVIEWER_ID, language_code="hi")
    await reviewer.send("/review next", expect=2)
    await reviewer.press("HSN")
    await reviewer.press("सुधार चाहिए")
    await reviewer.send("फ़ोटो धुंधली है, दिन में दोबारा खींचें")
    assert "यह कारण कारीगर को भेजें?" in reviewer.last_text
    await reviewer.press("✅ यह कारण भेजें", expect=2)
    assert "फ़ोटो धुंधली है" in artisan.last_text
    assert (await submission(db, sub_id)).state == State.CHANGES_REQUESTED


async def test_reason_typed_under_the_reason_buttons_is_taken_and_stray_text_goes_nowhere(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """The reason question says "or write your own": typed there, it got the artisan welcome
    and the product stayed undecided. A message after the decision went to the sign-up too."""
    artisan, sub_id = await waiting(fake, db, locale="hi")
    reviewer = fake.user(REVIEWER_ID, language_code="hi")
    await reviewer.send("/review next", expect=2)
    await reviewer.press("सुधार चाहिए")
    await reviewer.send("गलत दब गया")  # typed under the buttons: shown back, nothing sent yet
    assert "यह कारण कारीगर को भेजें?" in reviewer.last_text
    first_check = reviewer.last
    await reviewer.send("नीचे की तरफ़ की फ़ोटो भी भेजें")  # typed again: this one
    assert (await submission(db, sub_id)).state == State.IN_REVIEW
    # The first check's button would have sent the second text under the first one's quote.
    await reviewer.press("✅ यह कारण भेजें", message=first_check, expect=0)
    await fake.wait_for(lambda: bool(reviewer.alerts))
    assert "पहले लिखा कारण है" in reviewer.alerts[-1]
    assert (await submission(db, sub_id)).state == State.IN_REVIEW
    await reviewer.press("✅ यह कारण भेजें", expect=2)  # decided, and the check loses its button
    assert "नीचे की तरफ़ की फ़ोटो भी भेजें" in artisan.last_text
    assert (await submission(db, sub_id)).state == State.CHANGES_REQUESTED
    # The card loses its decision buttons, as when a reason is pressed.
    await fake.wait_for(lambda: not any(CHANGES in " ".join(m.buttons) for m in reviewer.visible))
    await reviewer.send("और रंग भी बताएँ")
    assert "कहीं नहीं गया" in reviewer.last_text and "/queue" in reviewer.last_text
    await reviewer.send("ठीक है")  # was an artisan's consent
    assert "कहीं नहीं गया" in reviewer.last_text
    await reviewer.send("/help")
    assert "/queue" in reviewer.last_text and "/poster" in reviewer.last_text
    assert not any("/mydata" in text for text in reviewer.texts[-2:])  # not the artisan's
    await reviewer.send("/start")
    assert "आप इस बॉट में अधिकारी हैं" in reviewer.last_text
    await reviewer.press("➕ नया सामान")  # an official with a product of their own
    assert "क्या आप तैयार हैं" in reviewer.last_text
    async with db() as session:
        row = (
            await session.scalars(select(Artisan).where(Artisan.telegram_id == REVIEWER_ID))
        ).first()
    assert row is None or row.consent_at is None


async def test_someone_not_yet_staff_is_told_their_id_for_the_admin(
    fake: FakeTelegram, bot: BotApp
) -> None:
    official = fake.user(language_code="hi")
    await official.send("/queue")
    assert f"Telegram id भेजें: {official.id}।" in official.last_text


async def test_review_next_while_holding_one_says_it_is_still_open(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """The same card came again without a word: it read as a fault."""
    await waiting(fake, db)
    await waiting(fake, db)
    reviewer = fake.user(REVIEWER_ID, language_code="hi")
    await reviewer.send("/review next", expect=2)
    held = reviewer.last_text
    await reviewer.send("/review next", expect=3)
    assert "अभी आपके पास खुला है" in reviewer.texts[-3] and reviewer.last_text == held


async def test_hindi_reviewer_reads_an_english_artisans_work_in_hindi(
    fake: FakeTelegram, bot: BotApp
) -> None:
    artisan = fake.user(language_code="en")
    await submit_product(artisan, lang="en", craft="Terracotta")
    reviewer = fake.user(REVIEWER_ID, language_code="hi")
    await reviewer.send("/review next", expect=2)
    assert "🛠 शिल्प: टेराकोटा" in reviewer.last_text


async def sent_back(fake: FakeTelegram, reason: str) -> tuple[FakeUser, FakeUser, str]:
    """An artisan's product, sent back by an English-reading reviewer with `reason`'s button."""
    artisan = fake.user()
    ref = await submit_product(artisan)
    reviewer = fake.user(REVIEWER_ID, language_code="en")
    await choose_language(reviewer)
    await reviewer.send(f"/review {ref}", expect=2)
    await reviewer.press("Needs changes")
    await reviewer.press(reason, expect=2)
    return artisan, reviewer, ref


async def test_artisan_resubmits_and_reviewer_sees_what_changed(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan, reviewer, ref = await sent_back(fake, "Price wrong")
    await artisan.press("सुधार करें", expect=2)  # the reason, and straight to the price
    assert "सुधार चाहिए" in artisan.texts[-2] and "दाम" in artisan.last_text
    await artisan.send("950")  # the summary again (without its photo: the fix opened at the price)
    assert artisan.last_text.startswith("दाम: ₹950 ✅")
    assert "दाम बदल दिया" in artisan.last_text and "इसे ठीक करें" not in artisan.last_text
    await artisan.press("जमा करें")
    assert ref in artisan.last_text
    sub_id = int(ref.removeprefix("ODOP-"))
    assert (await submission(db, sub_id)).state == State.PENDING
    await reviewer.send("/review next", expect=2)
    assert ref in reviewer.last_text and "version 2" in reviewer.last_text
    assert "Price: ₹1,200 → ₹950" in reviewer.last_text


async def test_a_typed_reason_naming_the_price_opens_the_price_to_fix(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """A typed reason opened the whole summary with no pointer; the artisan's corrected price
    typed there was not taken, and the old one went back for review."""
    artisan = fake.user()
    ref = await submit_product(artisan)
    reviewer = fake.user(REVIEWER_ID, language_code="hi")
    await reviewer.send(f"/review {ref}", expect=2)
    await reviewer.press("सुधार चाहिए")
    await reviewer.press("अपना कारण लिखें")
    await reviewer.send("दाम एक खिलौने का लिखिए, दस का नहीं", expect=2)
    await artisan.press("सुधार करें", expect=2)  # the reason, and straight to the price
    assert "दस का नहीं" in artisan.texts[-2] and "दाम" in artisan.last_text
    await artisan.send("50")
    assert artisan.last_text.startswith("दाम: ₹50 ✅")


async def test_artisan_asked_for_more_photos_is_asked_for_them_and_they_are_added(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan, _reviewer, ref = await sent_back(fake, "Too few photos")
    await artisan.press("सुधार करें", expect=2)  # the reason, and straight to the photos
    assert "फ़ोटो" in artisan.last_text
    await artisan.send_photo()  # one more photo of the product
    assert "2/5" in artisan.last_text
    await artisan.press("हो गया", expect=2)
    assert "फ़ोटो बदल दिया" in artisan.last_text
    await artisan.press("जमा करें")
    sub = await submission(db, int(ref.removeprefix("ODOP-")))
    assert sub.state == State.PENDING and sub.version == 2


async def test_unclear_photos_sent_back_are_replaced_and_the_reviewer_sees_new_ones(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """A new photo sent at the summary went in beside the unclear one, the summary said "photo
    changed", and the reviewer read "Photos: 1 → 1"."""
    artisan, reviewer, ref = await sent_back(fake, "Blurry photos")
    await artisan.press("सुधार करें")  # the reason, and how to fix the photos: one message
    assert "फ़ोटो में क्या करना है?" in artisan.last_text
    assert "🔄 सब फ़ोटो बदलें" in artisan.buttons
    await artisan.press("➕ और फ़ोटो")  # added beside the unclear one: said so
    await artisan.send_photo()
    await artisan.press("हो गया", expect=2)
    assert "पुरानी भी साथ है" in artisan.last_text
    await artisan.press("कुछ बदलना है")
    await artisan.press("📷 फ़ोटो")
    await artisan.press("🔄 सब फ़ोटो बदलें")
    await artisan.press("हाँ, बदलें")
    await artisan.send_photo()
    await artisan.press("हो गया", expect=2)
    assert "फ़ोटो बदल दिया" in artisan.last_text and "पुरानी" not in artisan.last_text
    await artisan.press("जमा करें")
    await reviewer.send(f"/review {ref}", expect=2)
    assert "Photos: 1 → 1 (1 new)" in reviewer.last_text


async def test_a_sent_back_product_sent_again_unchanged_is_asked_about_first(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """It went back unchanged, and the artisan was told "submitted again with your changes"."""
    artisan, _reviewer, ref = await sent_back(fake, "Price wrong")
    await artisan.press("सुधार करें", expect=2)
    await artisan.press("पीछे")  # from the price question to the summary, price unchanged
    await artisan.press("जमा करें")
    assert "कुछ नहीं बदला" in artisan.last_text
    sub = await submission(db, int(ref.removeprefix("ODOP-")))
    assert sub.state == State.CHANGES_REQUESTED
    await artisan.press("फिर भी भेजें")
    assert "फिर से जमा हो गया" in artisan.last_text and "सुधार के साथ" not in artisan.last_text
    sub = await submission(db, int(ref.removeprefix("ODOP-")))
    assert sub.state == State.PENDING


async def test_decided_submission_refuses_a_replayed_decision(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan, sub_id = await waiting(fake, db)
    reviewer = fake.user(REVIEWER_ID, language_code="en")
    await choose_language(reviewer)
    await reviewer.send("/review next", expect=2)
    card = reviewer.last
    await reviewer.press("Approve", expect=2)
    notices = len(artisan.texts)
    await reviewer.press(data=f"rv:rej:{sub_id}", message=card, expect=0)
    await reviewer.press(data=f"rv:r:{sub_id}:x:dup", message=card, expect=0)
    await fake.wait_for(lambda: len(reviewer.alerts) >= 2)
    assert all("not waiting for review" in a for a in reviewer.alerts)
    assert (await submission(db, sub_id)).state == State.APPROVED
    assert len(artisan.texts) == notices


async def test_history_lists_every_transition_with_actor_and_reason(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    ref = await submit_product(artisan)
    reviewer = fake.user(REVIEWER_ID, language_code="en")
    await choose_language(reviewer)
    await reviewer.send(f"/review {ref}", expect=2)
    await reviewer.press("Reject")
    await reviewer.press("Already sent", expect=2)
    await reviewer.send(f"/history {ref}")
    lines = reviewer.last_text.splitlines()
    assert ref in lines[0] and "rejected" in lines[0]
    assert "draft → in the queue · artisan" in lines[1]
    assert f"in the queue → in review · reviewer {reviewer.first_name}" in lines[2]  # not an id
    assert "in review → rejected" in lines[3] and "already been submitted" in lines[3]


async def test_reviewer_who_rejected_by_mistake_reopens_it_and_the_artisan_is_told(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """A one-tap reason is final at once: only an admin could undo it, and a reviewer's
    /reopen was "only for admins"."""
    artisan, sub_id = await waiting(fake, db, locale="hi")
    reviewer = fake.user(REVIEWER_ID, language_code="hi")
    await reviewer.send("/review next", expect=2)
    await reviewer.press("अस्वीकार करें")
    await reviewer.press("दूसरे ज़िले का", expect=2)
    other = fake.user(REVIEWER_2, language_code="hi")
    await other.send(f"/reopen {reference(sub_id)}")  # not theirs to undo
    assert "एडमिन ही फिर से खोल सकते हैं" in other.last_text
    await reviewer.send(f"/reopen {reference(sub_id)}")
    assert "फिर से कतार में" in reviewer.last_text
    assert "फिर से देखा जा रहा है" in artisan.last_text
    assert (await submission(db, sub_id)).state == State.PENDING


async def test_admin_reopens_a_rejected_submission(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan, sub_id = await waiting(fake, db, locale="en")
    reviewer = fake.user(REVIEWER_ID, language_code="en")
    await choose_language(reviewer)
    await reviewer.send("/review next", expect=2)
    await reviewer.press("Reject")
    await reviewer.press("Not handmade", expect=2)
    admin = fake.user(ADMIN_ID, language_code="en")
    await choose_language(admin)
    await admin.send(f"/reopen {reference(sub_id)}")
    assert "back in the queue" in admin.last_text
    assert "checked again" in artisan.last_text
    assert (await submission(db, sub_id)).state == State.PENDING
    await admin.send(f"/reopen {reference(sub_id)}")
    assert "not rejected" in admin.last_text
