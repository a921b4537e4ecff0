"""The photo step: 1–5 photos, one by one or as an album answered once."""

from __future__ import annotations

from datetime import timedelta
from functools import partial

from sqlalchemy import select
from telegram import Message

from bot.context import BotContext
from bot.handlers import keyboards as kb
from bot.handlers.base import Outgoing, Turn, deliver, send_text
from bot.handlers.catalogue import kick_photo_worker
from bot.handlers.steps import ask, header
from bot.services import registration as reg
from bot.storage import queries
from bot.storage.models import Artisan, Photo, Submission

IMAGE_TYPES = ("image/jpeg", "image/png", "image/webp")
# Telegram delivers an album as separate updates within a moment; answer once when it settles.
ALBUM_SETTLE = timedelta(seconds=1.0)


def _image_of(msg: Message) -> tuple[str, str, int | None, int | None, str | None] | None:
    if msg.photo:
        size = msg.photo[-1]
        return size.file_id, size.file_unique_id, size.width, size.height, "image/jpeg"
    doc = msg.document
    if doc is not None and doc.mime_type in IMAGE_TYPES:
        return doc.file_id, doc.file_unique_id, None, None, doc.mime_type
    return None


async def on_photo_input(turn: Turn, artisan: Artisan, sub: Submission, msg: Message) -> None:
    """Save an accepted photo at once; refuse small ones, a sixth one and non-images."""
    image = _image_of(msg)
    album = msg.media_group_id
    if image is None:
        key = "err-photo-video" if msg.video or msg.animation else "err-photo-type"
        turn.say(key)
        return await ask(turn, artisan, sub)
    file_id, unique_id, width, height, mime = image
    count = await reg.photo_count(turn.session, sub.id)
    refused: str | None = None
    if width is not None and height is not None and min(width, height) < reg.MIN_PHOTO_SIDE:
        refused = "err-photo-small"
    elif count >= reg.MAX_PHOTOS:
        refused = "err-photo-limit"
    elif not await _already_has(turn, sub.id, unique_id):
        turn.session.add(
            Photo(
                submission_id=sub.id,
                position=count + 1,
                file_id=file_id,
                file_unique_id=unique_id,
                width=width,
                height=height,
                mime_type=mime,
                reused_elsewhere=await reg.reused_elsewhere(turn.session, unique_id, artisan.id),
            )
        )
        reg.touch(sub)
        count += 1
        app = turn.context.application
        turn.later(lambda _bot: kick_photo_worker(app))  # keep it on the server at once
    if album:
        _schedule_album_answer(turn, album, refused)
        return None
    if refused:
        turn.say(refused, max=reg.MAX_PHOTOS, min=reg.MIN_PHOTO_SIDE)
    await _confirm(turn, count)
    return None


async def _already_has(turn: Turn, submission_id: int, unique_id: str) -> bool:
    found = await turn.session.scalar(
        select(Photo.id).where(
            Photo.submission_id == submission_id, Photo.file_unique_id == unique_id
        )
    )
    return found is not None


async def _confirm(turn: Turn, count: int) -> None:
    text = header(turn, "photos") + turn.t("photos-received", count=count, max=reg.MAX_PHOTOS)
    turn.send_text(text, kb.photos(turn.t, count))


def _schedule_album_answer(turn: Turn, album: str, refused: str | None) -> None:
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
    services = context.services
    async with services.sessions() as session:
        artisan, sub, _ = await queries.user_rows(session, job.user_id)
        if artisan is None or sub is None or sub.step != "photos":
            return
        count = await reg.photo_count(session, sub.id)
    locale = services.t.resolve_locale(artisan.locale, None)

    def t(key: str, **args: object) -> str:
        return services.t(locale, key, **args)

    texts = [t(key, max=reg.MAX_PHOTOS, min=reg.MIN_PHOTO_SIDE) for key in refusals]
    step = t("step-label", n=reg.STEP_NUMBER["photos"], total=reg.TOTAL_STEPS)
    last = step + "\n" + t("photos-received", count=count, max=reg.MAX_PHOTOS)
    outbox = [Outgoing(chat_id, partial(send_text, chat_id, text, None)) for text in texts]
    outbox.append(Outgoing(chat_id, partial(send_text, chat_id, last, kb.photos(t, count))))
    await deliver(context.bot, outbox, services)
