"""`python -m bot` killed with SIGKILL half-way through a broadcast, then restarted."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.services.broadcast import Audience, CraftCatalogue, queue_broadcast
from bot.services.districts import DistrictIndex
from bot.storage.db import make_engine, make_sessionmaker, migrate
from bot.storage.models import Broadcast
from bot.workers.broadcast_lane import lane_width
from fake_telegram import FakeTelegram
from tests.support.broadcast import NOTICE, deliveries, received, seed
from tests.support.process import bot_env, start_process
from tests.support.world import ADMIN_ID, TOKEN

RECIPIENTS = 100
RATE = 20


async def queue_before_start(sessions: async_sessionmaker[AsyncSession]) -> int:
    index = DistrictIndex.load(Settings.model_fields["districts_csv"].default)
    async with sessions() as session, session.begin():
        broadcast = await queue_broadcast(
            session,
            created_by=ADMIN_ID,
            text=NOTICE,
            photo_file_id=None,
            audience=Audience(),
            catalogue=CraftCatalogue(index),
            default_locale="hi",
            ui_locale="hi",
        )
    return broadcast.id


async def finished(sessions: async_sessionmaker[AsyncSession], broadcast_id: int) -> bool:
    async with sessions() as session:
        broadcast = await session.get(Broadcast, broadcast_id)
    return broadcast is not None and broadcast.state == "done"


@pytest.mark.parametrize("inflight", [None, 1], ids=["default-width", "one-in-flight"])
async def test_kill_9_half_way_then_restart_delivers_the_rest_with_at_most_one_duplicate(
    fake: FakeTelegram, tmp_path: Path, inflight: int | None
) -> None:
    env = bot_env(
        tmp_path,
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_URL=fake.url,
        ADMIN_IDS=str(ADMIN_ID),
        BROADCAST_RATE=str(RATE),
        **({"BROADCAST_INFLIGHT": str(inflight)} if inflight else {}),
    )
    engine = make_engine(env["DATABASE_URL"])
    await migrate(engine)
    sessions = make_sessionmaker(engine)
    ids = await seed(sessions, fake, RECIPIENTS)
    fake.user(ADMIN_ID)
    broadcast_id = await queue_before_start(sessions)

    process = await start_process(env, tmp_path)
    try:
        await fake.wait_for(lambda: len(received(fake, ids)) >= RECIPIENTS // 2, timeout=60)
    finally:
        process.send_signal(signal.SIGKILL)
        await process.communicate()
    before = sum(received(fake, ids).values())
    assert before < RECIPIENTS

    process = await start_process(env, tmp_path)
    try:
        await fake.wait_for(lambda: len(received(fake, ids)) == RECIPIENTS, timeout=60)
        for _ in range(200):
            if await finished(sessions, broadcast_id):
                break
            await asyncio.sleep(0.05)
    finally:
        process.terminate()
        await process.communicate()

    got = received(fake, ids)
    assert set(got) == set(ids)
    # Only sends in flight at the kill (accepted, not yet committed) can repeat: at most one
    # per artisan, and at most the lane's width in all (see bot/services/broadcast_run.py).
    assert max(got.values()) <= 2
    assert sum(n - 1 for n in got.values()) <= lane_width(RATE, inflight)
    assert await finished(sessions, broadcast_id)
    rows = await deliveries(sessions, broadcast_id)
    assert {d.state for d in rows} == {"sent"}
    await engine.dispose()
