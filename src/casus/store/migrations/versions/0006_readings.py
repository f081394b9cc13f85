"""Readings: the articles a batch has read, keyed by content hash (resumable batches).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "readings",
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("article", sa.Text(), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("kept", sa.Boolean(), nullable=False),
        sa.Column("agreements", sa.Integer(), nullable=False),
        sa.Column("proposals", sa.Integer(), nullable=False),
        sa.Column("reader_version", sa.String(64), nullable=True),
        sa.Column("reading", sa.JSON(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("content_hash", name="pk_readings"),
    )


def downgrade() -> None:
    op.drop_table("readings")
