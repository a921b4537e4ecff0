"""Broadcasts: who receives a notice, queueing it durably, listing and cancelling.

A broadcast and one delivery row per recipient are written in one transaction before anything is
sent; the lane in `bot.workers.broadcast_lane` sends them. Plain functions over a session:
callers commit.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, exists, func, insert, literal, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Bot, Message
from telegram.constants import ParseMode

from bot.services.districts import DistrictIndex, normalize
from bot.storage.models import Artisan, Broadcast, Delivery, State, Submission, utcnow

QUEUED, SENDING, DONE, CANCELLED = "queued", "sending", "done", "cancelled"
ACTIVE = (QUEUED, SENDING)
PENDING, SENT, FAILED, SKIPPED = "pending", "sent", "failed", "skipped"
# Submission states an admin can filter on; "pending" also covers a claimed (in review) one.
STATE_FILTERS = (
    State.APPROVED,
    State.LISTED,
    State.PENDING,
    State.CHANGES_REQUESTED,
    State.REJECTED,
    State.DRAFT,
)
_STATE_EXPANDS: dict[str, tuple[str, ...]] = {State.PENDING: (State.PENDING, State.IN_REVIEW)}
UI_LOCALE = "ui"  # key in Broadcast.audience: the admin's language for progress and report


@dataclass(frozen=True)
class Audience:
    """Filters combined with AND; an empty filter means "any". Always: registered, opted in,
    reachable."""

    districts: tuple[str, ...] = ()
    crafts: tuple[str, ...] = ()
    states: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()

    @property
    def everyone(self) -> bool:
        return not (self.districts or self.crafts or self.states or self.languages)

    def to_json(self) -> dict[str, Any]:
        return {
            "districts": list(self.districts),
            "crafts": list(self.crafts),
            "states": list(self.states),
            "languages": list(self.languages),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Audience:
        data = data or {}

        def strings(key: str) -> tuple[str, ...]:
            value = data.get(key)
            return tuple(str(v) for v in value) if isinstance(value, list) else ()

        return cls(
            strings("districts"), strings("crafts"), strings("states"), strings("languages")
        )


class CraftCatalogue:
    """ODOP products by either of their names: "Terracotta" also finds the Hindi name."""

    def __init__(self, index: DistrictIndex) -> None:
        self._pairs: dict[str, tuple[str, str]] = {}
        for district in index.districts:
            for english, hindi in zip(district.products_en, district.products_hi, strict=False):
                self._pairs.setdefault(normalize(english), (english, hindi))
                self._pairs.setdefault(normalize(hindi), (english, hindi))

    def resolve(self, typed: str) -> str:
        """The English name of a catalogued product, else the text as typed (a custom craft)."""
        pair = self._pairs.get(normalize(typed))
        return pair[0] if pair else " ".join(typed.split())

    def name(self, craft: str, locale: str) -> str:
        pair = self._pairs.get(normalize(craft))
        if pair is None:
            return craft
        return pair[1] if locale == "hi" else pair[0]

    def variants(self, craft: str) -> set[str]:
        """Lower-cased names an artisan may have stored for this craft."""
        pair = self._pairs.get(normalize(craft))
        return {name.lower() for name in pair} if pair else {craft.lower()}


def reachable_artisans() -> list[ColumnElement[bool]]:
    """Who may receive any notice: consent given, not opted out, not known unreachable."""
    return [
        Artisan.consent_at.is_not(None),
        Artisan.notices_opt_in.is_(True),
        Artisan.reachable.is_(True),
    ]


def conditions(
    audience: Audience, catalogue: CraftCatalogue, default_locale: str
) -> list[ColumnElement[bool]]:
    where = reachable_artisans()
    if audience.districts:
        where.append(Artisan.district.in_(audience.districts))
    if audience.crafts:
        names = set().union(*(catalogue.variants(c) for c in audience.crafts))
        where.append(func.lower(Artisan.craft).in_(sorted(names)))
    if audience.states:
        states = {s for state in audience.states for s in _STATE_EXPANDS.get(state, (state,))}
        where.append(
            exists().where(Submission.artisan_id == Artisan.id, Submission.state.in_(states))
        )
    if audience.languages:
        locale = func.coalesce(Artisan.locale, default_locale)
        where.append(locale.in_(audience.languages))
    return where


async def count_audience(
    session: AsyncSession, audience: Audience, catalogue: CraftCatalogue, default_locale: str
) -> int:
    query = select(func.count(Artisan.id)).where(*conditions(audience, catalogue, default_locale))
    return int(await session.scalar(query) or 0)


async def queue_broadcast(
    session: AsyncSession,
    *,
    created_by: int,
    text: str | None,
    photo_file_id: str | None,
    audience: Audience,
    catalogue: CraftCatalogue,
    default_locale: str,
    ui_locale: str,
) -> Broadcast:
    """The broadcast and one pending delivery per recipient, in the caller's transaction."""
    broadcast = Broadcast(
        created_by=created_by,
        state=QUEUED,
        text=text,
        photo_file_id=photo_file_id,
        audience={**audience.to_json(), UI_LOCALE: ui_locale},
        progress_chat_id=created_by,
    )
    session.add(broadcast)
    await session.flush()
    recipients = (
        select(
            literal(broadcast.id),
            Artisan.id,
            Artisan.telegram_id,
            literal(PENDING),
            literal(0),
        )
        .where(*conditions(audience, catalogue, default_locale))
        .order_by(Artisan.id)
    )
    columns = ["broadcast_id", "artisan_id", "chat_id", "state", "attempts"]
    await session.execute(insert(Delivery).from_select(columns, recipients))
    total = await session.scalar(
        select(func.count(Delivery.id)).where(Delivery.broadcast_id == broadcast.id)
    )
    broadcast.total = int(total or 0)
    return broadcast


async def delivery_counts(
    session: AsyncSession, broadcast_ids: list[int]
) -> dict[int, Counter[str]]:
    """Deliveries per state for each broadcast, read now (the row's counters lag a few seconds)."""
    counts: dict[int, Counter[str]] = {bid: Counter() for bid in broadcast_ids}
    if not broadcast_ids:
        return counts
    rows = await session.execute(
        select(Delivery.broadcast_id, Delivery.state, func.count(Delivery.id))
        .where(Delivery.broadcast_id.in_(broadcast_ids))
        .group_by(Delivery.broadcast_id, Delivery.state)
    )
    for bid, state, n in rows:
        counts[bid][state] = int(n)
    return counts


async def recent(session: AsyncSession, limit: int = 10) -> list[Broadcast]:
    rows = await session.scalars(select(Broadcast).order_by(Broadcast.id.desc()).limit(limit))
    return list(rows)


async def cancel(session: AsyncSession, broadcast: Broadcast) -> int:
    """Stop a queued or running broadcast; returns how many recipients will not get it.

    The lane notices at its next lease renewal (a few seconds) and sends its final report.
    """
    broadcast.state = CANCELLED
    broadcast.finished_at = utcnow()
    result = await session.execute(
        update(Delivery)
        .where(Delivery.broadcast_id == broadcast.id, Delivery.state == PENDING)
        .values(state=SKIPPED, error="cancelled")
    )
    return int(getattr(result, "rowcount", 0) or 0)


@dataclass(frozen=True)
class Job:
    """One delivery to make."""

    id: int
    chat_id: int
    artisan_id: int | None
    attempts: int


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

    Recipients no longer allowed a notice (opted out, unreachable, consent withdrawn) are marked
    skipped instead; the lane reads small pages, so that takes effect within about a second.
    """
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
            )
            .outerjoin(Artisan, Artisan.id == Delivery.artisan_id)
            .where(
                Delivery.broadcast_id == broadcast_id,
                Delivery.state == PENDING,
                Delivery.id > after,
            )
            .order_by(Delivery.id)
            .limit(limit)
        )
    ).all()
    jobs: list[Job] = []
    skipped: dict[str, list[int]] = {}
    for did, chat_id, artisan_id, attempts, opted_in, reachable, consent in rows:
        reason = _skip_reason(opted_in, reachable, consent is not None)
        if reason is None:
            jobs.append(Job(did, chat_id, artisan_id, attempts))
        else:
            skipped.setdefault(reason, []).append(did)
    for reason, ids in skipped.items():
        await session.execute(
            update(Delivery)
            .where(Delivery.id.in_(ids), Delivery.state == PENDING)
            .values(state=SKIPPED, error=reason)
            .execution_options(synchronize_session=False)
        )
    return jobs, len(rows), rows[-1][0] if rows else after


async def send_notice(
    chat_id: int, text: str | None, photo_file_id: str | None, bot: Bot
) -> Message:
    """The notice exactly as artisans see it (the admin's preview uses this too)."""
    if photo_file_id:
        return await bot.send_photo(
            chat_id, photo_file_id, caption=text or None, parse_mode=ParseMode.HTML
        )
    return await bot.send_message(chat_id, text or "", parse_mode=ParseMode.HTML)
