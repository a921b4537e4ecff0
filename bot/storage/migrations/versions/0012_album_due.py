"""an album awaiting its answer, kept in the database

The answer to an album waits a moment for its last part. That wait was only a timer in the
process: a crash or a restart within it left the album unanswered. The draft now records it,
and the bot answers what is recorded when it starts.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30 15:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("submissions", sa.Column("album_due", sa.JSON(), nullable=True))
    due = sa.text("album_due IS NOT NULL")
    op.create_index(
        "ix_submissions_album_due", "submissions", ["id"], sqlite_where=due, postgresql_where=due
    )


def downgrade() -> None:
    op.drop_index("ix_submissions_album_due", table_name="submissions")
    op.drop_column("submissions", "album_due")
