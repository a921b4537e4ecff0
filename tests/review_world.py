"""Building blocks for the review tests: submissions waiting in the queue, read back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.fake_telegram import FakeTelegram, FakeUser
from bot.fake_telegram.media import make_png
from bot.storage.models import Artisan, Event, Photo, Staff, State, Submission, utcnow

Sessions = Callable[[], AsyncSession]
REVIEWER_2 = 900_003
SCOPED_ID = 900_004  # a reviewer of Varanasi only


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
            name="सुनीता देवी",
            phone=f"+9198765{user.id % 100000:05d}",
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
            description="हाथ से बना मिट्टी का हाथी, भट्टी में पका हुआ।",
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
