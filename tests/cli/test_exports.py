"""`casus export dyad-years` and `casus export graphml`, run as a user would, checked through the library."""

from __future__ import annotations

import polars as pl
import pytest
from typer.testing import CliRunner

from casus.cli.main import app
from casus.store import Store
from exports.records import fill


@pytest.fixture
def filled(isolated_store_path):
    fill(Store.open(isolated_store_path, seed=False)).close()
    return isolated_store_path


def run(*args):
    return CliRunner().invoke(app, ["export", *args])


def test_dyad_years_writes_csv_to_standard_output(filled):
    result = run("dyad-years", "--from", "1955", "--to", "1956", "--source", "alpha")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul,source,treaties",
        "211,220,1955,0,0,0,0,0,alpha,guarantee",
        "211,220,1956,0,0,0,0,0,alpha,guarantee",
        "220,211,1955,1,0,0,0,0,alpha,guarantee",
        "220,211,1956,1,0,0,0,0,alpha,guarantee",
    ]


def test_dyad_years_writes_parquet_with_missing_values(filled, tmp_path):
    target = tmp_path / "gamma.parquet"
    result = run("dyad-years", "--from", "1999", "--to", "1999", "--source", "gamma", "--undirected",
                 "--format", "parquet", "--output", str(target))
    assert result.exit_code == 0, result.output
    frame = pl.read_parquet(target)
    assert frame.select("ccode1", "ccode2", "year", "atop_defense", "atop_consul").rows() == [(2, 200, 1999, 1, None)]


def test_dyad_years_says_when_coverage_was_derived(filled):
    result = run("dyad-years", "--from", "1905", "--to", "1905", "--source", "beta")
    assert result.exit_code == 0
    assert "beta: no coverage recorded in the store; derived" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "1960", "--to", "1950", "-o", "OUT"], "--from: the first year 1960 is after the last year 1950"),
        (["--from", "1950", "--to", "1960", "--source", "nope", "-o", "OUT"], "no dataset 'nope'"),
        (["--from", "1950", "--to", "1960", "--format", "xlsx", "-o", "OUT"], "--format: 'xlsx' is not one of"),
        (["--from", "1950", "--to", "1960", "--format", "parquet"], "--format parquet needs --output FILE"),
        (["--from", "1950", "--to", "1960", "--year-rule", "never", "-o", "OUT"], "--year-rule: 'never' is not one of"),
    ],
)
def test_bad_arguments_exit_non_zero_and_write_nothing(filled, tmp_path, args, message):
    folder = tmp_path / "exports"
    folder.mkdir()
    result = run("dyad-years", *[str(folder / "out") if a == "OUT" else a for a in args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert list(folder.iterdir()) == []


def test_an_output_folder_that_does_not_exist_is_reported(filled, tmp_path):
    result = run("dyad-years", "--from", "1950", "--to", "1951", "--output", str(tmp_path / "no" / "out.csv"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_graphml_writes_the_network_to_a_file(filled, tmp_path):
    target = tmp_path / "net.graphml"
    result = run("graphml", "--on", "1953-06-01", "--source", "alpha", "--output", str(target))
    assert result.exit_code == 0, result.output
    assert "13 duties" in result.stderr
    assert target.read_bytes().startswith(b"<?xml")


def test_graphml_rejects_a_bad_date_and_writes_nothing(filled, tmp_path):
    target = tmp_path / "net.graphml"
    result = run("graphml", "--on", "1953-13-01", "--output", str(target))
    assert result.exit_code == 2
    assert "is not a date" in result.stderr
    assert not target.exists()
