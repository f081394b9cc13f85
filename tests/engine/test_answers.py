"""Answers a person can trust, on the built-in treaties: places, disputed land, understandings,
neutrality that protects a victim, uncertainty (issue 10)."""

from __future__ import annotations

import datetime as dt

import pytest

from casus.engine import Report, build_scenario, run_scenario
from casus.errors import UnknownPlaceError

ON = "2025-11-01"


def answer(kb, text_acts, on=ON, mode="strict", provoked=False):
    acts = [{"attacker": a, "target": t, "place": p, "provoked": provoked} for a, t, p in text_acts]
    scenario = build_scenario(kb.registry, dt.date.fromisoformat(on), acts, mode)
    return Report(run_scenario(kb, scenario), kb.registry).to_json()


def bound(payload, side="defenders"):
    return sorted(p["state"]["id"] for p in payload["sides"][side] if p["round"] > 0)


def conditional(payload):
    return {(c["state"]["id"], c["reason"]["treaty"]["id"]): c for c in payload["conditional"]}


def test_an_attack_in_the_taiwan_strait_does_not_bind_the_manila_pact(builtin_kb):
    payload = answer(builtin_kb, [("CHN", "USA", "Taiwan Strait")], on="1960-01-01")
    assert payload["acts"][0]["resolved_place"]["name"] == "Taiwan Strait"
    assert payload["acts"][0]["resolved_place"]["kind"] == "sea"
    # ANZUS and US–Philippines cover forces in the Pacific; France, the UK and Thailand
    # (Manila Pact only) are not bound: the strait is north of 21°30'N.
    assert bound(payload) == ["AUS", "NZL", "PHL"]
    assert not any(t == "manila-pact" for _, t in conditional(payload))


def test_atlantis_is_refused_with_the_real_town_as_a_suggestion(builtin_kb):
    with pytest.raises(UnknownPlaceError) as caught:
        answer(builtin_kb, [("CHN", "USA", "Atlantis")])
    assert "Atlantis, South Africa" in caught.value.suggestions


def test_luzon_is_found_and_shown_with_its_sovereign(builtin_kb):
    payload = answer(builtin_kb, [("CHN", "PHL", "Luzon")])
    place = payload["acts"][0]["resolved_place"]
    assert (place["name"], place["kind"], place["sovereign"], place["administrator"]) == ("Luzon", "island", "PHL", "PHL")
    assert "USA" in bound(payload)


def test_estonia_attacked_at_hawaii_gets_a_warning(builtin_kb):
    payload = answer(builtin_kb, [("RUS", "EST", "Hawaii")])
    assert payload["warnings"] == [
        "Hawaii is not territory of Estonia (it belongs to United States): the attack is judged there, "
        "as an attack on Estonia's forces or vessels"
    ]
    assert bound(payload) == []  # Hawaii is outside NATO's Art. 6 area


def test_at_crimea_armenias_duty_to_russia_is_reported_as_disputed_territory(builtin_kb):
    payload = answer(builtin_kb, [("UKR", "RUS", "Crimea")])
    assert "ARM" not in bound(payload) and "KAZ" not in bound(payload)
    duty = conditional(payload)[("ARM", "russia-armenia-1997")]
    assert duty["open"] == ["territory"]
    detail = duty["reason"]["conditions"][0]["detail"]
    assert detail.startswith("disputed territory: Crimea (sovereign Ukraine, administered by Russia")
    assert conditional(payload)[("KAZ", "russia-kazakhstan-1992")]["open"] == ["territory"]
    dispute = payload["acts"][0]["resolved_place"]["dispute"]
    assert (dispute["sovereign"], dispute["administrator"]) == ("UKR", "RUS")


@pytest.mark.parametrize(
    ("attacker", "target", "place", "sovereign", "administrator"),
    [
        ("UKR", "RUS", "Donetsk Oblast", "UKR", None),
        ("UKR", "RUS", "Zaporizhzhia Oblast", "UKR", None),
        ("UKR", "RUS", "Kherson Oblast", "UKR", None),
        ("GRC", "TUR", "Northern Cyprus", "CYP", None),
        ("SYR", "ISR", "Golan Heights", "SYR", "ISR"),
        ("DZA", "MAR", "Western Sahara", None, None),
        ("PAK", "IND", "Kashmir", None, None),
        ("GEO", "RUS", "Abkhazia", "GEO", None),
        ("GEO", "RUS", "South Ossetia", "GEO", None),
        ("MDA", "RUS", "Transnistria", "MDA", None),
        ("CHN", "TWN", "Kinmen", "TWN", "TWN"),
        ("CHN", "TWN", "Pratas Islands", "TWN", "TWN"),
        ("JPN", "RUS", "Kuril Islands", "RUS", "RUS"),
        ("JPN", "RUS", "Southern Kuril Islands", None, "RUS"),
    ],
)
def test_every_answer_at_disputed_land_reports_the_dispute(builtin_kb, attacker, target, place, sovereign, administrator):
    payload = answer(builtin_kb, [(attacker, target, place)])
    dispute = payload["acts"][0]["resolved_place"]["dispute"]
    assert dispute is not None
    assert (dispute["sovereign"], dispute["administrator"]) == (sovereign, administrator)


def test_at_the_golan_the_duty_to_israel_is_open_where_israel_is_not_sovereign(builtin_kb):
    from casus.engine.places import PlaceJudge
    from casus.engine.scenario import Act

    judge = PlaceJudge.default()
    status, detail = judge.territory(Act("SYR", "ISR", "Golan Heights"), dt.date(2025, 1, 1))
    assert status == "open"
    assert detail.startswith("disputed territory: Golan Heights (sovereign Syria, administered by Israel")


def test_at_the_senkakus_japan_administers_so_the_us_is_bound_and_the_dispute_is_shown(builtin_kb):
    payload = answer(builtin_kb, [("CHN", "JPN", "Senkaku Islands")])
    assert "USA" in bound(payload)
    dispute = payload["acts"][0]["resolved_place"]["dispute"]
    assert dispute["administrator"] == "JPN" and dispute["claimants"] == ["CHN", "JPN", "TWN"]


def test_at_the_southern_kurils_the_us_is_not_bound_to_defend_japan(builtin_kb):
    payload = answer(builtin_kb, [("RUS", "JPN", "Southern Kuril Islands")])
    assert "USA" not in bound(payload)
    assert ("USA", "us-japan-1960") not in conditional(payload)


def test_a_northern_attack_binds_the_us_to_defend_the_south(builtin_kb):
    payload = answer(builtin_kb, [("PRK", "KOR", None)])
    assert bound(payload) == ["USA"]
    (reason,) = [p for p in payload["sides"]["defenders"] if p["state"]["id"] == "USA"][0]["reasons"]
    assert [(c["condition"], c["status"], c.get("party")) for c in reason["conditions"]] == [
        ("place", "met", None), ("place", "met", "USA"), ("external", "met", "USA"),
    ]


def test_the_us_understanding_does_not_bind_korea(builtin_kb):
    from casus.engine.places import PlaceJudge

    payload = answer(builtin_kb, [("PRK", "USA", "Guam")])
    assert "KOR" in bound(payload)
    korea = [p for p in payload["sides"]["defenders"] if p["state"]["id"] == "KOR"][0]["reasons"][0]
    assert [c["condition"] for c in korea["conditions"]] == ["place"]
    assert PlaceJudge.default() is not None


def test_the_us_is_not_bound_for_an_attack_north_of_the_armistice_line(builtin_kb):
    payload = answer(builtin_kb, [("CHN", "KOR", "Pyongyang")])
    assert "USA" not in bound(payload)


def test_russia_need_not_stay_out_when_iran_is_the_attacker(builtin_kb):
    payload = answer(builtin_kb, [("IRN", "ISR", None)])
    assert [d for d in payload["stay_out"] if d["state"]["id"] == "RUS"] == []


def test_russia_must_give_israel_no_help_when_israel_attacks_iran(builtin_kb):
    payload = answer(builtin_kb, [("ISR", "IRN", None)])
    (duty,) = [d for d in payload["stay_out"] if d["state"]["id"] == "RUS"]
    assert (duty["toward"]["id"], duty["may_not_help"]["id"], duty["status"]) == ("IRN", "ISR", "bound")
    assert [c["condition"] for c in duty["reason"]["conditions"]] == ["victim"]


def test_an_obligation_resting_on_an_uncertain_fact_says_so(builtin_kb):
    payload = answer(builtin_kb, [("USA", "KOR", None)])
    china = [p for p in payload["sides"]["defenders"] if p["state"]["id"] == "CHN"]
    assert china == []  # China–DPRK does not cover Korea; use a case that binds
    payload = answer(builtin_kb, [("KOR", "PRK", None)])
    (reason,) = [p for p in payload["sides"]["defenders"] if p["state"]["id"] == "CHN"][0]["reasons"]
    assert reason["uncertain"] is True
    assert [b["fact"] for b in reason["basis"]] == ["treaty china-dprk-1961"]
    (russia,) = [p for p in payload["sides"]["defenders"] if p["state"]["id"] == "RUS"][0]["reasons"]
    assert (russia["uncertain"], russia["basis"]) == (False, [])


def test_an_open_condition_says_what_would_decide_it(builtin_kb):
    payload = answer(builtin_kb, [("LBR", "SLE", None)])
    duty = conditional(payload)[("NGA", "ecowas-mutual-assistance-defence-1981")]
    decision = [c for c in duty["reason"]["conditions"] if c["condition"] == "decision"][0]
    assert decision["decides"].startswith("a decision the scenario cannot know: The Authority of Heads of State decides")


def test_a_judge_asked_about_many_dates_remembers_a_bounded_number_of_answers(builtin_kb):
    """A server is asked about any date: the judge's memory of places and decisions stays within its bounds,
    and an answer it forgot is decided again, the same."""
    from casus.engine.places import PlaceJudge
    from casus.engine.scenario import Act

    default = PlaceJudge.default()
    judge = PlaceJudge(default.gazetteer, default.registry, decisions=5, places=2)
    first = judge.territory(Act("SYR", "ISR", "Golan Heights"), dt.date(2025, 1, 1))
    for day in range(1, 29):
        judge.territory(Act("SYR", "ISR", "Golan Heights"), dt.date(2024, 2, day))
        judge.resolve(Act("CHN", "JPN", f"Senkaku Islands{' ' * (day % 3)}"))
    assert len(judge._cache) == 5 and len(judge._resolved) == 2
    assert judge.territory(Act("SYR", "ISR", "Golan Heights"), dt.date(2025, 1, 1)) == first
