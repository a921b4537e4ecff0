"""Campaigns: a QR poster per district or camp, and the artisans its deep link brought.

A poster's QR code opens `https://t.me/<bot>?start=<payload>`; Telegram then sends the bot
`/start <payload>`. The payload is a short random id of a `campaigns` row, never data to trust:
`resolve` answers None for anything that is not exactly a stored payload.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.districts import District, DistrictIndex
from bot.services.roles import StaffView
from bot.storage.models import Artisan, Campaign, State, Submission

# Telegram's rule for a deep-link payload: 1-64 characters of A-Z a-z 0-9 _ -.
PAYLOAD = re.compile(r"[A-Za-z0-9_-]{1,64}")
PAYLOAD_BYTES = 6  # 8 characters of base64url: 2^48 ids, not guessable by trying
NAME_LIMIT = 80
APPROVED = (State.APPROVED, State.LISTED)


def may_create(view: StaffView, district: str) -> bool:
    """Admins make posters for any district; a reviewer for the districts they review."""
    return view.can_review(district)


def deep_link(bot_username: str, payload: str) -> str:
    return f"https://t.me/{bot_username}?start={payload}"


def file_stem(district_key: str, payload: str) -> str:
    """The poster's file name without suffix: "poster-sant-kabir-nagar-Ab3_x-9Q"."""
    slug = "-".join(re.findall(r"[a-z0-9]+", district_key.lower()))
    return f"poster-{slug}-{payload}"


async def create(
    session: AsyncSession, district: str, name: str | None, created_by: int | None
) -> Campaign:
    """A new campaign with a fresh random payload (the district key is checked by the caller)."""
    while True:
        payload = secrets.token_urlsafe(PAYLOAD_BYTES)
        taken = await session.scalar(select(Campaign.id).where(Campaign.payload == payload))
        if taken is None:
            break
    campaign = Campaign(
        payload=payload,
        district=district,
        name=(name or "").strip()[:NAME_LIMIT] or None,
        created_by=created_by,
    )
    session.add(campaign)
    await session.flush()
    return campaign


async def resolve(session: AsyncSession, payload: str | None) -> Campaign | None:
    """The campaign of a /start payload; None for a missing, malformed or unknown one."""
    if not payload or not PAYLOAD.fullmatch(payload):
        return None
    found: Campaign | None = await session.scalar(
        select(Campaign).where(Campaign.payload == payload)
    )
    return found


def attach(artisan: Artisan, campaign: Campaign) -> bool:
    """Record the first campaign that brought the artisan; pre-select its district.

    A district the artisan already gave is kept (a registered artisan scanning a poster in
    another district is still from their own). True when the campaign was recorded now.
    """
    if artisan.district is None:
        artisan.district = campaign.district
    if artisan.campaign_id is not None:
        return False
    artisan.campaign_id = campaign.id
    return True


@dataclass(frozen=True)
class CampaignStats:
    payload: str
    district: str
    name: str | None
    registrations: int  # artisans who consented
    approvals: int  # their submissions approved or listed

    @property
    def label(self) -> str:
        return f"{self.name} ({self.payload})" if self.name else self.payload


async def per_campaign(session: AsyncSession) -> list[CampaignStats]:
    """Registrations and approvals per campaign, newest campaign first."""
    registered = (
        select(Artisan.campaign_id, func.count().label("n"))
        .where(Artisan.consent_at.is_not(None), Artisan.campaign_id.is_not(None))
        .group_by(Artisan.campaign_id)
        .subquery()
    )
    approved = (
        select(Artisan.campaign_id, func.count().label("n"))
        .join(Submission, Submission.artisan_id == Artisan.id)
        .where(Artisan.campaign_id.is_not(None), Submission.state.in_(APPROVED))
        .group_by(Artisan.campaign_id)
        .subquery()
    )
    rows = await session.execute(
        select(
            Campaign.payload,
            Campaign.district,
            Campaign.name,
            func.coalesce(registered.c.n, 0),
            func.coalesce(approved.c.n, 0),
        )
        .outerjoin(registered, registered.c.campaign_id == Campaign.id)
        .outerjoin(approved, approved.c.campaign_id == Campaign.id)
        .order_by(Campaign.id.desc())
    )
    return [CampaignStats(p, d, n, int(r), int(a)) for p, d, n, r, a in rows]


@dataclass(frozen=True)
class DistrictWords:
    district: District | None
    rest: str  # the words after the district: the camp's name
    suggestions: list[District]


def split_district(index: DistrictIndex, words: list[str]) -> DistrictWords:
    """The longest leading words that name a district exactly, and the rest (a camp name).

    "Sant Kabir Nagar Mela 2026" -> Sant Kabir Nagar, "Mela 2026". Only an exact (normalised)
    name or alias counts; otherwise the first word's close matches are suggested.
    """
    words = " ".join(words).split()
    for end in range(len(words), 0, -1):
        found = index.match(" ".join(words[:end])).district
        if found is not None:
            return DistrictWords(found, " ".join(words[end:]), [])
    return DistrictWords(None, "", index.match(words[0]).suggestions if words else [])


def label(campaign: Campaign) -> str:
    """How a campaign is named in the export and /stats: "camp name (payload)"."""
    return CampaignStats(campaign.payload, campaign.district, campaign.name, 0, 0).label


async def campaign_labels(session: AsyncSession, ids: list[int | None]) -> dict[int, str]:
    """Labels of the campaigns with these ids (None ignored), for the catalogue export."""
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    found = await session.scalars(select(Campaign).where(Campaign.id.in_(wanted)))
    return {c.id: label(c) for c in found}
