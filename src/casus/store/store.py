"""Open, migrate, fill and version the knowledge base store.

SQLite by default (one file in the user's data directory, WAL journal), any
SQLAlchemy URL otherwise (PostgreSQL for a team). ``CASUS_DB`` names the store:
a path or a database URL.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, event, inspect, select, text
from sqlalchemy.exc import SQLAlchemyError

from casus import __version__
from casus.errors import InvalidArgumentError, StoreError
from casus.store import rows as row_builders
from casus.store.tables import VERSIONED, datasets, store_generation

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
HEAD_REVISION = "0004"
BUILTIN_DATASET = "builtin"
EDITS_DATASET = "edits"


def default_path() -> Path:
    return platformdirs.user_data_path("casus", appauthor=False) / "casus.sqlite"


def resolve_url(value: str | os.PathLike | None = None) -> str:
    """The database URL for ``value``, else ``CASUS_DB``, else the default file."""
    value = value if value is not None else os.environ.get("CASUS_DB") or None
    if value is None:
        path = default_path()
    elif "://" in str(value):
        return str(value)
    else:
        path = Path(value).expanduser()
    return f"sqlite:///{path}"


def utcnow() -> dt.datetime:
    """Recorded time is kept in UTC, without a zone (portable across backends)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


_WRITES = ("INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER")


def _note_writes(connection, _cursor, statement, _parameters, _context, _executemany) -> None:
    """Mark a connection that changed data, so its transaction bumps the generation."""
    if statement.lstrip()[:6].upper() in _WRITES and "store_generation" not in statement:
        connection.info["casus_wrote"] = True


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


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
        """
        url = resolve_url(url)
        if url.startswith("sqlite:///"):
            path = Path(url.removeprefix("sqlite:///"))
            if str(path) not in ("", ":memory:"):
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise StoreError(f"cannot create the folder for the store {path}: {exc}") from exc
        try:
            engine = create_engine(url)
        except (SQLAlchemyError, ImportError, ValueError) as exc:
            raise InvalidArgumentError(f"CASUS_DB: not a usable database URL {url!r}: {exc}") from exc
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
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

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One transaction; one that wrote anything also bumps the store's generation."""
        try:
            with self.engine.begin() as connection:
                connection.info["casus_wrote"] = False
                yield connection
                if connection.info.pop("casus_wrote", False) and self._counts_generations(connection):
                    connection.execute(store_generation.update().values(value=store_generation.c.value + 1))
        except SQLAlchemyError as exc:
            raise StoreError(f"the store at {self.engine.url!r} failed: {exc}") from exc

    def _counts_generations(self, connection: Connection) -> bool:
        # False only before the migration that adds the counter; checked until then.
        if not getattr(self, "_generation_table", False):
            self._generation_table = inspect(connection).has_table("store_generation")
        return self._generation_table

    def generation(self) -> int:
        """A counter every write transaction bumps: equal generations, equal contents."""
        with self.engine.connect() as connection:
            try:
                return int(connection.execute(select(store_generation.c.value)).scalar() or 0)
            except SQLAlchemyError as exc:
                raise StoreError(f"the store at {self.engine.url!r} failed: {exc}") from exc

    # -- schema ------------------------------------------------------------------

    def revision(self) -> str | None:
        with self.transaction() as connection:
            if not inspect(connection).has_table("alembic_version"):
                return None
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def migrate(self) -> None:
        """Bring the schema to the newest revision with Alembic (skipped when current)."""
        if self.revision() == HEAD_REVISION:
            return
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        with self.transaction() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    # -- datasets ----------------------------------------------------------------

    def has_dataset(self, dataset_id: str) -> bool:
        with self.transaction() as connection:
            found = connection.execute(select(datasets.c.id).where(datasets.c.id == dataset_id))
            return found.first() is not None

    def datasets(self) -> list[dict[str, Any]]:
        with self.transaction() as connection:
            result = connection.execute(select(datasets).order_by(datasets.c.id))
            return [dict(row._mapping) for row in result]

    def _ensure_dataset(self, connection: Connection, dataset_id: str, **values: Any) -> None:
        existing = connection.execute(select(datasets).where(datasets.c.id == dataset_id)).first()
        if existing is None:
            connection.execute(datasets.insert().values(id=dataset_id, loaded_at=utcnow(), **values))
        elif values:
            connection.execute(
                datasets.update().where(datasets.c.id == dataset_id).values(loaded_at=utcnow(), **values)
            )

    # -- the built-in data -------------------------------------------------------

    def sync_builtin(self) -> dict[str, int]:
        """Make the store hold the package's built-in treaties, keeping history.

        Runs on every open but costs one digest when nothing changed. A record the
        files changed is superseded (old version closed, new one added); one the
        files dropped is closed; one a user edited is left as the user made it.
        """
        from casus.treaties.loader import builtin_files, builtin_treaties, files_digest

        digest = files_digest(builtin_files())
        with self.transaction() as connection:
            stored = connection.execute(
                select(datasets.c.digest).where(datasets.c.id == BUILTIN_DATASET)
            ).scalar()
        if stored == digest:
            return {"inserted": 0, "superseded": 0, "closed": 0}
        records = row_builders.rows_for_treaties(builtin_treaties())
        with self.transaction() as connection:
            self._ensure_dataset(
                connection,
                BUILTIN_DATASET,
                name="casus built-in treaty set",
                version=f"{__version__}+{digest[:12]}",
                kind="curated",
                citation="Curated by the casus project from the official texts named on each record.",
                url=None,
                digest=digest,
            )
            return self._replace_dataset(connection, BUILTIN_DATASET, records)

    def _replace_dataset(
        self, connection: Connection, dataset_id: str, records: dict[str, list[dict[str, Any]]]
    ) -> dict[str, int]:
        counts = {"inserted": 0, "superseded": 0, "closed": 0}
        now = utcnow()
        for name, (table, key_column) in VERSIONED.items():
            current = {
                row._mapping[key_column]: row._mapping
                for row in connection.execute(select(table).where(table.c.recorded_to.is_(None)))
            }
            wanted = {record[key_column]: record for record in records.get(name, [])}
            for key, record in wanted.items():
                old = current.get(key)
                if old is not None and old["dataset_id"] != dataset_id:
                    continue  # a user's edit or another source owns this record now
                if old is not None and _same(old, record):
                    continue
                if old is not None:
                    self._close(connection, table, old["row_id"], now)
                    counts["superseded"] += 1
                else:
                    counts["inserted"] += 1
                connection.execute(
                    table.insert().values(**record, dataset_id=dataset_id, recorded_from=now, recorded_to=None)
                )
            for key, old in current.items():
                if key not in wanted and old["dataset_id"] == dataset_id:
                    self._close(connection, table, old["row_id"], now)
                    counts["closed"] += 1
        return counts

    @staticmethod
    def _close(connection: Connection, table, row_id: int, when: dt.datetime) -> None:
        connection.execute(table.update().where(table.c.row_id == row_id).values(recorded_to=when))

    # -- editing -----------------------------------------------------------------

    def edit(self, table_name: str, key: str, changes: dict[str, Any], *, editor: str, reason: str) -> int:
        """Change one record: the current version is closed, a new one recorded.

        The new version's source says who edited it, when and why, and points at
        the version it replaced; the old version stays, readable "as known" before.
        Returns the new row's id.
        """
        if table_name not in VERSIONED:
            raise InvalidArgumentError(f"cannot edit {table_name!r}; one of: {', '.join(VERSIONED)}")
        table, key_column = VERSIONED[table_name]
        fixed = {"row_id", key_column, "source", "dataset_id", "recorded_from", "recorded_to"}
        unknown = sorted(set(changes) - (set(table.c.keys()) - fixed))
        if unknown:
            raise InvalidArgumentError(f"{table_name}: cannot edit field(s) {', '.join(unknown)}")
        now = utcnow()
        with self.transaction() as connection:
            old = connection.execute(
                select(table).where(table.c[key_column] == key, table.c.recorded_to.is_(None))
            ).first()
            if old is None:
                raise InvalidArgumentError(f"{table_name}: no current record {key!r}")
            self._ensure_dataset(connection, EDITS_DATASET, name="edits by users", version="1", kind="edited")
            values = {k: v for k, v in old._mapping.items() if k not in ("row_id", "recorded_from", "recorded_to")}
            values.update(changes)
            values["source"] = {
                "kind": "edited",
                "by": editor,
                "at": now.isoformat(timespec="seconds") + "Z",
                "reason": reason,
                "replaces": old.row_id,
                "previous_source": old._mapping["source"],
            }
            values["dataset_id"] = EDITS_DATASET
            self._close(connection, table, old.row_id, now)
            result = connection.execute(table.insert().values(**values, recorded_from=now, recorded_to=None))
            return result.inserted_primary_key[0]

    def put_version(
        self, connection: Connection, table_name: str, record: dict[str, Any], *, dataset_id: str, now: dt.datetime
    ) -> int:
        """Record ``record`` as the current version of its key, in ``connection``'s transaction.

        The version it replaces (if any) is closed at ``now`` and kept; ``record``
        carries every column but the row id, the dataset and recorded time. Used
        by ``casus.review`` to write accepted proposals. Returns the new row's id.
        """
        table, key_column = VERSIONED[table_name]
        old = connection.execute(
            select(table.c.row_id).where(table.c[key_column] == record[key_column], table.c.recorded_to.is_(None))
        ).first()
        if old is not None:
            self._close(connection, table, old.row_id, now)
        result = connection.execute(
            table.insert().values(**record, dataset_id=dataset_id, recorded_from=now, recorded_to=None)
        )
        return result.inserted_primary_key[0]

    def ensure_dataset(self, connection: Connection, dataset_id: str, **values: Any) -> None:
        """Add the dataset row ``dataset_id`` if missing (within ``connection``'s transaction)."""
        existing = connection.execute(select(datasets.c.id).where(datasets.c.id == dataset_id)).first()
        if existing is None:
            self._ensure_dataset(connection, dataset_id, **values)

    def history(self, table_name: str, key: str) -> list[dict[str, Any]]:
        """Every recorded version of one record, oldest first."""
        table, key_column = VERSIONED[table_name]
        with self.transaction() as connection:
            result = connection.execute(
                select(table).where(table.c[key_column] == key).order_by(table.c.recorded_from, table.c.row_id)
            )
            return [dict(row._mapping) for row in result]

    # -- reading -----------------------------------------------------------------

    def rows(self, known_at: dt.datetime | None = None) -> dict[str, list[dict[str, Any]]]:
        """The versions of every record as known at ``known_at`` (default: now)."""
        out: dict[str, list[dict[str, Any]]] = {}
        with self.transaction() as connection:
            for name, (table, key_column) in VERSIONED.items():
                query = select(table)
                if known_at is None:
                    query = query.where(table.c.recorded_to.is_(None))
                else:
                    query = query.where(
                        table.c.recorded_from <= known_at,
                        (table.c.recorded_to.is_(None)) | (table.c.recorded_to > known_at),
                    )
                result = connection.execute(query.order_by(table.c[key_column]))
                out[name] = [dict(row._mapping) for row in result]
        return out

    def knowledge_base(self, known_at: dt.datetime | None = None, registry=None):
        """The knowledge base as known at ``known_at``, ready for queries."""
        from casus.kb import KnowledgeBase

        return KnowledgeBase.from_rows(self.rows(known_at), registry=registry)


def _same(old, record: dict[str, Any]) -> bool:
    return all(old[column] == value for column, value in record.items())


def open_store(url: str | os.PathLike | None = None, *, seed: bool = True) -> Store:
    return Store.open(url, seed=seed)


def load_records(store: Store, dataset_id: str, records: dict[str, list[dict[str, Any]]], **dataset: Any):
    """Replace one dataset's records in the store (used by importers), keeping history."""
    with store.transaction() as connection:
        store._ensure_dataset(connection, dataset_id, **dataset)
        return store._replace_dataset(connection, dataset_id, records)


__all__: Iterable[str] = ["Store", "open_store", "resolve_url", "default_path", "load_records"]
