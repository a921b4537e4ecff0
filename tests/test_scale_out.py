"""Two bot instances in webhook mode behind one load balancer, sharing one PostgreSQL database."""

from __future__ import annotations

import asyncio
import itertools
from collections import Counter
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, AsyncExitStack
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.context import BotApp, services_of
from bot.handlers.broadcast_compose import lane_of
from bot.storage.db import make_engine, make_sessionmaker
from bot.storage.models import Artisan, Event, State, Submission
from bot.storage.queries import lock_user
from fake_telegram import FakeTelegram
from tests.support.broadcast import queue, received, seed, wait_finished
from tests.support.factories import waiting
from tests.support.journey import submit_product
from tests.support.world import REVIEWER_2, REVIEWER_ID, TEST_DATABASE_URL, free_port

pytestmark = pytest.mark.skipif(
    not TEST_DATABASE_URL,
    reason="several instances share one PostgreSQL database: set TEST_DATABASE_URL",
)
SECRET = "scale-out-secret-of-32-characters-at-least"


class RoundRobin:
    """What nginx does in docs/deployment.md: each webhook POST to the next instance."""

    def __init__(self, backends: list[str]) -> None:
        self.backends = itertools.cycle(backends)
        self.served: Counter[str] = Counter()
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/hook"

    async def forward(self, request: web.Request) -> web.Response:
        backend = next(self.backends)
        self.served[backend] += 1
        headers = {k: v for k, v in request.headers.items() if k.lower().startswith("x-telegram")}
        headers["Content-Type"] = "application/json"
        async with self.client.post(backend, data=await request.read(), headers=headers) as answer:
            return web.Response(status=answer.status)

    async def __aenter__(self) -> RoundRobin:
        self.client = aiohttp.ClientSession()
        app = web.Application()
        app.router.add_post("/hook", self.forward)
        self.runner = web.AppRunner(app, access_log=None)
        await self.runner.setup()
        await web.TCPSite(self.runner, "127.0.0.1", self.port).start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.runner.cleanup()
        await self.client.close()


@pytest.fixture
async def instances(
    make_settings: Callable[..., Settings],
    start_bot: Callable[[Settings], AbstractAsyncContextManager[BotApp]],
) -> AsyncIterator[tuple[BotApp, BotApp, RoundRobin]]:
    ports = [free_port(), free_port()]
    balancer = RoundRobin([f"http://127.0.0.1:{p}/hook" for p in ports])
    async with balancer, AsyncExitStack() as stack:
        apps = [
            await stack.enter_async_context(
                start_bot(
                    make_settings(
                        webhook_url=balancer.url,
                        webhook_secret=SECRET,
                        webhook_port=port,
                        reviewer_ids=[REVIEWER_ID, REVIEWER_2],
                        broadcast_rate=400,
                    )
                )
            )
            for port in ports
        ]
        yield apps[0], apps[1], balancer


Instances = tuple[BotApp, BotApp, RoundRobin]


def sessions(instances: Instances) -> Callable[[], AsyncSession]:
    return services_of(instances[0]).sessions


async def test_artisans_register_at_once_across_two_instances_without_mixing_answers(
    fake: FakeTelegram, instances: Instances
) -> None:
    artisans = [fake.user() for _ in range(8)]
    await asyncio.gather(*(submit_product(a) for a in artisans))
    assert min(instances[2].served.values()) > 20, "the balancer did not use both instances"
    async with sessions(instances)() as session:
        for user in artisans:
            row = await session.scalar(select(Artisan).where(Artisan.telegram_id == user.id))
            assert row is not None and row.name == "सुनीता देवी"
            assert row.phone == f"+9198765{user.id % 100000:05d}"
            subs = (
                await session.scalars(select(Submission).where(Submission.artisan_id == row.id))
            ).all()
            assert [(s.state, s.product_name, s.price) for s in subs] == [
                (State.PENDING, "टेराकोटा हाथी", 1200)
            ]
            assert any(s.reference in t for s in subs for t in user.texts)


async def test_one_users_transactions_wait_for_each_other_across_instances(
    database_url: str,
) -> None:
    """A webhook POST is acknowledged before it is handled, so an artisan's next update can
    reach the other instance while the first is still being handled: it waits for that
    transaction to end, while other users' updates go on."""
    engine = make_engine(database_url)
    sessions = make_sessionmaker(engine)
    try:
        async with sessions() as first, sessions() as second, sessions() as other:
            await lock_user(first, 42)
            blocked = asyncio.create_task(lock_user(second, 42))
            try:
                await asyncio.wait_for(lock_user(other, 43), timeout=5)
                await asyncio.sleep(0.3)
                assert not blocked.done(), "a second transaction for the same user did not wait"
                await first.commit()
                await asyncio.wait_for(blocked, timeout=5)
            finally:
                blocked.cancel()
    finally:
        await engine.dispose()


async def test_two_reviewers_on_two_instances_never_share_a_submission(
    fake: FakeTelegram, instances: Instances
) -> None:
    db = sessions(instances)
    for _ in range(10):
        await waiting(fake, db)
    first, second = fake.user(REVIEWER_ID), fake.user(REVIEWER_2)

    async def work(reviewer: Any) -> int:
        approved = 0
        while True:
            await reviewer.send("/review next", settle=0.3)
            if "✅ स्वीकृत करें" not in reviewer.buttons:
                return approved
            await reviewer.press("✅ स्वीकृत करें")
            approved += 1

    done = await asyncio.gather(work(first), work(second))
    assert sum(done) == 10 and min(done) > 0
    async with db() as session:
        events = (await session.scalars(select(Event))).all()
        states = (await session.scalars(select(Submission.state))).all()
    claims = Counter(e.submission_id for e in events if e.to_state == State.IN_REVIEW)
    approvals = Counter(e.submission_id for e in events if e.to_state == State.APPROVED)
    assert set(claims.values()) == {1} and set(approvals.values()) == {1}
    assert set(states) == {State.APPROVED}


async def test_a_broadcast_reaches_each_artisan_once_with_two_senders(
    fake: FakeTelegram, instances: Instances
) -> None:
    db = sessions(instances)
    ids = await seed(db, fake, 300)
    broadcast_id = await queue(instances[0], text="शिविर कल सुबह 10 बजे")
    second_lane = lane_of(instances[1])
    assert second_lane is not None
    second_lane.wake()  # both instances now compete for the broadcast
    finished = await wait_finished(db, broadcast_id, timeout=60)
    assert (finished.sent, finished.failed) == (300, 0)
    counts = received(fake, ids, "शिविर कल")
    assert set(counts.values()) == {1} and len(counts) == 300
