"""One sender per broadcast across instances: the lease in the broadcasts row."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from sqlalchemy import update

from bot.config import Settings
from bot.context import BotApp, Services, services_of
from bot.i18n import Translator
from bot.services.broadcast import Audience, CraftCatalogue, queue_broadcast
from bot.services.districts import DistrictIndex
from bot.storage.db import make_engine, make_sessionmaker, migrate
from bot.storage.models import Broadcast, utcnow
from bot.workers.broadcast_lane import HOST, BroadcastLane, claim_next, new_owner
from fake_telegram import FakeTelegram
from tests.support.broadcast import queue, received, seed, wait_finished
from tests.support.world import ADMIN_ID, Sessions


@pytest.fixture
async def services(settings: Settings) -> AsyncIterator[Services]:
    """The database without a running bot (so no lane claims anything behind the test)."""
    engine = make_engine(settings.database_url)
    await migrate(engine)
    yield Services(
        settings=settings,
        engine=engine,
        sessions=make_sessionmaker(engine),
        t=Translator(),
        districts=DistrictIndex.load(settings.districts_csv),
    )
    await engine.dispose()


async def queued(services: Services) -> int:
    async with services.sessions() as session, session.begin():
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
    return broadcast.id


async def set_lease(services: Services, broadcast_id: int, owner: str, seconds: float) -> None:
    async with services.sessions() as session, session.begin():
        await session.execute(
            update(Broadcast)
            .where(Broadcast.id == broadcast_id)
            .values(
                state="sending",
                lease_owner=owner,
                lease_until=utcnow() + timedelta(seconds=seconds),
            )
        )


async def test_a_live_lease_is_refused_and_an_expired_one_is_taken_over(
    services: Services,
) -> None:
    broadcast_id = await queued(services)
    assert await claim_next(services, "host-a/1/aaaa") == broadcast_id
    assert await claim_next(services, "host-b/2/bbbb") is None
    assert await claim_next(services, "host-a/1/aaaa") == broadcast_id  # renewal by its owner
    await set_lease(services, broadcast_id, "host-a/1/aaaa", -1)
    assert await claim_next(services, "host-b/2/bbbb") == broadcast_id
    async with services.sessions() as session:
        row = await session.get(Broadcast, broadcast_id)
    assert row is not None and row.lease_owner == "host-b/2/bbbb" and row.started_at


async def test_a_second_broadcast_waits_while_another_instance_sends_one(
    services: Services,
) -> None:
    first, second = await queued(services), await queued(services)
    assert await claim_next(services, "host-a/1/aaaa") == first
    assert await claim_next(services, "host-b/2/bbbb") is None
    await set_lease(services, first, "host-a/1/aaaa", -1)
    async with services.sessions() as session, session.begin():
        await session.execute(update(Broadcast).where(Broadcast.id == first).values(state="done"))
    assert await claim_next(services, "host-b/2/bbbb") == second


async def test_a_restarted_bot_takes_over_from_its_dead_process_at_once(
    services: Services,
) -> None:
    broadcast_id = await queued(services)
    await set_lease(services, broadcast_id, f"{HOST}/{os.getppid()}/live", 30)
    assert await claim_next(services, new_owner()) is None  # that process still runs
    finished = await asyncio.create_subprocess_exec("true")
    await finished.wait()
    await set_lease(services, broadcast_id, f"{HOST}/{finished.pid}/dead", 30)
    assert await claim_next(services, new_owner()) == broadcast_id


async def test_two_senders_on_one_database_deliver_each_notice_once(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    ids = await seed(db, fake, 60)
    fake.user(ADMIN_ID)
    other = BroadcastLane.with_own_bot(services_of(bot))
    other.owner = f"other-{other.owner}"
    other.start()
    try:
        broadcast_id = await queue(bot)
        other.wake()
        await wait_finished(db, broadcast_id)
    finally:
        await other.stop()
    assert received(fake, ids, "शिविर") == {i: 1 for i in ids}
