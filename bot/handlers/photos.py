"""Photos as the flow reads them, and an album answered once when it has arrived."""

from __future__ import annotations

from datetime import timedelta

from telegram import Message

from bot.context import BotContext
from bot.handlers import keyboards as kb
from bot.handlers.base import Turn
from bot.handlers.steps import photo_count_text
from bot.outbox import unit_of_work
from bot.processor import PerUserUpdateProcessor
from bot.services import field_helpers, flow
from bot.services import registration as reg
from bot.storage import queries

IMAGE_TYPES = ("image/jpeg", "image/png", "image/webp")
# Telegram delivers an album as separate updates within milliseconds; it is answered once,
# this long after its last part, and later still while more of this user's updates are
# being handled (the parts of a large album under load).
ALBUM_SETTLE = timedelta(seconds=0.25)


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


def schedule_album_answer(turn: Turn, album: str, refused: str | None) -> None:
    """(Re)start a short timer for this album; its photos are already saved in the database."""
    queue = turn.context.job_queue
    if queue is None:
        return
    name = f"album:{turn.chat_id}:{album}"
    refusals: set[str] = set()
    for job in queue.get_jobs_by_name(name):
        refusals.update(job.data if isinstance(job.data, list) else ())
        job.schedule_removal()
    if refused:
        refusals.add(refused)
    queue.run_once(
        _answer_album,  # type: ignore[arg-type]  # PTB types jobs by its own context class
        ALBUM_SETTLE,
        data=sorted(refusals),
        name=name,
        chat_id=turn.chat_id,
        user_id=turn.user_id,
    )


async def _answer_album(context: BotContext) -> None:
    """Answer an album once: the refusals, then the count read from the database."""
    job = context.job
    if job is None or job.user_id is None or job.chat_id is None:
        return
    chat_id, refusals = job.chat_id, list(job.data or ())  # type: ignore[call-overload]
    processor = context.application.update_processor
    if isinstance(processor, PerUserUpdateProcessor) and processor.busy(job.user_id):
        if context.job_queue is not None:  # another part is on its way: wait for it
            context.job_queue.run_once(
                _answer_album,  # type: ignore[arg-type]
                ALBUM_SETTLE,
                data=refusals,
                name=job.name,
                chat_id=chat_id,
                user_id=job.user_id,
            )
        return
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
