"""Photos sent at the photo step, before it (kept for it) and from the summary."""

from __future__ import annotations

from bot.services import input_words
from bot.services import registration as reg
from bot.services.flow.reading import field_named
from bot.services.flow.steps import advance, with_hint
from bot.services.flow.terms import Draft, Image, Input, Other, Outcome, Text
from bot.storage.models import Photo


async def at_photo_step(d: Draft, given: Input) -> Outcome:
    """Save an accepted photo at once; refuse small ones, one too many and non-images. The
    "done" button's words typed ("ho gaya") are that button."""
    if isinstance(given, Text) and input_words.said(given.value, "done"):
        return await photos_done(d)
    if isinstance(given, Text):  # "namaste", "?": the photos kept so far, or the question again
        count = await reg.photo_count(d.session, d.sub.id)
        if field_named(given.value) == "price":  # "daam 250 kar do": not dropped unsaid
            out = Outcome().ack("err-price-at-photos")
            return out.show("photo_count", count) if count else d.reprompt(out)
        return Outcome().show("photo_count", count) if count else with_hint(d, "err-photo-text")
    if not isinstance(given, Image):
        video = isinstance(given, Other) and given.video
        return with_hint(d, "err-photo-video" if video else "err-photo-type")
    out = Outcome()
    refused, count, _ = await _keep_photo(d, given, out)
    if given.album:
        return out.show("album", (given.album, refused, count))
    if refused:
        out.ack(refused, max=reg.MAX_PHOTOS, min=reg.MIN_PHOTO_SIDE)
    return out.show("photo_count", count)


async def ahead(d: Draft, given: Image) -> Outcome:
    """A photo sent at another question (before the photo question, or one being changed from
    the summary) is kept, and the question at hand asked again. An album is answered once, at
    the first of its parts to arrive; a later part says only why it was not kept, if it was
    not."""
    out = Outcome()
    refused, _, album_seen = await _keep_photo(d, given, out)
    if refused:  # "5 photos already" has no "done" button to point to here
        key = "photos-ahead-full" if refused == "err-photo-limit" else refused
        out.ack(key, max=reg.MAX_PHOTOS, min=reg.MIN_PHOTO_SIDE)
    elif not album_seen:
        out.ack("photos-ahead", many="yes" if given.album else "no")
    return out if album_seen else d.reprompt(out)


async def _keep_photo(d: Draft, given: Image, out: Outcome) -> tuple[str | None, int, bool]:
    """Save the photo unless refused: (the refusal's key or None, the draft's photos now,
    whether an earlier part of its album is among them)."""
    sub, session = d.sub, d.session
    facts = await reg.photo_facts(session, sub.id, given.unique_id, d.artisan.id, given.album)
    count = facts.photos
    refused: str | None = None
    small = given.width is not None and given.height is not None
    if small and min(given.width or 0, given.height or 0) < reg.MIN_PHOTO_SIDE:
        refused = "err-photo-small"
    elif count >= reg.MAX_PHOTOS:
        refused = "err-photo-limit"
    elif facts.has_it:
        pass  # the same photo again: already saved
    elif facts.stored >= reg.MAX_STORED_PHOTOS:
        refused = "err-photo-storage"
    else:
        session.add(
            Photo(
                submission_id=sub.id,
                position=count + 1,
                file_id=given.file_id,
                file_unique_id=given.unique_id,
                width=given.width,
                height=given.height,
                mime_type=given.mime,
                album=given.album,
                reused_elsewhere=facts.elsewhere,
            )
        )
        reg.touch(sub)
        count += 1
        out.photo_saved = True
    return refused, count, facts.album_seen


async def at_summary(d: Draft, given: Image) -> Outcome:
    """One more photo, from the summary: to the photo step, whose "done" goes back to it."""
    if await reg.photo_count(d.session, d.sub.id) >= reg.MAX_PHOTOS:
        return d.reprompt(Outcome().ack("err-photo-full", max=reg.MAX_PHOTOS))
    d.sub.step, d.sub.editing = "photos", True
    return await at_photo_step(d, given)


async def photos_done(d: Draft) -> Outcome:
    """ "Done" pressed (or typed) at the photos: on to the summary, once there is one."""
    if d.sub.step != "photos":
        return d.reprompt()
    if not await reg.photo_count(d.session, d.sub.id):  # the question again said nothing why
        return d.reprompt(Outcome().ack("err-photo-first"))
    return advance(d, "photos")
