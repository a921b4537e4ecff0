"""listing details for marketplaces

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 09:30:00

One row per approved product: the answers to the questions asked after approval (material,
colour, how many are ready, days to send, size), a reviewer's HSN correction, and the monthly
stock check's bookkeeping.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'listings',
        sa.Column('submission_id', sa.Integer(), nullable=False),
        sa.Column('step', sa.String(length=20), nullable=True),
        sa.Column('material', sa.String(length=80), nullable=True),
        sa.Column('colour', sa.String(length=80), nullable=True),
        sa.Column('stock', sa.Integer(), nullable=True),
        sa.Column('ship_days', sa.Integer(), nullable=True),
        sa.Column('size', sa.String(length=120), nullable=True),
        sa.Column('hsn', sa.String(length=8), nullable=True),
        sa.Column('paused', sa.Boolean(), nullable=False),
        sa.Column('stock_at', sa.DateTime(), nullable=True),
        sa.Column('stock_asked_at', sa.DateTime(), nullable=True),
        sa.Column('stock_missed', sa.Integer(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ['submission_id'],
            ['submissions.id'],
            name=op.f('fk_listings_submission_id_submissions'),
            ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('submission_id', name=op.f('pk_listings')),
    )


def downgrade() -> None:
    op.drop_table('listings')
