"""Marking a submission listed on a marketplace: approved -> listed, with the URL kept."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import Translator
from bot.services.workflow import ADMIN, transition
from bot.storage.models import Artisan, State, Submission

_REFERENCE = re.compile(r"^ODOP-?(\d{1,9})$", re.IGNORECASE)
MAX_URL = 500  # Submission.listing_url


class ListingRefused(Exception):
    """Why a submission cannot be marked listed: a message key and its arguments."""

    def __init__(self, key: str, **args: Any) -> None:
        super().__init__(key)
        self.key = key
        self.values = args


STATE_LABELS = {
    State.DRAFT: "cat-state-draft",
    State.PENDING: "cat-state-pending",
    State.IN_REVIEW: "cat-state-in_review",
    State.APPROVED: "cat-state-approved",
    State.CHANGES_REQUESTED: "cat-state-changes_requested",
    State.REJECTED: "cat-state-rejected",
    State.LISTED: "cat-state-listed",
}


def refusal_text(t: Translator, locale: str, refused: ListingRefused) -> str:
    values = dict(refused.values)
    if "state" in values:
        values["state"] = t(locale, STATE_LABELS[State(values["state"])])
    return t(locale, refused.key, **values)


@dataclass
class Listing:
    submission: Submission
    artisan: Artisan | None
    changed: bool  # False: it was already listed with this very URL


def parse_reference(text: str) -> int | None:
    match = _REFERENCE.match(text.strip())
    return int(match.group(1)) if match else None


def clean_url(text: str) -> str | None:
    """An http(s) address with a host, or None."""
    url = text.strip()
    if not url or len(url) > MAX_URL or any(ch.isspace() for ch in url):
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host or "." not in host:
        return None
    return url


async def mark_listed(
    session: AsyncSession, reference: str, url: str, actor_id: int | None
) -> Listing:
    """approved -> listed with the marketplace URL as the event's reason (caller commits)."""
    submission_id = parse_reference(reference)
    if submission_id is None:
        raise ListingRefused("listed-bad-ref", text=reference)
    link = clean_url(url)
    if link is None:
        raise ListingRefused("listed-bad-url")
    sub = await session.get(Submission, submission_id)
    if sub is None:
        raise ListingRefused("listed-not-found", ref=reference.upper())
    artisan = await session.get(Artisan, sub.artisan_id) if sub.artisan_id else None
    if sub.state == State.LISTED:
        if sub.listing_url == link:
            return Listing(sub, artisan, changed=False)
        raise ListingRefused("listed-already", ref=sub.reference, url=sub.listing_url or "")
    if sub.state != State.APPROVED:
        raise ListingRefused("listed-not-approved", ref=sub.reference, state=sub.state)
    transition(session, sub, State.LISTED, actor_id=actor_id, role=ADMIN, reason=link)
    sub.listing_url = link
    return Listing(sub, artisan, changed=True)


def listing_notice(t: Translator, artisan: Artisan, sub: Submission) -> tuple[int, str]:
    """(chat id, text) telling the artisan, in their own language, where their product is sold
    (an artisan without Telegram: the field helper who registered them, to pass it on)."""
    locale = t.resolve_locale(artisan.locale)
    product = sub.product_name or sub.reference
    text = t(locale, "listed-artisan", product=product, ref=sub.reference, url=sub.listing_url)
    chat = artisan.telegram_id if artisan.telegram_id is not None else artisan.assisted_by
    return chat or 0, text  # 0: nobody (no artisan is without both); Telegram refuses it
