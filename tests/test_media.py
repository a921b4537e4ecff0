"""Product photos are kept: downloaded in the background, checked by content, retried later."""

from __future__ import annotations

import asyncio
import stat
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.config import Settings
from bot.context import BotApp, services_of
from bot.handlers.catalogue import photo_worker
from bot.services import media
from bot.storage.db import make_engine, make_sessionmaker, migrate
from bot.storage.models import Artisan, Photo, State, Submission, utcnow
from fake_telegram import FakeTelegram
from fake_telegram.media import make_png
from tests.support.journey import to_photos
from tests.support.world import Sessions


async def only_photo(db: Sessions) -> Photo:
    async with db() as session:
        [photo] = (await session.scalars(select(Photo))).all()
        return photo


async def wait_kept(db: Sessions, timeout: float = 10.0) -> Photo:
    """The background worker's result, without asking it to run."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        photo = await only_photo(db)
        if photo.local_path is not None or loop.time() > deadline:
            return photo
        await asyncio.sleep(0.1)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


async def test_artisan_photo_is_kept_in_the_background_owner_only(
    fake: FakeTelegram, bot: BotApp, db: Sessions, settings: Settings
) -> None:
    artisan = fake.user()
    await to_photos(artisan)
    await artisan.send_photo()
    assert "1/5" in artisan.last_text  # answered at once; the download is not awaited

    photo = await wait_kept(db)
    assert photo.local_path == f"{photo.file_unique_id}.png"
    kept = settings.media_dir / photo.local_path
    assert kept.read_bytes() == fake.files[photo.file_id].content
    assert mode(kept) == 0o600 and mode(settings.media_dir) == 0o700
    assert photo.mime_type == "image/png" and photo.download_attempts == 0


async def test_failed_download_is_retried_later_and_keeps_the_file_id(
    fake: FakeTelegram, bot: BotApp, db: Sessions, settings: Settings
) -> None:
    fake.fail("getFile", error_code=500, times=1)
    artisan = fake.user()
    await to_photos(artisan)
    await artisan.send_photo()
    worker = photo_worker(bot)
    await worker.run_once()
    failed = await only_photo(db)
    assert (failed.local_path, failed.download_attempts) == (None, 1)
    assert failed.file_id in fake.files
    assert (await worker.run_once()).picked == 0  # not due yet: the backoff holds

    await worker.run_once(now=utcnow() + timedelta(minutes=2))
    kept = await only_photo(db)
    assert kept.local_path is not None and kept.file_id == failed.file_id
    assert (settings.media_dir / kept.local_path).is_file()
    assert [call.status for call in fake.calls_of("getFile")] == [500, 200]


async def test_document_that_is_not_an_image_is_rejected_once_and_never_retried(
    fake: FakeTelegram, bot: BotApp, db: Sessions, settings: Settings
) -> None:
    artisan = fake.user()
    await to_photos(artisan)
    await artisan.send_document(mime_type="image/png", file_name="p.png", content=b"not an image")
    worker = photo_worker(bot)
    await worker.run_once()
    photo = await only_photo(db)
    assert (photo.local_path, photo.download_attempts) == (None, media.NOT_AN_IMAGE)
    assert photo.file_id in fake.files
    tries = len(fake.calls_of("getFile"))

    await worker.run_once(now=utcnow() + timedelta(days=30))
    assert len(fake.calls_of("getFile")) == tries == 1
    assert not list(settings.media_dir.glob("*"))


async def test_photo_over_20_mb_is_recorded_and_skipped(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    await to_photos(artisan)
    big = make_png(400, 400)
    await artisan.send_document(
        mime_type="image/png", file_name="big.png", content=big, file_size=25 * 1024 * 1024
    )
    await photo_worker(bot).run_once()
    photo = await only_photo(db)
    assert (photo.local_path, photo.download_attempts) == (None, media.TOO_BIG)


async def test_backlog_from_before_the_start_is_downloaded_at_start(
    fake: FakeTelegram,
    settings: Settings,
    start_bot: Callable[[Settings], AbstractAsyncContextManager[BotApp]],
) -> None:
    stored = fake.add_file(make_png(640, 480, seed=7), kind="photo")
    engine = make_engine(settings.database_url)
    await migrate(engine)
    async with make_sessionmaker(engine)() as session:
        artisan = Artisan(telegram_id=5551, name="कमला", consent_at=utcnow())
        session.add(artisan)
        await session.flush()
        sub = Submission(artisan_id=artisan.id, state=State.DRAFT, step="photos")
        session.add(sub)
        await session.flush()
        session.add(Photo(submission_id=sub.id, position=1, file_id=stored.file_id,
                          file_unique_id=stored.file_unique_id))  # fmt: skip
        await session.commit()
    await engine.dispose()

    async with start_bot(settings) as app:
        photo = await wait_kept(services_of(app).sessions, timeout=5)
    assert photo.local_path == f"{stored.file_unique_id}.png"


async def test_photo_of_an_artisan_who_deleted_their_data_mid_download_is_not_kept(
    fake: FakeTelegram, bot: BotApp, db: Sessions, settings: Settings
) -> None:
    fake.fail("getFile", hang=1.0)  # the download is under way while the artisan deletes
    artisan = fake.user()
    await to_photos(artisan)
    await artisan.send_photo()
    round_done = asyncio.create_task(photo_worker(bot).run_once())
    await fake.wait_for(lambda: bool(fake.calls_of("getFile")))
    await artisan.send("/deletemydata")
    await artisan.press("हाँ, मिटाएँ")
    await round_done
    await fake.wait_for(lambda: all(c.status is not None for c in fake.calls_of("getFile")))
    async with db() as session:
        assert not (await session.scalars(select(Photo))).all()
    assert not [p for p in settings.media_dir.iterdir() if not p.name.startswith(".")]


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "jpg"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "png"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "webp"),
        (b"GIF89a\x01\x00", None),
        (b"<html>", None),
        (b"", None),
    ],
)
def test_image_type_is_read_from_the_content(head: bytes, kind: str | None) -> None:
    assert media.sniff(head) == kind
