"""The store's schema: SQLAlchemy Core tables, the same on SQLite and PostgreSQL.

Treaties, memberships, obligations and suspensions are *bitemporal*: each row
holds a version of one logical record (its ``*_key``) over recorded time
``[recorded_from, recorded_to)``; ``recorded_to`` is NULL for the version known
now. An edit closes the current row and adds a new one, so "as known on K" can
always be answered and no fact is ever erased. Valid time (``valid_from``,
``valid_to``: when the fact holds in the world) is part of each version.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _recorded() -> list[Column]:
    """Columns every versioned table shares: provenance and recorded time."""
    return [
        Column("source", JSON, nullable=False),
        Column("dataset_id", String(64), ForeignKey("datasets.id"), nullable=False),
        Column("recorded_from", DateTime, nullable=False),
        Column("recorded_to", DateTime, nullable=True),
    ]


datasets = Table(
    "datasets",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("version", String(64), nullable=False),
    Column("kind", String(16), nullable=False),  # curated | imported | read | edited
    Column("citation", Text, nullable=True),
    Column("url", Text, nullable=True),
    Column("coverage_from", Date, nullable=True),
    Column("coverage_to", Date, nullable=True),
    Column("digest", String(64), nullable=True),
    Column("loaded_at", DateTime, nullable=False),
)

treaties = Table(
    "treaties",
    metadata,
    Column("row_id", Integer, primary_key=True),
    Column("treaty_key", String(128), nullable=False),
    Column("name", Text, nullable=False),
    Column("aliases", JSON, nullable=False),
    Column("organisation", String(32), nullable=True),
    Column("signed", Date, nullable=True),
    Column("in_force", Date, nullable=True),
    Column("ended", Date, nullable=True),
    Column("end_reason", String(16), nullable=True),
    Column("atop_id", Integer, nullable=True),
    Column("notes", Text, nullable=True),
    Column("uncertain", Text, nullable=True),
    *_recorded(),
    Index("ix_treaties_current", "treaty_key", "recorded_to"),
)

memberships = Table(
    "memberships",
    metadata,
    Column("row_id", Integer, primary_key=True),
    Column("membership_key", String(160), nullable=False),
    Column("treaty_key", String(128), nullable=False),
    Column("state_id", String(8), nullable=False),
    Column("signed", Date, nullable=True),
    Column("valid_from", Date, nullable=True),  # NULL: from the treaty's entry into force
    Column("valid_to", Date, nullable=True),  # NULL: until the treaty ends
    Column("left_reason", String(16), nullable=True),
    Column("note", Text, nullable=True),
    Column("uncertain", Text, nullable=True),
    *_recorded(),
    Index("ix_memberships_current", "membership_key", "recorded_to"),
    Index("ix_memberships_state", "state_id"),
)

obligations = Table(
    "obligations",
    metadata,
    Column("row_id", Integer, primary_key=True),
    Column("obligation_key", String(160), nullable=False),
    Column("treaty_key", String(128), nullable=False),
    Column("article", String(32), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("strength", String(16), nullable=False),
    Column("obligors", JSON, nullable=False),
    Column("beneficiaries", JSON, nullable=False),
    Column("conditions", JSON, nullable=False),
    Column("summary", Text, nullable=False),
    Column("note", Text, nullable=True),
    Column("uncertain", Text, nullable=True),
    Column("valid_from", Date, nullable=True),  # NULL: from the treaty's entry into force
    Column("valid_to", Date, nullable=True),
    *_recorded(),
    Index("ix_obligations_current", "obligation_key", "recorded_to"),
)

suspensions = Table(
    "suspensions",
    metadata,
    Column("row_id", Integer, primary_key=True),
    Column("suspension_key", String(160), nullable=False),
    Column("treaty_key", String(128), nullable=False),
    Column("obligors", JSON, nullable=False),
    Column("beneficiaries", JSON, nullable=False),
    Column("valid_from", Date, nullable=False),
    Column("valid_to", Date, nullable=True),
    Column("legal_effect", String(16), nullable=False),
    Column("summary", Text, nullable=False),
    *_recorded(),
    Index("ix_suspensions_current", "suspension_key", "recorded_to"),
)

VERSIONED = {
    "treaties": (treaties, "treaty_key"),
    "memberships": (memberships, "membership_key"),
    "obligations": (obligations, "obligation_key"),
    "suspensions": (suspensions, "suspension_key"),
}
"""Each bitemporal table and the column holding its logical key."""

war_participants = Table(
    "war_participants",
    metadata,
    # One row per state per side of a COW inter-state war (a state that changed
    # sides, France or Italy in 1939-1945, has a row for each side). Bitemporal
    # like the tables above, but not in VERSIONED: it is not part of the
    # knowledge base of treaties; casus.history reads and writes it.
    Column("row_id", Integer, primary_key=True),
    Column("participant_key", String(64), nullable=False),  # "<warnum>/<state id>/side<1|2>"
    Column("war_num", Integer, nullable=False),
    Column("war_start_year", Integer, nullable=False),
    Column("state_id", String(8), nullable=False),
    Column("cow", Integer, nullable=False),
    Column("side", Integer, nullable=False),  # 1 = COW side A, 2 = side B
    Column("initiator", Boolean, nullable=False),
    Column("entered", Integer, nullable=False),  # first year of war on this side (first onset year)
    Column("last_year", Integer, nullable=False),
    Column("opponents", JSON, nullable=False),  # {state id: first year fought against it}
    *_recorded(),
    Index("ix_war_participants_current", "participant_key", "recorded_to"),
)

proposals = Table(
    "proposals",
    metadata,
    # One row per change the reader proposes to the knowledge base (casus.review).
    # Not versioned: a proposal's life is its status (open -> accepted | rejected),
    # who decided and when; the records an accepted proposal writes are versioned.
    Column("id", Integer, primary_key=True),
    Column("fact_key", String(255), nullable=False, unique=True),  # article | span | fact: the idempotence key
    Column("kind", String(32), nullable=False),  # new_treaty | new_member | new_obligation | ...
    Column("status", String(16), nullable=False),  # open | accepted | rejected
    Column("treaty_key", String(128), nullable=True),  # the treaty matched or proposed
    Column("article", Text, nullable=False),  # the article's id, else its URL
    Column("url", Text, nullable=True),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("reader_version", String(64), nullable=True),
    Column("summary", Text, nullable=False),
    Column("payload", JSON, nullable=False),  # facts covered, both sides, the change to make
    Column("created_at", DateTime, nullable=False),
    Column("decided_at", DateTime, nullable=True),
    Column("decided_by", Text, nullable=True),
    Column("reason", Text, nullable=True),
    Index("ix_proposals_status", "status"),
    Index("ix_proposals_article", "article"),
)

# One row: a counter every write transaction bumps (``Store.generation``), so a
# long-running process knows, with one cheap read, whether its cached knowledge
# base is stale, whichever process wrote.
store_generation = Table(
    "store_generation",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("value", Integer, nullable=False),
)
