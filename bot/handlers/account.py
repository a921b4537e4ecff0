"""The artisan's own records: /status, /mydata and /deletemydata (with its confirmation)."""

from __future__ import annotations

from datetime import datetime

from babel.dates import format_date
from telegram import Update
from telegram.ext import BaseHandler, CommandHandler, filters

from bot.context import BotContext
from bot.handlers import keyboards as kb
from bot.handlers import steps
from bot.handlers.base import Turn, handler
from bot.handlers.summary import craft_label
from bot.services import privacy
from bot.services import registration as reg
from bot.services.validation import readable_phone
from bot.storage.models import IST, Artisan, State, Submission

PRIVATE = filters.ChatType.PRIVATE
STATE_KEYS = {
    State.DRAFT: "state-draft",
    State.PENDING: "state-pending",
    State.IN_REVIEW: "state-pending",  # the artisan needs no difference between these two
    State.CHANGES_REQUESTED: "state-changes_requested",
    State.APPROVED: "state-approved",
    State.REJECTED: "state-rejected",
    State.LISTED: "state-listed",
}


NO_NAME_YET = "status-product-new"  # a draft just started: "—" read as something lost


async def status_of(turn: Turn, artisan: Artisan) -> None:
    subs = await reg.submissions_of(turn.session, artisan.id)
    if not subs:
        turn.say("status-none", kb.menu(turn.t, False))
        return
    lines = [
        turn.t(
            "status-line",
            ref=s.reference,
            product=s.product_name
            or turn.t(NO_NAME_YET if s.state == State.DRAFT else "value-missing"),
            state=turn.t(STATE_KEYS[State(s.state)]),
        )
        + (("\n" + turn.t("status-reason", reason=s.decision_reason)) if _reason_stands(s) else "")
        for s in subs
    ]
    turn.send_text(turn.t("status-title") + "\n\n" + "\n\n".join(lines))


def _reason_stands(sub: Submission) -> bool:
    """A reviewer's reason is shown while the decision it explains stands, not after a fix is
    sent again (it would read as the new verdict)."""
    return bool(sub.decision_reason) and sub.state in (State.CHANGES_REQUESTED, State.REJECTED)


def day(moment: datetime, locale: str) -> str:
    """A day as the artisan reads it: "30 November 2026" in either language's script.

    babel directly rather than Fluent's DATETIME: Fluent formats with the bundle's bare locale,
    and bare `en` writes "November 30, 2026"; India (`en_IN`, `hi_IN`) puts the day first.
    """
    return format_date(moment.astimezone(IST).date(), "long", locale=f"{locale}_IN")


@handler
async def on_status(turn: Turn) -> None:
    """List the artisan's submissions with their state in their language."""
    if turn.artisan is None or not turn.artisan.registered:
        steps.consent_prompt(turn)
        return
    await status_of(turn, turn.artisan)


@handler
async def on_mydata(turn: Turn) -> None:
    """Show everything stored about the artisan."""
    artisan = turn.artisan
    if artisan is None or not artisan.registered:
        turn.say("mydata-none")
        return
    district = turn.services.districts.get(artisan.district)
    missing = turn.t("value-missing")
    turn.say(
        "mydata",
        name=artisan.name or missing,
        phone=readable_phone(artisan.phone) if artisan.phone else missing,
        district=district.name(turn.locale) if district else missing,
        craft=craft_label(turn, artisan.craft) if artisan.craft else missing,
        language=turn.services.t.native_names()[turn.locale],
        notices=turn.t("word-yes" if artisan.notices_opt_in else "word-no"),
        consent=day(artisan.consent_at, turn.locale) if artisan.consent_at else missing,
    )
    await status_of(turn, artisan)


@handler
async def on_deletemydata(turn: Turn) -> None:
    """Ask before purging the artisan's personal data."""
    if turn.artisan is None:
        turn.say("mydata-none")
        return
    turn.say("delete-confirm", kb.confirm_delete(turn.t))


async def delete(turn: Turn, artisan: Artisan, arg: str) -> None:
    if arg != "yes":
        turn.say("delete-kept")
        return
    services = turn.services
    media_dir = services.settings.media_dir
    paths = await privacy.purge_artisan(turn.session, artisan, media_dir)
    turn.artisan = None
    # Before "done" is sent: the files and the WAL's old frames are gone when the artisan reads it.
    turn.later(
        lambda _bot: privacy.erase_leftovers(services.engine, services.sessions, media_dir, paths)
    )
    turn.say("delete-done")


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CommandHandler("status", on_status, filters=PRIVATE),
    CommandHandler("mydata", on_mydata, filters=PRIVATE),
    CommandHandler("deletemydata", on_deletemydata, filters=PRIVATE),
]
