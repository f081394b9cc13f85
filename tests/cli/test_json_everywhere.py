"""Every command answers ``--json`` with one JSON object of its contract (docs/json.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casus import contracts
from casus.cli.main import app
from casus.store import Store
from casus.imports import import_atop
from casus.history import import_cow_wars

from cli.test_commands import PATHS
from history.test_replay import ATOP_HEADER, ATOP_ROWS
from history.test_wars import HEADER as WAR_HEADER
from history.test_wars import WAR_ROWS
from review.readings import FIN, agreement, reading

GOLD = Path(__file__).resolve().parents[1] / "reader" / "eval_cases" / "gold"
EST = {"id": "EST", "iso3": "EST", "cow": 366, "name": "Estonia"}
LVA = {"id": "LVA", "iso3": "LVA", "cow": 367, "name": "Latvia"}
EXEMPT = {("serve",): "starts the HTTP server, whose every answer is JSON"}

# Each command with the arguments that make it answer, and the contract its --json is made of.
# `{dir}` is the folder of the prepared files below.
CASES: dict[tuple[str, ...], list[tuple[list[str], type, str | None]]] = {
    ("backup",): [(["backup", "{dir}/walk-backup.sqlite"], contracts.BackupReport, None)],
    ("check",): [(["check"], contracts.StoreCheck, None)],
    ("check", "atop"): [(["check", "atop"], contracts.AtopCheck, None)],
    ("check", "store"): [(["check", "store"], contracts.StoreCheck, None)],
    ("diff",): [(["diff", "--from", "2020-01-01", "--to", "2025-01-01"], contracts.Diff, None)],
    ("entanglement",): [(["entanglement", "--on", "1960-01-01"], contracts.Entanglement, None)],
    ("eval-reader",): [(["eval-reader", str(GOLD)], contracts.ReaderScore, None)],
    ("export", "dyad-years"): [(["export", "dyad-years", "--from", "1930", "--to", "1930"],
                                contracts.DyadYearTable, None)],
    ("export", "graphml"): [(["export", "graphml", "--on", "1930-06-01"], contracts.Network, None)],
    ("exposure",): [(["exposure", "--on", "1930-06-01"], contracts.ExposureTable, None)],
    ("import", "atop"): [(["import", "atop", "{dir}/atop.csv"], contracts.AtopImport, None)],
    ("import", "cow-wars"): [(["import", "cow-wars", "{dir}/wars.csv"], contracts.CowWarsImport, None)],
    ("init",): [(["init"], contracts.StoreReport, None)],
    ("place",): [(["place", "Narva", "--on", "2025-01-01"], contracts.PlaceReport, None)],
    ("read",): [(["read", "{dir}/article.txt", "--published", "2025-03-10"], contracts.Reading, None),
                (["read", "--batch", "{dir}/archive.jsonl"], contracts.BatchSummary, None)],
    ("replay",): [(["replay"], contracts.Replay, None),
                  (["replay", "--compare", "{dir}/expert.csv"], contracts.ReplayComparison, None)],
    ("restore",): [(["restore", "{dir}/backup.sqlite"], contracts.RestoreReport, None)],
    ("review",): [(["review"], contracts.ProposalList, None)],
    ("review", "accept"): [(["review", "accept", "1", "--by", "ana"], contracts.Proposal, None)],
    ("review", "propose"): [(["review", "propose", "{dir}/reading.json"], contracts.ProposalList, None)],
    ("review", "reject"): [(["review", "reject", "2", "--by", "ana", "--reason", "test"], contracts.Proposal, None)],
    ("review", "show"): [(["review", "show", "1"], contracts.Proposal, None)],
    ("scenario",): [(["scenario", "RUS attacks EST", "--on", "2025-01-01"], contracts.ScenarioReport, None)],
    ("sources",): [(["sources"], contracts.SourceList, None)],
    ("state",): [(["state", "Estonia", "--on", "2025-01-01"], contracts.StateProfile, None)],
    ("token-hash",): [(["token-hash"], contracts.TokenHashReport, "a-write-token\n")],
    ("treaties",): [(["treaties", "--on", "2025-01-01"], contracts.TreatyList, None)],
    ("treaty",): [(["treaty", "NATO"], contracts.TreatyDetail, None)],
}


@pytest.fixture(scope="module")
def walk_store(tmp_path_factory):
    """One store for the walk: built-in treaties, a small ATOP and COW import, two open proposals."""
    folder = tmp_path_factory.mktemp("walk")
    (folder / "atop.csv").write_text(ATOP_HEADER + "\n" + "\n".join(ATOP_ROWS) + "\n")
    (folder / "wars.csv").write_text(WAR_HEADER + "\n" + "\n".join(WAR_ROWS) + "\n")
    (folder / "expert.csv").write_text("atopid,cowwarid,dnaLLM,warname\n9001,901,,A test war\n")
    (folder / "article.txt").write_text("Markets were calm on Monday.", encoding="utf-8")
    (folder / "archive.jsonl").write_text(json.dumps({"id": "calm", "published": "2025-03-10",
                                                      "text": "Markets were calm on Monday."}) + "\n")
    pact = "Estonia and Latvia signed a mutual defence pact, each pledging to defend the other."
    (folder / "reading.json").write_text(json.dumps(reading(
        "pact-story", pact, [agreement([EST, LVA], "signed", "2030-01-10", ["defense"], name="Baltic pact",
                                       text=pact)], published="2030-01-10")))
    store = Store.open(folder / "walk.sqlite")
    import_atop(store, folder / "atop.csv")
    import_cow_wars(store, folder / "wars.csv")
    from casus.review import propose

    for story, parties in (("first-pact", [EST, LVA]), ("second-pact", [FIN, EST])):
        propose(store, reading(story, pact, [agreement(parties, "signed", "2030-01-10", ["defense"],
                                                       name=f"{story} treaty", text=pact)], published="2030-01-10"))
    from casus.store.backup import backup

    backup(store, folder / "backup.sqlite")
    store.close()
    return folder


def test_every_command_has_a_json_case():
    assert sorted(set(PATHS) - set(EXEMPT)) == sorted(CASES)


@pytest.mark.parametrize("path", sorted(CASES), ids=[" ".join(p) for p in sorted(CASES)])
def test_json_is_one_object_of_the_commands_contract(path, walk_store, monkeypatch):
    monkeypatch.setenv("CASUS_DB", str(walk_store / "walk.sqlite"))
    for args, model, given in CASES[path]:
        argv = [arg.format(dir=walk_store) for arg in args] + ["--json"]
        result = CliRunner().invoke(app, argv, input=given)
        assert result.exit_code == 0, (argv, result.output)
        document = json.loads(result.stdout)
        assert isinstance(document, dict)
        assert model.model_validate(document).to_json() == document, argv
