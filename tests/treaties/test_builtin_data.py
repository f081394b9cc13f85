"""Invariants of the built-in treaty set: sourced, ordered, consistent with the states."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest

from casus.states import default_registry
from casus.treaties.loader import builtin_files, builtin_treaties

TREATIES = builtin_treaties()
IDS = [t.id for t in TREATIES]


def test_every_builtin_file_loads_and_checks_against_the_states():
    assert len(TREATIES) == len(builtin_files())


@pytest.mark.parametrize(
    "treaty_id",
    [
        "nato", "teu-42-7", "csto", "rio-treaty", "arab-league-jdec-1950", "gcc-joint-defence-2000", "anzus",
        "manila-pact", "fpda", "liptako-gourma-charter-2023", "us-japan-1960", "us-rok-1953",
        "us-philippines-1951", "china-dprk-1961", "russia-dprk-2024", "russia-belarus-security-guarantees-2024",
        "russia-armenia-1997", "turkey-azerbaijan-shusha-2021", "saudi-pakistan-smda-2025",
        "greece-france-2021", "france-poland-nancy-2025", "russia-iran-2025", "us-roc-1954",
        "sino-soviet-1950", "ussr-dprk-1961", "warsaw-pact",
    ],
)
def test_the_treaties_users_ask_about_first_are_built_in(treaty_id):
    assert treaty_id in IDS


@pytest.mark.parametrize("treaty", TREATIES, ids=IDS)
def test_every_record_names_an_official_source(treaty):
    sources = [treaty.source] + [o.source for o in treaty.obligations] + [s.source for s in treaty.suspensions]
    assert all(s.url.startswith(("https://", "http://")) for s in sources)
    assert all(o.source.article for o in treaty.obligations), "every obligation names its article"
    for member in treaty.members:
        if member.joined or member.left:
            assert member.source is not None, f"{member.state}: a membership date needs its own source"


@pytest.mark.parametrize("treaty", TREATIES, ids=IDS)
def test_membership_dates_are_ordered_within_the_treatys_life(treaty):
    for member in treaty.members:
        start = treaty.membership_start(member)
        if start and treaty.in_force:
            assert start >= treaty.in_force, f"{member.state} bound before the treaty entered into force"
        if member.left and treaty.ended:
            assert member.left <= treaty.ended, f"{member.state} left after the treaty ended"
        if member.signed and treaty.signed and treaty.in_force and start:
            assert member.signed <= start, f"{member.state} bound before it signed"


@pytest.mark.parametrize("treaty", TREATIES, ids=IDS)
def test_no_state_holds_two_overlapping_memberships(treaty):
    spans = defaultdict(list)
    for member in treaty.members:
        spans[member.state].append((treaty.membership_start(member) or dt.date.max, member.left or dt.date.max))
    for state, periods in spans.items():
        periods.sort()
        for (_, end), (start, _) in zip(periods, periods[1:]):
            assert end <= start, f"{state} has overlapping memberships"


@pytest.mark.parametrize("treaty", TREATIES, ids=IDS)
def test_every_party_exists_for_as_long_as_it_is_bound(treaty):
    registry = default_registry()
    for member in treaty.members:
        start = treaty.membership_start(member)
        if start is None:
            continue
        state = registry.get(member.state)
        ends = [d for d in (member.left, treaty.ended) if d]
        last_day = min(ends) - dt.timedelta(days=1) if ends else dt.date(2026, 1, 1)
        assert state.existed_on(start), f"{member.state} did not exist on {start}"
        assert state.existed_on(last_day), f"{member.state} is still bound on {last_day} but no longer exists"


@pytest.mark.parametrize("treaty", TREATIES, ids=IDS)
def test_summaries_are_single_sentences_in_our_own_words(treaty):
    for obligation in treaty.obligations:
        summary = obligation.summary
        assert "\n" not in summary.strip() and summary.endswith(".") and len(summary) <= 320


def test_no_built_in_condition_is_left_as_an_undecidable_other():
    """Understandings and reservations are encoded as the conditions they are (the US–ROK Art. III
    understanding: ROK-administered territory, an external attack): none is a bare ``other``."""
    left = [(t.id, o.article, o.conditions.other) for t in builtin_treaties() for o in t.obligations
            if o.conditions.other or any(r.conditions.other for r in o.conditions.reservations)]
    assert left == []
