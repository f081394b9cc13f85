"""Open, migrate, fill and version the knowledge base store.

SQLite by default (one file in the user's data directory, WAL journal), any
SQLAlchemy URL otherwise (PostgreSQL for a team: ``postgresql+psycopg://…``).
``CASUS_DB`` names the store: a path or a database URL.

Every SQL statement casus runs is in this package. Other modules read through
``Store`` methods and write through ``Store.write``: one function run in one
transaction, retried as a whole when the database is busy or another writer
got there first, so no write is half done and none is lost.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import random
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, and_, create_engine, event, inspect, or_, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, SQLAlchemyError

from casus import __version__
from casus.errors import InvalidArgumentError, ProposalDecidedError, StoreError
from casus.store.urls import default_path, resolve_url
from casus.store.tables import KEYED, VERSIONED, datasets, proposals, readings, store_generation

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
BUILTIN_DATASET = "builtin"
EDITS_DATASET = "edits"
BUSY_TIMEOUT_MS = 30_000
WRITE_ATTEMPTS = 12
VALID_COLUMNS = {
    "treaties": ("in_force", "ended"),
    "memberships": ("valid_from", "valid_to"),
    "obligations": ("valid_from", "valid_to"),
    "suspensions": ("valid_from", "valid_to"),
}
"""The valid-time span of each table: when the fact holds in the world, ``[from, to)``."""

MAX_ID = 2**31 - 1
"""The largest row id (PostgreSQL's INTEGER); a larger one names no row."""

T = TypeVar("T")


def utcnow() -> dt.datetime:
    """Recorded time is kept in UTC, without a zone (portable across backends)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


_WRITES = ("INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER")


def _note_writes(connection, _cursor, statement, _parameters, _context, _executemany) -> None:
    """Mark a connection that changed data, so its transaction bumps the generation."""
    if statement.lstrip()[:6].upper() in _WRITES and "store_generation" not in statement:
        connection.info["casus_wrote"] = True


def _sqlite_connect(dbapi_connection, _record) -> None:
    # The driver's own transaction handling is switched off: casus issues BEGIN
    # itself (below) so that a write can take the lock up front.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")  # durable in WAL mode across process crashes
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    # A write takes SQLite's write lock when it begins (BEGIN IMMEDIATE), waiting
    # up to the busy timeout. A deferred transaction that reads and then writes
    # fails at once with "database is locked" when another writer committed in
    # between, whatever the timeout: that is the error several processes hit.
    write = connection.get_execution_options().get("casus_write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


GENERATION_SQL = f"SELECT value FROM {store_generation.name}"


class _Stale(Exception):
    """The version a write meant to supersede was superseded by another writer first."""


def _retryable(exc: BaseException) -> bool:
    """A failure that running the same transaction again can cure."""
    if isinstance(exc, _Stale):
        return True
    if isinstance(exc, OperationalError):
        message = str(exc.orig).lower()
        if "locked" in message or "busy" in message:
            return True
    if isinstance(exc, DBAPIError):
        state = getattr(exc.orig, "sqlstate", None)
        if state in ("40001", "40P01"):  # PostgreSQL: serialization failure, deadlock
            return True
        # Another writer added the same record (or dataset) at the same moment:
        # the unique index refused ours; the next attempt sees theirs and
        # supersedes or reuses it.
        if isinstance(exc, IntegrityError) and state == "23505":
            diag = getattr(exc.orig, "diag", None)
            constraint = getattr(diag, "constraint_name", None) or ""
            return constraint.endswith("_current") or constraint == "pk_datasets"
    return False


class Store:
    """A knowledge base store: the versioned tables behind one database URL."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- opening -----------------------------------------------------------------

    @classmethod
    def open(cls, url: str | os.PathLike | None = None, *, seed: bool = True) -> Store:
        """Open the store, creating and migrating it if needed.

        A new store is filled with the built-in treaties unless ``seed=False``
        (``casus init --empty``); a store that holds them is brought up to date
        with the package's data on every open, and one started empty stays so.
        A SQLite file whose folder does not exist is an error (a typo in
        ``CASUS_DB`` must not hide a team's data behind a new, empty store);
        only the default location's folder is created.
        """
        explicit = url is not None or bool(os.environ.get("CASUS_DB"))
        url = resolve_url(url)
        if url.startswith("sqlite:///"):
            path = Path(url.removeprefix("sqlite:///"))
            if str(path) not in ("", ":memory:"):
                if explicit and not path.parent.is_dir():
                    raise StoreError(
                        f"CASUS_DB: the folder {path.parent} does not exist (no store created at {path}); "
                        "create the folder first or correct the path"
                    )
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise StoreError(f"cannot create the folder for the store {path}: {exc}") from exc
        try:
            if url.startswith("sqlite"):
                engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
            else:
                engine = create_engine(url, pool_pre_ping=True)
        except (SQLAlchemyError, ImportError, ValueError) as exc:
            hint = " (pip install 'casus-foederis[postgres]')" if "postgres" in url and "psycopg" in str(exc) else ""
            raise InvalidArgumentError(f"CASUS_DB: not a usable database URL {url!r}: {exc}{hint}") from exc
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_connect)
            event.listen(engine, "begin", _sqlite_begin)
        event.listen(engine, "after_cursor_execute", _note_writes)
        store = cls(engine)
        created = store.revision() is None
        store.migrate()
        if (seed and created) or store.has_dataset(BUILTIN_DATASET):
            store.sync_builtin()
        return store

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def _begin(self, *, write: bool) -> Iterator[Connection]:
        with self.engine.connect() as connection:
            if write:
                options: dict[str, Any] = {"casus_write": True}
                if self.dialect != "sqlite":
                    # One snapshot for the whole write: a version another writer
                    # superseded meanwhile fails to update (serialization failure)
                    # and the write runs again on what is stored now, rather than
                    # superseding a version it never read (a lost update).
                    options["isolation_level"] = "REPEATABLE READ"
                connection = connection.execution_options(**options)
            with connection.begin():
                connection.info["casus_wrote"] = False
                yield connection
                if connection.info.pop("casus_wrote", False) and self._counts_generations(connection):
                    connection.execute(store_generation.update().values(value=store_generation.c.value + 1))

    @contextmanager
    def transaction(self, *, write: bool = False) -> Iterator[Connection]:
        """One transaction on a raw connection, for this package's own modules.

        Modules outside ``casus.store`` use the methods below and ``write``.
        """
        try:
            with self._begin(write=write) as connection:
                yield connection
        except SQLAlchemyError as exc:
            raise StoreError(f"the store at {self.engine.url!r} failed: {exc}") from exc

    def _counts_generations(self, connection: Connection) -> bool:
        # False only before the migration that adds the counter; checked until then.
        if not getattr(self, "_generation_table", False):
            self._generation_table = inspect(connection).has_table("store_generation")
        return self._generation_table

    def generation(self) -> int:
        """A counter every write transaction bumps: equal generations, equal contents.

        A server asks this on every request (is its cached knowledge base still
        current?), so it is one plain statement on a pooled driver connection:
        through a SQLAlchemy ``Connection`` and a compiled ``select`` it cost ten
        times as much (~0.3 ms, a third of a cached answer's time under load).
        """
        try:
            connection = self.engine.raw_connection()
        except SQLAlchemyError as exc:
            raise StoreError(f"the store at {self.engine.url!r} failed: {exc}") from exc
        try:
            cursor = connection.cursor()
            try:
                cursor.execute(GENERATION_SQL)
                row = cursor.fetchone()
            finally:
                cursor.close()
        except Exception as exc:  # the driver's own errors (sqlite3, psycopg) are not SQLAlchemy's here
            connection.invalidate(exc)
            raise StoreError(f"the store at {self.engine.url!r} failed: {exc}") from exc
        finally:
            connection.close()  # back to the pool, which ends the read transaction
        return int(row[0] or 0) if row else 0

    def write(self, work: Callable[[Transaction], T], *, attempts: int = WRITE_ATTEMPTS) -> T:
        """Run ``work(tx)`` in one write transaction; all of it is written or none.

        When the database is busy or another writer changed a record ``work``
        supersedes, the transaction is rolled back and ``work`` runs again on
        what is stored now (so ``work`` must decide from what it reads through
        ``tx``, not from values read before). A casus error raised by ``work``
        rolls the transaction back and reaches the caller unchanged.
        """
        delay = 0.01
        for attempt in range(attempts):
            try:
                with self._begin(write=True) as connection:
                    return work(Transaction(self, connection))
            except (SQLAlchemyError, _Stale) as exc:
                if not _retryable(exc):
                    if isinstance(exc, _Stale):  # pragma: no cover - _Stale is always retryable
                        raise
                    raise StoreError(f"the store at {self.engine.url!r} failed: {exc}") from exc
                if attempt == attempts - 1:
                    raise StoreError(
                        f"the store at {self.engine.url!r} stayed busy after {attempts} attempts; try again"
                    ) from exc
                time.sleep(delay * (1 + random.random()))
                delay = min(delay * 2, 1.0)
        raise AssertionError("unreachable")

    # -- schema ------------------------------------------------------------------

    def revision(self) -> str | None:
        with self.transaction() as connection:
            if not inspect(connection).has_table("alembic_version"):
                return None
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()

    @staticmethod
    def _alembic_config():
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        return config

    @classmethod
    def head(cls) -> str:
        """The newest schema revision this casus knows, as Alembic's scripts say."""
        from alembic.script import ScriptDirectory

        return ScriptDirectory.from_config(cls._alembic_config()).get_current_head()

    @classmethod
    def known_revisions(cls) -> list[str]:
        """Every revision this casus can migrate from, oldest first."""
        from alembic.script import ScriptDirectory

        script = ScriptDirectory.from_config(cls._alembic_config())
        return [s.revision for s in reversed(list(script.walk_revisions()))]

    @staticmethod
    def script_head() -> str | None:
        """The newest revision, read from the migration scripts' ``revision =`` lines.

        Every open asks whether the store is behind; importing Alembic and its script
        machinery to answer costs more than the command itself. The scripts form one
        chain, so the head is the revision no other script names as its
        ``down_revision``. A test checks this against Alembic's own answer.
        """
        return _script_head()

    def migrate(self, revision: str = "head") -> None:
        """Bring the schema to ``revision`` (default the newest) with Alembic.

        A store at a revision this casus does not know (made by a newer casus)
        is refused rather than touched. A store already at the head costs one read.
        """
        current = self.revision()
        if revision == "head" and current is not None and current == self.script_head():
            return
        if current is not None and current not in self.known_revisions():
            raise StoreError(
                f"the store at {self.engine.url!r} has schema {current}, newer than this casus knows "
                f"(newest {self.head()}); upgrade casus"
            )
        if revision == "head" and current == self.head():
            return
        from alembic import command

        config = self._alembic_config()
        try:
            with self._begin(write=True) as connection:
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
        except SQLAlchemyError as exc:
            if "already exists" in str(exc):
                # A later migration's table is there although the store records an older
                # revision: a development build wrote it. Alembic would only say which table.
                raise StoreError(
                    f"the store at {self.engine.url!r} has tables its recorded schema {current or 'none'} does "
                    f"not have, so it was written by another build of casus and cannot be migrated: "
                    f"move it aside (or set CASUS_DB to another store) and run 'casus init' "
                    f"({str(exc.orig if hasattr(exc, 'orig') else exc).strip()})"
                ) from exc
            raise StoreError(f"the store at {self.engine.url!r} could not be migrated: {exc}") from exc

    # -- datasets ----------------------------------------------------------------

    def has_dataset(self, dataset_id: str) -> bool:
        with self.transaction() as connection:
            found = connection.execute(select(datasets.c.id).where(datasets.c.id == dataset_id))
            return found.first() is not None

    def datasets(self) -> list[dict[str, Any]]:
        with self.transaction() as connection:
            result = connection.execute(select(datasets).order_by(datasets.c.id))
            return [dict(row._mapping) for row in result]

    # -- the built-in data -------------------------------------------------------

    def sync_builtin(self) -> dict[str, int]:
        """Make the store hold the package's built-in treaties, keeping history.

        Runs on every open but costs one digest when nothing changed. A record the
        files changed is superseded (old version closed, new one added); one the
        files dropped is closed; one a user edited is left as the user made it.
        """
        from casus.treaties.builtin import builtin_files, files_digest

        digest = files_digest(builtin_files())
        with self.transaction() as connection:
            stored = connection.execute(
                select(datasets.c.digest).where(datasets.c.id == BUILTIN_DATASET)
            ).scalar()
        if stored == digest:
            return {"inserted": 0, "superseded": 0, "closed": 0}
        from casus.store import rows as row_builders
        from casus.treaties.loader import builtin_treaties

        records = row_builders.rows_for_treaties(builtin_treaties())
        return self.replace_dataset(
            BUILTIN_DATASET,
            records,
            name="casus built-in treaty set",
            version=f"{__version__}+{digest[:12]}",
            kind="curated",
            citation="Curated by the casus project from the official texts named on each record.",
            url=None,
            digest=digest,
        )

    def replace_dataset(self, dataset_id: str, records: dict[str, list[dict[str, Any]]], **dataset: Any):
        """Make ``dataset_id`` hold exactly ``records`` (per table), keeping history.

        In one transaction: the dataset's row is added or updated with ``dataset``;
        a record that changed is superseded, one that is gone is closed, one that
        another dataset (a user's edit) now owns is left alone. Returns counts.
        """

        def work(tx: Transaction) -> dict[str, int]:
            tx.ensure_dataset(dataset_id, update=True, **dataset)
            return tx.replace_dataset(dataset_id, records)

        return self.write(work)

    # -- editing -----------------------------------------------------------------

    def edit(self, table_name: str, key: str, changes: dict[str, Any], *, editor: str, reason: str) -> int:
        """Change one record: the current version is closed, a new one recorded.

        The new version's source says who edited it, when and why, and points at
        the version it replaced; the old version stays, readable "as known" before.
        Returns the new row's id.
        """
        table, key_column = _table(table_name, VERSIONED, "edit")
        fixed = {"row_id", key_column, "source", "dataset_id", "recorded_from", "recorded_to"}
        unknown = sorted(set(changes) - (set(table.c.keys()) - fixed))
        if unknown:
            raise InvalidArgumentError(f"{table_name}: cannot edit field(s) {', '.join(unknown)}")

        def work(tx: Transaction) -> int:
            old = tx.current(table_name, key)
            if old is None:
                raise InvalidArgumentError(f"{table_name}: no current record {key!r}")
            tx.ensure_dataset(EDITS_DATASET, name="edits by users", version="1", kind="edited")
            values = {k: v for k, v in old.items() if k not in ("row_id", "dataset_id", "recorded_from", "recorded_to")}
            values.update(changes)
            values["source"] = {
                "kind": "edited",
                "by": editor,
                "at": tx.now.isoformat(timespec="seconds") + "Z",
                "reason": reason,
                "replaces": old["row_id"],
                "previous_source": old["source"],
            }
            return tx.put_version(table_name, values, dataset_id=EDITS_DATASET)

        return self.write(work)

    # -- reading -----------------------------------------------------------------

    def versions(
        self, table_name: str, *, known_at: dt.datetime | None = None, valid_on: dt.date | None = None
    ) -> list[dict[str, Any]]:
        """The versions of ``table_name``'s records as known at ``known_at`` (default now).

        With ``valid_on``, only the records valid on that day (a treaty in force,
        a membership or obligation in its span; an open start means "from the
        treaty's entry into force" and is bounded by the treaty's own row).
        """
        table, key_column = _table(table_name, KEYED, "read")
        query = select(table).where(_known(table, known_at))
        if valid_on is not None:
            if table_name not in VALID_COLUMNS:
                raise InvalidArgumentError(f"{table_name} has no valid-time span to read as of a day")
            start, end = (table.c[c] for c in VALID_COLUMNS[table_name])
            opens = start <= valid_on if table_name == "treaties" else or_(start.is_(None), start <= valid_on)
            query = query.where(opens, or_(end.is_(None), end > valid_on))
        with self.transaction() as connection:
            return [dict(row._mapping) for row in connection.execute(query.order_by(table.c[key_column]))]

    def rows(self, known_at: dt.datetime | None = None, valid_on: dt.date | None = None) -> dict[str, list[dict]]:
        """The versions of every knowledge-base record as known at ``known_at`` (default: now)."""
        return {name: self.versions(name, known_at=known_at, valid_on=valid_on) for name in VERSIONED}

    def current(self, table_name: str, key: str) -> dict[str, Any] | None:
        """The current version of one record, or None."""
        with self.transaction() as connection:
            return Transaction(self, connection).current(table_name, key)

    def history(self, table_name: str, key: str) -> list[dict[str, Any]]:
        """Every recorded version of one record, oldest first."""
        table, key_column = _table(table_name, KEYED, "read")
        with self.transaction() as connection:
            result = connection.execute(
                select(table).where(table.c[key_column] == key).order_by(table.c.recorded_from, table.c.row_id)
            )
            return [dict(row._mapping) for row in result]

    def origins(self, table_name: str) -> dict[str, str]:
        """Each record's dataset of origin: the dataset of its first recorded version."""
        table, key_column = _table(table_name, KEYED, "read")
        query = select(table.c[key_column], table.c.dataset_id).order_by(
            table.c.recorded_from.desc(), table.c.row_id.desc()
        )
        with self.transaction() as connection:
            return {key: dataset for key, dataset in connection.execute(query)}

    def knowledge_base(self, known_at: dt.datetime | None = None, registry=None):
        """The knowledge base as known at ``known_at``, ready for queries."""
        from casus.kb import KnowledgeBase

        # An imported dataset speaks only to the end of its coverage; the base needs to know where that is.
        coverage = {d["id"]: d["coverage_to"] for d in self.datasets() if d.get("kind") == "imported"}
        return KnowledgeBase.from_rows(self.rows(known_at), registry=registry, coverage=coverage)

    # -- proposals ---------------------------------------------------------------

    def readings(self) -> list[dict[str, Any]]:
        """Every article a batch has read, in the order they were recorded."""
        with self.transaction() as connection:
            rows = connection.execute(select(readings).order_by(readings.c.recorded_at, readings.c.content_hash))
            return [dict(row._mapping) for row in rows]

    def reading_times(self, hashes: Iterable[str]) -> dict[str, dt.datetime]:
        with self.transaction() as connection:
            return Transaction(self, connection).reading_times(hashes)

    def proposals(self, status: str | None = None, *, article: str | None = None) -> list[dict[str, Any]]:
        """Proposals (all, or with ``status``; of one article), oldest first."""
        query = select(proposals).order_by(proposals.c.id)
        if status is not None:
            query = query.where(proposals.c.status == status)
        if article is not None:
            query = query.where(proposals.c.article == article)
        with self.transaction() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]

    def proposal(self, proposal_id: int) -> dict[str, Any] | None:
        with self.transaction() as connection:
            return Transaction(self, connection).proposal(proposal_id)


class Transaction:
    """What a write (``Store.write``) can do, inside its one transaction."""

    def __init__(self, store: Store, connection: Connection) -> None:
        self.store, self.connection = store, connection
        self.now = utcnow()

    def current(self, table_name: str, key: str) -> dict[str, Any] | None:
        table, key_column = _table(table_name, KEYED, "read")
        row = self.connection.execute(
            select(table).where(table.c[key_column] == key, table.c.recorded_to.is_(None))
        ).first()
        return dict(row._mapping) if row is not None else None

    def _close(self, table_name: str, row_id: int) -> None:
        table, _ = KEYED[table_name]
        closed = self.connection.execute(
            table.update().where(table.c.row_id == row_id, table.c.recorded_to.is_(None)).values(recorded_to=self.now)
        )
        if closed.rowcount != 1:
            raise _Stale(f"{table_name} row {row_id} was superseded by another writer")

    def put_version(self, table_name: str, record: dict[str, Any], *, dataset_id: str) -> int:
        """Record ``record`` as the current version of its key; returns the new row's id.

        The version it replaces (if any) is closed now and kept. ``record``
        carries every column but the row id, the dataset and recorded time.
        """
        table, key_column = _table(table_name, KEYED, "write")
        old = self.current(table_name, record[key_column])
        if old is not None:
            self._close(table_name, old["row_id"])
        result = self.connection.execute(
            table.insert().values(**record, dataset_id=dataset_id, recorded_from=self.now, recorded_to=None)
        )
        return result.inserted_primary_key[0]

    def close(self, table_name: str, key: str) -> bool:
        """End the current version of one record in recorded time (nothing is erased)."""
        old = self.current(table_name, key)
        if old is None:
            return False
        self._close(table_name, old["row_id"])
        return True

    def ensure_dataset(self, dataset_id: str, *, update: bool = False, **values: Any) -> None:
        """Add the dataset row ``dataset_id`` if missing; with ``update``, refresh its values."""
        existing = self.connection.execute(select(datasets.c.id).where(datasets.c.id == dataset_id)).first()
        if existing is None:
            self.connection.execute(datasets.insert().values(id=dataset_id, loaded_at=self.now, **values))
        elif update and values:
            self.connection.execute(
                datasets.update().where(datasets.c.id == dataset_id).values(loaded_at=self.now, **values)
            )

    def replace_dataset(self, dataset_id: str, records: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
        counts = {"inserted": 0, "superseded": 0, "closed": 0}
        unknown = sorted(set(records) - set(KEYED))
        if unknown:
            raise InvalidArgumentError(f"no table {unknown[0]!r} in the store")
        for name, (table, key_column) in KEYED.items():
            current = {
                row._mapping[key_column]: row._mapping
                for row in self.connection.execute(select(table).where(table.c.recorded_to.is_(None)))
            }
            wanted = {record[key_column]: record for record in records.get(name, [])}
            for key, record in wanted.items():
                old = current.get(key)
                if old is not None and old["dataset_id"] != dataset_id:
                    continue  # a user's edit or another source owns this record now
                if old is not None and _same(old, record):
                    continue
                if old is not None:
                    self._close(name, old["row_id"])
                    counts["superseded"] += 1
                else:
                    counts["inserted"] += 1
                self.connection.execute(
                    table.insert().values(**record, dataset_id=dataset_id, recorded_from=self.now, recorded_to=None)
                )
            for key, old in current.items():
                if key not in wanted and old["dataset_id"] == dataset_id:
                    self._close(name, old["row_id"])
                    counts["closed"] += 1
        return counts

    # -- readings (batches of articles) --------------------------------------------

    def reading_times(self, hashes: Iterable[str]) -> dict[str, dt.datetime]:
        """When a batch recorded each of these content hashes it has read (absent: never read)."""
        wanted = list(hashes)
        known: dict[str, dt.datetime] = {}
        for start in range(0, len(wanted), 500):  # bound the IN list on every backend
            query = select(readings.c.content_hash, readings.c.recorded_at).where(
                readings.c.content_hash.in_(wanted[start:start + 500]))
            known.update((digest, at) for digest, at in self.connection.execute(query))
        return known

    def forget_reading(self, content_hash: str) -> int:
        """Drop a reading to record it anew (a batch run without resume); returns the proposals it had filed."""
        filed = self.connection.execute(
            select(readings.c.proposals).where(readings.c.content_hash == content_hash)
        ).scalar()
        self.connection.execute(readings.delete().where(readings.c.content_hash == content_hash))
        return filed or 0

    def add_reading(self, values: dict[str, Any]) -> None:
        self.connection.execute(readings.insert().values(recorded_at=self.now, **values))

    # -- proposals ---------------------------------------------------------------

    def proposal(self, proposal_id: int) -> dict[str, Any] | None:
        if not 0 < proposal_id <= MAX_ID:
            return None  # no such row, and no integer the database would refuse as out of range
        row = self.connection.execute(select(proposals).where(proposals.c.id == proposal_id)).first()
        return dict(row._mapping) if row is not None else None

    def proposal_facts(self, article: str) -> set[str]:
        """Every fact the proposals of one article cover, whatever their status."""
        covered: set[str] = set()
        for (payload,) in self.connection.execute(select(proposals.c.payload).where(proposals.c.article == article)):
            covered.update(payload.get("facts", []))
        return covered

    def add_proposal(self, values: dict[str, Any]) -> dict[str, Any]:
        new_id = self.connection.execute(proposals.insert().values(**values)).inserted_primary_key[0]
        return self.proposal(new_id)

    def decide_proposal(self, proposal_id: int, status: str, *, by: str, reason: str | None = None) -> None:
        """Mark an open proposal accepted or rejected; a decided one is a conflict.

        The status changes only where it is still ``open``, in the database's own
        check: of two writers deciding one proposal at once, exactly one wins and
        the other gets ``ProposalDecidedError`` (its whole transaction rolled back).
        """
        if not 0 < proposal_id <= MAX_ID:
            from casus.errors import UnknownProposalError

            raise UnknownProposalError(proposal_id)
        changed = self.connection.execute(
            proposals.update()
            .where(proposals.c.id == proposal_id, proposals.c.status == "open")
            .values(status=status, decided_at=self.now, decided_by=by, reason=reason)
        )
        if changed.rowcount != 1:
            row = self.proposal(proposal_id)
            if row is None:
                from casus.errors import UnknownProposalError

                raise UnknownProposalError(proposal_id)
            stamp = row["decided_at"].isoformat(timespec="seconds") + "Z" if row["decided_at"] else None
            verb = "accept" if status == "accepted" else "reject"
            raise ProposalDecidedError(
                f"proposal {proposal_id} is already {row['status']} (by {row['decided_by']} at {stamp}); "
                f"only an open proposal can be {verb}ed", record=str(proposal_id)
            )


_REVISION_LINE = re.compile(r"^(down_revision|revision)\s*=\s*['\"]?([^'\"\s]+)['\"]?", re.MULTILINE)


@functools.cache
def _script_head() -> str | None:
    revisions, parents = set(), set()
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = dict(match.groups() for match in _REVISION_LINE.finditer(script.read_text(encoding="utf-8")))
        if "revision" in found:
            revisions.add(found["revision"])
            parents.add(found.get("down_revision"))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None  # several heads: let Alembic decide


def _table(table_name: str, tables: dict, verb: str):
    if table_name not in tables:
        raise InvalidArgumentError(f"cannot {verb} {table_name!r}; one of: {', '.join(tables)}")
    return tables[table_name]


def _known(table, known_at: dt.datetime | None):
    if known_at is None:
        return table.c.recorded_to.is_(None)
    return and_(table.c.recorded_from <= known_at, or_(table.c.recorded_to.is_(None), table.c.recorded_to > known_at))


def _same(old, record: dict[str, Any]) -> bool:
    return all(old[column] == value for column, value in record.items())


def open_store(url: str | os.PathLike | None = None, *, seed: bool = True) -> Store:
    return Store.open(url, seed=seed)


def load_records(store: Store, dataset_id: str, records: dict[str, list[dict[str, Any]]], **dataset: Any):
    """Replace one dataset's records in the store (used by importers), keeping history."""
    return store.replace_dataset(dataset_id, records, **dataset)


__all__ = ["Store", "Transaction", "open_store", "resolve_url", "default_path", "load_records", "utcnow"]
