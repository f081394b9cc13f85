import datetime as dt

import pytest

from casus.reader.dates import find_dates

WEDNESDAY = dt.date(2024, 6, 19)


@pytest.mark.parametrize("text, value", [
    ("signed on Wednesday", "2024-06-19"),
    ("met on Monday", "2024-06-17"),
    ("said June 19 after", "2024-06-19"),
    ("back in September 2023, he", "2023-09"),
    ("the first since 2000.", "2000"),
    ("last year", "2023"),
    ("last month", "2024-05"),
    ("in May, they", "2024-05"),
    ("in November 1990, it", "1990-11"),
    ("on 3 March 2022 it", "2022-03-03"),
    ("yesterday", "2024-06-18"),
    ("in December", "2023-12"),
    ("signed in Manila on the 8th.", "2024-06-08"),
    ("met on the 20th, when", "2024-05-20"),
])
def test_resolved_against_publication(text, value):
    (found,) = find_dates(text, WEDNESDAY)
    assert found.value == value
    assert text[found.start:found.end] == found.text


def test_relative_dates_stay_unresolved_without_publication():
    assert [d.value for d in find_dates("on Wednesday and last year, in May 2020", None)] == [None, None, "2020-05"]


SATURDAY = dt.date(2025, 6, 14)


@pytest.mark.parametrize("text, value", [
    ("the pact will take effect on Sunday", "2025-06-15"),
    ("it is due to be signed on Monday", "2025-06-16"),
    ("they met on Monday", "2025-06-09"),
    ("they met last Saturday", "2025-06-07"),
    ("they meet next Saturday", "2025-06-21"),
    ("signed on Saturday", "2025-06-14"),
    ("the treaty, which will enter into force in January", "2026-01"),
    ("signed last June", "2024-06"),
    ("signed in June", "2025-06"),
    ("ratified three days ago", "2025-06-11"),
    ("ratified two weeks ago", "2025-05"),
    ("signed six months ago", "2024-12"),
    ("signed over the weekend", "2025-06"),
    ("to be signed next week", "2025-06"),
    ("the talks end later today", "2025-06-14"),
    ("signed on Friday, 13 June 2025, in Rome", "2025-06-13"),
])
def test_direction_comes_from_the_clause(text, value):
    (found,) = find_dates(text, SATURDAY)
    assert found.value == value


def test_a_said_clause_is_not_the_future_of_the_clause_before():
    (_, said) = find_dates("They will sign next week, the ministers said on Saturday.", SATURDAY)
    assert said.value == "2025-06-14" and not said.ahead


def test_without_publication_the_latest_full_date_is_the_reference():
    found = find_dates("Today they signed; in March they met. Posted on 21 May 2024.", None)
    assert [d.value for d in found] == ["2024-05-21", "2024-03", "2024-05-21"]


@pytest.mark.parametrize("text, value", [
    ("moves to leave the pact one day after Peru announced", "2025-06-13"),
    ("left on Friday, two days after Peru announced", "2025-06-11"),
    ("signed thirteen months after they met", "2024-05"),
    ("joined a year after they applied", "2024"),
    ("it will take effect 30 days after ratification", None),
])
def test_n_days_after_dates_the_event_after_it(text, value):
    (*_, found) = find_dates(text, SATURDAY)
    assert found.forward and found.value == value


@pytest.mark.parametrize("text", [
    "date 2024-07-22 NAIROBI — Kenya signed.",
    " date 2025-03-10 The foreign ministers of Chile and Peru met in Lima on Friday for talks on their border.",
    "World\n\n12 August 2025 - 15:05 By A Writer\nKenya signed.",
    "WASHINGTON, November 7. /AGENCY/. Kenya signed.",
])
def test_page_dates_are_headers(text):
    from casus.reader.dates import is_header

    (found, *_) = find_dates(text, dt.date(2025, 11, 8))
    assert is_header(text, found)


def test_a_date_in_the_body_is_no_header():
    from casus.reader.dates import is_header

    text = "Heading\n\nKenya and Uganda signed a pact on 12 August 2025 in Kampala, officials said."
    (found,) = find_dates(text, dt.date(2025, 8, 13))
    assert not is_header(text, found)


def test_an_unnamed_agreement_takes_the_date_the_same_parties_named_one_is_given():
    from types import SimpleNamespace

    from casus.reader.dates import Dater
    from casus.reader.rules import load_rules

    rules = load_rules()
    text = ("Peru's government announced that a pact with Chile will take effect on Sunday. "
            "Chile and Peru reached a broad agreement on the PAA in October 2022.")
    unnamed = SimpleNamespace(name=None, parties=["PER", "CHL"])
    named = SimpleNamespace(name="Pacific Access Agreement", parties=["CHL", "PER"])
    other = SimpleNamespace(name="Fisheries Accord", parties=["CHL", "PER"])
    dater = Dater(text, SATURDAY, rules.events, rules.weak)
    cut = text.index(". ") + 1
    dater.note(0, cut, [unnamed])
    dater.note(cut + 1, len(text), [named])
    site = [(0, cut, text.index("announced"), text.index("announced") + 9)]
    assert dater.fallback("announced", unnamed, site) == "2022-10"
    assert dater.fallback("announced", other, site) is None  # another agreement, named otherwise


@pytest.mark.parametrize("text, value", [
    ("Finland joined the alliance in April 2023 and Sweden a year later.", "2024-04"),
    ("The pact was signed on 3 March 2021. Two days later the senate ratified it.", "2021-03-05"),
    ("The treaty was signed on 5 May. The following day Peru withdrew.", "2025-05-06"),
    ("The pact was signed in 2019 and two years later it was ratified.", "2021"),
    ("Chile signed on 10 May 2024; Bolivia had signed a week earlier.", "2024-05-03"),
    ("It was signed in March 2020 and the senate ratified it the same month.", "2020-03"),
    # a month or a day counted from a year alone is not known
    ("It was signed in 2019 and ratified a month later.", None),
])
def test_a_shift_counts_from_the_date_the_story_last_gave(text, value):
    *_, found = find_dates(text, SATURDAY)
    assert found.value == value


def test_with_no_date_before_it_earlier_counts_back_from_publication_and_later_is_unknown():
    assert [d.value for d in find_dates("It was ratified three days earlier.", SATURDAY)] == ["2025-06-11"]
    assert [d.value for d in find_dates("It was ratified two days later.", SATURDAY)] == [None]


def test_years_ago_today_is_that_day():
    (found,) = find_dates("Thirty years ago today the two states signed the treaty.", SATURDAY)
    assert found.value == "1995-06-14"


@pytest.mark.parametrize("text", ["on the 75th anniversary", "on the 3rd floor", "the 8th, 9th and 10th"])
def test_an_ordinal_that_is_no_day_of_the_month_dates_nothing(text):
    assert find_dates(text, WEDNESDAY) == []
