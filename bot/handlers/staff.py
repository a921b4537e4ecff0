"""Staff roles: admins grant and remove reviewers and admins; each gets their command menu.

Every change is audited (`staff_changes`, shown by /staff); claims the person may no longer
review go back to the queue in the same transaction; the last admin cannot be removed.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from telegram import Bot, Update
from telegram.error import BadRequest, Forbidden
from telegram.ext import Application, BaseHandler, CommandHandler, filters

from bot.context import BotContext, services_of
from bot.handlers.base import Turn, handler
from bot.handlers.review_card import ist
from bot.i18n import SUPPORTED
from bot.menus import publish_chat_menu
from bot.outbox import send_text, split_text
from bot.services import review
from bot.services import staff as svc
from bot.services.roles import StaffView, staff_view
from bot.storage.models import Role, StaffChange
from bot.storage.queries import stored_locale

log = logging.getLogger(__name__)
PRIVATE = filters.ChatType.PRIVATE


async def _admin(turn: Turn) -> StaffView | None:
    view = await turn.staff()
    if view.is_admin:
        return view
    turn.say("rv-not-admin")
    return None


async def _admin_command(turn: Turn, usage: str) -> tuple[int, list[str]] | None:
    """For `/cmd <user id> [more…]` by an admin: the target id and the other arguments."""
    if await _admin(turn) is None:
        return None
    args = turn.context.args or []
    target = svc.parse_user_id(args[0]) if args else None
    if target is None:
        turn.say(usage)
        return None
    return target, args[1:]


def _districts_text(turn: Turn, keys: list[str] | tuple[str, ...]) -> str:
    if not keys:
        return turn.t("staff-all-districts")
    index = turn.services.districts
    return ", ".join(d.name(turn.locale) if (d := index.get(k)) else k for k in keys)


async def _who(turn: Turn, user_id: int) -> dict[str, str]:
    """The person as staff texts show them: `<code>id</code> name` (each escaped once; the
    name with its space before it, so an unknown name leaves no double space)."""
    name = await svc.known_name(turn.session, user_id)
    return {"id": str(user_id), "name": f" {name}" if name else ""}


def unknown_districts(turn: Turn, unknown: list[str]) -> None:
    """Words of a staff command that name no district, with what they may mean."""
    maybe = svc.suggested(turn.services.districts, unknown)
    names = ", ".join(d.name(turn.locale) for d in maybe)
    turn.say("staff-unknown-district", text=" ".join(unknown)[:60])
    if names:
        turn.say("staff-district-maybe", names=names)


async def _after_change(turn: Turn, change: StaffChange, notice: str) -> int:
    """Claims the person may no longer review go back to the queue at once; after the commit
    their command menu is republished and they are told, with the claims they lost, in their
    language (in each language while they have chosen none: an official's phone in English got
    the Hindi welcome). Returns how many claims were released (kept in the audit row too)."""
    settings = turn.services.settings
    user_id = change.user_id
    view = await staff_view(turn.session, settings, user_id)
    released = await review.release_outside(turn.session, view, turn.user_id)
    change.released = len(released)
    stored = await stored_locale(turn.session, user_id)
    locale = turn.services.t.resolve_locale(stored)
    app = turn.context.application
    turn.later(lambda _bot: publish_chat_menu(app, view, locale))
    t, refs = turn.services.t, ", ".join(sub.reference for sub in released)
    chosen = [locale] if stored is not None else [locale, *(s for s in SUPPORTED if s != locale)]
    told = []
    for each in chosen:
        lost = t(each, "staff-released-you", count=len(released), refs=refs) if released else ""
        told.append("\n".join(filter(None, [t(each, notice), lost])))
    unreached = turn.t("staff-not-reached", id=str(user_id))
    # Last: a warning that it failed reads after the admin's "done".
    turn.outbox.last(partial(_tell, user_id, "\n\n".join(told), turn.chat_id, unreached), user_id)
    return len(released)


async def _tell(user_id: int, text: str, admin_chat: int, unreached: str, bot: Bot) -> None:
    """Tell the person of their new role; when Telegram cannot reach them (a mistyped id, or
    they never opened the bot) the admin is told instead of a silent success."""
    try:
        for part in split_text(text):
            await send_text(user_id, part, None, bot)
    except (BadRequest, Forbidden):
        await send_text(admin_chat, unreached, None, bot)


def _say_with_released(turn: Turn, key: str, released: int, **args: str) -> None:
    lines = [turn.t(key, **args)]
    if released:
        lines.append(turn.t("staff-claims-released", count=released))
    turn.send_text("\n".join(lines))


@handler
async def on_addreviewer(turn: Turn) -> None:
    """`/addreviewer <user id> [district …]`: grant the reviewer role (admins only)."""
    command = await _admin_command(turn, "staff-usage-addreviewer")
    if command is None:
        return
    target, rest = command
    districts, unknown = svc.parse_districts(turn.services.districts, rest)
    if unknown:
        unknown_districts(turn, unknown)
        return
    change = await svc.grant(turn.session, target, Role.REVIEWER, districts, by=turn.user_id)
    before = change.previous
    who = await _who(turn, target)
    where = _districts_text(turn, districts)
    if before is not None and set(before) == set(districts):  # given again as it was
        turn.say("staff-reviewer-same", None, **who, districts=where)
        return
    again = before is not None  # already a reviewer: the list is replaced, said as a change
    notice = "staff-your-districts-changed" if again else "staff-you-are-reviewer"
    released = await _after_change(turn, change, notice)
    if again:
        was = _districts_text(turn, before or [])
        _say_with_released(turn, "staff-reviewer-districts", released, **who, districts=where,
                           before=was)  # fmt: skip
        return
    _say_with_released(turn, "staff-reviewer-added", released, **who, districts=where)


@handler
async def on_removereviewer(turn: Turn) -> None:
    """`/removereviewer <user id>`: take the role away; their open claims go back to the queue."""
    command = await _admin_command(turn, "staff-usage-removereviewer")
    if command is None:
        return
    target, _rest = command
    who = await _who(turn, target)
    if target in turn.services.settings.reviewer_ids:
        turn.say("staff-from-settings-only", None, **who)
        return
    change = await svc.revoke(turn.session, target, Role.REVIEWER, by=turn.user_id)
    if change is None:
        turn.say("staff-not-reviewer", None, **who)
        return
    released = await _after_change(turn, change, "staff-you-were-removed")
    turn.say("staff-reviewer-removed", None, **who, count=released)


@handler
async def on_addadmin(turn: Turn) -> None:
    """`/addadmin <user id>`: grant the admin role (admins only)."""
    command = await _admin_command(turn, "staff-usage-addadmin")
    if command is None:
        return
    target, _rest = command
    if target in turn.services.settings.admin_ids:
        # No row for them: it would keep them admin after the operator removes the setting.
        turn.say("staff-admin-already-from-settings", None, **await _who(turn, target))
        return
    change = await svc.grant(turn.session, target, Role.ADMIN, [], by=turn.user_id)
    await _after_change(turn, change, "staff-you-are-admin")
    turn.say("staff-admin-added", None, **await _who(turn, target))


ADMIN_REFUSALS = {
    svc.AdminRefusal.FROM_SETTINGS: "staff-admin-from-settings-only",
    svc.AdminRefusal.NOT_ADMIN: "staff-not-admin",
    svc.AdminRefusal.LAST_ADMIN: "staff-last-admin",
}


@handler
async def on_removeadmin(turn: Turn) -> None:
    """`/removeadmin <user id>`: take the admin role away — never from the last admin."""
    command = await _admin_command(turn, "staff-usage-removeadmin")
    if command is None:
        return
    target, _rest = command
    who = await _who(turn, target)
    settings = turn.services.settings
    refusal = await svc.admin_removal_refused(turn.session, settings, target)
    if refusal is not None:
        turn.say(ADMIN_REFUSALS[refusal], None, **who)
        return
    change = await svc.revoke(turn.session, target, Role.ADMIN, by=turn.user_id)
    if change is None:  # gone between the check and now: the check locked the rows
        turn.say("staff-not-admin", None, **who)
        return
    released = await _after_change(turn, change, "staff-you-are-no-longer-admin")
    _say_with_released(turn, "staff-admin-removed", released, **who)


@handler
async def on_staff(turn: Turn) -> None:
    """List admins and reviewers with their districts, and the latest role changes."""
    view = await _admin(turn)
    if view is None:
        return
    lines = [turn.t("staff-list-title")]
    for member in await svc.members(turn.session, turn.services.settings):
        lines.append(
            turn.t(
                "staff-line",
                **await _who(turn, member.user_id),
                role=turn.t(f"staff-role-{member.role}"),
                districts=_districts_text(turn, member.districts),
                settings=turn.t("staff-from-settings") if member.from_settings else "",
            )
        )
    lines += ["", turn.t("staff-changes-title")]
    changes = await svc.recent_changes(turn.session)
    lines += [_change_line(turn, c) for c in changes] or [turn.t("staff-changes-none")]
    turn.send_text("\n".join(lines))


def _change_line(turn: Turn, change: StaffChange) -> str:
    """One audited role change: when, what, to whom, by whom."""
    granted = change.action != svc.Action.REMOVED
    districts = _districts_text(turn, change.districts or []) if granted else ""
    line = turn.t(
        "staff-change-line",
        at=ist(change.at),
        action=turn.t(f"staff-action-{change.action}"),
        id=str(change.user_id),
        role=turn.t(f"staff-role-{change.role}"),
        districts=districts,
        actor=str(change.actor_id or ""),
    )
    extra = []
    if change.previous is not None and change.role == Role.REVIEWER:
        extra.append(
            turn.t("staff-change-previous", districts=_districts_text(turn, change.previous))
        )
    if change.released:
        extra.append(turn.t("staff-change-released", count=change.released))
    return " ".join([line, *extra])


async def on_startup(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Every staff member's own command menu, as the database and settings say now."""
    services = services_of(app)
    published = []
    async with services.sessions() as session:
        for user_id in await svc.staff_ids(session, services.settings):
            view = await staff_view(session, services.settings, user_id)
            stored = await stored_locale(session, user_id)
            locale = services.t.resolve_locale(stored)
            published.append(partial(publish_chat_menu, app, view, locale))
    for publish in published:
        await publish()


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CommandHandler("addreviewer", on_addreviewer, filters=PRIVATE),
    CommandHandler("removereviewer", on_removereviewer, filters=PRIVATE),
    CommandHandler("addadmin", on_addadmin, filters=PRIVATE),
    CommandHandler("removeadmin", on_removeadmin, filters=PRIVATE),
    CommandHandler("staff", on_staff, filters=PRIVATE),
]
