"""Review decisions: the reason menu, the typed reason, and the decision itself.

Every path re-checks the caller's role, district and live claim at this moment (the service
refuses anything else); refusals answer in the caller's language and change nothing.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from telegram import Bot, Message

from bot.handlers import listing_details
from bot.handlers import review_card as card
from bot.handlers.base import Turn
from bot.services import review
from bot.services import review_queries as views
from bot.services.dialogues import close_dialogue, open_dialogue
from bot.services.review import Outcome, Refusal
from bot.services.roles import StaffView
from bot.storage.models import Dialogue, State, Submission, format_reference

REASON_DIALOGUE = "rv:reason"
REASON_LENGTH = (3, 500)
CODES = {"c": State.CHANGES_REQUESTED, "x": State.REJECTED}
DONE_KEYS = {
    State.APPROVED: "rv-done-approved",
    State.CHANGES_REQUESTED: "rv-done-changes",
    State.REJECTED: "rv-done-rejected",
}
REFUSAL_KEYS = {
    Refusal.NOT_FOUND: "rv-not-found",
    Refusal.OUT_OF_SCOPE: "rv-out-of-scope",
    Refusal.CLAIMED: "rv-claimed",
    Refusal.NOT_WAITING: "rv-not-waiting",
    Refusal.NOT_HELD: "rv-not-held",
    Refusal.OWN: "rv-own-submission",
    Refusal.NOT_THEIRS: "rv-reopen-not-yours",
    Refusal.UNNAMED: "rv-needs-product-name",
}


def refuse(turn: Turn, key: str, **args: Any) -> None:
    """A refusal in the caller's language: a popup for a button, a message for a command."""
    if turn.update.callback_query is not None:
        turn.answer(key, alert=True, **args)
    else:
        turn.say(key, **args)


def in_reach(turn: Turn, view: StaffView, sid: int, sub: Submission | None) -> Submission | None:
    """The product a staff command names, if the caller may see it; otherwise None, and said
    alike by every such command: "not found", or "not in your districts"."""
    if sub is None or not view.can_review(sub.district):
        turn.say("rv-not-found" if sub is None else "rv-out-of-scope", ref=format_reference(sid))
        return None
    return sub


def refuse_outcome(turn: Turn, outcome: Outcome, submission_id: int) -> None:
    sub, refusal = outcome.submission, outcome.refusal
    assert refusal is not None
    refuse(
        turn,
        REFUSAL_KEYS[refusal],
        ref=format_reference(submission_id),
        state=card.state_name(turn.t, sub.state) if sub else "",
        until=card.ist(sub.lease_until if sub else None, turn.t("value-missing")),
    )


async def reviewer(turn: Turn) -> StaffView | None:
    """The caller's roles now; a polite refusal when they may not review."""
    view = await turn.staff()
    if view.is_reviewer:
        return view
    refuse(turn, "rv-not-staff", id=str(turn.user_id))
    return None


async def clear_dialogue(turn: Turn) -> None:
    await close_dialogue(turn.session, turn.user_id, REASON_DIALOGUE)


async def ask_reason(turn: Turn, view: StaffView, submission_id: int, code: str) -> None:
    """Needs changes / Reject pressed: offer the one-tap reasons (only to the claim holder); a
    reason typed instead is taken too, as the question says ("or write your own")."""
    outcome = await review.held(turn.session, view, submission_id)
    if not outcome.ok or outcome.submission is None:
        return refuse_outcome(turn, outcome, submission_id)
    # The latest question is what the next text answers, as with every staff question: a help
    # reply or an HSN code asked before would take the reason (and send it to another artisan).
    # Typed under these buttons, a reason is shown back before it is used.
    await _await_reason(turn, submission_id, code, asked=False)
    turn.answer()
    key = "rv-ask-reason-changes" if code == "c" else "rv-ask-reason-reject"
    markup = card.reason_keyboard(turn.t, submission_id, code)
    turn.say(key, markup, ref=outcome.submission.reference)
    return None


async def await_typed_reason(turn: Turn, view: StaffView, submission_id: int, code: str) -> None:
    """The "write a reason" button: the next text message is the reason (a dialogue row)."""
    outcome = await review.held(turn.session, view, submission_id)
    if not outcome.ok or outcome.submission is None:
        return refuse_outcome(turn, outcome, submission_id)
    await _await_reason(turn, submission_id, code, asked=True)
    turn.answer()
    turn.say("rv-type-reason", ref=outcome.submission.reference)
    return None


async def _await_reason(turn: Turn, submission_id: int, code: str, *, asked: bool) -> None:
    """The next text is the reason: a dialogue row, with the messages whose buttons the
    decision removes (the card, the reason question). `asked`: "write a reason" was pressed,
    so the text decides; typed under the reason buttons, it is shown back to confirm first."""
    buttons = _waiting_buttons(turn, submission_id)
    query = turn.update.callback_query
    if query is not None and query.message is not None:
        buttons.add(query.message.message_id)
    payload = {
        "submission_id": submission_id,
        "decision": code,
        "buttons": sorted(buttons),
        "asked": asked,
    }
    await open_dialogue(turn.session, turn.user_id, REASON_DIALOGUE, payload)


def _waiting_buttons(turn: Turn, submission_id: int) -> set[int]:
    """The messages with buttons of this submission's reason dialogue, as the update found it."""
    open_ = turn.dialogue
    if open_ is None or open_.kind != REASON_DIALOGUE:
        return set()
    payload = open_.payload or {}
    kept = payload.get("buttons")
    if payload.get("submission_id") != submission_id or not isinstance(kept, list):
        return set()
    return {m for m in kept if isinstance(m, int)}


async def on_reason_text(turn: Turn, dialogue: Dialogue) -> None:
    """The reviewer's own reason, typed after pressing "write a reason"."""
    view = await turn.staff()
    payload = dialogue.payload or {}
    submission_id, code = payload.get("submission_id"), payload.get("decision")
    if not view.is_reviewer or not isinstance(submission_id, int) or code not in CODES:
        await turn.session.delete(dialogue)
        key = "rv-not-staff" if not view.is_reviewer else "button-stale"
        return refuse(turn, key, id=str(turn.user_id))
    message = turn.update.message
    text = " ".join((message.text or "").replace("\x00", "").split()) if message else ""
    low, high = REASON_LENGTH
    if not text or text.startswith("/"):
        return turn.say("rv-type-reason", ref=format_reference(submission_id))
    if not low <= len(text) <= high:
        return turn.say("rv-reason-length", min=low, max=high, count=len(text))
    if not payload.get("asked"):  # "galat dab gaya" after a mis-tap is no reason: shown first
        dialogue.payload = {**payload, "typed": text}
        markup = card.reason_check_keyboard(turn.t, submission_id)
        ref = format_reference(submission_id)
        return turn.say("rv-reason-check", markup, ref=ref, reason=text)
    await turn.session.delete(dialogue)
    await turn.session.flush()
    await decide(turn, view, submission_id, CODES[code], reason=text)
    return None


async def send_typed_reason(turn: Turn, view: StaffView, submission_id: int) -> None:
    """ "Send this reason", under a reason typed below the reason buttons."""
    dialogue = turn.dialogue
    payload = (dialogue.payload or {}) if dialogue is not None else {}
    typed, code = payload.get("typed"), payload.get("decision")
    if (
        dialogue is None
        or dialogue.kind != REASON_DIALOGUE
        or payload.get("submission_id") != submission_id
        or not isinstance(typed, str)
        or code not in CODES
    ):
        return refuse(turn, "button-stale")
    query = turn.update.callback_query
    shown = (
        query.message.text if query is not None and isinstance(query.message, Message) else None
    )
    if shown is None:  # too old for Telegram to show it: which text it quoted is unknown
        return refuse(turn, "button-stale")
    if f"“{typed}”" not in shown:  # under an earlier text: it would have sent the later one
        return refuse(turn, "rv-reason-older")
    await turn.session.delete(dialogue)
    await turn.session.flush()
    await decide(turn, view, submission_id, CODES[code], reason=typed)
    return None


async def one_tap(
    turn: Turn, view: StaffView, submission_id: int, to: State, reason_key: str
) -> None:
    """A reason from the list: the event keeps the key, the artisan reads it in their language."""
    sub = await turn.session.get(Submission, submission_id)
    artisan = await views.artisan_of(turn.session, sub) if sub else None
    text = card.artisan_t(turn.services, artisan)(reason_key)
    await decide(turn, view, submission_id, to, reason=reason_key, reason_text=text)


async def decide(
    turn: Turn,
    view: StaffView,
    submission_id: int,
    to: State,
    *,
    reason: str | None = None,
    reason_text: str | None = None,
) -> None:
    """Decide; tell the artisan (their language) and the reviewer, or refuse and change nothing.
    The pressed message, and the card and question a reason answers, lose their buttons."""
    outcome = await review.decide(
        turn.session, view, submission_id, to, reason=reason, reason_text=reason_text
    )
    sub = outcome.submission
    if not outcome.ok or sub is None:
        return refuse_outcome(turn, outcome, submission_id)
    await clear_dialogue(turn)
    artisan = await views.artisan_of(turn.session, sub)
    if artisan is not None:
        await card.notify_decision(turn, sub, artisan)
        if to == State.APPROVED:  # the marketplace details, asked now (issue 21)
            await listing_details.start(turn, sub, artisan)
    turn.answer()
    decided = _waiting_buttons(turn, submission_id)
    query = turn.update.callback_query
    if query is not None and query.message is not None:
        decided.add(query.message.message_id)
    for message_id in sorted(decided):
        turn.later(partial(_drop_buttons, turn.chat_id, message_id), turn.chat_id)
    shown = turn.t(reason) if reason in review.REASON_KEYS else reason
    turn.say(DONE_KEYS[to], card.next_keyboard(turn.t), ref=sub.reference, reason=shown or "")
    return None


async def _drop_buttons(chat: int, message_id: int, bot: Bot) -> Message | bool:
    """The decided card keeps its text but loses its buttons."""
    return await bot.edit_message_reply_markup(chat, message_id, reply_markup=None)
