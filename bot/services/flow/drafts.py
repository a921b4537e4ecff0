"""Starting, resuming and leaving a draft: the one writer of `artisan.active_submission_id`."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import registration as reg
from bot.services.flow.answers import ANSWERS
from bot.services.flow.reading import field_named
from bot.services.review import CHANGE_REASONS, FIX_FIELDS
from bot.services.review_queries import sent_back_for
from bot.storage.models import Artisan, State, Submission


async def start_new(session: AsyncSession, artisan: Artisan) -> Submission | None:
    """Start a product; what the artisan told us before (name, phone, district, work) is reused:
    a second product typed at the work question shifted every later answer by one.

    None when the artisan already has as many unfinished products as anyone may keep. A draft
    just begun, with nothing in it yet, is the new product: "new product" tapped four times on
    a slow network made four empty drafts, and the fifth tap hit the limit.
    """
    begun = await _untouched(session, artisan)
    if begun is not None:
        return begun
    if await reg.open_drafts(session, artisan.id) >= reg.MAX_OPEN_DRAFTS:
        return None
    draft = Submission(artisan_id=artisan.id, state=State.DRAFT, district=artisan.district)
    draft.step = "name"
    spoken_name = None if artisan.name else await reg.spoken_name(session, artisan.id)
    if spoken_name is not None:  # told by voice before: a reviewer may not have typed it yet
        draft.voice_answers = {"name": spoken_name}
    if (artisan.name or spoken_name) and artisan.phone and artisan.district:
        draft.step = "craft"
        if artisan.craft:  # the work of their last product, most likely again: said, not asked
            draft.craft, draft.step = artisan.craft, "product_name"
    draft.first_step = draft.step
    session.add(draft)
    await session.flush()
    artisan.active_submission_id = draft.id
    return draft


async def _untouched(session: AsyncSession, artisan: Artisan) -> Submission | None:
    """The active draft if it is still at the question it began with, with nothing in it."""
    sub = await active(session, artisan)
    if sub is None or sub.state != State.DRAFT or sub.step != sub.first_step:
        return None
    if sub.product_name or sub.description or sub.price is not None or sub.voice_file_id:
        return None
    return None if await reg.photo_count(session, sub.id) else sub


async def active(session: AsyncSession, artisan: Artisan) -> Submission | None:
    """The submission being filled in, if it is still editable (else it is let go)."""
    if artisan.active_submission_id is None:
        return None
    sub = await session.get(Submission, artisan.active_submission_id)
    if sub is None or sub.artisan_id != artisan.id or sub.state not in reg.EDITABLE_STATES:
        artisan.active_submission_id = None
        return None
    return sub


async def resume(session: AsyncSession, artisan: Artisan) -> Submission | None:
    """Continue the newest unfinished submission where it stopped."""
    sub = await reg.unfinished(session, artisan)
    if sub is None:
        return None
    artisan.active_submission_id = sub.id
    sub.step = sub.step or "summary"
    reg.touch(sub)  # asked now: a typed answer is this question's, not a listing one's
    return sub


async def open_for_fix(
    session: AsyncSession, artisan: Artisan, submission_id: int
) -> Submission | None:
    """Open exactly the submission a reviewer sent back: at the answer the reviewer's reason
    names when it is one to type again (review.FIX_FIELDS: the price, the description; a typed
    reason's words, as at the summary), else at its summary."""
    sub = await session.get(Submission, submission_id)
    if sub is None or sub.artisan_id != artisan.id or sub.state != State.CHANGES_REQUESTED:
        return None
    artisan.active_submission_id = sub.id
    reason = await sent_back_for(session, sub.id)
    field = fix_field(reason)
    if field in ANSWERS or reason == CHANGE_REASONS["few"]:  # "few": photos to add
        sub.step, sub.editing = field, True  # answered, it comes back to the summary
    else:
        sub.step, sub.editing = "summary", False  # photos to replace: asked how (steps.ask_fix)
    return sub


def fix_field(reason: str | None) -> str | None:
    """The answer a reviewer's reason asks to change: a one-tap reason's (review.FIX_FIELDS), or
    the one a typed reason names ("daam ek khilone ka likhiye"), as a change typed at the
    summary would."""
    return FIX_FIELDS.get(reason or "") or field_named(reason or "")


def leave(artisan: Artisan) -> bool:
    """/cancel: put the draft aside (its answers stay). True if there was one."""
    if artisan.active_submission_id is None:
        return False
    artisan.active_submission_id = None
    return True
