"""COW inter-state wars: one row per state per side of each war, bitemporal.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "war_participants",
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("participant_key", sa.String(64), nullable=False),
        sa.Column("war_num", sa.Integer(), nullable=False),
        sa.Column("war_start_year", sa.Integer(), nullable=False),
        sa.Column("state_id", sa.String(8), nullable=False),
        sa.Column("cow", sa.Integer(), nullable=False),
        sa.Column("side", sa.Integer(), nullable=False),
        sa.Column("initiator", sa.Boolean(), nullable=False),
        sa.Column("entered", sa.Integer(), nullable=False),
        sa.Column("last_year", sa.Integer(), nullable=False),
        sa.Column("opponents", sa.JSON(), nullable=False),
        sa.Column("source", sa.JSON(), nullable=False),
        sa.Column(
            "dataset_id", sa.String(64),
            sa.ForeignKey("datasets.id", name="fk_war_participants_dataset_id_datasets"), nullable=False,
        ),
        sa.Column("recorded_from", sa.DateTime(), nullable=False),
        sa.Column("recorded_to", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("row_id", name="pk_war_participants"),
    )
    op.create_index("ix_war_participants_current", "war_participants", ["participant_key", "recorded_to"])


def downgrade() -> None:
    op.drop_table("war_participants")
