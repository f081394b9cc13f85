"""Readings written for these tests (our own words), in the reader's contract."""

from __future__ import annotations

RUS = {"id": "RUS", "iso3": "RUS", "cow": 365, "name": "Russia"}
PRK = {"id": "PRK", "iso3": "PRK", "cow": 731, "name": "North Korea"}
FIN = {"id": "FIN", "iso3": "FIN", "cow": 375, "name": "Finland"}
NATO = {"id": "NATO", "iso3": None, "name": "NATO"}

SIGNING_TEXT = (
    "Moscow and Pyongyang put their names to a strategic partnership treaty on Wednesday; "
    "each side pledges to come to the other's aid with arms if it is attacked."
)
FORCE_TEXT = "The partnership treaty between Russia and North Korea took effect on Wednesday, officials said."


def reading(article_id, text, agreements, published="2024-06-19", url=None):
    return {
        "article": {"id": article_id, "url": url or f"https://news.example/{article_id}", "published": published},
        "agreements": agreements,
        "reader_version": "test-1",
    }


def agreement(parties, event, date, provisions=(), name=None, text="", start=0, negated=()):
    out = {
        "name": name,
        "parties": list(parties),
        "event": event,
        "event_date": date,
        "provisions": list(provisions),
        "evidence": [{"start": start, "end": start + len(text), "text": text}],
    }
    if negated:
        out["negated_provisions"] = list(negated)
    return out


def signing():
    """Two states sign a partnership treaty with a defence clause (like the seed report)."""
    return reading(
        "signing-story",
        SIGNING_TEXT,
        [agreement([RUS, PRK], "signed", "2024-06-19", ["defense"], name="strategic partnership treaty",
                   text=SIGNING_TEXT)],
    )


def entry_into_force():
    """The same treaty enters into force months later."""
    return reading(
        "force-story",
        FORCE_TEXT,
        [agreement([RUS, PRK], "entered_into_force", "2024-12-04", name="partnership treaty", text=FORCE_TEXT)],
        published="2024-12-04",
    )
