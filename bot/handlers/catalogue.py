"""Catalogue for admins: /export, /listed, /stats; the background photo downloads and the
periodic removal of photo files no row refers to."""

from __future__ import annotations

import asyncio
import logging
import shutil
import tempfile
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

from telegram import Bot, Message, Update
from telegram.ext import Application, BaseHandler, CommandHandler, filters

from bot.context import BotContext, Services, services_of
from bot.handlers.base import Turn, handler
from bot.handlers.ondc_export import on_export_ondc
from bot.handlers.photo_hints import send_hints
from bot.jobs import RepeatingJob
from bot.outbox import Outbox, tell
from bot.services import stats as st
from bot.services.catalogue import ExportQuery, export_catalogue, state_named
from bot.services.catalogue_files import zip_parts
from bot.services.listing import ListingRefused, listing_notice, mark_listed, refusal_text
from bot.services.media_sweep import sweep_orphans
from bot.storage.models import State
from bot.workers.photos import PhotoWorker

log = logging.getLogger(__name__)
PRIVATE = filters.ChatType.PRIVATE
WORKER = "photo_worker"


async def on_startup(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Start the photo download worker; it first works through any backlog."""
    services = services_of(app)
    worker = PhotoWorker(
        app.bot,
        services.sessions,
        services.settings.media_dir,
        active=lambda: app.running,
        hints=partial(send_hints, services, app.bot),  # retake hints, after the worker's commit
        processes=services.settings.photo_processes,
    )
    app.bot_data[WORKER] = worker
    worker.start()


async def on_shutdown(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    worker: PhotoWorker | None = app.bot_data.pop(WORKER, None)
    if worker is not None:
        await worker.stop()


def photo_worker(app: Application[Any, Any, Any, Any, Any, Any]) -> PhotoWorker:
    worker: PhotoWorker = app.bot_data[WORKER]
    return worker


async def kick_photo_worker(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Ask the worker to look for new photos now; fits the outbox, which runs after commit:
    `turn.later(lambda _bot: kick_photo_worker(app))`."""
    worker: PhotoWorker | None = app.bot_data.get(WORKER)
    if worker is not None:
        worker.kick()


async def _is_admin(turn: Turn) -> bool:
    if (await turn.staff()).is_admin:
        return True
    turn.say("cat-admin-only")
    return False


# A format word first in /export: the file it writes, and the name it is sent as.
CHAT_FORMATS = {"csv": "csv", "xlsx": "xlsx", "excel": "xlsx", "json": "json"}
CHAT_FILES = {
    "csv": ("catalogue_excel.csv", "catalogue.csv"),  # with a BOM: Excel keeps the Hindi
    "xlsx": ("catalogue.xlsx", "catalogue.xlsx"),
    "json": ("catalogue.json", "catalogue.json"),
}


@handler
async def on_export(turn: Turn) -> None:
    """Admin: `/export [csv|xlsx|json] [state] [district]` — the catalogue (CSV unless asked)
    and the photos (zipped) in this chat; `/export ondc` the ONDC catalogue."""
    if not await _is_admin(turn):
        return
    args = list(turn.context.args or [])
    if args and args[0].lower() == "ondc":  # the ONDC catalogue (bot/handlers/ondc_export.py)
        return await on_export_ondc(turn, args[1:])
    fmt = CHAT_FORMATS.get(args[0].lower(), "") if args else ""
    args = args[1:] if fmt else args
    state = State.APPROVED.value
    for taken in (2, 1):  # "jaanch mein" is two words
        said = state_named(" ".join(args[:taken])) if len(args) >= taken else None
        if said is not None:
            state, args = said, args[taken:]
            break
    district = None
    if args:
        match = turn.services.districts.match(" ".join(args))
        if match.district is None:
            turn.say("export-bad-district", name=" ".join(args))
            return
        district = match.district.key
    query = ExportQuery(state=state, district=district)
    turn.say("export-started")
    chat, locale, services = turn.chat_id, turn.locale, turn.services
    turn.later(partial(_export_and_send, services, chat, locale, query, fmt or "csv"), chat)


async def _export_and_send(
    services: Services, chat: int, locale: str, query: ExportQuery, fmt: str, bot: Bot
) -> None:
    """Runs after the commit: export into a temporary folder, upload, remove the folder."""

    def t(key: str, **args: Any) -> str:
        return services.t(locale, key, **args)

    tmp = Path(await asyncio.to_thread(tempfile.mkdtemp, prefix="odop-export-"))
    try:
        folder = tmp / "catalogue"
        settings = services.settings
        result = await export_catalogue(
            services.sessions, services.districts, settings.media_dir, query, fmt, folder
        )
        outbox = Outbox()
        if not result.rows:
            outbox.text(chat, t("export-empty"))
            return await outbox.send(bot, services)
        parts = await asyncio.to_thread(zip_parts, folder, tmp)
        kept, sent_as = CHAT_FILES[fmt]
        outbox.document(chat, folder / kept, sent_as)
        for n, part in enumerate(parts, 1):
            outbox.document(chat, part, part.name, t("export-part", n=n, total=len(parts)))
        done = t("export-done", rows=result.rows, photos=result.photos, parts=len(parts))
        if result.missing_photos:
            done += "\n" + t("export-missing", count=result.missing_photos)
        outbox.text(chat, done)
        await outbox.send(bot, services)
    except Exception:
        log.exception("export in chat failed")
        await tell(bot, services, chat, t("export-failed"))
    finally:
        await asyncio.to_thread(shutil.rmtree, tmp, ignore_errors=True)
    return None


@handler
async def on_listed(turn: Turn) -> None:
    """Admin: `/listed ODOP-000123 URL` — approved -> listed, and the artisan is told."""
    if not await _is_admin(turn):
        return
    args = turn.context.args or []
    if len(args) != 2:
        turn.say("listed-usage")
        return
    try:
        listing = await mark_listed(turn.session, args[0], args[1], turn.user_id)
    except ListingRefused as refused:
        turn.send_text(refusal_text(turn.services.t, turn.locale, refused))
        return
    sub = listing.submission
    if not listing.changed:
        turn.say("listed-already", ref=sub.reference, url=sub.listing_url or "")
        return
    if listing.artisan is not None:
        chat, text = listing_notice(turn.services.t, listing.artisan, sub)
        turn.send_text(text, chat_id=chat)
    turn.say("listed-done", ref=sub.reference)


@handler
async def on_stats(turn: Turn) -> None:
    """Admin: the numbers as text, then a PNG chart by district."""
    if not await _is_admin(turn):
        return
    numbers = await st.collect(turn.session)
    text = st.render(numbers, turn.t, turn.services.districts, turn.locale)
    for part in st.chunks(text):
        turn.send_text(part)
    if numbers.by_district:
        chat, caption = turn.chat_id, turn.t("stats-chart-caption")
        labels = st.chart_labels(turn.services.t)
        turn.later(partial(_send_chart, chat, numbers.by_district, labels, caption), chat)


async def _send_chart(
    chat: int, data: dict[str, tuple[int, int]], labels: dict[str, str], caption: str, bot: Bot
) -> Message:
    png = await asyncio.to_thread(st.chart_png, data, labels)
    return await bot.send_photo(chat, png, caption=caption, filename="stats.png")


async def sweep_orphan_media(context: BotContext) -> None:
    """Remove kept photo files no photo row refers to (replaced photos, deleted rows)."""
    services = context.services
    await sweep_orphans(services.sessions, services.settings.media_dir)


JOBS = [RepeatingJob(sweep_orphan_media, timedelta(minutes=30), first=timedelta(minutes=2))]

HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CommandHandler("export", on_export, filters=PRIVATE),
    CommandHandler("listed", on_listed, filters=PRIVATE),
    CommandHandler("stats", on_stats, filters=PRIVATE),
]
