"""indexes for the photo worker: the hash pieces, and the photos still to fetch

Finding another artisan's look-alike photo scanned every photo with a hash: quadratic over a
growing catalogue, inside the photo worker's write transaction. Each 8-bit piece of the hash
gets an expression index, so the pre-selection by an equal piece is eight index lookups. Each
round of the worker also scanned every photo for the few without a file: a partial index
holds just those.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 12:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PIECES = 8  # bot/services/photo_quality.py: HASH_HEX // BAND_HEX


def upgrade() -> None:
    for i in range(PIECES):
        op.create_index(f"ix_photos_phash_{i}", "photos", [sa.text(f"substr(phash, {i * 2 + 1}, 2)")])
    without_file = sa.text("local_path IS NULL")
    op.create_index(
        "ix_photos_to_fetch",
        "photos",
        ["created_at", "id"],
        sqlite_where=without_file,
        postgresql_where=without_file,
    )


def downgrade() -> None:
    op.drop_index("ix_photos_to_fetch", table_name="photos")
    for i in range(PIECES):
        op.drop_index(f"ix_photos_phash_{i}", table_name="photos")
