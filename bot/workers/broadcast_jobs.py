"""What the broadcast lane sends: pending deliveries read as jobs, a page at a time, and the
messages a field helper gets under the notice (whom to pass it on to).

A field helper's delivery (`Delivery.for_artisans`) is checked again when it is read: the helper
still holds the role and has not blocked the bot, and the artisans named still take notices.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from bot.context import Services
from bot.services.broadcast import PENDING, SKIPPED
from bot.storage.models import Artisan, Delivery, Role, Staff

PASS_ON_LIMIT = 4000  # characters of the helper's message (Telegram's limit is 4096)


@dataclass(frozen=True)
class Named:
    """An artisan a field helper is to pass a notice on to."""

    id: int
    name: str | None
    district: str | None


@dataclass(frozen=True)
class Job:
    """One delivery to make."""

    id: int
    chat_id: int
    artisan_id: int | None
    attempts: int
    pass_on: tuple[Named, ...] = ()  # a field helper's: whom to tell, in a second message
    locale: str | None = None  # the chat's language, for that message


def _skip_reason(opted_in: bool | None, reachable: bool | None, registered: bool) -> str | None:
    if opted_in is None or not registered:
        return "not registered"
    if not opted_in:
        return "opted out"
    return None if reachable else "unreachable"


async def pending_page(
    session: AsyncSession, broadcast_id: int, after: int, limit: int
) -> tuple[list[Job], int, int]:
    """The next pending deliveries after id `after`: (jobs, rows read, last id read).

    Recipients no longer allowed a notice (opted out, unreachable, consent withdrawn, a helper
    whose role was removed) are marked skipped instead; the lane reads small pages, so that
    takes effect within about a second.
    """
    chat = aliased(Artisan)  # a helper's own row: their language, and whether they blocked us
    helper_row = Delivery.for_artisans.is_not(None)
    rows = (
        await session.execute(
            select(
                Delivery.id,
                Delivery.chat_id,
                Delivery.artisan_id,
                Delivery.attempts,
                Artisan.notices_opt_in,
                Artisan.reachable,
                Artisan.consent_at,
                Delivery.for_artisans,
                Staff.user_id.label("helper"),
                chat.reachable.label("chat_reachable"),
                chat.locale.label("chat_locale"),
            )
            .outerjoin(Artisan, Artisan.id == Delivery.artisan_id)
            .outerjoin(
                Staff,
                and_(helper_row, Staff.user_id == Delivery.chat_id, Staff.role == Role.HELPER),
            )
            .outerjoin(chat, and_(helper_row, chat.telegram_id == Delivery.chat_id))
            .where(
                Delivery.broadcast_id == broadcast_id,
                Delivery.state == PENDING,
                Delivery.id > after,
            )
            .order_by(Delivery.id)
            .limit(limit)
        )
    ).all()
    names = await _named(session, {row.chat_id for row in rows if row.for_artisans is not None})
    jobs: list[Job] = []
    skipped: dict[str, list[int]] = {}
    for row in rows:
        reason = _skip_reason(row.notices_opt_in, row.reachable, row.consent_at is not None)
        pass_on: tuple[Named, ...] = ()
        if row.for_artisans is not None:
            wanted = set(row.for_artisans)
            pass_on = tuple(n for n in names.get(row.chat_id, ()) if n.id in wanted)
            refused = _helper_skip_reason(row.helper, row.chat_reachable, bool(pass_on))
            if refused is not None:
                pass_on = ()
            # A helper's row; or a helper who is an artisan of the audience too: their chat's
            # one delivery goes out if either part of it may.
            if row.artisan_id is None or (reason is not None and refused is None):
                reason = refused
        if reason is None:
            locale = row.chat_locale
            jobs.append(Job(row.id, row.chat_id, row.artisan_id, row.attempts, pass_on, locale))
        else:
            skipped.setdefault(reason, []).append(row.id)
    for reason, ids in skipped.items():
        await session.execute(
            update(Delivery)
            .where(Delivery.id.in_(ids), Delivery.state == PENDING)
            .values(state=SKIPPED, error=reason)
            .execution_options(synchronize_session=False)
        )
    return jobs, len(rows), rows[-1][0] if rows else after


def _helper_skip_reason(
    helper: int | None, chat_reachable: bool | None, anyone: bool
) -> str | None:
    if helper is None:
        return "not a helper"
    if chat_reachable is False:
        return "unreachable"
    return None if anyone else "nobody to tell"


async def _named(session: AsyncSession, helper_ids: set[int]) -> dict[int, list[Named]]:
    """The artisans each helper registered who still take notices, read at sending time (one
    deleted since queueing is not named). One who linked their own Telegram since is still
    named: their own chat has no delivery in this broadcast."""
    if not helper_ids:
        return {}
    rows = await session.execute(
        select(Artisan.id, Artisan.name, Artisan.district, Artisan.assisted_by)
        .where(
            Artisan.assisted_by.in_(sorted(helper_ids)),
            Artisan.consent_at.is_not(None),
            Artisan.notices_opt_in.is_(True),
        )
        .order_by(Artisan.id)
    )
    found: dict[int, list[Named]] = {}
    for artisan_id, name, district, helper_id in rows:
        if helper_id is not None:  # always so (`where`); for the type
            found.setdefault(helper_id, []).append(Named(artisan_id, name, district))
    return found


def pass_on_texts(services: Services, job: Job) -> list[str]:
    """In the helper's language: pass the notice above on to these artisans (name — district),
    in as many messages as the names need (one list cut short counted everyone as told)."""
    t, districts = services.t, services.districts
    locale = t.resolve_locale(job.locale)
    missing = t(locale, "value-missing")
    texts = [t(locale, "fh-pass-on", count=len(job.pass_on))]
    for named in job.pass_on:
        district = districts.get(named.district)
        shown = district.name(locale) if district else named.district or missing
        line = t(locale, "fh-pass-on-line", name=named.name or missing, district=shown)
        if len(texts[-1]) + 1 + len(line) > PASS_ON_LIMIT:
            texts.append(t(locale, "fh-pass-on-next", part=len(texts) + 1))
        texts[-1] += "\n" + line
    return texts
