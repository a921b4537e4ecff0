"""Official review: /queue, /review, /history, /reopen and the decision buttons (`rv:`).

Every command and button re-reads the caller's role and districts, and every decision is
taken only by the holder of a live claim (see `bot.services.review`).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import timedelta

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, filters

from bot.context import BotContext
from bot.handlers import review_card as card
from bot.handlers import review_decide as rd
from bot.handlers.base import Turn, handler
from bot.handlers.callback_data import number
from bot.handlers.review_decide import refuse, refuse_outcome, reviewer
from bot.jobs import RepeatingJob
from bot.outbox import unit_of_work
from bot.services import review
from bot.services import review_queries as views
from bot.services.roles import StaffView
from bot.services.staff import known_name
from bot.services.workflow import ARTISAN
from bot.storage.models import Dialogue, State, Submission, format_reference, utcnow
from bot.storage.queries import stored_locale

PRIVATE = filters.ChatType.PRIVATE
REFERENCE = re.compile(r"(?:odop-?)?0*([0-9]{1,9})", re.IGNORECASE)
BUTTON = re.compile(r"rv:([a-z]{1,4})(?::([^:]{1,12}))?(?::([cx]))?(?::([a-z]{1,12}))?")


def lease(turn: Turn) -> timedelta:
    return timedelta(minutes=turn.services.settings.review_lease_minutes)


def parse_reference(text: str) -> int | None:
    match = REFERENCE.fullmatch(text.strip())
    return number(match.group(1)) if match else None


@handler
async def on_queue(turn: Turn) -> None:
    """Waiting submissions per district in the reviewer's scope, oldest first."""
    view = await reviewer(turn)
    if view is None:
        return
    lines, in_review = await views.queue(turn.session, view)
    total = sum(line.count for line in lines)
    if not total:
        turn.say("rv-queue-empty", in_review=in_review)
        return
    body = [turn.t("rv-queue-title", total=total)]
    body += [
        turn.t(
            "rv-queue-line",
            district=card.district_name(turn, line.district),
            count=line.count,
            since=card.ist(line.oldest, turn.t("value-missing")),
        )
        for line in lines
    ]
    body.append(turn.t("rv-queue-in-review", count=in_review))
    turn.send_text("\n".join(body), card.next_keyboard(turn.t))


@handler
async def on_review(turn: Turn) -> None:
    """`/review next` or `/review ODOP-000123`: claim it and show it."""
    view = await reviewer(turn)
    if view is None:
        return
    args = turn.context.args or []
    if not args or args[0].lower() == "next":
        await open_next(turn, view)
        return
    submission_id = parse_reference(args[0])
    if submission_id is None:
        turn.say("rv-bad-ref", text=args[0][:40])
        return
    outcome = await review.claim(turn.session, view, submission_id, lease(turn))
    if not outcome.ok or outcome.submission is None:
        refuse_outcome(turn, outcome, submission_id)
        return
    await rd.clear_dialogue(turn)
    await card.show(turn, outcome.submission)


async def open_next(turn: Turn, view: StaffView) -> None:
    claimed = await review.claim_next(turn.session, view, lease(turn))
    turn.answer()
    if claimed is None:
        turn.say("rv-nothing-next")
        return
    await rd.clear_dialogue(turn)
    sub = claimed.submission
    if claimed.held:  # the same card again: say why, or it reads as a fault
        turn.say("rv-still-yours", ref=sub.reference)
    await card.show(turn, sub)


@handler
async def on_history(turn: Turn) -> None:
    """Every state change of one submission: who, when, from, to, why."""
    view = await reviewer(turn)
    if view is None:
        return
    args = turn.context.args or []
    submission_id = parse_reference(args[0]) if args else None
    if submission_id is None:
        turn.say("rv-history-usage")
        return
    sub = rd.in_reach(turn, view, submission_id, await turn.session.get(Submission, submission_id))
    if sub is None:
        return
    events = await views.history(turn.session, submission_id)
    lines = [
        turn.t("rv-history-title", ref=sub.reference, state=card.state_name(turn.t, sub.state))
    ]
    # Officials by name where the bot knows it ("reviewer 900002" told an admin nothing).
    ids = {e.actor_id for e in events if e.actor_id is not None and e.actor_role != ARTISAN}
    names = {i: await known_name(turn.session, i) for i in ids}
    for event in events:  # a long history arrives in several messages (see bot.outbox)
        reason = event.reason or ""
        who = names.get(event.actor_id or 0) or str(event.actor_id or "")
        lines.append(
            turn.t(
                "rv-history-line",
                at=card.ist(event.at),
                before=card.state_name(turn.t, event.from_state or State.DRAFT),
                after=card.state_name(turn.t, event.to_state),
                actor=turn.t(f"rv-role-{event.actor_role}"),
                id=who,
                reason=turn.t(reason) if reason in review.REASON_KEYS else reason,
            )
        )
    turn.send_text("\n".join(lines))


@handler
async def on_reopen(turn: Turn) -> None:
    """A reviewer of its district (or an admin) sends a rejected submission back to the queue."""
    view = await rd.reviewer(turn)
    if view is None:
        return
    args = turn.context.args or []
    submission_id = parse_reference(args[0]) if args else None
    if submission_id is None:
        turn.say("rv-reopen-usage")
        return
    outcome = await review.reopen(turn.session, view, submission_id)
    sub = outcome.submission
    if sub is None:
        turn.say("rv-not-found", ref=format_reference(submission_id))
        return
    if outcome.refusal == review.Refusal.OWN:
        turn.say("rv-own-submission", ref=sub.reference)
        return
    if outcome.refusal in (review.Refusal.OUT_OF_SCOPE, review.Refusal.NOT_THEIRS):
        turn.say(rd.REFUSAL_KEYS[outcome.refusal], ref=sub.reference)
        return
    if not outcome.ok:
        turn.say("rv-reopen-refused", ref=sub.reference, state=card.state_name(turn.t, sub.state))
        return
    artisan = await views.artisan_of(turn.session, sub)
    if artisan is not None:
        await card.notify_reopened(turn, sub, artisan)
    turn.say("rv-reopened", ref=sub.reference)


@handler
async def on_button(turn: Turn) -> None:
    """Every `rv:` button: role, district, claim and state are checked at this press."""
    view = await reviewer(turn)
    query = turn.update.callback_query
    if view is None or query is None:
        return
    # Data is never trusted: a forged number ("²", "٣") is a stale button, not a traceback.
    match = BUTTON.fullmatch(query.data or "")
    verb, arg, code, reason = match.groups() if match else ("", None, None, None)
    if verb == "next" and arg is None and code is None and reason is None:
        return await open_next(turn, view)
    submission_id = number(arg)
    if submission_id is None:
        return refuse(turn, "button-stale")
    if verb == "ok" and code is None and reason is None:
        return await rd.decide(turn, view, submission_id, State.APPROVED)
    if verb in ("chg", "rej") and code is None and reason is None:
        return await rd.ask_reason(turn, view, submission_id, "c" if verb == "chg" else "x")
    to = rd.CODES.get(code or "")
    reasons = review.REASONS[to] if to is not None else {}
    if verb == "r" and to is not None and reason in reasons:
        return await rd.one_tap(turn, view, submission_id, to, reasons[reason])
    if verb == "txt" and code in rd.CODES and reason is None:
        return await rd.await_typed_reason(turn, view, submission_id, code)
    if verb == "rs" and code is None and reason is None:
        return await rd.send_typed_reason(turn, view, submission_id)
    return refuse(turn, "button-stale")


async def return_lapsed_claims(context: BotContext) -> None:
    """Claims whose lease ran out go back to the queue; their holder is told."""
    async with unit_of_work(context.bot, context.services) as work:
        for sub, holder in await review.expire_leases(work.session, utcnow()):
            locale = await stored_locale(work.session, holder)
            work.outbox.text(holder, work.t(locale, "rv-lease-lapsed", ref=sub.reference))


DIALOGUES: dict[str, Callable[[Turn, Dialogue], Awaitable[None]]] = {
    rd.REASON_DIALOGUE: rd.on_reason_text
}
JOBS = [RepeatingJob(return_lapsed_claims, timedelta(minutes=1), first=timedelta(seconds=20))]

HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CommandHandler("queue", on_queue, filters=PRIVATE),
    CommandHandler("review", on_review, filters=PRIVATE),
    CommandHandler("history", on_history, filters=PRIVATE),
    CommandHandler("reopen", on_reopen, filters=PRIVATE),
    CallbackQueryHandler(on_button, pattern=r"^rv:"),
]
