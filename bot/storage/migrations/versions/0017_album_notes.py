"""what was said once for an album, in the database

An album sent with no photo question to take it is answered at its first part; its later
parts said nothing because the update processor remembered the album. That memory was one
process's: after a restart, or with two instances, a part repeated the answer.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "album_notes",
        sa.Column("user_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("media_group_id", sa.String(64), nullable=False),
        sa.Column("said", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("user_id", "media_group_id", "said", name=op.f("pk_album_notes")),
    )
    op.create_index(op.f("ix_album_notes_at"), "album_notes", ["at"])


def downgrade() -> None:
    op.drop_index("ix_album_notes_at", table_name="album_notes")
    op.drop_table("album_notes")
