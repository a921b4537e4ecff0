"""🙋 Help: an artisan asks a person, by text or voice; a reviewer answers in the bot."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

from sqlalchemy import select

from bot.config import Settings
from bot.context import BotApp, services_of
from bot.storage.models import HelpMessage, State
from fake_telegram import FakeTelegram
from tests.support.factories import add_scoped_reviewer, submission, waiting
from tests.support.journey import consent, to_district
from tests.support.world import REVIEWER_ID, Sessions

OTHER_REVIEWER = 900_030

StartBot = Callable[[Settings], AbstractAsyncContextManager[BotApp]]


async def test_artisan_voice_question_reaches_reviewer_and_answer_survives_restart(
    fake: FakeTelegram, settings: Settings, start_bot: StartBot
) -> None:
    artisan = fake.user(first_name="Ramu")
    reviewer = fake.user(REVIEWER_ID)
    async with start_bot(settings):
        await to_district(artisan)
        await artisan.send("Gorakhpur")
        await artisan.press("टेराकोटा")
        assert "🙋 मदद" in artisan.buttons
        await artisan.press("🙋 मदद")
        assert "सवाल" in artisan.last_text
        await artisan.send_voice()
        # The artisan is told, and sees the question they were at again.
        assert "सवाल भेज दिया" in artisan.last_text and "सामान" in artisan.last_text
        await reviewer.wait(2, since=0)
        assert reviewer.chat.messages[-2].kind == "voice"
        card = reviewer.last_text
        assert "कारीगर का सवाल" in card and "सुनीता देवी" in card and "गोरखपुर" in card
        assert "सामान का नाम" in card  # the step the artisan was at
    async with start_bot(settings) as app:  # a restart between question and answer
        await reviewer.press("जवाब दें")
        await reviewer.send("कल दफ़्तर आइए, फ़ोटो हम खींच देंगे।")
        assert "जवाब भेज दिया" in reviewer.last_text
        assert "कल दफ़्तर आइए" in artisan.last_text
        assert "ज़िला उद्योग केंद्र से जवाब" in artisan.last_text
        await artisan.press("▶️ आगे बढ़ें")  # back to the question they were at
        assert "सामान" in artisan.last_text and "नाम" in artisan.last_text
        async with services_of(app).sessions() as session:
            thread = (await session.scalars(select(HelpMessage).order_by(HelpMessage.id))).all()
    assert [(m.staff_id, m.voice_file_id is not None) for m in thread] == [
        (None, True),
        (REVIEWER_ID, False),
    ]


async def test_reviewer_of_another_district_cannot_answer(
    fake: FakeTelegram, make_settings: Callable[..., Settings], start_bot: StartBot
) -> None:
    settings = make_settings(reviewer_ids=[])
    artisan, admin = fake.user(), fake.user(settings.admin_ids[0])
    async with start_bot(settings) as app:
        await consent(artisan)
        await artisan.press("🙋 मदद")
        await artisan.send("madad")  # "help" said again: still asked for the question
        assert "अपना सवाल लिखकर या 🎤 बोलकर भेजें" in artisan.last_text
        await artisan.send("फ़ोटो कैसे भेजें?")
        await admin.wait(1, since=0)  # no reviewer covers the district: the admins are asked
        assert "फ़ोटो कैसे भेजें?" in admin.last_text
        outsider = fake.user(REVIEWER_ID + 7)
        await outsider.send("/language")  # any inline keyboard to press forged data on
        forged = admin.last.reply_markup["inline_keyboard"][0][0]["callback_data"]
        await outsider.press(data=forged, expect=0)
        assert any("ज़िलों में नहीं" in alert for alert in outsider.alerts)
        async with services_of(app).sessions() as session:
            replies = await session.scalars(
                select(HelpMessage).where(HelpMessage.staff_id.is_not(None))
            )
            assert replies.all() == []


async def test_pressing_on_after_typing_help_is_not_a_question(
    fake: FakeTelegram, bot: BotApp
) -> None:
    """ "madad" typed at the welcome, then "yes, start" pressed: the name typed next is the
    name, not a question sent to the office (it was, and the name was asked again)."""
    artisan, reviewer = fake.user(), fake.user(REVIEWER_ID)
    await artisan.send("/start")
    await artisan.send("मदद")
    assert "सवाल" in artisan.last_text
    await artisan.press("✅ हाँ, शुरू करें")
    await artisan.send("रमेश प्रजापति")
    assert "नाम: रमेश प्रजापति ✅" in artisan.last_text
    assert "मोबाइल" in artisan.last_text
    assert not any("कारीगर का सवाल" in text for text in reviewer.texts)
    async with services_of(bot).sessions() as session:
        assert (await session.scalars(select(HelpMessage))).all() == []


async def test_a_second_official_answering_is_shown_the_first_answer(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """Two reviewers of the district each answered, and the artisan got two answers."""
    await add_scoped_reviewer(db, OTHER_REVIEWER, ["Gorakhpur"])
    artisan, first, second = fake.user(), fake.user(REVIEWER_ID), fake.user(OTHER_REVIEWER)
    await to_district(artisan)
    await artisan.send("Gorakhpur")
    await artisan.press("🙋 मदद")
    await artisan.send("फ़ोटो कैसे खींचें?")
    await first.wait(1, since=0)
    await second.wait(1, since=0)
    await first.press("जवाब दें")
    await first.send("दिन के उजाले में, पास से।")
    await second.press("जवाब दें")
    assert "इसका जवाब" in second.texts[-2] and "दिन के उजाले में" in second.texts[-2]
    assert "/cancel" in second.texts[-2]


async def test_a_reason_asked_after_pressing_reply_is_the_reason_not_the_reply(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """Reply pressed on a help card, then Reject on the open product: the reason typed under
    the reason question went to the artisan who asked for help, as the office's answer."""
    owner, sub_id = await waiting(fake, db)
    asker = fake.user(first_name="Ramu")
    await to_district(asker)
    await asker.send("Gorakhpur")
    reviewer = fake.user(REVIEWER_ID)
    await reviewer.send("/review next", expect=2)
    card = reviewer.last
    await asker.press("🙋 मदद")
    await asker.send("फ़ोटो कैसे भेजें?")
    await reviewer.wait(1, since=0)
    await reviewer.press("जवाब दें")
    await reviewer.press("अस्वीकार करें", message=card)
    asked = len(asker.texts)
    await reviewer.send("यह मशीन का बना लगता है, हाथ का नहीं")
    assert "यह कारण कारीगर को भेजें?" in reviewer.last_text
    await reviewer.press("✅ यह कारण भेजें", expect=2)
    assert "यह मशीन का बना लगता है" in owner.last_text
    assert len(asker.texts) == asked  # the one who asked for help got nothing of it
    assert (await submission(db, sub_id)).state == State.REJECTED
