"""Rows and states reached without the UI: submissions waiting for review, approved products,
claims run out, and reading them back."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import func, select, update

from bot.services.listing import parse_reference
from bot.services.workflow import REVIEWER, transition
from bot.storage.models import Artisan, Event, Photo, Staff, State, Submission, utcnow
from fake_telegram import FakeTelegram, FakeUser
from fake_telegram.media import make_png
from tests.support.journey import DESCRIPTION, NAME, phone_of, submit_product
from tests.support.world import REVIEWER_ID, Sessions


async def waiting(
    fake: FakeTelegram,
    db: Sessions,
    *,
    locale: str = "hi",
    district: str = "Gorakhpur",
    craft: str = "टेराकोटा",
    product: str = "टेराकोटा हाथी",
    photos: int = 1,
    age: timedelta = timedelta(0),
    voice: bool = False,
    copy_photo_of: int | None = None,
) -> tuple[FakeUser, int]:
    """An artisan (a fake user) with one submission waiting for review; fast, no journey."""
    user = fake.user(language_code=locale)
    files = [
        fake.add_file(make_png(640, 480, user.id * 10 + i), kind="photo") for i in range(photos)
    ]
    voice_id = fake.add_file(b"OggS-voice", kind="voice").file_id if voice else None
    async with db() as session, session.begin():
        artisan = Artisan(
            telegram_id=user.id,
            locale=locale,
            name=NAME,
            phone=phone_of(user),
            district=district,
            craft=craft,
            consent_at=utcnow(),
        )
        session.add(artisan)
        await session.flush()
        sub = Submission(
            artisan_id=artisan.id,
            state=State.PENDING,
            district=district,
            craft=craft,
            product_name=product,
            description=DESCRIPTION,
            price=1200,
            voice_file_id=voice_id,
            version=1,
            submitted_at=utcnow() - age,
        )
        session.add(sub)
        await session.flush()
        for i, stored in enumerate(files):
            session.add(
                Photo(
                    submission_id=sub.id,
                    position=i + 1,
                    file_id=stored.file_id,
                    file_unique_id=stored.file_unique_id,
                )
            )
        if copy_photo_of is not None:
            copied = await session.scalar(
                select(Photo).where(Photo.submission_id == copy_photo_of).limit(1)
            )
            assert copied is not None
            session.add(
                Photo(
                    submission_id=sub.id,
                    position=len(files) + 1,
                    file_id=copied.file_id,
                    file_unique_id=copied.file_unique_id,
                )
            )
        return user, sub.id


async def submission(db: Sessions, submission_id: int) -> Submission:
    async with db() as session:
        sub = await session.get(Submission, submission_id)
        assert sub is not None
        return sub


async def events(db: Sessions, submission_id: int) -> list[Event]:
    async with db() as session:
        rows = await session.scalars(
            select(Event).where(Event.submission_id == submission_id).order_by(Event.id)
        )
        return list(rows)


async def event_count(db: Sessions) -> int:
    async with db() as session:
        return int(await session.scalar(select(func.count()).select_from(Event)) or 0)


async def states(db: Sessions) -> dict[int, tuple[str, int | None]]:
    async with db() as session:
        rows = await session.execute(
            select(Submission.id, Submission.state, Submission.claimed_by)
        )
        return {i: (s, c) for i, s, c in rows}


async def lapse(db: Sessions, submission_id: int) -> None:
    """Let the lease on a claimed submission run out."""
    async with db() as session, session.begin():
        await session.execute(
            update(Submission)
            .where(Submission.id == submission_id)
            .values(lease_until=utcnow() - timedelta(minutes=1))
        )


async def add_scoped_reviewer(db: Sessions, user_id: int, districts: list[str]) -> None:
    async with db() as session, session.begin():
        session.add(Staff(user_id=user_id, role="reviewer", districts=districts))


def reference(submission_id: int) -> str:
    return f"ODOP-{submission_id:06d}"


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


async def artisan_row(db: Sessions, telegram_id: int) -> Artisan | None:
    async with db() as session:
        return await session.scalar(select(Artisan).where(Artisan.telegram_id == telegram_id))


async def submissions_of(db: Sessions, telegram_id: int) -> list[Submission]:
    async with db() as session:
        rows = await session.scalars(
            select(Submission)
            .join(Artisan, Artisan.id == Submission.artisan_id)
            .where(Artisan.telegram_id == telegram_id)
            .order_by(Submission.id)
        )
        return list(rows)


async def photos_of_submission(db: Sessions, submission_id: int) -> list[Photo]:
    async with db() as session:
        rows = await session.scalars(
            select(Photo).where(Photo.submission_id == submission_id).order_by(Photo.position)
        )
        return list(rows)


def menu_of(fake: FakeTelegram, user_id: int) -> list[str]:
    scope = json.dumps({"chat_id": user_id, "type": "chat"}, sort_keys=True)
    return [c["command"] for c in fake.commands.get((scope, ""), [])]
