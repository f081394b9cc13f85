"""The agreement extractor on gold sentences of our own, with spaCy's blank English
tokenizer and the data-file patterns (no trained model needed)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from casus.reader.extract import read_article
from casus.reader.inputs import Article
from casus.reader.nlp import load

CASES = yaml.safe_load((Path(__file__).parent / "reading_cases.yaml").read_text())["cases"]


def read(text: str, published: str | None = None, model: bool = False):
    """Read with the blank tokenizer, or with the real model (``model``: the cases that
    need the dependency parse)."""
    day = dt.date.fromisoformat(published) if published else None
    return read_article(Article(id="t", text=text, published=day), nlp=load(blank=not model))


def _order(row):
    """Sortable: an undated record before a dated one of the same parties and event."""
    parties, event, date, defense = row
    return parties, event, date or "", defense


def summary(reading):
    return sorted(
        ((sorted(p["id"] for p in a.parties), a.event, a.event_date, "defense" in a.provisions)
         for a in reading.agreements), key=_order)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_gold_sentences(case):
    published = str(case["published"]) if case.get("published") else None
    reading = read(case["text"], published, model=bool(case.get("model")))
    if case.get("none"):
        assert reading.agreements == []
    else:
        expected = sorted(((sorted(p), e, str(d) if d else None, bool(f)) for p, e, d, f in case["expect"]),
                          key=_order)
        assert summary(reading) == expected


def test_evidence_spans_are_exact():
    text = "Brazil and Argentina signed a mutual defence treaty on Monday in Brasilia."
    reading = read(text, "2025-03-10")
    for agreement in reading.agreements:
        for ev in agreement.evidence:
            assert text[ev.start:ev.end] == ev.text


def test_denied_clause_is_kept_as_negated():
    reading = read("Egypt and Kenya signed an accord on Monday. The accord has no mutual-defence clause.",
                   "2025-01-20")
    (agreement,) = reading.agreements
    assert "defense" not in agreement.provisions
    assert "defense" in agreement.negated_provisions


@pytest.mark.parametrize("phrase", [
    "provides for mutual assistance in case of aggression against either party",
    "states that an attack on one member is an attack on all",
    "says aggression against either shall be considered aggression against both",
    "commits each to defend the other",
])
def test_defence_paraphrases(phrase):
    reading = read(f"Chile and Peru signed a treaty on Monday. The treaty {phrase}.", "2025-01-20")
    (agreement,) = reading.agreements
    assert "defense" in agreement.provisions


@pytest.mark.parametrize("phrase", [
    "does not provide for military assistance",
    "contains no mutual-defence clause",
    "could one day include mutual assistance",
])
def test_denied_or_hedged_defence_is_not_a_provision(phrase):
    reading = read(f"Chile and Peru signed a treaty on Monday. The treaty {phrase}.", "2025-01-20")
    (agreement,) = reading.agreements
    assert "defense" not in agreement.provisions


def test_a_visit_is_not_an_agreement():
    reading = read("Last year the Chilean president travelled to Peru and discussed trade.", "2025-01-20")
    assert reading.agreements == []
    assert [(v["visitor"], v["host"]) for v in reading.visits] == [("CHL", "PER")]


def test_place_names_are_not_parties():
    reading = read("Brazil and Argentina signed a naval pact on Monday after a collision in the South China Sea.",
                   "2025-03-10")
    (agreement,) = reading.agreements
    assert sorted(p["id"] for p in agreement.parties) == ["ARG", "BRA"]


def test_passing_mention_of_an_old_treaty():
    reading = read("Canada said it would stand by Norway under a 1949 treaty after the incident.", "2025-03-10")
    (agreement,) = reading.agreements
    assert agreement.event == "mentioned"
    assert sorted(p["id"] for p in agreement.parties) == ["CAN", "NOR"]


def test_leaders_are_mentions_and_speakers(monkeypatch):
    from casus.reader import mentions

    leaders = [mentions.Leader("RUS", "Vladimir Putin", "Putin", (), dt.date(2012, 5, 7), None),
               mentions.Leader("PRK", "Kim Jong Un", "Kim", ("Kim Jong-un",), dt.date(2011, 12, 17), None)]
    monkeypatch.setattr(mentions, "load_leaders", lambda path=None: leaders)
    mentions.finder_for.cache_clear()
    try:
        text = ("Kim told Putin on Wednesday that the two had signed a treaty. \"The treaty gives mutual "
                "assistance in case of aggression,\" Putin said. Kim had visited Russia in September 2023.")
        reading = read(text, "2024-06-19")
    finally:
        mentions.finder_for.cache_clear()
    (agreement,) = reading.agreements
    assert sorted(p["id"] for p in agreement.parties) == ["PRK", "RUS"]
    assert agreement.event_date == "2024-06-19" and "defense" in agreement.provisions
    assert [(q["speaker"], q["state"]) for q in reading.quotes] == [("Vladimir Putin", "RUS")]
    assert [(v["visitor"], v["person"], v["host"]) for v in reading.visits] == [("PRK", "Kim Jong Un", "RUS")]


def test_first_pass_skips_ordinary_news():
    article = Article(id="t", text="The home side won the cup final in extra time after a late equaliser.")
    reading = read_article(article, nlp=load(blank=True), first_pass=True)
    assert reading.article["skipped"] is True and reading.agreements == []
