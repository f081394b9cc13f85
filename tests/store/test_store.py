"""The store: created on first use, versioned so that no edit erases a fact."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select, text

from casus.errors import InvalidArgumentError
from casus.store import Store, resolve_url
from casus.store.tables import memberships, metadata, treaties
from casus.treaties.loader import builtin_files

D = dt.date.fromisoformat


def count(store, table):
    with store.transaction() as connection:
        return connection.execute(select(func.count()).select_from(table)).scalar()


def test_the_store_is_created_and_filled_on_first_use_where_casus_db_says(isolated_store_path):
    assert not isolated_store_path.exists()
    store = Store.open()
    assert isolated_store_path.exists()
    assert count(store, treaties) == len(builtin_files())
    with store.transaction() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_casus_db_may_be_a_database_url(tmp_path, monkeypatch):
    monkeypatch.setenv("CASUS_DB", f"sqlite:///{tmp_path / 'by-url.sqlite'}")
    assert resolve_url() == f"sqlite:///{tmp_path / 'by-url.sqlite'}"
    Store.open().close()
    assert (tmp_path / "by-url.sqlite").exists()


def test_a_bad_database_url_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("CASUS_DB", "nosuchdb://x")
    with pytest.raises(InvalidArgumentError, match="CASUS_DB: not a usable database URL"):
        Store.open()


def test_reopening_the_store_adds_nothing(fresh_store):
    before = count(fresh_store, memberships)
    again = Store.open(fresh_store.engine.url.database)
    assert count(again, memberships) == before
    assert again.sync_builtin() == {"inserted": 0, "superseded": 0, "closed": 0}


def test_the_migrations_build_exactly_the_declared_schema(backend_store):
    with backend_store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    assert differences == []


def test_an_edit_keeps_the_old_fact_as_recorded(fresh_store):
    before_edit = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    fresh_store.edit(
        "memberships", "nato/SWE/1", {"valid_from": D("2024-03-08")}, editor="tester", reason="test"
    )
    versions = fresh_store.history("memberships", "nato/SWE/1")
    assert [v["valid_from"] for v in versions] == [D("2024-03-07"), D("2024-03-08")]
    assert versions[0]["recorded_to"] == versions[1]["recorded_from"]
    assert versions[1]["source"]["kind"] == "edited" and versions[1]["source"]["replaces"] == versions[0]["row_id"]
    now = fresh_store.knowledge_base()
    then = fresh_store.knowledge_base(known_at=before_edit)
    assert "SWE" not in now.parties_on("nato", D("2024-03-07"))
    assert "SWE" in then.parties_on("nato", D("2024-03-07"))


def test_an_edit_of_an_unknown_record_or_field_is_refused(backend_store):
    with pytest.raises(InvalidArgumentError, match="no current record 'nato/XXX/1'"):
        backend_store.edit("memberships", "nato/XXX/1", {"valid_to": D("2030-01-01")}, editor="t", reason="r")
    with pytest.raises(InvalidArgumentError, match="cannot edit field"):
        backend_store.edit("memberships", "nato/SWE/1", {"colour": "red"}, editor="t", reason="r")


def test_a_change_in_the_builtin_data_supersedes_the_old_version(backend_store):
    from casus.store.rows import rows_for_treaties
    from casus.store.store import BUILTIN_DATASET, load_records
    from casus.treaties.loader import builtin_treaties

    records = rows_for_treaties(builtin_treaties())
    for row in records["treaties"]:
        if row["treaty_key"] == "nato":
            row["notes"] = "changed"
    counts = load_records(backend_store, BUILTIN_DATASET, records)
    assert counts == {"inserted": 0, "superseded": 1, "closed": 0}
    assert [v["notes"] == "changed" for v in backend_store.history("treaties", "nato")] == [False, True]


def test_a_users_edit_survives_an_update_of_the_builtin_data(backend_store):
    from casus.store.rows import rows_for_treaties
    from casus.store.store import BUILTIN_DATASET, load_records
    from casus.treaties.loader import builtin_treaties

    backend_store.edit("treaties", "nato", {"notes": "mine"}, editor="tester", reason="test")
    records = rows_for_treaties(builtin_treaties())
    for row in records["treaties"]:
        if row["treaty_key"] == "nato":
            row["notes"] = "theirs"
    load_records(backend_store, BUILTIN_DATASET, records)
    assert backend_store.knowledge_base().treaties["nato"].notes == "mine"


def test_a_store_started_empty_stays_empty(store_url):
    Store.open(store_url, seed=False).close()
    store = Store.open(store_url)
    assert count(store, treaties) == 0
    assert store.knowledge_base().treaties == {}


def test_casus_db_in_a_folder_that_does_not_exist_is_an_error_and_creates_nothing(tmp_path, monkeypatch):
    from casus.errors import StoreError

    monkeypatch.setenv("CASUS_DB", str(tmp_path / "typo" / "casus.sqlite"))
    with pytest.raises(StoreError, match="the folder .*typo does not exist"):
        Store.open()
    assert not (tmp_path / "typo").exists()


def test_a_store_made_by_a_newer_casus_is_refused_untouched(fresh_store):
    from casus.errors import StoreError

    with fresh_store.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError, match="schema 9999, newer than this casus knows"):
        Store.open(fresh_store.engine.url.database)


def test_the_head_read_from_the_migration_scripts_is_alembics(fresh_store):
    assert Store.script_head() == Store.head() == fresh_store.revision()


def test_an_old_store_is_migrated_and_a_duplicate_current_version_is_closed_not_lost(tmp_path):
    path = tmp_path / "old.sqlite"
    old = Store(Store.open(path, seed=False).engine)
    with old.engine.begin() as connection:
        for table in ("treaties", "memberships", "obligations", "suspensions", "war_participants"):
            connection.execute(text(f"DROP INDEX uq_{table}_current"))
        # What later revisions than 0004 add:
        connection.execute(text("DROP TABLE readings"))
        connection.execute(text("ALTER TABLE treaties DROP COLUMN instrument"))
        connection.execute(text("ALTER TABLE treaties DROP COLUMN short_name"))
        connection.execute(text("ALTER TABLE obligations DROP COLUMN label"))
        connection.execute(text("UPDATE alembic_version SET version_num = '0004'"))
        connection.execute(text("INSERT INTO datasets (id, name, version, kind, loaded_at) "
                                "VALUES ('d', 'd', '1', 'curated', '2026-01-01 00:00:00')"))
        for when in ("2026-01-01 00:00:00", "2026-01-02 00:00:00"):
            connection.execute(text(
                "INSERT INTO treaties (treaty_key, name, aliases, source, dataset_id, recorded_from) "
                "VALUES ('twice', 'Twice', '[]', '{\"kind\": \"test\"}', 'd', :when)"), {"when": when})
    old.close()
    store = Store.open(path)
    assert store.revision() == Store.head()
    versions = store.history("treaties", "twice")
    assert [(v["recorded_from"].day, v["recorded_to"] and v["recorded_to"].day) for v in versions] == [(1, 2), (2, None)]


def test_a_store_synced_before_a_treaty_file_was_added_picks_it_up_on_the_next_open(tmp_path, monkeypatch):
    import datetime as dt

    from casus.kb import state_profile
    from casus.store import Store
    from casus.treaties import builtin, loader

    added = "australia-tuvalu-falepili-2023"
    files, treaties = loader.builtin_files(), loader.builtin_treaties()
    monkeypatch.setattr(builtin, "builtin_files", lambda: [f for f in files if f.stem != added])
    monkeypatch.setattr(loader, "builtin_treaties", lambda: tuple(t for t in treaties if t.id != added))
    path = tmp_path / "old.sqlite"
    Store.open(path).close()
    monkeypatch.undo()
    store = Store.open(path)  # the digest of the files' names and bytes has changed
    defenders = [d.other for d in state_profile(store.knowledge_base(), "TUV", dt.date(2026, 12, 1)).defended_by]
    assert defenders == ["AUS"]
    assert store.sync_builtin() == {"inserted": 0, "superseded": 0, "closed": 0}


def test_a_store_whose_tables_are_ahead_of_its_recorded_schema_says_so_and_is_left_as_it_was(fresh_store):
    from sqlalchemy import create_engine

    from casus.errors import StoreError

    # what a development build leaves behind: the readings table of 0006, the revision of 0005
    with fresh_store.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0005'"))
    path = fresh_store.engine.url.database
    fresh_store.close()
    with pytest.raises(StoreError, match="has tables its recorded schema 0005 does not have"
                                         r".*move it aside .*casus init.*already exists"):
        Store.open(path)
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0005"
    engine.dispose()
