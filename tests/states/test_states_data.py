"""Invariants of the shipped state data, and its agreement with COW and GW."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pycountry
import pytest

from casus.errors import AmbiguousStateError
from casus.states import default_registry, normalize

REG = default_registry()
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "peacesciencer"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (COW and GW reference copies) is absent")

# Names that mean several states at once, on purpose: the lookup must say so.
AMBIGUOUS_BY_DESIGN = {"congo", "congolese", "dominican", "hessian", "korea", "korean", "vietnam", "vietnamese"}

# docs/DATA-CONVENTIONS.md, "State identifiers".
CONVENTIONS = {365: "RUS", 255: "DEU", 260: "GFR", 265: "DDR", 315: "CSK", 345: "SRB", 678: "YAR",
               679: "YEM", 680: "YMD", 710: "CHN", 713: "TWN", 816: "VNM", 817: "RVN"}


def _keys(state):
    """Every name of a state with the period it is valid: (text, from, to)."""
    yield state.name, None, None
    yield state.demonym, None, None
    for entry in state.names:
        yield entry.name, entry.valid_from, entry.valid_to
    for alias in state.aliases:
        yield alias.text, alias.valid_from, alias.valid_to


def _first_valid_day(state, start, end):
    """The first day the state existed and the name was valid, or None."""
    for span_from, span_to in state.spans:
        low = max(span_from, start or span_from)
        highs = [d for d in (span_to, end) if d is not None]
        if not highs or low < min(highs):
            return low
    return None


def _named_keys():
    return [
        pytest.param(state.id, text, start, end, id=f"{state.id}:{text}")
        for state in REG.all() for text, start, end in _keys(state)
    ]


def test_ids_follow_the_data_conventions():
    for cow, state_id in CONVENTIONS.items():
        assert REG.by_cow(cow).id == state_id


def test_a_state_existing_today_is_named_by_its_iso3_code():
    for state in REG.all():
        if state.exists_today and state.id != "XKX":  # Kosovo has no ISO code
            assert state.id == state.iso3, state


def test_no_extinct_state_takes_a_current_iso3_code():
    current = {country.alpha_3 for country in pycountry.countries}
    extinct = [state.id for state in REG.all() if not state.exists_today]
    assert not current & set(extinct)
    assert sorted(extinct) == sorted([
        "AUH", "BAD", "BAV", "CSK", "DDR", "GFR", "HAN", "HSE", "HSG", "KRE", "MEC",
        "MOD", "PAP", "PMA", "RVN", "SAX", "SIC", "TUS", "WRT", "YAR", "YMD", "ZAN",
    ])


def test_every_current_iso_country_that_is_a_cow_state_is_found_by_code_and_iso_names():
    ours = {state.iso3 for state in REG.all() if state.exists_today}
    for country in pycountry.countries:
        if country.alpha_3 not in ours:
            continue
        for text in (country.alpha_3, country.alpha_2, country.name, getattr(country, "official_name", None),
                     getattr(country, "common_name", None)):
            if text and normalize(text) not in AMBIGUOUS_BY_DESIGN:
                assert REG.lookup(text).iso3 == country.alpha_3, text


def test_spans_are_ordered_and_do_not_overlap():
    for state in REG.all():
        for (_, end), (start, _) in zip(state.spans, state.spans[1:]):
            assert end is not None and end <= start, state.id
        assert all(end is None or start < end for start, end in state.spans)


def test_historical_names_fall_within_the_life_of_their_state():
    for state in REG.all():
        born, died = state.spans[0][0], state.spans[-1][1]
        for entry in state.names:
            assert born <= entry.valid_from, (state.id, entry.name)
            assert died is None or (entry.valid_to is not None and entry.valid_to <= died), (state.id, entry.name)


@pytest.mark.parametrize(("state_id", "text", "start", "end"), _named_keys())
def test_every_name_and_alias_finds_its_own_state_when_valid(state_id, text, start, end):
    state = REG.get(state_id)
    day = _first_valid_day(state, start, end)
    assert day is not None, "never valid while the state existed"
    try:
        assert REG.lookup(text, on=day).id == state_id
    except AmbiguousStateError as error:
        assert normalize(text) in AMBIGUOUS_BY_DESIGN
        assert any(candidate.startswith(state_id + " ") for candidate in error.candidates)


@pytest.mark.parametrize(("state_id", "text", "start", "end"), _named_keys())
def test_without_a_date_a_name_finds_its_state_or_the_one_using_it_today(state_id, text, start, end):
    state = REG.get(state_id)
    try:
        found = REG.lookup(text)
    except AmbiguousStateError:
        assert normalize(text) in AMBIGUOUS_BY_DESIGN
        return
    if found.id != state_id:
        # Only allowed when this state (or this name of it) is not in use today.
        today = dt.date.today()
        valid_today = state.existed_on(today) and (start is None or start <= today) and (end is None or today < end)
        assert not valid_today and found.exists_today, (text, found.id)


def test_aliases_name_no_organisation():
    for state in REG.all():
        assert not {"nato", "eu", "european union", "un"} & {normalize(a.text) for a in state.aliases}


@needs_shared
def test_every_cow_state_has_exactly_one_row_with_its_cow_spans():
    expected: dict[int, tuple[str, list]] = {}
    with (SHARED / "cow_states.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            start = dt.date(int(row["styear"]), int(row["stmonth"]), int(row["stday"]))
            last = dt.date(int(row["endyear"]), int(row["endmonth"]), int(row["endday"]))
            # COW's end day is inclusive and 2016-12-31 is its cut-off, not an end.
            end = None if last == dt.date(2016, 12, 31) else last + dt.timedelta(days=1)
            expected.setdefault(int(row["ccode"]), (row["stateabb"], []))[1].append((start, end))
    assert sorted(s.cow for s in REG.all()) == sorted(expected)
    for cow, (abbreviation, spans) in expected.items():
        state = REG.by_cow(cow)
        assert state.cow_abb == abbreviation
        assert list(state.spans) == spans, state.id


@needs_shared
def test_gw_code_is_given_exactly_for_states_in_the_gw_list():
    with (SHARED / "gw_states.csv").open(encoding="utf-8", newline="") as handle:
        gw_codes = {int(row["gwcode"]) for row in csv.DictReader(handle)}
    for state in REG.all():
        assert (state.gw is not None) == (state.cow in gw_codes), state.id
        assert state.gw is None or state.gw in gw_codes
