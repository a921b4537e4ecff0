"""A very blurry or very dark photo gets a retake hint at once; a re-sent copy of another
artisan's photo is flagged to the reviewer."""

from __future__ import annotations

import asyncio

from sqlalchemy import select

from bot.context import BotApp
from bot.handlers.catalogue import photo_worker
from bot.storage.models import Photo
from fake_telegram import FakeTelegram, FakeUser
from tests.support.journey import BUTTONS, english, to_district, to_photos
from tests.support.photo_samples import blurred, darkened, jpeg, product_photo, resized
from tests.support.world import REVIEWER_ID, Sessions

BLURRY_HINT = "फ़ोटो धुंधली लग रही है"
DARK_HINT = "फ़ोटो बहुत अंधेरी है"
KEEP = "रहने दें, यही ठीक है"
RETAKE = "📷 नई फ़ोटो खींचूँगा"
SHARP = product_photo()


async def photos(db: Sessions) -> list[Photo]:
    async with db() as session:
        return list((await session.scalars(select(Photo).order_by(Photo.id))).all())


async def all_kept(db: Sessions, timeout: float = 10.0) -> list[Photo]:
    """Wait for the background worker to keep every photo."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        rows = await photos(db)
        if all(p.local_path for p in rows) or loop.time() > deadline:
            return rows
        await asyncio.sleep(0.05)


async def hint_shown(fake: FakeTelegram, artisan: FakeUser, hint: str) -> None:
    await fake.wait_for(lambda: any(hint in text for text in artisan.texts))


async def test_artisan_sends_blurry_photo_gets_retake_hint_at_once(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    await to_photos(artisan)
    await artisan.send_photo(content=jpeg(blurred(SHARP, 8)))
    await hint_shown(fake, artisan, BLURRY_HINT)
    assert any("1/5" in text for text in artisan.texts)
    hint = artisan.last
    assert hint.caption is not None and "पिक्सेल" not in hint.caption
    assert artisan.buttons == [RETAKE, KEEP]
    [photo] = await photos(db)
    assert photo.quality == "blurry" and photo.local_path is not None
    assert [c.method for c in fake.calls_of("sendPhoto")] == ["sendPhoto"]


async def test_artisan_sends_dark_photo_gets_retake_hint(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    await to_photos(artisan)
    await artisan.send_photo(content=jpeg(darkened(SHARP, 0.15)))
    await hint_shown(fake, artisan, DARK_HINT)
    [photo] = await photos(db)
    assert photo.quality == "dark"


async def test_artisan_sends_good_photo_gets_no_hint(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    await to_photos(artisan)
    await artisan.send_photo(content=jpeg(SHARP))
    [photo] = await all_kept(db)
    await photo_worker(bot).run_once()  # a round after the keeping one: nothing more to say
    assert photo.quality is None and photo.phash is not None
    assert not fake.calls_of("sendPhoto")
    assert "1/5" in artisan.last_text


async def test_hint_telegram_refuses_leaves_the_kept_photo_as_it_is(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    fake.fail("sendPhoto", error_code=400, description="Bad Request: refused")
    artisan = fake.user()
    await to_photos(artisan)
    await artisan.send_photo(content=jpeg(blurred(SHARP, 8)))
    [photo] = await all_kept(db)
    await fake.wait_for(lambda: bool(fake.calls_of("sendPhoto")))
    again = await photo_worker(bot).run_once()
    assert again.picked == 0 and len(fake.calls_of("getFile")) == 1  # kept once, not again
    assert photo.quality == "blurry" and photo.download_attempts == 0
    assert len(fake.calls_of("sendPhoto")) == 1  # a lost hint is not worth a second try


async def test_artisan_keeps_blurry_photo_with_one_tap(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    await to_photos(artisan)
    await artisan.send_photo(content=jpeg(blurred(SHARP, 8)))
    await hint_shown(fake, artisan, BLURRY_HINT)
    await artisan.press(KEEP)
    assert "यही फ़ोटो रहेगी" in artisan.last_text and artisan.last.reply_markup in (None, {})
    assert len(await photos(db)) == 1
    await artisan.press(BUTTONS["hi"]["done"])  # the registration goes on as before
    assert "फ़ोटो: 1" in artisan.last_text and BUTTONS["hi"]["submit"] in artisan.buttons[0]


async def test_artisan_replaces_blurry_photo_and_is_asked_for_a_new_one(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    await to_photos(artisan)
    await artisan.send_photo(content=jpeg(SHARP))
    await artisan.send_photo(content=jpeg(blurred(SHARP.rotate(90), 8)))
    await hint_shown(fake, artisan, BLURRY_HINT)
    await artisan.press(RETAKE, expect=2)
    assert "अभी तक: 1/5" in artisan.last_text
    rows = await photos(db)
    assert [(p.position, p.quality) for p in rows] == [(1, None)]
    await artisan.send_photo(content=jpeg(product_photo(seed=3)))
    assert "2/5" in artisan.last_text


async def test_blurry_photo_sent_ahead_of_the_photo_question_can_be_taken_again(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """Sent before the photo step, the photo is kept; its retake removes it and asks the
    question at hand again (not "change it at the summary", which is still ahead)."""
    artisan = fake.user()
    await to_district(artisan)
    await artisan.send_photo(content=jpeg(blurred(SHARP, 8)))
    await hint_shown(fake, artisan, BLURRY_HINT)
    await artisan.press(RETAKE, expect=2)
    assert "किस ज़िले" in artisan.last_text and await photos(db) == []


async def test_other_artisan_cannot_press_anothers_hint(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    await to_photos(artisan)
    await artisan.send_photo(content=jpeg(blurred(SHARP, 8)))
    await hint_shown(fake, artisan, BLURRY_HINT)
    [photo] = await photos(db)
    stranger = fake.user()
    await to_photos(stranger)
    await stranger.press(data=f"pq:new:{photo.id}", expect=0)
    await stranger.press(data="pq:new:x1", expect=0)
    assert len(stranger.alerts) == 2
    assert len(await photos(db)) == 1


async def submit_with(artisan: FakeUser, content: bytes) -> str:
    await to_photos(artisan)
    await artisan.send_photo(content=content)
    await artisan.press(BUTTONS["hi"]["done"])
    await artisan.press(BUTTONS["hi"]["submit"])
    text = artisan.last_text
    return text[text.index("ODOP-") :][:11]


async def test_reviewer_sees_resent_copy_of_another_artisans_photo_flagged(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    first, copier, honest = fake.user(), fake.user(), fake.user()
    original = await submit_with(first, jpeg(SHARP))
    await all_kept(db)
    copy = await submit_with(copier, jpeg(resized(SHARP, 0.6), quality=60))
    own = await submit_with(honest, jpeg(product_photo(seed=9)))
    rows = await all_kept(db)
    assert len({p.file_unique_id for p in rows}) == 3
    assert not any(p.reused_elsewhere for p in rows)  # a new file: only the hash tells

    reviewer = await english(fake.user(REVIEWER_ID))
    await reviewer.send(f"/review {copy}", expect=2)
    assert f"looks like one in another artisan's application {original}" in reviewer.last_text
    await reviewer.send(f"/review {original}", expect=2)
    assert copy in reviewer.last_text  # either way: who copied whom is the reviewer's call
    await reviewer.send(f"/review {own}", expect=2)
    assert "looks like" not in reviewer.last_text
