"""COW inter-state wars: reading the directed dyad-year file, storing it, and bad files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from casus.errors import DataFileError, InvalidArgumentError
from casus.history import import_cow_wars, load_wars, read_cow_wars, start_date
from casus.states import default_registry
from casus.store import Store
from casus.store.tables import war_participants

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
HEADER = "warnum,ccode1,ccode2,year,cowinteronset,sidea1,sidea2,initiator1,initiator2,outcome1,outcome2"


def dyad(war, a, b, year, onset, side_a, initiator_a=0, initiator_b=0):
    """Both directed rows of one pair of opponents in one year."""
    side_b = 3 - side_a
    return [
        f"{war},{a},{b},{year},{onset},{side_a},{side_b},{initiator_a},{initiator_b},1,2",
        f"{war},{b},{a},{year},{onset},{side_b},{side_a},{initiator_b},{initiator_a},2,1",
    ]


# War 901: Germany (255) attacks Poland (290) in 1930; France (220) fights Germany from 1930,
# Britain (200) from 1931. War 902: Egypt (651) attacks Israel (666) in 1948.
WAR_ROWS = [
    *dyad(901, 255, 290, 1930, 1, 1, initiator_a=1),
    *dyad(901, 255, 290, 1931, 0, 1, initiator_a=1),
    *dyad(901, 255, 220, 1930, 1, 1, initiator_a=1),
    *dyad(901, 255, 200, 1931, 1, 1, initiator_a=1),
    *dyad(902, 651, 666, 1948, 1, 1, initiator_a=1),
]


def war_file(tmp_path, rows=WAR_ROWS, header=HEADER, name="wars.csv"):
    path = tmp_path / name
    path.write_text(header + "\n" + "\n".join(rows) + "\n")
    return path


@pytest.fixture
def store(tmp_path):
    store = Store.open(tmp_path / "wars.sqlite", seed=False)
    yield store
    store.close()


def count(store):
    with store.transaction() as connection:
        return connection.execute(select(func.count()).select_from(war_participants)).scalar()


def test_a_war_has_sides_initiators_targets_and_a_start_year(tmp_path):
    first, second = read_cow_wars(war_file(tmp_path))
    assert (first.number, first.start_year) == (901, 1930)
    assert [(p.state, p.side, p.initiator, p.entered, p.last_year) for p in first.participants] == [
        ("DEU", 1, True, 1930, 1931), ("FRA", 2, False, 1930, 1930), ("POL", 2, False, 1930, 1931),
        ("GBR", 2, False, 1931, 1931),
    ]
    # Britain joined in 1931: not a target of the initial acts.
    assert first.initial_acts() == [("DEU", "FRA"), ("DEU", "POL")]
    assert first.fought_beside("GBR", "POL") and not first.fought_beside("DEU", "POL")
    assert first.fought_against("DEU", "POL") and not first.fought_against("FRA", "POL")
    assert second.initial_acts() == [("EGY", "ISR")]


def test_the_start_date_is_the_first_day_every_initial_participant_existed(tmp_path):
    first, second = read_cow_wars(war_file(tmp_path))
    registry = default_registry()
    assert start_date(first, registry) == dt.date(1930, 1, 1)
    assert start_date(first, registry, (9, 1)) == dt.date(1930, 9, 1)
    assert start_date(second, registry) == dt.date(1948, 5, 14)  # Israel's independence


def test_a_state_that_changed_sides_is_not_counted_against_its_first_partners(tmp_path):
    # War 903: Germany fights France and Britain from 1939; France changes sides in 1940 and fights Britain.
    rows = [*dyad(903, 255, 220, 1939, 1, 1, initiator_a=1), *dyad(903, 255, 200, 1939, 1, 1, initiator_a=1),
            *dyad(903, 220, 200, 1940, 1, 1)]
    (war,) = read_cow_wars(war_file(tmp_path, rows))
    assert sorted((p.state, p.side) for p in war.participants) == [("DEU", 1), ("FRA", 1), ("FRA", 2), ("GBR", 2)]
    assert war.initial_side("FRA") == 2
    assert not war.fought_against("GBR", "FRA")  # Britain fought Vichy France, not the France it started beside
    assert war.fought_against("FRA", "GBR") and war.fought_beside("FRA", "GBR")


def test_import_stores_the_wars_with_their_provenance_and_reads_them_back(store, tmp_path):
    report = import_cow_wars(store, war_file(tmp_path))
    assert (report.wars, report.participants, report.counts["inserted"]) == (2, 6, 6)
    (dataset,) = [d for d in store.datasets() if d["id"] == "cow-wars"]
    assert dataset["version"] == "4.0" and "Sarkees" in dataset["citation"] and "Wayman" in dataset["citation"]
    assert (dataset["coverage_from"], dataset["coverage_to"]) == (dt.date(1930, 1, 1), dt.date(1948, 12, 31))
    assert load_wars(store) == read_cow_wars(war_file(tmp_path))


def test_importing_the_same_file_again_changes_nothing(store, tmp_path):
    path = war_file(tmp_path)
    import_cow_wars(store, path)
    again = import_cow_wars(store, path)
    assert again.unchanged and again.counts == {"inserted": 0, "superseded": 0, "closed": 0}
    assert count(store) == 6


def test_a_changed_file_supersedes_rows_and_keeps_the_old_ones_in_recorded_time(store, tmp_path):
    import_cow_wars(store, war_file(tmp_path))
    before = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    (tmp_path / "v2").mkdir()
    report = import_cow_wars(store, war_file(tmp_path / "v2", WAR_ROWS[:-2]))
    assert report.counts == {"inserted": 0, "superseded": 0, "closed": 2}
    assert [w.number for w in load_wars(store)] == [901]
    assert [w.number for w in load_wars(store, known_at=before)] == [901, 902]


def test_another_version_is_refused_unless_replacing(store, tmp_path):
    import_cow_wars(store, war_file(tmp_path))
    with pytest.raises(InvalidArgumentError, match="would mix versions"):
        import_cow_wars(store, war_file(tmp_path), version="4.1")
    assert import_cow_wars(store, war_file(tmp_path), version="4.1", replace=True).counts["superseded"] == 6


BAD = [
    (HEADER.replace(",initiator2", ""), WAR_ROWS[:2], "header, field initiator2: missing column"),
    (HEADER, ["901,255,290,19x0,1,1,2,1,0,1,2"], "line 2, field year: expected a whole number, found '19x0'"),
    (HEADER, WAR_ROWS[:2] + ["901,255,290,1930,1,3,2,1,0,1,2"], "line 4, field sidea1: expected 1 or 2, found 3"),
    (HEADER, ["901,255,290,1930,1,1,1,1,0,1,2"], "line 2, field sidea2: opponents on the same side"),
    (HEADER, ["901,255,999,1930,1,1,2,1,0,1,2"], "line 2, field ccode2: COW code 999 is not a state casus knows"),
    (HEADER, WAR_ROWS[:2] + ["901,255,290,1931,0,1,2,0,0,1,2"],
     "line 4, field initiator1: war 901: DEU is coded initiator=0 here and 1 on line 2"),
    (HEADER, ["901,255,290,1700,1,1,2,1,0,1,2"], "line 2, field year: 1700 is outside"),
    (HEADER, [], "no rows"),
]


@pytest.mark.parametrize(("header", "rows", "message"), BAD, ids=[b[2].split(":")[0] for b in BAD])
def test_a_bad_file_names_file_line_and_field_and_writes_nothing(store, tmp_path, header, rows, message):
    path = war_file(tmp_path, rows, header)
    with pytest.raises(DataFileError) as caught:
        import_cow_wars(store, path)
    assert str(caught.value).startswith(str(path)) and message in str(caught.value)
    assert count(store) == 0 and not store.has_dataset("cow-wars")


@pytest.mark.skipif(not (SHARED / "peacesciencer" / "cow_war_inter.csv").exists(), reason="shared data absent")
def test_the_real_cow_file_imports_every_war(store):
    report = import_cow_wars(store, SHARED / "peacesciencer" / "cow_war_inter.csv")
    assert (report.wars, report.participants) == (95, 337)
    wars = {w.number: w for w in load_wars(store)}
    assert wars[106].start_year == 1914 and ("AUH", "SRB") in wars[106].initial_acts()
    assert wars[139].initial_acts()[:2] == [("DEU", "AUS"), ("DEU", "CAN")]
    assert start_date(wars[148], default_registry()) == dt.date(1948, 5, 14)
    assert {p.side for p in wars[139].participants if p.state == "ITA"} == {1, 2}
