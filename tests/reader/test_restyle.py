"""The same articles in other house styles: the figures say what the reader owes to the
style it was tuned on."""

from __future__ import annotations

from pathlib import Path

import pytest

from casus.errors import InvalidArgumentError
from casus.reader.evaluate import evaluate
from casus.reader.restyle import dotted, no_break_spaces, one_line, straight_quotes, wrapped

GOLD = Path(__file__).parent / "eval_cases" / "gold"

STORY = ("Chile and Peru sign a pact\n"
         "Chile and Peru signed a mutual defence treaty in Lima on Monday, pledging to come to each other's aid "
         "if either is attacked, the US and the UK said in a joint statement.\n"
         "“It binds us both,” Peru’s foreign minister said.")


def test_wrapped_lines_are_at_most_the_width_and_keep_every_word():
    text = wrapped(STORY, 40)
    assert max(len(line) for line in text.split("\n")) <= 40
    assert text.split() == STORY.split()
    assert text.count("\n\n") == 2


def test_every_third_gap_between_words_is_a_no_break_space():
    text = no_break_spaces("one two three four five six seven")
    assert text == "one two three\u00a0four five six\u00a0seven"


def test_the_other_styles():
    assert "the U.S. and the U.K. said" in dotted(STORY)
    assert dotted("the US-Japan alliance") == "the US-Japan alliance"
    assert "\n" not in one_line(STORY) and one_line(STORY).startswith("Chile and Peru sign a pact Chile")
    assert straight_quotes(STORY).endswith('"It binds us both," Peru\'s foreign minister said.')


def test_scoring_in_a_style_reads_the_restyled_text_and_says_so():
    seen = []

    def predict(record):
        seen.append(record["text"])
        return []

    result = evaluate(GOLD, predict=predict, restyle="one-line")
    assert seen and all("\n" not in text for text in seen)
    assert result.to_json()["restyle"] == "one-line"


def test_an_unknown_style_is_a_clear_error_naming_the_styles():
    with pytest.raises(InvalidArgumentError, match="no style 'tabloid': the styles are wrapped, no-break-spaces"):
        evaluate(GOLD, predict=lambda record: [], restyle="tabloid")


def test_the_command_reads_in_a_style_and_refuses_an_unknown_one(monkeypatch):
    import json

    from typer.testing import CliRunner

    from casus.cli.main import app
    from casus.reader import evaluate as evaluation

    monkeypatch.setattr(evaluation, "read_with_reader", lambda record: [])
    result = CliRunner().invoke(app, ["eval-reader", str(GOLD), "--restyle", "wrapped"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "(every article read in the style 'wrapped')"
    payload = json.loads(CliRunner().invoke(app, ["eval-reader", str(GOLD), "--restyle", "dotted", "--json"]).output)
    assert payload["restyle"] == "dotted"
    bad = CliRunner().invoke(app, ["eval-reader", str(GOLD), "--restyle", "tabloid"])
    assert bad.exit_code != 0 and "no style 'tabloid'" in bad.output
