"""Outreach: `/poster <district> [camp]` makes a QR poster whose deep link opens the bot, and
`from_poster` greets whoever came through one.

The campaign row is written in the update's transaction; the poster is drawn and uploaded
after the commit (drawing takes about half a second, too long to hold the database).
"""

from __future__ import annotations

import asyncio
import logging
from functools import partial

from telegram import Bot, Update
from telegram.ext import BaseHandler, CommandHandler, filters

from bot.context import BotContext, Services
from bot.handlers.base import Turn, handler
from bot.outbox import Outbox
from bot.services import campaigns
from bot.services import poster as pst
from bot.storage.models import Artisan

log = logging.getLogger(__name__)
PRIVATE = filters.ChatType.PRIVATE
POSTER_LOCALE = "hi"  # printed for artisans: always Hindi, whoever asks


@handler
async def on_poster(turn: Turn) -> None:
    """Admin, or a reviewer for their own districts: a printable poster (PNG and PDF)."""
    view = await turn.staff()  # read now: a removed reviewer can no longer make posters
    if not view.is_staff:
        turn.say("poster-not-allowed")
        return
    args = list(turn.context.args or [])
    if not args:
        turn.say("poster-usage")
        return
    found = campaigns.split_district(turn.services.districts, args)
    district = found.district
    if district is None:
        turn.say("poster-bad-district", name=" ".join(args)[:60])
        if found.suggestions:
            names = ", ".join(d.name(turn.locale) for d in found.suggestions)
            turn.say("poster-did-you-mean", names=names)
        return
    if not campaigns.may_create(view, district.key):
        turn.say("poster-other-district", district=district.name(turn.locale))
        return
    campaign = await campaigns.create(turn.session, district.key, found.rest, turn.user_id)
    bot = turn.context.bot
    link = campaigns.deep_link(bot.username, campaign.payload)
    text = pst.compose(
        partial(turn.services.t, POSTER_LOCALE),
        district.name(POSTER_LOCALE),
        campaign.name,
        bot.first_name,
        bot.username,
        link,
    )
    camp = turn.t("poster-ready-camp", camp=campaign.name) if campaign.name else ""
    ready = turn.t("poster-ready", district=district.name(turn.locale), camp=camp, link=link)
    turn.say("poster-making")
    files = campaigns.file_stem(district.key, campaign.payload)
    failed = turn.t("poster-failed")
    chat = turn.chat_id
    turn.later(partial(_draw_and_send, chat, turn.services, text, files, ready, failed), chat)


async def _draw_and_send(
    chat: int,
    services: Services,
    text: pst.PosterText,
    name: str,
    caption: str,
    failed: str,
    bot: Bot,
) -> None:
    """Runs after the commit: draw in a thread, upload the PNG and the PDF."""
    try:
        drawn = await asyncio.to_thread(pst.render, text)
    except pst.PosterError as exc:
        log.error("poster not drawn: %s", exc)
        drawn = None
    outbox = Outbox()
    if drawn is None:
        outbox.text(chat, failed)
    else:
        outbox.document(chat, drawn.png, f"{name}.png")
        outbox.document(chat, drawn.pdf, f"{name}.pdf", caption)
    await outbox.send(bot, services)


async def from_poster(turn: Turn, artisan: Artisan | None) -> None:
    """`/start <payload>` from a poster: record its campaign and pre-select its district.

    An unknown or forged payload is ignored: the start is the normal one.
    """
    args = turn.context.args or []
    campaign = await campaigns.resolve(turn.session, args[0] if args else None)
    district = turn.services.districts.get(campaign.district) if campaign else None
    if campaign is None or district is None:
        return
    if artisan is None:  # the row that consent would create, created now to hold the campaign
        artisan = Artisan(telegram_id=turn.user_id, locale=turn.locale)
        turn.session.add(artisan)
    campaigns.attach(artisan, campaign)
    await turn.session.flush()
    turn.note("campaign-welcome", district=district.name(turn.locale))


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CommandHandler("poster", on_poster, filters=PRIVATE),
]
