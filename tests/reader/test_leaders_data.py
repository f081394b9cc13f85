"""Checks on the curated leaders file used to read leaders as metonyms for their states."""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from casus.states import default_registry

DATA = Path(__file__).resolve().parents[2] / "src" / "casus" / "reader" / "data"
LEADERS = DATA / "leaders.csv"
TREATIES = Path(__file__).resolve().parents[2] / "src" / "casus" / "treaties" / "data"
COLUMNS = ["state", "name", "surname", "aliases", "role", "from", "to", "source"]
ROLES = {"head_of_state", "head_of_government"}
# States that ceased to exist before 2000: no leader in the period to cover.
DEFUNCT_BEFORE_2000 = {"CSK", "DDR", "GFR", "YAR", "YMD"}


def _rows() -> list[dict[str, str]]:
    with LEADERS.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == COLUMNS
        return list(reader)


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _holder(state: str, role: str, on: str) -> list[str]:
    day = dt.date.fromisoformat(on)
    return [
        row["name"]
        for row in _rows()
        if row["state"] == state
        and row["role"] == role
        and _date(row["from"]) <= day
        and (not row["to"] or day < _date(row["to"]))
    ]


def test_file_parses_and_fields_are_filled():
    rows = _rows()
    assert len(rows) > 1000
    for row in rows:
        assert row["state"] and row["name"] and row["surname"], row
        assert row["role"] in ROLES, row
        assert _date(row["from"]) is not None
        for alias in filter(None, row["aliases"].split("|")):
            assert alias == alias.strip() and alias, row


def test_every_state_id_exists():
    registry = default_registry()
    for state in sorted({row["state"] for row in _rows()}):
        registry.get(state)  # raises UnknownStateError otherwise


def test_dates_are_ordered():
    for row in _rows():
        if row["to"]:
            assert _date(row["from"]) < _date(row["to"]), row


def test_terms_do_not_overlap_for_same_state_and_role():
    spans = defaultdict(list)
    for row in _rows():
        spans[(row["state"], row["role"])].append((_date(row["from"]), _date(row["to"]) or dt.date.max, row["name"]))
    for key, items in spans.items():
        items.sort()
        for (a_from, a_to, a_name), (b_from, _b_to, b_name) in zip(items, items[1:]):
            assert a_to <= b_from, f"{key}: {a_name} until {a_to} overlaps {b_name} from {b_from}"


def test_every_row_has_a_source_url():
    for row in _rows():
        assert row["source"].startswith(("https://", "http://")), row


def test_every_treaty_party_is_covered():
    parties = set()
    for path in TREATIES.glob("*.yaml"):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        parties.update(member["state"] for member in document.get("members", []))
    covered = {row["state"] for row in _rows()}
    gaps = {row["state"] for row in csv.DictReader((DATA / "leaders-gaps.csv").open(encoding="utf-8"))}
    missing = parties - covered - DEFUNCT_BEFORE_2000 - gaps
    assert not missing, sorted(missing)
    # A state whose leaders have been compiled leaves the list of known gaps.
    assert not gaps & covered, sorted(gaps & covered)


@pytest.mark.parametrize(
    ("state", "role", "on", "expected"),
    [
        ("RUS", "head_of_state", "2007-01-01", "Vladimir Putin"),
        ("RUS", "head_of_state", "2010-01-01", "Dmitry Medvedev"),
        ("USA", "head_of_state", "2025-02-01", "Donald Trump"),
        ("USA", "head_of_government", "2025-02-01", "Donald Trump"),
        ("USA", "head_of_state", "2024-12-31", "Joe Biden"),
        ("KOR", "head_of_state", "2025-07-01", "Lee Jae-myung"),
        ("GBR", "head_of_government", "2024-07-05", "Keir Starmer"),
        ("GBR", "head_of_government", "2024-07-04", "Rishi Sunak"),
        ("JPN", "head_of_government", "2025-11-01", "Sanae Takaichi"),
        ("PRK", "head_of_state", "2024-06-19", "Kim Jong Un"),
        ("DEU", "head_of_government", "2025-05-06", "Friedrich Merz"),
        ("POL", "head_of_state", "2025-08-06", "Karol Nawrocki"),
        ("CHN", "head_of_state", "2024-06-19", "Xi Jinping"),
        ("TUR", "head_of_state", "2024-06-19", "Recep Tayyip Erdoğan"),
        ("BLZ", "head_of_government", "2008-02-07", "Said Musa"),
        ("BLZ", "head_of_government", "2008-02-08", "Dean Barrow"),
        ("BLZ", "head_of_state", "2024-06-19", "Charles III"),
        ("GRD", "head_of_government", "2010-01-01", "Tillman Thomas"),
        ("GRD", "head_of_government", "2022-06-24", "Dickon Mitchell"),
        ("PNG", "head_of_government", "2019-05-30", "James Marape"),
        ("PNG", "head_of_government", "2015-01-01", "Peter O'Neill"),
        ("PNG", "head_of_state", "2024-06-19", "Charles III"),
    ],
)
def test_spot_checks(state, role, on, expected):
    assert _holder(state, role, on) == [expected]


def test_surnames_as_news_uses_them():
    by_name = {row["name"]: row for row in _rows()}
    assert by_name["Kim Jong Un"]["surname"] == "Kim"
    assert by_name["Xi Jinping"]["surname"] == "Xi"
    assert by_name["Pedro Sánchez"]["surname"] == "Sánchez"
    assert by_name["Recep Tayyip Erdoğan"]["surname"] == "Erdogan"
    assert "Lula" in {by_name["Luiz Inácio Lula da Silva"]["surname"], *by_name["Luiz Inácio Lula da Silva"]["aliases"].split("|")}
    assert "MBS" in by_name["Mohammed bin Salman Al Saud"]["aliases"].split("|")
