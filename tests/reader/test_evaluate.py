"""Measurement: the reader's figures computed in-process, as the shared scorer computes them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casus.cli.main import app
from casus.errors import InvalidArgumentError
from casus.reader import evaluate as evaluation
from casus.reader.evaluate import evaluate, pair_up, party_key, score_article

CASES = Path(__file__).parent / "eval_cases"
GOLD = CASES / "gold"
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SCORER = SHARED / "eval" / "score_reader.py"
DEV = SHARED / "dev-articles"

EXPECTED_LINES = [
    "a_pact: gold 2 predicted 3 exact 1 parties-only 2",
    "b_quiet: gold 0 predicted 0 exact 0 parties-only 0",
    "c_two: gold 2 predicted 2 exact 2 parties-only 2",
    "agreements F1=0.667 P=0.600 R=0.750 parties-only-F1=0.889 defense-acc=0.667 date-acc=0.333 "
    "gold=4 predicted=5 errors=0",
]


def from_files(record):
    """Predictions written for these cases (a missing file predicts nothing)."""
    path = CASES / "predicted" / f"{record['id']}.json"
    return json.loads(path.read_text())["agreements"] if path.exists() else []


def test_the_figures_on_written_cases_are_exact():
    result = evaluate(GOLD, predict=from_files)
    assert result.lines() == EXPECTED_LINES
    figures = result.figures()
    assert figures["f1"] == pytest.approx(2 / 3) and figures["precision"] == pytest.approx(0.6)
    assert figures["recall"] == pytest.approx(0.75) and figures["parties_only_f1"] == pytest.approx(8 / 9)
    assert figures["defense_acc"] == pytest.approx(2 / 3) and figures["date_acc"] == pytest.approx(1 / 3)


def test_parties_are_compared_by_iso3_or_the_organisations_short_id():
    assert party_key({"id": "RUS", "iso3": "RUS", "cow": 365}) == "RUS"
    assert party_key({"id": "NATO", "iso3": None, "name": "NATO"}) == "NATO"
    assert party_key("north atlantic treaty organization") == "NATO"
    assert party_key({"name": "League of Arab States"}) == "LAS"
    assert party_key({"iso3": "", "id": None}) is None and party_key(" ") is None and party_key(7) is None


def test_matching_is_one_to_one_in_gold_order():
    gold = [{"parties": ["RUS", "PRK"], "event": "signed"}, {"parties": ["RUS", "PRK"], "event": "ratified"}]
    predicted = [{"parties": ["PRK", "RUS"], "event": "ratified"}]
    assert len(pair_up(gold, predicted, same_event=True)) == 1
    relaxed = pair_up(gold, predicted, same_event=False)
    assert relaxed == [(gold[0], predicted[0])]  # the first gold takes it; the second goes unmatched


def test_a_date_agrees_at_the_golds_precision():
    gold = [{"parties": ["A", "B"], "event": "signed", "event_date": "2024-06"}]
    assert score_article("x", gold, [{"parties": ["A", "B"], "event": "signed", "event_date": "2024-06-19"}]).date_agree
    assert not score_article("x", gold, [{"parties": ["A", "B"], "event": "signed", "event_date": "2024"}]).date_agree


def test_no_gold_and_no_prediction_scores_perfect_precision_and_recall():
    result = evaluation.score([("empty", [], [])])
    assert result.figures()["precision"] == 1.0 and result.figures()["recall"] == 1.0


def test_a_reader_crash_counts_as_predicting_nothing():
    def crash(record):
        if record["id"] == "c_two":
            raise RuntimeError("boom")
        return from_files(record)

    errors = []
    result = evaluate(GOLD, predict=crash, on_error=errors.append)
    assert result.summary_line().endswith("gold=4 predicted=3 errors=1")
    assert errors == ["c_two: RuntimeError: boom"]


def test_a_folder_without_gold_files_is_a_clear_error(tmp_path):
    with pytest.raises(InvalidArgumentError, match="no gold files"):
        evaluate(tmp_path)
    (tmp_path / "bad.json").write_text("{}")
    with pytest.raises(InvalidArgumentError, match="not a gold file"):
        evaluate(tmp_path, predict=from_files)
    result = CliRunner().invoke(app, ["eval-reader", str(tmp_path / "missing")])
    assert result.exit_code == 2 and "not a folder of gold files" in result.output


def test_eval_reader_prints_the_lines_and_json(monkeypatch):
    monkeypatch.setattr(evaluation, "read_with_reader", from_files)
    result = CliRunner().invoke(app, ["eval-reader", str(GOLD)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == EXPECTED_LINES + [
        "errors by kind:",
        "  a_pact: false-parties=0 missed-parties=0 wrong-event=1 missed-agreement=0 spurious-agreement=1 "
        "wrong-date=0 wrong-provisions=0",
        "  c_two: false-parties=0 missed-parties=0 wrong-event=0 missed-agreement=0 spurious-agreement=0 "
        "wrong-date=2 wrong-provisions=1",
        "  total: false-parties=0 missed-parties=0 wrong-event=1 missed-agreement=0 spurious-agreement=1 "
        "wrong-date=2 wrong-provisions=1",
    ]
    payload = json.loads(CliRunner().invoke(app, ["eval-reader", str(GOLD), "--json"]).output)
    assert payload["summary"] == {
        "f1": 0.667, "precision": 0.6, "recall": 0.75, "parties_only_f1": 0.889, "defense_acc": 0.667,
        "date_acc": 0.333, "gold": 4, "predicted": 5, "errors": 0,
    }
    assert [a["id"] for a in payload["articles"]] == ["a_pact", "b_quiet", "c_two"]
    assert payload["errors_by_kind"]["wrong_event"] == 1 and payload["errors_by_kind"]["wrong_date"] == 2


def test_each_kind_of_error_is_counted():
    gold = [{"parties": ["RUS", "PRK"], "event": "signed", "event_date": "2024-06-19", "provisions": ["defense"]},
            {"parties": ["FIN", "NATO"], "event": "acceded"},
            {"parties": ["JPN", "AUS"], "event": "ratified"},
            {"parties": ["CHL", "PER"], "event": "signed"}]
    predicted = [{"parties": ["RUS", "PRK"], "event": "signed", "event_date": "2024-06-18", "provisions": []},
                 {"parties": ["FIN", "NATO"], "event": "signed"},
                 {"parties": ["JPN", "AUS", "CHN"], "event": "ratified"},
                 {"parties": ["ARE", "ISR"], "event": "signed"}]
    assert evaluation.breakdown(gold, predicted) == {
        "false_parties": 1, "missed_parties": 0, "wrong_event": 1, "missed_agreement": 1,
        "spurious_agreement": 1, "wrong_date": 1, "wrong_provisions": 1}


def test_folds_are_round_robin_over_the_sorted_files(monkeypatch):
    monkeypatch.setattr(evaluation, "read_with_reader", from_files)
    result = evaluate(GOLD, folds=2)
    assert [(a.id, a.fold) for a in result.articles] == [("a_pact", 1), ("b_quiet", 2), ("c_two", 1)]
    assert [a.id for a in evaluate(GOLD, folds=2, skip_fold=1).articles] == ["b_quiet"]
    assert [a.id for a in evaluate(GOLD, folds=2, only_fold=1).articles] == ["a_pact", "c_two"]
    lines = CliRunner().invoke(app, ["eval-reader", str(GOLD), "--folds", "2"]).output.splitlines()
    assert lines[-2].startswith("fold 1 (2 articles): agreements F1=")
    assert lines[-1].startswith("fold 2 (1 articles): agreements F1=1.000")
    bad = CliRunner().invoke(app, ["eval-reader", str(GOLD), "--folds", "2", "--fold", "3"])
    assert bad.exit_code == 2 and "folds are numbered 1 to 2" in bad.output


@pytest.mark.skipif(not SCORER.exists(), reason="the shared scorer is not here")
def test_the_shared_scorer_gives_the_same_figures_on_the_written_cases():
    done = subprocess.run([sys.executable, str(SCORER), str(GOLD), "--pred-dir", str(CASES / "predicted")],
                          capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == evaluate(GOLD, predict=from_files).lines()


def _reader_available() -> bool:
    try:
        from casus.reader.extract import read_article  # noqa: F401
    except ImportError:
        return False
    from typer.main import get_command

    return "read" in get_command(app).commands


@pytest.mark.skipif(not (SCORER.exists() and DEV.is_dir()), reason="the shared scorer or dev articles are not here")
def test_the_in_process_figures_equal_the_shared_scorers_on_the_dev_articles(tmp_path):
    """On every seventh dev article (linked, never copied): the scorer starts one `casus
    read` per article, so the whole set would cost minutes of model loading."""
    if not _reader_available():
        pytest.skip("the reader (casus.reader.extract and `casus read`) is not built yet")
    casus = shutil.which("casus", path=str(Path(sys.executable).parent))
    assert casus is not None
    for path in sorted(DEV.glob("*.json"))[::7]:
        (tmp_path / path.name).symlink_to(path)
    done = subprocess.run(
        [sys.executable, str(SCORER), str(tmp_path), "--run", f"{casus} read {{path}} {{published_opt}} --json"],
        capture_output=True, text=True, check=True, timeout=1800,
    )
    assert evaluate(tmp_path).lines() == done.stdout.splitlines()
