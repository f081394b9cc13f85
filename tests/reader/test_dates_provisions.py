"""How the reader dates events and decides provisions, on sentences of our own
(``dates_provisions_cases.yaml``), and where the provisions' evidence is."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.reader.test_extract import read, summary

CASES = yaml.safe_load((Path(__file__).parent / "dates_provisions_cases.yaml").read_text())["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_dates_and_provisions(case):
    published = str(case["published"]) if case.get("published") else None
    reading = read(case["text"], published, model=bool(case.get("model")))
    expected = sorted((sorted(p), e, str(d) if d else None, bool(f)) for p, e, d, f in case["expect"])
    assert summary(reading) == expected


def test_provisions_carry_the_sentence_that_states_them():
    text = ("Chile and Peru signed a security accord on Monday. "
            "The accord obliges each side to defend the other if it is attacked.")
    (agreement,) = read(text, "2025-01-20").agreements
    assert agreement.provisions == ["defense"]
    assert [e.text for e in agreement.evidence] == ["Chile and Peru signed a security accord on Monday."]
    assert [e.text for e in agreement.provision_evidence] == [
        "The accord obliges each side to defend the other if it is attacked."]
    for span in agreement.provision_evidence:
        assert text[span.start:span.end] == span.text


def test_one_visit_told_twice_is_one_visit():
    text = ("The Chilean president travelled to Peru on Tuesday for talks on trade. "
            "Chile's president visited Peru to open a new border crossing.")
    reading = read(text, "2025-03-13")
    assert [(v["visitor"], v["host"], v["date"]) for v in reading.visits] == [("CHL", "PER", "2025-03-11")]


def test_two_visits_on_other_days_stay_two():
    text = ("Chile's president travelled to Peru in January 2024. "
            "Chile's president visited Peru again in March 2025.")
    reading = read(text, "2025-03-13")
    assert [(v["visitor"], v["host"], v["date"]) for v in reading.visits] == [
        ("CHL", "PER", "2024-01"), ("CHL", "PER", "2025-03")]


def test_a_surname_is_the_leader_named_in_full_and_in_office():
    # two North Korean leaders in office in 2024 are "Kim": the leader and the premier
    text = ("North Korean leader Kim Jong Un arrived in Russia on Tuesday. "
            "Kim and Putin signed a treaty on Wednesday.")
    reading = read(text, "2024-06-20")
    kims = [(m.text, m.person) for m in reading.mentions if m.kind == "leader" and m.id == "PRK"]
    assert kims == [("Kim Jong Un", "Kim Jong Un"), ("Kim", "Kim Jong Un")]


def test_a_right_to_ask_for_talks_when_threatened_is_consultation():
    """The NATO Article 4 formula in other words is a consultation clause, no defence."""
    text = ("Estonia invoked Article 4 of the North Atlantic Treaty on Wednesday. The article allows "
            "any member to request urgent talks if it believes its security is under threat.")
    (agreement,) = read(text, "2025-09-10").agreements
    assert agreement.provisions == ["consultation"]
