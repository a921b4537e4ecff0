"""⌨️ A reviewer types in what an artisan said in a voice note (`tx:<id>:<field code>`)."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot.context import BotContext
from bot.handlers.base import Turn, handler
from bot.handlers.callback_data import number
from bot.handlers.review_decide import refuse_outcome, reviewer
from bot.services import review, transcripts
from bot.services import review_queries as views
from bot.services import validation as v
from bot.services.dialogues import close_dialogue, open_dialogue
from bot.storage.models import Dialogue

FIELD_KEYS = {field: f"rv-field-{field}" for field in transcripts.CODES.values()}


@handler
async def on_button(turn: Turn) -> None:
    """Only the reviewer holding the claim may type an answer in, checked at this press."""
    view = await reviewer(turn)
    query = turn.update.callback_query
    if view is None or query is None:
        return
    _, _, rest = (query.data or "").partition(":")
    arg, _, code = rest.partition(":")
    submission_id, field = number(arg), transcripts.CODES.get(code)
    if submission_id is None or field is None:
        turn.answer("button-stale", alert=True)
        return
    outcome = await review.held(turn.session, view, submission_id)
    if not outcome.ok or outcome.submission is None:
        refuse_outcome(turn, outcome, submission_id)
        return
    turn.answer()
    payload = {"submission": submission_id, "field": field}
    await open_dialogue(turn.session, turn.user_id, transcripts.KIND, payload)
    turn.say("tx-ask", field=turn.t(FIELD_KEYS[field]), ref=outcome.submission.reference)


async def on_text(turn: Turn, dialogue: Dialogue) -> None:
    """The text as the reviewer heard it: checked like the artisan's own answer, then kept."""
    msg = turn.update.message
    view = await turn.staff()
    submission_id, field = dialogue.payload.get("submission"), dialogue.payload.get("field")
    if msg is None or not isinstance(submission_id, int) or field not in FIELD_KEYS:
        return
    if not msg.text or msg.text.startswith("/"):
        turn.say("tx-ask-again")
        return
    outcome = await review.held(turn.session, view, submission_id)
    sub = outcome.submission
    if not outcome.ok or sub is None:
        await _close(turn)
        refuse_outcome(turn, outcome, submission_id)
        return
    artisan = await views.artisan_of(turn.session, sub)
    if artisan is None:
        await _close(turn)
        return
    try:
        value = transcripts.record(turn.session, sub, artisan, field, msg.text, turn.user_id)
    except v.Invalid:
        turn.say("tx-invalid")
        return
    await _close(turn)
    turn.say("tx-saved", field=turn.t(FIELD_KEYS[field]), value=value, ref=sub.reference)


async def _close(turn: Turn) -> None:
    await close_dialogue(turn.session, turn.user_id)


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CallbackQueryHandler(on_button, pattern=r"^tx:"),
]
DIALOGUES = {transcripts.KIND: on_text}
