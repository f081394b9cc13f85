"""Obligations: a curated label where the article's id reads oddly ("1661 secret article").

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # NULL keeps the rule ("Art. 5", "mutual assistance clause"); the built-in set fills the
    # curated ones when it is synced again.
    with op.batch_alter_table("obligations") as batch:
        batch.add_column(sa.Column("label", sa.String(48), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("obligations") as batch:
        batch.drop_column("label")
