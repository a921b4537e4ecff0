"""/deletemydata leaves nothing behind: no row, no file (even of replaced photos), no old bytes in
the SQLite files; orphaned photo files are swept while downloads in flight are left alone."""

from __future__ import annotations

import os
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from bot.config import Settings
from bot.context import BotApp, services_of
from bot.handlers import catalogue
from bot.handlers.catalogue import photo_worker
from bot.services.media_sweep import ORPHAN_AGE, sweep_orphans
from bot.services.privacy import truncate_wal
from bot.storage.models import Artisan, Delivery, Dialogue, Event, Photo, Submission
from fake_telegram import FakeTelegram, FakeUser
from tests.support.journey import phone_of, submit_product, to_photos
from tests.support.world import Sessions

NAME = "Qzxwvy Jmkplrt"  # distinctive: found in the database file only if it was kept
PRODUCT = "Vqxzmlamp Jrtkvase"


def kept_files(settings: Settings) -> set[str]:
    return {p.name for p in settings.media_dir.iterdir()} if settings.media_dir.exists() else set()


def raw(path: Path) -> bytes:
    return path.read_bytes() if path.exists() else b""


async def purge(artisan: FakeUser) -> None:
    await artisan.send("/deletemydata")
    await artisan.press("हाँ, मिटाएँ")
    assert "मिटा दी" in artisan.last_text


async def test_artisan_deleting_their_data_leaves_no_file_even_of_replaced_photos(
    fake: FakeTelegram, bot: BotApp, db: Sessions, settings: Settings
) -> None:
    other = fake.user()
    await submit_product(other)
    artisan = fake.user()
    await to_photos(artisan)
    await artisan.send_photo()
    await photo_worker(bot).run_once()
    await artisan.press("हो गया")
    replaced = kept_files(settings)
    # The summary's "replace all photos" (the lead's flow now also removes their files; the
    # sweep is what catches a crash between the commit and that removal).
    await artisan.press("कुछ बदलना है")
    await artisan.press("फ़ोटो")
    await artisan.press("सब फ़ोटो बदलें")
    await artisan.press("हाँ, बदलें")
    await artisan.send_photo()
    await artisan.press("हो गया")
    await artisan.press("जमा करें")
    await photo_worker(bot).run_once()
    async with db() as session:
        theirs = set(await session.scalars(select(Photo.local_path)))
    assert len(theirs) == 2 and replaced - theirs  # the replaced photo's file is still there

    await purge(artisan)
    async with db() as session:
        [left] = (await session.scalars(select(Photo))).all()
    assert kept_files(settings) == {left.local_path}  # only the other artisan's photo
    async with db() as session:
        assert await session.scalar(select(func.count()).select_from(Artisan)) == 1


async def test_purged_artisan_is_gone_from_every_table_and_from_the_sqlite_files(
    fake: FakeTelegram, bot: BotApp, db: Sessions, settings: Settings
) -> None:
    url = make_url(settings.database_url)
    if url.get_backend_name() != "sqlite":
        pytest.skip("SQLite's files; PostgreSQL keeps dead rows until VACUUM")
    artisan = fake.user()
    await to_photos(artisan)
    async with db() as session, session.begin():  # name and product as the artisan typed them
        row = await session.scalar(select(Artisan).where(Artisan.telegram_id == artisan.id))
        assert row is not None
        row.name = NAME
        sub = await session.scalar(select(Submission).where(Submission.artisan_id == row.id))
        assert sub is not None
        sub.product_name = PRODUCT
    await artisan.send_photo()
    await artisan.press("हो गया")
    await artisan.press("जमा करें")
    later = fake.user()
    await submit_product(later)  # someone else's rows keep being written after the purge
    assert await truncate_wal(services_of(bot).engine)  # as the periodic checkpoints do: the
    assert NAME.encode() in raw(Path(str(url.database)))  # the rows are in the file itself

    await purge(artisan)
    await later.send("/status")
    async with db() as session:
        for model in (Artisan, Submission, Photo):  # the other artisan's only
            assert await session.scalar(select(func.count()).select_from(model)) == 1
        for query in (
            select(Event).where(Event.actor_id == artisan.id),
            select(Delivery).where(Delivery.chat_id == artisan.id),
            select(Dialogue).where(Dialogue.user_id == artisan.id),
        ):
            assert not (await session.scalars(query)).all()
    database = Path(str(url.database))
    for path in (database, database.with_name(database.name + "-wal")):
        data = raw(path)
        for secret in (NAME, PRODUCT, phone_of(artisan)):
            assert secret.encode() not in data, (path.name, secret)


def age(path: Path, by: timedelta) -> None:
    then = time.time() - by.total_seconds()
    os.utime(path, (then, then))


async def test_orphan_sweep_removes_old_unreferenced_files_and_keeps_downloads_in_flight(
    fake: FakeTelegram, bot: BotApp, db: Sessions, settings: Settings
) -> None:
    fake.fail("getFile", error_code=500, times=100)  # the download stays "in flight"
    artisan = fake.user()
    await to_photos(artisan)
    await artisan.send_photo()
    async with db() as session:
        [photo] = (await session.scalars(select(Photo))).all()
    media = settings.media_dir
    media.mkdir(parents=True, exist_ok=True)
    old = timedelta(hours=2)
    files = {
        "orphan.jpg": old,  # no row: swept
        "young-orphan.png": timedelta(minutes=5),  # maybe just written: kept for now
        f"{photo.file_unique_id}.png": old,  # its row is still waiting for the download
        ".stale.jpg.123.part": old,  # a download that died half-written
        ".fresh.jpg.123.part": timedelta(0),  # a download being written now
        "README.txt": old,  # not a name the bot gives: not ours to remove
    }
    for name, by in files.items():
        (media / name).write_bytes(b"\xff\xd8\xff" + name.encode())
        age(media / name, by)

    assert await sweep_orphans(services_of(bot).sessions, media) == 2
    assert kept_files(settings) == {
        "young-orphan.png",
        f"{photo.file_unique_id}.png",
        ".fresh.jpg.123.part",
        "README.txt",
    }
    assert await sweep_orphans(services_of(bot).sessions, media, timedelta(0)) == 1
    assert "young-orphan.png" not in kept_files(settings)


def test_orphan_sweep_runs_as_a_periodic_job() -> None:
    [job] = [j for j in catalogue.JOBS if j.callback is catalogue.sweep_orphan_media]
    assert job.every <= ORPHAN_AGE
