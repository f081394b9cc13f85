"""All SQL is behind the store; record keys do not depend on file order."""

from __future__ import annotations

import ast
from pathlib import Path

import casus
from casus.store.rows import rows_for_treaty
from casus.treaties.loader import builtin_treaties

PACKAGE = Path(casus.__file__).parent


def test_no_module_outside_the_store_imports_sqlalchemy_or_the_tables():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "store":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if name.split(".")[0] in ("sqlalchemy", "alembic", "psycopg", "sqlite3") or name.startswith(
                    "casus.store.tables"
                ) and relative.parts[0] != "store":
                    offenders.append(f"{relative}: {name}")
    # Reading the tables' column types (casus.store.tables.typed) is the store's job too.
    assert offenders == []


def _keys(treaty):
    from casus.store import key_column

    return {table: sorted(row[key_column(table)] for row in rows) for table, rows in rows_for_treaty(treaty).items()}


def test_reordering_the_lists_of_a_treaty_file_keeps_every_record_key():
    by_id = {t.id: t for t in builtin_treaties()}
    for treaty_id in ("anzus", "csto", "nato", "warsaw-pact"):
        treaty = by_id[treaty_id]
        shuffled = treaty.model_copy(update={
            "members": list(reversed(treaty.members)),
            "obligations": list(reversed(treaty.obligations)),
            "suspensions": list(reversed(treaty.suspensions)),
        })
        assert _keys(shuffled) == _keys(treaty), treaty_id


def test_a_suspension_is_keyed_by_who_stops_owing_whom_from_when():
    anzus = next(t for t in builtin_treaties() if t.id == "anzus")
    keys = [row["suspension_key"] for row in rows_for_treaty(anzus)["suspensions"]]
    assert "anzus/suspension/USA>NZL/1986-08-11" in keys


def test_a_state_that_left_and_came_back_has_its_spans_numbered_by_date():
    for treaty in builtin_treaties():
        rows = rows_for_treaty(treaty)["memberships"]
        for row in rows:
            same = sorted((r for r in rows if r["state_id"] == row["state_id"]),
                          key=lambda r: r["valid_from"] or __import__("datetime").date.min)
            assert [r["membership_key"] for r in same] == [
                f"{treaty.id}/{row['state_id']}/{n}" for n in range(1, len(same) + 1)
            ]
