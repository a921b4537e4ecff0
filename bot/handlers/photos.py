"""Photos as the flow reads them, and an album answered once when it has arrived."""

from __future__ import annotations

from contextlib import suppress
from datetime import timedelta
from typing import Any

from apscheduler.jobstores.base import JobLookupError
from telegram import Message
from telegram.ext import Job

from bot.context import BotContext
from bot.handlers import keyboards as kb
from bot.handlers.base import Turn
from bot.handlers.steps import photo_count_text
from bot.outbox import unit_of_work
from bot.processor import PerUserUpdateProcessor
from bot.services import field_helpers, flow
from bot.services import registration as reg
from bot.storage import queries
from bot.storage.db import continuing_run
from bot.storage.models import Submission

IMAGE_TYPES = ("image/jpeg", "image/png", "image/webp")
# Telegram delivers an album as separate updates within milliseconds; it is answered once,
# this long after its last part reached the bot (at once when handling that part came later),
# and later still while more of this user's updates are waiting (a large album under load).
ALBUM_SETTLE = timedelta(seconds=0.25)
ALBUM_TIMERS = "album_timers"  # in bot_data: see _pending


def image_of(msg: Message) -> flow.Image | None:
    album = msg.media_group_id
    if msg.photo:
        size = msg.photo[-1]
        return flow.Image(
            size.file_id, size.file_unique_id, size.width, size.height, "image/jpeg", album
        )
    doc = msg.document
    if doc is not None and doc.mime_type in IMAGE_TYPES:
        return flow.Image(doc.file_id, doc.file_unique_id, None, None, doc.mime_type, album)
    return None


async def album_part(
    turn: Turn, sub: Submission, album: str, refused: str | None, count: int
) -> None:
    """A photo of an album is saved (`count`: the draft's photos with it): answer the album
    now if it is complete, or (re)start a short timer. Complete means ALBUM_SETTLE has passed
    since this part reached the bot and no other update of this user is waiting; under load
    that is usually already so when the last part is handled, and the answer goes in this
    same unit of work."""
    queue = turn.context.job_queue
    name = f"album:{turn.chat_id}:{album}"
    pending = _pending(turn.context)
    refusals: set[str] = {refused} if refused else set()
    if (earlier := pending.pop(name, None)) is not None:
        refusals.update(earlier.data if isinstance(earlier.data, list) else ())
        # Gone already if it has just fired (its answer then sees this part being handled, and
        # waits for it): the scheduler does not know the job any more.
        with suppress(JobLookupError):
            earlier.schedule_removal()
    delay = _settle_left(turn)
    if delay > 0 and queue is not None:
        pending[name] = queue.run_once(
            _answer_album,  # type: ignore[arg-type]  # PTB types jobs by its own context class
            delay,
            data=sorted(refusals),
            name=name,
            chat_id=turn.chat_id,
            user_id=turn.user_id,
        )
        return
    for key in sorted(refusals):
        turn.say(key, max=reg.MAX_PHOTOS, min=reg.MIN_PHOTO_SIDE)
    turn.send_text(photo_count_text(turn.t, sub, count), kb.photos(turn.t, count))


def _pending(context: BotContext) -> dict[str, Job[Any]]:
    """The albums' timers by name. PTB's `get_jobs_by_name` wraps every scheduled job of the
    bot on each call: with hundreds of albums arriving at once, that was quadratic."""
    pending: dict[str, Job[Any]] = context.application.bot_data.setdefault(ALBUM_TIMERS, {})
    return pending


def _settle_left(turn: Turn) -> float:
    """Seconds to wait before this album can be taken as complete."""
    settle = ALBUM_SETTLE.total_seconds()
    processor = turn.context.application.update_processor
    if not isinstance(processor, PerUserUpdateProcessor) or processor.queued(turn.user_id) > 1:
        return settle  # more of this user's updates (the album's next parts) are waiting
    return max(0.0, settle - processor.waited(turn.update))


async def _answer_album(context: BotContext) -> None:
    """Answer an album once: the refusals, then the count read from the database."""
    job = context.job
    if job is None or job.user_id is None or job.chat_id is None:
        return
    chat_id, refusals = job.chat_id, list(job.data or ())  # type: ignore[call-overload]
    pending = _pending(context)
    if pending.get(job.name or "") is job:
        del pending[job.name or ""]
    processor = context.application.update_processor
    if isinstance(processor, PerUserUpdateProcessor) and processor.busy(job.user_id):
        if context.job_queue is not None:  # another part is on its way: wait for it
            pending[job.name or ""] = context.job_queue.run_once(
                _answer_album,  # type: ignore[arg-type]
                ALBUM_SETTLE,
                data=refusals,
                name=job.name,
                chat_id=chat_id,
                user_id=job.user_id,
            )
        return
    continuing_run.set(True)  # the end of this user's last update: ahead of others at the gate
    async with unit_of_work(context.bot, context.services) as work:
        artisan, sub, dialogue = await queries.user_rows(work.session, job.user_id)
        if dialogue is not None and dialogue.kind == field_helpers.ASSIST:  # a helper's album
            artisan = await field_helpers.assisted(work.session, job.user_id, dialogue)
            sub = await flow.active(work.session, artisan) if artisan else None
        if artisan is None or sub is None or sub.step != "photos":
            return
        count = await reg.photo_count(work.session, sub.id)
        locale = work.services.t.resolve_locale(artisan.locale)

        def t(key: str, **args: object) -> str:
            return work.services.t(locale, key, **args)

        for key in refusals:
            work.outbox.text(chat_id, t(key, max=reg.MAX_PHOTOS, min=reg.MIN_PHOTO_SIDE))
        work.outbox.text(chat_id, photo_count_text(t, sub, count), kb.photos(t, count))
