"""Field helpers: admins grant the role; a helper registers artisans who have no Telegram
(/newartisan, the same registration, see `bot.handlers.assist`) and sees them (/myartisans);
an artisan who joins later links themselves to that record with one tap (`fh:link:`).
"""

from __future__ import annotations

import asyncio

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, filters

from bot.context import BotContext
from bot.handlers import artisan_menu, staff, steps
from bot.handlers import keyboards as kb
from bot.handlers.account import STATE_KEYS
from bot.handlers.base import Turn, handler
from bot.handlers.callback_data import number
from bot.services import field_helpers as svc
from bot.services import flow, privacy
from bot.services import staff as staff_svc
from bot.services.validation import readable_phone
from bot.storage.models import Artisan, Role, State, Submission
from bot.storage.queries import stored_locale

PRIVATE = filters.ChatType.PRIVATE
SHOWN = 4000  # characters of /myartisans (Telegram's limit is 4096)
CONTINUE_BUTTONS = 6


@handler
async def on_addhelper(turn: Turn) -> None:
    """`/addhelper <user id> [district …]`: grant the field helper role (admins only)."""
    command = await staff._admin_command(turn, "fh-usage-addhelper")
    if command is None:
        return
    target, rest = command
    districts, unknown = staff_svc.parse_districts(turn.services.districts, rest)
    if unknown:
        staff.unknown_districts(turn, unknown)
        return
    change = await staff_svc.grant(turn.session, target, Role.HELPER, districts, by=turn.user_id)
    await staff._after_change(turn, change, "fh-you-are-helper")
    who = await staff._who(turn, target)
    turn.say("fh-helper-added", None, **who, districts=staff._districts_text(turn, districts))


@handler
async def on_removehelper(turn: Turn) -> None:
    """`/removehelper <user id>`: take the role away; an open registration stops at once."""
    command = await staff._admin_command(turn, "fh-usage-removehelper")
    if command is None:
        return
    target, _rest = command
    who = await staff._who(turn, target)
    change = await staff_svc.revoke(turn.session, target, Role.HELPER, by=turn.user_id)
    if change is None:
        turn.say("fh-not-helper-user", None, **who)
        return
    await svc.end_session(turn.session, target)
    await staff._after_change(turn, change, "fh-you-were-removed")
    turn.say("fh-helper-removed", None, **who)


async def _helper(turn: Turn) -> bool:
    """The caller is a helper now (read from the database at every command and press)."""
    if (await turn.staff()).is_helper:
        return True
    if turn.update.callback_query is not None:
        turn.answer("fh-not-helper", alert=True)
    else:
        turn.say("fh-not-helper")
    return False


@handler
async def on_newartisan(turn: Turn) -> None:
    """What to tell the artisan in person, and a button to confirm they agreed."""
    if not await _helper(turn):
        return
    turn.say("fh-consent", kb.inline([kb.button(turn.t("fh-btn-consent"), "fh:consent")]))


async def _consented(turn: Turn) -> None:
    """The artisan agreed in person: their record, their first draft, its first question."""
    view = await turn.staff()
    user = turn.update.effective_user
    only = sorted(view.helper_districts)
    district = only[0] if len(only) == 1 else None  # a helper of one district: preset
    artisan, sub = await svc.begin(
        turn.session, turn.user_id, user.full_name if user else None, turn.locale, district
    )
    if svc.crosses_flag(await svc.registered_today(turn.session, turn.user_id)):
        await _flag_to_admins(turn)
    turn.answer()
    turn.note("fh-started")
    if sub is not None:
        await steps.ask(turn, artisan, sub)


async def _flag_to_admins(turn: Turn) -> None:
    """Many registrations by one helper today: each admin is told once (not blocked)."""
    who = await staff._who(turn, turn.user_id)
    settings = turn.services.settings
    for member in await staff_svc.members(turn.session, settings):
        if member.role != Role.ADMIN:
            continue
        stored = await stored_locale(turn.session, member.user_id)
        locale = turn.services.t.resolve_locale(stored)
        text = turn.services.t(locale, "fh-flag-many", **who, count=svc.DAILY_FLAG)
        turn.send_text(text, chat_id=member.user_id)


@handler
async def on_myartisans(turn: Turn) -> None:
    """The artisans this helper registered (no one else's), each product with its state."""
    if not await _helper(turn):
        return
    found = await svc.mine(turn.session, turn.user_id)
    if not found:
        turn.say("fh-mine-none")
        return
    missing = turn.t("value-missing")
    blocks = [turn.t("fh-mine-title", count=len(found))]
    for entry in found:
        artisan = entry.artisan
        district = turn.services.districts.get(artisan.district)
        lines = [
            turn.t(
                "fh-mine-artisan",
                name=artisan.name or missing,
                phone=readable_phone(artisan.phone) if artisan.phone else missing,
                district=district.name(turn.locale) if district else missing,
                linked=turn.t("fh-mine-linked") if artisan.telegram_id else "",
            )
        ]
        lines += [
            turn.t(
                "fh-mine-product",
                ref=sub.reference,
                product=sub.product_name or missing,
                state=turn.t(STATE_KEYS[State(sub.state)]),
            )
            for sub in entry.submissions
        ]
        blocks.append("\n".join(lines))
    text = "\n\n".join(blocks)
    unfinished = [
        kb.button(
            turn.t("fh-btn-continue", name=kb.fit(e.artisan.name or "")), f"fh:go:{e.artisan.id}"
        )
        for e in found
        if e.artisan.telegram_id is None and any(s.state == State.DRAFT for s in e.submissions)
    ][:CONTINUE_BUTTONS]
    markup = kb.inline(*kb.rows(unfinished, 1)) if unfinished else None
    turn.send_text(text if len(text) <= SHOWN else text[:SHOWN] + "…", markup)


@handler
async def on_button(turn: Turn) -> None:
    """`fh:consent`, `fh:go:<artisan>`, `fh:fix:<submission>` (a helper), `fh:link:yes|no`
    or `fh:link:<index>` (an artisan offered their record, or one of a family's)."""
    query = turn.update.callback_query
    data = (query.data or "") if query else ""
    verb, _, arg = data.removeprefix("fh:").partition(":")
    if verb in ("consent", "go", "fix"):
        if not await _helper(turn):
            return
        if verb == "consent":
            await _consented(turn)
        else:
            await _reopen(turn, verb, number(arg))
        return
    if data == "fh:link:no":
        turn.answer()
        await svc.decline_link(turn.session, turn.user_id)
        turn.say("fh-link-declined")
        return
    choice = None if arg == "yes" else number(arg, digits=1)
    if verb != "link" or (choice is None and arg != "yes"):
        turn.answer("button-stale", alert=True)
        return
    await _link(turn, choice)


async def _reopen(turn: Turn, verb: str, target_id: int | None) -> None:
    """Open an assist session again: an unfinished draft, or a product sent back for changes."""
    session = turn.session
    artisan, sub = None, None
    if verb == "fix" and target_id is not None:
        found = await session.get(Submission, target_id)
        artisan_id = found.artisan_id if found else None
        artisan = await session.get(Artisan, artisan_id) if artisan_id else None
    elif target_id is not None:
        artisan = await session.get(Artisan, target_id)
    if artisan is None or artisan.assisted_by != turn.user_id or artisan.telegram_id is not None:
        turn.answer("button-stale", alert=True)
        return
    if verb == "fix" and target_id is not None:
        sub = await flow.open_for_fix(session, artisan, target_id)
    else:
        sub = await flow.resume(session, artisan)
    if sub is None:
        turn.answer("fh-nothing-to-continue", alert=True)
        return
    await svc.open_session(session, turn.user_id, artisan.id)
    turn.answer()
    await (steps.ask_fix if verb == "fix" else steps.ask)(turn, artisan, sub)


async def _link(turn: Turn, choice: int | None) -> None:
    """ "Yes, it is me" (None), or the `choice`th of a family's records offered: the offer in
    the database is checked again, never the button's data."""
    media_dir = turn.services.settings.media_dir
    target, files = await svc.link(turn.session, turn.user_id, turn.artisan, media_dir, choice)
    if target is None:
        turn.answer("button-stale", alert=True)
        return
    turn.answer()
    turn.artisan = target
    if files:
        turn.later(lambda _bot: asyncio.to_thread(privacy.remove_files, files))
    helper = target.assisted_by
    if helper is not None:
        t = turn.services.t
        locale = t.resolve_locale(await stored_locale(turn.session, helper))
        turn.send_text(t(locale, "fh-helper-told-linked", name=target.name or ""), chat_id=helper)
    turn.note("fh-linked")
    # Then an approved product's listing questions, which waited for a Telegram to ask on.
    await artisan_menu.show_menu(turn, target)


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CommandHandler("addhelper", on_addhelper, filters=PRIVATE),
    CommandHandler("removehelper", on_removehelper, filters=PRIVATE),
    CommandHandler("newartisan", on_newartisan, filters=PRIVATE),
    CommandHandler("myartisans", on_myartisans, filters=PRIVATE),
    CallbackQueryHandler(on_button, pattern=r"^fh:"),
]
