"""Treaty files are checked on load; errors name the file, the record and the field."""

from __future__ import annotations

import textwrap

import pytest

from casus.errors import DataFileError
from casus.treaties.loader import load_treaties, load_treaty_file

GOOD = """
id: pact
name: Pact of Mutual Assistance
signed: 2001-01-01
in_force: 2001-02-01
source: {url: https://example.org/pact}
members:
  - state: FRA
  - state: DEU
obligations:
  - article: "2"
    kind: defense
    strength: automatic
    summary: Each party aids the other when attacked.
    source: {url: https://example.org/pact, article: "2"}
"""


def write(tmp_path, text, name="pact.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text))
    return path


def test_a_well_formed_file_loads(tmp_path):
    treaty = load_treaty_file(write(tmp_path, GOOD))
    assert (treaty.id, [m.state for m in treaty.members], treaty.obligations[0].key) == (
        "pact", ["FRA", "DEU"], "art2:defense"
    )


@pytest.mark.parametrize(
    ("change", "record", "field", "message"),
    [
        (("strength: automatic", "strength: sometimes"), "treaty pact, obligations[0] (article 2)", "strength",
         "Input should be 'automatic', 'discretionary', 'consult' or 'unspecified'"),
        (("  - state: DEU", "  - state: DEU\n    joined: 2001-13-01"), "treaty pact, members[1] (DEU)", "joined",
         "Input should be a valid date or datetime, month value is outside expected range of 1-12"),
        (("source: {url: https://example.org/pact}\n", ""), "treaty pact", "source", "Field required"),
        (("in_force: 2001-02-01", "in_force: 2000-02-01"), "treaty pact", "(document)",
         "Value error, in_force (2000-02-01) is before signed (2001-01-01)"),
        (("    kind: defense", "    kind: defense\n    colour: red"), "treaty pact, obligations[0] (article 2)",
         "colour", "Extra inputs are not permitted"),
    ],
)
def test_a_malformed_file_is_rejected_naming_file_record_and_field(tmp_path, change, record, field, message):
    path = write(tmp_path, GOOD.replace(*change))
    with pytest.raises(DataFileError) as caught:
        load_treaty_file(path)
    assert (caught.value.path, caught.value.record, caught.value.field, caught.value.message) == (
        str(path), record, field, message
    )


def test_a_file_that_is_not_yaml_is_rejected(tmp_path):
    path = write(tmp_path, "id: [unclosed\n")
    with pytest.raises(DataFileError, match=r"pact.yaml: not valid YAML"):
        load_treaty_file(path)


def test_a_file_whose_id_differs_from_its_name_is_rejected(tmp_path):
    path = write(tmp_path, GOOD, name="other.yaml")
    with pytest.raises(DataFileError) as caught:
        load_treaty_file(path)
    assert (caught.value.field, caught.value.message) == ("id", "must equal the file name 'other'")


def test_an_unknown_state_is_rejected(tmp_path):
    path = write(tmp_path, GOOD.replace("state: DEU", "state: XXX"))
    with pytest.raises(DataFileError) as caught:
        load_treaties([path])
    assert (caught.value.record, caught.value.field) == ("treaty pact, members[1] (XXX)", "state")


def test_a_party_must_exist_when_it_joins(tmp_path):
    # West Germany (GFR) left the state system on 3 October 1990.
    path = write(tmp_path, GOOD.replace("state: DEU", "state: GFR"))
    with pytest.raises(DataFileError) as caught:
        load_treaties([path])
    assert (caught.value.record, caught.value.field, caught.value.message) == (
        "treaty pact, members[1] (GFR)", "joined", "GFR did not exist as a state on 2001-02-01"
    )


def test_an_explicit_obligor_must_be_a_member(tmp_path):
    path = write(tmp_path, GOOD.replace("    strength: automatic", "    strength: automatic\n    obligors: [USA]"))
    with pytest.raises(DataFileError) as caught:
        load_treaties([path])
    assert (caught.value.record, caught.value.field, caught.value.message) == (
        "treaty pact, obligations[0]", "obligors", "USA is not a member of the treaty"
    )


def test_two_files_may_not_define_the_same_treaty(tmp_path):
    first = write(tmp_path, GOOD)
    other_dir = tmp_path / "more"
    other_dir.mkdir()
    second = write(other_dir, GOOD)
    with pytest.raises(DataFileError, match="already defined in"):
        load_treaties([first, second])


def test_a_unilateral_pledge_must_bind_only_its_maker(tmp_path):
    text = textwrap.dedent("""\
        id: pledge
        name: A pledge
        instrument: unilateral
        in_force: 2025-01-01
        source: {url: "https://example.org/pledge"}
        members: [{state: USA}, {state: QAT}]
        obligations:
          - {article: "1", kind: defense, strength: discretionary, summary: Helps., source: {url: "https://example.org/pledge", article: "1"}}
        """)
    with pytest.raises(DataFileError) as caught:
        load_treaty_file(write(tmp_path, text, "pledge.yaml"))
    assert "a unilateral pledge binds one maker" in str(caught.value)
    fixed = text.replace("kind: defense,", "kind: defense, obligors: [USA], beneficiaries: [QAT],")
    assert load_treaty_file(write(tmp_path, fixed, "pledge.yaml")).instrument == "unilateral"
