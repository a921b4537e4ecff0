"""Answers given by voice reach the reviewer, who listens and types them in; each decision
has its own reasons, and a product sent back opens with the reason and what to fix."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import BotApp
from bot.storage.models import Artisan, Event, State, Submission
from fake_telegram import FakeTelegram
from tests.support.journey import BUTTONS, english
from tests.support.world import REVIEWER_ID

Sessions = Callable[[], AsyncSession]


async def voice_journey(fake: FakeTelegram) -> str:
    """An artisan who speaks their name, product name and description; returns the ref."""
    artisan = fake.user()
    await artisan.send("/start")
    await artisan.press(BUTTONS["hi"]["agree"])
    await artisan.send_voice()  # the name
    assert "आवाज़ मिल गई" in artisan.last_text and "चरण 2/9" in artisan.last_text
    await artisan.share_contact(f"+9198765{artisan.id % 100000:05d}")
    await artisan.send("273001")  # a PIN code for the district
    assert "गोरखपुर" in artisan.last_text
    await artisan.press("टेराकोटा")
    await artisan.send_voice()  # the product's name
    await artisan.send_voice()  # what it is
    await artisan.send("डेढ़ हज़ार")
    assert "दाम: ₹1,500 ✅" in artisan.last_text
    await artisan.press(BUTTONS["hi"]["skip"])
    await artisan.send_photo()
    await artisan.press(BUTTONS["hi"]["done"])
    summary = artisan.last_text
    assert summary.count("🎤") >= 3 and "₹1,500" in summary
    await artisan.press(BUTTONS["hi"]["submit"])
    text = artisan.last_text
    return text[text.index("ODOP-") :][:11]


async def test_reviewer_hears_each_voice_answer_and_types_the_name_in(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    ref = await voice_journey(fake)
    reviewer = await english(fake.user(REVIEWER_ID))
    calls = await reviewer.send(f"/review {ref}", expect=5)
    methods = [c.method for c in calls]
    assert methods.count("sendVoice") == 3 and methods[-1] == "sendMessage"
    assert reviewer.buttons[3:6] == ["⌨️ Type Name", "⌨️ Type Product", "⌨️ Type Description"]
    await reviewer.press("⌨️ Type Name")
    await reviewer.send("रामू प्रजापति")
    assert "Name typed in — रामू प्रजापति" in reviewer.last_text
    async with db() as session:
        artisan = await session.scalar(select(Artisan).where(Artisan.name.is_not(None)))
        sub = await session.scalar(select(Submission).where(Submission.version == 1))
        events = (await session.scalars(select(Event).where(Event.actor_id == REVIEWER_ID))).all()
    assert artisan is not None and artisan.name == "रामू प्रजापति"
    assert sub is not None and sub.last_snapshot["fields"]["name"] == "रामू प्रजापति"
    assert [e.reason for e in events if e.from_state == e.to_state] == ["reason-transcribed-name"]


async def test_a_product_named_only_by_voice_is_approved_once_its_name_is_typed_in(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """Approved with its name only spoken: "पास हो गया" with no name, and never listable."""
    ref = await voice_journey(fake)
    reviewer = await english(fake.user(REVIEWER_ID))
    await reviewer.send(f"/review {ref}", expect=5)
    await reviewer.press("✅ Approve", expect=0)
    await fake.wait_for(lambda: bool(reviewer.alerts))
    assert "only spoken so far" in reviewer.alerts[-1]
    async with db() as session:
        sub = await session.scalar(select(Submission))
        assert sub is not None and sub.state == "in_review"
    await reviewer.press("⌨️ Type Product")
    await reviewer.send("टेराकोटा घोड़ा")
    await reviewer.press("✅ Approve", expect=2)
    async with db() as session:
        sub = await session.scalar(select(Submission))
        assert sub is not None and (sub.state, sub.product_name) == ("approved", "टेराकोटा घोड़ा")


async def test_reject_offers_its_own_reasons_and_tells_the_artisan_what_they_can_do(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    ref = await voice_journey(fake)
    artisan = fake.user(10001)
    reviewer = await english(fake.user(REVIEWER_ID))
    await reviewer.send(f"/review {ref}", expect=5)
    await reviewer.press("❌ Reject")
    assert "Blurry photos" not in reviewer.buttons  # a reason to fix is not a reason to reject
    assert "✋ Not handmade" in reviewer.buttons
    await reviewer.press("✋ Not handmade", expect=2)
    assert "नामंज़ूर" in artisan.last_text and "हाथ से बना" in artisan.last_text
    assert artisan.buttons == ["➕ नया सामान", "🙋 मदद"]


async def test_needs_changes_for_photos_opens_their_choices_with_the_reason(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    ref = await voice_journey(fake)
    artisan = fake.user(10001)
    reviewer = await english(fake.user(REVIEWER_ID))
    await reviewer.send(f"/review {ref}", expect=5)
    await reviewer.press("✏️ Needs changes")
    assert "✋ Not handmade" not in reviewer.buttons
    await reviewer.press("📷 Blurry photos", expect=2)
    await artisan.press("सुधार करें")  # unclear photos: the reason, and replace or add them
    assert "सुधार चाहिए" in artisan.last_text and "फ़ोटो साफ़ नहीं" in artisan.last_text
    assert "फ़ोटो में क्या करना है?" in artisan.last_text and "🔄 सब फ़ोटो बदलें" in artisan.buttons
    async with db() as session:
        sub = await session.scalar(select(Submission).where(Submission.version == 1))
    assert sub is not None and sub.state == State.CHANGES_REQUESTED
