"""a broadcast reaches artisans without Telegram through the field helper who registered them

A delivery row may now be a field helper's: one per helper and broadcast, holding the ids of
the artisans (registered by that helper, no Telegram of their own) the helper is to pass the
notice on to. NULL for every other delivery.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("deliveries", sa.Column("for_artisans", sa.JSON(), nullable=True))


def downgrade() -> None:
    op.drop_column("deliveries", "for_artisans")
