"""Backups are consistent and restorable; `casus check` names every broken invariant."""

from __future__ import annotations

import datetime as dt
import json
import threading

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from casus.cli.main import app
from casus.errors import InvalidArgumentError, StoreError
from casus.store import Store
from casus.store.backup import backup, restore
from casus.store.checks import check_store


def _notes(store):
    return {r["membership_key"]: r["note"] for r in store.versions("memberships")}


def test_a_backup_restores_exactly_what_was_stored_on_each_backend(backend_store, tmp_path):
    backend_store.edit("memberships", "nato/SWE/1", {"note": "before the backup"}, editor="t", reason="r")
    report = backup(backend_store, tmp_path / "casus.backup")
    assert report["format"] == ("sqlite" if backend_store.dialect == "sqlite" else "json")
    saved, history = _notes(backend_store), backend_store.history("memberships", "nato/SWE/1")
    generation = backend_store.generation()
    backend_store.edit("memberships", "nato/SWE/1", {"note": "after the backup"}, editor="t", reason="r")
    restored = restore(backend_store, tmp_path / "casus.backup")
    assert restored["violations"] == []
    assert _notes(backend_store) == saved
    assert [v["note"] for v in backend_store.history("memberships", "nato/SWE/1")] == [v["note"] for v in history]
    assert backend_store.generation() > generation  # caches see the restore as a change
    # The store takes writes again after a restore (PostgreSQL's id sequences follow the restored rows).
    backend_store.edit("memberships", "nato/SWE/1", {"note": "after the restore"}, editor="t", reason="r")


def test_a_sqlite_backup_restores_into_postgresql(tmp_path, postgres_url):
    source = Store.open(tmp_path / "source.sqlite")
    source.edit("treaties", "nato", {"notes": "moved to a server"}, editor="t", reason="r")
    backup(source, tmp_path / "moving.sqlite")
    target = Store.open(postgres_url, seed=False)
    restore(target, tmp_path / "moving.sqlite")
    assert target.current("treaties", "nato")["notes"] == "moved to a server"
    assert check_store(target) == []


def test_a_backup_while_writers_commit_is_a_consistent_snapshot(tmp_path):
    store = Store.open(tmp_path / "busy.sqlite")
    stop = threading.Event()

    def writer():
        n = 0
        while not stop.is_set():
            n += 1
            store.edit("memberships", "nato/NOR/1", {"note": f"write {n}"}, editor="w", reason="r")

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        for n in range(5):
            backup(store, tmp_path / f"snap{n}.sqlite")
    finally:
        stop.set()
        thread.join()
    for n in range(5):
        assert check_store(Store.open(tmp_path / f"snap{n}.sqlite")) == []


def test_a_backup_never_overwrites_and_a_restore_refuses_what_is_not_a_backup(fresh_store, tmp_path):
    (tmp_path / "taken").write_text("mine")
    with pytest.raises(InvalidArgumentError, match="already exists"):
        backup(fresh_store, tmp_path / "taken")
    with pytest.raises(InvalidArgumentError, match="neither a SQLite backup nor a casus dump"):
        restore(fresh_store, tmp_path / "taken")
    (tmp_path / "other.json").write_text(json.dumps({"format": "something else"}))
    with pytest.raises(InvalidArgumentError, match="not a casus store dump"):
        restore(fresh_store, tmp_path / "other.json")
    assert fresh_store.current("treaties", "nato") is not None


def test_a_restore_refuses_a_backup_from_a_newer_casus_and_changes_nothing(fresh_store, tmp_path):
    backup(fresh_store, tmp_path / "new.sqlite")
    newer = Store(Store.open(tmp_path / "new.sqlite").engine)
    with newer.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    newer.close()
    with pytest.raises(StoreError, match="schema 9999, newer than this casus knows"):
        restore(fresh_store, tmp_path / "new.sqlite")
    assert fresh_store.current("treaties", "nato") is not None


def test_backup_restore_and_check_from_the_command_line(isolated_store_path, tmp_path):
    runner = CliRunner()
    assert runner.invoke(app, ["backup", str(tmp_path / "cli.backup")]).exit_code == 0
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 0 and "store ok" in result.output
    assert runner.invoke(app, ["restore", str(tmp_path / "cli.backup"), "--json"]).exit_code == 0
    assert runner.invoke(app, ["backup", str(tmp_path / "cli.backup")]).exit_code == 2


def _break(store, statement, **values):
    with store.engine.begin() as connection:
        connection.execute(text(statement), values)


def test_check_names_each_violation_and_exits_non_zero(isolated_store_path):
    store = Store.open()
    for table in ("treaties", "memberships"):
        _break(store, f"DROP INDEX uq_{table}_current")
    nato = store.current("treaties", "nato")
    _break(store, "INSERT INTO treaties (treaty_key, name, aliases, source, dataset_id, recorded_from) "
                  "VALUES ('nato', 'NATO again', '[]', '{\"kind\": \"test\"}', 'builtin', :when)",
           when=nato["recorded_from"] + dt.timedelta(seconds=1))
    _break(store, "UPDATE memberships SET treaty_key = 'no-such-treaty' WHERE membership_key = 'nato/FRA/1'")
    _break(store, "UPDATE memberships SET source = '{}' WHERE membership_key = 'nato/ITA/1'")
    _break(store, "INSERT INTO memberships (membership_key, treaty_key, state_id, source, dataset_id, recorded_from) "
                  "VALUES ('nato/NOR/2', 'nato', 'NOR', '{\"kind\": \"test\"}', 'builtin', :when)",
           when=dt.datetime(2026, 1, 1))
    found = {(v.rule, v.table, v.key) for v in check_store(store)}
    assert found >= {
        ("two_current", "treaties", "nato"),
        ("recorded_span", "treaties", "nato"),
        ("orphan", "memberships", "nato/FRA/1"),
        ("unsourced", "memberships", "nato/ITA/1"),
        ("overlap", "memberships", "nato/NOR/2"),
    }
    result = CliRunner().invoke(app, ["check", "--json"])
    assert result.exit_code == 1
    assert {v["rule"] for v in json.loads(result.stdout)["violations"]} >= {"two_current", "orphan", "unsourced",
                                                                             "overlap"}
