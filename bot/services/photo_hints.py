"""Retake hints for a very blurry or very dark photo: who gets one, and replacing the photo."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import registration as reg
from bot.storage.models import Artisan, Photo, Submission, utcnow

# "At the moment of sending": a photo kept late (Telegram down for an hour, a backlog after a
# restart) gets no hint; the reviewer can still ask for better photos.
HINT_WITHIN = timedelta(hours=1)


@dataclass(frozen=True)
class Hint:
    photo_id: int
    file_id: str
    problem: str
    chat_id: int
    locale: str | None


async def hints_due(session: AsyncSession, photo_ids: list[int]) -> list[Hint]:
    """The hints still worth sending: the photo is recent and its product still editable."""
    rows = await session.execute(
        select(Photo.id, Photo.file_id, Photo.quality, Artisan.telegram_id, Artisan.locale)
        .join(Submission, Submission.id == Photo.submission_id)
        .join(Artisan, Artisan.id == Submission.artisan_id)
        .where(
            Photo.id.in_(photo_ids),
            Artisan.telegram_id.is_not(None),  # sent by a field helper: nobody to tell
            Photo.quality.is_not(None),
            Photo.created_at >= utcnow() - HINT_WITHIN,
            Submission.state.in_(reg.EDITABLE_STATES),
        )
        .order_by(Photo.id)
    )
    return [
        Hint(photo_id, file_id, problem or "", chat_id, locale)
        for photo_id, file_id, problem, chat_id, locale in rows
        if chat_id is not None
    ]


async def own_photo(
    session: AsyncSession, artisan: Artisan, photo_id: int
) -> tuple[Photo, Submission] | None:
    """The artisan's photo in a product they can still change, or None."""
    row = (
        await session.execute(
            select(Photo, Submission)
            .join(Submission, Submission.id == Photo.submission_id)
            .where(
                Photo.id == photo_id,
                Submission.artisan_id == artisan.id,
                Submission.state.in_(reg.EDITABLE_STATES),
            )
        )
    ).first()
    return None if row is None else (row[0], row[1])


async def remove_photo(session: AsyncSession, photo: Photo) -> None:
    """Delete one photo and close the gap in the positions after it."""
    await session.delete(photo)
    await session.flush()
    await session.execute(
        update(Photo)
        .where(Photo.submission_id == photo.submission_id, Photo.position > photo.position)
        .values(position=Photo.position - 1)
    )
