"""`/export ondc [district]` (admins): the ONDC catalogue and what was left out, in this chat."""

from __future__ import annotations

import asyncio
import html
import logging
import shutil
import tempfile
from functools import partial
from pathlib import Path

from telegram import Bot

from bot.context import Services
from bot.handlers.base import Turn
from bot.outbox import Outbox, tell
from bot.services.catalogue import ExportQuery
from bot.services.ondc import CATALOGUE, LEFT_OUT, export_ondc

log = logging.getLogger(__name__)


# What an item lacks (bot/services/ondc.missing_fields), as an admin reads it in the chat; the
# terminal and the left-out CSV keep ONDC's own field names.
MISSING = {
    "name": "ondc-missing-name",
    "hsn": "ondc-missing-hsn",
    "short_desc": "ondc-missing-description",
    "long_desc": "ondc-missing-description",
    "images": "ondc-missing-images",
    "price": "ondc-missing-price",
    "category_id": "ondc-missing-category",
    "category_id (not home & décor)": "ondc-missing-category-other",
    "time_to_ship": "ondc-missing-time-to-ship",
    "manufacturer_or_packer_name": "ondc-missing-maker-name",
    "manufacturer_or_packer_address": "ondc-missing-maker-address",
    "brand": "ondc-missing-brand",
    "colour": "ondc-missing-colour",
    "material": "ondc-missing-material",
}


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
        outbox = Outbox()
        outbox.document(chat, tmp / CATALOGUE, CATALOGUE)
        if result.left_out:
            outbox.document(chat, tmp / LEFT_OUT, LEFT_OUT)
        lines = [t("ls-ondc-done", items=result.items, left=len(result.left_out))]
        for ref, missing in result.left_out[:20]:
            said = dict.fromkeys(t(MISSING.get(m, "ondc-missing-other")) for m in missing)
            lines.append(f"{ref}: {', '.join(said)}")  # both descriptions: one "description"
        if result.stock_unknown:
            lines.append(t("ls-ondc-stock-unknown", refs=", ".join(result.stock_unknown[:20])))
        if result.warnings:
            lines.append(t("ls-ondc-no-media-url"))
        text = "\n".join(lines)[:4000]
        outbox.text(chat, html.escape(text, quote=False))
        await outbox.send(bot, services)
    except Exception:
        log.exception("ONDC export in chat failed")
        await tell(bot, services, chat, t("export-failed"))
    finally:
        await asyncio.to_thread(shutil.rmtree, tmp, ignore_errors=True)
