"""what a product's price and month's count are of

"50 ru kilo" was stored as ₹50 a piece. The price now keeps what it is of (kilogram, dozen;
NULL: pieces, as before), and the month's count is counted in the same.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-30 19:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("submissions", sa.Column("price_unit", sa.String(16), nullable=True))


def downgrade() -> None:
    op.drop_column("submissions", "price_unit")
