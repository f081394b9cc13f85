"""Data files are checked on load; a fault names the file, the record and the field."""

from __future__ import annotations

import shutil
from importlib.resources import files
from pathlib import Path

import pytest

from casus.errors import DataFileError
from casus.states import StateRegistry

PACKAGE_DATA = Path(str(files("casus.states") / "data"))


@pytest.fixture
def data_dir(tmp_path) -> Path:
    """A copy of the shipped data that a test may spoil."""
    folder = tmp_path / "states"
    shutil.copytree(PACKAGE_DATA, folder)
    return folder


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _append(path: Path, line: str) -> int:
    """Append a row; returns its line number."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text + line + "\n", encoding="utf-8")
    return len(text.splitlines()) + 1


def _fails(folder: Path) -> DataFileError:
    with pytest.raises(DataFileError) as caught:
        StateRegistry.load(folder)
    return caught.value


def test_the_shipped_files_load(data_dir):
    assert len(StateRegistry.load(data_dir).all()) == 217


def test_a_user_may_add_an_alias_in_the_same_format(data_dir):
    _append(data_dir / "aliases.csv", "PRK,Hermit Kingdom,name,,,nickname")
    assert StateRegistry.load(data_dir).lookup("the hermit kingdom").id == "PRK"


def test_a_wrong_header_is_reported_on_line_1(data_dir):
    _replace(data_dir / "states.csv", "id,cow,cow_abb", "id,ccode,cow_abb")
    error = _fails(data_dir)
    assert error.path.endswith("states.csv")
    assert error.record == "line 1 (header)"


def test_a_missing_file_is_reported(data_dir):
    (data_dir / "names.csv").unlink()
    error = _fails(data_dir)
    assert error.path.endswith("names.csv")
    assert "missing" in error.message


def test_a_duplicate_id_names_the_second_row(data_dir):
    line = _append(data_dir / "states.csv", "PRK,999,XXX,,,,Nowhere,Nowhere,Nowherian")
    error = _fails(data_dir)
    assert (error.record, error.field) == (f"line {line} (id=PRK)", "id")
    assert "already used by PRK" in error.message


def test_a_duplicate_cow_code_is_refused(data_dir):
    line = _append(data_dir / "states.csv", "XXA,731,XXA,,,,Nowhere,Nowhere,Nowherian")
    error = _fails(data_dir)
    assert (error.record, error.field) == (f"line {line} (id=XXA)", "cow")


def test_a_cow_code_must_be_a_whole_number(data_dir):
    _replace(data_dir / "states.csv", "PRK,731,", "PRK,7x1,")
    error = _fails(data_dir)
    assert error.path.endswith("states.csv")
    assert error.field == "cow"
    assert error.record.endswith("(id=PRK)")
    assert str(error).startswith(error.path + ", record line ")


def test_a_row_with_too_few_fields_is_refused(data_dir):
    line = _append(data_dir / "states.csv", "XXA,999,XXA")
    error = _fails(data_dir)
    assert error.record == f"line {line} (id=XXA)"
    assert "3 fields" in error.message


def test_a_date_must_be_iso(data_dir):
    _replace(data_dir / "spans.csv", "PRK,1948-09-09,", "PRK,09/09/1948,")
    error = _fails(data_dir)
    assert error.path.endswith("spans.csv")
    assert error.field == "from"
    assert error.record.endswith("(id=PRK)")


def test_an_end_before_the_start_is_refused(data_dir):
    line = _append(data_dir / "names.csv", "PRK,Chosŏn,1950-01-01,1949-01-01")
    error = _fails(data_dir)
    assert (error.path.endswith("names.csv"), error.record, error.field) == (True, f"line {line} (id=PRK)", "to")


def test_overlapping_spans_of_one_state_are_refused(data_dir):
    line = _append(data_dir / "spans.csv", "PRK,1990-01-01,2000-01-01")
    error = _fails(data_dir)
    assert (error.path.endswith("spans.csv"), error.record, error.field) == (True, f"line {line} (id=PRK)", "from")
    assert "overlaps" in error.message


def test_an_unknown_id_in_aliases_is_refused(data_dir):
    line = _append(data_dir / "aliases.csv", "ZZZ,Ruritania,name,,,")
    error = _fails(data_dir)
    assert (error.path.endswith("aliases.csv"), error.record, error.field) == (True, f"line {line} (id=ZZZ)", "id")


def test_an_alias_kind_must_be_known(data_dir):
    line = _append(data_dir / "aliases.csv", "PRK,Kimland,nickname,,,")
    error = _fails(data_dir)
    assert (error.record, error.field) == (f"line {line} (id=PRK)", "kind")


def test_a_state_without_a_span_is_refused(data_dir):
    _append(data_dir / "states.csv", "XXA,999,XXA,,,,Nowhere,Nowhere,Nowherian")
    error = _fails(data_dir)
    assert error.path.endswith("states.csv")
    assert (error.field, error.message) == ("id", "state has no span in spans.csv")
