"""The one parser of the dates a user gives: ISO ``YYYY-MM-DD`` or ``today``.

Every flag, API parameter and scenario file reads its dates here, so one
spelling works everywhere. ``today`` is the caller's (the app's clock); library
code never reads the system date itself.

>>> import datetime as dt
>>> parse_day("today", dt.date(2025, 1, 1)), parse_day(" 2024-12-04 ", dt.date(2025, 1, 1))
(datetime.date(2025, 1, 1), datetime.date(2024, 12, 4))
"""

from __future__ import annotations

import datetime as dt

FORMATS = "YYYY-MM-DD or today"


def parse_day(value: dt.date | str, today: dt.date) -> dt.date:
    """``value`` as a date; ``ValueError`` naming the accepted forms otherwise."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if text.lower() == "today":
        return today
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{value!r} is not a date (expected {FORMATS})") from None
