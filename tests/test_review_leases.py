"""Claims with a lease over the fake Bot API: concurrent reviewers, held claims, expiry."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import timedelta

import pytest

from bot.config import Settings
from bot.context import BotApp
from bot.handlers.review import return_lapsed_claims
from bot.storage.models import State
from fake_telegram import FakeTelegram
from tests.support.factories import events, lapse, reference, submission, waiting
from tests.support.world import REVIEWER_2, REVIEWER_ID, Sessions


@pytest.fixture
def settings(make_settings: Callable[..., Settings]) -> Settings:
    return make_settings(reviewer_ids=[REVIEWER_ID, REVIEWER_2])


async def test_two_reviewers_at_once_never_get_the_same_submission(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    _, first = await waiting(fake, db, age=timedelta(hours=2))
    _, second = await waiting(fake, db, age=timedelta(hours=1))
    one = fake.user(REVIEWER_ID, language_code="en")
    two = fake.user(REVIEWER_2, language_code="en")
    await asyncio.gather(one.send("/review next", expect=2), two.send("/review next", expect=2))
    shown = {one.last_text.split()[0], two.last_text.split()[0]}
    assert shown == {reference(first), reference(second)}
    holders = {(await submission(db, i)).claimed_by for i in (first, second)}
    assert holders == {REVIEWER_ID, REVIEWER_2}


async def test_two_reviewers_racing_for_one_submission_only_one_gets_it(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    _, sub_id = await waiting(fake, db)
    one = fake.user(REVIEWER_ID, language_code="en")
    two = fake.user(REVIEWER_2, language_code="en")
    await asyncio.gather(one.send("/review next"), two.send("/review next"))
    texts = [one.last_text, two.last_text]
    assert sum(reference(sub_id) in t and "Yours until" in t for t in texts) == 1
    assert sum("Nothing is waiting" in t for t in texts) == 1


async def test_reviewer_cannot_open_what_another_reviewer_holds(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    _, sub_id = await waiting(fake, db)
    one = fake.user(REVIEWER_ID, language_code="en")
    two = fake.user(REVIEWER_2, language_code="en")
    await one.send("/review next", expect=2)
    await two.send(f"/review {reference(sub_id)}")
    assert "another reviewer" in two.last_text
    assert (await submission(db, sub_id)).claimed_by == REVIEWER_ID


async def test_expired_lease_is_returned_to_the_queue_by_the_job(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    _, sub_id = await waiting(fake, db)
    reviewer = fake.user(REVIEWER_ID, language_code="hi")
    await reviewer.send("/review next", expect=2)
    await lapse(db, sub_id)
    assert bot.job_queue is not None
    bot.job_queue.run_once(return_lapsed_claims, 0.1)
    await reviewer.wait()
    assert "समय ख़त्म" in reviewer.last_text
    sub = await submission(db, sub_id)
    assert (sub.state, sub.claimed_by) == (State.PENDING, None)
    last = (await events(db, sub_id))[-1]
    assert (last.actor_role, last.to_state, last.reason) == (
        "system",
        "pending",
        "reason-lease-expired",
    )


async def test_expired_lease_lets_another_reviewer_claim_and_refuses_the_first(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    _, sub_id = await waiting(fake, db)
    one = fake.user(REVIEWER_ID, language_code="en")
    two = fake.user(REVIEWER_2, language_code="en")
    await one.send("/review next", expect=2)
    card = one.last
    await lapse(db, sub_id)
    await two.send("/review next", expect=2)
    assert reference(sub_id) in two.last_text
    await one.press("Approve", message=card, expect=0)
    await fake.wait_for(lambda: bool(one.alerts))
    assert "not in your hands" in one.alerts[-1]
    sub = await submission(db, sub_id)
    assert (sub.state, sub.claimed_by) == (State.IN_REVIEW, REVIEWER_2)
    assert [e.actor_role for e in await events(db, sub_id)] == ["reviewer", "system", "reviewer"]
