"""A knowledge base saved beside a SQLite store, read back while the store is unchanged.

A command that only reads (``casus state PRK``) would otherwise import SQLAlchemy,
open and check the store, read every current row and index them again: most of
its time. The snapshot is a pickle of the ``KnowledgeBase`` (and its state
registry) in ``<store>-kb.pickle``, stamped with what it was built from:

- the store's *mark*: its schema revision, its generation (every write
  transaction bumps it, whichever process writes) and, per table, the row count,
  the largest row id and the latest recorded time (so that a store deleted and
  made again, whose generation may come back to the same number, is not taken
  for the old one);
- the package's *fingerprint*: the size and modification time of every file the
  base is made from (the knowledge-base, state, treaty and store code and data), so that a new or edited
  casus never reads a base an older one built (nor skips the built-in data sync
  a changed treaty file calls for).

The mark is read with the standard library's ``sqlite3``, read-only, in one
transaction; any doubt (another backend, a missing table, an unreadable or
foreign file) means no snapshot, and the caller reads the store as before. The
pickle is only ever read from the store's own folder, which casus writes; a
snapshot is written atomically (a temporary file renamed into place).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

FORMAT = 2
"""Bumped when the snapshot's layout changes."""

_TABLES = ("treaties", "memberships", "obligations", "suspensions")
_fingerprint: tuple | None = None


def sqlite_path(url: str) -> Path | None:
    """The file of a ``sqlite:///`` URL, or None (another backend, or an in-memory store)."""
    if not url.startswith("sqlite:///"):
        return None
    path = url.removeprefix("sqlite:///")
    if path in ("", ":memory:") or "?" in path:
        return None
    return Path(path)


def snapshot_path(database: Path) -> Path:
    return database.with_name(database.name + "-kb.pickle")


_MADE_FROM = ("__init__.py", "pickling.py", "kb", "states", "treaties", "store")
"""What a saved base is made of: the package version, how its records pickle, the record and
registry classes, the built-in treaty and state data, and the store's reading of its rows."""


def package_fingerprint() -> tuple:
    """(path, size, mtime) of every file the base is made from (``_MADE_FROM``), computed once per process."""
    global _fingerprint
    if _fingerprint is None:
        root = Path(__file__).resolve().parent.parent
        entries = [(name, (root / name).stat().st_size, (root / name).stat().st_mtime_ns)
                   for name in _MADE_FROM if name.endswith(".py")]
        folders = [part for part in _MADE_FROM if not part.endswith(".py")]
        for folder, dirs, files in (step for part in folders for step in os.walk(root / part)):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith((".pyc", ".pyo")):
                    continue
                stat = os.stat(os.path.join(folder, name))
                entries.append((os.path.relpath(os.path.join(folder, name), root), stat.st_size, stat.st_mtime_ns))
        _fingerprint = tuple(entries)
    return _fingerprint


def mark(database: Path) -> tuple | None:
    """What the store at ``database`` holds, in a few numbers; None when it cannot be read so."""
    if not database.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return None
    try:
        connection.execute("BEGIN")  # one read transaction: every number from one state of the store
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        generation = connection.execute("SELECT value FROM store_generation").fetchone()
        tables = tuple(
            connection.execute(
                f"SELECT count(*), max(row_id), max(recorded_from), max(recorded_to) FROM {table}"  # noqa: S608
            ).fetchone()
            for table in _TABLES
        )
        datasets = connection.execute("SELECT count(*), max(loaded_at) FROM datasets").fetchone()
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    if revision is None or generation is None:
        return None
    return (revision[0], generation[0], tables, datasets)


def load(database: Path, current: tuple) -> Any | None:
    """The knowledge base saved for the store at ``database`` if it was built from ``current`` (its mark)
    by this very casus; else None."""
    try:
        with open(snapshot_path(database), "rb") as handle:
            header = pickle.load(handle)
            if header != (FORMAT, str(database.resolve()), current, package_fingerprint()):
                return None
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None


def save(database: Path, current: tuple, kb: Any) -> None:
    """Save ``kb``, built from the store at ``database`` when its mark was ``current``. Best effort:
    a store in a folder casus cannot write to just goes without."""
    target = snapshot_path(database)
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            pickle.dump((FORMAT, str(database.resolve()), current, package_fingerprint()), out, protocol=5)
            pickle.dump(kb, out, protocol=5)
        os.replace(temporary, target)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        with contextlib.suppress(OSError):
            os.unlink(temporary)
