"""Treaty areas decided on the cases in area_cases.csv (area, place, date, parties, expected)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from casus.places import default_gazetteer

CASES = list(csv.DictReader((Path(__file__).parent / "area_cases.csv").open(encoding="utf-8")))
EXPECTED = {"true": True, "false": False, "none": None}


@pytest.mark.parametrize("case", CASES, ids=[f"{c['area']}:{c['place']}:{c['date']}" for c in CASES])
def test_attack_at_place_falls_in_area_as_a_lawyer_would_read_it(case):
    gz = default_gazetteer()
    place = gz.resolve(case["place"])
    parties = frozenset(case["parties"].split("|"))
    assert gz.in_area(case["area"], place, on=case["date"], parties=parties) is EXPECTED[case["expected"]]


def test_every_area_id_of_the_data_conventions_has_a_rule():
    from casus.places.areas import RULES

    table = (Path(__file__).parents[2] / "docs" / "DATA-CONVENTIONS.md").read_text(encoding="utf-8")
    documented = {line.split("`")[1] for line in table.splitlines() if line.startswith("| `")}
    assert documented and documented <= set(RULES)


def test_an_unknown_area_cannot_be_decided():
    gz = default_gazetteer()
    assert gz.in_area("no-such-area", gz.resolve("Narva"), on="2024-01-01", parties={"EST"}) is None


def test_areas_md_names_the_territory_rule_of_every_area():
    from casus.places.areas import RULES, TERRITORY_RULE

    text = (Path(__file__).resolve().parents[2] / "src/casus/places/AREAS.md").read_text(encoding="utf-8")
    assert set(TERRITORY_RULE) == set(RULES)
    for area, rule in TERRITORY_RULE.items():
        assert f"| `{area}` | {rule}" in text or f"| `{area}` | **{rule}**" in text, area
