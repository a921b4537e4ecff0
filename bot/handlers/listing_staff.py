"""The staff's side of the listing details: `/setlisting ODOP-000123 material clay` fills in an
answer for an artisan (or plays what they said by voice), `/hsn ODOP-000123 6913` or the card's
"🏷 HSN" button corrects a product's HSN, `/stock` lists products whose stock is unknown (the
monthly check left unanswered twice). Roles are checked at each command and press.
"""

from __future__ import annotations

from functools import partial

from telegram import Bot, Message, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, filters

from bot.context import BotContext
from bot.handlers import keyboards as kb
from bot.handlers.base import Turn, handler
from bot.handlers.callback_data import number
from bot.handlers.review_card import state_name
from bot.handlers.review_decide import in_reach
from bot.services import input_words, review
from bot.services import listing_details as svc
from bot.services.dialogues import close_dialogue, open_dialogue
from bot.services.listing import parse_reference
from bot.services.validation import Invalid
from bot.storage.models import Dialogue, Listing, State, Submission, utcnow

PRIVATE = filters.ChatType.PRIVATE
HSN_DIGITS = (4, 6, 8)
HSN_DIALOGUE = "ls:hsn"  # a reviewer's next message is a product's HSN code
LISTABLE = (State.APPROVED, State.LISTED)
# What a reviewer may fill in for an artisan with /setlisting: field word -> listing step.
STAFF_FIELDS = {"material": "material", "colour": "colour", "stock": "stock", "days": "ship",
                "size": "size"}  # fmt: skip


@handler
async def on_setlisting(turn: Turn) -> None:
    """Reviewer: `/setlisting ODOP-000123 material clay` — any listing answer, checked like
    the artisan's own (for an artisan who answered by voice, or could not answer)."""
    view = await turn.staff()
    if not view.is_reviewer:
        turn.say("rv-not-staff", id=str(turn.user_id))
        return
    args = turn.context.args or []
    sid = parse_reference(args[0]) if args else None
    step = _field(args[1]) if len(args) >= 3 else None
    if sid is None or (step is None and len(args) != 1):
        turn.say("ls-set-usage")
        return
    sub = in_reach(turn, view, sid, await turn.session.get(Submission, sid))
    if sub is None:
        return
    if sub.state not in LISTABLE:
        turn.say("ls-set-not-approved", ref=sub.reference, state=state_name(turn.t, sub.state))
        return
    if step is None:  # `/setlisting ODOP-…` alone: hear what the artisan said
        listing = await turn.session.get(Listing, sid)
        spoken = (listing.voice_answers or {}) if listing is not None else {}
        for field, file_id in spoken.items():
            turn.later(partial(_voice, turn.chat_id, file_id, f"{sub.reference} · {field}"))
        turn.say("ls-set-usage" if not spoken else "ls-set-heard", ref=sub.reference)
        return
    try:
        value = svc.parse(step, " ".join(args[2:]), sub.price_unit)
    except Invalid as bad:
        turn.say(bad.key)
        return
    listing = await turn.session.get(Listing, sid)
    if listing is None:
        listing = Listing(submission_id=sid, paused=False, stock_missed=0)
        turn.session.add(listing)
    svc.apply(listing, step, value, utcnow())
    # Said as the artisan's echo says it ("rang: laal"), not "colour = laal".
    answer = turn.t(f"ls-echo-{step}", value=value, **kb.measure(turn.t, sub.price_unit))
    turn.say("ls-set-done", ref=sub.reference, answer=answer)


def _field(word: str) -> str | None:
    """A field of /setlisting: its English word, or one of data/input_words.csv's kinds
    staff_field_* as officials type it in Hindi ("rang")."""
    found = STAFF_FIELDS.get(word.lower())
    hindi = (s for s in svc.STEPS if input_words.said(word, f"staff_field_{s}"))
    return found or next(hindi, None)


async def _voice(chat_id: int, file_id: str, caption: str, bot: Bot) -> Message:
    return await bot.send_voice(chat_id, file_id, caption=caption)


@handler
async def on_hsn(turn: Turn) -> None:
    """Reviewer: `/hsn ODOP-000123 6913` — the product's HSN, instead of the craft's."""
    args = turn.context.args or []
    sid = parse_reference(args[0]) if args else None
    await _set_hsn(turn, sid, args[1] if len(args) == 2 else "")


@handler
async def on_hsn_button(turn: Turn) -> None:
    """ "🏷 HSN" on the review card: the reviewer's next message is the code."""
    query = turn.update.callback_query
    sid = number((query.data or "").removeprefix("hs:")) if query else None
    view = await turn.staff()
    # Like every button of the card: only for the reviewer holding its claim right now.
    held = await review.held(turn.session, view, sid) if sid is not None else None
    sub = held.submission if held is not None and held.ok else None
    if sub is None or not view.is_reviewer:
        turn.answer("button-stale", alert=True)
        return
    turn.answer()
    await open_dialogue(turn.session, turn.user_id, HSN_DIALOGUE, {"submission": sub.id})
    hsn = await svc.hsn_of(turn.session, turn.services.crafts, sub, turn.services.districts)
    turn.say("ls-hsn-ask", ref=sub.reference, hsn=hsn or turn.t("value-missing"))


async def on_hsn_typed(turn: Turn, dialogue: Dialogue) -> None:
    message = turn.update.message
    if message is None or not message.text or message.text.startswith("/"):
        turn.say("ls-hsn-usage")  # a sticker, another bot's command: the code is still awaited
        return
    sid = dialogue.payload.get("submission")
    await close_dialogue(turn.session, turn.user_id, HSN_DIALOGUE)
    code = (message.text or "").strip() if message is not None else ""
    await _set_hsn(turn, sid if isinstance(sid, int) else None, code)


async def _set_hsn(turn: Turn, sid: int | None, code: str) -> None:
    """Checked at this moment: a reviewer of the product's district, a code of 4, 6 or 8."""
    view = await turn.staff()
    if not view.is_reviewer:
        turn.say("rv-not-staff", id=str(turn.user_id))
        return
    if sid is None or not code.isascii() or not code.isdigit():
        turn.say("ls-hsn-usage")
        return
    if len(code) not in HSN_DIGITS:  # "69": a code, but too short to be one
        turn.say("ls-hsn-digits", code=code, count=len(code))
        return
    sub = in_reach(turn, view, sid, await turn.session.get(Submission, sid))
    if sub is None:
        return
    listing = await turn.session.get(Listing, sid)
    if listing is None:
        listing = Listing(submission_id=sid, paused=False, stock_missed=0)
        turn.session.add(listing)
    listing.hsn = code
    turn.say("ls-hsn-set", ref=sub.reference, hsn=code)


@handler
async def on_stock(turn: Turn) -> None:
    """Admin: products whose stock is unknown (the monthly check unanswered twice)."""
    if not (await turn.staff()).is_admin:
        turn.say("cat-admin-only")
        return
    subs = await svc.stock_unknown(turn.session)
    if not subs:
        turn.say("ls-stock-none")
        return
    lines = [turn.t("ls-stock-title", count=len(subs))]
    lines += [f"{s.reference} · {s.product_name or ''} · {s.district or ''}" for s in subs]
    turn.send_text("\n".join(lines)[:4000])


DIALOGUES = {HSN_DIALOGUE: on_hsn_typed}
HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CommandHandler("hsn", on_hsn, filters=PRIVATE),
    CommandHandler("setlisting", on_setlisting, filters=PRIVATE),
    CommandHandler("stock", on_stock, filters=PRIVATE),
    CallbackQueryHandler(on_hsn_button, pattern=r"^hs:"),
]
