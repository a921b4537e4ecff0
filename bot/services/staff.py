"""Granting and removing staff roles; reading who is staff. No Telegram here."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.services.districts import DistrictIndex
from bot.storage.models import Artisan, Role, Staff, utcnow

USER_ID = re.compile(r"^\d{1,15}$")


@dataclass(frozen=True)
class Member:
    user_id: int
    role: str
    districts: tuple[str, ...]  # empty: every district
    from_settings: bool


def parse_user_id(text: str | None) -> int | None:
    """A Telegram user id as typed by an admin; None when it is not one."""
    value = (text or "").strip()
    return int(value) if USER_ID.match(value) and int(value) > 0 else None


def parse_districts(index: DistrictIndex, words: list[str]) -> tuple[list[str], list[str]]:
    """District keys from free words ("Sant Kabir Nagar, Lucknow", or the Hindi names).

    Commas separate names when given; otherwise the longest run of words naming a district
    exactly is taken. Returns (district keys, words not understood).
    """
    found: list[str] = []
    unknown: list[str] = []
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


async def grant(
    session: AsyncSession, user_id: int, role: Role, districts: list[str], by: int
) -> Staff:
    """Give a role (again): a reviewer's districts are replaced by the new list."""
    row = await session.get(Staff, (user_id, str(role)))
    if row is None:
        row = Staff(user_id=user_id, role=str(role), districts=list(districts), granted_by=by)
        session.add(row)
    else:
        row.districts = list(districts)
        row.granted_by, row.granted_at = by, utcnow()
    await session.flush()
    return row


async def revoke(session: AsyncSession, user_id: int, role: Role) -> bool:
    result = await session.execute(
        delete(Staff).where(Staff.user_id == user_id, Staff.role == str(role))
    )
    return bool(getattr(result, "rowcount", 0))


async def members(session: AsyncSession, settings: Settings) -> list[Member]:
    """Everyone with a role: from ADMIN_IDS/REVIEWER_IDS first, then those granted in chat."""
    found = [Member(uid, Role.ADMIN, (), True) for uid in settings.admin_ids]
    found += [Member(uid, Role.REVIEWER, (), True) for uid in settings.reviewer_ids]
    rows = await session.scalars(select(Staff).order_by(Staff.role, Staff.user_id))
    found += [Member(r.user_id, r.role, tuple(r.districts or ()), False) for r in rows]
    return found


async def staff_ids(session: AsyncSession, settings: Settings) -> list[int]:
    return sorted({m.user_id for m in await members(session, settings)})


async def stored_locale(session: AsyncSession, user_id: int) -> str | None:
    """The language a staff member chose as a user of the bot, if they ever did."""
    return await session.scalar(select(Artisan.locale).where(Artisan.telegram_id == user_id))


async def known_name(session: AsyncSession, user_id: int) -> str | None:
    return await session.scalar(select(Artisan.name).where(Artisan.telegram_id == user_id))
