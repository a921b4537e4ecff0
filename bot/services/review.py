"""Official review rules: claims with a lease, decisions, expiry. No Telegram here.

Claims are one conditional UPDATE (`_take`): of any number of concurrent takers — in this
process, in other bot instances, on SQLite or PostgreSQL — exactly one matches the row. On
PostgreSQL the next candidate is picked with `FOR UPDATE SKIP LOCKED` so concurrent reviewers
do not queue up behind the same row. Decisions and the expiry job lock the row with a
conditional UPDATE too, so nothing decided is ever overwritten by a stale reader.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, and_, or_, select, true, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from bot.services import transcripts
from bot.services.roles import StaffView
from bot.services.workflow import ADMIN, REVIEWER, SYSTEM, transition
from bot.storage.models import Artisan, Event, State, Submission, utcnow

# One-tap reasons, each decision its own: the code in callback data -> the message key
# (rendered in the artisan's language when they are told; the key is kept in the audit event).
# "Needs changes" asks for something the artisan can do; a rejection says why it cannot pass.
CHANGE_REASONS: dict[str, str] = {
    "blurry": "reason-blurry-photos",
    "few": "reason-too-few-photos",
    "price": "reason-price-implausible",
    "desc": "reason-description-unclear",
}
REJECT_REASONS: dict[str, str] = {
    "district": "reason-not-from-district",
    "dup": "reason-duplicate",
    "made": "reason-not-handmade",
}
REASONS = {State.CHANGES_REQUESTED: CHANGE_REASONS, State.REJECTED: REJECT_REASONS}
# What each "needs changes" reason asks the artisan to fix (marked on their summary).
FIX_FIELDS = {
    "reason-blurry-photos": "photos",
    "reason-too-few-photos": "photos",
    "reason-price-implausible": "price",
    "reason-description-unclear": "description",
}
LEASE_EXPIRED = "reason-lease-expired"
REVIEWER_REMOVED = "reason-reviewer-removed"
REVIEWER_RESCOPED = "reason-reviewer-rescoped"
REASON_KEYS = frozenset(
    {*CHANGE_REASONS.values(), *REJECT_REASONS.values(), *transcripts.EVENT_REASONS.values()}
    | {LEASE_EXPIRED, REVIEWER_REMOVED, REVIEWER_RESCOPED}
)
DECISIONS = (State.APPROVED, State.CHANGES_REQUESTED, State.REJECTED)
CANDIDATES = 20


class Refusal(enum.StrEnum):
    NOT_FOUND = "not_found"
    OUT_OF_SCOPE = "out_of_scope"
    CLAIMED = "claimed"  # another reviewer holds a live lease
    NOT_WAITING = "not_waiting"  # not pending/in review (a draft, or already decided)
    NOT_HELD = "not_held"  # a decision by someone whose claim is gone or never was
    OWN = "own"  # the reviewer is the artisan who sent it in: nobody judges their own product
    NOT_THEIRS = "not_theirs"  # a rejection another reviewer made: an admin may reopen it
    UNNAMED = "unnamed"  # approval of a product whose name was only spoken: it cannot be listed


@dataclass(frozen=True)
class Outcome:
    submission: Submission | None
    refusal: Refusal | None = None

    @property
    def ok(self) -> bool:
        return self.refusal is None


def role_of(view: StaffView) -> str:
    return ADMIN if view.is_admin else REVIEWER


def in_scope(
    view: StaffView, district: InstrumentedAttribute[Any] = Submission.district
) -> ColumnElement[bool]:
    if view.is_admin or not view.districts:
        return true()
    return district.in_(sorted(view.districts))


def claimable(now: datetime) -> ColumnElement[bool]:
    """Waiting in the queue: pending, or in review with a lapsed lease."""
    return or_(*waiting_parts(now))


def waiting_parts(now: datetime) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    """`claimable` as two conditions that each match an index; queries run them apart.

    An OR of the two makes databases scan and sort every pending row (hundreds of ms with a
    million submissions); apart, each is an index range read in order.
    """
    lapsed = and_(Submission.state == State.IN_REVIEW, Submission.lease_until < now)
    return Submission.state == State.PENDING, lapsed


async def own_artisan_id(session: AsyncSession, view: StaffView) -> int | None:
    """The reviewer's own artisan row, if they registered products themselves."""
    return await session.scalar(select(Artisan.id).where(Artisan.telegram_id == view.user_id))


async def is_own(session: AsyncSession, view: StaffView, sub: Submission) -> bool:
    """Did this reviewer send the submission in themselves (as an artisan)?"""
    own = await own_artisan_id(session, view)
    return own is not None and sub.artisan_id == own


def not_own(own: int | None) -> ColumnElement[bool]:
    return true() if own is None else Submission.artisan_id.is_distinct_from(own)


def _held_by(user_id: int, now: datetime) -> ColumnElement[bool]:
    return and_(
        Submission.state == State.IN_REVIEW,
        Submission.claimed_by == user_id,
        Submission.lease_until >= now,
    )


async def _lock_if(
    session: AsyncSession, submission_id: int, condition: ColumnElement[bool], **values: object
) -> bool:
    """Write the row only if `condition` holds at this instant; the write also locks it."""
    result = await session.execute(
        update(Submission)
        .where(Submission.id == submission_id, condition)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return getattr(result, "rowcount", 0) == 1


async def _fresh(session: AsyncSession, submission_id: int) -> Submission | None:
    return await session.get(Submission, submission_id, populate_existing=True)


async def _take(
    session: AsyncSession, view: StaffView, submission_id: int, lease: timedelta
) -> Submission | None:
    """Claim one submission if it is waiting; None if someone else got it first."""
    now = utcnow()
    until = now + lease
    me = view.user_id
    if await _lock_if(session, submission_id, claimable(now), claimed_by=me, lease_until=until):
        sub = await _fresh(session, submission_id)
        assert sub is not None
        if sub.state == State.IN_REVIEW:  # a lapsed lease: back to the queue first, audited
            transition(session, sub, State.PENDING, actor_id=None, role=SYSTEM,
                       reason=LEASE_EXPIRED)  # fmt: skip
        transition(session, sub, State.IN_REVIEW, actor_id=me, role=role_of(view))
        sub.claimed_by, sub.lease_until = me, until
        return sub
    if await _lock_if(session, submission_id, _held_by(me, now), lease_until=until):
        return await _fresh(session, submission_id)  # my own claim, renewed
    return None


async def claim(
    session: AsyncSession, view: StaffView, submission_id: int, lease: timedelta
) -> Outcome:
    """Open a given submission for review: claim it, or say why not."""
    sub = await session.get(Submission, submission_id)
    if sub is None:
        return Outcome(None, Refusal.NOT_FOUND)
    if not view.can_review(sub.district):
        return Outcome(sub, Refusal.OUT_OF_SCOPE)
    if await is_own(session, view, sub):
        return Outcome(sub, Refusal.OWN)
    taken = await _take(session, view, submission_id, lease)
    if taken is not None:
        return Outcome(taken)
    sub = await _fresh(session, submission_id)
    if sub is None:
        return Outcome(None, Refusal.NOT_FOUND)
    waiting = sub.state in (State.PENDING, State.IN_REVIEW)
    return Outcome(sub, Refusal.CLAIMED if waiting else Refusal.NOT_WAITING)


async def _held_id(session: AsyncSession, view: StaffView) -> int | None:
    """The submission the reviewer holds a live claim on, if any (not their own)."""
    mine = not_own(await own_artisan_id(session, view))
    held = _held_by(view.user_id, utcnow())
    return await session.scalar(select(Submission.id).where(held, in_scope(view), mine).limit(1))


class Next(NamedTuple):
    submission: Submission
    held: bool  # the one the reviewer already held, given again


async def claim_next(session: AsyncSession, view: StaffView, lease: timedelta) -> Next | None:
    """The submission the reviewer holds, else the oldest waiting one in their districts,
    claimed; None if none left."""
    now = utcnow()
    mine = not_own(await own_artisan_id(session, view))  # never the reviewer's own products
    held = await _held_id(session, view)
    if held is not None:
        again = await _take(session, view, held, lease)
        return None if again is None else Next(again, held=True)
    postgres = session.get_bind().dialect.name == "postgresql"
    candidates: list[tuple[datetime | None, int]] = []
    for part in waiting_parts(now):
        query = (
            select(Submission.submitted_at, Submission.id)
            .where(part, in_scope(view), mine)
            .order_by(Submission.submitted_at, Submission.id)
            .limit(1 if postgres else CANDIDATES)
        )
        if postgres:
            query = query.with_for_update(skip_locked=True)
        candidates.extend((at, sid) for at, sid in (await session.execute(query)).all())
    candidates.sort(key=lambda c: (c[0] is None, c[0] or now, c[1]))
    for _at, submission_id in candidates:
        taken = await _take(session, view, submission_id, lease)
        if taken is not None:
            return Next(taken, held=False)
    return None


async def decide(
    session: AsyncSession,
    view: StaffView,
    submission_id: int,
    to: State,
    *,
    reason: str | None = None,
    reason_text: str | None = None,
) -> Outcome:
    """Approve, request changes or reject — only by the holder of a live claim, in scope.

    `reason` goes to the audit event (a reason key or the typed text); `reason_text`, when
    given, is what the artisan reads (the key rendered in their language).
    """
    if to not in DECISIONS:
        raise ValueError(f"not a decision: {to}")
    sub = await session.get(Submission, submission_id)
    if sub is None:
        return Outcome(None, Refusal.NOT_FOUND)
    if not view.can_review(sub.district):
        return Outcome(sub, Refusal.OUT_OF_SCOPE)
    if await is_own(session, view, sub):
        return Outcome(sub, Refusal.OWN)
    if to == State.APPROVED and not sub.product_name:  # said by voice, not typed in yet
        return Outcome(sub, Refusal.UNNAMED)
    now = utcnow()
    if not await _lock_if(session, submission_id, _held_by(view.user_id, now), updated_at=now):
        sub = await _fresh(session, submission_id)
        if sub is None:
            return Outcome(None, Refusal.NOT_FOUND)
        waiting = sub.state in (State.PENDING, State.IN_REVIEW)
        return Outcome(sub, Refusal.NOT_HELD if waiting else Refusal.NOT_WAITING)
    sub = await _fresh(session, submission_id)
    assert sub is not None
    transition(session, sub, to, actor_id=view.user_id, role=role_of(view), reason=reason)
    if reason_text is not None:
        sub.decision_reason = reason_text
    return Outcome(sub)


async def held(session: AsyncSession, view: StaffView, submission_id: int) -> Outcome:
    """Does this reviewer hold a live claim on it now (read only, for intermediate buttons)?"""
    sub = await session.get(Submission, submission_id)
    if sub is None:
        return Outcome(None, Refusal.NOT_FOUND)
    if not view.can_review(sub.district):
        return Outcome(sub, Refusal.OUT_OF_SCOPE)
    if await is_own(session, view, sub):
        return Outcome(sub, Refusal.OWN)
    if sub.state not in (State.PENDING, State.IN_REVIEW):
        return Outcome(sub, Refusal.NOT_WAITING)
    lease = sub.lease_until
    if sub.state != State.IN_REVIEW or sub.claimed_by != view.user_id or lease is None:
        return Outcome(sub, Refusal.NOT_HELD)
    return Outcome(sub) if lease >= utcnow() else Outcome(sub, Refusal.NOT_HELD)


async def reopen(session: AsyncSession, view: StaffView, submission_id: int) -> Outcome:
    """A reviewer who rejected a submission by mistake (or an admin, any rejection in scope)
    sends it back to the queue; never one's own product."""
    sub = await session.get(Submission, submission_id)
    if sub is None:
        return Outcome(None, Refusal.NOT_FOUND)
    if not view.can_review(sub.district):
        return Outcome(sub, Refusal.OUT_OF_SCOPE)
    if await is_own(session, view, sub):
        return Outcome(sub, Refusal.OWN)
    rejected_by, _reason = await last_decision(session, submission_id, State.REJECTED)
    mine = view.is_admin or rejected_by == view.user_id
    if sub.state == State.REJECTED and not mine:
        return Outcome(sub, Refusal.NOT_THEIRS)  # another's rejection is an admin's to undo
    now = utcnow()
    rejected = Submission.state == State.REJECTED
    if not await _lock_if(session, submission_id, rejected, updated_at=now):
        sub = await _fresh(session, submission_id)
        return Outcome(sub, Refusal.NOT_FOUND if sub is None else Refusal.NOT_WAITING)
    sub = await _fresh(session, submission_id)
    assert sub is not None
    transition(session, sub, State.PENDING, actor_id=view.user_id, role=role_of(view))
    return Outcome(sub)


async def last_decision(
    session: AsyncSession, submission_id: int, to: State
) -> tuple[int | None, str | None]:
    """Who made the submission's latest decision to `to`, and its reason (key or typed)."""
    row = (
        await session.execute(
            select(Event.actor_id, Event.reason)
            .where(Event.submission_id == submission_id, Event.to_state == to)
            .order_by(Event.id.desc())
            .limit(1)
        )
    ).first()
    return (row[0], row[1]) if row is not None else (None, None)


async def expire_leases(session: AsyncSession, now: datetime) -> list[tuple[Submission, int]]:
    """Lapsed claims go back to the queue (system transition); returns them with the holder."""
    query = (
        select(Submission.id)
        .where(Submission.state == State.IN_REVIEW, Submission.lease_until < now)
        .order_by(Submission.lease_until)
        .limit(100)
    )
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    returned: list[tuple[Submission, int]] = []
    for submission_id in (await session.scalars(query)).all():
        lapsed = and_(Submission.state == State.IN_REVIEW, Submission.lease_until < now)
        if not await _lock_if(session, submission_id, lapsed, updated_at=now):
            continue  # decided or renewed meanwhile: a reviewer's action always wins
        sub = await _fresh(session, submission_id)
        assert sub is not None
        holder = sub.claimed_by
        transition(session, sub, State.PENDING, actor_id=None, role=SYSTEM, reason=LEASE_EXPIRED)
        if holder is not None:
            returned.append((sub, holder))
    return returned


async def release_outside(
    session: AsyncSession, view: StaffView, actor_id: int
) -> list[Submission]:
    """Claims the holder may no longer review (role removed, fewer districts) go back at once.

    `view` is the holder's roles after the change; an admin or an unscoped reviewer keeps all.
    """
    rows = (
        await session.execute(
            select(Submission.id, Submission.district).where(
                Submission.state == State.IN_REVIEW, Submission.claimed_by == view.user_id
            )
        )
    ).all()
    reason = REVIEWER_RESCOPED if view.is_reviewer else REVIEWER_REMOVED
    released = []
    for submission_id, district in rows:
        if view.can_review(district):
            continue
        mine = and_(Submission.state == State.IN_REVIEW, Submission.claimed_by == view.user_id)
        if await _lock_if(session, submission_id, mine, updated_at=utcnow()):
            sub = await _fresh(session, submission_id)
            assert sub is not None
            transition(session, sub, State.PENDING, actor_id=actor_id, role=ADMIN, reason=reason)
            released.append(sub)
    return released
