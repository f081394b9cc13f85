"""Importing ATOP: records, open conditions, versions, shadowing, bad files, and the real files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from casus.engine import Engine, build_scenario
from casus.errors import DataFileError, InvalidArgumentError
from casus.imports import check_atop, import_atop
from casus.kb import state_profile
from casus.store import Store

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
HEADER = ("atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase,defense,offense,neutral,nonagg,consul,"
          "defcoadv,defcoloc,defcocon,defconum,defcodem,defconpr,version")


def member_file(tmp_path, rows, version="5.1", name="members.csv"):
    path = tmp_path / name
    path.write_text(HEADER + "\n" + "\n".join(f"{row},{version}" for row in rows) + "\n")
    return path


# alliance 9001: France and Poland, defence both ways from 1921-02-19, phase 2 from 1925 with a place condition;
# alliance 9002: Britain guarantees Poland only (asymmetric), 1939-08-25 to 1945-05-08.
ROWS = [
    "9001,220,1921,2,19,1925,10,16,1,1,0,0,0,1,0,0,0,0,0,0",
    "9001,290,1921,2,19,1925,10,16,1,1,0,0,0,1,0,0,0,0,0,0",
    "9001,220,1925,10,16,0,0,0,2,1,0,0,0,0,0,1,0,0,0,0",
    "9001,290,1925,10,16,0,0,0,2,1,0,0,0,0,0,1,0,0,0,0",
    "9002,200,1939,8,25,1945,5,8,1,1,0,0,0,0,0,0,0,0,0,0",
    "9002,290,1939,8,25,1945,5,8,1,0,0,0,0,0,0,0,0,0,0,0",
]


@pytest.fixture
def store(tmp_path):
    return Store.open(tmp_path / "atop.sqlite", seed=False)


def test_alliances_members_and_pledges_become_treaties_memberships_and_obligations(store, tmp_path):
    report = import_atop(store, member_file(tmp_path, ROWS))
    assert (report.version, report.alliances, report.memberships, report.obligations) == ("5.1", 2, 6, 4)
    kb = store.knowledge_base()
    assert kb.parties_on("atop-9001", dt.date(1930, 1, 1)) == {"FRA", "POL"}
    poland = state_profile(kb, "POL", dt.date(1940, 1, 1))
    assert [(d.other, d.binding.treaty.id, d.binding.obligation.article) for d in poland.defended_by] == [
        ("FRA", "atop-9001", "phase 2"), ("GBR", "atop-9002", "phase 1")
    ]
    assert [d.other for d in poland.defends] == ["FRA"]  # not Britain: only Britain pledged
    source = kb.obligations["atop-9002"][0].source
    assert (source["kind"], source["dataset"], source["version"], source["atopid"]) == ("imported", "ATOP", "5.1", 9002)


def test_a_condition_atop_only_flags_makes_the_engine_answer_conditional(store, tmp_path):
    import_atop(store, member_file(tmp_path, ROWS))
    kb = store.knowledge_base()
    scenario = build_scenario(kb.registry, dt.date(1930, 1, 1), [{"attacker": "DEU", "target": "POL"}])
    outcome = Engine(kb).run(scenario)
    assert [(state, reason.binding.treaty.id) for state, _, reason in outcome.conditional] == [("FRA", "atop-9001")]
    assert [c.status for c in outcome.conditional[0][2].checks] == ["open"]


def test_reimporting_the_same_version_changes_nothing(store, tmp_path):
    path = member_file(tmp_path, ROWS)
    import_atop(store, path)
    assert import_atop(store, path).counts == {"inserted": 0, "superseded": 0, "closed": 0}


def test_another_version_is_refused_unless_it_replaces_the_stored_one(store, tmp_path):
    import_atop(store, member_file(tmp_path, ROWS))
    older = member_file(tmp_path, ROWS[:4], version="4.01", name="old.csv")
    with pytest.raises(InvalidArgumentError, match="the store holds ATOP 5.1; importing 4.01 would mix versions"):
        import_atop(store, older)
    report = import_atop(store, older, replace=True)
    assert report.counts["closed"] == 4  # alliance 9002: its treaty, two memberships, one obligation
    assert {d["id"]: d["version"] for d in store.datasets()}["atop"] == "4.01"
    assert "atop-9002" not in store.knowledge_base().treaties
    assert [v["recorded_to"] is not None for v in store.history("treaties", "atop-9002")] == [True]


def test_a_curated_treaty_stands_in_for_its_atop_alliance(tmp_path):
    store = Store.open(tmp_path / "both.sqlite")
    nato = ["3180,2,1949,4,4,0,0,0,1,1,0,0,0,1,0,1,0,0,0,0", "3180,20,1949,4,4,0,0,0,1,1,0,0,0,1,0,1,0,0,0,0"]
    import_atop(store, member_file(tmp_path, nato))
    kb = store.knowledge_base()
    canada = state_profile(kb, "CAN", dt.date(2025, 1, 1))
    assert {d.binding.treaty.id for d in canada.defended_by} == {"nato", "oas-charter"}  # never atop-3180
    assert [(row["treaty"], row["field"]) for row in check_atop(kb) if row["treaty"] == "nato"][:1] == [("nato", "start")]


def test_a_file_without_atop_columns_is_rejected_naming_the_column(store, tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text("a,b\n1,2\n")
    with pytest.raises(DataFileError) as caught:
        import_atop(store, path)
    assert (caught.value.record, caught.value.field) == ("header", "atopid")
    assert store.knowledge_base().treaties == {}


def test_a_bad_value_is_rejected_naming_the_line_and_field(store, tmp_path):
    path = member_file(tmp_path, [ROWS[0].replace("1921,2,19", "19x1,2,19")])
    with pytest.raises(DataFileError) as caught:
        import_atop(store, path)
    assert (caught.value.record, caught.value.field) == ("line 2", "yrent")
    assert store.knowledge_base().treaties == {}


def test_an_unknown_cow_code_is_skipped_and_reported(store, tmp_path):
    report = import_atop(store, member_file(tmp_path, ROWS + ["9001,8152,1921,2,19,1925,10,16,1,1,0,0,0,1,0,0,0,0,0,0"]))
    assert report.skipped == ["members.csv line 8: COW code 8152 (alliance 9001) is not a state casus knows"]


@pytest.mark.skipif(not SHARED.exists(), reason="../shared (ATOP reference files) is absent")
def test_the_real_atop_files_import_both_versions(tmp_path):
    store = Store.open(tmp_path / "real.sqlite", seed=False)
    report = import_atop(store, SHARED / "atop-5.1" / "atop5_1m.csv", SHARED / "atop-5.1" / "atop5_1a.csv")
    assert (report.version, report.alliances) == ("5.1", 789)
    older = import_atop(store, SHARED / "atop-4.01" / "atop-member-level.csv",
                        SHARED / "atop-4.01" / "atop-alliance-level.csv", replace=True)
    assert (older.version, older.alliances) == ("4.01", 745)


@pytest.mark.skipif(not SHARED.exists(), reason="../shared (ATOP reference files) is absent")
def test_the_july_crisis_on_atop_draws_germany_in_against_russia(tmp_path):
    store = Store.open(tmp_path / "1914.sqlite", seed=False)
    import_atop(store, SHARED / "atop-5.1" / "atop5_1m.csv", SHARED / "atop-5.1" / "atop5_1a.csv")
    kb = store.knowledge_base()
    acts = [{"attacker": "Austria-Hungary", "target": "Serbia"}, {"attacker": "Russia", "target": "Austria-Hungary"}]
    outcome = Engine(kb).run(build_scenario(kb.registry, dt.date(1914, 8, 1), acts, "escalation"))
    sides = {side: sorted((p.state, p.round) for p in outcome.side(side)) for side in ("attackers", "defenders")}
    assert sides["attackers"] == [("AUH", 0), ("DEU", 1)]
    assert ("RUS", 0) in sides["defenders"] and ("SRB", 0) in sides["defenders"]
    germany = outcome.participants["DEU"].reasons[0]
    assert (germany.binding.treaty.id, germany.binding.beneficiary, germany.act.attacker) == ("atop-1335", "AUH", "RUS")


@pytest.mark.skipif(not SHARED.exists(), reason="../shared (ATOP reference files) is absent")
def test_every_difference_between_the_built_in_treaties_and_atop_is_one_the_conventions_explain(tmp_path):
    store = Store.open(tmp_path / "both.sqlite")
    import_atop(store, SHARED / "atop-5.1" / "atop5_1m.csv", SHARED / "atop-5.1" / "atop5_1a.csv")
    rows = check_atop(store.knowledge_base())
    assert [(r["treaty"], r["field"], r["atop"]) for r in rows if r["explained"] is None] == []
    assert len({r["treaty"] for r in rows}) == 33  # of the 50 curated treaties that carry an ATOP id
