"""Who is bound to whom on a date, on small treaties written for these tests."""

from __future__ import annotations

import datetime as dt

import yaml

from casus.kb import KnowledgeBase, state_profile
from casus.store.rows import rows_for_treaties
from casus.treaties.schema import Treaty

D = dt.date.fromisoformat

PACT = """
id: pact
name: Pact of Mutual Assistance
signed: 2001-01-01
in_force: 2001-02-01
ended: 2011-02-01
end_reason: expired
source: {url: https://example.org/pact}
members:
  - {state: FRA, signed: 2001-01-01}
  - {state: BEL, signed: 2001-01-01}
  - {state: NLD, signed: 2003-05-01, joined: 2004-01-01, source: {url: https://example.org/nld}}
  - {state: LUX, signed: 2001-01-01, left: 2006-01-01, left_reason: withdrew, source: {url: https://example.org/lux}}
obligations:
  - article: "2"
    kind: defense
    strength: automatic
    summary: Each party aids any other party that is attacked.
    source: {url: https://example.org/pact, article: "2"}
  - article: "3"
    kind: consultation
    strength: consult
    valid_from: 2005-01-01
    summary: The parties consult when one of them is threatened.
    source: {url: https://example.org/pact, article: "3"}
suspensions:
  - obligors: [FRA]
    beneficiaries: [BEL]
    from: 2008-01-01
    to: 2009-01-01
    summary: France suspends its duties toward Belgium.
    source: {url: https://example.org/suspension}
  - obligors: [BEL]
    beneficiaries: members
    from: 2010-01-01
    legal_effect: none
    summary: Belgium declares it will not take part.
    source: {url: https://example.org/freeze}
"""

GUARANTEE = """
id: guarantee
name: One-way Guarantee
signed: 2001-01-01
in_force: 2001-01-01
source: {url: https://example.org/guarantee}
members: [{state: USA}, {state: JPN}]
obligations:
  - article: "5"
    kind: defense
    strength: discretionary
    obligors: [USA]
    beneficiaries: [JPN]
    conditions:
      place: {area: japan-administered, description: territories under the administration of Japan}
    summary: The United States acts to meet an attack on Japan.
    source: {url: https://example.org/guarantee, article: "5"}
"""


def kb_of(*documents: str) -> KnowledgeBase:
    treaties = [Treaty.model_validate(yaml.safe_load(text)) for text in documents]
    return KnowledgeBase.from_rows(rows_for_treaties(treaties))


def defenders(kb, state, day):
    return [(d.other, d.binding.treaty.id, d.binding.obligation.article)
            for d in state_profile(kb, state, D(day)).defended_by]


def test_members_defend_each_other_from_the_day_of_entry_into_force():
    kb = kb_of(PACT)
    assert defenders(kb, "FRA", "2001-01-31") == []
    assert defenders(kb, "FRA", "2001-02-01") == [("BEL", "pact", "2"), ("LUX", "pact", "2")]


def test_a_state_that_accedes_is_bound_from_its_own_date_and_pending_before():
    kb = kb_of(PACT)
    assert "NLD" not in [s for s, *_ in defenders(kb, "FRA", "2003-12-31")]
    profile = state_profile(kb, "NLD", D("2003-12-31"))
    assert [(p.treaty.id, p.membership.signed) for p in profile.pending] == [("pact", D("2003-05-01"))]
    assert defenders(kb, "FRA", "2004-01-01") == [("BEL", "pact", "2"), ("LUX", "pact", "2"), ("NLD", "pact", "2")]


def test_a_state_that_withdraws_is_gone_on_the_day_it_leaves():
    kb = kb_of(PACT)
    assert ("LUX", "pact", "2") in defenders(kb, "FRA", "2005-12-31")
    assert ("LUX", "pact", "2") not in defenders(kb, "FRA", "2006-01-01")
    assert defenders(kb, "LUX", "2006-01-01") == []


def test_an_article_binds_only_over_its_own_span():
    kb = kb_of(PACT)
    kinds = lambda day: sorted({d.binding.kind for d in state_profile(kb, "FRA", D(day)).other})
    assert kinds("2004-12-31") == []
    assert kinds("2005-01-01") == ["consultation"]


def test_a_suspension_lifts_the_duty_for_its_pair_and_span_only():
    kb = kb_of(PACT)
    assert ("FRA", "pact", "2") not in defenders(kb, "BEL", "2008-06-01")
    assert ("BEL", "pact", "2") in defenders(kb, "FRA", "2008-06-01")
    assert ("FRA", "pact", "2") in defenders(kb, "BEL", "2009-01-01")


def test_a_declared_freeze_without_legal_effect_keeps_the_duty_and_says_so():
    kb = kb_of(PACT)
    duties = state_profile(kb, "FRA", D("2010-06-01")).defended_by
    belgium = [d for d in duties if d.other == "BEL"]
    assert [d.binding.notes for d in belgium] == [("Belgium declares it will not take part.",)]


def test_nothing_binds_on_or_after_the_day_a_treaty_ends():
    kb = kb_of(PACT)
    assert defenders(kb, "FRA", "2011-01-31") == [("BEL", "pact", "2"), ("NLD", "pact", "2")]
    assert defenders(kb, "FRA", "2011-02-01") == []


def test_an_asymmetric_obligation_binds_one_way_with_its_conditions():
    kb = kb_of(GUARANTEE)
    japan = state_profile(kb, "JPN", D("2020-01-01"))
    usa = state_profile(kb, "USA", D("2020-01-01"))
    assert [(d.other, d.binding.obligation.conditions["place"]["area"]) for d in japan.defended_by] == [
        ("USA", "japan-administered")
    ]
    assert (usa.defended_by, [d.other for d in usa.defends]) == ([], ["JPN"])


def test_an_empty_base_binds_nobody():
    kb = kb_of()
    assert list(kb.bindings(D("2020-01-01"))) == []
    assert state_profile(kb, "FRA", D("2020-01-01")).defended_by == []


def test_a_state_that_did_not_exist_on_the_date_is_noted():
    kb = kb_of(PACT)
    profile = state_profile(kb, "GFR", D("2000-01-01"))
    assert profile.notes == ["West Germany (GFR) did not exist as a state on 2000-01-01."]
