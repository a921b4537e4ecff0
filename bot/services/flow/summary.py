"""The summary: changing an answer, replacing the photos, skipping, and sending for review."""

from __future__ import annotations

from bot.services import registration as reg
from bot.services.flow.answers import EDITABLE
from bot.services.flow.steps import advance, goto
from bot.services.flow.terms import Draft, Outcome
from bot.services.workflow import ARTISAN, transition
from bot.storage.models import State

# --- the summary ---

EDIT_SCREENS = {"edits", "photo_edits", "extras"}


def open_edits(d: Draft, screen: str) -> Outcome:
    """ "✏️ Change something": the answers to choose from (photos and extras a level down)."""
    if d.sub.step != "summary" or screen not in EDIT_SCREENS:
        return d.reprompt()
    return Outcome().show(screen)


async def edit(d: Draft, field_name: str) -> Outcome:
    if d.sub.step != "summary" or field_name not in EDITABLE:
        return d.reprompt()
    full = field_name == "photos" and await reg.photo_count(d.session, d.sub.id) >= reg.MAX_PHOTOS
    if full:  # "add more": the photos sent stay
        return d.reprompt(Outcome().ack("err-photo-full", max=reg.MAX_PHOTOS))
    d.sub.editing = True
    return goto(d, field_name)


async def replace_photos(d: Draft, sure: bool) -> Outcome:
    """ "🔄 Replace all photos", asked once more before anything is removed."""
    if d.sub.step != "summary":
        return d.reprompt()
    if not sure:
        return Outcome().show("replace_photos")
    out = Outcome().ack("photos-cleared")
    out.remove_files = await reg.clear_photos(d.session, d.sub.id, d.media_dir)
    d.sub.editing = True
    d.sub.step = "photos"
    reg.touch(d.sub)
    return d.reprompt(out)


def skip(d: Draft, step: str) -> Outcome:
    if step != d.sub.step or step not in reg.SKIPPABLE:
        return d.reprompt()
    setattr(d.sub, step, None)
    return advance(d, step)


async def submit(d: Draft, anyway: bool = False) -> Outcome:
    """Send for review, or go to the first missing answer. A product sent back and not changed
    since is asked about first (`anyway`: sent as it is): it went back saying "with your
    changes"."""
    artisan, sub = d.artisan, d.sub
    if sub.step != "summary":
        return d.reprompt()
    count = await reg.photo_count(d.session, sub.id)
    missing = reg.first_missing(artisan, sub, count)
    if missing is not None:  # answered, it comes back here, not through every later question
        sub.step, sub.editing = missing, True
        return d.reprompt(Outcome().ack("submit-incomplete"))
    photo_ids = await reg.photo_unique_ids(d.session, sub.id)
    sub.district = artisan.district
    snapshot = reg.snapshot(sub, artisan, photo_ids)
    resubmitted = sub.state == State.CHANGES_REQUESTED
    if resubmitted and not snapshot["changed"] and not anyway:
        return Outcome().show("unchanged")
    sub.last_snapshot = snapshot
    sub.version += 1
    transition(d.session, sub, State.PENDING, actor_id=d.user_id, role=ARTISAN)
    # The maker's name or mobile changed: the other products' snapshots (what the reviewer
    # decides on and the export writes) follow, and an approved one is looked at again.
    for other in await reg.maker_changed(d.session, artisan):
        ids = list((other.last_snapshot or {}).get("fields", {}).get("photos", []))
        other.last_snapshot = reg.snapshot(other, artisan, ids)
        if other.state in (State.APPROVED, State.LISTED):
            other.version += 1
            transition(d.session, other, State.PENDING, actor_id=d.user_id, role=ARTISAN)
    sub.step = None
    sub.editing = False
    artisan.active_submission_id = None
    again = "submitted-again" if snapshot["changed"] else "submitted-as-is"
    return Outcome().show("submitted", (sub.reference, again if resubmitted else "submitted"))
