"""The claim rules without Telegram: many concurrent claims on the bot's own database.

Runs on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set (then claims race across
connections exactly as several bot instances would).
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy import func, select

from bot.context import BotApp
from bot.services import review
from bot.services.roles import StaffView
from bot.storage.models import Event, State, utcnow
from fake_telegram import FakeTelegram
from tests.support.factories import events, lapse, states, waiting
from tests.support.world import Sessions

LEASE = timedelta(minutes=30)


def reviewers(count: int) -> list[StaffView]:
    return [StaffView(800_000 + i, is_reviewer=True) for i in range(count)]


async def claim_next(db: Sessions, view: StaffView) -> int | None:
    async with db() as session, session.begin():
        claimed = await review.claim_next(session, view, LEASE)
        return None if claimed is None else claimed.submission.id


async def claim(db: Sessions, view: StaffView, submission_id: int) -> bool:
    async with db() as session, session.begin():
        return (await review.claim(session, view, submission_id, LEASE)).ok


async def test_many_concurrent_next_claims_hand_out_each_submission_once(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    ids = [(await waiting(fake, db, age=timedelta(minutes=10 - i)))[1] for i in range(6)]
    views = reviewers(20)
    got = await asyncio.gather(*(claim_next(db, v) for v in views))
    taken = [g for g in got if g is not None]
    assert sorted(taken) == sorted(ids)
    holders = {sub_id: view.user_id for view, sub_id in zip(views, got, strict=True) if sub_id}
    assert {i: (State.IN_REVIEW, holders[i]) for i in ids} == await states(db)
    async with db() as session:
        claims = await session.scalar(
            select(func.count()).select_from(Event).where(Event.to_state == State.IN_REVIEW)
        )
    assert claims == len(ids)


async def test_many_concurrent_claims_of_one_submission_give_it_to_one(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    _, sub_id = await waiting(fake, db)
    results = await asyncio.gather(*(claim(db, v, sub_id) for v in reviewers(12)))
    assert results.count(True) == 1
    assert len(await events(db, sub_id)) == 1


async def test_claim_next_takes_oldest_in_scope_and_skips_other_districts(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    _, old_gorakhpur = await waiting(fake, db, age=timedelta(days=3))
    _, varanasi = await waiting(fake, db, district="Varanasi", age=timedelta(days=1))
    _, new_varanasi = await waiting(fake, db, district="Varanasi")
    scoped = StaffView(800_100, is_reviewer=True, districts=frozenset({"Varanasi"}))
    assert await claim_next(db, scoped) == varanasi
    assert await claim_next(db, scoped) == varanasi  # still holding it: the same one again
    assert not await claim(db, scoped, old_gorakhpur)
    everyone = StaffView(800_101, is_reviewer=True)
    assert await claim_next(db, everyone) == old_gorakhpur
    assert await claim_next(db, StaffView(800_102, is_reviewer=True)) == new_varanasi


async def test_lapsed_lease_is_claimable_and_the_old_holder_cannot_decide(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    _, sub_id = await waiting(fake, db)
    first, second = reviewers(2)
    assert await claim(db, first, sub_id)
    assert not await claim(db, second, sub_id)
    await lapse(db, sub_id)
    assert await claim(db, second, sub_id)
    async with db() as session, session.begin():
        outcome = await review.decide(session, first, sub_id, State.APPROVED)
    assert outcome.refusal == review.Refusal.NOT_HELD
    assert (await states(db))[sub_id] == (State.IN_REVIEW, second.user_id)


async def test_expiry_job_never_touches_a_decided_submission(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    _, decided = await waiting(fake, db)
    _, lapsed = await waiting(fake, db)
    first, second = reviewers(2)
    assert await claim(db, first, decided)
    assert await claim(db, second, lapsed)
    async with db() as session, session.begin():
        assert (await review.decide(session, first, decided, State.APPROVED)).ok
    await lapse(db, lapsed)
    async with db() as session, session.begin():
        returned = await review.expire_leases(session, utcnow())
    assert [(s.id, holder) for s, holder in returned] == [(lapsed, second.user_id)]
    assert await states(db) == {decided: (State.APPROVED, None), lapsed: (State.PENDING, None)}
