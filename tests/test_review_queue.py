"""/queue reads per-district counters that database triggers keep; they never drift."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import delete, update

from bot.config import Settings
from bot.context import BotApp
from bot.storage.models import Artisan, State, Submission
from fake_telegram import FakeTelegram
from tests.support.factories import lapse, waiting
from tests.support.invariants import queue_counters
from tests.support.world import REVIEWER_ID, Sessions


@pytest.fixture
def settings(make_settings: Callable[..., Settings]) -> Settings:
    return make_settings(reviewer_ids=[REVIEWER_ID])


async def assert_counted(db: Sessions, expected: dict[str, int]) -> None:
    async with db() as session:
        kept, live = await queue_counters(session)
    assert kept == live == expected


async def test_counters_follow_every_kind_of_write(fake: FakeTelegram, db: Sessions) -> None:
    _, first = await waiting(fake, db, district="Gorakhpur")
    _, second = await waiting(fake, db, district="Gorakhpur")
    owner, third = await waiting(fake, db, district="Varanasi")
    await assert_counted(db, {"Gorakhpur": 2, "Varanasi": 1})

    async with db() as session, session.begin():  # through the ORM: claimed, then moved
        sub = await session.get(Submission, first)
        assert sub is not None
        sub.state = State.IN_REVIEW
        moved = await session.get(Submission, second)
        assert moved is not None
        moved.district = "Lucknow"
    await assert_counted(db, {"Lucknow": 1, "Varanasi": 1})

    async with db() as session, session.begin():  # a bulk UPDATE, and an unrelated column
        await session.execute(update(Submission).values(state=State.PENDING))
        await session.execute(update(Submission).values(product_name="मिट्टी का घड़ा"))
    await assert_counted(db, {"Gorakhpur": 1, "Lucknow": 1, "Varanasi": 1})

    async with db() as session, session.begin():  # a draft without a district is submitted
        session.add(Submission(state=State.DRAFT, version=0))
        await session.flush()
        await session.execute(
            update(Submission).where(Submission.state == State.DRAFT).values(state=State.PENDING)
        )
    await assert_counted(db, {"": 1, "Gorakhpur": 1, "Lucknow": 1, "Varanasi": 1})

    async with db() as session, session.begin():  # an artisan's data deleted: rows cascade
        await session.execute(delete(Artisan).where(Artisan.telegram_id == owner.id))
        await session.execute(delete(Submission).where(Submission.district.is_(None)))
    async with db() as session:
        assert await session.get(Submission, third) is None
    await assert_counted(db, {"Gorakhpur": 1, "Lucknow": 1})


async def test_queue_counts_claims_and_lapsed_claims(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    await waiting(fake, db, district="Gorakhpur")
    await waiting(fake, db, district="Gorakhpur")
    _, sub_id = await waiting(fake, db, district="Varanasi")
    reviewer = fake.user(REVIEWER_ID, language_code="en")

    await reviewer.send(f"/review ODOP-{sub_id:06d}")
    await reviewer.send("/queue")
    assert "2 waiting" in reviewer.last_text and "Varanasi" not in reviewer.last_text
    assert "Gorakhpur: 2" in reviewer.last_text
    assert "Being reviewed now: 1" in reviewer.last_text

    await lapse(db, sub_id)  # the reviewer walked away: the claim is waiting again
    await reviewer.send("/queue")
    assert "3 waiting" in reviewer.last_text and "Varanasi: 1" in reviewer.last_text
    assert "Being reviewed now: 0" in reviewer.last_text
