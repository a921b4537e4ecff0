"""field helpers: artisans registered in person, without Telegram

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 10:00:00

`artisans.telegram_id` becomes nullable: a field helper registers an artisan who has no
Telegram; the id is set when they later join and link themselves. Its UNIQUE constraint stays
as it is (both engines let a unique column hold any number of NULLs).

On SQLite the NOT NULL goes by editing the table's stored definition (SQLite's documented way
for a change that touches no stored row, ALTER TABLE §7): batch mode would rebuild the table,
and dropping the old copy with foreign_keys=ON cascade-deletes every submission.
"""

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NOT_NULL = re.compile(r"(\btelegram_id\s+BIGINT)\s+NOT\s+NULL", re.IGNORECASE)
_NULLABLE = re.compile(r"(\btelegram_id\s+BIGINT)(?=\s*,)", re.IGNORECASE)


def _sqlite_telegram_id(nullable: bool) -> None:
    """Rewrite `telegram_id BIGINT [NOT NULL]` in the stored CREATE TABLE of artisans."""
    bind = op.get_bind()
    sql = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'artisans'"
    ).scalar_one()
    pattern, replacement = (_NOT_NULL, r"\1") if nullable else (_NULLABLE, r"\1 NOT NULL")
    changed, count = pattern.subn(replacement, sql)
    if count != 1:
        raise RuntimeError("artisans.telegram_id: unexpected table definition")
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    bind.exec_driver_sql(
        "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'artisans'",
        (changed,),
    )
    bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    bind.exec_driver_sql("PRAGMA writable_schema = OFF")


def upgrade() -> None:
    # Plain ADD COLUMN (no batch mode): SQLite would otherwise rebuild the tables.
    op.add_column("artisans", sa.Column("consent_method", sa.String(length=20), nullable=True))
    op.add_column("artisans", sa.Column("consent_by", sa.BigInteger(), nullable=True))
    op.add_column("artisans", sa.Column("consent_by_name", sa.String(length=80), nullable=True))
    op.add_column("artisans", sa.Column("assisted_by", sa.BigInteger(), nullable=True))
    op.create_index(op.f("ix_artisans_assisted_by"), "artisans", ["assisted_by"], unique=False)
    op.add_column(
        "submissions",
        sa.Column("assisted", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_telegram_id(nullable=True)
    else:
        op.alter_column("artisans", "telegram_id", existing_type=sa.BigInteger(), nullable=True)


def downgrade() -> None:
    # The old schema has no place for an artisan without Telegram: those records go (their
    # submissions with them, by the foreign keys' cascade).
    op.execute("DELETE FROM artisans WHERE telegram_id IS NULL")
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_telegram_id(nullable=False)
    else:
        op.alter_column("artisans", "telegram_id", existing_type=sa.BigInteger(), nullable=False)
    # Not batch mode: SQLite 3.35+ drops a column in place (see 0008).
    op.drop_column("submissions", "assisted")
    op.drop_index(op.f("ix_artisans_assisted_by"), table_name="artisans")
    op.drop_column("artisans", "assisted_by")
    op.drop_column("artisans", "consent_by_name")
    op.drop_column("artisans", "consent_by")
    op.drop_column("artisans", "consent_method")
