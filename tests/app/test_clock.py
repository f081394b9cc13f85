"""Today comes in from the edge: only the clock reads the system date."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import casus
from casus.app import App, FixedClock, SystemClock

PACKAGE = Path(casus.__file__).parent
ALLOWED = {PACKAGE / "app" / "clock.py"}


def test_no_library_module_reads_the_system_date():
    readers = [
        str(path.relative_to(PACKAGE))
        for path in sorted(PACKAGE.rglob("*.py"))
        if path not in ALLOWED and re.search(r"\b(date|datetime)\.today\(\)|\bdatetime\.now\(\)\.date\(\)",
                                             path.read_text(encoding="utf-8"))
    ]
    assert readers == []


def test_a_question_without_a_date_is_asked_about_the_clocks_today(tmp_path):
    with App.open(tmp_path / "casus.sqlite", clock=FixedClock("2024-06-01")) as app:
        assert app.today() == dt.date(2024, 6, 1)
        assert [d.state.id for d in app.state("North Korea").defended_by] == ["CHN"]
        assert app.exposure_table(limit=1).on == dt.date(2024, 6, 1)


def test_the_system_clock_is_the_machines_calendar():
    assert SystemClock().today() == dt.date.today()
