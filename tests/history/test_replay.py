"""Replaying wars through the engine: which alliances applied, and whether the allies kept them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casus.cli.main import app
from casus.history import import_cow_wars, load_wars, replay
from casus.history.compare import compare, read_expert
from casus.imports import import_atop
from casus.store import Store

from .test_wars import HEADER as WAR_HEADER
from .test_wars import WAR_ROWS, war_file

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
ATOP_HEADER = ("atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase,defense,offense,neutral,nonagg,consul,"
               "defcoadv,defcoloc,defcocon,defconum,defcodem,defconpr,version")


def pledge(atopid, ccode, year, *, defense=0, offense=0, neutral=0, nonagg=0, consul=0, place=0):
    return f"{atopid},{ccode},{year},1,1,0,0,0,1,{defense},{offense},{neutral},{nonagg},{consul},0,{place},0,0,0,0,5.1"


# In force on 1930-01-01, when Germany attacks Poland and France (war 901):
ATOP_ROWS = [
    pledge(9001, 220, 1921, defense=1), pledge(9001, 290, 1921, defense=1),  # France-Poland defence
    pledge(9002, 200, 1925, defense=1, place=1), pledge(9002, 290, 1925, defense=1, place=1),  # Britain, in an area
    pledge(9003, 255, 1926, neutral=1), pledge(9003, 325, 1926, neutral=1),  # Germany-Italy neutrality
    pledge(9004, 255, 1926, nonagg=1), pledge(9004, 290, 1926, nonagg=1),  # Germany-Poland non-aggression
    pledge(9006, 315, 1926, defense=1), pledge(9006, 290, 1926, defense=1),  # Czechoslovakia-Poland defence
    pledge(9007, 255, 1927, offense=1), pledge(9007, 310, 1927, offense=1),  # Germany-Hungary offence
    pledge(9008, 255, 1927, defense=1), pledge(9008, 310, 1927, defense=1),  # Germany-Hungary defence
]


def atop_file(tmp_path):
    path = tmp_path / "atop_members.csv"
    path.write_text(ATOP_HEADER + "\n" + "\n".join(ATOP_ROWS) + "\n")
    return path


@pytest.fixture
def store(tmp_path):
    store = Store.open(tmp_path / "replay.sqlite", seed=False)
    import_atop(store, atop_file(tmp_path))
    import_cow_wars(store, war_file(tmp_path))
    yield store
    store.close()


def summary(result):
    return [
        (r.treaty.atop_id, r.partner, r.role, r.status, r.kind, r.allies, r.honoured, r.open) for r in result.rows
    ]


def test_each_alliance_is_judged_as_the_war_spreads_against_what_its_allies_did(store):
    result = replay(store.knowledge_base(), load_wars(store))
    assert summary(result) == [
        (9001, "FRA", "target", "applied", "defense", ["POL"], True, []),
        (9001, "POL", "target", "applied", "defense", ["FRA"], True, []),
        # Britain entered in 1931 by attacking Germany: nothing owed to it fired.
        (9002, "GBR", "attacker", "not_applicable", "defense", ["POL"], None, []),
        # Britain fought beside Poland, but ATOP only flags the area: conditional, not judged.
        (9002, "POL", "target", "conditional", "defense", ["GBR"], None, ["place"]),
        # Italy owed Germany neutrality and stayed out.
        (9003, "DEU", "target", "applied", "neutrality", ["ITA"], True, []),
        # Poland's promise not to attack Germany was not called on; Germany broke its own.
        (9004, "DEU", "target", "not_applicable", "nonaggression", ["POL"], None, []),
        (9004, "POL", "target", "applied", "nonaggression", ["DEU"], False, []),
        (9006, "POL", "target", "applied", "defense", ["CSK"], False, []),
        # Hungary pledged to join Germany's wars and did not.
        (9007, "DEU", "target", "applied", "offense", ["HUN"], False, []),
        # Britain's attack on Germany in 1931 called on Hungary's defence pledge, which it did not keep.
        (9008, "DEU", "target", "applied", "defense", ["HUN"], False, []),
    ]
    assert result.wars == [
        {"war": 901, "name": None, "start_year": 1930, "on": "1930-01-01",
         "acts": ["1930-01-01 DEU attacks FRA", "1930-01-01 DEU attacks POL", "1931-01-01 GBR attacks DEU"]},
        {"war": 902, "name": None, "start_year": 1948, "on": "1948-05-14", "acts": ["1948-05-14 EGY attacks ISR"]},
    ]


def test_rates_overall_by_period_and_kind_with_conditional_rows_counted_apart(store):
    rates = replay(store.knowledge_base(), load_wars(store)).rates()
    assert rates["overall"] == {"opportunities": 7, "honoured": 3, "violated": 4, "rate": 0.429}
    assert rates["1816-1944"] == rates["overall"]
    assert rates["1945-"] == {"opportunities": 0, "honoured": 0, "violated": 0, "rate": None}
    assert {kind: (r["honoured"], r["opportunities"]) for kind, r in rates["by_kind"].items()} == {
        "defense": (2, 4), "offense": (0, 1), "neutrality": (1, 1), "nonaggression": (0, 1), "consultation": (0, 0),
    }
    assert rates["with_conditional"] == {"opportunities": 8, "honoured": 4, "violated": 4, "rate": 0.5}
    assert rates["statuses"] == {"applied": 7, "conditional": 1, "not_applicable": 2}
    assert {p["study"] for p in rates["published"]} == {"Leeds, Long & Mitchell (2000)", "Berkemeier & Fuhrmann (2018)"}


def test_a_later_start_day_moves_the_date_the_alliances_are_judged_on(store, tmp_path):
    result = replay(store.knowledge_base(), load_wars(store), start_day=(12, 31))
    assert [w["on"] for w in result.wars] == ["1930-12-31", "1948-12-31"]
    # Judged on one day, the war is its first-year acts only: Britain's entry in 1931 is left out.
    assert result.wars[0]["acts"] == ["1930-12-31 DEU attacks FRA", "1930-12-31 DEU attacks POL"]


def test_the_cli_imports_wars_and_prints_the_replay_as_json(tmp_path):
    runner = CliRunner()
    assert runner.invoke(app, ["init", "--empty"]).exit_code == 0
    assert runner.invoke(app, ["import", "atop", str(atop_file(tmp_path))]).exit_code == 0
    imported = runner.invoke(app, ["import", "cow-wars", str(war_file(tmp_path)), "--json"])
    assert imported.exit_code == 0, imported.output
    assert json.loads(imported.output)["participants"] == 6
    again = runner.invoke(app, ["import", "cow-wars", str(war_file(tmp_path))])
    assert "nothing changed" in again.output
    result = runner.invoke(app, ["replay", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    row = payload["rows"][0]
    assert {key: row[key] for key in ("atop_id", "war", "status", "honoured")} == {
        "atop_id": 9001, "war": 901, "status": "applied", "honoured": True,
    }
    assert {k: row["partner"][k] for k in ("id", "iso3", "cow", "name")} == {
        "id": "FRA", "iso3": "FRA", "cow": 220, "name": "France",
    }
    assert [a["id"] for a in row["allies"]] == ["POL"]
    assert payload["rates"]["overall"]["rate"] == 0.429
    text = runner.invoke(app, ["replay"])
    assert text.exit_code == 0 and "B&F 2018" in text.output and "atop-9006 to POL" in text.output


def test_the_replay_text_piped_is_plain_columns_without_trailing_spaces(tmp_path):
    runner = CliRunner()
    assert runner.invoke(app, ["init", "--empty"]).exit_code == 0
    assert runner.invoke(app, ["import", "atop", str(atop_file(tmp_path))]).exit_code == 0
    assert runner.invoke(app, ["import", "cow-wars", str(war_file(tmp_path))]).exit_code == 0
    result = runner.invoke(app, ["replay"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [line for line in lines if line != line.rstrip()] == []
    assert not any(ch in result.stdout for ch in "┃│━─")
    assert lines[0] == "Alliance reliability (wars judged act by act)"
    assert lines[2].split()[:3] == ["overall", "7", "3"]


def test_the_cli_reports_a_bad_war_file_and_a_bad_start_day(tmp_path):
    runner = CliRunner()
    bad = war_file(tmp_path, ["901,255,290,1930,1,1,1,1,0,1,2"], WAR_HEADER)
    result = runner.invoke(app, ["import", "cow-wars", str(bad)])
    assert result.exit_code == 3 and "line 2, field sidea2" in result.output
    assert runner.invoke(app, ["replay", "--start-day", "13-01"]).exit_code == 2


@pytest.fixture(scope="module")
def real_replay(tmp_path_factory):
    members, alliances = SHARED / "atop-5.1" / "atop5_1m.csv", SHARED / "atop-5.1" / "atop5_1a.csv"
    wars = SHARED / "peacesciencer" / "cow_war_inter.csv"
    if not all(p.exists() for p in (members, alliances, wars)):
        pytest.skip("shared ATOP 5.1 and COW war files absent")
    store = Store.open(tmp_path_factory.mktemp("real") / "casus.sqlite", seed=False)
    import_atop(store, members, alliances)
    import_cow_wars(store, wars)
    kb = store.knowledge_base()
    result = replay(kb, load_wars(store))
    store.close()
    return result


def test_the_real_files_replay_every_war_with_famous_cases_judged_as_history_has_them(real_replay):
    assert len(real_replay.wars) == 95 and real_replay.skipped == []
    rows = {(r.war.number, r.treaty.atop_id, r.partner): r for r in real_replay.rows}
    # 1915: Italy, Austria-Hungary's ally under the Triple Alliance, attacked it: the pledge applied, broken.
    italy = rows[(106, 1350, "AUH")]
    assert (italy.status, italy.ally_kinds["ITA"], italy.observed["ITA"]) == ("applied", "defense", False)
    # 1939: France defended Poland, attacked on 1 September.
    assert rows[(139, 2060, "POL")].honoured is True
    assert rows[(139, 2060, "POL")].act == "1939-09-01 DEU attacks POL"
    # 1941: the Soviet Union, attacked on 22 June, is owed Japan's neutrality (pact of 13 April 1941).
    assert rows[(139, 2525, "RUS")].status == "applied"
    rates = real_replay.rates()
    assert rates["1816-1944"]["rate"] > rates["1945-"]["rate"]


def test_the_dev_expert_coding_is_matched_case_by_case(real_replay):
    coding = SHARED / "reliability" / "berkemeier-fuhrmann-2018-dev.csv"
    if not coding.exists():
        pytest.skip("shared expert coding absent")
    expert = read_expert(coding)
    result = compare(real_replay.rows, expert)
    assert (result["cases"], result["agreement"], result["kappa"]) == (316, 0.943, 0.851)
    assert result["confusion"] == {"yes": {"yes": 69, "no": 9, "conditional": 4},
                                   "no": {"yes": 5, "no": 229, "conditional": 0}}
    # The wars set aside before tuning (every fourth dev war from the third, by war number).
    held = set(sorted({e["war"] for e in expert})[2::4])
    assert held == {22, 46, 58, 127, 163, 187, 207, 225}
    kept_out = compare(real_replay.rows, expert, held)
    assert (kept_out["cases"], kept_out["agreement"], kept_out["kappa"]) == (106, 0.925, 0.643)
    tuned = compare(real_replay.rows, expert, {e["war"] for e in expert} - held)
    assert (tuned["cases"], tuned["agreement"], tuned["kappa"]) == (210, 0.952, 0.891)


EXPERT_HEADER = "atopid,cowwarid,warname,dnaLLM,cfnaLLM,honorLLM,violateLLM"


def test_compare_scores_decisions_against_an_expert_coding_with_kappa_and_the_rows_that_differ(store, tmp_path):
    coding = tmp_path / "expert.csv"
    coding.write_text(EXPERT_HEADER + "\n" + "\n".join([
        "9001,901,Made-up war,,,1,",     # experts: applied (casus: yes)
        "9002,901,Made-up war,,,1,",     # experts: applied (casus: conditional, a miss)
        "9004,901,Made-up war,1,1,,",    # experts: did not apply (casus: yes)
        "9005,901,Made-up war,1,1,,",    # no such alliance in force: casus no
    ]) + "\n")
    result = compare(replay(store.knowledge_base(), load_wars(store)).rows, read_expert(coding))
    assert (result["cases"], result["agreement"], result["kappa"]) == (4, 0.5, 0.2)
    assert result["confusion"] == {"yes": {"yes": 1, "no": 0, "conditional": 1},
                                   "no": {"yes": 1, "no": 1, "conditional": 0}}
    assert [(d["atop_id"], d["expert"], d["casus"]) for d in result["differ"]] == [
        (9002, "yes", "conditional"), (9004, "no", "yes"),
    ]
    assert result["differ"][1]["casus_reason"] == "nonaggression: DEU bound toward POL by 1930-01-01 DEU attacks POL"
    assert result["differ"][1]["expert_reason"] == "did not apply (no casus foederis)"


def test_the_cli_compares_with_an_expert_file_and_names_a_bad_one(tmp_path):
    runner = CliRunner()
    assert runner.invoke(app, ["init", "--empty"]).exit_code == 0
    assert runner.invoke(app, ["import", "atop", str(atop_file(tmp_path))]).exit_code == 0
    assert runner.invoke(app, ["import", "cow-wars", str(war_file(tmp_path))]).exit_code == 0
    coding = tmp_path / "expert.csv"
    coding.write_text(EXPERT_HEADER + "\n9001,901,Made-up war,,,1,\n")
    result = runner.invoke(app, ["replay", "--compare", str(coding), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["agreement"] == 1.0
    text = runner.invoke(app, ["replay", "--compare", str(coding)])
    assert "1 alliance-wars: agreement 100.0%" in text.output
    coding.write_text(EXPERT_HEADER + "\n9001,x,Made-up war,,,1,\n")
    bad = runner.invoke(app, ["replay", "--compare", str(coding)])
    assert bad.exit_code == 3 and "line 2, field cowwarid" in bad.output
