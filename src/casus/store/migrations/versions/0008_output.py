"""Treaties: a short name for answers at 80 columns ("NATO", "China–DPRK 1961").

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Rows already stored get theirs when the built-in set is synced again; others keep none.
    with op.batch_alter_table("treaties") as batch:
        batch.add_column(sa.Column("short_name", sa.String(48), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("treaties") as batch:
        batch.drop_column("short_name")
