"""Broadcasts: who receives a notice, queueing it durably, listing and cancelling.

A broadcast and one delivery row per recipient are written in one transaction before anything is
sent; the lane in `bot.workers.broadcast_lane` sends them. An artisan without Telegram (registered
by a field helper) is reached through that helper: one delivery row per helper, `for_artisans`
naming whom to pass the notice on to. Plain functions over a session: callers commit.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, distinct, exists, func, insert, literal, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from telegram import Bot, Message
from telegram.constants import ParseMode

from bot.services.districts import DistrictIndex, normalize
from bot.storage.models import (
    Artisan,
    Broadcast,
    Delivery,
    Role,
    Staff,
    State,
    Submission,
    utcnow,
)

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
    """Who may receive any notice in their own chat: consent given, not opted out, not known
    unreachable (an artisan without Telegram never is: see `through_helpers`)."""
    return [
        Artisan.telegram_id.is_not(None),
        Artisan.consent_at.is_not(None),
        Artisan.notices_opt_in.is_(True),
        Artisan.reachable.is_(True),
    ]


def conditions(
    audience: Audience, catalogue: CraftCatalogue, default_locale: str
) -> list[ColumnElement[bool]]:
    """Who gets the notice in their own chat."""
    return reachable_artisans() + _filters(audience, catalogue, default_locale)


def _helper_holds_role(user_id: Any) -> ColumnElement[bool]:
    """Read at queueing and again at sending: a removed helper gets nothing."""
    return exists().where(Staff.user_id == user_id, Staff.role == Role.HELPER)


def _chat_unreachable(chat_id: Any) -> ColumnElement[bool]:
    """The chat blocked the bot (a 403 marked the user's row), as for any artisan."""
    chat = aliased(Artisan)
    return exists().where(chat.telegram_id == chat_id, chat.reachable.is_(False))


def through_helpers(
    audience: Audience, catalogue: CraftCatalogue, default_locale: str
) -> list[ColumnElement[bool]]:
    """Who hears the notice from the field helper who registered them: no Telegram of their
    own, consent given, not opted out; the helper still a helper and not known unreachable."""
    return [
        Artisan.telegram_id.is_(None),
        Artisan.assisted_by.is_not(None),
        Artisan.consent_at.is_not(None),
        Artisan.notices_opt_in.is_(True),
        _helper_holds_role(Artisan.assisted_by),
        ~_chat_unreachable(Artisan.assisted_by),
        *_filters(audience, catalogue, default_locale),
    ]


def _filters(
    audience: Audience, catalogue: CraftCatalogue, default_locale: str
) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
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


@dataclass(frozen=True)
class Reach:
    """How many artisans a notice reaches: in their own chat, or through a field helper."""

    direct: int
    via_helpers: int = 0  # artisans without Telegram
    helpers: int = 0  # the helpers who pass it on to them

    @property
    def artisans(self) -> int:
        return self.direct + self.via_helpers


async def count_audience(
    session: AsyncSession, audience: Audience, catalogue: CraftCatalogue, default_locale: str
) -> Reach:
    query = select(func.count(Artisan.id)).where(*conditions(audience, catalogue, default_locale))
    direct = int(await session.scalar(query) or 0)
    via, helpers = (
        await session.execute(
            select(func.count(Artisan.id), func.count(distinct(Artisan.assisted_by))).where(
                *through_helpers(audience, catalogue, default_locale)
            )
        )
    ).one()
    return Reach(direct, int(via or 0), int(helpers or 0))


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
    """The broadcast and one pending delivery per recipient chat, in the caller's transaction:
    each artisan's own, and one per field helper for the artisans without Telegram."""
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
    helped = through_helpers(audience, catalogue, default_locale)
    await _queue_helpers(session, broadcast.id, helped)
    total = await session.scalar(
        select(func.count(Delivery.id)).where(Delivery.broadcast_id == broadcast.id)
    )
    broadcast.total = int(total or 0)
    return broadcast


async def _queue_helpers(
    session: AsyncSession, broadcast_id: int, where: list[ColumnElement[bool]]
) -> None:
    """One delivery per field helper, naming their artisans of the audience without Telegram.

    A helper who is also an artisan of the audience already has a row for their chat (one
    message per chat and broadcast): it names their artisans too.
    """
    pairs = await session.execute(
        select(Artisan.assisted_by, Artisan.id).where(*where).order_by(Artisan.id)
    )
    named: dict[int, list[int]] = {}
    for helper_id, artisan_id in pairs:
        if helper_id is not None:  # always so (`where`); for the type
            named.setdefault(helper_id, []).append(artisan_id)
    if not named:
        return
    own = await session.execute(
        select(Delivery.id, Delivery.chat_id).where(
            Delivery.broadcast_id == broadcast_id, Delivery.chat_id.in_(sorted(named))
        )
    )
    for delivery_id, chat_id in own:
        await session.execute(
            update(Delivery)
            .where(Delivery.id == delivery_id)
            .values(for_artisans=named.pop(int(chat_id)))
            .execution_options(synchronize_session=False)
        )
    if named:
        await session.execute(
            insert(Delivery),
            [
                {
                    "broadcast_id": broadcast_id,
                    "artisan_id": None,
                    "chat_id": helper_id,
                    "state": PENDING,
                    "attempts": 0,
                    "for_artisans": ids,
                }
                for helper_id, ids in sorted(named.items())
            ],
        )


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


async def helper_counts(session: AsyncSession, broadcast_ids: list[int]) -> dict[int, Reach]:
    """Per broadcast: the field helpers who got it, and how many artisans they were to tell."""
    found: dict[int, Reach] = {bid: Reach(0) for bid in broadcast_ids}
    if not broadcast_ids:
        return found
    rows = await session.execute(
        select(Delivery.broadcast_id, Delivery.for_artisans).where(
            Delivery.broadcast_id.in_(broadcast_ids),
            Delivery.state == SENT,
            Delivery.for_artisans.is_not(None),
        )
    )
    for bid, ids in rows:
        before = found[bid]
        found[bid] = Reach(0, before.via_helpers + len(ids or ()), before.helpers + 1)
    return found


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


async def send_notice(
    chat_id: int, text: str | None, photo_file_id: str | None, bot: Bot
) -> Message:
    """The notice exactly as artisans see it (the admin's preview uses this too)."""
    if photo_file_id:
        return await bot.send_photo(
            chat_id, photo_file_id, caption=text or None, parse_mode=ParseMode.HTML
        )
    return await bot.send_message(chat_id, text or "", parse_mode=ParseMode.HTML)
