"""Small treaty records written for the export tests (and the export CLI tests).

Three datasets, so coverage and source selection can be seen:

- ``alpha`` (coverage 1950-01-01..1959-12-31): a pact of FRA, BEL (1950-06-01 to
  1955-01-01, exclusive) that NLD joins on 1952-03-01, with mutual defence, a
  consultation article from 1953-01-01, and Belgium's duty to France suspended
  through 1951; and a one-way guarantee, FRA defends BEL, from 1951-01-01.
- ``beta`` (no coverage recorded): USA and GBR promise non-aggression, 1900-01-01
  to 1910-01-01.
- ``gamma`` (coverage 2000 only, though its treaty runs 1999-2001): USA defends GBR.
"""

from __future__ import annotations

import datetime as dt

from casus.store import Store, load_records

D = dt.date.fromisoformat
SOURCE = {"kind": "curated", "url": "https://example.org/test"}


def treaty(key, in_force, ended=None):
    return {"treaty_key": key, "name": key.title(), "aliases": [], "organisation": None, "signed": D(in_force),
            "in_force": D(in_force), "ended": D(ended) if ended else None, "end_reason": None, "atop_id": None,
            "notes": None, "uncertain": None, "source": SOURCE}


def member(key, state, valid_from=None, valid_to=None):
    return {"membership_key": f"{key}/{state}/1", "treaty_key": key, "state_id": state, "signed": None,
            "valid_from": D(valid_from) if valid_from else None, "valid_to": D(valid_to) if valid_to else None,
            "left_reason": None, "note": None, "uncertain": None, "source": SOURCE}


def obligation(key, article, kind, obligors="members", beneficiaries="members", valid_from=None, valid_to=None):
    return {"obligation_key": f"{key}/{article}", "treaty_key": key, "article": article, "kind": kind,
            "strength": "automatic", "obligors": obligors, "beneficiaries": beneficiaries, "conditions": {},
            "summary": f"{kind} under {key}", "note": None, "uncertain": None,
            "valid_from": D(valid_from) if valid_from else None, "valid_to": D(valid_to) if valid_to else None,
            "source": SOURCE}


ALPHA = {
    "treaties": [treaty("pact", "1950-06-01", "1955-01-01"), treaty("guarantee", "1951-01-01")],
    "memberships": [
        member("pact", "FRA"), member("pact", "BEL"), member("pact", "NLD", "1952-03-01"),
        member("guarantee", "FRA"), member("guarantee", "BEL"),
    ],
    "obligations": [
        obligation("pact", "2", "defense"),
        obligation("pact", "3", "consultation", valid_from="1953-01-01"),
        obligation("guarantee", "1", "defense", obligors=["FRA"], beneficiaries=["BEL"]),
    ],
    "suspensions": [
        {"suspension_key": "pact/suspension/1", "treaty_key": "pact", "obligors": ["BEL"], "beneficiaries": ["FRA"],
         "valid_from": D("1951-01-01"), "valid_to": D("1952-01-01"), "legal_effect": "suspended",
         "summary": "Belgium's duties toward France are suspended for 1951.", "source": SOURCE},
    ],
}
BETA = {
    "treaties": [treaty("old", "1900-01-01", "1910-01-01")],
    "memberships": [member("old", "USA"), member("old", "GBR")],
    "obligations": [obligation("old", "1", "nonaggression")],
}
GAMMA = {
    "treaties": [treaty("late", "1999-06-01", "2001-06-01")],
    "memberships": [member("late", "USA"), member("late", "GBR")],
    "obligations": [obligation("late", "1", "defense", obligors=["USA"], beneficiaries=["GBR"])],
}


def fill(store: Store) -> Store:
    load_records(store, "alpha", ALPHA, name="Alpha test set", version="1", kind="curated",
                 coverage_from=D("1950-01-01"), coverage_to=D("1959-12-31"))
    load_records(store, "beta", BETA, name="Beta test set", version="1", kind="curated")
    load_records(store, "gamma", GAMMA, name="Gamma test set", version="1", kind="curated",
                 coverage_from=D("2000-01-01"), coverage_to=D("2000-12-31"))
    return store

