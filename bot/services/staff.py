"""Granting and removing staff roles; reading who is staff. No Telegram here."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.services import input_words
from bot.services.districts import District, DistrictIndex
from bot.storage.models import Artisan, Role, Staff, StaffChange, utcnow

RECENT_CHANGES = 10
USER_ID = re.compile(r"[0-9]{1,15}")  # ASCII only: int() takes other digits, or fails


class Action(enum.StrEnum):
    GRANTED = "granted"
    REGRANTED = "regranted"
    REMOVED = "removed"


class AdminRefusal(enum.StrEnum):
    FROM_SETTINGS = "from_settings"  # ADMIN_IDS makes them admin whatever the table says
    NOT_ADMIN = "not_admin"
    LAST_ADMIN = "last_admin"  # nobody could grant roles any more


@dataclass(frozen=True)
class Member:
    user_id: int
    role: str
    districts: tuple[str, ...]  # empty: every district
    from_settings: bool


def parse_user_id(text: str | None) -> int | None:
    """A Telegram user id as typed by an admin; None when it is not one."""
    value = (text or "").strip()
    return int(value) if USER_ID.fullmatch(value) and int(value) > 0 else None


def parse_districts(index: DistrictIndex, words: list[str]) -> tuple[list[str], list[str]]:
    """District keys from free words ("Sant Kabir Nagar, Lucknow", or the Hindi names).

    Commas separate names when given; otherwise the longest run of words naming a district
    exactly is taken. Returns (district keys, words not understood).
    """
    found: list[str] = []
    unknown: list[str] = []
    if len(words) == 1 and input_words.said(words[0], "all"):  # "all", "sabhi": as if none
        return found, unknown
    for part in (p.strip() for p in " ".join(words).split(",")):
        tokens = part.split()
        i = 0
        while i < len(tokens):
            for j in range(len(tokens), i, -1):
                district = index.match(" ".join(tokens[i:j])).district
                if district is not None:
                    if district.key not in found:
                        found.append(district.key)
                    i = j
                    break
            else:
                unknown.append(tokens[i])
                i += 1
    return found, unknown


def suggested(index: DistrictIndex, unknown: list[str]) -> list[District]:
    """The districts a misspelt word may mean ("Varansi"), a few at most."""
    found: list[District] = []
    for word in unknown:
        found += [d for d in index.match(word).suggestions[:2] if d not in found]
    return found[:3]


async def grant(
    session: AsyncSession, user_id: int, role: Role, districts: list[str], by: int
) -> StaffChange:
    """Give a role (again): a reviewer's districts are replaced by the new list; audited."""
    row = await session.get(Staff, (user_id, str(role)))
    previous: list[str] | None = None
    if row is None:
        row = Staff(user_id=user_id, role=str(role), districts=list(districts), granted_by=by)
        session.add(row)
    else:
        previous = list(row.districts or [])
        row.districts = list(districts)
        row.granted_by, row.granted_at = by, utcnow()
    action = Action.GRANTED if previous is None else Action.REGRANTED
    change = _change(user_id, role, action, by, districts=list(districts), previous=previous)
    session.add(change)
    await session.flush()
    return change


async def revoke(session: AsyncSession, user_id: int, role: Role, by: int) -> StaffChange | None:
    """Take a role granted in chat away; None if they did not have it. Audited."""
    result = await session.execute(
        delete(Staff).where(Staff.user_id == user_id, Staff.role == str(role))
    )
    if not getattr(result, "rowcount", 0):
        return None
    change = _change(user_id, role, Action.REMOVED, by)
    session.add(change)
    return change


def _change(
    user_id: int,
    role: Role,
    action: Action,
    by: int,
    districts: list[str] | None = None,
    previous: list[str] | None = None,
) -> StaffChange:
    return StaffChange(
        actor_id=by,
        user_id=user_id,
        action=str(action),
        role=str(role),
        districts=districts or [],
        previous=previous,
        released=0,
        at=utcnow(),
    )


async def admin_removal_refused(
    session: AsyncSession, settings: Settings, user_id: int
) -> AdminRefusal | None:
    """May this admin role be removed in chat? Call before `revoke`, in the same transaction.

    Admins are ADMIN_IDS and the admin rows, counted as people (one in both counts once). A
    settings admin stays admin whatever the table says, so only the setting can remove them.
    The admin rows are locked first (PostgreSQL): two admins removing each other at once are
    taken one after the other, and the second sees that the first is gone.
    """
    if user_id in settings.admin_ids:
        return AdminRefusal.FROM_SETTINGS
    query = select(Staff.user_id).where(Staff.role == str(Role.ADMIN))
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update()
    in_table = set((await session.scalars(query)).all())
    if user_id not in in_table:
        return AdminRefusal.NOT_ADMIN
    if not (set(settings.admin_ids) | in_table) - {user_id}:
        return AdminRefusal.LAST_ADMIN
    return None


async def recent_changes(session: AsyncSession, limit: int = RECENT_CHANGES) -> list[StaffChange]:
    """The latest role changes, newest first."""
    query = select(StaffChange).order_by(StaffChange.at.desc(), StaffChange.id.desc())
    return list((await session.scalars(query.limit(limit))).all())


async def members(session: AsyncSession, settings: Settings) -> list[Member]:
    """Everyone with a role: from ADMIN_IDS/REVIEWER_IDS first, then those granted in chat."""
    found = [Member(uid, Role.ADMIN, (), True) for uid in settings.admin_ids]
    found += [Member(uid, Role.REVIEWER, (), True) for uid in settings.reviewer_ids]
    rows = await session.scalars(select(Staff).order_by(Staff.role, Staff.user_id))
    found += [Member(r.user_id, r.role, tuple(r.districts or ()), False) for r in rows]
    return found


async def staff_ids(session: AsyncSession, settings: Settings) -> list[int]:
    return sorted({m.user_id for m in await members(session, settings)})


async def known_name(session: AsyncSession, user_id: int) -> str | None:
    """The name a person registered with, else (staff) their Telegram name."""
    name = func.coalesce(Artisan.name, Artisan.profile_name)
    return await session.scalar(select(name).where(Artisan.telegram_id == user_id))
