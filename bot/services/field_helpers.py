"""Field helpers: artisans registered in person, and linking them when they join Telegram.

A helper's open assist session is a `Dialogue` row (kind ASSIST, payload {"artisan_id"}):
while it is open, the helper's answers and `reg:` buttons fill in that artisan's draft through
the same `bot.services.flow` as everyone's. The artisan row has no telegram_id until the artisan
shares their own number as a Telegram contact and confirms it is them (LINK, one tap).
No Telegram here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import flow, privacy
from bot.storage.models import IST, Artisan, Dialogue, Role, Staff, State, Submission, utcnow

ASSIST = "fh:assist"  # a helper is registering an artisan: payload {"artisan_id"}
# A link was offered to a verified number: payload {"artisan_ids", "phone"} (older rows:
# {"artisan_id", "phone"}). A family's one number may carry several records: each is offered.
LINK = "fh:link"
LINK_CHOICES = 4
IN_PERSON = "in_person"
DAILY_FLAG = 50  # more registrations than this by one helper in a day: the admins are told


@dataclass(frozen=True)
class Registered:
    """One artisan a helper registered, with their products (newest first)."""

    artisan: Artisan
    submissions: list[Submission]


async def is_helper(session: AsyncSession, user_id: int) -> bool:
    """Read now: a removed helper loses access at the next press."""
    row = await session.get(Staff, (user_id, str(Role.HELPER)))
    return row is not None


async def begin(
    session: AsyncSession,
    helper_id: int,
    helper_name: str | None,
    locale: str,
    district: str | None,
) -> tuple[Artisan, Submission | None]:
    """A new artisan without Telegram, their consent given in person, and the first draft.

    The artisan gets no notices of their own (`reachable` False) until they link themselves.
    """
    artisan = Artisan(
        telegram_id=None,
        locale=locale,
        district=district,
        consent_at=utcnow(),
        consent_method=IN_PERSON,
        consent_by=helper_id,
        consent_by_name=(helper_name or "")[:80] or None,
        assisted_by=helper_id,
        reachable=False,
    )
    session.add(artisan)
    await session.flush()
    sub = await flow.start_new(session, artisan)
    await open_session(session, helper_id, artisan.id)
    return artisan, sub


async def open_session(session: AsyncSession, helper_id: int, artisan_id: int) -> None:
    """The helper's answers now go to this artisan (replacing any other open dialogue)."""
    payload = {"artisan_id": artisan_id}
    dialogue = await session.get(Dialogue, helper_id)
    if dialogue is None:
        session.add(Dialogue(user_id=helper_id, kind=ASSIST, payload=payload))
    else:
        dialogue.kind, dialogue.payload = ASSIST, payload


async def end_session(session: AsyncSession, helper_id: int) -> None:
    await session.execute(
        delete(Dialogue).where(Dialogue.user_id == helper_id, Dialogue.kind == ASSIST)
    )


async def assisted(session: AsyncSession, helper_id: int, dialogue: Dialogue) -> Artisan | None:
    """The artisan an open assist session is for, if the helper may still act for them.

    Checked on every message and press: the caller is still a helper, the artisan is one they
    registered, and the artisan has not linked their own Telegram meanwhile.
    """
    artisan_id = (dialogue.payload or {}).get("artisan_id")
    if dialogue.kind != ASSIST or not isinstance(artisan_id, int):
        return None
    if not await is_helper(session, helper_id):
        return None
    artisan = await session.get(Artisan, artisan_id)
    if artisan is None or artisan.assisted_by != helper_id or artisan.telegram_id is not None:
        return None
    return artisan


def mark_submitted(sub: Submission) -> None:
    sub.assisted = True


def day_start(now: datetime) -> datetime:
    """Midnight of today in India, as UTC: the day a helper's registrations are counted in."""
    local = now.astimezone(IST)
    return local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(now.tzinfo)


async def registered_today(session: AsyncSession, helper_id: int) -> int:
    now = utcnow()
    count = await session.scalar(
        select(func.count(Artisan.id)).where(
            Artisan.assisted_by == helper_id, Artisan.created_at >= day_start(now)
        )
    )
    return int(count or 0)


def crosses_flag(count_today: int) -> bool:
    """True exactly once a day: for the registration that takes the helper over the limit."""
    return count_today == DAILY_FLAG + 1


async def mine(session: AsyncSession, helper_id: int, limit: int = 50) -> list[Registered]:
    """The artisans this helper registered, newest first, with their products."""
    artisans = (
        await session.scalars(
            select(Artisan)
            .where(Artisan.assisted_by == helper_id)
            .order_by(Artisan.id.desc())
            .limit(limit)
        )
    ).all()
    found = []
    for artisan in artisans:
        subs = (
            await session.scalars(
                select(Submission)
                .where(Submission.artisan_id == artisan.id)
                .order_by(Submission.id.desc())
            )
        ).all()
        found.append(Registered(artisan, list(subs)))
    return found


async def link_candidates(session: AsyncSession, own: Artisan, phone: str) -> list[Artisan]:
    """The records helpers made for this (Telegram-verified) number, oldest first: one, or a
    family's several sharing it (at most LINK_CHOICES; none when there are more).

    Only offered while the artisan's own row holds nothing sent yet: linking drops that row.
    """
    if own.telegram_id is None or await _has_sent(session, own.id):
        return []
    found = (
        await session.scalars(
            select(Artisan)
            .where(
                Artisan.phone == phone,
                Artisan.telegram_id.is_(None),
                Artisan.assisted_by.is_not(None),
            )
            .order_by(Artisan.id)
            .limit(LINK_CHOICES + 1)
        )
    ).all()
    if len(found) > LINK_CHOICES:
        return []
    # The same person registered twice (see `twin`) is offered once: the first record, or the
    # ones with a product sent. Two of a family of one name who both sent one are both offered.
    sent = await _senders(session, [r.id for r in found])
    same_name: dict[str, list[Artisan]] = {}
    for record in found:
        same_name.setdefault((record.name or "").lower(), []).append(record)
    offered = set()
    for records in same_name.values():
        offered.update([r.id for r in records if r.id in sent] or [records[0].id])
    return [r for r in found if r.id in offered]


async def products_of(session: AsyncSession, artisan_ids: list[int]) -> dict[int, str]:
    """Each artisan's latest product sent, by name: what tells two people of one name apart."""
    rows = await session.execute(
        select(Submission.artisan_id, Submission.product_name)
        .where(
            Submission.artisan_id.in_(artisan_ids),
            Submission.state != State.DRAFT,
            Submission.product_name.is_not(None),
        )
        .order_by(Submission.id)
    )
    return {a: str(name) for a, name in rows if a is not None}  # the latest wins


async def offer_link(session: AsyncSession, user_id: int, targets: list[Artisan]) -> None:
    """Remember the offer (state in a row): the press is checked against it, never its data."""
    payload = {"artisan_ids": [t.id for t in targets], "phone": targets[0].phone}
    dialogue = await session.get(Dialogue, user_id)
    if dialogue is None:
        session.add(Dialogue(user_id=user_id, kind=LINK, payload=payload))
    else:
        dialogue.kind, dialogue.payload = LINK, payload


async def link(
    session: AsyncSession, user_id: int, own: Artisan | None, media_dir: Path, choice: int | None
) -> tuple[Artisan | None, list[Path]]:
    """The offered record (the `choice`th of those offered; None: "yes", the one offered alone)
    becomes this user's; their own new row (nothing sent) is purged.

    Returns the record (None when there is no live offer, no such choice, or the record or the
    number changed since it was made) and the purged row's media files, to remove after the
    commit. A press that is no choice of this offer (forged, or an older offer's) leaves the
    offer as it is.
    """
    dialogue = await session.get(Dialogue, user_id)
    if dialogue is None or dialogue.kind != LINK:
        return None, []
    payload = dialogue.payload or {}
    offered = payload.get("artisan_ids", [payload.get("artisan_id")])
    if not isinstance(offered, list) or (choice is None and len(offered) != 1):
        return None, []
    index = 0 if choice is None else choice
    if not 0 <= index < len(offered):
        return None, []
    await session.delete(dialogue)
    target_id, phone = offered[index], payload.get("phone")
    target = await session.get(Artisan, target_id) if isinstance(target_id, int) else None
    if target is None or target.telegram_id is not None or target.phone != phone:
        return None, []
    files: list[Path] = []
    if own is not None:
        if own.phone != phone or await _has_sent(session, own.id):
            return None, []
        target.campaign_id = target.campaign_id or own.campaign_id
        target.locale = own.locale or target.locale
        await session.flush()
        files = await privacy.purge_artisan(session, own, media_dir)
    target.telegram_id = user_id
    target.reachable = True
    target.active_submission_id = None
    await session.flush()
    return target, files


async def decline_link(session: AsyncSession, user_id: int) -> None:
    await session.execute(
        delete(Dialogue).where(Dialogue.user_id == user_id, Dialogue.kind == LINK)
    )


async def _has_sent(session: AsyncSession, artisan_id: int) -> bool:
    return bool(await _senders(session, [artisan_id]))


async def _senders(session: AsyncSession, artisan_ids: list[int]) -> set[int]:
    """Those who have anything beyond drafts: a product sent for review, decided or listed."""
    found = await session.scalars(
        select(Submission.artisan_id)
        .where(Submission.artisan_id.in_(artisan_ids), Submission.state != State.DRAFT)
        .distinct()
    )
    return {artisan_id for artisan_id in found if artisan_id is not None}


async def twin(session: AsyncSession, artisan: Artisan) -> Artisan | None:
    """Another record with this artisan's name and number: the same person registered twice
    (at a second camp, by a second helper), whose products would wait twice."""
    if artisan.phone is None or artisan.name is None:
        return None
    return await session.scalar(
        select(Artisan)
        .where(
            Artisan.phone == artisan.phone,
            Artisan.id != artisan.id,
            func.lower(Artisan.name) == artisan.name.lower(),
        )
        .limit(1)
    )
