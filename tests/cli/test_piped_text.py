"""Piped text is plain: no box drawing, no markup read from input, no trailing spaces (which
break ``diff`` and shell pipelines), and the news reader's answers fit 80 columns."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from casus.cli.main import app

runner = CliRunner()

ARTICLE = ("VALLETTA, 3 March 2026 - Malta and Iceland signed a Treaty of Friendship and Mutual Assistance on "
           "Tuesday, pledging to defend each other if either is attacked. \"[bold]This is a good day[/bold],\" "
           "said the Prime Minister of Malta. Iceland's foreign minister visited Valletta on Monday.\n")


def run(*args: str, env: dict | None = None, input: str | None = None):
    result = runner.invoke(app, list(args), env={"COLUMNS": "80", **(env or {})}, input=input)
    assert result.exit_code == 0, result.output
    return result.stdout


def plain(stdout: str) -> list[str]:
    lines = stdout.splitlines()
    assert [line for line in lines if line != line.rstrip()] == []
    assert not any(ch in stdout for ch in "┃│━─╭╰┏┗")
    return lines


@pytest.mark.parametrize("command", [
    ("sources",),
    ("entanglement", "--on", "2025-01-01"),
    ("treaties", "--on", "2025-01-01"),
], ids=lambda c: c[0])
def test_a_table_piped_has_no_trailing_spaces(command):
    lines = plain(run(*command))
    assert len(lines) > 3


def test_the_entanglement_table_piped_keeps_its_columns():
    lines = plain(run("entanglement", "--on", "2025-01-01"))
    assert lines[0] == "Entanglement on 2025-01-01: the (attacker, target) pairs that bind each state"
    assert lines[1].split() == ["State", "Bound", "Conditional"]


def test_reading_an_article_piped_fits_80_columns_without_markup_or_trailing_spaces(tmp_path):
    path = tmp_path / "malta.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    lines = plain(run("read", str(path), "--published", "2026-03-04", env={"CASUS_DB": f"sqlite:///{tmp_path}/s.sqlite"}))
    assert max(len(line) for line in lines) <= 80
    assert lines[:4] == [
        "VALLETTA, 3 March 2026 - Malta and Iceland signed a Treaty of Friendship and",
        "Mutual Assistance on Tuesday, pledging to defend each other if either is",
        "attacked. \"[bold]This is a good day[/bold],\" said the Prime Minister of Malta.",
        "Iceland's foreign minister visited Valletta on Monday.",
    ]
    assert "Agreements (1)" in lines
    # the record's line wraps at 80 columns: read it whole
    record = " ".join(" ".join(lines[lines.index("Agreements (1)") + 1:][:2]).split())
    assert record in ("signed · 2026-03-03 · Treaty of Friendship and Mutual Assistance · Malta (MLT), Iceland (ISL)",
                      "signed · 2026-03-03 · Treaty of Friendship and Mutual Assistance · Iceland (ISL), Malta (MLT)")


def test_review_list_and_show_piped_fit_80_columns(tmp_path):
    store = {"CASUS_DB": f"sqlite:///{tmp_path}/s.sqlite"}
    path = tmp_path / "malta.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    run("read", str(path), "--published", "2026-03-04", "--propose", env=store)
    listing = plain(run("review", env=store))
    assert max(len(line) for line in listing) <= 80
    assert listing[0].startswith("#1    new_treaty       new treaty ")
    assert listing[-1] == "1 proposal(s); `casus review show ID` for the evidence"
    shown = plain(run("review", "show", "1", env=store))
    assert max(len(line) for line in shown) <= 80
    assert shown[0] == "proposal #1 (new_treaty, open)"
    fields = [line[:15] for line in shown if line[2:3].isalpha() and line.startswith("  ") and ":" in line[:15]]
    assert fields == ["  treaty:      ", "  article:     ", "  evidence:    ", "  reader:      "]
    assert not any("{'" in line for line in shown)  # the article's facts as words, not a Python dict
