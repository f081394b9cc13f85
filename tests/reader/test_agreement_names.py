"""The names the reader gives agreements (``extract._NAME``), on sentences of our own."""

from __future__ import annotations

import datetime as dt

from casus.reader.extract import read_article
from casus.reader.inputs import Article
from casus.reader.nlp import load


def _names(text: str) -> list[str | None]:
    article = Article(id="t", text=text, published=dt.date(2024, 5, 1))
    return [a.name for a in read_article(article, nlp=load(blank=True)).agreements]


def test_a_name_that_begins_with_its_kind_is_the_agreements_name():
    assert _names("India and Nepal signed the Treaty of Peace and Friendship on Monday.") == [
        "Treaty of Peace and Friendship"]


def test_a_name_with_a_word_before_its_kind_is_read_as_before():
    assert _names("India and Nepal signed the Kathmandu Border Agreement on Monday.") == [
        "Kathmandu Border Agreement"]


def test_an_abbreviation_defined_after_such_a_name_stands_for_it():
    # the signing and the ratification: two records of one agreement, both named
    assert _names("India and Nepal signed the Treaty of Peace and Friendship (TPF) on Monday. "
                  "Nepal ratified the TPF on Tuesday.") == ["Treaty of Peace and Friendship"] * 2


def test_a_name_whose_kind_is_plural_keeps_it():
    assert _names("Kenya and Ethiopia signed the Nairobi Accords on Monday.") == ["Nairobi Accords"]


def test_a_name_does_not_run_from_a_headline_into_the_paragraph_after_it():
    # the headline ends in a capitalised word, the story opens with one: no name spans both
    assert _names("India and Nepal sign pact — PTI\n\nTHE Border Agreement (BA) between India and Nepal "
                  "was signed on Monday.") == ["THE Border Agreement"]
