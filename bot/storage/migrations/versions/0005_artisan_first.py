"""artisan-first conversation: answers given by voice, the PIN code, the draft's first step

Revision ID: 0005
Revises: 0003
Create Date: 2026-11-30 09:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch mode): SQLite would otherwise rebuild the tables.
    op.add_column('submissions', sa.Column('voice_answers', sa.JSON(), nullable=True))
    op.add_column('submissions', sa.Column('first_step', sa.String(length=30), nullable=True))
    op.add_column('artisans', sa.Column('pin', sa.String(length=6), nullable=True))


def downgrade() -> None:
    op.drop_column('artisans', 'pin')
    op.drop_column('submissions', 'first_step')
    op.drop_column('submissions', 'voice_answers')
