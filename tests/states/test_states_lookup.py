"""Finding a state by any name, code, alias or number, on a date or not."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from casus.errors import AmbiguousStateError, InvalidArgumentError, UnknownStateError
from casus.states import default_registry, normalize

HERE = Path(__file__).parent
REG = default_registry()


def _cases() -> list:
    with (HERE / "lookup_cases.csv").open(encoding="utf-8", newline="") as handle:
        return [
            pytest.param(row["expected"], row["input"], row["on"] or None, id=f"{row['input']}@{row['on'] or 'any'}")
            for row in csv.DictReader(handle)
        ]


def _should_not_match() -> list[str]:
    lines = (HERE / "should_not_match.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize(("expected", "text", "on"), _cases())
def test_lookup_finds_the_expected_state(expected, text, on):
    assert REG.lookup(text, on=on).id == expected


@pytest.mark.parametrize("text", _should_not_match())
def test_real_strings_that_are_not_states_are_unknown(text):
    with pytest.raises(UnknownStateError):
        REG.lookup(text)


def test_korea_is_ambiguous_between_both_koreas_and_the_korean_empire():
    with pytest.raises(AmbiguousStateError) as caught:
        REG.lookup("Korea")
    assert caught.value.candidates == [
        "KRE (Korean Empire, 1887–1905)",
        "PRK (North Korea, 1948–)",
        "KOR (South Korea, 1949–)",
    ]


def test_korea_in_1960_is_ambiguous_between_the_two_koreas_only():
    with pytest.raises(AmbiguousStateError) as caught:
        REG.lookup("Korea", on=dt.date(1960, 1, 1))
    assert [c[:3] for c in caught.value.candidates] == ["PRK", "KOR"]


def test_congo_is_ambiguous_between_brazzaville_and_kinshasa():
    with pytest.raises(AmbiguousStateError) as caught:
        REG.lookup("Congo")
    assert caught.value.candidates == ["COG (Republic of the Congo, 1960–)", "COD (DR Congo, 1960–)"]


def test_ambiguity_on_a_date_shows_the_names_of_that_date():
    with pytest.raises(AmbiguousStateError) as caught:
        REG.lookup("Congo", on="1980-01-01")
    assert caught.value.candidates == ["COG (Republic of the Congo, 1960–)", "COD (Zaire, 1960–)"]


def test_vietnam_during_the_war_is_ambiguous_but_today_means_vietnam():
    with pytest.raises(AmbiguousStateError):
        REG.lookup("Vietnam", on="1965-01-01")
    assert REG.lookup("Vietnam").id == "VNM"


def test_germany_means_west_germany_in_1980_and_germany_otherwise():
    assert REG.lookup("Germany", on=dt.date(1980, 1, 1)).id == "GFR"
    assert REG.lookup("Germany", on=dt.date(1914, 8, 1)).id == "DEU"
    assert REG.lookup("Germany").id == "DEU"


def test_germany_under_occupation_is_unknown_and_suggests_both_germanies():
    with pytest.raises(UnknownStateError) as caught:
        REG.lookup("Germany", on="1950-01-01")
    assert caught.value.suggestions[:2] == ["DEU (Germany, 1816–1945, 1990–)", "GFR (West Germany, 1955–1990)"]
    assert "on 1950-01-01" in str(caught.value)


def test_a_former_name_on_a_later_date_is_unknown_and_suggests_its_state():
    with pytest.raises(UnknownStateError) as caught:
        REG.lookup("Zaire", on="2020-01-01")
    assert caught.value.suggestions == ["COD (DR Congo, 1960–)"]


def test_a_misspelling_suggests_close_names():
    with pytest.raises(UnknownStateError) as caught:
        REG.lookup("Nort Korea")
    assert caught.value.suggestions[0] == "North Korea (PRK)"
    assert len(caught.value.suggestions) <= 5


def test_iso_code_beats_cow_abbreviation():
    # AUS is Australia's ISO code and Austria's COW abbreviation.
    assert REG.lookup("AUS").id == "AUS"
    assert REG.lookup("aus").name == "Australia"


def test_cow_abbreviation_is_used_when_the_iso_state_did_not_exist_then():
    assert REG.lookup("CZE", on="1980-01-01").id == "CSK"
    assert REG.lookup("CZE").id == "CZE"


def test_cow_and_gw_numbers_find_their_state():
    assert REG.lookup("365").id == "RUS"
    assert REG.lookup(" 260 ").id == "GFR"


def test_a_dated_alias_does_not_match_outside_its_dates():
    with pytest.raises(UnknownStateError):
        REG.lookup("Soviet", on="2000-01-01")
    assert REG.lookup("Soviet").id == "RUS"


def test_a_state_that_did_not_exist_on_the_date_is_not_found():
    with pytest.raises(UnknownStateError):
        REG.lookup("North Korea", on="1900-01-01")


def test_candidates_lists_every_state_a_name_may_mean():
    assert [s.id for s in REG.candidates("Congo")] == ["COG", "COD"]
    assert [s.id for s in REG.candidates("Germany")] == ["DEU", "GFR"]
    assert [s.id for s in REG.candidates("Germany", on="1980-01-01")] == ["GFR"]
    assert REG.candidates("Mexico City") == []


def test_lookup_accepts_dates_and_iso_strings_but_not_nonsense():
    assert REG.lookup("Germany", on="1980-01-01") == REG.lookup("Germany", on=dt.date(1980, 1, 1))
    assert REG.lookup("Germany", on=dt.datetime(1980, 1, 1, 12)).id == "GFR"
    with pytest.raises(InvalidArgumentError):
        REG.lookup("Germany", on="1st of May")


def test_empty_input_is_unknown():
    with pytest.raises(UnknownStateError):
        REG.lookup("  ")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("U.S.", "us"),
        ("Côte d’Ivoire", "cote d'ivoire"),
        ("Côte d’Ivoire", "Cote dIvoire"),
        ("the Gambia", "Gambia"),
        ("Saint Lucia", "St. Lucia"),
        ("Guinea-Bissau", "guinea  bissau"),
        ("Antigua & Barbuda", "Antigua and Barbuda"),
        ("TÜRKIYE", "turkiye"),
        ("Nukuʻalofa", "Nuku'alofa"),
    ],
)
def test_spelling_variants_normalise_to_the_same_key(a, b):
    assert normalize(a) == normalize(b)


def test_normalising_keeps_a_lone_the():
    assert normalize("The") == "the"
