"""Reading an archive into the store: idempotent, resumable, one writer, errors skipped."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from casus.archive import read_archive
from casus.cli.main import app
from casus.errors import InvalidArgumentError

PACT = ("Norway and Kenya signed a mutual defence treaty in Oslo on Monday. The treaty obliges each side to come "
        "to the aid of the other if it is attacked, the two governments said.")
MATCH = "City beat United 3-1 on Saturday to move four points clear at the top of the table, and fans celebrated."


def _archive(tmp_path, *records) -> str:
    path = tmp_path / "news.jsonl"
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records))
    return str(path)


def _facts(store) -> tuple[list, list]:
    readings = sorted((r["content_hash"], r["article"], r["kept"], r["agreements"], r["proposals"])
                      for r in store.readings())
    proposals = sorted((p["fact_key"], p["kind"], p["summary"]) for p in store.proposals())
    return readings, proposals


def test_a_batch_files_the_treaty_story_skips_the_match_and_reports_the_bad_line(fresh_store, tmp_path):
    archive = _archive(tmp_path, {"id": "pact", "published": "2025-05-05", "text": PACT},
                       {"id": "match", "published": "2025-05-05", "text": MATCH}, "{oops")
    errors = []
    summary = read_archive(fresh_store, archive, propose=True, on_error=errors.append)
    assert (summary.records, summary.read, summary.kept, summary.error_count) == (3, 2, 1, 1)
    assert summary.agreements == 1 and summary.proposals >= 1
    assert [(e.line, e.message[:8]) for e in errors] == [(3, "not JSON")]
    readings = {r["article"]: r for r in fresh_store.readings()}
    assert readings["pact"]["kept"] and not readings["match"]["kept"]
    assert readings["pact"]["reading"]["agreements"][0]["event"] == "signed"
    assert {p["article"] for p in fresh_store.proposals()} == {"pact"}


def test_reading_the_same_archive_twice_changes_nothing(fresh_store, tmp_path):
    archive = _archive(tmp_path, {"id": "pact", "published": "2025-05-05", "text": PACT},
                       {"id": "match", "text": MATCH})
    read_archive(fresh_store, archive, propose=True)
    before = _facts(fresh_store)
    again = read_archive(fresh_store, archive, propose=True)
    assert (again.read, again.already_read, again.proposals) == (0, 2, 0)
    assert _facts(fresh_store) == before


def test_the_same_story_under_another_id_is_read_once(fresh_store, tmp_path):
    archive = _archive(tmp_path, {"id": "a", "text": PACT, "published": "2025-05-05"},
                       {"id": "b", "text": PACT, "published": "2025-05-05"})
    summary = read_archive(fresh_store, archive, propose=True, chunk=1)
    assert (summary.read, summary.duplicates) == (1, 1)
    assert [r["article"] for r in fresh_store.readings()] == ["a"]


def test_without_resume_every_article_is_read_again_and_nothing_is_filed_twice(fresh_store, tmp_path):
    archive = _archive(tmp_path, {"id": "pact", "published": "2025-05-05", "text": PACT})
    read_archive(fresh_store, archive, propose=True)
    before = _facts(fresh_store)
    again = read_archive(fresh_store, archive, propose=True, resume=False)
    assert (again.read, again.already_read, again.proposals) == (1, 0, 0)
    assert _facts(fresh_store) == before


def test_the_local_engine_refuses_workers_and_an_unknown_engine_is_named(fresh_store, tmp_path):
    archive = _archive(tmp_path, {"id": "pact", "text": PACT})
    with pytest.raises(InvalidArgumentError, match="local engine reads in one process"):
        read_archive(fresh_store, archive, workers=4)
    with pytest.raises(InvalidArgumentError, match="'spark' is not an engine"):
        read_archive(fresh_store, archive, engine="spark")
    assert fresh_store.readings() == []


def test_casus_read_batch_prints_a_summary_and_exits_3_when_records_were_skipped(tmp_path):
    archive = _archive(tmp_path, {"id": "pact", "published": "2025-05-05", "text": PACT}, '{"id": 5, "text": 7}')
    result = CliRunner().invoke(app, ["read", "--batch", archive, "--propose", "--json"])
    assert result.exit_code == 3, result.output
    summary = json.loads(result.stdout)
    assert (summary["records"], summary["read"], summary["error_count"]) == (2, 1, 1)
    assert summary["errors"] == [{"file": archive, "line": 2, "field": "text",
                                  "message": "'text' must be a string, not int"}]
    clean = _archive(tmp_path, {"id": "match", "text": MATCH})
    result = CliRunner().invoke(app, ["read", "--batch", clean])
    assert result.exit_code == 0 and "1 records" in result.stdout


def test_batch_options_without_batch_and_a_file_with_batch_are_errors(tmp_path):
    archive = _archive(tmp_path, {"id": "pact", "text": PACT})
    result = CliRunner().invoke(app, ["read", archive, "--engine", "ray"])
    assert result.exit_code == 2 and "go with --batch" in result.output
    result = CliRunner().invoke(app, ["read", archive, "--batch", archive])
    assert result.exit_code == 2 and "not both" in result.output
