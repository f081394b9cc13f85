"""Treaties: the kind of instrument (a treaty, or a unilateral pledge that binds only its maker).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing rows are all treaties: the server default fills them in.
    with op.batch_alter_table("treaties") as batch:
        batch.add_column(sa.Column("instrument", sa.String(16), nullable=False, server_default="treaty"))


def downgrade() -> None:
    with op.batch_alter_table("treaties") as batch:
        batch.drop_column("instrument")
