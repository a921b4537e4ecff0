"""Answers an artisan gave by voice, typed in by the reviewer who listened to them.

The voice note stays (the summary and card still mark it 🎤); the typed text fills the field
and the snapshot the reviewer decides on, and an audit event records who typed what.
`Transcriber` is where an automatic speech-to-text service would plug in; none ships now.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import registration as reg
from bot.services import validation as v
from bot.storage.models import Artisan, Event, Submission

# Short codes for callback data -> the spoken step.
CODES = {"n": "name", "c": "craft", "p": "product_name", "d": "description"}
KIND = "tx:type"  # dialogue: the reviewer's next message is the text of a voice answer
PARSERS: dict[str, Callable[[str], str]] = {
    "name": v.parse_name,
    "craft": lambda text: v.parse_bounded(text, v.CRAFT_MIN, v.CRAFT_MAX, "err-craft"),
    "product_name": lambda text: v.parse_bounded(
        text, v.PRODUCT_MIN, v.PRODUCT_MAX, "err-product-name"
    ),
    "description": lambda text: v.parse_bounded(text, 2, v.DESCRIPTION_MAX, "err-description"),
}
EVENT_REASONS = {field: f"reason-transcribed-{field}" for field in CODES.values()}


class Transcriber(Protocol):
    """Speech to text for a voice answer, to offer the reviewer a draft (not implemented)."""

    async def transcribe(self, audio: bytes, language: str) -> str | None: ...


def spoken(sub: Submission) -> list[str]:
    """The steps this submission answered by voice, in the order they were asked."""
    return [field for field in CODES.values() if reg.spoken(sub, field)]


def record(
    session: AsyncSession, sub: Submission, artisan: Artisan, field: str, text: str, actor: int
) -> str:
    """Fill `field` with what the reviewer heard; returns the cleaned text.

    Raises `validation.Invalid` when the text would not pass as the artisan's own answer.
    """
    value = PARSERS[field](text)
    if field == "name":
        artisan.name = value
    else:
        setattr(sub, field, value)
    if sub.last_snapshot:
        fields = {**sub.last_snapshot.get("fields", {}), field: value}
        sub.last_snapshot = {**sub.last_snapshot, "fields": fields}
    session.add(
        Event(
            submission_id=sub.id,
            actor_id=actor,
            actor_role="reviewer",
            from_state=sub.state,
            to_state=sub.state,
            reason=EVENT_REASONS[field],
        )
    )
    return value
