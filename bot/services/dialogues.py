"""Open dialogues: "the user's next message answers this" (a reason, a question, a draft).

One row per user (`dialogues`), read with the user's other rows at the start of each update.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.models import Dialogue


async def open_dialogue(
    session: AsyncSession, user_id: int, kind: str, payload: dict[str, Any] | None = None
) -> None:
    """Start (or replace) the user's open dialogue."""
    await session.merge(Dialogue(user_id=user_id, kind=kind, payload=payload or {}))


async def close_dialogue(session: AsyncSession, user_id: int, kind: str | None = None) -> bool:
    """End the user's dialogue (only of `kind`, if given); True if there was one."""
    statement = delete(Dialogue).where(Dialogue.user_id == user_id)
    if kind is not None:
        statement = statement.where(Dialogue.kind == kind)
    result = await session.execute(statement)
    return bool(getattr(result, "rowcount", 0))
