"""Read-only views of the review queue: counts, history, photos, flags. No Telegram here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.review import in_scope, last_decision, not_own, own_artisan_id, waiting_parts
from bot.services.roles import StaffView
from bot.storage.models import (
    Artisan,
    Event,
    Photo,
    QueueCount,
    State,
    Submission,
    format_reference,
    utcnow,
)


@dataclass(frozen=True)
class QueueLine:
    district: str | None
    count: int
    oldest: datetime | None


async def queue(session: AsyncSession, view: StaffView) -> tuple[list[QueueLine], int]:
    """Waiting submissions per district in scope, oldest first; and how many are being read.

    Pending rows are counted by triggers (QueueCount); the oldest per district is one index
    read. Claims whose lease lapsed are waiting too, and few: those are counted here.
    """
    now = utcnow()
    # The reviewer's own products wait too, but never for them: /review next skips them.
    own = await own_artisan_id(session, view)
    mine = not_own(own)
    oldest_pending = (
        select(func.min(Submission.submitted_at))
        .where(Submission.state == State.PENDING, Submission.district == QueueCount.district, mine)
        .scalar_subquery()
    )
    pending = await session.execute(
        select(QueueCount.district, QueueCount.pending, oldest_pending).where(
            QueueCount.pending > 0, in_scope(view, QueueCount.district)
        )
    )
    lapsed = await session.execute(
        select(Submission.district, func.count(), func.min(Submission.submitted_at))
        .where(waiting_parts(now)[1], in_scope(view), mine)
        .group_by(Submission.district)
    )
    own_pending: dict[str | None, int] = {}
    if own is not None:  # counted by the triggers with everyone's
        rows = await session.execute(
            select(Submission.district, func.count())
            .where(Submission.artisan_id == own, Submission.state == State.PENDING)
            .group_by(Submission.district)
        )
        own_pending = {district: int(n) for district, n in rows.all()}
    counts: dict[str | None, tuple[int, datetime | None]] = {}
    for district, count, oldest in [*pending.all(), *lapsed.all()]:
        seen, first = counts.get(district or None, (0, None))
        earliest = min((t for t in (first, oldest) if t is not None), default=None)
        counts[district or None] = (seen + int(count), earliest)
    for district, n in own_pending.items():
        if (district or None) in counts:
            seen, first = counts[district or None]
            counts[district or None] = (seen - n, first)
    counts = {district: line for district, line in counts.items() if line[0] > 0}
    lines = sorted(counts.items(), key=lambda kv: (kv[1][1] is None, kv[1][1] or now))
    in_review = await session.scalar(
        select(func.count())
        .select_from(Submission)
        .where(Submission.state == State.IN_REVIEW, Submission.lease_until >= now, in_scope(view))
    )
    return [QueueLine(d, n, at) for d, (n, at) in lines], int(in_review or 0)


async def history(session: AsyncSession, submission_id: int) -> list[Event]:
    return list(
        (
            await session.scalars(
                select(Event)
                .where(Event.submission_id == submission_id)
                .order_by(Event.at, Event.id)
            )
        ).all()
    )


async def photo_ids(session: AsyncSession, submission_id: int) -> list[str]:
    return list(
        (
            await session.scalars(
                select(Photo.file_id)
                .where(Photo.submission_id == submission_id)
                .order_by(Photo.position)
            )
        ).all()
    )


async def reused_photos(session: AsyncSession, sub: Submission) -> int:
    """How many of its photos also appear in another artisan's submissions."""
    other = (
        select(Photo.file_unique_id)
        .join(Submission, Submission.id == Photo.submission_id)
        .where(Submission.artisan_id != sub.artisan_id)
    )
    count = await session.scalar(
        select(func.count())
        .select_from(Photo)
        .where(
            Photo.submission_id == sub.id,
            or_(Photo.reused_elsewhere.is_(True), Photo.file_unique_id.in_(other)),
        )
    )
    return int(count or 0)


async def same_product_elsewhere(session: AsyncSession, sub: Submission) -> str | None:
    """Another live submission by the same artisan with the same product name (a duplicate?)."""
    if not sub.product_name:
        return None
    other = await session.scalar(
        select(Submission.id)
        .where(
            Submission.artisan_id == sub.artisan_id,
            Submission.id != sub.id,
            func.lower(Submission.product_name) == sub.product_name.lower(),
            Submission.state.not_in((State.DRAFT, State.REJECTED)),
        )
        .limit(1)
    )
    return None if other is None else format_reference(other)


async def artisan_of(session: AsyncSession, sub: Submission) -> Artisan | None:
    return None if sub.artisan_id is None else await session.get(Artisan, sub.artisan_id)


async def sent_back_for(session: AsyncSession, submission_id: int) -> str | None:
    """The reason (key or typed text) of the latest "needs changes" decision."""
    _actor, reason = await last_decision(session, submission_id, State.CHANGES_REQUESTED)
    return reason
