"""The first schema: datasets and the four bitemporal tables.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _provenance_columns(table: str) -> list[sa.Column]:
    """Provenance and recorded-time columns, shared by every versioned table."""
    return [
        sa.Column("source", sa.JSON(), nullable=False),
        sa.Column(
            "dataset_id", sa.String(64),
            sa.ForeignKey("datasets.id", name=f"fk_{table}_dataset_id_datasets"), nullable=False,
        ),
        sa.Column("recorded_from", sa.DateTime(), nullable=False),
        sa.Column("recorded_to", sa.DateTime(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "datasets",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("version", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("citation", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("coverage_from", sa.Date(), nullable=True),
        sa.Column("coverage_to", sa.Date(), nullable=True),
        sa.Column("digest", sa.String(64), nullable=True),
        sa.Column("loaded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_datasets"),
    )
    op.create_table(
        "treaties",
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("treaty_key", sa.String(128), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("organisation", sa.String(32), nullable=True),
        sa.Column("signed", sa.Date(), nullable=True),
        sa.Column("in_force", sa.Date(), nullable=True),
        sa.Column("ended", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.String(16), nullable=True),
        sa.Column("atop_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("uncertain", sa.Text(), nullable=True),
        *_provenance_columns("treaties"),
        sa.PrimaryKeyConstraint("row_id", name="pk_treaties"),
    )
    op.create_index("ix_treaties_current", "treaties", ["treaty_key", "recorded_to"])
    op.create_table(
        "memberships",
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("membership_key", sa.String(160), nullable=False),
        sa.Column("treaty_key", sa.String(128), nullable=False),
        sa.Column("state_id", sa.String(8), nullable=False),
        sa.Column("signed", sa.Date(), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("left_reason", sa.String(16), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("uncertain", sa.Text(), nullable=True),
        *_provenance_columns("memberships"),
        sa.PrimaryKeyConstraint("row_id", name="pk_memberships"),
    )
    op.create_index("ix_memberships_current", "memberships", ["membership_key", "recorded_to"])
    op.create_index("ix_memberships_state", "memberships", ["state_id"])
    op.create_table(
        "obligations",
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("obligation_key", sa.String(160), nullable=False),
        sa.Column("treaty_key", sa.String(128), nullable=False),
        sa.Column("article", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("strength", sa.String(16), nullable=False),
        sa.Column("obligors", sa.JSON(), nullable=False),
        sa.Column("beneficiaries", sa.JSON(), nullable=False),
        sa.Column("conditions", sa.JSON(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("uncertain", sa.Text(), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        *_provenance_columns("obligations"),
        sa.PrimaryKeyConstraint("row_id", name="pk_obligations"),
    )
    op.create_index("ix_obligations_current", "obligations", ["obligation_key", "recorded_to"])
    op.create_table(
        "suspensions",
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("suspension_key", sa.String(160), nullable=False),
        sa.Column("treaty_key", sa.String(128), nullable=False),
        sa.Column("obligors", sa.JSON(), nullable=False),
        sa.Column("beneficiaries", sa.JSON(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("legal_effect", sa.String(16), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        *_provenance_columns("suspensions"),
        sa.PrimaryKeyConstraint("row_id", name="pk_suspensions"),
    )
    op.create_index("ix_suspensions_current", "suspensions", ["suspension_key", "recorded_to"])


def downgrade() -> None:
    for table in ("suspensions", "obligations", "memberships", "treaties", "datasets"):
        op.drop_table(table)
