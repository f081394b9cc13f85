"""The everyday words of ``data/clause_words.yaml``: what they make of a state's
neighbourhood, and a broken file names itself and the key at fault."""

from __future__ import annotations

import pytest

from casus.reader.clause_words import DATA, load


@pytest.mark.parametrize("before,place", [
    ("troops stationed in ", True), ("amid the ", True), ("a pact signed on ", True),
    ("signed with ", False), ("a treaty between ", False), ("Poland and ", False)])
def test_a_state_after_a_preposition_of_place_is_a_place(before, place):
    assert bool(load().place_before.search(before)) is place


@pytest.mark.parametrize("after,government", [
    (" counterpart said", True), (" authorities", True), (" armed forces", True), (" state media", True),
    (" presidential palace", True), (" senate approved", True), (" negotiators", True), (" ships shadowed", False),
    (" diplomatic row", False), (" statement", False), (" fishermen", False)])
def test_a_demonym_before_a_word_of_government_is_the_government(after, government):
    assert bool(load().government.match(after)) is government


def test_a_state_joined_to_a_participle_of_sponsoring_sponsors():
    words = load()
    assert words.sponsored.match("-brokered truce") and words.sponsored.match("-led bloc")
    assert not words.sponsored.match("-based analyst")


def test_an_organisation_cited_as_legal_basis_is_only_cited():
    cited = load().cited
    assert cited.search("acted under the ") and cited.search("in line with Article 51 of the ")
    assert not cited.search("signed with the ")


def test_an_organisation_told_of_a_withdrawal_from_another_treaty_is_only_told():
    told = load().told_of_another
    assert told.match(" of their withdrawal from the Ottawa Convention")
    assert told.match(" of its decision to leave the Treaty")
    assert not told.match(" of the decision.")


def test_an_announced_act_on_membership():
    act = load().membership_act_after
    assert act.match(" that they would withdraw from ECOWAS").group().endswith("withdraw")
    assert act.match(" plans to pull out of the bloc")
    assert not act.match(" a new treaty with Iran")


def test_the_words_of_a_visit():
    visit = load().visit
    assert [m.group() for m in visit.finditer("Kim travelled to Moscow; Putin visited Pyongyang")] == [
        "travelled to", "visited"]
    assert not visit.search("the visitors' centre")


@pytest.mark.parametrize("change,message", [
    (lambda d: d.pop("place_words"), r"clause_words\.yaml: missing key 'place_words'"),
    (lambda d: d.update(visit_words=[]), r"clause_words\.yaml: visit_words: expected a non-empty list of words"),
    (lambda d: d.update(schema="something.else"), r"expected 'schema: casus\.reader\.clause_words\.v1'"),
    (lambda d: d.update(government_prefixes=["(counterpart"]), r"clause_words\.yaml: bad pattern"),
], ids=["missing key", "empty list", "other schema", "broken pattern"])
def test_a_broken_file_names_itself_and_what_is_wrong(changed_copy, change, message):
    with pytest.raises(ValueError, match=message):
        load(changed_copy(DATA, change))


def test_a_file_that_is_not_yaml_names_itself(tmp_path):
    path = tmp_path / "clause_words.yaml"
    path.write_text("schema: [unclosed", encoding="utf-8")
    with pytest.raises(ValueError, match=r"clause_words\.yaml: not YAML"):
        load(path)
