"""Every defence pledge ATOP 5.1 codes as in force at the end of 2018 is curated or has a documented end."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from casus.errors import DataFileError
from casus.treaties.coverage import active_defence_pledges, load_decisions
from casus.treaties.loader import builtin_treaties

ATOP = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "atop-5.1" / "atop5_1m.csv"
DECISIONS = load_decisions()
BY_FILE = {t.id: t for t in builtin_treaties()}
IDS = [d.atop_id for d in DECISIONS]


def test_the_list_holds_the_48_alliances_atop_codes_with_a_defence_pledge_at_the_end_of_2018():
    assert len(DECISIONS) == 48
    counts = {kind: sum(d.decision == kind for d in DECISIONS) for kind in ("curated", "ended", "superseded")}
    assert counts == {"curated": 43, "ended": 0, "superseded": 5}


@pytest.mark.parametrize("decision", DECISIONS, ids=[str(i) for i in IDS])
def test_each_alliance_has_a_curated_counterpart_or_a_documented_end(decision):
    if decision.decision == "curated":
        treaty = BY_FILE[decision.treaty]
        assert treaty.atop_id == decision.atop_id, f"{treaty.id} must carry atop_id {decision.atop_id}"
    else:
        assert decision.date is not None and decision.source.startswith(("https://", "http://"))
        assert decision.note, "say what ended it or what replaced it"
        if decision.treaty:
            assert decision.treaty in BY_FILE, "a successor named by file must be curated"


def test_no_two_curated_treaties_claim_one_atop_alliance():
    claimed = [t.atop_id for t in BY_FILE.values() if t.atop_id is not None]
    assert len(claimed) == len(set(claimed))


def test_only_france_djibouti_kept_a_security_clause_among_frances_african_partnership_treaties():
    french = [d for d in DECISIONS if d.name.startswith("France-")]
    assert [d.atop_id for d in french] == [3395, 3410, 3730, 3830]
    assert all(d.decision == "superseded" and "no assistance clause" in d.note for d in french)
    djibouti = BY_FILE["france-djibouti-2011"]
    assert "defense" in [o.kind.value for o in djibouti.obligations if o.article == "4"]
    assert "defense" in [o.kind.value for o in BY_FILE["france-djibouti-2024"].obligations]


@pytest.mark.skipif(not ATOP.exists(), reason="../shared (ATOP 5.1 files) is absent")
def test_the_list_is_the_one_atop_gives():
    assert sorted(active_defence_pledges(ATOP)) == sorted(IDS)


def test_the_pledges_in_force_are_read_from_the_member_rows(tmp_path):
    path = tmp_path / "m.csv"
    header = "atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,defense"
    rows = [
        "1,2,1950,1,1,0,0,0,1",  # in force, no exit
        "1,20,1950,1,1,2018,12,31,1",  # exits on the day itself: no longer bound
        "2,2,1960,0,0,2019,1,1,1",  # unknown month and day: from 1 January
        "3,2,1960,1,1,0,0,0,0",  # consultation only
    ]
    path.write_text(header + "\n" + "\n".join(rows) + "\n")
    assert active_defence_pledges(path, dt.date(2018, 12, 31)) == {1: {2}, 2: {2}}


def test_a_bad_decision_names_the_line_and_field(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("atop_id,name,decision,treaty,date,source,note\n1,X,ended,,,,gone\n")
    with pytest.raises(DataFileError) as caught:
        load_decisions(path)
    assert (caught.value.record, caught.value.field) == ("line 2", "date")
