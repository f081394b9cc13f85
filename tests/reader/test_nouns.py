"""The agreement nouns (``data/agreement_nouns.yaml``): one vocabulary, checked on load,
from which each rule's forms are derived."""

from __future__ import annotations

import pytest
import yaml

from casus.reader import nouns
from casus.reader.parties import load_party_rules
from casus.reader.rules import load_rules


def _write(tmp_path, change):
    data = yaml.safe_load(nouns.DATA.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "agreement_nouns.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_every_rule_sees_a_noun_of_the_file():
    vocabulary = nouns.load()
    sentence = load_rules().nouns
    sides = load_party_rules().pairs.agreement_nouns
    for noun in vocabulary.nouns:
        for form in noun.forms:
            assert sentence.search(f"They signed the {form} on Monday."), form
            if noun.kind in nouns.SIDED and " " not in form and not noun.acronym:
                assert form in sides, form


def test_the_sentence_test_takes_plurals_and_any_case_but_not_other_words():
    sentence = nouns.load().sentence
    assert sentence.search("The two DEALS were signed")
    assert sentence.search("a road  map for defence")
    assert not sentence.search("the treatyless years")
    assert not sentence.search("an ideal partner")


def test_a_one_sided_text_names_no_sides():
    sides = load_party_rules().pairs.agreement_nouns
    assert "memorandum" in sides and "deals" in sides
    assert "declaration" not in sides and "roadmap" not in sides


def test_a_noun_of_an_unknown_kind_names_the_entry(tmp_path):
    path = _write(tmp_path, lambda d: d["nouns"][0].update(kind="maybe"))
    with pytest.raises(ValueError, match=r"agreement_nouns\.yaml: nouns, entry 1 \(treaty\): kind"):
        nouns.load(path)


def test_a_form_listed_twice_is_refused(tmp_path):
    path = _write(tmp_path, lambda d: d["nouns"].append({"word": "pacts", "plurals": [], "kind": "general"}))
    with pytest.raises(ValueError, match=r"'pacts' is listed twice"):
        nouns.load(path)


def test_a_capitalised_word_must_be_an_acronym(tmp_path):
    path = _write(tmp_path, lambda d: d["nouns"].append({"word": "Entente", "plurals": [], "kind": "general"}))
    with pytest.raises(ValueError, match=r"\(Entente\): a word is written in lower case"):
        nouns.load(path)


def test_a_file_of_another_schema_is_refused(tmp_path):
    path = _write(tmp_path, lambda d: d.update(schema="something.else"))
    with pytest.raises(ValueError, match="expected 'schema: casus.reader.agreement_nouns.v1'"):
        nouns.load(path)


def test_the_first_pass_keeps_a_story_told_with_each_noun():
    """The first pass keeps its own list (``prefilter.yaml``); a noun added to the
    vocabulary and forgotten there fails here."""
    from casus.reader.inputs import worth_reading

    for noun in nouns.load().nouns:
        for form in noun.forms:
            text = f"Officials said the {form} lets troops of each side train on the other's soil."
            assert worth_reading(text), form


def test_the_merged_pattern_matches_every_form_and_nothing_shorter():
    import re

    vocabulary = nouns.load()
    rx = re.compile(vocabulary.pattern(), re.I)
    for form in vocabulary.forms():
        assert rx.fullmatch(form), form
        assert not rx.fullmatch(form[:-1]) or form[:-1] in vocabulary.forms(), form
    names = re.compile(vocabulary.alternation(vocabulary.forms(names=nouns.NAMES), capitalised=True))
    assert names.fullmatch("Accords") and names.fullmatch("Treaty") and not names.fullmatch("treaty")
    assert not rx.fullmatch("sofa") and rx.fullmatch("SOFAs")
