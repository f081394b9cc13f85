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
    text,
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


def _one_current(table: str, key_column: str) -> Index:
    """At most one current version per key, enforced by the database itself.

    A partial unique index (SQLite and PostgreSQL both have them): two writers
    racing to supersede the same record cannot both leave a current row.
    """
    where = text("recorded_to IS NULL")
    return Index(f"uq_{table}_current", key_column, unique=True, sqlite_where=where, postgresql_where=where)


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
    Column("instrument", String(16), nullable=False, server_default="treaty"),  # treaty | unilateral
    Column("short_name", String(48), nullable=True),
    *_recorded(),
    Index("ix_treaties_current", "treaty_key", "recorded_to"),
    _one_current("treaties", "treaty_key"),
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
    _one_current("memberships", "membership_key"),
    Index("ix_memberships_state", "state_id"),
)

obligations = Table(
    "obligations",
    metadata,
    Column("row_id", Integer, primary_key=True),
    Column("obligation_key", String(160), nullable=False),
    Column("treaty_key", String(128), nullable=False),
    Column("article", String(32), nullable=False),
    Column("label", String(48), nullable=True),  # NULL: the article's label follows the rule
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
    _one_current("obligations", "obligation_key"),
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
    _one_current("suspensions", "suspension_key"),
)

VERSIONED = {
    "treaties": (treaties, "treaty_key"),
    "memberships": (memberships, "membership_key"),
    "obligations": (obligations, "obligation_key"),
    "suspensions": (suspensions, "suspension_key"),
}
"""Each bitemporal table of the knowledge base and the column holding its logical key."""

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
    _one_current("war_participants", "participant_key"),
)

KEYED = {**VERSIONED, "war_participants": (war_participants, "participant_key")}
"""Every bitemporal table (the knowledge base's and the wars) and its key column."""

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


def typed(table_name: str, values: dict) -> dict:
    """Dates kept as ISO text (in a proposal's JSON) become dates for the table's date columns."""
    import datetime as dt

    table, _ = KEYED[table_name]
    out = dict(values)
    for column in table.columns:
        value = out.get(column.name)
        if isinstance(value, str) and isinstance(column.type, Date):
            out[column.name] = dt.date.fromisoformat(value)
    return out


def key_column(table_name: str) -> str:
    """The column holding the logical key of a versioned table."""
    return KEYED[table_name][1]

readings = Table(
    "readings",
    metadata,
    # One row per article a batch (``casus.archive``) has read, keyed by a hash of its
    # content: reading the same article twice, or resuming a killed batch, skips it.
    # Not versioned: a reading is an observation of the reader, not a fact of the base;
    # the proposals it filed are written in the same transaction.
    Column("content_hash", String(64), primary_key=True),
    Column("article", Text, nullable=False),  # the record's id, else its URL, else the hash
    Column("origin", Text, nullable=False),  # file and line the record came from
    Column("url", Text, nullable=True),
    Column("published", Date, nullable=True),
    Column("kept", Boolean, nullable=False),  # false: the first pass found nothing to read
    Column("agreements", Integer, nullable=False),
    Column("proposals", Integer, nullable=False),
    Column("reader_version", String(64), nullable=True),
    Column("reading", JSON, nullable=False),  # the reader's JSON, without the article text
    Column("recorded_at", DateTime, nullable=False),
)
