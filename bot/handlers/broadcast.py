"""Admin broadcasts (/broadcast, /broadcasts, /cancelbroadcast) and artisans' notice settings.

The dialogue is in `broadcast_compose`; queueing and the sending lane are in
`bot.services.broadcast*`. The lane runs as a background task from `on_startup` to `on_shutdown`.
"""

from __future__ import annotations

import html
import re
from datetime import datetime
from functools import partial
from typing import Any

from telegram import Bot, Update
from telegram.ext import Application, BaseHandler, CallbackQueryHandler, CommandHandler, filters

from bot.context import BotContext, services_of
from bot.handlers import broadcast_compose as compose
from bot.handlers.base import Turn, handler
from bot.handlers.callback_data import number
from bot.services.broadcast import (
    ACTIVE,
    CANCELLED,
    DONE,
    FAILED,
    PENDING,
    QUEUED,
    SENDING,
    SENT,
    SKIPPED,
    Reach,
    cancel,
    delivery_counts,
    helper_counts,
    recent,
)
from bot.storage.models import IST, Broadcast
from bot.workers.broadcast_lane import BroadcastLane

PRIVATE = filters.ChatType.PRIVATE
SNIPPET = 60
_TAGS = re.compile(r"<[^>]+>")
STATE_KEYS = {
    QUEUED: "bc-state-queued",
    SENDING: "bc-state-sending",
    DONE: "bc-state-done",
    CANCELLED: "bc-state-cancelled",
}


@handler
async def on_broadcast(turn: Turn) -> None:
    """Start composing a notice (admins only)."""
    if await compose.is_admin(turn):
        await compose.start(turn)


@handler
async def on_button(turn: Turn) -> None:
    """A `bc:` button of the compose dialogue."""
    query = turn.update.callback_query
    data = (query.data or "") if query else ""
    verb, _, arg = data.removeprefix("bc:").partition(":")
    await compose.on_button(turn, verb, arg)


def _snippet(broadcast: Broadcast) -> str:
    text = " ".join(html.unescape(_TAGS.sub("", broadcast.text or "")).split())
    if len(text) > SNIPPET:
        text = text[: SNIPPET - 1] + "…"
    return ("🖼 " if broadcast.photo_file_id else "") + text


def _when(moment: datetime) -> str:
    return moment.astimezone(IST).strftime("%d.%m.%Y %H:%M")


@handler
async def on_list(turn: Turn) -> None:
    """The ten most recent broadcasts with their delivery counts, read now (admins only)."""
    if not await compose.is_admin(turn):
        return
    broadcasts = await recent(turn.session)
    if not broadcasts:
        turn.say("bc-list-empty")
        return
    counts = await delivery_counts(turn.session, [b.id for b in broadcasts])
    helped = await helper_counts(turn.session, [b.id for b in broadcasts])
    lines = [
        turn.t(
            "bc-list-line",
            id=str(b.id),
            date=_when(b.created_at),
            state=turn.t(STATE_KEYS.get(b.state, "bc-state-queued")),
            snippet=_snippet(b),
            sent=counts[b.id][SENT],
            failed=counts[b.id][FAILED],
            skipped=counts[b.id][SKIPPED],
            pending=counts[b.id][PENDING],
            total=b.total,
        )
        + _helped(turn, helped[b.id])
        for b in broadcasts
    ]
    turn.send_text(turn.t("bc-list-title") + "\n\n" + "\n\n".join(lines))


def _helped(turn: Turn, reach: Reach) -> str:
    """The line for the helpers who got it to pass on, if any did."""
    if not reach.helpers:
        return ""
    return "\n" + turn.t("bc-list-helpers", helpers=reach.helpers, artisans=reach.via_helpers)


@handler
async def on_cancel_broadcast(turn: Turn) -> None:
    """Stop a queued or running broadcast: `/cancelbroadcast <id>` (admins only)."""
    if not await compose.is_admin(turn):
        return
    args = turn.context.args or []
    typed = args[0].lstrip("#") if args else ""
    broadcast_id = number(typed)
    if broadcast_id is None:  # "²".isdigit() is true, yet int("²") fails
        turn.say("bc-cancel-usage")
        return
    number_text = str(broadcast_id)
    broadcast = await turn.session.get(Broadcast, broadcast_id)
    if broadcast is None:
        turn.say("bc-cancel-unknown", id=number_text)
        return
    if broadcast.state not in ACTIVE:
        state = turn.t(STATE_KEYS.get(broadcast.state, "bc-state-done"))
        turn.say("bc-cancel-finished", id=number_text, state=state)
        return
    skipped = await cancel(turn.session, broadcast)
    sent = (await delivery_counts(turn.session, [broadcast.id]))[broadcast.id][SENT]
    turn.say("bc-cancel-done", id=number_text, sent=sent, skipped=skipped)
    lane = compose.lane_of(turn.context.application)
    if lane is not None:  # after the commit: its sends in flight still finish
        turn.later(partial(_halt, lane, broadcast_id))


async def _halt(lane: BroadcastLane, broadcast_id: int, _bot: Bot) -> None:
    lane.cancelled(broadcast_id)


async def _set_notices(turn: Turn, wanted: bool) -> None:
    artisan = turn.artisan
    if artisan is None or not artisan.registered:
        turn.say("notices-not-registered")
        return
    artisan.notices_opt_in = wanted
    turn.say("notices-started" if wanted else "notices-stopped")


@handler
async def on_stop_notices(turn: Turn) -> None:
    """The artisan opts out of broadcasts (news about their own submissions still comes)."""
    await _set_notices(turn, False)


@handler
async def on_start_notices(turn: Turn) -> None:
    """The artisan opts back in to broadcasts."""
    await _set_notices(turn, True)


async def on_startup(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    lane = BroadcastLane.with_own_bot(services_of(app))
    app.bot_data[compose.LANE_KEY] = lane
    lane.start()


async def on_shutdown(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    lane = app.bot_data.pop(compose.LANE_KEY, None)
    if isinstance(lane, BroadcastLane):
        await lane.stop()


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CommandHandler("broadcast", on_broadcast, filters=PRIVATE),
    CommandHandler("broadcasts", on_list, filters=PRIVATE),
    CommandHandler("cancelbroadcast", on_cancel_broadcast, filters=PRIVATE),
    CommandHandler("stopnotices", on_stop_notices, filters=PRIVATE),
    CommandHandler("startnotices", on_start_notices, filters=PRIVATE),
    CallbackQueryHandler(on_button, pattern=r"^bc:"),
]
DIALOGUES = {compose.KIND: compose.on_input}
