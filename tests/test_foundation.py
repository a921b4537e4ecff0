"""The foundation end to end: welcome, language, groups, webhook mode, configuration errors."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

import pytest
from sqlalchemy import select

from bot.config import Settings
from bot.context import BotApp, services_of
from bot.storage.models import Artisan
from fake_telegram import FakeTelegram
from tests.support.factories import menu_of
from tests.support.world import free_port


async def test_new_user_gets_the_hindi_welcome_with_consent_buttons(
    fake: FakeTelegram, bot: BotApp
) -> None:
    artisan = fake.user(language_code=None)
    await artisan.send("/start")
    assert "नमस्ते" in artisan.last_text
    assert "✅ हाँ, शुरू करें" in artisan.buttons


async def test_english_telegram_user_is_greeted_in_hindi_with_english_one_tap_away(
    fake: FakeTelegram, bot: BotApp
) -> None:
    artisan = fake.user(language_code="en")  # what most Hindi speakers' phones report
    await artisan.send("/start")
    assert "नमस्ते" in artisan.last_text and "English" in artisan.buttons


async def test_language_choice_is_remembered_across_a_restart(
    fake: FakeTelegram,
    settings: Settings,
    start_bot: Callable[[Settings], AbstractAsyncContextManager[BotApp]],
) -> None:
    artisan = fake.user(language_code="hi")
    async with start_bot(settings):
        await artisan.send("/language")
        await artisan.press("English")
        assert "English" in artisan.last_text
    async with start_bot(settings):
        await artisan.send("/help")
        assert "What does this bot do?" in artisan.last_text


async def test_the_menu_is_hindi_on_an_english_phone_and_english_for_who_chooses_it(
    fake: FakeTelegram, bot: BotApp
) -> None:
    """The "/" menu was published in English for phones set to English: most Hindi readers'."""
    default = json.dumps({"type": "default"}, sort_keys=True)
    assert [lang for _, lang in fake.commands] == [""] * len(fake.commands)  # none by phone
    menu = {c["command"]: c["description"] for c in fake.commands[default, ""]}
    assert "start" in menu and re.search("[\u0900-\u097f]", menu["start"])
    artisan = fake.user(language_code="en")
    await artisan.send("/language")
    await artisan.press("English")
    await fake.wait_for(lambda: bool(menu_of(fake, artisan.id)))
    scope = json.dumps({"chat_id": artisan.id, "type": "chat"}, sort_keys=True)
    own = {c["command"]: c["description"] for c in fake.commands[scope, ""]}
    assert own["start"].isascii() and set(own) == set(menu)


async def test_bot_leaves_a_group_and_says_nothing_there(fake: FakeTelegram, bot: BotApp) -> None:
    artisan = fake.user()
    group = fake.group(title="Potters")
    await artisan.send_in(group, "/start", expect=0)
    await fake.wait_for(lambda: bool(fake.calls_of("leaveChat")))
    assert [c.params["chat_id"] for c in fake.calls_of("leaveChat")] == [group.id]
    assert not [c for c in fake.calls_of("sendMessage") if c.params["chat_id"] == group.id]


async def test_unknown_text_before_consent_is_answered_with_the_consent_prompt(
    fake: FakeTelegram, bot: BotApp
) -> None:
    artisan = fake.user()
    await artisan.send("नमस्ते भैया")
    assert "क्या आप तैयार हैं?" in artisan.last_text


async def test_a_sticker_from_a_new_user_still_gets_an_answer(
    fake: FakeTelegram, bot: BotApp
) -> None:
    artisan = fake.user()
    await artisan.send_sticker()
    assert "नमस्ते" in artisan.last_text


async def test_language_choice_before_consent_stores_no_personal_data(
    fake: FakeTelegram, bot: BotApp
) -> None:
    artisan = fake.user()
    await artisan.send("/language")
    await artisan.press("English")
    async with services_of(bot).sessions() as session:
        row = await session.scalar(select(Artisan).where(Artisan.telegram_id == artisan.id))
    assert row is not None and row.locale == "en"
    assert (row.name, row.phone, row.district, row.consent_at) == (None, None, None, None)


async def test_webhook_mode_answers_and_rejects_requests_without_the_secret(
    fake: FakeTelegram,
    make_settings: Callable[..., Settings],
    start_bot: Callable[[Settings], AbstractAsyncContextManager[BotApp]],
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/odop/hook"
    settings = make_settings(webhook_url=url, webhook_secret="s3cret-V" * 4, webhook_port=port)
    async with start_bot(settings):
        assert fake.webhook_url == url
        artisan = fake.user()
        await artisan.send("/start")
        assert "नमस्ते" in artisan.last_text
        update = {"update_id": 999_999, "message": {"message_id": 1, "date": 0}}
        assert await fake.post_to_webhook(update, secret=None) == 403
        assert await fake.post_to_webhook(update, secret="wrong") == 403


async def test_a_redelivered_update_is_processed_once(fake: FakeTelegram, bot: BotApp) -> None:
    artisan = fake.user()
    await artisan.send("/start")
    before = len(artisan.messages)
    fake.duplicate_last_update()
    await artisan.send("/help")
    texts = artisan.texts[before:]
    assert len(texts) == 1 and "नमस्ते" not in texts[0]


async def test_flooding_user_is_slowed_once_and_others_are_answered(
    fake: FakeTelegram, bot: BotApp
) -> None:
    flooder, other = fake.user(), fake.user()
    # The 100 updates are all queued (each task's first step) before the other user's one.
    flood = asyncio.gather(*(flooder.send(f"spam {i}", expect=0) for i in range(100)))
    await asyncio.sleep(0)
    await other.send("/help")
    assert "What does" in other.last_text or "क्या करता" in other.last_text
    await flood
    assert sum("तेज़ी" in t for t in flooder.texts) == 1
    assert len(flooder.texts) <= 31  # answers to the first 30 updates, then one warning
    last_flood_answer = flooder.actions[-1].at
    assert other.actions[-1].at < last_flood_answer  # the other user did not wait for the flood


# -- waiting on the real bot's "update handled" report ------------------------------------


async def test_a_step_ends_when_the_bot_reports_its_update_handled(
    fake: FakeTelegram, bot: BotApp
) -> None:
    fake.settle = 5.0  # what a step would wait for without the bot's report
    artisan = fake.user()
    loop = asyncio.get_running_loop()
    started = loop.time()
    calls = await artisan.send("/help")
    assert loop.time() - started < 2.0
    assert [c.method for c in calls] == ["sendMessage"]
    await artisan.assert_quiet(0.1)


async def test_assert_quiet_and_wait_for_message_see_what_the_bot_sends(
    fake: FakeTelegram, bot: BotApp
) -> None:
    artisan = fake.user()
    waiter = asyncio.create_task(artisan.wait_for_message())
    step = asyncio.create_task(artisan.send("/help"))
    with pytest.raises(AssertionError, match="quiet"):
        await artisan.assert_quiet(1.0)
    await step
    assert (await waiter).plain == artisan.last_text
