"""a staff member's Telegram name, for the staff list

/staff and the role confirmations showed officials who never registered a product by their
Telegram id alone. Their profile name is kept (for staff only) when they use a staff command.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-01 01:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("artisans", sa.Column("profile_name", sa.String(80), nullable=True))


def downgrade() -> None:
    op.drop_column("artisans", "profile_name")
