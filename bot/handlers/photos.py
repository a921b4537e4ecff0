"""Photos as the flow reads them, and an album answered once when it has arrived."""

from __future__ import annotations

from contextlib import suppress
from datetime import timedelta
from typing import Any

from apscheduler.jobstores.base import JobLookupError
from sqlalchemy import select
from telegram import Message
from telegram.ext import Application, Job, JobQueue

from bot.context import BotContext, services_of
from bot.handlers import keyboards as kb
from bot.handlers.base import Turn
from bot.handlers.steps import photo_count_text
from bot.outbox import unit_of_work
from bot.processor import PerUserUpdateProcessor
from bot.services import field_helpers, flow
from bot.services import registration as reg
from bot.storage import queries
from bot.storage.db import Rank, gate_rank
from bot.storage.models import State, Submission

IMAGE_TYPES = ("image/jpeg", "image/png", "image/webp")
# Telegram delivers an album as separate updates within milliseconds; it is answered once,
# this long after its last part reached the bot (at once when handling that part came later),
# and later still while more of this user's updates are waiting (a large album under load).
ALBUM_SETTLE = timedelta(seconds=0.25)
ALBUM_TIMERS = "album_timers"  # in bot_data: see _pending
App = Application[Any, Any, Any, Any, Any, Any]


def image_of(msg: Message) -> flow.Image | None:
    album, caption = msg.media_group_id, msg.caption
    if msg.photo:
        size = msg.photo[-1]
        return flow.Image(
            size.file_id,
            size.file_unique_id,
            size.width,
            size.height,
            "image/jpeg",
            album,
            caption,
        )
    doc = msg.document
    if doc is not None and doc.mime_type in IMAGE_TYPES:
        return flow.Image(
            doc.file_id, doc.file_unique_id, None, None, doc.mime_type, album, caption
        )
    return None


async def album_part(
    turn: Turn, sub: Submission, album: str, refused: str | None, count: int
) -> None:
    """A photo of an album is saved (`count`: the draft's photos with it): answer the album
    now if it is complete, or (re)start a short timer. Complete means ALBUM_SETTLE has passed
    since this part reached the bot and no other update of this user is waiting; under load
    that is usually already so when the last part is handled, and the answer goes in this
    same unit of work.

    A deferred answer is recorded on the draft (`album_due`, with the refusals to say): the
    timer only wakes the bot to give it, and a restart gives what a crash left recorded.
    """
    queue = turn.context.job_queue
    name = f"album:{turn.chat_id}:{album}"
    pending = _pending(turn.context.application)
    refusals = set(sub.album_due["refusals"]) if sub.album_due else set()
    if refused:
        refusals.add(refused)
    if (earlier := pending.pop(name, None)) is not None:
        # Gone already if it has just fired (its answer then sees this part being handled, and
        # waits for it): the scheduler does not know the job any more.
        with suppress(JobLookupError):
            earlier.schedule_removal()
    delay = _settle_left(turn)
    if delay > 0 and queue is not None:
        sub.album_due = {"chat": turn.chat_id, "user": turn.user_id, "refusals": sorted(refusals)}
        pending[name] = _wake(queue, delay, name, turn.chat_id, turn.user_id)
        return
    sub.album_due = None
    for key in sorted(refusals):
        turn.say(key, max=reg.MAX_PHOTOS, min=reg.MIN_PHOTO_SIDE)
    turn.send_text(photo_count_text(turn.t, sub, count), kb.photos(turn.t, count))


async def answered_album(turn: Turn, what: str = "") -> bool:
    """Outside the photo stage an album's first part is answered for all of it: one welcome,
    not one per photo (and one "no more than 5" for its parts left out, `what` its key). True
    for its later parts, which say nothing (of `what`). Noted in the database, so a restart or
    a second instance between the parts does not repeat it."""
    msg = turn.update.message
    if msg is None or msg.media_group_id is None:
        return False
    return not await queries.note_album(turn.session, turn.user_id, msg.media_group_id, what)


def _wake(queue: JobQueue[Any], delay: float, name: str, chat_id: int, user_id: int) -> Job[Any]:
    """A timer that wakes the bot to give the answer recorded on the user's draft."""
    return queue.run_once(_answer_album, delay, name=name, chat_id=chat_id, user_id=user_id)


def _pending(app: App) -> dict[str, Job[Any]]:
    """The albums' timers by name. PTB's `get_jobs_by_name` wraps every scheduled job of the
    bot on each call: with hundreds of albums arriving at once, that was quadratic."""
    pending: dict[str, Job[Any]] = app.bot_data.setdefault(ALBUM_TIMERS, {})
    return pending


def _settle_left(turn: Turn) -> float:
    """Seconds to wait before this album can be taken as complete."""
    settle = ALBUM_SETTLE.total_seconds()
    processor = turn.context.application.update_processor
    if not isinstance(processor, PerUserUpdateProcessor) or processor.queued(turn.user_id) > 1:
        return settle  # more of this user's updates (the album's next parts) are waiting
    return max(0.0, settle - processor.waited(turn.update))


async def _answer_album(context: BotContext) -> None:
    """Answer an album once: the recorded refusals, then the count read from the database."""
    job = context.job
    if job is None or job.user_id is None or job.chat_id is None:
        return
    chat_id, user_id, name = job.chat_id, job.user_id, job.name or ""
    pending = _pending(context.application)
    if pending.get(name) is job:
        del pending[name]
    processor = context.application.update_processor
    if isinstance(processor, PerUserUpdateProcessor) and processor.busy(user_id):
        if context.job_queue is not None:  # another part is on its way: wait for it
            pending[name] = _wake(
                context.job_queue, ALBUM_SETTLE.total_seconds(), name, chat_id, user_id
            )
        return
    gate_rank.set(Rank.CONTINUING)  # the end of this user's last update: ahead at the gate
    async with unit_of_work(context.bot, context.services) as work:
        await queries.lock_user(work.session, user_id)  # one answer, whichever instance wakes
        artisan, sub, dialogue = await queries.user_rows(work.session, user_id)
        if dialogue is not None and dialogue.kind == field_helpers.ASSIST:  # a helper's album
            artisan = await field_helpers.assisted(work.session, user_id, dialogue)
            sub = await flow.active(work.session, artisan) if artisan else None
        if artisan is None or sub is None or sub.album_due is None:
            return  # answered already (by an earlier timer, or by a later part)
        refusals, sub.album_due = sub.album_due["refusals"], None
        if sub.step != "photos":
            return  # moved on meanwhile: the new step's prompt was the answer
        count = await reg.photo_count(work.session, sub.id)
        locale = work.services.t.resolve_locale(artisan.locale)

        def t(key: str, **args: object) -> str:
            return work.services.t(locale, key, **args)

        for key in refusals:
            work.outbox.text(chat_id, t(key, max=reg.MAX_PHOTOS, min=reg.MIN_PHOTO_SIDE))
        work.outbox.text(chat_id, photo_count_text(t, sub, count), kb.photos(t, count))


async def on_startup(app: App) -> None:
    """Answer the albums a crash or a restart left unanswered, after a settle (their last parts
    may be on their way again); forget those of drafts that have moved on."""
    if app.job_queue is None:
        return
    due = []
    async with services_of(app).sessions() as session, session.begin():
        for sub in await session.scalars(
            select(Submission).where(Submission.album_due.is_not(None))
        ):
            if sub.state == State.DRAFT and sub.step == "photos" and sub.album_due is not None:
                due.append((sub.album_due["chat"], sub.album_due["user"]))
            else:
                sub.album_due = None
    for chat_id, user_id in due:
        name = f"album:{chat_id}:restart"
        _pending(app)[name] = _wake(
            app.job_queue, ALBUM_SETTLE.total_seconds(), name, chat_id, user_id
        )
