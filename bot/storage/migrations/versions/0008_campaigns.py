"""campaigns: QR posters, and the campaign that brought each artisan

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 09:00:00

A poster's deep link carries a campaign's payload; /start with it records the campaign on the
artisan. `artisans.campaign_id` has no foreign key, like `active_submission_id`: adding one would
make SQLite rebuild the artisans table, and campaigns are never deleted.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('campaigns',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('payload', sa.String(length=64), nullable=False),
    sa.Column('district', sa.String(length=60), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=True),
    sa.Column('created_by', sa.BigInteger(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_campaigns')),
    sa.UniqueConstraint('payload', name=op.f('uq_campaigns_payload'))
    )
    op.add_column('artisans', sa.Column('campaign_id', sa.Integer(), nullable=True))
    op.create_index(op.f('ix_artisans_campaign_id'), 'artisans', ['campaign_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_artisans_campaign_id'), table_name='artisans')
    # Not batch mode: rebuilding artisans on SQLite (foreign_keys=ON) would cascade-delete
    # their submissions. SQLite 3.35+ drops a column in place.
    op.drop_column('artisans', 'campaign_id')
    op.drop_table('campaigns')
