"""Agreements found as instruments (``casus.reader.instruments``): the made-up sentences
of ``instrument_cases.yaml``, read as ``reading_cases.yaml`` is."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from casus.reader.extract import read_article
from casus.reader.inputs import Article
from casus.reader.nlp import load

CASES = yaml.safe_load((Path(__file__).parent / "instrument_cases.yaml").read_text())["cases"]



def read(text: str, published: str | None = None, model: bool = False):
    day = dt.date.fromisoformat(published) if published else None
    return read_article(Article(id="t", text=text, published=day), nlp=load(blank=not model))


def summary(reading):
    return sorted((sorted(p["id"] for p in a.parties), a.event, a.event_date, "defense" in a.provisions)
                  for a in reading.agreements)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_instrument_sentences(case):
    published = str(case["published"]) if case.get("published") else None
    reading = read(case["text"], published, model=bool(case.get("model")))
    if case.get("none"):
        assert summary(reading) == []
    else:
        expected = sorted((sorted(p), e, str(d) if d else None, bool(f)) for p, e, d, f in case["expect"])
        assert summary(reading) == expected
