"""Field helpers register artisans without Telegram in person; the artisan can link later."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from bot.config import Settings
from bot.context import BotApp
from bot.services import field_helpers
from bot.storage.db import make_engine, migrate
from bot.storage.models import Artisan, Dialogue, HelpMessage, State, Submission
from fake_telegram import FakeTelegram, FakeUser
from tests.support.factories import menu_of, submission
from tests.support.journey import consent
from tests.support.world import ADMIN_ID, REVIEWER_ID, Sessions

HELPER_ID = 900_020
OTHER_HELPER_ID = 900_021
PHONE = "98765 43210"
E164 = "+919876543210"


@pytest.fixture
def settings(make_settings: Callable[..., Settings]) -> Settings:
    return make_settings(reviewer_ids=[REVIEWER_ID])


async def make_helper(fake: FakeTelegram, user_id: int = HELPER_ID) -> FakeUser:
    admin = fake.user(ADMIN_ID)
    helper = fake.user(user_id, first_name="Kamla", last_name="Sahayak")
    await admin.send(f"/addhelper {user_id}")
    assert "अब सहायक हैं" in admin.last_text
    return helper


async def fill_for(helper: FakeUser, name: str, phone: str, product: str = "टेराकोटा हाथी") -> None:
    """The helper walks the registration for an artisan up to the summary."""
    await helper.send("/newartisan")
    assert "पढ़कर सुनाएँ" in helper.last_text
    await helper.press("कारीगर ने हाँ कहा")
    assert "सहायक: नए कारीगर के लिए" in helper.last_text
    assert "कारीगर का पूरा नाम क्या है?" in helper.last_text  # of the artisan, not "your name"
    assert helper.buttons == ["🙋 मदद"]  # no "👤 <the helper's own name>" to tap
    await helper.send(name)
    assert f"सहायक: {name} के लिए" in helper.last_text
    assert "कारीगर का मोबाइल नंबर" in helper.last_text
    assert "मेरा नंबर भेजें" not in str(helper.last_markup)  # no contact to share
    await helper.send(phone)
    assert "कारीगर किस ज़िले में रहते हैं?" in helper.last_text
    await helper.send("Gorakhpur")
    assert "कारीगर कौन-सा काम करते हैं?" in helper.last_text
    await helper.press("टेराकोटा")
    await helper.send(product)
    await helper.send("हाथ से बना मिट्टी का हाथी, भट्टी में पका हुआ।")
    await helper.send("1200")
    await helper.press("छोड़ें")
    await helper.send_photo()
    await helper.press("हो गया")


async def register_for(
    helper: FakeUser, name: str = "रामू प्रजापति", phone: str = PHONE, product: str = "टेराकोटा हाथी"
) -> str:
    """The helper registers an artisan and sends the product; returns the reference."""
    await fill_for(helper, name, phone, product)
    await helper.press("जमा करें")
    text = helper.last_text
    assert f"{name} का सामान जमा हो गया" in text
    start = text.index("ODOP-")
    return text[start : start + 11]


async def assisted_artisan(db: Sessions, name: str = "रामू प्रजापति") -> Artisan:
    async with db() as session:
        artisan = await session.scalar(select(Artisan).where(Artisan.name == name))
        assert artisan is not None
        return artisan


async def test_helper_registers_artisan_without_telegram_and_is_told_the_decision(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    helper = await make_helper(fake)
    assert "/newartisan" in helper.last_text
    menu = menu_of(fake, HELPER_ID)
    assert "newartisan" in menu and "myartisans" in menu and "queue" not in menu
    ref = await register_for(helper)
    artisan = await assisted_artisan(db)
    assert artisan.telegram_id is None and artisan.assisted_by == HELPER_ID
    assert (artisan.consent_method, artisan.consent_by) == ("in_person", HELPER_ID)
    assert artisan.consent_by_name == "Kamla Sahayak" and artisan.consent_at is not None
    assert artisan.phone == E164
    sub_id = int(ref.removeprefix("ODOP-"))
    sub = await submission(db, sub_id)
    assert sub.state == State.PENDING and sub.assisted
    async with db() as session:  # the session ended with the submission
        assert await session.get(Dialogue, HELPER_ID) is None

    reviewer = fake.user(REVIEWER_ID)
    await reviewer.send(f"/review {ref}", expect=2)
    assert "सहायक ने कारीगर के सामने दर्ज किया" in reviewer.last_text
    await reviewer.press("स्वीकृत करें", expect=2)
    await asyncio.sleep(0.3)
    told = helper.last_text
    assert "रामू प्रजापति" in told and ref in told and "पास हो गया" in told
    assert (await submission(db, sub_id)).state == State.APPROVED


async def test_helper_cancel_ends_the_session_and_own_messages_are_their_own_again(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    helper = await make_helper(fake)
    await helper.send("/newartisan")
    await helper.press("कारीगर ने हाँ कहा")
    await helper.send("रामू प्रजापति")
    await helper.send("/cancel")
    assert (
        "कारीगर की भरी जानकारी सुरक्षित है" in helper.last_text and "/myartisans" in helper.last_text
    )
    await helper.send("नमस्ते")
    assert "सहायक:" not in helper.last_text
    artisan = await assisted_artisan(db)
    assert artisan.name == "रामू प्रजापति" and artisan.phone is None


async def test_help_or_start_mid_session_keeps_the_helper_on_the_artisan_they_register(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """ "🙋 मदद" replaced the helper's session with a question of their own (the next answer was
    lost); /start greeted them with their own menu, whose buttons then acted for the artisan."""
    helper = await make_helper(fake)
    await helper.send("/newartisan")
    await helper.press("कारीगर ने हाँ कहा")
    await helper.send("रामू प्रजापति")
    await helper.send(PHONE)
    await helper.press("🙋 मदद")
    assert "कारीगर का पंजीकरण यहीं रुका रहेगा" in helper.last_text
    assert "सहायक: रामू प्रजापति के लिए" in helper.last_text and "किस ज़िले" in helper.last_text
    await helper.send("madad")
    assert "कारीगर का पंजीकरण यहीं रुका रहेगा" in helper.last_text
    await helper.send("/start")
    assert "आप अभी एक कारीगर का पंजीकरण कर रहे हैं" in helper.last_text
    assert "सहायक: रामू प्रजापति के लिए" in helper.last_text
    await helper.send("Gorakhpur")
    assert "काम" in helper.last_text
    artisan = await assisted_artisan(db)
    assert artisan.district == "Gorakhpur"
    async with db() as session:
        assert await session.scalar(select(func.count()).select_from(HelpMessage)) == 0


async def test_a_helper_registering_the_same_artisan_again_is_warned_at_the_number(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """Twice the same name and number: two records, two products in the queue, and the artisan
    later offered two identical "that's me" buttons."""
    helper = await make_helper(fake)
    await register_for(helper)
    await helper.send("/newartisan")
    await helper.press("कारीगर ने हाँ कहा")
    await helper.send("रामू प्रजापति")
    await helper.send(PHONE)
    assert "रामू प्रजापति इसी नंबर से पहले से दर्ज हैं" in helper.last_text
    assert "किस ज़िले" in helper.last_text  # the question goes on: it may be someone else
    await helper.send("/newartisan")
    await helper.press("कारीगर ने हाँ कहा")
    await helper.send("सीता देवी")  # the family's one number, someone else
    await helper.send(PHONE)
    assert "पहले से दर्ज" not in helper.last_text

    ramu = fake.user(first_name="Ramu")  # the twin left unsent is not offered beside the first
    await consent(ramu)
    await ramu.send("रामू")
    await ramu.share_contact(E164)
    assert "रामू प्रजापति, सीता देवी" in ramu.last_text
    assert ramu.buttons[:2] == ["✅ मैं रामू… हूँ", "✅ मैं सीता देवी हूँ"]


async def test_a_removed_helper_is_told_nothing_more_of_their_artisans(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    helper = await make_helper(fake)
    ref = await register_for(helper)
    told = len(helper.texts)
    await fake.user(ADMIN_ID).send(f"/removehelper {HELPER_ID}")
    reviewer = fake.user(REVIEWER_ID)
    await reviewer.send(f"/review {ref}", expect=2)
    await reviewer.press("स्वीकृत करें")
    assert "स्वीकृत" in reviewer.last_text  # decided, and the sends of that update are done
    assert (await db_first_submission(db)).state == State.APPROVED
    assert not any(ref in text for text in helper.texts[told:])


async def test_helper_continues_a_cancelled_registration_from_myartisans(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    helper = await make_helper(fake)
    await helper.send("/newartisan")
    await helper.press("कारीगर ने हाँ कहा")
    await helper.send("रामू प्रजापति")
    await helper.send("/cancel")
    await helper.send("/myartisans")
    assert "रामू प्रजापति" in helper.last_text
    await helper.press("▶️ रामू प्रजापति")
    assert "सहायक: रामू प्रजापति के लिए" in helper.last_text
    await helper.send(PHONE)
    assert (await assisted_artisan(db)).phone == E164


async def test_helper_gets_changes_request_and_fixes_it_for_the_artisan(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    helper = await make_helper(fake)
    ref = await register_for(helper)
    reviewer = fake.user(REVIEWER_ID)
    await reviewer.send(f"/review {ref}", expect=2)
    await reviewer.press("सुधार चाहिए")
    await reviewer.press("फ़ोटो साफ़ नहीं", expect=2)
    await asyncio.sleep(0.3)
    assert "रामू प्रजापति" in helper.last_text and ref in helper.last_text
    assert "फ़ोटो साफ़ नहीं" in helper.last_text
    await helper.press("सुधार करें")
    assert "फ़ोटो में क्या करना है?" in helper.last_text  # unclear photos: replace or add
    await helper.press("🔄 सब फ़ोटो बदलें")
    await helper.press("हाँ, बदलें")
    await helper.send_photo()
    await helper.press("हो गया", expect=2)
    assert "टेराकोटा हाथी" in helper.last_text  # the summary, to send again
    await helper.press("जमा करें")
    assert ref in helper.last_text and "जमा हो गया" in helper.last_text
    sub = await submission(db, int(ref.removeprefix("ODOP-")))
    assert sub.state == State.PENDING and sub.version == 2


async def test_helper_fixing_a_price_sent_back_is_asked_the_price_with_the_reason(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """As for an artisan: "fix it" opens the answer the reason names, not the summary."""
    helper = await make_helper(fake)
    ref = await register_for(helper)
    reviewer = fake.user(REVIEWER_ID)
    await reviewer.send(f"/review {ref}", expect=2)
    await reviewer.press("सुधार चाहिए")
    await reviewer.press("दाम ठीक नहीं", expect=2)
    await asyncio.sleep(0.3)
    await helper.press("सुधार करें", expect=2)
    assert "दाम" in helper.texts[-2] and "कितने रुपये" in helper.last_text
    await helper.send("1500")
    assert "दाम: ₹1,500 ✅" in helper.last_text and "टेराकोटा हाथी" in helper.last_text
    await helper.press("जमा करें")
    sub = await submission(db, int(ref.removeprefix("ODOP-")))
    assert (sub.state, sub.price) == (State.PENDING, 1500)


async def test_scoped_helper_is_told_at_the_district_step_and_offered_their_own(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """A helper of Varanasi typing an artisan's other district learns it there, not at the
    end; their own districts are one tap."""
    admin = fake.user(ADMIN_ID)
    helper = fake.user(HELPER_ID)
    await admin.send(f"/addhelper {HELPER_ID} Varanasi Chandauli")
    await helper.send("/newartisan")
    await helper.press("कारीगर ने हाँ कहा")
    await helper.send("रामू प्रजापति")
    await helper.send(PHONE)
    assert helper.buttons[:2] == ["✅ चंदौली", "✅ वाराणसी"]
    await helper.send("Gorakhpur")
    assert "गोरखपुर आपके ज़िलों में नहीं है" in helper.last_text
    assert "किस ज़िले" in helper.last_text and "✅ वाराणसी" in helper.buttons
    await helper.press("📋 सूची से चुनें")  # the divisions, then a district outside theirs
    await helper.press("गोरखपुर")  # the division
    await helper.press("गोरखपुर")  # its district
    assert "आपके ज़िलों में नहीं है" in helper.last_text
    await helper.press("✅ वाराणसी")
    assert "काम" in helper.last_text
    sub = await db_first_submission(db)
    assert sub.district == "Varanasi" and sub.step == "craft"


async def test_scoped_helper_cannot_send_an_artisan_of_another_district(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """The district was chosen before the helper's districts changed: the submit refuses."""
    admin = fake.user(ADMIN_ID)
    helper = fake.user(HELPER_ID)
    await admin.send(f"/addhelper {HELPER_ID}")
    await fill_for(helper, "रामू प्रजापति", PHONE)  # a Gorakhpur artisan
    await admin.send(f"/addhelper {HELPER_ID} Varanasi")
    await helper.press("जमा करें", expect=0)
    await fake.wait_for(lambda: bool(helper.alerts))
    assert "अपने ज़िलों" in helper.alerts[-1]
    sub = await db_first_submission(db)
    assert sub.state == State.DRAFT


async def db_first_submission(db: Sessions) -> Submission:
    async with db() as session:
        found = await session.scalar(select(Submission).order_by(Submission.id))
        assert found is not None
        return found


async def test_helper_sharing_a_contact_for_the_artisan_is_asked_to_type_it(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    helper = await make_helper(fake)
    await helper.send("/newartisan")
    await helper.press("कारीगर ने हाँ कहा")
    await helper.send("रामू प्रजापति")
    await helper.share_contact("+919876500000")
    assert "लिखकर भेजें" in helper.texts[-2] and "कारीगर का मोबाइल नंबर" in helper.last_text
    assert (await assisted_artisan(db)).phone is None


async def test_artisan_joining_with_the_same_number_as_contact_is_linked(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    helper = await make_helper(fake)
    ref = await register_for(helper)
    ramu = fake.user(first_name="Ramu")
    await consent(ramu)
    await ramu.send("रामू")
    await ramu.share_contact(E164)
    assert "रामू प्रजापति" in ramu.last_text and "यह आप हैं?" in ramu.last_text
    await ramu.send("madad")  # help typed now would have replaced the offer
    assert "पहले ऊपर के सवाल का जवाब दें" in ramu.last_text
    await ramu.press("हाँ, मैं हूँ")
    assert "जुड़ गया" in ramu.last_text
    async with db() as session:
        linked = await session.scalar(select(Artisan).where(Artisan.telegram_id == ramu.id))
        assert linked is not None and linked.name == "रामू प्रजापति"
        assert linked.assisted_by == HELPER_ID
        # The new empty row was dropped: one artisan (staff rows hold only their language).
        rows = await session.scalar(
            select(func.count(Artisan.id)).where(Artisan.consent_at.is_not(None))
        )
        assert rows == 1
    await asyncio.sleep(0.3)
    assert "रामू प्रजापति ने अपना Telegram जोड़ लिया" in helper.last_text
    await ramu.send("/status")
    assert ref in ramu.last_text

    reviewer = fake.user(REVIEWER_ID)  # from now on, decisions reach the artisan
    await reviewer.send(f"/review {ref}", expect=2)
    await reviewer.press("स्वीकृत करें", expect=2)
    await asyncio.sleep(0.3)
    assert any(ref in t for t in ramu.texts[-2:])
    assert "पास हो गया" not in helper.last_text


async def test_one_of_a_family_registered_on_one_number_picks_her_own_record(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """A helper registered husband and wife on the family's one mobile number: the wife joining
    with it is asked which of them she is (no offer at all made her register twice)."""
    helper = await make_helper(fake)
    await register_for(helper, "रामू प्रजापति")
    ref = await register_for(helper, "सीता देवी")
    sita = fake.user(first_name="Sita")
    await consent(sita)
    await sita.send("सीता")
    await sita.share_contact(E164)
    assert "रामू प्रजापति, सीता देवी" in sita.last_text and "आप कौन हैं" in sita.last_text
    assert sita.buttons[:3] == ["✅ मैं रामू… हूँ", "✅ मैं सीता देवी हूँ", "नहीं, मैं नहीं हूँ"]
    await sita.press(data="fh:link:7", expect=0)  # no such choice: refused, nothing linked
    await fake.wait_for(lambda: bool(sita.alerts))
    await sita.press(data="fh:link:yes", expect=0)  # a lone offer's "yes": not this one's
    await fake.wait_for(lambda: len(sita.alerts) == 2)
    await sita.press("✅ मैं सीता देवी हूँ")  # the offer still stands
    assert "जुड़ गया" in sita.last_text
    async with db() as session:
        linked = await session.scalar(select(Artisan).where(Artisan.telegram_id == sita.id))
        assert linked is not None and linked.name == "सीता देवी"
        ramu = await session.scalar(select(Artisan).where(Artisan.name == "रामू प्रजापति"))
        assert ramu is not None and ramu.telegram_id is None  # still waits for his own Telegram
    await sita.send("/status")
    assert ref in sita.last_text


async def test_two_of_a_family_with_one_name_are_told_apart_by_their_products(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """Father and son, both Ramu Prajapati, registered on the family's number (the helper was
    warned of the twin and carried on): the son joining is offered both, by their products."""
    helper = await make_helper(fake)
    await register_for(helper, "रामू प्रजापति", product="टेराकोटा हाथी")
    ref = await register_for(helper, "रामू प्रजापति", product="मिट्टी का दीया")
    son = fake.user(first_name="Ramu")
    await consent(son)
    await son.send("रामू")
    await son.share_contact(E164)
    assert "रामू प्रजापति (टेराकोटा हाथी वाले), रामू प्रजापति (मिट्टी का दीया वाले)" in son.last_text
    assert son.buttons[:2] == ["✅ टेराकोटा हाथी", "✅ मिट्टी का दीया"]
    await son.press("✅ मिट्टी का दीया")
    assert "जुड़ गया" in son.last_text
    await son.send("/status")
    assert ref in son.last_text and "मिट्टी का दीया" in son.last_text
    async with db() as session:
        father = await session.scalar(
            select(Artisan).where(Artisan.name == "रामू प्रजापति", Artisan.telegram_id.is_(None))
        )
        assert father is not None  # still waits for his own Telegram


async def test_artisan_linking_after_approval_is_asked_the_listing_questions(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """Approved while she had no Telegram, then linked: the questions never came, and the
    product could not go online."""
    helper = await make_helper(fake)
    ref = await register_for(helper)
    reviewer = fake.user(REVIEWER_ID)
    await reviewer.send(f"/review {ref}", expect=2)
    await reviewer.press("स्वीकृत करें", expect=2)
    sita = fake.user(first_name="Sita")
    await consent(sita)
    await sita.send("सीता")
    await sita.share_contact(E164)
    await sita.press("हाँ, मैं हूँ", expect=2)  # the menu, then the first listing question
    assert "किस चीज़ से बना है?" in sita.last_text
    await sita.press("मिट्टी")
    assert "किस चीज़ से बना: मिट्टी ✅" in sita.last_text


async def test_artisan_typing_the_same_number_is_not_offered_the_link(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    helper = await make_helper(fake)
    await register_for(helper)
    stranger = fake.user()
    await consent(stranger)
    await stranger.send("रामू")
    await stranger.send(PHONE)
    assert "यह आप हैं?" not in " ".join(stranger.texts)
    await stranger.press(data="fh:link:yes", expect=0)  # a forged press: no offer
    assert (await assisted_artisan(db)).telegram_id is None


async def test_artisan_sharing_someone_elses_contact_is_not_offered_the_link(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    helper = await make_helper(fake)
    await register_for(helper)
    stranger = fake.user()
    await consent(stranger)
    await stranger.send("रामू")
    await stranger.share_contact(E164, own=False)
    assert "यह आप हैं?" not in " ".join(stranger.texts)


async def test_helper_cannot_review(fake: FakeTelegram, bot: BotApp, db: Sessions) -> None:
    helper = await make_helper(fake)
    ref = await register_for(helper)
    await helper.send(f"/review {ref}")
    assert ref not in helper.last_text
    await helper.send("/queue")
    assert (await submission(db, int(ref.removeprefix("ODOP-")))).state == State.PENDING


async def test_helper_sees_only_own_artisans(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    first = await make_helper(fake)
    second = await make_helper(fake, OTHER_HELPER_ID)
    ref = await register_for(first, "रामू प्रजापति")
    await register_for(second, "सीता देवी", "98765 11111")
    await first.send("/myartisans")
    assert "रामू प्रजापति" in first.last_text and ref in first.last_text
    assert "सीता देवी" not in first.last_text
    await second.send("/myartisans")
    assert "सीता देवी" in second.last_text and "रामू" not in second.last_text
    ramu = await assisted_artisan(db)
    await second.press(data=f"fh:go:{ramu.id}", expect=0)  # forged: not theirs
    await second.press(data=f"fh:fix:{ref.removeprefix('ODOP-')}", expect=0)
    await fake.wait_for(lambda: len(second.alerts) >= 2)
    async with db() as session:
        assert await session.get(Dialogue, OTHER_HELPER_ID) is None


async def test_non_helper_cannot_register_for_others(fake: FakeTelegram, bot: BotApp) -> None:
    someone = fake.user()
    await someone.send("/newartisan")
    assert "केवल सहायकों" in someone.last_text
    await someone.send("/myartisans")
    assert "केवल सहायकों" in someone.last_text


async def test_removed_helper_loses_the_open_session_at_the_next_message(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    helper = await make_helper(fake)
    await helper.send("/newartisan")
    await helper.press("कारीगर ने हाँ कहा")
    admin = fake.user(ADMIN_ID)
    await admin.send(f"/removehelper {HELPER_ID}")
    await helper.send("रामू प्रजापति")
    assert "सहायक:" not in helper.last_text
    async with db() as session:
        assert (
            await session.scalar(select(Artisan.name).where(Artisan.telegram_id.is_(None))) is None
        )


async def test_helper_over_daily_limit_is_flagged_to_admins_once(
    fake: FakeTelegram, bot: BotApp, db: Sessions, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(field_helpers, "DAILY_FLAG", 2)
    helper = await make_helper(fake)
    admin = fake.user(ADMIN_ID)
    for _ in range(4):
        await helper.send("/newartisan")
        await helper.press("कारीगर ने हाँ कहा")
    await asyncio.sleep(0.3)
    flags = [t for t in admin.texts if "आज 2 से ज़्यादा कारीगर" in t]
    assert len(flags) == 1
    async with db() as session:  # not blocked
        count = await session.scalar(
            select(func.count(Artisan.id)).where(Artisan.assisted_by == HELPER_ID)
        )
        assert count == 4


async def test_migration_makes_telegram_id_nullable_and_keeps_rows_on_sqlite(
    tmp_path: Path,
) -> None:
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'm.db'}")
    try:
        await migrate(engine, "0008")
        async with engine.begin() as conn:
            await conn.execute(
                text(
                    "INSERT INTO artisans (id, telegram_id, notices_opt_in, reachable, "
                    "created_at, last_seen_at) VALUES (1, 5, 1, 1, '2026-01-01', '2026-01-01')"
                )
            )
            await conn.execute(
                text(
                    "INSERT INTO submissions (id, artisan_id, state, editing, version, "
                    "created_at, updated_at) VALUES (1, 1, 'draft', 0, 0, '2026-01-01', "
                    "'2026-01-01')"
                )
            )
        await migrate(engine)
        async with engine.begin() as conn:
            for artisan_id in (2, 3):  # any number of artisans without Telegram
                await conn.execute(
                    text(
                        "INSERT INTO artisans (id, telegram_id, notices_opt_in, reachable, "
                        f"created_at, last_seen_at) VALUES ({artisan_id}, NULL, 1, 0, "
                        "'2026-01-01', '2026-01-01')"
                    )
                )
            assert await conn.scalar(text("SELECT count(*) FROM submissions")) == 1
            assert await conn.scalar(text("SELECT assisted FROM submissions")) == 0
        with pytest.raises(Exception, match="UNIQUE"):
            async with engine.begin() as conn:
                await conn.execute(
                    text(
                        "INSERT INTO artisans (telegram_id, notices_opt_in, reachable, "
                        "created_at, last_seen_at) VALUES (5, 1, 1, '2026-01-01', '2026-01-01')"
                    )
                )
    finally:
        await engine.dispose()
