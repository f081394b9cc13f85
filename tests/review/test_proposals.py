"""Proposals: facts read from the news compared with the base, accepted or rejected, sourced."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from casus.errors import InvalidArgumentError, UnknownProposalError
from casus.review import accept, evidence_for, get_proposal, list_proposals, propose, reject
from casus.store import Store
from casus.store.tables import VERSIONED, proposals
from review.readings import FIN, NATO, PRK, RUS, agreement, entry_into_force, reading, signing

D = dt.date.fromisoformat
KAZ = {"id": "KAZ", "iso3": "KAZ", "cow": 705, "name": "Kazakhstan"}
IRL = {"id": "IRL", "iso3": "IRL", "cow": 205, "name": "Ireland"}
HUN = {"id": "HUN", "iso3": "HUN", "cow": 310, "name": "Hungary"}
CSTO = {"id": "CSTO", "iso3": None, "name": "CSTO"}


@pytest.fixture
def empty_store(tmp_path):
    store = Store.open(tmp_path / "empty.sqlite", seed=False)
    yield store
    store.close()


def snapshot(store):
    """Every row of every versioned table and of the proposals, to prove nothing was written."""
    with store.transaction() as connection:
        tables = {name: connection.execute(select(func.count()).select_from(t)).scalar()
                  for name, (t, _) in VERSIONED.items()}
        tables["proposals"] = [tuple(r) for r in connection.execute(select(proposals.c.id, proposals.c.status))]
    return tables


def one(items, kind=None):
    chosen = [p for p in items if kind is None or p.kind == kind]
    assert len(chosen) == 1, [p.summary for p in items]
    return chosen[0]


def story(agreements, article_id="story", published="2030-01-15"):
    return reading(article_id, "", agreements, published=published)


# -- building the Russia-DPRK treaty from nothing -----------------------------


def test_a_signed_treaty_is_proposed_whole_and_stays_pending_until_in_force(empty_store):
    proposal = one(propose(empty_store, signing()))
    assert proposal.kind == "new_treaty" and proposal.status == "open"
    assert proposal.payload["article_says"]["parties"] == ["RUS", "PRK"]
    accept(empty_store, proposal.id, by="ana")
    kb = empty_store.knowledge_base()
    (treaty,) = kb.treaties.values()
    assert (treaty.signed, treaty.in_force) == (D("2024-06-19"), None)
    assert list(kb.bindings_of("PRK", D("2025-01-01"))) == []
    assert [t.id for t, _ in kb.pending_of("PRK", D("2025-01-01"))] == [treaty.id]
    source = treaty.source
    assert source["kind"] == "read" and source["article"] == "signing-story"
    assert source["span"] == [0, len(source["text"])] and source["reader_version"] == "test-1"
    assert source["url"] == "https://news.example/signing-story" and source["accepted_by"] == "ana"
    assert empty_store.has_dataset("read")


def test_the_entry_into_force_makes_russia_bound_to_defend_north_korea(empty_store):
    accept(empty_store, one(propose(empty_store, signing())).id, by="ana")
    in_force = one(propose(empty_store, entry_into_force()))
    assert in_force.kind == "new_date" and in_force.payload["article_says"] == {"in_force": "2024-12-04"}
    accept(empty_store, in_force.id, by="ana")
    kb = empty_store.knowledge_base()
    duties = {(b.obligor, b.beneficiary, b.kind) for b in kb.bindings_of("PRK", D("2025-01-01"))}
    assert duties == {("RUS", "PRK", "defense"), ("PRK", "RUS", "defense")}
    assert list(kb.bindings_of("PRK", D("2024-12-03"))) == []


def test_the_seed_flow_from_the_command_line(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from casus.cli.main import app

    monkeypatch.setenv("CASUS_DB", str(tmp_path / "seed.sqlite"))
    (tmp_path / "signing.json").write_text(json.dumps(signing()))
    (tmp_path / "force.json").write_text(json.dumps(entry_into_force()))
    run = CliRunner().invoke

    def defenders():
        result = run(app, ["state", "PRK", "--on", "2025-01-01", "--json"])
        assert result.exit_code == 0, result.output
        return [d["state"]["id"] for d in json.loads(result.output)["defended_by"]]

    assert run(app, ["init", "--empty"]).exit_code == 0
    assert defenders() == []
    listed = json.loads(run(app, ["review", "propose", str(tmp_path / "signing.json"), "--json"]).output)
    assert [p["kind"] for p in listed["proposals"]] == ["new_treaty"]
    assert json.loads(run(app, ["review", "--json"]).output) == listed
    assert run(app, ["review", "accept", str(listed["proposals"][0]["id"]), "--by", "ana"]).exit_code == 0
    assert defenders() == []  # signed, not in force: pending
    pending = json.loads(run(app, ["state", "PRK", "--on", "2025-01-01", "--json"]).output)["pending"]
    assert [p["status"] for p in pending] == ["signed"]
    second = json.loads(run(app, ["review", "propose", str(tmp_path / "force.json"), "--json"]).output)
    assert run(app, ["review", "accept", str(second["proposals"][0]["id"])]).exit_code == 0
    assert defenders() == ["RUS"]
    assert json.loads(run(app, ["review", "--json"]).output) == {"proposals": []}


# -- idempotence --------------------------------------------------------------


def test_reading_the_same_article_twice_proposes_nothing_new(empty_store):
    first = propose(empty_store, signing())
    assert propose(empty_store, signing()) == []
    accept(empty_store, first[0].id, by="ana")
    assert propose(empty_store, signing()) == []  # not even a corroboration of what it proposed itself
    assert len(list_proposals(empty_store, status=None)) == 1


def test_a_rejected_fact_is_not_proposed_again(fresh_store):
    made = propose(fresh_store, story([agreement([IRL, NATO], "acceded", "2030-01-14", name="NATO")]))
    reject(fresh_store, one(made).id, by="ana", reason="invented")
    assert propose(fresh_store, story([agreement([IRL, NATO], "acceded", "2030-01-14", name="NATO")])) == []


def test_another_article_with_the_same_fact_makes_its_own_proposal(fresh_store):
    first = propose(fresh_store, story([agreement([IRL, NATO], "acceded", "2030-01-14")], "one"))
    second = propose(fresh_store, story([agreement([IRL, NATO], "acceded", "2030-01-14")], "two"))
    assert [p.kind for p in first + second] == ["new_member", "new_member"]


# -- against the built-in base ------------------------------------------------


def test_what_the_base_holds_becomes_corroboration_and_accepting_it_writes_no_record(fresh_store):
    made = propose(fresh_store, signing())
    assert {p.kind for p in made} == {"corroboration"}
    assert {p.treaty_key for p in made} == {"russia-dprk-2024"}
    assert sorted(f.split("|")[-1] for p in made for f in p.payload["facts"]) == ["date:signed", "provision:defense"]
    before = snapshot(fresh_store)
    defense = next(p for p in made if "defense" in p.summary)
    accept(fresh_store, defense.id, by="ana")
    after = snapshot(fresh_store)
    assert {k: v for k, v in after.items() if k != "proposals"} == {k: v for k, v in before.items() if k != "proposals"}
    (evidence,) = evidence_for(fresh_store, "obligations", "russia-dprk-2024/art4:defense")
    assert evidence["article"] == "signing-story" and evidence["proposal"] == defense.id


def test_another_date_shows_both_sides_and_accepting_it_supersedes_the_old_version(fresh_store):
    wrong = story([agreement([RUS, PRK], "entered_into_force", "2024-12-05", name="Comprehensive Strategic "
                             "Partnership Treaty", text="in force since Thursday")])
    proposal = one(propose(fresh_store, wrong))
    assert proposal.kind == "contradiction"
    assert proposal.payload["base"] == {"in_force": "2024-12-04"}
    assert proposal.payload["article_says"] == {"in_force": "2024-12-05"}
    before = fresh_store.knowledge_base()
    accept(fresh_store, proposal.id, by="ana")
    versions = fresh_store.history("treaties", "russia-dprk-2024")
    assert [v["in_force"] for v in versions] == [D("2024-12-04"), D("2024-12-05")]
    assert versions[0]["recorded_to"] == versions[1]["recorded_from"]
    assert versions[1]["source"]["kind"] == "read" and versions[1]["source"]["replaces"] == versions[0]["row_id"]
    assert versions[1]["source"]["previous_source"]["kind"] == "curated"
    known_before = fresh_store.knowledge_base(known_at=versions[0]["recorded_from"])
    assert known_before.treaties["russia-dprk-2024"].in_force == before.treaties["russia-dprk-2024"].in_force


def test_a_date_at_the_articles_precision_agrees(fresh_store):
    made = propose(fresh_store, story([agreement([RUS, PRK], "signed", "2024-06", name="partnership treaty")]))
    assert one(made).kind == "corroboration"


def test_a_clause_the_article_denies_is_a_contradiction_that_marks_the_obligation_uncertain(fresh_store):
    denial = story([agreement([RUS, PRK], "mentioned", None, negated=["defense"], text="no promise to fight")])
    proposal = one(propose(fresh_store, denial))
    assert proposal.kind == "contradiction" and proposal.treaty_key == "russia-dprk-2024"
    assert proposal.payload["base"]["article"] == "4"
    accept(fresh_store, proposal.id, by="ana")
    obligation = next(o for o in fresh_store.knowledge_base().obligations["russia-dprk-2024"] if o.kind == "defense")
    assert "no promise to fight" in obligation.uncertain and obligation.source["kind"] == "read"


def test_a_provision_the_base_lacks_becomes_a_new_obligation(fresh_store):
    made = propose(fresh_store, story([agreement([RUS, PRK], "mentioned", None, ["nonaggression"])]))
    proposal = one(made)
    assert proposal.kind == "new_obligation" and proposal.treaty_key == "russia-dprk-2024"
    accept(fresh_store, proposal.id, by="ana")
    kinds = {o.kind for o in fresh_store.knowledge_base().obligations["russia-dprk-2024"]}
    assert kinds == {"consultation", "defense", "nonaggression"}


def test_an_accession_adds_a_member_from_its_date(fresh_store):
    proposal = one(propose(fresh_store, story([agreement([IRL, NATO], "acceded", "2030-01-14", ["defense"])])),
                   "new_member")
    assert proposal.treaty_key == "nato"
    accept(fresh_store, proposal.id, by="ana")
    kb = fresh_store.knowledge_base()
    assert "IRL" in kb.parties_on("nato", D("2030-01-14")) and "IRL" not in kb.parties_on("nato", D("2030-01-13"))


def test_a_known_accession_is_corroborated(fresh_store):
    made = propose(fresh_store, story([agreement([FIN, NATO], "acceded", "2023-04-04", name="NATO treaty")]))
    assert one(made).kind == "corroboration"


def test_a_withdrawal_ends_the_membership(fresh_store):
    proposal = one(propose(fresh_store, story([agreement([HUN, NATO], "withdrew", "2031-05-01")])))
    assert proposal.kind == "ended_membership"
    accept(fresh_store, proposal.id, by="ana")
    kb = fresh_store.knowledge_base()
    assert "HUN" in kb.parties_on("nato", D("2031-04-30")) and "HUN" not in kb.parties_on("nato", D("2031-05-01"))
    (membership,) = [m for m in kb.memberships["nato"] if m.state_id == "HUN"]
    assert membership.left_reason == "withdrew"


def test_a_suspension_is_proposed_or_corroborated(fresh_store):
    armenia = {"id": "ARM", "iso3": "ARM", "cow": 371, "name": "Armenia"}
    known = propose(fresh_store, story([agreement([armenia, CSTO], "suspended", "2024-02", name="CSTO")], "a"))
    assert one(known).kind == "corroboration"
    new = one(propose(fresh_store, story([agreement([KAZ, CSTO], "suspended", "2030-01-10")], "b")))
    assert new.kind == "suspension"
    accept(fresh_store, new.id, by="ana")
    (suspension,) = [s for s in fresh_store.knowledge_base().suspensions["csto"] if "KAZ" in s.obligors]
    assert suspension.valid_from == D("2030-01-10") and suspension.legal_effect == "none"


# -- matching -----------------------------------------------------------------


def test_an_organisation_party_does_not_pull_a_differently_named_treaty_into_it(fresh_store):
    quit_other = story([agreement([RUS, NATO], "withdrew", "2030-01-01", name="Treaty on Open Fields in Europe")])
    assert propose(fresh_store, quit_other) == []  # not NATO, and an unknown treaty one leaves is not proposed


def test_unnamed_parties_match_the_treaty_in_force_not_its_ended_predecessor(fresh_store):
    made = propose(fresh_store, story([agreement([RUS, PRK], "mentioned", None, ["defense"])]))
    assert one(made).treaty_key == "russia-dprk-2024"


def test_a_differently_named_agreement_between_allies_is_a_new_treaty(fresh_store):
    usa = {"id": "USA", "iso3": "USA", "cow": 2, "name": "United States"}
    phl = {"id": "PHL", "iso3": "PHL", "cow": 840, "name": "Philippines"}
    made = propose(fresh_store, story([agreement([usa, phl], "signed", "2030-01-12", ["consultation"],
                                                 name="Maritime Cooperation Guidelines")]))
    assert one(made).kind == "new_treaty"


def test_several_agreements_in_one_article_each_propose(fresh_store):
    made = propose(fresh_store, story([
        agreement([IRL, NATO], "acceded", "2030-01-14", text="Ireland joined", start=0),
        agreement([HUN, NATO], "withdrew", "2030-01-14", text="Hungary left", start=20),
    ]))
    assert sorted(p.kind for p in made) == ["ended_membership", "new_member"]


def test_an_article_without_agreements_proposes_nothing(fresh_store):
    assert propose(fresh_store, story([])) == []


# -- bad input ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("{not json", "not JSON"),
        ("[]", "not a JSON object"),
        ({"agreements": []}, "'article'"),
        ({"article": {"id": "x", "published": "last week"}, "agreements": []}, "article.published"),
        ({"article": {"id": "x"}}, "'agreements' must be a list"),
        ({"article": {"id": "x"}, "agreements": [{"event": "won", "parties": []}]}, "event 'won'"),
        ({"article": {"id": "x"}, "agreements": [{"event": "signed", "parties": [RUS, PRK], "event_date": "2024-13-01",
                                                  "evidence": [{"start": 0, "end": 1, "text": "x"}]}]}, "event_date"),
        ({"article": {"id": "x"}, "agreements": [{"event": "signed", "parties": [RUS, PRK], "evidence": []}]},
         "evidence"),
        ({"article": {"id": "x"}, "agreements": [{"event": "signed", "parties": [RUS], "provisions": ["peace"],
                                                  "evidence": [{"start": 0, "end": 1, "text": "x"}]}]}, "provisions"),
    ],
)
def test_a_malformed_reading_is_refused_and_nothing_is_written(empty_store, bad, message):
    before = snapshot(empty_store)
    with pytest.raises(InvalidArgumentError, match=message):
        propose(empty_store, bad)
    assert snapshot(empty_store) == before


def test_a_malformed_agreement_after_good_ones_writes_nothing(empty_store):
    bad = signing()
    bad["agreements"].append({"event": "signed", "parties": "RUS and PRK", "evidence": []})
    with pytest.raises(InvalidArgumentError):
        propose(empty_store, bad)
    assert list_proposals(empty_store, status=None) == []


def test_an_unknown_proposal_is_a_clear_error(empty_store):
    for wrong in (99, "abc"):
        with pytest.raises(UnknownProposalError, match="no proposal"):
            accept(empty_store, wrong, by="ana")
        with pytest.raises(UnknownProposalError):
            reject(empty_store, wrong, by="ana")


def test_a_rejected_proposal_cannot_be_accepted_and_nothing_is_written(empty_store):
    proposal = one(propose(empty_store, signing()))
    rejected = reject(empty_store, proposal.id, by="ben", reason="duplicate")
    assert (rejected.status, rejected.decided_by, rejected.reason) == ("rejected", "ben", "duplicate")
    before = snapshot(empty_store)
    with pytest.raises(InvalidArgumentError, match="already rejected"):
        accept(empty_store, proposal.id, by="ana")
    assert snapshot(empty_store) == before
    assert get_proposal(empty_store, proposal.id).status == "rejected"
    assert empty_store.knowledge_base().treaties == {}


def test_bad_input_on_the_command_line_exits_non_zero_and_writes_nothing(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from casus.cli.main import app

    monkeypatch.setenv("CASUS_DB", str(tmp_path / "cli.sqlite"))
    run = CliRunner().invoke
    run(app, ["init", "--empty"])
    (tmp_path / "bad.json").write_text('{"article": {"id": "x"}, "agreements": "none"}')
    (tmp_path / "good.json").write_text(json.dumps(signing()))
    result = run(app, ["review", "propose", str(tmp_path / "bad.json")])
    assert result.exit_code == 2 and "malformed reading" in result.output
    assert run(app, ["review", "accept", "7"]).exit_code == 2
    assert run(app, ["review", "show", "7"]).exit_code == 2
    assert run(app, ["review", "propose", str(tmp_path / "missing.json")]).exit_code == 2
    proposal_id = json.loads(run(app, ["review", "propose", str(tmp_path / "good.json"), "--json"]).output)[
        "proposals"][0]["id"]
    assert run(app, ["review", "reject", str(proposal_id), "--by", "ben", "--reason", "no"]).exit_code == 0
    result = run(app, ["review", "accept", str(proposal_id)])
    assert result.exit_code == 5 and "already rejected" in result.output  # a conflict
    store = Store.open(tmp_path / "cli.sqlite")
    assert store.knowledge_base().treaties == {}
    shown = json.loads(run(app, ["review", "show", str(proposal_id), "--json"]).output)
    assert (shown["status"], shown["decided_by"], shown["reason"]) == ("rejected", "ben", "no")


@pytest.mark.parametrize(
    ("name", "parties", "event", "expected"),
    [
        ("strategic partnership treaty", ["RUS", "PRK"], "signed", "russia-dprk-2024"),
        ("20-year strategic partnership", ["RUS", "IRN"], "signed", "russia-iran-2025"),
        ("1951 Mutual Defense Treaty", ["USA", "PHL"], "mentioned", "us-philippines-1951"),
        ("Collective Security Treaty Organisation (CSTO)", ["ARM", "CSTO"], "suspended", "csto"),
        ("NATO treaty", ["SWE", "NATO"], "acceded", "nato"),
        (None, ["RUS", "PRK"], "mentioned", "russia-dprk-2024"),
        (None, ["RUS", "NATO"], "signed", None),
        (None, ["RUS", "NATO"], "withdrew", None),
        ("Bilateral Defense Guidelines", ["USA", "PHL"], "signed", None),
        ("partnership treaty", ["GBR", "POL"], "signed", "uk-poland-2026"),
    ],
)
def test_matching_an_agreement_to_a_treaty(builtin_kb, name, parties, event, expected):
    from casus.review import match_treaty

    states = {p for p in parties if p not in ("NATO", "CSTO")}
    found = match_treaty(builtin_kb, name, states, set(parties) - states, event, D("2025-06-01"))
    assert (found.treaty.id if found else None) == expected


def test_several_events_of_one_new_treaty_in_one_article_make_one_proposal(empty_store):
    made = propose(empty_store, story([
        agreement([RUS, PRK], "ratified", None, name="friendship pact", text="lawmakers approved it", start=0),
        agreement([RUS, PRK], "signed", "2024-06-19", ["defense"], text="signed in June", start=40),
    ]))
    proposal = one(made)
    assert proposal.kind == "new_treaty" and len(proposal.payload["facts"]) == 8
    accept(empty_store, proposal.id, by="ana")
    (treaty,) = empty_store.knowledge_base().treaties.values()
    assert (treaty.name, treaty.signed) == ("friendship pact", D("2024-06-19"))
    assert {o.kind for o in empty_store.knowledge_base().obligations[treaty.id]} == {"defense"}


def test_a_treaty_read_from_the_news_is_matched_by_its_parties_whatever_the_next_article_calls_it(empty_store):
    unnamed = story([agreement([RUS, PRK], "signed", "2024-06-19", ["defense"])], "first")
    accept(empty_store, one(propose(empty_store, unnamed)).id, by="ana")
    named = story([agreement([RUS, PRK], "entered_into_force", "2024-12-04", name="Pyongyang accord")], "second")
    proposal = one(propose(empty_store, named))
    assert proposal.kind == "new_date" and proposal.treaty_key == "agreement-between-rus-and-prk-2024"


def test_a_contradiction_with_a_partial_date_shows_both_sides_but_cannot_be_accepted(fresh_store):
    proposal = one(propose(fresh_store, story([agreement([RUS, PRK], "signed", "2024-05", name="partnership treaty")])))
    assert proposal.kind == "contradiction"
    assert (proposal.payload["base"], proposal.payload["article_says"]) == ({"signed": "2024-06-19"}, {"signed": "2024-05"})
    before = snapshot(fresh_store)
    with pytest.raises(InvalidArgumentError, match="not a full day"):
        accept(fresh_store, proposal.id, by="ana")
    assert snapshot(fresh_store) == before
