"""Articles are named as a reader would name them: "Art. 5", "mutual assistance", "1661 secret
article", never "Art. mutual-assistance", in text, in JSON (a ``label`` beside the id) and the API."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from casus.cli.main import app
from casus.kb.records import article_label
from casus.treaties.loader import builtin_treaties

runner = CliRunner()


@pytest.mark.parametrize(("article", "label"), [
    ("5", "Art. 5"),
    ("IV(1)", "Art. IV(1)"),
    ("42(7)", "Art. 42(7)"),
    ("17-18", "Arts. 17–18"),
    ("12-consultation", "Art. 12"),
    ("Sec. 2", "Sec. 2"),
    ("mutual-assistance", "mutual assistance"),
    ("non-aggression", "non-aggression"),
    ("phase 1", "phase 1"),
    ("?", "article not known"),
])
def test_an_article_id_reads_as_a_person_names_it(article, label):
    assert article_label(article) == label


def test_a_curated_label_wins_over_the_rule():
    assert article_label("1661-secret", "1661 secret article") == "1661 secret article"


def test_no_built_in_article_is_labelled_art_followed_by_a_word():
    odd = [(t.id, o.article, article_label(o.article, o.label)) for t in builtin_treaties() for o in t.obligations
           if article_label(o.article, o.label).startswith("Art") and article_label(o.article, o.label)[5:6].islower()]
    assert odd == []


def test_cuba_defends_north_korea_under_the_mutual_assistance_clause():
    result = runner.invoke(app, ["state", "PRK", "--on", "2025-01-01"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert "  Cuba–DPRK 1986 mutual assistance · discretionary (?) [2] — Cuba" in result.stdout.splitlines()
    assert "Art. mutual" not in result.stdout


def test_the_united_kingdom_defends_portugal_under_the_1661_secret_article():
    result = runner.invoke(app, ["state", "PRT", "--on", "2025-01-01"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "  Anglo-Portuguese 1373 Art. 1 · discretionary (?) [1] — United Kingdom" in lines
    assert "  Anglo-Portuguese 1373 1661 secret article · discretionary · if place (?) [1]" in lines
    assert "1661-secret" not in result.stdout


def test_the_json_gives_the_label_beside_the_article_id():
    result = runner.invoke(app, ["state", "PRT", "--on", "2025-01-01", "--json"])
    assert result.exit_code == 0, result.output
    duties = {(d["article"], d["label"]) for d in json.loads(result.stdout)["defended_by"]
              if d["treaty"]["id"] == "anglo-portuguese-alliance"}
    assert duties == {("1373-1", "Art. 1"), ("1661-secret", "1661 secret article")}


def test_a_scenario_names_the_neutrality_clause_by_its_name():
    result = runner.invoke(app, ["scenario", "RUS attacks EST", "--on", "2025-01-01"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert "  Russia–Kyrgyzstan 1992 neutrality · not help Estonia (?) [3] — Kyrgyzstan" in result.stdout.splitlines()
    reasons = json.loads(runner.invoke(app, ["scenario", "RUS attacks EST", "--on", "2025-01-01", "--json"]).stdout)
    labels = {(i["reason"]["treaty"]["id"], i["reason"]["label"]) for i in reasons["stay_out"]}
    assert labels == {("russia-kyrgyzstan-1992", "neutrality"), ("russia-tajikistan-1993", "neutrality")}


def test_a_treaty_lists_its_sections_by_their_own_name():
    result = runner.invoke(app, ["treaty", "compact-palau"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert any(line.startswith("  Sec. 311(a) · defense · automatic") for line in result.stdout.splitlines())


def test_the_diff_names_articles_by_their_label():
    result = runner.invoke(app, ["diff", "--from", "2005-01-01", "--to", "2025-01-01", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    items = payload["appeared"] + payload["ended"]
    assert items and all(i["label"] for i in items)
    assert {i["label"] for i in items if i["treaty"]["id"] == "russia-uzbekistan-2005"} == {"Art. 2", "Art. 3"}
