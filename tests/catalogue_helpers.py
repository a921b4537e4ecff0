"""Approved products for the catalogue tests (the review UI is not needed to get there)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.fake_telegram import FakeTelegram, FakeUser
from bot.services.listing import parse_reference
from bot.services.workflow import REVIEWER, transition
from bot.storage.models import Photo, State, Submission
from tests.conftest import REVIEWER_ID
from tests.journey import submit_product

Sessions = Callable[[], AsyncSession]


def submission_id(reference: str) -> int:
    found = parse_reference(reference)
    assert found is not None, reference
    return found


async def approve(db: Sessions, reference: str, reviewer: int = REVIEWER_ID) -> None:
    """pending -> in_review -> approved, as a reviewer would."""
    async with db() as session:
        sub = await session.get(Submission, submission_id(reference))
        assert sub is not None
        transition(session, sub, State.IN_REVIEW, actor_id=reviewer, role=REVIEWER)
        transition(session, sub, State.APPROVED, actor_id=reviewer, role=REVIEWER)
        await session.commit()


async def approved_product(
    fake: FakeTelegram, db: Sessions, lang: str = "hi"
) -> tuple[FakeUser, str]:
    """An artisan whose product (one photo) is approved, and its reference."""
    artisan = fake.user(language_code=lang)
    craft = "टेराकोटा" if lang == "hi" else "Terracotta"
    reference = await submit_product(artisan, lang=lang, craft=craft)
    await approve(db, reference)
    return artisan, reference


async def load(db: Sessions, reference: str) -> Submission:
    async with db() as session:
        sub = await session.get(Submission, submission_id(reference))
        assert sub is not None
        return sub


async def photos_of(db: Sessions, reference: str) -> list[Photo]:
    async with db() as session:
        rows = await session.scalars(
            select(Photo)
            .where(Photo.submission_id == submission_id(reference))
            .order_by(Photo.position)
        )
        return list(rows)
