"""End to end with the real English model: the seed-like story through ``casus read``."""

import json

from typer.testing import CliRunner

from casus.cli.main import app

STORY = (
    "Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a treaty on strategic "
    "partnership in Pyongyang on Wednesday.\n\n"
    "The treaty obliges each side to give mutual assistance in case of aggression against the other, "
    "Putin said after the talks.\n\n"
    "\"This document opens a new era in our relations with Russia,\" Kim said.\n\n"
    "North Korean leader Kim Jong Un had travelled to Russia back in September 2023 for a summit at a space centre.\n"
)


def test_seed_like_story(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = CliRunner().invoke(app, ["read", str(path), "--published", "2024-06-19", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    (agreement,) = payload["agreements"]
    assert sorted(p["id"] for p in agreement["parties"]) == ["PRK", "RUS"]
    assert agreement["event"] == "signed"
    assert agreement["event_date"] == "2024-06-19"
    assert "defense" in agreement["provisions"]
    for ev in agreement["evidence"]:
        assert STORY[ev["start"]:ev["end"]] == ev["text"]
    assert [(v["visitor"], v["host"], v["date"]) for v in payload["visits"]] == [("PRK", "RUS", "2023-09")]
    assert any("Kim" in (q["speaker"] or "") for q in payload["quotes"])
    assert "reader_version" in payload


def test_text_view_lists_the_facts(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = CliRunner().invoke(app, ["read", str(path), "--published", "2024-06-19"])
    assert result.exit_code == 0, result.output
    assert "signed" in result.output and "RUS" in result.output


def test_empty_input_is_refused(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("   ", encoding="utf-8")
    result = CliRunner().invoke(app, ["read", str(path)])
    assert result.exit_code == 3
