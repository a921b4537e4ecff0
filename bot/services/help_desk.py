"""An artisan's questions and the staff's answers, kept as one thread per artisan."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.services.roles import StaffView
from bot.storage.models import Artisan, HelpMessage, Role, Staff, Submission

ASK = "hp:ask"  # dialogue kind: the artisan's next message is a question
REPLY = "hp:reply"  # dialogue kind: the staff member's next message answers `artisan_id`
THREAD_SHOWN = 5  # earlier messages shown with a new one


def load_office_phones(path: Path) -> dict[str, str]:
    """District -> the phone of its District Industries Centre, where an admin filled one in."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f)
        return {r["district_en"].strip(): r["phone"].strip() for r in rows if r.get("phone")}


def ask(
    session: AsyncSession, artisan: Artisan, step: str | None, text: str | None, voice: str | None
) -> HelpMessage:
    question = HelpMessage(
        artisan_id=artisan.id, text=text, voice_file_id=voice, step=step, staff_id=None
    )
    session.add(question)
    return question


def answer(session: AsyncSession, artisan: Artisan, staff_id: int, text: str) -> HelpMessage:
    reply = HelpMessage(artisan_id=artisan.id, staff_id=staff_id, text=text)
    session.add(reply)
    return reply


async def thread(session: AsyncSession, artisan_id: int) -> list[HelpMessage]:
    """The latest messages of the artisan's thread, oldest first."""
    rows = await session.scalars(
        select(HelpMessage)
        .where(HelpMessage.artisan_id == artisan_id)
        .order_by(HelpMessage.id.desc())
        .limit(THREAD_SHOWN)
    )
    return list(reversed(rows.all()))


async def helpers_for(
    session: AsyncSession, settings: Settings, district: str | None
) -> list[int]:
    """The reviewers of the artisan's district; the admins when no reviewer covers it."""
    staff = (await session.scalars(select(Staff))).all()
    reviewers = {
        s.user_id
        for s in staff
        if s.role == Role.REVIEWER and (not s.districts or district in s.districts)
    }
    reviewers.update(settings.reviewer_ids)
    if reviewers:
        return sorted(reviewers)
    admins = {s.user_id for s in staff if s.role == Role.ADMIN} | set(settings.admin_ids)
    return sorted(admins)


def may_answer(view: StaffView, artisan: Artisan) -> bool:
    """Staff who could review the artisan's district may answer them."""
    return view.can_review(artisan.district)


async def references(session: AsyncSession, artisan_id: int) -> list[str]:
    rows = await session.scalars(
        select(Submission).where(Submission.artisan_id == artisan_id).order_by(Submission.id)
    )
    return [sub.reference for sub in rows if sub.version > 0]
