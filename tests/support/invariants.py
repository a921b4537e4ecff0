"""What must hold in the database whatever people send and whenever the bot dies.

Read in a handful of queries (`read_rows`) and checked in memory: valid states and a chain of
allowed transitions per submission (`bot.services.workflow.TRANSITIONS`), whole photo sets, an
active submission that is the artisan's own editable one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.registration import EDITABLE_STATES, MAX_PHOTOS, OPTIONAL_STEPS, ORDER
from bot.services.workflow import TRANSITIONS
from bot.storage.models import (
    Artisan,
    Dialogue,
    Event,
    Photo,
    QueueCount,
    State,
    Submission,
)

EDITABLE = set(EDITABLE_STATES)
ANSWER_FIELDS = ("name", "phone", "district", "craft", "locale", "consent_at")
ANSWER_FIELDS += ("active_submission_id", "notices_opt_in")
SUBMISSION_FIELDS = ("id", "district", "craft", "product_name", "description", "voice_file_id")
SUBMISSION_FIELDS += ("price", "capacity", "gstin", "udyam", "pehchan", "step", "editing")


@dataclass
class Rows:
    """Everything stored about a set of people, read in a handful of queries."""

    artisans: dict[int, Artisan]  # by Telegram id
    subs: dict[int, Submission]
    photos: dict[int, list[Photo]]  # by submission id, in position order
    events: dict[int, list[Event]]  # by submission id, in order
    dialogues: dict[int, Dialogue]

    def of(self, telegram_id: int) -> tuple[Any, ...]:
        """What one person told us (and their open dialogue), to compare before and after."""
        dialogue = self.dialogues.get(telegram_id)
        talk = (dialogue.kind, repr(dialogue.payload)) if dialogue else None
        artisan = self.artisans.get(telegram_id)
        if artisan is None:
            return (None, talk)
        subs = [s for s in self.subs.values() if s.artisan_id == artisan.id]
        photos = [(p.submission_id, p.position, p.file_unique_id) for s in subs
                  for p in self.photos[s.id]]  # fmt: skip
        return (
            tuple(getattr(artisan, f) for f in ANSWER_FIELDS),
            tuple(tuple(getattr(s, f) for f in SUBMISSION_FIELDS) for s in subs),
            tuple(photos),
            talk,
        )

    def texts(self) -> set[str]:
        """Every text stored about these people: the bot may echo any of it back."""
        found = {r for events in self.events.values() for e in events if (r := e.reason)}
        for row in [*self.artisans.values(), *self.subs.values()]:
            found.update(v for v in vars(row).values() if isinstance(v, str))
        return found


async def read_rows(session: AsyncSession, telegram_ids: list[int]) -> Rows:
    artisans = {
        a.telegram_id: a
        for a in await session.scalars(
            select(Artisan).where(Artisan.telegram_id.in_(telegram_ids))
        )
    }
    ids = [a.id for a in artisans.values()]
    subs = {
        s.id: s
        for s in await session.scalars(
            select(Submission).where(Submission.artisan_id.in_(ids)).order_by(Submission.id)
        )
    }
    photos: dict[int, list[Photo]] = {i: [] for i in subs}
    for photo in await session.scalars(
        select(Photo).where(Photo.submission_id.in_(list(subs))).order_by(Photo.position)
    ):
        photos[photo.submission_id].append(photo)
    events: dict[int, list[Event]] = {i: [] for i in subs}
    for event in await session.scalars(
        select(Event).where(Event.submission_id.in_(list(subs))).order_by(Event.id)
    ):
        events[event.submission_id or 0].append(event)
    dialogues = {
        d.user_id: d
        for d in await session.scalars(select(Dialogue).where(Dialogue.user_id.in_(telegram_ids)))
    }
    return Rows(artisans, subs, photos, events, dialogues)


def _chain_problems(sub: Submission, events: list[Event]) -> list[str]:
    problems: list[str] = []
    expected = State.DRAFT.value
    for event in events:
        pair = (State(event.from_state or "draft"), State(event.to_state))
        if event.from_state != expected:
            problems.append(f"{sub.reference}: event from {event.from_state}, was {expected}")
        if event.actor_role not in TRANSITIONS.get(pair, frozenset()):
            problems.append(f"{sub.reference}: {pair} by {event.actor_role} is not allowed")
        expected = event.to_state
    if expected != sub.state:
        problems.append(f"{sub.reference}: state {sub.state} but events end at {expected}")
    return problems


def _submission_problems(sub: Submission, rows: Rows) -> list[str]:
    ref, positions = sub.reference, [p.position for p in rows.photos[sub.id]]
    problems = _chain_problems(sub, rows.events[sub.id])
    if sub.step not in (None, *ORDER, *OPTIONAL_STEPS):
        problems.append(f"{ref}: unknown step {sub.step!r}")
    if sub.step is not None and sub.state not in EDITABLE_STATES:
        problems.append(f"{ref}: {sub.state} but still at step {sub.step}")
    if sub.state != State.DRAFT and (sub.version < 1 or sub.last_snapshot is None):
        problems.append(f"{ref}: {sub.state} without a submitted version")
    if (sub.claimed_by is not None) != (sub.state == State.IN_REVIEW):
        problems.append(f"{ref}: {sub.state} claimed by {sub.claimed_by}")
    if sorted(positions) != list(range(1, len(positions) + 1)) or len(positions) > MAX_PHOTOS:
        problems.append(f"{ref}: photo positions {sorted(positions)}")
    return problems


def invariant_problems(rows: Rows) -> list[str]:
    """Valid states and transitions, whole photo sets, an active draft of one's own."""
    problems: list[str] = []
    for sub in rows.subs.values():
        if sub.state not in set(State):
            problems.append(f"{sub.reference}: unknown state {sub.state!r}")
        else:
            problems += _submission_problems(sub, rows)
    for artisan in rows.artisans.values():
        who, active_id = f"artisan {artisan.telegram_id}", artisan.active_submission_id
        active = rows.subs.get(active_id or 0)
        if active_id is not None and (
            active is None or active.artisan_id != artisan.id or active.state not in EDITABLE
        ):
            problems.append(f"{who}: active submission {active_id} is not an own draft")
        if artisan.consent_at is None and any(
            s.artisan_id == artisan.id for s in rows.subs.values()
        ):
            problems.append(f"{who}: submissions without consent")
    return problems


async def orphan_photos(session: AsyncSession) -> list[str]:
    orphan = await session.scalar(
        select(Photo.id).outerjoin(Submission).where(Submission.id.is_(None)).limit(1)
    )
    return [] if orphan is None else [f"photo {orphan} belongs to no submission"]


async def queue_counters(session: AsyncSession) -> tuple[dict[str, int], dict[str, int]]:
    """The triggers' pending counters per district, and a fresh count of the pending rows."""
    kept = await session.execute(select(QueueCount.district, QueueCount.pending))
    district = func.coalesce(Submission.district, "")
    live = await session.execute(
        select(district, func.count()).where(Submission.state == State.PENDING).group_by(district)
    )
    return {d: n for d, n in kept.all() if n}, {d: n for d, n in live.all()}


async def queue_counter_drift(session: AsyncSession) -> list[str]:
    kept, live = await queue_counters(session)
    return [] if kept == live else [f"queue counters {kept}, pending rows {live}"]
