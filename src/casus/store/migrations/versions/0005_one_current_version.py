"""One current version per key, enforced by partial unique indexes.

Before the index is built, any key with several current versions (a race the
old code could lose) keeps only its newest one current; the others are closed
at the newest one's recorded time, so no version is erased.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

KEYED = {
    "treaties": "treaty_key",
    "memberships": "membership_key",
    "obligations": "obligation_key",
    "suspensions": "suspension_key",
    "war_participants": "participant_key",
}


def upgrade() -> None:
    connection = op.get_bind()
    for table, key in KEYED.items():
        # Table and column names come from the constant above, never from input.
        duplicates = connection.execute(
            sa.text(
                f"SELECT {key}, MAX(row_id) FROM {table} WHERE recorded_to IS NULL "
                f"GROUP BY {key} HAVING COUNT(*) > 1"
            )
        ).all()
        for value, newest in duplicates:
            since = connection.execute(
                sa.text(f"SELECT recorded_from FROM {table} WHERE row_id = :row"), {"row": newest}
            ).scalar()
            connection.execute(
                sa.text(
                    f"UPDATE {table} SET recorded_to = :since "
                    f"WHERE {key} = :key AND recorded_to IS NULL AND row_id <> :row"
                ),
                {"since": since, "key": value, "row": newest},
            )
        where = sa.text("recorded_to IS NULL")
        op.create_index(f"uq_{table}_current", table, [key], unique=True, sqlite_where=where, postgresql_where=where)


def downgrade() -> None:
    for table in KEYED:
        op.drop_index(f"uq_{table}_current", table_name=table)
