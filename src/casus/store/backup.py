"""Back a store up and restore it, consistently, while others keep using it.

SQLite: ``VACUUM INTO`` writes a compact copy from one read snapshot, so
writers that commit meanwhile are either wholly in the copy or not at all
(it needs no lock that would stop them). PostgreSQL: a portable dump, every
table read in one REPEATABLE READ transaction, as JSON; no ``pg_dump`` needed
and it restores into SQLite as well (and a SQLite backup into PostgreSQL).

A restore replaces every table in one write transaction, so readers see the
old store or the restored one, never a mix. A backup made by a newer casus
(a schema revision this one does not know) is refused; an older one is
migrated first, in a scratch SQLite file, never in the live store.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime, Integer, create_engine, select, text

from casus.errors import InvalidArgumentError, StoreError
from casus.store.tables import metadata, store_generation

SQLITE_MAGIC = b"SQLite format 3\x00"
DUMP_FORMAT = "casus-store-dump"
DUMP_VERSION = 1


def _tables():
    return list(metadata.sorted_tables)  # parents (datasets) before the rows that name them


def backup(store, path: str | os.PathLike) -> dict[str, Any]:
    """Write a consistent copy of ``store`` to ``path`` (which must not exist yet)."""
    path = Path(path)
    if path.exists():
        raise InvalidArgumentError(f"{path}: already exists; a backup never overwrites a file")
    if not path.parent.is_dir():
        raise InvalidArgumentError(f"{path}: the folder {path.parent} does not exist")
    partial = path.with_name(f".{path.name}.partial-{os.getpid()}")
    try:
        if store.dialect == "sqlite":
            raw = store.engine.raw_connection()
            try:
                # Outside any transaction (VACUUM refuses to run inside one); the
                # file name is a bound parameter.
                raw.driver_connection.execute("VACUUM INTO ?", (str(partial),))
            finally:
                raw.close()
            form = "sqlite"
            counts = _counts(_read_sqlite(partial)[1])
        else:
            revision, tables = _read_live(store)
            _write_dump(partial, revision, tables)
            form, counts = "json", _counts(tables)
        with open(partial, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, path)
    except Exception as exc:
        partial.unlink(missing_ok=True)
        if isinstance(exc, (InvalidArgumentError, StoreError)):
            raise
        raise StoreError(f"backup to {path} failed: {exc}") from exc
    return {"file": str(path), "format": form, "revision": store.revision(), "rows": counts}


def restore(store, path: str | os.PathLike) -> dict[str, Any]:
    """Replace everything ``store`` holds with the backup at ``path``, in one transaction."""
    from casus.store.checks import check_store

    path = Path(path)
    revision, tables = read_backup(path)
    known = store.known_revisions()
    if revision not in known:
        raise StoreError(
            f"{path}: the backup has schema {revision}, newer than this casus knows (newest {store.head()}); "
            "restore it with a newer casus"
        )
    if revision != store.head():
        tables = _upgraded(revision, tables)

    def work(tx) -> None:
        connection = tx.connection
        # The generation only ever grows (caches trust it): the restored store's
        # is past the live one's, whatever the backup held.
        live = connection.execute(select(store_generation.c.value)).scalar() or 0
        for table in reversed(_tables()):
            connection.execute(table.delete())
        for table in _tables():
            rows = tables.get(table.name, [])
            if rows:
                connection.execute(table.insert(), [_typed_row(table, row) for row in rows])
        connection.execute(store_generation.delete())
        connection.execute(store_generation.insert().values(id=1, value=live + 1))
        if store.dialect == "postgresql":
            for table in _tables():
                serial = [c.name for c in table.primary_key.columns if isinstance(c.type, Integer)]
                for column in serial:
                    # Names come from the schema, not from the backup.
                    connection.execute(text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column}'), "
                        f"COALESCE(MAX({column}), 1), MAX({column}) IS NOT NULL) FROM {table.name}"
                    ))

    store.write(work, attempts=3)
    violations = check_store(store)
    return {"file": str(path), "revision": revision, "rows": _counts(tables),
            "violations": [v.to_json() for v in violations]}


def read_backup(path: Path) -> tuple[str, dict[str, list[dict[str, Any]]]]:
    """The schema revision and the rows of a backup file (SQLite copy or JSON dump)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise InvalidArgumentError(f"{path}: cannot read the backup ({exc.strerror})") from None
    if head == SQLITE_MAGIC:
        return _read_sqlite(path)
    try:
        dump = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidArgumentError(f"{path}: neither a SQLite backup nor a casus dump ({exc})") from None
    if not isinstance(dump, dict) or dump.get("format") != DUMP_FORMAT or not isinstance(dump.get("tables"), dict):
        raise InvalidArgumentError(f"{path}: not a casus store dump (no {DUMP_FORMAT!r} header)")
    if dump.get("version") != DUMP_VERSION or not isinstance(dump.get("revision"), str):
        raise StoreError(f"{path}: dump format {dump.get('version')!r} is not one this casus reads")
    names = {table.name for table in _tables()}
    for name, rows in dump["tables"].items():
        if name not in names or not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise InvalidArgumentError(f"{path}: table {name!r} is not one of the store's, or not a list of rows")
    return dump["revision"], dump["tables"]


def _read_sqlite(path: Path) -> tuple[str, dict[str, list[dict[str, Any]]]]:
    engine = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    try:
        with engine.connect() as connection:
            revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
            tables = {}
            present = set(engine.dialect.get_table_names(connection))
            for table in _tables():
                if table.name in present:
                    columns = {c["name"] for c in engine.dialect.get_columns(connection, table.name)}
                    chosen = [c for c in table.c if c.name in columns]
                    tables[table.name] = [dict(r._mapping) for r in connection.execute(select(*chosen))]
    except Exception as exc:
        raise InvalidArgumentError(f"{path}: not a readable casus store ({exc})") from None
    finally:
        engine.dispose()
    if not isinstance(revision, str):
        raise InvalidArgumentError(f"{path}: not a casus store (no schema revision)")
    return revision, tables


def _read_live(store) -> tuple[str, dict[str, list[dict[str, Any]]]]:
    with store.engine.connect() as connection:
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
            tables = {t.name: [dict(r._mapping) for r in connection.execute(select(t))] for t in _tables()}
    return revision, tables


def _write_dump(path: Path, revision: str, tables) -> None:
    def default(value):
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()
        raise TypeError(f"cannot write {type(value).__name__}")

    payload = {"format": DUMP_FORMAT, "version": DUMP_VERSION, "revision": revision,
               "written_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "tables": tables}
    path.write_text(json.dumps(payload, default=default, ensure_ascii=False), encoding="utf-8")


def _typed_row(table, row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for column in table.c:
        if column.name not in row:
            continue
        value = row[column.name]
        if isinstance(value, str) and isinstance(column.type, DateTime):
            value = dt.datetime.fromisoformat(value)
        elif isinstance(value, str) and isinstance(column.type, Date):
            value = dt.date.fromisoformat(value)
        out[column.name] = value
    return out


def _counts(tables) -> dict[str, int]:
    return {name: len(rows) for name, rows in tables.items()}


def _upgraded(revision: str, tables):
    """Rows of an older schema, migrated to this casus's schema in a scratch SQLite file."""
    from alembic import command
    from sqlalchemy.schema import MetaData

    from casus.store.store import Store

    with tempfile.TemporaryDirectory() as folder:
        scratch = Store(create_engine(f"sqlite:///{Path(folder) / 'old.sqlite'}"))
        scratch.migrate(revision)
        old = MetaData()
        old.reflect(scratch.engine)
        with scratch.engine.begin() as connection:
            for table in old.sorted_tables:
                rows = tables.get(table.name, [])
                if rows and table.name != "alembic_version":
                    connection.execute(table.insert(), [_typed_row(table, r) for r in rows])
        config = scratch._alembic_config()
        with scratch.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
        with scratch.engine.connect() as connection:
            out = {t.name: [dict(r._mapping) for r in connection.execute(select(t))] for t in _tables()}
        scratch.close()
    return out
