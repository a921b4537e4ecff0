"""staff role changes, audited

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 09:30:00

Every grant, re-grant and removal of a reviewer or admin role is kept (who, whom, when,
which districts, how many claims went back to the queue); /staff shows the latest.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('staff_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.BigInteger(), nullable=True),
    sa.Column('user_id', sa.BigInteger(), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('districts', sa.JSON(), nullable=False),
    sa.Column('previous', sa.JSON(), nullable=True),
    sa.Column('released', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_changes'))
    )
    with op.batch_alter_table('staff_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_changes_at'), ['at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('staff_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_changes_at'))
    op.drop_table('staff_changes')
