"""`/export ondc [district]` (admins): the ONDC catalogue and what was left out, in this chat."""

from __future__ import annotations

import asyncio
import logging
import shutil
import tempfile
from functools import partial
from pathlib import Path

from telegram import Bot, Message

from bot.context import Services
from bot.handlers.base import Outgoing, Turn, deliver
from bot.services.catalogue import ExportQuery
from bot.services.ondc import CATALOGUE, LEFT_OUT, export_ondc

log = logging.getLogger(__name__)
UPLOAD_TIMEOUT = 120.0


async def on_export_ondc(turn: Turn, args: list[str]) -> None:
    """Called by /export after the admin check, with the words after "ondc"."""
    district = None
    if args:
        match = turn.services.districts.match(" ".join(args))
        if match.district is None:
            turn.say("export-bad-district", name=" ".join(args))
            return
        district = match.district.key
    turn.say("export-started")
    chat, locale, services = turn.chat_id, turn.locale, turn.services
    query = ExportQuery(district=district)
    turn.later(partial(_export_and_send, services, chat, locale, query), chat)


async def _export_and_send(
    services: Services, chat: int, locale: str, query: ExportQuery, bot: Bot
) -> None:
    """After the commit: write into a temporary folder, upload the files, remove the folder."""
    tmp = Path(await asyncio.to_thread(tempfile.mkdtemp, prefix="odop-ondc-"))
    t = partial(services.t, locale)
    try:
        result = await export_ondc(
            services.sessions,
            services.districts,
            services.crafts,
            services.settings.media_base_url,
            query,
            tmp,
        )
        outbox = [_document(chat, tmp / CATALOGUE)]
        if result.left_out:
            outbox.append(_document(chat, tmp / LEFT_OUT))
        lines = [t("ls-ondc-done", items=result.items, left=len(result.left_out))]
        lines += [f"{ref}: {', '.join(missing)}" for ref, missing in result.left_out[:20]]
        if result.stock_unknown:
            lines.append(t("ls-ondc-stock-unknown", refs=", ".join(result.stock_unknown[:20])))
        if result.warnings:
            lines.append(t("ls-ondc-no-media-url"))
        text = "\n".join(lines)[:4000]
        outbox.append(Outgoing(chat, partial(_text, chat, text)))
        await deliver(bot, outbox, services)
    except Exception:
        log.exception("ONDC export in chat failed")
        await deliver(bot, [Outgoing(chat, partial(_text, chat, t("export-failed")))], services)
    finally:
        await asyncio.to_thread(shutil.rmtree, tmp, ignore_errors=True)


async def _text(chat: int, text: str, bot: Bot) -> Message:
    return await bot.send_message(chat, text, parse_mode=None)


def _document(chat: int, path: Path) -> Outgoing:
    async def send(bot: Bot) -> Message:
        data = await asyncio.to_thread(path.read_bytes)
        return await bot.send_document(
            chat,
            data,
            filename=path.name,
            write_timeout=UPLOAD_TIMEOUT,
            read_timeout=UPLOAD_TIMEOUT,
        )

    return Outgoing(chat, send)
