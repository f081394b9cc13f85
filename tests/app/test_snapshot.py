"""A command reads the knowledge base saved beside the store, and never one the store has moved past."""

from __future__ import annotations

import datetime as dt

from casus.app import App, FixedClock
from casus.store import Store, snapshot

CLOCK = FixedClock("2025-01-01")


def defenders(profile):
    return [duty.state.id for duty in profile.defended_by]


def command(path):
    """What one ``casus`` process does: a lazy app on the store's file."""
    return App.open(path, clock=CLOCK, lazy=True)


def russia_in_the_dprk_treaty(store):
    for row in store.rows()["memberships"]:
        if row["treaty_key"] == "russia-dprk-2024" and row["state_id"] == "RUS":
            return row["membership_key"]
    raise AssertionError("no Russian membership in the Russia-DPRK treaty")


def test_a_second_command_answers_from_the_snapshot_without_opening_the_store(tmp_path):
    path = tmp_path / "casus.sqlite"
    first = command(path)
    assert defenders(first.state("North Korea")) == ["CHN", "CUB", "RUS"]
    assert first.builds == 1 and snapshot.snapshot_path(path).is_file()
    first.close()
    second = command(path)
    assert defenders(second.state("North Korea")) == ["CHN", "CUB", "RUS"]
    assert second._store is None and second.builds == 0
    assert second.registry is second.knowledge_base().registry


def test_a_scenario_reads_its_states_from_the_snapshot_instead_of_building_the_registry(tmp_path):
    from casus.states import default_registry

    path = tmp_path / "casus.sqlite"
    command(path).state("North Korea")
    second = command(path)
    registry = second.registry  # a scenario names its states before it asks for the base
    assert registry is not default_registry() and registry.lookup("Estonia").id == "EST"
    assert second.knowledge_base().registry is registry and second._store is None and second.builds == 0
    assert "EST" in [p.state.id for p in second.scenario(["RUS attacks EST"], "2025-01-01").sides.defenders]


def test_without_a_snapshot_the_registry_is_built_from_the_state_files(tmp_path):
    from casus.states import default_registry

    assert command(tmp_path / "casus.sqlite").registry is default_registry()


def test_a_write_after_the_snapshot_is_seen_by_the_next_command(tmp_path):
    path = tmp_path / "casus.sqlite"
    command(path).state("North Korea")
    writer = Store.open(path)  # another process writes: Russia leaves the treaty at the end of 2024
    writer.edit("memberships", russia_in_the_dprk_treaty(writer), {"valid_to": dt.date(2024, 12, 31)},
                editor="test", reason="a made-up withdrawal")
    writer.close()
    reader = command(path)
    assert defenders(reader.state("North Korea")) == ["CHN", "CUB"]
    assert reader.builds == 1
    again = command(path)  # and the snapshot now holds the write
    assert defenders(again.state("North Korea")) == ["CHN", "CUB"] and again.builds == 0


def test_a_store_made_again_at_the_same_path_is_not_taken_for_the_old_one(tmp_path):
    path = tmp_path / "casus.sqlite"
    command(path).state("North Korea")
    saved = snapshot.snapshot_path(path).read_bytes()
    path.unlink()
    for leftover in tmp_path.glob("casus.sqlite-*"):
        if leftover.name.endswith(("-wal", "-shm")):
            leftover.unlink()
    Store.open(path, seed=False).close()  # a new, empty store in its place
    snapshot.snapshot_path(path).write_bytes(saved)
    assert command(path).knowledge_base().treaties == {}


def test_a_snapshot_another_casus_made_is_not_read(tmp_path, monkeypatch):
    path = tmp_path / "casus.sqlite"
    command(path).state("North Korea")
    monkeypatch.setattr(snapshot, "_fingerprint", (("kb/records.py", 1, 1),))
    reader = command(path)
    assert defenders(reader.state("North Korea")) == ["CHN", "CUB", "RUS"]
    assert reader.builds == 1


def test_a_damaged_snapshot_is_ignored(tmp_path):
    path = tmp_path / "casus.sqlite"
    command(path).state("North Korea")
    snapshot.snapshot_path(path).write_bytes(b"not a pickle")
    reader = command(path)
    assert defenders(reader.state("North Korea")) == ["CHN", "CUB", "RUS"]
    assert reader.builds == 1


def test_asking_as_known_at_a_date_reads_the_store(tmp_path):
    path = tmp_path / "casus.sqlite"
    command(path).state("North Korea")
    reader = command(path)
    reader.state("North Korea", known_at="2026-01-01")
    assert reader._store is not None


def test_a_base_read_back_from_its_snapshot_holds_the_same_records(tmp_path):
    path = tmp_path / "casus.sqlite"
    built = command(path).knowledge_base()
    read = command(path)
    kb = read.knowledge_base()
    assert read.builds == 0 and kb is not built
    assert kb.treaties == built.treaties and kb.memberships == built.memberships
    assert kb.obligations == built.obligations and kb.suspensions == built.suspensions
    assert [s for s in kb.registry.all()] == [s for s in built.registry.all()]
    assert kb.registry.lookup("Zaire", on="1990-01-01").id == "COD"
