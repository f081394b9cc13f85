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
])
def test_resolved_against_publication(text, value):
    (found,) = find_dates(text, WEDNESDAY)
    assert found.value == value
    assert text[found.start:found.end] == found.text


def test_relative_dates_stay_unresolved_without_publication():
    assert [d.value for d in find_dates("on Wednesday and last year, in May 2020", None)] == [None, None, "2020-05"]
