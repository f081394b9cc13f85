"""Faulty gazetteer data files are reported with file, record and field."""

from __future__ import annotations

import shutil
from importlib.resources import as_file, files

import pytest

from casus.errors import DataFileError
from casus.places import Gazetteer


@pytest.fixture
def data_dir(tmp_path):
    with as_file(files("casus.places") / "data") as source:
        shutil.copytree(source, tmp_path / "data")
    return tmp_path / "data"


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_copy_of_the_shipped_data_loads(data_dir):
    assert Gazetteer(data_dir, cities=False).resolve("Guam").state == "USA"


def test_an_unknown_kind_names_the_record_and_field(data_dir):
    _edit(data_dir / "places.csv", "guam,Guam,Guahan,island,", "guam,Guam,Guahan,atoll,")
    with pytest.raises(DataFileError) as caught:
        Gazetteer(data_dir, cities=False)
    assert caught.value.path.endswith("places.csv")
    assert "id=guam" in caught.value.record and caught.value.field == "kind"


def test_an_unknown_state_id_is_refused(data_dir):
    _edit(data_dir / "places.csv", "guam,Guam,Guahan,island,USA,", "guam,Guam,Guahan,island,XYZ,")
    with pytest.raises(DataFileError) as caught:
        Gazetteer(data_dir, cities=False)
    assert caught.value.field == "state"


def test_overlapping_administration_periods_are_refused(data_dir):
    _edit(data_dir / "administration.csv", "okinawa,JPN,1972-05-15,", "okinawa,JPN,1970-01-01,")
    with pytest.raises(DataFileError) as caught:
        Gazetteer(data_dir, cities=False)
    assert caught.value.path.endswith("administration.csv") and caught.value.field == "from"


def test_an_open_outline_is_refused(data_dir):
    _edit(data_dir / "seas.csv", "-98.0 18.0;-98.0 30.5;", "-98.0 18.5;-98.0 30.5;")
    with pytest.raises(DataFileError) as caught:
        Gazetteer(data_dir, cities=False)
    assert "id=gulf-of-mexico" in caught.value.record and caught.value.field == "shape"


def test_wrong_columns_are_refused(data_dir):
    _edit(data_dir / "regions.csv", "id,use,members", "id,kind,members")
    with pytest.raises(DataFileError) as caught:
        Gazetteer(data_dir, cities=False)
    assert caught.value.record == "line 1"
