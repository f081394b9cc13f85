import datetime as dt

import pytest

from casus.reader.mentions import Leader, MentionFinder
from casus.reader.nlp import load


def mentions(text, on=dt.date(2024, 6, 19), leaders=()):
    nlp = load(blank=True)
    finder = MentionFinder(nlp.vocab, on, leaders=list(leaders))
    return [(m.text, m.kind, m.id) for m in finder.find(nlp, nlp.make_doc(text))]


def test_names_demonyms_capitals_and_organisations():
    found = mentions("Pyongyang will back Russian policy, and Finland joined NATO.")
    assert ("Pyongyang", "capital", "PRK") in found
    assert ("Russian", "demonym", "RUS") in found
    assert ("NATO", "organisation", "NATO") in found


def test_longer_names_are_not_states():
    assert mentions("Ships met in the South China Sea, France 24 reported.") == []


def test_ambiguous_words_are_left_out():
    assert all(m[2] not in ("PRK", "KOR") for m in mentions("The Korean delegation arrived."))


def test_leaders_only_while_in_office():
    leader = Leader("RUS", "Boris Yeltsin", "Yeltsin", (), dt.date(1991, 7, 10), dt.date(1999, 12, 31))
    assert ("Yeltsin", "leader", "RUS") in mentions("Yeltsin spoke.", dt.date(1995, 1, 1), [leader])
    assert mentions("Yeltsin spoke.", dt.date(2024, 1, 1), [leader]) == []


def test_a_shared_surname_after_a_leaders_alias_is_that_leader():
    # made-up leaders: two in office with one surname; the article names one by an alias
    north = Leader("PRK", "Pak Sol Ju", "Pak", ("Pak Sol-ju",), dt.date(2001, 1, 1), None)
    south = Leader("KOR", "Pak Min Ho", "Pak", ("Pak Min-ho",), dt.date(2001, 1, 1), None)
    found = mentions("Pak Sol-ju arrived. Pak spoke.", dt.date(2024, 1, 1), [north, south])
    assert ("Pak", "leader", "PRK") in found
    assert not any(m[2] == "KOR" for m in found)
    # the surname alone names neither
    assert not any(m[0] == "Pak" for m in mentions("Pak spoke.", dt.date(2024, 1, 1), [north, south]))


def test_a_states_name_reads_as_the_date_has_it():
    # the registry keeps the USSR under RUS: its name in 1990, history in today's news
    assert ("Soviet Union", "name", "RUS") in mentions("The Soviet Union signed.", dt.date(1990, 3, 1))
    assert ("Soviet Union", "historical", "RUS") in mentions("The Soviet Union signed.", dt.date(2024, 6, 19))
    assert ("USSR", "abbreviation", "RUS") in mentions("The USSR signed.", dt.date(1990, 3, 1))
    assert ("Czechoslovakia", "name", "CSK") in mentions("Czechoslovakia signed.", dt.date(1990, 3, 1))
    assert mentions("Czechoslovakia signed.", dt.date(2024, 6, 19)) == []


def test_derived_forms_polities_and_ambiguous_short_forms():
    assert ("French Republic", "name", "FRA") in mentions("The French Republic signed.")
    assert ("russia", "name", "RUS") in mentions("Then russia signed.")
    assert ("Somaliland", "name", "SOMALILAND") in mentions("Somaliland signed.")
    # "ROC" is Taiwan or Cyprus: the one the article names otherwise, else neither
    assert ("ROC", "abbreviation", "CYP") in mentions("Cyprus said the ROC signed.")
    assert not any(m[0] == "ROC" for m in mentions("The ROC signed."))


def test_polities_without_a_registry_code_are_written_as_gold_writes_them():
    from casus.reader.polities import polities

    table = polities()
    assert table["SOMALILAND"].to_json() == {"id": "SOMALILAND", "iso3": "SOMALILAND", "cow": None,
                                             "name": "Somaliland"}
    assert table["PSE"].iso3 == "PSE" and table["ESH"].iso3 == "ESH"


def test_a_polity_row_that_is_a_registry_state_or_has_no_source_is_refused(tmp_path):
    from casus.errors import DataFileError
    from casus.reader.polities import POLITY_COLUMNS, load_polities

    header = ",".join(POLITY_COLUMNS)
    path = tmp_path / "p.csv"
    path.write_text(f"{header}\nXKX,XKX,Kosovo,,Kosovar,Pristina,https://example.org\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="registry"):
        load_polities(path)
    path.write_text(f"{header}\nABKHAZIA,ABKHAZIA,Abkhazia,,Abkhaz,Sukhumi,wikipedia\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="source"):
        load_polities(path)


def test_names_printed_without_their_accents_or_with_a_curly_apostrophe():
    found = mentions("Turkiye, Cote d'Ivoire and Sao Tome and Principe met; Côte d’Ivoire hosted.")
    assert ("Turkiye", "name", "TUR") in found
    assert ("Cote d'Ivoire", "name", "CIV") in found
    assert ("Sao Tome and Principe", "name", "STP") in found
    assert ("Côte d’Ivoire", "name", "CIV") in found


def test_a_leader_printed_without_accents():
    from casus.reader.mentions import load_leaders

    found = mentions("Captain Ibrahim Traore spoke.", on=dt.date(2025, 3, 14), leaders=load_leaders())
    assert ("Ibrahim Traore", "leader", "BFA") in found
