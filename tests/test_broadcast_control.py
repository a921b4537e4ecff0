"""Artisans opt out and back in; admins list and stop broadcasts."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

from sqlalchemy import update

from bot.config import Settings
from bot.context import BotApp, services_of
from bot.services.broadcast import Audience, CraftCatalogue, queue_broadcast
from bot.storage.models import Artisan
from fake_telegram import FakeTelegram
from tests.support.broadcast import artisan, deliveries, queue, received, seed, wait_finished
from tests.support.world import ADMIN_ID, Sessions


async def test_artisan_stops_notices_in_english_and_gets_none_until_started_again(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    ids = await seed(db, fake, 2, locale="en")
    fake.user(ADMIN_ID)
    quitter = fake.users[ids[0]]
    await quitter.send("/stopnotices")
    assert "you will not get notices" in quitter.last_text
    assert not (await artisan(db, ids[0])).notices_opt_in
    first = await wait_finished(db, await queue(bot))
    assert first.total == 1 and received(fake, ids, "शिविर") == {ids[1]: 1}

    await quitter.send("/startnotices")
    assert "you will get notices again" in quitter.last_text
    await wait_finished(db, await queue(bot, text="दूसरी सूचना"))
    assert received(fake, [ids[0]], "दूसरी सूचना") == {ids[0]: 1}


async def test_unregistered_user_asking_to_stop_notices_is_told_to_register(
    fake: FakeTelegram, bot: BotApp
) -> None:
    stranger = fake.user()
    await stranger.send("/stopnotices")
    assert "पंजीकृत कारीगरों" in stranger.last_text


async def test_artisan_who_opts_out_after_queueing_is_skipped(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    ids = await seed(db, fake, 3)
    fake.user(ADMIN_ID)
    services = services_of(bot)
    async with db() as session, session.begin():
        broadcast = await queue_broadcast(
            session,
            created_by=ADMIN_ID,
            text="सूचना",
            photo_file_id=None,
            audience=Audience(),
            catalogue=CraftCatalogue(services.districts),
            default_locale="hi",
            ui_locale="hi",
        )
        await session.execute(
            update(Artisan).where(Artisan.telegram_id == ids[1]).values(notices_opt_in=False)
        )
    finished = await wait_finished(db, broadcast.id)
    rows = {d.chat_id: d for d in await deliveries(db, finished.id)}
    assert (rows[ids[1]].state, rows[ids[1]].error) == ("skipped", "opted out")
    assert received(fake, ids) == {ids[0]: 1, ids[2]: 1}


async def test_admin_stops_a_running_broadcast_and_the_rest_get_nothing(
    fake: FakeTelegram,
    make_settings: Callable[..., Settings],
    start_bot: Callable[[Settings], AbstractAsyncContextManager[BotApp]],
) -> None:
    async with start_bot(make_settings(broadcast_rate=4)) as app:
        db = services_of(app).sessions
        ids = await seed(db, fake, 20)
        admin = fake.user(ADMIN_ID)
        broadcast_id = await queue(app)
        await fake.wait_for(lambda: len(received(fake, ids)) >= 2)
        await admin.send(f"/cancelbroadcast {broadcast_id}")
        assert f"सूचना #{broadcast_id} रोक दी" in admin.last_text
        told = int(admin.last_text.split("रोक दी। ")[1].split()[0])  # "N कारीगरों को जा चुकी थी"
        stopped = await wait_finished(db, broadcast_id)
        await fake.wait_for(lambda: "रोक दी गई" in admin.last_text)
    assert stopped.state == "cancelled"
    got = received(fake, ids)
    assert 2 <= len(got) < 20 and set(got.values()) == {1}
    # Only the sends in flight (the lane's width at 4/s: 2) went after the admin was told: the
    # sender used to notice the cancel at its next lease renewal, seconds later.
    assert len(got) <= told + 2
    states = {d.chat_id: d.state for d in await deliveries(db, broadcast_id)}
    assert {states[i] for i in ids if i not in got} == {"skipped"}
    assert "नहीं भेजी गई" in admin.last_text


async def test_admin_lists_recent_broadcasts_with_their_counts(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    ids = await seed(db, fake, 3)
    admin = fake.user(ADMIN_ID)
    fake.block(ids[0])
    broadcast_id = await queue(bot, text="<b>मेला</b> 10 मार्च को लखनऊ में")
    await wait_finished(db, broadcast_id)
    await admin.send("/broadcasts")
    listing = admin.last_text
    assert f"#{broadcast_id}" in listing and "पूरी हुई" in listing
    assert "मेला 10 मार्च को लखनऊ में" in listing
    assert "भेजी गई 2/3" in listing and "विफल 1" in listing


async def test_admin_cancels_an_unknown_or_finished_broadcast_and_is_told_why(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    await seed(db, fake, 1)
    admin = fake.user(ADMIN_ID)
    await admin.send("/cancelbroadcast")
    assert "/cancelbroadcast 12" in admin.last_text
    await admin.send("/cancelbroadcast 999")
    assert "#999 नहीं मिली" in admin.last_text
    broadcast_id = await queue(bot)
    await wait_finished(db, broadcast_id)
    await admin.send(f"/cancelbroadcast {broadcast_id}")
    assert "पहले ही पूरी हुई" in admin.last_text
