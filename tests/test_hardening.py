"""Regression tests for what the fuzz test (tests/test_fuzz.py) found, one behaviour each."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.context import BotApp
from bot.storage.models import Artisan, Submission
from fake_telegram import FakeTelegram
from tests.support.journey import to_district, to_photos
from tests.support.world import Sessions


async def saved(db: Sessions, telegram_id: int) -> tuple[object, ...]:
    async with db() as session:
        artisan = await session.scalar(select(Artisan).where(Artisan.telegram_id == telegram_id))
        assert artisan is not None
        subs = await session.scalar(
            select(func.count()).where(Submission.artisan_id == artisan.id)
        )
        return artisan.name, artisan.active_submission_id, subs


async def test_artisan_editing_an_old_message_into_a_command_runs_nothing(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user(language_code="en")
    await to_district(artisan, "en")
    before = await saved(db, artisan.id)
    first = next(iter(artisan.chat.incoming))
    edited = {**artisan.chat.incoming[first], "text": "/cancel", "edit_date": 1}
    edited["entities"] = [{"type": "bot_command", "offset": 0, "length": 7}]
    fake.push_update({"edited_message": edited})
    await artisan.wait()
    assert "edited messages" in artisan.last_text
    assert await saved(db, artisan.id) == before


async def test_unknown_command_is_not_taken_as_an_answer(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user(language_code="en")
    await to_photos(
        artisan, "en", craft="Terracotta"
    )  # answers so far are stored; now at the photo step
    await artisan.send("/back", expect=2)
    await artisan.send("/start@other_bot Kamla", expect=2)
    assert "don't know that command" in artisan.texts[-2]
    assert "photos" in artisan.last_text
    async with db() as session:
        sub = await session.scalar(select(Submission))
        assert sub is not None and sub.step == "photos"


async def test_altered_button_data_is_refused_and_creates_nothing(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user(language_code="en")
    await to_district(artisan, "en")
    before = await saved(db, artisan.id)
    await artisan.press(data="reg:new:0", expect=0)
    await artisan.press(data="reg:yes:1", expect=0)
    assert artisan.alerts[-2:] == [artisan.alerts[-1]] * 2 and "no longer" in artisan.alerts[-1]
    assert await saved(db, artisan.id) == before


async def test_product_name_with_markup_is_shown_as_text_on_the_summary_photo(
    fake: FakeTelegram, bot: BotApp
) -> None:
    artisan = fake.user(language_code="en")
    await to_photos(artisan, "en", craft="Terracotta")
    await artisan.send_photo()
    await artisan.press("Done", expect=2)
    await artisan.press("Change something")
    await artisan.press("Product name")
    await artisan.send("<b>Tom & Jerry")  # the summary again, without its photo
    await artisan.send("/start")
    await artisan.press("▶️ Continue", expect=2)  # come back later: the summary with its photo
    photo = [m for m in artisan.messages if m.kind == "photo"][-1]
    assert photo.plain == "<b>Tom & Jerry"
    assert not [c for c in fake.calls if c.status == 400]
