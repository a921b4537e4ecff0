"""the album a photo came in

A photo sent before the photo question is kept, and its album is answered once, at its first
part: the parts after it find the album among the draft's photos.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30 19:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("photos", sa.Column("album", sa.String(64), nullable=True))


def downgrade() -> None:
    op.drop_column("photos", "album")
