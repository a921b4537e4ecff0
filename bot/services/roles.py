"""Who may do what: roles from settings (ADMIN_IDS, REVIEWER_IDS) and from the staff table."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.storage.models import Role, Staff


@dataclass(frozen=True)
class StaffView:
    user_id: int
    is_admin: bool = False
    is_reviewer: bool = False
    districts: frozenset[str] = frozenset()  # empty: every district
    # A field helper registers artisans in person (/newartisan); being one grants no review.
    is_helper: bool = False
    helper_districts: frozenset[str] = frozenset()  # empty: every district

    @property
    def is_staff(self) -> bool:
        return self.is_admin or self.is_reviewer

    def can_review(self, district: str | None) -> bool:
        """Admins review everything; a scoped reviewer only their districts."""
        if self.is_admin:
            return True
        if not self.is_reviewer:
            return False
        return not self.districts or district in self.districts


async def staff_view(session: AsyncSession, settings: Settings, user_id: int) -> StaffView:
    """Read the roles now (never cached: a removed reviewer loses access at once)."""
    rows = (await session.scalars(select(Staff).where(Staff.user_id == user_id))).all()
    is_admin = user_id in settings.admin_ids or any(r.role == Role.ADMIN for r in rows)
    reviewer_rows = [r for r in rows if r.role == Role.REVIEWER]
    is_reviewer = is_admin or user_id in settings.reviewer_ids or bool(reviewer_rows)
    scoped = user_id not in settings.reviewer_ids and all(r.districts for r in reviewer_rows)
    districts = (
        frozenset(d for r in reviewer_rows for d in r.districts)
        if scoped and reviewer_rows and not is_admin
        else frozenset()
    )
    helper_rows = [r for r in rows if r.role == Role.HELPER]
    helper_districts = frozenset(d for r in helper_rows for d in r.districts)
    return StaffView(
        user_id, is_admin, is_reviewer, districts, bool(helper_rows), helper_districts
    )
