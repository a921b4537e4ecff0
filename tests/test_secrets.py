"""Secrets and personal data in `python -m bot`'s logs and on disk, as operators run it."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

from sqlalchemy import text

from bot.context import BotApp
from bot.services.validation import readable_phone
from bot.storage.db import make_engine
from fake_telegram import FakeTelegram
from tests.support.journey import consent, phone_of, submit_product
from tests.support.process import bot_env, start_process
from tests.support.world import TOKEN

NAME = "Kamla Rahasyamayi"  # a name that must never reach the log
NO_NAMES = """
CREATE TRIGGER no_names BEFORE UPDATE OF name ON artisans
BEGIN SELECT RAISE(ABORT, 'the disk is full'); END
"""


async def stop(process: asyncio.subprocess.Process) -> str:
    process.terminate()
    output, _ = await process.communicate()
    return output.decode(errors="replace")


async def test_info_logs_of_a_whole_registration_hold_no_token_and_no_phone(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    env = bot_env(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_URL=fake.url, LOG_LEVEL="INFO")
    artisan = fake.user()
    process = await start_process(env, tmp_path)
    try:
        await artisan.send("/help", timeout=30)
        await submit_product(artisan)
        await artisan.send("/mydata", expect=2)
        await artisan.send("/status")
    finally:
        log = await stop(process)
    phone = phone_of(artisan)
    assert "INFO" in log, "the bot logged nothing at INFO: the check would prove nothing"
    assert readable_phone(phone) in " ".join(artisan.texts)  # the number was really handled...
    shown = readable_phone(phone)
    for secret in (TOKEN, TOKEN.split(":")[1], phone, phone.removeprefix("+91"), shown):
        assert secret not in log  # ...and never logged


async def test_a_failed_update_is_logged_by_its_id_without_the_users_answer(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    env = bot_env(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_URL=fake.url, LOG_LEVEL="INFO")
    artisan = fake.user(language_code="en")
    process = await start_process(env, tmp_path)
    engine = make_engine(env["DATABASE_URL"])
    try:
        await artisan.send("/start", timeout=30)
        await consent(artisan, "en")
        async with engine.begin() as connection:  # saving a name now fails, as on a full disk
            await connection.execute(text(NO_NAMES))
        await artisan.send(NAME)
        update_id = fake.hub.history[-1].update_id
        assert "something went wrong" in artisan.last_text
    finally:
        log = await stop(process)
        await engine.dispose()
    assert re.search(rf"ERROR .*update {update_id}\b", log)
    assert "Traceback" in log and "the disk is full" in log
    assert NAME not in log


async def test_media_folder_is_created_readable_by_the_owner_only(bot: BotApp) -> None:
    from bot.context import services_of

    media = services_of(bot).settings.media_dir
    assert media.is_dir() and media.stat().st_mode & 0o077 == 0
