"""The delivery engine against the fake Bot API: once each, paced, faults, unreachable artisans."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

from bot.config import Settings
from bot.context import BotApp, services_of
from bot.services.broadcast import ACTIVE, PENDING
from bot.storage.models import Broadcast
from fake_telegram import FakeTelegram
from tests.support.broadcast import artisan, deliveries, queue, received, seed, wait_finished
from tests.support.world import ADMIN_ID

StartBot = Callable[[Settings], AbstractAsyncContextManager[BotApp]]
MakeSettings = Callable[..., Settings]
# The pacer's bucket holds two sends (see `Pacer`), so a 1-second window holds at most
# `rate` + 1 of them as the lane sees it; the fake timestamps each request on arrival, and HTTP
# jitter can pull a late request next to an on-time one: allow one more for that.
JITTER_ALLOWANCE = 2


async def test_thousand_artisans_each_get_the_notice_exactly_once(
    fake: FakeTelegram, make_settings: MakeSettings, start_bot: StartBot
) -> None:
    async with start_bot(make_settings(broadcast_rate=1000)) as app:
        db = services_of(app).sessions
        ids = await seed(db, fake, 1000)
        fake.user(ADMIN_ID)
        broadcast = await wait_finished(db, await queue(app), timeout=90)
        assert received(fake, ids, "शिविर") == {i: 1 for i in ids}
        assert (broadcast.total, broadcast.sent, broadcast.failed) == (1000, 1000, 0)
        rows = await deliveries(db, broadcast.id)
        assert {(d.state, d.attempts) for d in rows} == {("sent", 1)}
        assert all(d.message_id for d in rows)


async def test_injected_429s_pause_the_lane_and_nothing_is_lost(
    fake: FakeTelegram, make_settings: MakeSettings, start_bot: StartBot
) -> None:
    async with start_bot(make_settings(broadcast_rate=50)) as app:
        db = services_of(app).sessions
        ids = await seed(db, fake, 20)
        fake.user(ADMIN_ID)
        fake.fail("sendMessage", error_code=429, retry_after=1, times=3)
        await wait_finished(db, await queue(app))
        assert received(fake, ids, "शिविर") == {i: 1 for i in ids}
    calls = fake.calls_of("sendMessage")
    limited = [c.at for c in calls if c.status == 429]
    assert len(limited) == 3
    for at in limited:  # quiet for the second Telegram asked for (in-flight ones excepted)
        assert not [c for c in calls if c.ok and at + 0.2 < c.at < at + 0.95]
    sends = [c.at for c in calls if c.ok and c.chat_id in set(ids)]
    assert max(sends) - limited[0] > 2.9  # 20 sends at 50/s would take 0.4 s unpaused


async def test_server_errors_are_retried_and_a_reason_is_kept_after_the_last_try(
    fake: FakeTelegram, bot: BotApp
) -> None:
    db = services_of(bot).sessions
    ids = await seed(db, fake, 4)
    fake.user(ADMIN_ID)
    fake.fail("sendMessage", error_code=500, times=2, chat_id=ids[0])
    fake.fail("sendMessage", error_code=502, times=4, chat_id=ids[1])
    broadcast = await wait_finished(db, await queue(bot))
    rows = {d.chat_id: d for d in await deliveries(db, broadcast.id)}
    assert (rows[ids[0]].state, rows[ids[0]].attempts) == ("sent", 3)
    assert (rows[ids[1]].state, rows[ids[1]].attempts) == ("failed", 4)
    assert rows[ids[1]].error == "Bad Gateway"
    assert received(fake, ids) == {ids[0]: 1, ids[2]: 1, ids[3]: 1}
    assert (broadcast.sent, broadcast.failed) == (3, 1)
    admin = fake.users[ADMIN_ID]
    await fake.wait_for(lambda: "Bad Gateway" in admin.last_text)
    assert "विफल: 1" in admin.last_text


async def test_blocked_and_unknown_chats_are_marked_unreachable_and_skipped_next_time(
    fake: FakeTelegram, bot: BotApp
) -> None:
    db = services_of(bot).sessions
    ids = await seed(db, fake, 3)
    ghost = (await seed(db, None, 1, start=600_000))[0]  # never started the bot: chat not found
    fake.user(ADMIN_ID)
    fake.block(ids[0])
    first = await wait_finished(db, await queue(bot))
    rows = {d.chat_id: d for d in await deliveries(db, first.id)}
    assert rows[ids[0]].state == "failed" and "blocked" in (rows[ids[0]].error or "")
    assert rows[ghost].state == "failed" and "chat not found" in (rows[ghost].error or "").lower()
    assert not (await artisan(db, ids[0])).reachable and not (await artisan(db, ghost)).reachable
    assert (await artisan(db, ids[1])).reachable
    tried = len(fake.calls_of("sendMessage"))

    second = await wait_finished(db, await queue(bot))
    assert second.total == 2
    later = fake.calls_of("sendMessage")[tried:]
    assert not [c for c in later if c.chat_id in (ids[0], ghost)]


async def test_artisan_who_unblocks_and_writes_again_gets_the_next_notice(
    fake: FakeTelegram, bot: BotApp
) -> None:
    db = services_of(bot).sessions
    ids = await seed(db, fake, 2)
    fake.user(ADMIN_ID)
    fake.block(ids[0])
    await wait_finished(db, await queue(bot))
    assert not (await artisan(db, ids[0])).reachable
    fake.unblock(ids[0])
    await fake.users[ids[0]].send("/start")
    assert (await artisan(db, ids[0])).reachable
    await wait_finished(db, await queue(bot, text="दूसरी सूचना"))
    assert received(fake, ids, "दूसरी सूचना") == {ids[0]: 1, ids[1]: 1}


async def test_send_rate_never_exceeds_the_configured_rate(
    fake: FakeTelegram, make_settings: MakeSettings, start_bot: StartBot
) -> None:
    rate = 40
    async with start_bot(make_settings(broadcast_rate=rate)) as app:
        db = services_of(app).sessions
        ids = set(await seed(db, fake, 120))
        fake.user(ADMIN_ID)
        await wait_finished(db, await queue(app))
    sends = sorted(c.at for c in fake.calls_of("sendMessage") if c.chat_id in ids)
    assert len(sends) == 120
    busiest = max(bisect_left(sends, at + 1.0) - i for i, at in enumerate(sends))
    assert busiest <= rate + JITTER_ALLOWANCE


async def test_artisan_gets_help_promptly_while_a_broadcast_is_running(
    fake: FakeTelegram, make_settings: MakeSettings, start_bot: StartBot
) -> None:
    async with start_bot(make_settings(broadcast_rate=4)) as app:
        db = services_of(app).sessions
        ids = await seed(db, fake, 12)
        fake.user(ADMIN_ID)
        broadcast_id = await queue(app)
        [quiet] = await seed(db, fake, 1, start=600_000, notices_opt_in=False)
        await fake.wait_for(lambda: len(received(fake, ids)) >= 2)
        [reply] = await fake.users[quiet].send("/help")
        assert "यह बॉट क्या करता है" in reply.text
        still_pending = [d for d in await deliveries(db, broadcast_id) if d.state == PENDING]
        assert len(still_pending) >= 3
        async with db() as session:
            row = await session.get(Broadcast, broadcast_id)
            assert row is not None and row.state in ACTIVE
        await wait_finished(db, broadcast_id)
    last_notice = max(c.at for c in fake.calls_of("sendMessage") if c.chat_id in set(ids))
    assert reply.at < last_notice
