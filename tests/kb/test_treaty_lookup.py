"""Finding a treaty the way people name it: short names, ATOP ids, candidates, and the
well-known instruments that are not defence commitments."""

from __future__ import annotations

import pytest

from casus.errors import NotADefenceCommitmentError, UnknownTreatyError
from casus.treaties.instruments import instruments


@pytest.mark.parametrize(
    ("query", "treaty_id"),
    [
        ("Rio", "rio-treaty"),
        ("Arab League", "arab-league-jdec-1950"),
        ("Nancy", "france-poland-nancy-2025"),
        ("NATO", "nato"),
        ("3240", "us-rok-1953"),
        ("ATOP 3240", "us-rok-1953"),
        ("rio treaty", "rio-treaty"),
    ],
)
def test_a_treaty_is_found_by_its_short_name_or_atop_id(builtin_kb, query, treaty_id):
    assert builtin_kb.treaty(query).id == treaty_id


def test_an_ambiguous_short_name_lists_the_candidates(builtin_kb):
    with pytest.raises(UnknownTreatyError) as caught:
        builtin_kb.treaty("US-Japan")
    assert caught.value.suggestions == ["us-japan-1951", "us-japan-1960"]


@pytest.mark.parametrize(
    ("query", "start"),
    [
        ("Budapest Memorandum", "Memorandum on Security Assurances in connection with Ukraine's accession"),
        ("Taiwan Relations Act", "Taiwan Relations Act is not a defence commitment, because it is a United States statute"),
        ("US-Ukraine security agreement", "Bilateral Security Agreement between the United States of America and Ukraine is not"),
        ("UK-Ukraine security agreement", "Agreement on Security Co-operation between the United Kingdom and Ukraine is not"),
    ],
)
def test_a_well_known_instrument_is_not_a_defence_commitment_and_says_why(builtin_kb, query, start):
    with pytest.raises(NotADefenceCommitmentError) as caught:
        builtin_kb.treaty(query)
    assert str(caught.value).startswith(start)
    assert "is not a defence commitment, because" in str(caught.value)
    assert "(source: https://" in str(caught.value)


def test_every_instrument_names_its_parties_date_and_source():
    for record in instruments():
        assert record["parties"] and record["signed"] and record["source"]["url"].startswith("https://")
