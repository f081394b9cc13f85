"""Who is bound to defend the small and new allies on 1 December 2026: exact answers in the user's terms."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

from typer.testing import CliRunner

from casus.cli.main import app
from casus.kb import state_profile

ON = dt.date(2026, 12, 1)


def defenders(kb, state):
    return Counter(d.binding.treaty.id for d in state_profile(kb, state, ON).defended_by)


def test_australia_is_bound_to_answer_tuvalus_call_for_help_and_tuvalu_owes_nothing_back(builtin_kb):
    profile = state_profile(builtin_kb, "TUV", ON)
    duty = profile.defended_by[0]
    assert [(d.other, d.binding.treaty.id, d.binding.obligation.article) for d in profile.defended_by] == [
        ("AUS", "australia-tuvalu-falepili-2023", "4")
    ]
    assert duty.binding.obligation.conditions == {"demand": "Tuvalu must ask for assistance"}
    assert profile.defends == [] and profile.other == []


def test_papua_new_guinea_has_signed_the_pukpuk_treaty_but_no_one_is_yet_bound_to_defend_it(builtin_kb):
    profile = state_profile(builtin_kb, "PNG", ON)
    assert profile.defended_by == [] and profile.defends == []
    assert [(p.treaty.id, p.membership.signed, p.treaty.status_on(ON)) for p in profile.pending] == [
        ("australia-png-pukpuk-2025", dt.date(2025, 10, 6), "signed")
    ]


def test_qatar_is_defended_by_the_us_only_through_a_unilateral_pledge_that_binds_only_the_us(builtin_kb):
    profile = state_profile(builtin_kb, "QAT", ON)
    assert defenders(builtin_kb, "QAT") == {"arab-league-jdec-1950": 19, "gcc-joint-defence-2000": 5,
                                              "us-qatar-eo-14353": 1}
    [pledge] = [d for d in profile.defended_by if d.other == "USA"]
    assert pledge.binding.treaty.instrument == "unilateral"
    assert pledge.binding.obligation.article == "Sec. 2"
    ref = pledge.binding.treaty.ref()
    assert ref["instrument"] == "unilateral" and "binds only the state that made it" in ref["note"]
    assert "USA" not in {d.other for d in profile.defends}  # Qatar owes the United States nothing


def test_every_answer_names_the_qatar_pledge_as_unilateral():
    runner = CliRunner()
    state = runner.invoke(app, ["state", "Qatar", "--on", "2026-12-01", "--json"])
    [entry] = [d for d in json.loads(state.stdout)["defended_by"] if d["state"]["id"] == "USA"]
    assert entry["treaty"]["instrument"] == "unilateral"
    text = runner.invoke(app, ["state", "Qatar", "--on", "2026-12-01"], env={"COLUMNS": "80"})
    assert "  EO 14353 (Qatar) (unilateral pledge) Sec. 2 · discretionary [3]" in text.stdout.splitlines()
    assert "    a unilateral pledge: binds only its maker, which may revoke it alone" in text.stdout.splitlines()
    scenario = runner.invoke(app, ["scenario", "IRN attacks QAT", "--on", "2026-12-01"], env={"COLUMNS": "80"})
    assert scenario.exit_code == 0, scenario.output
    assert "EO 14353 (Qatar) (unilateral pledge) Sec. 2 · defend Qatar" in scenario.stdout
    assert "    a unilateral pledge: binds only its maker, which may revoke it alone" in scenario.stdout.splitlines()


def test_antigua_and_barbuda_is_defended_through_the_oas_charter_the_rss_and_the_oecs(builtin_kb):
    assert defenders(builtin_kb, "ATG") == {
        "oas-charter": 32,  # 35 members less Nicaragua and Venezuela, which left
        "regional-security-system-1996": 6,
        "oecs-revised-treaty-basseterre": 5,
    }
    others = {d.other for d in state_profile(builtin_kb, "ATG", ON).defended_by}
    assert {"NIC", "VEN"} & others == set() and {"USA", "BRB", "DMA", "CAN"} <= others


def test_kenya_is_defended_by_ethiopia_and_its_great_lakes_partners(builtin_kb):
    assert defenders(builtin_kb, "KEN") == {"ethiopia-kenya-1963": 1,
                                             "great-lakes-non-aggression-mutual-defence-2006": 11}
    [ethiopia] = [d for d in state_profile(builtin_kb, "KEN", ON).defended_by
                  if d.binding.treaty.id == "ethiopia-kenya-1963"]
    assert ethiopia.other == "ETH"
