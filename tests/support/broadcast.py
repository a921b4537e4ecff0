"""Helpers shared by the broadcast tests: seeding artisans, queueing, waiting."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select

from bot.context import BotApp, services_of
from bot.handlers.broadcast_compose import lane_of
from bot.services.broadcast import ACTIVE, Audience, CraftCatalogue, queue_broadcast
from bot.storage.models import Artisan, Broadcast, Delivery, Submission, utcnow
from fake_telegram import FakeTelegram
from tests.support.world import ADMIN_ID, Sessions

NOTICE = "कारीगर शिविर 5 मार्च को आगरा में। <b>ज़रूर आएँ</b>"
NOTICE_PLAIN = "कारीगर शिविर 5 मार्च को आगरा में। ज़रूर आएँ"


async def seed(
    db: Sessions,
    fake: FakeTelegram | None,
    count: int,
    *,
    start: int = 500_000,
    states: Iterable[str] = (),
    **fields: Any,
) -> list[int]:
    """Registered artisans with telegram ids start..start+count (also users of the fake)."""
    ids = list(range(start, start + count))
    values: dict[str, Any] = {
        "locale": "hi",
        "district": "Agra",
        "craft": "चमड़ा उत्पाद",
        "consent_at": utcnow(),
    }
    values.update(fields)
    async with db() as session, session.begin():
        artisans = [Artisan(telegram_id=i, name=f"कारीगर {i}", **values) for i in ids]
        session.add_all(artisans)
        await session.flush()
        for artisan in artisans:
            session.add_all(
                Submission(artisan_id=artisan.id, state=state, district=artisan.district)
                for state in states
            )
    if fake is not None:
        for i in ids:
            fake.user(i)
    return ids


async def queue(
    app: BotApp,
    audience: Audience | None = None,
    text: str = NOTICE,
    photo: str | None = None,
) -> int:
    """Queue a broadcast as the admin's Send button does, and wake the lane."""
    services = services_of(app)
    async with services.sessions() as session, session.begin():
        broadcast = await queue_broadcast(
            session,
            created_by=ADMIN_ID,
            text=text,
            photo_file_id=photo,
            audience=audience or Audience(),
            catalogue=CraftCatalogue(services.districts),
            default_locale=services.settings.default_locale,
            ui_locale="hi",
        )
    lane = lane_of(app)
    assert lane is not None
    lane.wake()
    return broadcast.id


async def wait_finished(db: Sessions, broadcast_id: int, timeout: float = 20.0) -> Broadcast:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        async with db() as session:
            broadcast = await session.get(Broadcast, broadcast_id)
        assert broadcast is not None
        if broadcast.state not in ACTIVE:
            return broadcast
        assert loop.time() < deadline, f"broadcast still {broadcast.state} after {timeout}s"
        await asyncio.sleep(0.05)


def received(fake: FakeTelegram, chat_ids: Iterable[int], text: str = "") -> Counter[int]:
    """How many notices each chat accepted (successful sendMessage/sendPhoto calls)."""
    wanted = set(chat_ids)
    return Counter(
        call.chat_id
        for call in fake.calls
        if call.ok
        and call.method in ("sendMessage", "sendPhoto")
        and call.chat_id in wanted
        and text in call.text
    )


async def deliveries(db: Sessions, broadcast_id: int) -> list[Delivery]:
    async with db() as session:
        rows = await session.scalars(
            select(Delivery).where(Delivery.broadcast_id == broadcast_id).order_by(Delivery.id)
        )
        return list(rows)


async def artisan(db: Sessions, telegram_id: int) -> Artisan:
    async with db() as session:
        row = await session.scalar(select(Artisan).where(Artisan.telegram_id == telegram_id))
    assert row is not None
    return row
