"""artisan-first conversation: answers by voice, the PIN code, the draft's first step, help

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 09:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch mode): SQLite would otherwise rebuild the tables.
    op.add_column('submissions', sa.Column('voice_answers', sa.JSON(), nullable=True))
    op.add_column('submissions', sa.Column('first_step', sa.String(length=30), nullable=True))
    op.add_column('artisans', sa.Column('pin', sa.String(length=6), nullable=True))
    op.create_table(
        'help_messages',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('artisan_id', sa.Integer(), nullable=False),
        sa.Column('staff_id', sa.BigInteger(), nullable=True),
        sa.Column('text', sa.Text(), nullable=True),
        sa.Column('voice_file_id', sa.String(length=200), nullable=True),
        sa.Column('step', sa.String(length=30), nullable=True),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['artisan_id'], ['artisans.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_help_messages_artisan_id', 'help_messages', ['artisan_id'])


def downgrade() -> None:
    op.drop_index('ix_help_messages_artisan_id', table_name='help_messages')
    op.drop_table('help_messages')
    op.drop_column('artisans', 'pin')
    op.drop_column('submissions', 'first_step')
    op.drop_column('submissions', 'voice_answers')
