"""Layout is not language: no-break spaces and lines wrapped at a fixed width read as
the same article written on one line."""

import datetime as dt
import textwrap

import pytest

from casus.reader.extract import read_article
from casus.reader.inputs import Article
from casus.reader.layout import for_reading

STORY = ("Mongolia and Kazakhstan sign a defence pact\n\n"
         "Mongolia and Kazakhstan signed a mutual defence treaty in Astana on Tuesday, pledging to come to "
         "each other's aid if either is attacked, the two foreign ministries said in a joint statement.\n\n"
         "The treaty must still be ratified by the parliaments of both countries before it can enter into "
         "force, officials said, and both governments hope to complete that within the year.")


def _wrapped(text: str, width: int = 70) -> str:
    return "\n\n".join("\n".join(textwrap.wrap(p, width)) for p in text.split("\n\n"))


def _records(text: str) -> list[tuple]:
    reading = read_article(Article("x", text, dt.date(2025, 3, 13)))
    return [(a.event, sorted(p["id"] for p in a.parties), a.event_date, a.provisions) for a in reading.agreements]


def test_the_text_for_the_rules_has_the_articles_length_and_keeps_paragraph_breaks():
    wrapped = _wrapped(STORY)
    clean = for_reading(wrapped)
    assert len(clean) == len(wrapped)
    assert clean.count("\n\n") == 2
    assert "Tuesday, pledging" in clean or "Tuesday,\npledging" not in clean
    assert for_reading(STORY) == STORY  # paragraphs on one line each: nothing to undo


def test_a_story_wrapped_at_seventy_columns_reads_as_the_same_story():
    assert _records(_wrapped(STORY)) == _records(STORY) == [
        ("signed", ["KAZ", "MNG"], "2025-03-11", ["defense"])]


def test_no_break_spaces_between_words_read_as_spaces_and_the_evidence_keeps_them():
    text = STORY.replace("Mongolia and Kazakhstan signed", "Mongolia\u00a0and\u00a0Kazakhstan signed").replace(
        "on Tuesday", "on\u00a0Tuesday")
    reading = read_article(Article("x", text, dt.date(2025, 3, 13)))
    assert [(a.event, sorted(p["id"] for p in a.parties), a.event_date) for a in reading.agreements] == [
        ("signed", ["KAZ", "MNG"], "2025-03-11")]
    evidence = reading.agreements[0].evidence
    assert all(e.text == text[e.start:e.end] for e in evidence) and any("\u00a0" in e.text for e in evidence)
    assert all(m.text == text[m.start:m.end] for m in reading.mentions)


def test_short_lines_of_a_list_or_a_headline_keep_their_breaks():
    text = ("Treaty signed\nBy our correspondent\n"
            "- Peru and Chile signed a border treaty on Monday in Lima\n"
            "- Bolivia was not at the signing ceremony in the capital city\n"
            "- The Senate of Peru is expected to ratify the new treaty soon\n")
    assert for_reading(text) == text


@pytest.mark.parametrize("headline, lede", [
    ("Chile quits arms treaty with Peru", "The Chilean government withdrew from the treaty on Tuesday, officials said."),
    ("Georgia Becomes the Newest Member of the Alliance", "On Tuesday, Georgia formally joined the bloc in Moscow."),
    ("Peru has signed accords with Chile and Bolivia", "Chile and Bolivia have signed accords with Peru, the ministry said."),
    ("Kenya and Uganda sign security pact", "Ugandan and Kenyan ministers signed the pact in Nairobi on Tuesday."),
    ("Estonia hosts Baltic summit", "TALLINN, March 11 (Reuters) - Latvia and Lithuania signed an accord."),
    ("Estonia hosts Baltic summit", "TALLINN (AP) — Latvia and Lithuania signed an accord on Tuesday."),
    ("Leaders meet in Manila", "Manila, Philippines — Japan and the Philippines signed an accord on Tuesday."),
    ("Leaders meet in Hanoi", "Ho Chi Minh City, Vietnam, Sep 10 (EFE).- The two leaders signed an accord."),
])
def test_a_headline_run_into_its_lede_gets_its_line_break_back(headline, lede):
    assert for_reading(f"{headline} {lede}") == f"{headline}\n{lede}"


@pytest.mark.parametrize("sentence", [
    "Officials in Lima welcomed The Hague tribunal's ruling on the border on Tuesday.",
    "Ukraine has signed security agreements with Canada and Italy on Saturday, Kyiv said.",
    "Kenyan President William Ruto and Ugandan President Yoweri Museveni signed the pact.",
    "The treaty between Chile and Peru took effect in 1998, and Chile renewed it in 2008.",
    "Russia, Iran to sign pact Tuesday as Putin visits Tehran for talks with Iranian leaders.",
    "Arab leaders agree to form a joint Arab military force to tackle regional threats.",
    "He said the pact was signed at 7:30 AM PT – Saturday, by the ministers of both sides.",
])
def test_a_sentence_that_is_no_headline_and_lede_stays_as_it_is(sentence):
    assert for_reading(sentence) == sentence
