"""The vocabulary of ``data/parties.yaml``: loaded as data, and a broken file names itself
and the key at fault."""

from __future__ import annotations

import pytest

from casus.reader.parties import DATA, load_party_rules


def test_the_shipped_vocabulary_reads_memoranda_and_lists_of_others():
    rules = load_party_rules()
    assert {"memorandum", "treaties", "accord"} <= rules.pairs.agreement_nouns
    assert "like" in rules.pairs.others_cues
    assert "countries" in rules.pairs.pair_words


def test_a_missing_key_names_the_file_and_the_key(changed_copy):
    path = changed_copy(DATA, lambda d: d.pop("pair_words"))
    with pytest.raises(ValueError, match=r"parties\.yaml: missing key 'pair_words'"):
        load_party_rules(path)


def test_a_list_that_is_not_words_names_the_key(changed_copy):
    path = changed_copy(DATA, lambda d: d.update(others_cues={"like": 1}))
    with pytest.raises(ValueError, match=r"parties\.yaml: others_cues: expected a list of words"):
        load_party_rules(path)


def test_a_file_of_another_schema_is_refused(changed_copy):
    path = changed_copy(DATA, lambda d: d.update(schema="something.else"))
    with pytest.raises(ValueError, match="expected 'schema: casus.reader.parties.v1'"):
        load_party_rules(path)


def test_a_broken_elided_agreement_pattern_names_the_file(changed_copy):
    path = changed_copy(DATA, lambda d: d.update(elided_agreement="(another"))
    with pytest.raises(ValueError, match=r"parties\.yaml: bad pattern"):
        load_party_rules(path)


def test_a_follower_cue_the_reader_does_not_know_names_the_file_and_the_cue(changed_copy):
    path = changed_copy(DATA, lambda d: d["followers"].update(after="x"))
    with pytest.raises(ValueError, match=r"parties\.yaml: followers: .*'after'"):
        load_party_rules(path)


def test_holding_verbs_are_every_form_of_the_verb():
    assert {"have", "has", "shares", "maintained", "held"} <= load_party_rules().pairs.holding_verbs


@pytest.mark.parametrize("phrase,expected", [
    ("the two defence ministers", True), ("both foreign ministers", True), ("the ministers", True),
    ("the two presidents", True), ("the minister", False), ("two ministers", False),
    ("the two countries' very senior defence ministers", False), ("the two ships", False)])
def test_officials_standing_for_the_states_named_before(phrase, expected):
    from casus.reader.parties import load_party_rules, officials_for_states

    assert officials_for_states(phrase, load_party_rules()) is expected
