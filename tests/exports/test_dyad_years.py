"""Dyad-year tables on small records written for these tests (see conftest.py)."""

from __future__ import annotations

import pytest

from casus.errors import InvalidArgumentError
from casus.exports import COLUMNS, dyad_years

N = None  # missing: outside every selected source's coverage


def rows(table, *, provenance=False):
    frame = table.frame
    assert frame.columns == COLUMNS
    columns = COLUMNS if provenance else COLUMNS[:8]
    return [tuple(row) for row in frame.select(columns).iter_rows()]


def test_directed_rows_follow_memberships_articles_and_suspensions(test_store):
    table = dyad_years(test_store, 1950, 1956, source="alpha")
    assert rows(table) == [
        # ccode1, ccode2, year, defense, offense, neutral, nonagg, consul
        (210, 211, 1952, 1, 0, 0, 0, 0),  # NLD joins 1952-03-01
        (210, 211, 1953, 1, 0, 0, 0, 1),  # consultation from 1953-01-01
        (210, 211, 1954, 1, 0, 0, 0, 1),  # the pact ends 1955-01-01 (exclusive)
        (210, 220, 1952, 1, 0, 0, 0, 0),
        (210, 220, 1953, 1, 0, 0, 0, 1),
        (210, 220, 1954, 1, 0, 0, 0, 1),
        (211, 210, 1952, 1, 0, 0, 0, 0),
        (211, 210, 1953, 1, 0, 0, 0, 1),
        (211, 210, 1954, 1, 0, 0, 0, 1),
        (211, 220, 1950, 1, 0, 0, 0, 0),
        (211, 220, 1951, 0, 0, 0, 0, 0),  # suspended all 1951; still allies
        (211, 220, 1952, 1, 0, 0, 0, 0),
        (211, 220, 1953, 1, 0, 0, 0, 1),
        (211, 220, 1954, 1, 0, 0, 0, 1),
        (211, 220, 1955, 0, 0, 0, 0, 0),  # allied by the guarantee, which binds only France
        (211, 220, 1956, 0, 0, 0, 0, 0),
        (220, 210, 1952, 1, 0, 0, 0, 0),
        (220, 210, 1953, 1, 0, 0, 0, 1),
        (220, 210, 1954, 1, 0, 0, 0, 1),
        (220, 211, 1950, 1, 0, 0, 0, 0),
        (220, 211, 1951, 1, 0, 0, 0, 0),
        (220, 211, 1952, 1, 0, 0, 0, 0),
        (220, 211, 1953, 1, 0, 0, 0, 1),
        (220, 211, 1954, 1, 0, 0, 0, 1),
        (220, 211, 1955, 1, 0, 0, 0, 0),
        (220, 211, 1956, 1, 0, 0, 0, 0),
    ]


def test_each_row_names_its_sources_and_treaties(test_store):
    table = dyad_years(test_store, 1950, 1956, source="alpha")
    france_belgium = [r for r in rows(table, provenance=True) if r[:2] == (220, 211)]
    assert [(r[2], r[8], r[9]) for r in france_belgium] == [
        (1950, "alpha", "pact"),
        *[(year, "alpha", "guarantee;pact") for year in (1951, 1952, 1953, 1954)],
        (1955, "alpha", "guarantee"),
        (1956, "alpha", "guarantee"),
    ]


def test_undirected_rows_count_a_pledge_in_either_direction(test_store):
    table = dyad_years(test_store, 1950, 1956, directed=False, source="alpha")
    assert rows(table) == [
        (210, 211, 1952, 1, 0, 0, 0, 0),
        (210, 211, 1953, 1, 0, 0, 0, 1),
        (210, 211, 1954, 1, 0, 0, 0, 1),
        (210, 220, 1952, 1, 0, 0, 0, 0),
        (210, 220, 1953, 1, 0, 0, 0, 1),
        (210, 220, 1954, 1, 0, 0, 0, 1),
        (211, 220, 1950, 1, 0, 0, 0, 0),
        (211, 220, 1951, 1, 0, 0, 0, 0),  # France still pledged while Belgium's duty was suspended
        (211, 220, 1952, 1, 0, 0, 0, 0),
        (211, 220, 1953, 1, 0, 0, 0, 1),
        (211, 220, 1954, 1, 0, 0, 0, 1),
        (211, 220, 1955, 1, 0, 0, 0, 0),  # France's one-way guarantee
        (211, 220, 1956, 1, 0, 0, 0, 0),
    ]


def test_the_atop_rule_counts_the_day_a_span_ends(test_store):
    """The pact ends 1955-01-01: ATOP's dyad-year file counts 1955, the any-day rule does not."""
    any_day = {r[:3] for r in rows(dyad_years(test_store, 1954, 1955, source="alpha"))}
    atop = {r[:3] for r in rows(dyad_years(test_store, 1954, 1955, source="alpha", year_rule="atop"))}
    assert atop - any_day == {(210, 211, 1955), (210, 220, 1955), (211, 210, 1955), (220, 210, 1955)}


def test_all_dyads_adds_every_system_pair_and_leaves_uncovered_years_missing(test_store):
    table = dyad_years(test_store, 1908, 1911, source="all", all_dyads=True)
    by_key = {r[:3]: r[3:] for r in rows(table)}
    assert by_key[(2, 200, 1909)] == (0, 0, 0, 1, 0)  # beta's treaty, within its derived coverage
    assert by_key[(2, 200, 1910)] == (N, N, N, N, N)  # no selected source covers 1910
    assert by_key[(2, 220, 1909)] == (0, 0, 0, 0, 0)  # covered, no pledge: a real 0
    assert by_key[(2, 220, 1910)] == (N, N, N, N, N)
    assert (20, 2, 1909) not in by_key  # Canada joins the system in 1920
    assert len({(a, b) for a, b, _ in by_key}) == table.frame.filter(table.frame["year"] == 1909).height


def test_coverage_missing_from_the_store_is_derived_and_said(test_store):
    table = dyad_years(test_store, 1900, 1912, source="beta")
    coverage = {c.source: c for c in table.coverage}
    assert (coverage["beta"].years(), coverage["beta"].derived) == ((1900, 1909), True)
    assert table.notes == ("beta: no coverage recorded in the store; derived from its records as 1900-01-01..1909-12-31",)


def test_a_pledge_outside_coverage_is_kept_and_its_zeros_are_missing(test_store):
    table = dyad_years(test_store, 1999, 2001, source="gamma")
    assert rows(table) == [
        (2, 200, 1999, 1, N, N, N, N),  # gamma covers only 2000: its pledge stands, the rest is unknown
        (2, 200, 2000, 1, 0, 0, 0, 0),
        (2, 200, 2001, 1, N, N, N, N),
        (200, 2, 1999, N, N, N, N, N),
        (200, 2, 2000, 0, 0, 0, 0, 0),
        (200, 2, 2001, N, N, N, N, N),
    ]


def test_sources_can_be_combined_and_are_named(test_store):
    table = dyad_years(test_store, 1909, 1999, source="beta,gamma")
    assert table.sources == ("beta", "gamma")
    assert {(r[0], r[1], r[2], r[8]) for r in rows(table, provenance=True)} == {
        (2, 200, 1909, "beta"), (200, 2, 1909, "beta"), (2, 200, 1999, "gamma"), (200, 2, 1999, "gamma"),
    }


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"start": 1960, "end": 1950}, "start: the first year 1960 is after the last year 1950"),
        ({"start": 1700, "end": 1950}, "start: 1700 is not a year"),
        ({"start": 1950, "end": 1960, "source": "nope"}, "no dataset 'nope'"),
        ({"start": 1950, "end": 1960, "year_rule": "some"}, "year_rule: 'some' is not one of"),
    ],
)
def test_bad_arguments_are_reported(test_store, kwargs, message):
    with pytest.raises(InvalidArgumentError, match=message):
        dyad_years(test_store, **kwargs)
