"""The store behaves the same on SQLite and on PostgreSQL (each test runs on both)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from casus.errors import InvalidArgumentError
from casus.store import Store
from casus.store.checks import check_store
from casus.store.tables import memberships, treaties

D = dt.date.fromisoformat


def test_a_new_store_is_at_alembics_head_and_holds_the_builtin_treaties(backend_store):
    assert backend_store.revision() == Store.head() == Store.known_revisions()[-1]
    assert "nato" in backend_store.knowledge_base().treaties
    assert check_store(backend_store) == []


def test_reopening_adds_nothing(backend_store, store_url):
    again = Store.open(store_url)
    assert again.sync_builtin() == {"inserted": 0, "superseded": 0, "closed": 0}
    assert len(again.versions("memberships")) == len(backend_store.versions("memberships"))
    again.close()


def test_the_database_refuses_a_second_current_version_of_a_key(backend_store):
    nato = backend_store.current("treaties", "nato")
    copy = {k: v for k, v in nato.items() if k != "row_id"}
    with pytest.raises(IntegrityError), backend_store.engine.begin() as connection:
        connection.execute(treaties.insert().values(**copy))
    # A closed version of the same key is fine: that is history.
    with backend_store.engine.begin() as connection:
        connection.execute(treaties.insert().values(**{**copy, "recorded_to": nato["recorded_from"]}))


def test_an_edit_is_read_as_of_recorded_and_valid_time(backend_store):
    before = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    backend_store.edit("memberships", "nato/SWE/1", {"valid_from": D("2024-03-08")}, editor="tester", reason="test")
    versions = backend_store.history("memberships", "nato/SWE/1")
    assert [v["valid_from"] for v in versions] == [D("2024-03-07"), D("2024-03-08")]
    assert versions[0]["recorded_to"] == versions[1]["recorded_from"]

    def swedes(**when):
        return [r["membership_key"] for r in backend_store.versions("memberships", **when)
                if r["membership_key"] == "nato/SWE/1"]

    assert swedes(valid_on=D("2024-03-07")) == []
    assert swedes(valid_on=D("2024-03-07"), known_at=before) == ["nato/SWE/1"]
    assert swedes(valid_on=D("2024-03-08")) == ["nato/SWE/1"]
    assert check_store(backend_store) == []


def test_replacing_a_dataset_supersedes_changed_records_and_closes_dropped_ones(backend_store):
    records = {"treaties": [
        {"treaty_key": "t-one", "name": "One", "aliases": [], "organisation": None, "signed": None,
         "in_force": D("2000-01-01"), "ended": None, "end_reason": None, "atop_id": None, "notes": None,
         "uncertain": None, "source": {"kind": "imported", "dataset": "test"}},
    ]}
    first = backend_store.replace_dataset("test", records, name="Test", version="1", kind="imported")
    again = backend_store.replace_dataset("test", records, name="Test", version="1", kind="imported")
    records["treaties"][0]["name"] = "One, renamed"
    changed = backend_store.replace_dataset("test", records, name="Test", version="2", kind="imported")
    dropped = backend_store.replace_dataset("test", {"treaties": []}, name="Test", version="3", kind="imported")
    assert [first, again, changed, dropped] == [
        {"inserted": 1, "superseded": 0, "closed": 0},
        {"inserted": 0, "superseded": 0, "closed": 0},
        {"inserted": 0, "superseded": 1, "closed": 0},
        {"inserted": 0, "superseded": 0, "closed": 1},
    ]
    assert [v["name"] for v in backend_store.history("treaties", "t-one")] == ["One", "One, renamed"]
    assert backend_store.current("treaties", "t-one") is None


def test_a_failed_write_leaves_nothing_behind(backend_store):
    def work(tx):
        tx.put_version("treaties", {**_treaty("half-done")}, dataset_id="builtin")
        raise InvalidArgumentError("changed my mind")

    with pytest.raises(InvalidArgumentError):
        backend_store.write(work)
    assert backend_store.current("treaties", "half-done") is None


def test_an_unknown_table_is_a_clear_error(backend_store):
    with pytest.raises(InvalidArgumentError, match="cannot read 'colours'"):
        backend_store.versions("colours")


def test_values_are_bound_parameters_never_sql(backend_store):
    evil = "x'); DROP TABLE treaties; --"
    assert backend_store.current("treaties", evil) is None
    assert backend_store.history("memberships", evil) == []
    with backend_store.engine.connect() as connection:
        assert connection.execute(select(memberships.c.row_id).limit(1)).first() is not None


def _treaty(key):
    return {"treaty_key": key, "name": key, "aliases": [], "organisation": None, "signed": None,
            "in_force": D("2000-01-01"), "ended": None, "end_reason": None, "atop_id": None, "notes": None,
            "uncertain": None, "source": {"kind": "test"}}
