"""Staff roles: admins grant and remove reviewers and admins; each gets their command menu."""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from telegram import Update
from telegram.ext import Application, BaseHandler, CommandHandler, filters

from bot.context import BotContext, services_of
from bot.handlers.base import Turn, handler
from bot.menus import publish_staff_menu
from bot.services import review
from bot.services import staff as svc
from bot.services.roles import StaffView, staff_view
from bot.storage.models import Role

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


async def _who(turn: Turn, user_id: int) -> str:
    name = await svc.known_name(turn.session, user_id)
    return turn.t("staff-user", id=str(user_id), name=name or "")


async def _after_change(turn: Turn, user_id: int, notice: str) -> None:
    """After the commit: republish the person's command menu and tell them, in their language."""
    settings = turn.services.settings
    view = await staff_view(turn.session, settings, user_id)
    stored = await svc.stored_locale(turn.session, user_id)
    locale = turn.services.t.resolve_locale(stored)
    app = turn.context.application
    turn.later(lambda _bot: publish_staff_menu(app, view, locale))
    turn.send_text(turn.services.t(locale, notice), chat_id=user_id)


@handler
async def on_addreviewer(turn: Turn) -> None:
    """`/addreviewer <user id> [district …]`: grant the reviewer role (admins only)."""
    command = await _admin_command(turn, "staff-usage-addreviewer")
    if command is None:
        return
    target, rest = command
    districts, unknown = svc.parse_districts(turn.services.districts, rest)
    if unknown:
        turn.say("staff-unknown-district", text=" ".join(unknown)[:60])
        return
    await svc.grant(turn.session, target, Role.REVIEWER, districts, by=turn.user_id)
    await _after_change(turn, target, "staff-you-are-reviewer")
    turn.say(
        "staff-reviewer-added",
        user=await _who(turn, target),
        districts=_districts_text(turn, districts),
    )


@handler
async def on_removereviewer(turn: Turn) -> None:
    """`/removereviewer <user id>`: take the role away; their open claims go back to the queue."""
    command = await _admin_command(turn, "staff-usage-removereviewer")
    if command is None:
        return
    target, _rest = command
    who = await _who(turn, target)
    if target in turn.services.settings.reviewer_ids:
        turn.say("staff-from-settings-only", user=who)
        return
    if not await svc.revoke(turn.session, target, Role.REVIEWER):
        turn.say("staff-not-reviewer", user=who)
        return
    released = await review.release_all(turn.session, target, turn.user_id)
    await _after_change(turn, target, "staff-you-were-removed")
    turn.say("staff-reviewer-removed", user=who, count=len(released))


@handler
async def on_addadmin(turn: Turn) -> None:
    """`/addadmin <user id>`: grant the admin role (admins only)."""
    command = await _admin_command(turn, "staff-usage-addadmin")
    if command is None:
        return
    target, _rest = command
    await svc.grant(turn.session, target, Role.ADMIN, [], by=turn.user_id)
    await _after_change(turn, target, "staff-you-are-admin")
    turn.say("staff-admin-added", user=await _who(turn, target))


@handler
async def on_staff(turn: Turn) -> None:
    """List admins and reviewers with their districts (admins only)."""
    view = await _admin(turn)
    if view is None:
        return
    lines = [turn.t("staff-list-title")]
    for member in await svc.members(turn.session, turn.services.settings):
        lines.append(
            turn.t(
                "staff-line",
                user=await _who(turn, member.user_id),
                role=turn.t(f"staff-role-{member.role}"),
                districts=_districts_text(turn, member.districts),
                settings=turn.t("staff-from-settings") if member.from_settings else "",
            )
        )
    turn.send_text("\n".join(lines))


async def on_startup(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Every staff member's own command menu, as the database and settings say now."""
    services = services_of(app)
    published = []
    async with services.sessions() as session:
        for user_id in await svc.staff_ids(session, services.settings):
            view = await staff_view(session, services.settings, user_id)
            stored = await svc.stored_locale(session, user_id)
            locale = services.t.resolve_locale(stored)
            published.append(partial(publish_staff_menu, app, view, locale))
    for publish in published:
        await publish()


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CommandHandler("addreviewer", on_addreviewer, filters=PRIVATE),
    CommandHandler("removereviewer", on_removereviewer, filters=PRIVATE),
    CommandHandler("addadmin", on_addadmin, filters=PRIVATE),
    CommandHandler("staff", on_staff, filters=PRIVATE),
]
