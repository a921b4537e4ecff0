"""Submission state machine: the only place states change, each change with its audit event."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.models import Event, State, Submission, utcnow

SYSTEM = "system"
ARTISAN = "artisan"
REVIEWER = "reviewer"
ADMIN = "admin"

# (from, to) -> roles allowed to make that change.
TRANSITIONS: dict[tuple[State, State], frozenset[str]] = {
    (State.DRAFT, State.PENDING): frozenset({ARTISAN}),
    (State.CHANGES_REQUESTED, State.PENDING): frozenset({ARTISAN}),
    (State.PENDING, State.IN_REVIEW): frozenset({REVIEWER, ADMIN}),
    (State.IN_REVIEW, State.PENDING): frozenset(
        {SYSTEM, REVIEWER, ADMIN}
    ),  # lease expired/released
    (State.IN_REVIEW, State.APPROVED): frozenset({REVIEWER, ADMIN}),
    (State.IN_REVIEW, State.CHANGES_REQUESTED): frozenset({REVIEWER, ADMIN}),
    (State.IN_REVIEW, State.REJECTED): frozenset({REVIEWER, ADMIN}),
    (State.REJECTED, State.PENDING): frozenset({REVIEWER, ADMIN}),  # reopened: a mis-tap
    (State.APPROVED, State.LISTED): frozenset({ADMIN}),
    # The maker's name or mobile changed after approval: a reviewer sees it again.
    (State.APPROVED, State.PENDING): frozenset({ARTISAN}),
    (State.LISTED, State.PENDING): frozenset({ARTISAN}),
}


class TransitionRefused(Exception):
    """The change is not allowed from this state or by this role."""


def can_transition(src: str, dst: str, role: str) -> bool:
    try:
        return role in TRANSITIONS.get((State(src), State(dst)), frozenset())
    except ValueError:
        return False


def transition(
    session: AsyncSession,
    submission: Submission,
    to: State,
    *,
    actor_id: int | None,
    role: str,
    reason: str | None = None,
) -> Event:
    """Move `submission` to `to` and append the event, in the caller's transaction."""
    src = submission.state
    if not can_transition(src, to, role):
        raise TransitionRefused(f"{src} -> {to} by {role}")
    now = utcnow()
    submission.state = to
    submission.updated_at = now
    if to == State.PENDING:
        if src != State.IN_REVIEW:  # a released claim keeps its place in the queue
            submission.submitted_at = now
        submission.claimed_by = None
        submission.lease_until = None
    if to in (State.APPROVED, State.CHANGES_REQUESTED, State.REJECTED):
        submission.decided_at = now
        submission.decided_by = actor_id
        submission.decision_reason = reason
        submission.claimed_by = None
        submission.lease_until = None
    event = Event(
        submission_id=submission.id,
        actor_id=actor_id,
        actor_role=role,
        from_state=src,
        to_state=to,
        reason=reason,
        at=now,
    )
    session.add(event)
    return event
