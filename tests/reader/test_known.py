"""The reader's table of known agreements (``casus.reader.known``) and the checks on the
files it is built from."""

from __future__ import annotations

import re

import pytest

from casus.errors import DataFileError
from casus.reader import known
from casus.reader.organisations import ORG_COLUMNS, load_organisations

HEADER = ",".join(ORG_COLUMNS)


def test_bilateral_treaties_bind_their_two_states():
    table = known.known_agreements()
    assert table["Treaty of Aachen"] == ("FRA", "DEU")
    assert table["Pukpuk Treaty"] == ("AUS", "PNG")
    assert table["Strategic Mutual Defence Agreement"] == ("SAU", "PAK")  # British spelling of the alias


def test_a_treaty_an_organisation_stands_for_is_the_organisation():
    table = known.known_agreements()
    assert table["Tashkent Treaty"] == ("CSTO",)
    assert table["Maastricht Treaty"] == ("EU",)
    assert table["ANZUS Pact"] == ("AUS", "NZL", "USA")  # a pact: its members
    assert "NATO" not in table and "Rio Treaty" not in table  # the organisation's own names: mentions of it
    assert "Tashkent Treaty" in known.organisation_treaty_names()["CSTO"]


def test_agreements_csv_rows_are_known():
    table = known.known_agreements()
    assert table["Indus Waters Treaty"] == ("IND", "PAK")
    assert table["INF Treaty"] == ("USA", "RUS")


def test_ambiguous_and_bracketed_names_are_left_out():
    table = known.known_agreements()
    for name in ("Mutual Defense Treaty", "MDT", "Mutual Defence Pact", "Comprehensive Strategic Partnership Treaty",
                 "Treaty of Friendship, Co-operation and Mutual Assistance", "TEU", "Western Union",
                 "Treaty of London (1373)", "Treaty of London"):
        assert name not in table, name


def test_every_multilateral_treaty_is_an_organisations_or_left_out_on_purpose():
    mapped = {t for org in load_organisations().values() for t in org.treaties}
    multilateral = {ident for ident, _, members in known.treaty_records() if len(members) > 2}
    assert multilateral - mapped == set()


def test_one_name_two_records_with_different_parties_names_neither(tmp_path):
    (tmp_path / "a.yaml").write_text("id: a\nname: Treaty of Example\nmembers: [{state: FRA}, {state: DEU}]\n")
    (tmp_path / "b.yaml").write_text("id: b\nname: Other\naliases: [Treaty of Example]\n"
                                     "members: [{state: FRA}, {state: ITA}]\n")
    orgs = tmp_path / "organisations.csv"
    orgs.write_text(f"{HEADER}\nXO,Example Organisation,,organisation,,,https://example.org/\n")
    table = known.known_agreements(orgs_path=orgs, directory=tmp_path)
    assert "Treaty of Example" not in table and table["Other"] == ("FRA", "ITA")


def test_an_organisation_naming_an_unknown_treaty_is_the_files_error(tmp_path):
    path = tmp_path / "organisations.csv"
    path.write_text(f"{HEADER}\nXO,Example Organisation,,organisation,,no-such-treaty,https://example.org/\n")
    with pytest.raises(DataFileError, match="treaties"):
        known.organisation_treaty_names(path)


@pytest.mark.parametrize("row, field", [
    ("XP,Example Pact,,pact,FRA,,https://example.org/", "members"),
    ("XO,Example Organisation,,organisation,FRA;DEU,,https://example.org/", "members"),
    ("XO,Example Organisation,,organisation,,,example.org", "source"),
    ("XO,Example Organisation,,club,,,https://example.org/", "kind"),
    (",Example Organisation,,organisation,,,https://example.org/", "id"),
])
def test_organisation_rows_are_checked(tmp_path, row, field):
    path = tmp_path / "organisations.csv"
    path.write_text(f"{HEADER}\n{row}\n")
    with pytest.raises(DataFileError, match=field):
        load_organisations(path)


def test_agreement_rows_are_checked(tmp_path):
    path = tmp_path / "agreements.csv"
    path.write_text("id,name,aliases,parties,source\nX,Example Accord,,IND,https://example.org/\n")
    with pytest.raises(DataFileError, match="parties"):
        known.load_agreements_csv(path)


def test_the_trie_pattern_finds_what_an_alternation_finds():
    names = ["INF", "INF Treaty", "New START", "New START treaty", "Treaty of Aachen", "Aachen Treaty", "U.S. pact"]
    alternation = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")
    text = ("Russia left the INF Treaty; the INF lapsed. New START treaty talks, New STARTS, the Treaty of Aachen "
            "and Aachen Treatys, INFO, a U.S. pact.")
    assert [m.group() for m in known.names_pattern(names).finditer(text)] == \
        [m.group() for m in alternation.finditer(text)]


def test_the_blocks_read_of_each_treaty_file_are_its_names_and_members():
    import yaml

    from casus.treaties.builtin import builtin_files

    for path in builtin_files():
        text = path.read_text(encoding="utf-8")
        full = yaml.load(text, Loader=known._Loader)  # noqa: S506 - a SafeLoader
        part = yaml.load(known._wanted_blocks(text), Loader=known._Loader)  # noqa: S506
        assert {k: full.get(k) for k in known._WANTED} == {k: part.get(k) for k in known._WANTED}, path.name


def test_the_first_pass_keeps_a_story_naming_a_known_agreement():
    from casus.reader.inputs import worth_reading

    assert worth_reading("New Delhi said it would hold the Simla Agreement in abeyance.")
    assert worth_reading("Manila signed the EDCA with Washington in 2014.")
    assert not worth_reading("Heavy rain in Lisbon; the Anglo-Portuguese derby ended 2-1.")
    assert worth_reading("North Korea withdrew from the NPT in 2003.")
    assert worth_reading("Hungary will leave the Rome Statute, its government said.")
